"""Check translation files: coverage, missing and extra ids, placeholders, stale entries, mixed languages,
the global words and the SMS cost of each message. Pure functions over plain data; no file is written."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.content.model import Content
from bot.content.translations import ACTIONS, OPTIONAL_ACTIONS, fingerprint
from bot.content.yamlsrc import load_yaml
from bot.i18n.files import source_order
from bot.nlu.textnorm import fold
from bot.text.sms import fold_typography, sms_info

ERRORS = ("missing", "extra", "placeholder", "mixed", "keyword")  # fail the CI gate and the tool
WARNINGS = ("stale", "unstamped", "segments")  # reported, never failed
LATIN_STANDS_OUT = {"zh", "ar", "ur", "fa", "he"}  # scripts in which any Latin word is a leftover
ENGLISH_CHECKED = {"es", "pt", "fr", "ht"}  # Latin-script languages: look for English words
SEGMENT_BUDGET = 7
_BRACES = re.compile(r"\{[^{}\s]*\}")  # wider than bot.targets.PLACEHOLDER: catches {Estado}
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_WORD = re.compile(rf"[{_L}]+(?:['\u2019][{_L}]+)*")
# A Vietnamese syllable, tone and vowel marks removed: initial consonant, 1-3 vowels, final consonant.
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?"
)


@dataclass(frozen=True)
class Allowed:
    """What a translation may keep in English: names (terms and patterns) and the English word lists."""

    names: re.Pattern[str]
    english: frozenset[str]
    not_english: Mapping[str, frozenset[str]]
    vi_english: frozenset[str]


@dataclass(frozen=True)
class Finding:
    """One problem in one language: kind is one of ERRORS or WARNINGS; message is what the tool prints."""

    lang: str
    msg_id: str
    kind: str
    message: str

    @property
    def error(self) -> bool:
        """True when this finding fails the check."""
        return self.kind in ERRORS


@dataclass
class LanguageReport:
    """Everything the check found in one language, and the SMS segments of each translated message."""

    lang: str
    name: str
    total: int
    translated: int
    findings: list[Finding] = field(default_factory=list)
    segments: dict[str, int] = field(default_factory=dict)

    def count(self, *kinds: str) -> int:
        """How many findings are of these kinds."""
        return sum(1 for f in self.findings if f.kind in kinds)


def load_allowed(root: Path) -> Allowed:
    """translations/_allowed.yaml, with the English names of US states from flows/us_states.yaml."""
    # Read as the bot reads YAML: PyYAML's safe_load turned the word 'yes' in english_words into True.
    data = load_yaml(root / "translations" / "_allowed.yaml") or {}
    terms = sorted({*map(str, data.get("terms") or []), *_state_names(root)}, key=len, reverse=True)
    # Patterns first: at one position the first alternative wins ('ACLU of Massachusetts' before 'ACLU').
    parts = [str(p) for p in data.get("patterns") or []] + [re.escape(t) for t in terms]
    names = re.compile(rf"(?<![{_L}0-9])(?:{'|'.join(parts)})(?![{_L}0-9])")
    words = lambda key: frozenset(str(w).casefold() for w in data.get(key) or [])
    not_english = {
        str(k): frozenset(str(w).casefold() for w in v or []) for k, v in (data.get("not_english") or {}).items()
    }
    return Allowed(names, words("english_words"), not_english, words("vi_english"))


def _state_names(root: Path) -> list[str]:
    """Every English state name (Vietnamese and others write them as they are)."""
    path = root / "flows" / "us_states.yaml"
    if not path.exists():
        return []
    states = (load_yaml(path) or {}).get("states") or []
    return [str(name) for state in states for name in state.get("en") or []]


def mixed_words(text: str, lang: str, allowed: Allowed) -> list[str]:
    """Words of another language left in a translation: Latin words in zh/ar/ur, non-Vietnamese words in
    vi, English words in es/pt/fr/ht; allowed names and {placeholders} excepted. Each word once."""
    rest = allowed.names.sub(" ", _BRACES.sub(" ", unicodedata.normalize("NFC", text)))
    words = _WORD.findall(rest)
    if lang in LATIN_STANDS_OUT:
        bad = [w for w in words if len(w) > 1]  # a lone letter is a name: U visa -> U签证, A-number
    elif lang == "vi":
        bad = [w for w in words if len(w) > 1 and (not _vietnamese(w) or w.casefold() in allowed.vi_english)]
    elif lang in ENGLISH_CHECKED:
        english = allowed.english - allowed.not_english.get(lang, frozenset())
        bad = [w for w in words if w.casefold().replace("\u2019", "'") in english]
    else:
        bad = []
    return list(dict.fromkeys(bad))


def _vietnamese(word: str) -> bool:
    """True when the word has the shape of a Vietnamese syllable."""
    bare = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return bool(_VI_SYLLABLE.fullmatch("".join(c for c in bare if not unicodedata.combining(c))))


def placeholder_difference(english: str, text: str) -> str:
    """'' when the text has the English placeholders (as a multiset), else what is missing and unexpected."""
    want, got = Counter(_BRACES.findall(english)), Counter(_BRACES.findall(text))
    missing, extra = list((want - got).elements()), list((got - want).elements())
    return "; ".join(
        ([f"missing {' '.join(missing)}"] if missing else []) + ([f"unexpected {' '.join(extra)}"] if extra else [])
    )


def entry_text(entry: Any) -> str:
    """The translated text of an entry ({en, text, source} or plain text); '' when untranslated."""
    text = entry.get("text") if isinstance(entry, dict) else entry
    return text.strip() if isinstance(text, str) else ""


def entry_source(entry: Any) -> str:
    """The fingerprint an entry records ('' when none)."""
    return str(entry.get("source") or "") if isinstance(entry, dict) else ""


def check_doc(
    english: Mapping[str, str],
    english_keywords: Mapping[str, tuple[str, ...]],
    doc: dict[str, Any],
    lang: str,
    allowed: Allowed,
    budget: int = SEGMENT_BUDGET,
) -> LanguageReport:
    """Check one language's file (as plain data) against the English source, in the English order."""
    messages = doc.get("messages") or {}
    report = LanguageReport(lang, str(doc.get("name") or lang), len(english), 0)
    for msg_id, source in english.items():
        text = entry_text(messages.get(msg_id))
        if not text:
            report.findings.append(Finding(lang, msg_id, "missing", f"{lang}: {msg_id}: not translated yet."))
            continue
        report.translated += 1
        report.segments[msg_id] = sms_info(fold_typography(text))[1]
        report.findings += entry_findings(lang, msg_id, source, text, entry_source(messages[msg_id]), allowed)
        if report.segments[msg_id] > budget:
            report.findings.append(
                Finding(
                    lang,
                    msg_id,
                    "segments",
                    f"{lang}: {msg_id}: {report.segments[msg_id]} "
                    f"SMS segments, over the budget of {budget}. Fix: shorten it.",
                )
            )
    report.findings += [
        Finding(
            lang,
            k,
            "extra",
            f"{lang}: {k}: not in the English source any more. Fix: run "
            f"'python scripts/translations.py update {lang}' to drop it.",
        )
        for k in messages
        if k not in english
    ]
    report.findings += keyword_findings(lang, doc.get("keywords") or {}, english_keywords)
    return report


