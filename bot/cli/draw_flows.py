"""Draw every flow (and the main menu) as Mermaid source and as an SVG picture drawn by Graphviz.

Usage:
  python scripts/draw_flows.py                         every flow, .mmd and .svg, into docs/flows/
  python scripts/draw_flows.py --flow ice_at_door      one flow (repeat --flow for more)
  python scripts/draw_flows.py --format mmd            Mermaid only (needs no Graphviz)
  python scripts/draw_flows.py --out /tmp/pictures     another folder
Exit code 0 when everything asked for was written; 1 when `dot` is missing (the Mermaid files are still
written) or a flow is unknown; 2 when the content has problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.content.errors import ContentError
from bot.content.loader import load_content
from bot.pictures.diagrams import DiagramError, Diagrams, DotMissing
from bot.service.runtime import ROOT

DEFAULT_OUT = ROOT / "docs" / "flows"


def parse(argv: list[str]) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description="Draw the flows as Mermaid and SVG.")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write into (default docs/flows/)")
    ap.add_argument("--flow", action="append", default=[], help="only this flow id (repeatable)")
    ap.add_argument("--format", choices=("mmd", "svg", "both"), default="both")
    ap.add_argument("--content", type=Path, default=ROOT, help="folder with flows/ and translations/")
    return ap.parse_args(argv)


def write(path: Path, text: str) -> None:
    """Write one file and say so."""
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")


def main(argv: list[str]) -> int:
    """Draw what was asked for; report a missing Graphviz once, after the Mermaid files."""
    args = parse(argv)
    try:
        diagrams = Diagrams(load_content(args.content))
    except ContentError as exc:
        print(f"the content has problems; run scripts/validate.py:\n{exc}", file=sys.stderr)
        return 2
    flows = args.flow or list(diagrams.flows())
    unknown = [f for f in flows if f not in diagrams.content.flows]
    if unknown:
        print(f"unknown flow(s): {', '.join(unknown)}. Known: {', '.join(diagrams.flows())}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    missing: DotMissing | None = None
    for flow in flows:
        if args.format in ("mmd", "both"):
            write(args.out / f"{flow}.mmd", diagrams.mermaid(flow))
        if args.format in ("svg", "both") and missing is None:
            try:
                write(args.out / f"{flow}.svg", diagrams.flow_svg(flow))
            except DotMissing as exc:
                missing = exc
            except DiagramError as exc:
                print(f"{flow}: {exc}", file=sys.stderr)
                return 1
    if missing:
        print(f"no SVG written: {missing}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
