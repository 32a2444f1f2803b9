"""Translations: translations/<lang>.yaml holds every message id's text, the global words and phrases."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.content.errors import Problems
from bot.content.model import Language, Phrase, frozen_map
from bot.content.yamlsrc import YamlError, line_of, load_yaml

RTL = {"ar", "ur", "fa", "he"}


def fingerprint(english: str) -> str:
    """A short hash of the English source, so a changed sentence marks its translations stale."""
    canonical = " ".join(english.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]


@dataclass
class Translations:
    """What the translation files add to the content."""

    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> id -> fingerprint
    keywords: dict[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    phrases: tuple[Phrase, ...] = ()
    languages: dict[str, Language] = field(default_factory=dict)


def _entries(data: dict) -> tuple[dict[str, str], dict[str, str]]:
    """Message texts and their source fingerprints; an entry is {text, source} or plain text."""
    texts, sources = {}, {}
    for msg_id, entry in (data.get("messages") or {}).items():
        if isinstance(entry, dict) and isinstance(entry.get("text"), str) and entry["text"].strip():
            texts[msg_id], sources[msg_id] = entry["text"].strip(), str(entry.get("source", ""))
        elif isinstance(entry, str) and entry.strip():
            texts[msg_id], sources[msg_id] = entry.strip(), ""
    return texts, sources


def _words(value: Any) -> tuple[str, ...]:
    """A list of spellings, as text."""
    return tuple(str(v).strip() for v in value if str(v).strip()) if isinstance(value, list) else ()


ACTIONS: tuple[str, ...] = ("menu", "back", "help", "language", "stop", "start", "delete", "more", "yes", "no", "hello")
ACTIONS += ("person", "skip")  # talking to a person (flows/person.yaml): open it; skip one of its questions
# Without its words a greeting still gets the menu, through routing; 'person' and 'skip' are reached by their
# phrases and options until each language lists its words.
OPTIONAL_ACTIONS: tuple[str, ...] = ("hello", "person", "skip")
ACTIONS += ("close",)  # CLOSE ends a chat with a volunteer (flows/person.yaml); English works in every language
OPTIONAL_ACTIONS += ("close",)
# Emergency contacts (flows/family_alert.yaml): open it, send the alert, start a check-in timer. The English words
# work in every language until a language lists its own.
ACTIONS += ("contacts", "alert", "checkin")
OPTIONAL_ACTIONS += ("contacts", "alert", "checkin")


def read_keywords(file: str, data: Any, problems: Problems) -> dict[str, tuple[str, ...]]:
    """The 'keywords:' block: spellings of each global word; an unknown word name is reported."""
    block = data.get("keywords") if isinstance(data, dict) else None
    if not isinstance(block, dict):
        return {}
    out = {}
    for key, value in block.items():
        # YAML 1.1 tools (PyYAML's dump, some editors) turn 'yes:'/'no:' into true/false: read them as meant.
        name = {True: "yes", False: "no"}[key] if isinstance(key, bool) else str(key)
        if name in ACTIONS:
            out[name] = _words(value)
        else:
            problems.add(
                file, line_of(block, key), f"'{key}' is not a global word.", f"use one of: {', '.join(ACTIONS)}."
            )
    return out


def read_language(path: Path, root: Path, problems: Problems, out: Translations) -> None:
    """Read one translations/<lang>.yaml into out."""
    file, code = str(path.relative_to(root)), path.stem
    try:
        data = load_yaml(path, root)
    except YamlError as exc:
        problems.items.append(str(exc))
        return
    if not isinstance(data, dict) or data.get("language") != code or not data.get("name"):
        problems.add(
            file,
            line_of(data, "language"),
            f"the file must start with 'language: {code}' and 'name:'.",
            f"write 'language: {code}' and 'name: <the language named in itself>' at the top.",
        )
        return
    out.languages[code] = Language(code, str(data["name"]), code in RTL, str(data.get("status", "draft")))
    out.texts[code], out.sources[code] = _entries(data)
    out.keywords[code] = frozen_map(read_keywords(file, data, problems))
    out.phrases += tuple(
        Phrase(p, str(target), code, file, line_of(data.get("phrases"), target))
        for target, items in (data.get("phrases") or {}).items()
        for p in _words(items)
    )


def load_translations(root: Path, english: Mapping[str, str], problems: Problems) -> Translations:
    """Read every translations/*.yaml (the English source lives in flows/)."""
    out = Translations()
    for path in sorted((root / "translations").glob("*.yaml"), key=lambda p: p.stem):  # zh before zh-Hant
        if path.stem != "en" and not path.stem.startswith("_"):  # _allowed.yaml etc. are not languages
            read_language(path, root, problems, out)
    return out
