"""Translation tools for translators and reviewers.

Usage:
  python scripts/translations.py update LANG [--name NAME]   create or refresh translations/LANG.yaml:
                                                             every English id, its current English, kept texts
  python scripts/translations.py stamp LANG                  mark translated entries as translating the current
                                                             English (after translating or reviewing them)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.i18n_files import read_doc, stamp, updated_doc, write_doc  # noqa: E402
from bot.loader import load_content  # noqa: E402
from bot.runtime import ROOT  # noqa: E402

NAMES = {"es": "Español", "zh": "中文", "ar": "العربية", "ur": "اردو", "ht": "Kreyòl ayisyen",
         "pt": "Português", "vi": "Tiếng Việt", "fr": "Français"}


def main(argv: list[str]) -> int:
    """Dispatch the subcommand."""
    ap = argparse.ArgumentParser(description="kyrbot translation tools")
    ap.add_argument("command", choices=("update", "stamp"))
    ap.add_argument("lang")
    ap.add_argument("--name")
    args = ap.parse_args(argv)
    content = load_content(ROOT, check=False)
    path = ROOT / "translations" / f"{args.lang}.yaml"
    doc = read_doc(path)
    if args.command == "update":
        doc = updated_doc(content, doc, args.lang, args.name or NAMES.get(args.lang, args.lang))
        write_doc(path, doc)
        print(f"{path.relative_to(ROOT)}: {len(doc['messages'])} messages")
    else:
        count = stamp(content, doc)
        write_doc(path, doc)
        print(f"{path.relative_to(ROOT)}: stamped {count} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
