"""Record and show legal review sign-offs, per flow and language (flows/reviews.yaml).

Usage:
  python3 scripts/review.py status [LANG ...]          which flows a lawyer has checked, per language
  python3 scripts/review.py sign FLOW LANG --by WHO [--date YYYY-MM-DD]
                                                      record a sign-off: WHO is a role or name the organisation
                                                      gives ("Staff attorney, ACLU of X"); a translation can be
                                                      signed only when none of its texts is missing or stale,
                                                      and only after the English was signed
  python3 scripts/review.py check [--today YYYY-MM-DD] warn about sign-offs older than review_max_age
The bot says "Checked by a lawyer on <date>" for a flow only while a sign-off vouches for exactly its texts.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import yaml

from bot.content.loader import load_content
from bot.content.model import Content
from bot.content.reviews import ENGLISH_CONTENT, REVIEWS_FILE, TRANSLATION, fingerprint, old_reviews, stale_ids
from bot.content.yamlsrc import load_yaml
from bot.service.runtime import ROOT

HEADER = (
    "# Legal review sign-offs, one per flow and language. Written by 'python3 scripts/review.py sign';\n"
    "# 'source' is a fingerprint of the texts the reviewer read: when they change, the sign-off lapses.\n"
)


def read(root: Path) -> dict:
    """The reviews file as plain data ({} when there is none yet)."""
    path = root / "flows" / REVIEWS_FILE
    return dict(load_yaml(path, root) or {}) if path.exists() else {}


def sign(content: Content, root: Path, flow: str, lang: str, by: str, when: str) -> str | None:
    """Record a sign-off; the reason it is refused, or None when recorded."""
    if flow not in content.flows:
        return f"no flow '{flow}'. Fix: use one of: {', '.join(content.flow_order())}."
    if lang not in content.languages:
        return f"no language '{lang}'. Fix: use one of: {', '.join(content.languages)}."
    if lang != "en":
        stale = stale_ids(content, dict(content.sources.get(lang, {})), flow, lang)
        if stale:
            return (
                f"{flow} ({lang}) has {len(stale)} text(s) missing or older than the English: {', '.join(stale)}. "
                f"Fix: translate them, run 'python3 scripts/translations.py stamp {lang} <id>', then sign."
            )
        if content.signoff(flow, "en") is None:
            return f"the English of {flow} has no current sign-off. Fix: sign 'en' first."
    data = read(root)
    entry = {
        "by": by,
        "date": when,
        "what": ENGLISH_CONTENT if lang == "en" else TRANSLATION,
        "source": fingerprint(content, flow, lang),
    }
    data.setdefault(flow, {})[lang] = entry
    plain = {str(f): {str(k): dict(v) for k, v in langs.items()} for f, langs in data.items()}
    (root / "flows" / REVIEWS_FILE).write_text(
        HEADER + yaml.safe_dump(plain, allow_unicode=True, sort_keys=True), encoding="utf-8"
    )
    return None


def status(content: Content, langs: list[str]) -> str:
    """A table: per flow, the date each language was checked, or '-' (written, not yet checked)."""
    codes = langs or list(content.languages)
    rows = [["flow", *codes]]
    for flow in content.flow_order():
        rows.append([flow, *((s.date if (s := content.signoff(flow, c)) else "-") for c in codes)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def main(argv: list[str] | None = None) -> int:
    """status / sign / check."""
    ap = argparse.ArgumentParser(description="legal review sign-offs")
    ap.add_argument("--root", type=Path, default=ROOT)
    sub = ap.add_subparsers(dest="command", required=True)
    st = sub.add_parser("status")
    st.add_argument("langs", nargs="*")
    sg = sub.add_parser("sign")
    sg.add_argument("flow")
    sg.add_argument("lang")
    sg.add_argument("--by", required=True)
    sg.add_argument("--date", default=date.today().isoformat())
    ck = sub.add_parser("check")
    ck.add_argument("--today", default=date.today().isoformat())
    args = ap.parse_args(argv)
    content = load_content(args.root, check=False)
    if args.command == "status":
        print(status(content, args.langs))
        return 0
    if args.command == "check":
        warnings = old_reviews(dict(content.reviews), date.fromisoformat(args.today), content.review_max_age)
        print(
            "\n".join(f"warning: {w}" for w in warnings) or f"OK: no sign-off is older than {content.review_max_age}."
        )
        return 0
    refused = sign(content, args.root, args.flow, args.lang, args.by.strip(), args.date)
    if refused:
        print(f"refused: {refused}", file=sys.stderr)
        return 1
    print(f"recorded: {args.flow} ({args.lang}) checked by {args.by.strip()} on {args.date}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