def entry_findings(lang: str, msg_id: str, english: str, text: str, source: str, allowed: Allowed) -> list[Finding]:
    """Placeholders, mixed languages and staleness of one translated entry."""
    out, where = [], f"{lang}: {msg_id}:"
    if diff := placeholder_difference(english, text):
        out.append(
            Finding(
                lang,
                msg_id,
                "placeholder",
                f"{where} placeholders differ from the English: {diff}. "
                "Fix: keep every {placeholder} exactly as in the English.",
            )
        )
    if words := mixed_words(text, lang, allowed):
        what = (
            "English words"
            if lang in ENGLISH_CHECKED
            else "Latin-script words"
            if lang != "vi"
            else "words that are not Vietnamese"
        )
        out.append(
            Finding(
                lang,
                msg_id,
                "mixed",
                f"{where} {what} in the text: {', '.join(map(repr, words))}. "
                "Fix: translate them; a name that must stay in English goes in translations/_allowed.yaml.",
            )
        )
    if not source:
        out.append(
            Finding(
                lang,
                msg_id,
                "unstamped",
                f"{where} no 'source' fingerprint. Fix: once the translation "
                f"is checked, run 'python scripts/translations.py stamp {lang}'.",
            )
        )
    elif source != fingerprint(english):
        out.append(
            Finding(
                lang,
                msg_id,
                "stale",
                f"{where} stale: the English changed since it was translated. "
                f"Fix: update it to the new 'en', then run "
                f"'python scripts/translations.py stamp {lang} {msg_id}'.",
            )
        )
    return out


