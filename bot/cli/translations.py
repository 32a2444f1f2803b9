"""Translation tools for translators and reviewers.

Usage:
  python scripts/translations.py update LANG [--name NAME]   create or refresh translations/LANG.yaml:
                                                             every English id, its current English, kept texts
  python scripts/translations.py stamp LANG [ID ...]         mark translated entries as translating the current
                                                             English (after translating or reviewing them);
                                                             with ids, re-stamp those entries even if stale
  python scripts/translations.py check [LANG ...] [--budget N]   coverage, missing/extra ids, placeholders,
                                                             stale entries, mixed languages, global words, SMS
                                                             segments; exit 1 on errors
  python scripts/translations.py export LANG [-o FILE.po]    a gettext .po for Poedit/Weblate/Crowdin (stdout)
  python scripts/translations.py import LANG FILE.po         merge a translated .po back into translations/LANG.yaml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polib

from bot.content.errors import ContentError
from bot.content.loader import load_content
from bot.content.translations import fingerprint
from bot.i18n.check import SEGMENT_BUDGET, check_root, english_source, format_report, summary_table
from bot.i18n.files import stamp, updated_doc
from bot.i18n.po import PoImportError, export_po, import_po, read_doc, save_doc
from bot.service.runtime import ROOT

NAMES = {
    "es": "Español",
    "zh": "中文",
    "ar": "العربية",
    "ur": "اردو",
    "ht": "Kreyòl ayisyen",
    "pt": "Português",
    "vi": "Tiếng Việt",
    "fr": "Français",
}


def _parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per tool."""
    ap = argparse.ArgumentParser(description="kyrbot translation tools")
    ap.add_argument("--root", type=Path, default=ROOT, help="the content root (default: this repository)")
    sub = ap.add_subparsers(dest="command", required=True)
    update = sub.add_parser("update", help="create or refresh translations/LANG.yaml")
    update.add_argument("lang")
    update.add_argument("--name")
    stamp_ = sub.add_parser("stamp", help="record the English each translation translates")
    stamp_.add_argument("lang")
    stamp_.add_argument("ids", nargs="*", help="re-stamp these ids even if they record an older English")
    check = sub.add_parser("check", help="check translations; exit 1 on errors")
    check.add_argument("langs", nargs="*")
    check.add_argument("--budget", type=int, default=SEGMENT_BUDGET, help="SMS segments per message")
    export = sub.add_parser("export", help="write a .po file")
    export.add_argument("lang")
    export.add_argument("-o", "--output")
    imp = sub.add_parser("import", help="merge a .po file into translations/LANG.yaml")
    imp.add_argument("lang")
    imp.add_argument("file")
    return ap


def _path(args: argparse.Namespace, lang: str) -> Path:
    """translations/<lang>.yaml under the content root."""
    return args.root / "translations" / f"{lang}.yaml"


def cmd_update(args: argparse.Namespace) -> int:
    """Every English id in the file, existing texts kept."""
    content = load_content(args.root, check=False, required=())
    name = args.name or NAMES.get(args.lang, args.lang)
    doc = updated_doc(content, read_doc(_path(args, args.lang)), args.lang, name)
    save_doc(_path(args, args.lang), doc)
    print(f"{_path(args, args.lang).relative_to(args.root)}: {len(doc['messages'])} messages")
    return 0


def cmd_stamp(args: argparse.Namespace) -> int:
    """Fingerprint unstamped entries, and the named ones even when they are stale."""
    content = load_content(args.root, check=False, required=())
    doc = read_doc(_path(args, args.lang))
    messages, english = doc.get("messages") or {}, content.texts["en"]
    unknown = [i for i in args.ids if i not in english or not isinstance(messages.get(i), dict)]
    if unknown:
        print(f"unknown or untranslated message ids: {', '.join(unknown)}", file=sys.stderr)
        return 1
    for msg_id in args.ids:
        messages[msg_id]["source"] = fingerprint(english[msg_id])
    count = stamp(content, doc) + len(args.ids)
    save_doc(_path(args, args.lang), doc)
    print(f"{_path(args, args.lang).relative_to(args.root)}: stamped {count} entries")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Print the report and the summary table; 1 when any language has errors."""
    absent = [lang for lang in args.langs if not _path(args, lang).exists()]
    for lang in absent:
        print(f"translations/{lang}.yaml does not exist. Fix: run 'python scripts/translations.py update {lang}'.")
    try:
        content = load_content(args.root, check=False, required=())
        langs = [lang for lang in args.langs if lang not in absent] or None
        reports = check_root(args.root, langs, args.budget, content)
    except ContentError as exc:
        print("\n".join(exc.problems))
        return 1
    for report in reports:
        print(format_report(report) + "\n")
    print(summary_table(reports, english_source(content)))
    return 1 if absent or any(f.error for r in reports for f in r.findings) else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the .po to a file or stdout."""
    content = load_content(args.root, check=False, required=())
    po = export_po(content, read_doc(_path(args, args.lang)), args.lang)
    if args.output:
        po.save(args.output)
    else:
        sys.stdout.write(str(po))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Merge the .po; refuse it whole when an entry is unknown."""
    if not _path(args, args.lang).exists():
        print(
            f"translations/{args.lang}.yaml does not exist. Fix: run 'python scripts/translations.py update "
            f"{args.lang}' first.",
            file=sys.stderr,
        )
        return 1
    content = load_content(args.root, check=False, required=())
    try:
        doc = import_po(content, read_doc(_path(args, args.lang)), polib.pofile(args.file))
    except PoImportError as exc:
        print(f"{args.file}: not imported, translations/{args.lang}.yaml is unchanged:\n{exc}", file=sys.stderr)
        return 1
    save_doc(_path(args, args.lang), doc)
    print(f"{_path(args, args.lang).relative_to(args.root)}: imported {args.file}")
    return 0


def main(argv: list[str]) -> int:
    """Dispatch the subcommand."""
    args = _parser().parse_args(argv)
    return {"update": cmd_update, "stamp": cmd_stamp, "check": cmd_check, "export": cmd_export, "import": cmd_import}[
        args.command
    ](args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