def keyword_findings(
    lang: str, keywords: Mapping[str, Any], english_keywords: Mapping[str, tuple[str, ...]]
) -> list[Finding]:
    """Every global word has spellings, without digits, each meaning one action (English meanings win)."""
    out: list[Finding] = []
    english = {fold(w): action for action, words in english_keywords.items() for w in words}
    seen: dict[str, str] = {}
    add = lambda text: out.append(Finding(lang, "keywords", "keyword", f"{lang}: keywords: {text}"))
    for action in keywords:
        if isinstance(action, bool):  # PyYAML's safe_dump wrote 'true:' for a 'yes:' it had read as True
            add(
                f"'{str(action).lower()}:' is not a global word. Fix: write '{'yes' if action else 'no'}:' "
                f"instead (or run 'python scripts/translations.py stamp {lang}', which repairs it)."
            )
        elif action not in ACTIONS:
            add(f"'{action}' is not a global word. Fix: use one of: {', '.join(ACTIONS)}.")
    for action in ACTIONS:
        value = keywords.get(action)
        words = [str(w).strip() for w in value if str(w).strip()] if isinstance(value, list) else []
        if not words and action not in OPTIONAL_ACTIONS:
            add(f"no words for '{action}'. Fix: add '{action}: [...]' under 'keywords:', the most natural first.")
        for word in words:
            key = fold(word)
            other = seen.setdefault(key, action)
            if any(c.isdigit() for c in word):
                add(f"'{word}' ({action}) has a digit. Fix: remove it; numbers choose options.")
            elif other != action:
                add(f"'{word}' is listed for both '{other}' and '{action}'. Fix: keep it under one of them.")
            elif english.get(key, action) != action:
                add(f"'{word}' ({action}) is the English word for '{english[key]}', which wins. Fix: use another word.")
    return out


def check_root(
    root: Path, langs: list[str] | None = None, budget: int = SEGMENT_BUDGET, content: Content | None = None
) -> list[LanguageReport]:
    """Check translations/<lang>.yaml for the given languages (default: every file that exists); content is
    loaded from root unless the caller has it already."""
    if content is None:
        from bot.content.loader import load_content  # late: keeps this module free of the loader for pure checks

        content = load_content(root, check=False, required=())  # any content root: a fixture has fewer flows
    english = english_source(content)
    allowed = load_allowed(root)
    folder = root / "translations"
    codes = langs or sorted(p.stem for p in folder.glob("*.yaml") if not p.stem.startswith("_"))
    return [
        check_doc(english, content.keywords["en"], read_raw(folder / f"{code}.yaml"), code, allowed, budget)
        for code in codes
        if code != "en"
    ]


def english_source(content: Content) -> dict[str, str]:
    """The English messages in reading order: what every language is checked against."""
    return {k: content.texts["en"][k] for k in source_order(content)}


def read_raw(path: Path) -> dict[str, Any]:
    """A translation file as plain data, read as the bot reads it (only true/false are booleans)."""
    return _plain(load_yaml(path)) or {} if path.exists() else {}


def _plain(value: Any) -> Any:
    """Plain dicts and lists (the loader's line-numbered mappings cannot be dumped)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return [_plain(v) for v in value] if isinstance(value, list) else value


def segment_stats(segments: Mapping[str, int]) -> tuple[float, int]:
    """Mean and maximum SMS segments per message (0 when there is none)."""
    values = list(segments.values())
    return (sum(values) / len(values), max(values)) if values else (0.0, 0)


def format_report(report: LanguageReport) -> str:
    """A readable report: a heading, errors, warnings, then the untranslated ids on one line."""
    share = 100 * report.translated / report.total if report.total else 0.0
    lines = [
        f"== {report.lang} ({report.name}): {report.translated}/{report.total} translated ({share:.1f}%), "
        f"{report.count('stale')} stale, {report.count('unstamped')} not stamped, {report.count(*ERRORS)} errors"
    ]
    lines += [f"error: {f.message}" for f in report.findings if f.error and f.kind != "missing"]
    lines += [f"warning: {f.message}" for f in report.findings if not f.error]
    missing = [f.msg_id for f in report.findings if f.kind == "missing"]
    if missing:
        lines.append(f"error: {report.lang}: not translated yet ({len(missing)}): {', '.join(missing)}")
    return "\n".join(lines)


def summary_table(reports: list[LanguageReport], english: Mapping[str, str] | None = None) -> str:
    """One row per language: coverage, stale entries, errors, and SMS segments per message (English first)."""
    rows = [("lang", "name", "translated", "coverage", "stale", "unstamped", "errors", "seg mean", "seg max")]
    if english is not None:
        mean, top = segment_stats({k: sms_info(fold_typography(t))[1] for k, t in english.items()})
        total = f"{len(english)}/{len(english)}"
        rows.append(("en", "English", total, "source", "-", "-", "-", f"{mean:.2f}", str(top)))
    for r in reports:
        mean, top = segment_stats(r.segments)
        share = f"{100 * r.translated / r.total:.1f}%" if r.total else "-"
        rows.append(
            (
                r.lang,
                r.name,
                f"{r.translated}/{r.total}",
                share,
                str(r.count("stale")),
                str(r.count("unstamped")),
                str(r.count(*ERRORS)),
                f"{mean:.2f}",
                str(top),
            )
        )
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip() for row in rows
    )


def _width(cell: str) -> int:
    """Columns a text takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in cell)
