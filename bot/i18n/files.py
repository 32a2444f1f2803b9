"""Translation files as documents: the English source in order, and writing a language's file back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.content.model import Content
from bot.content.translations import fingerprint

HEADER = (
    "# {name} translation of kyrbot. Each entry: 'en' is the English source (for reference, refreshed by\n"
    "# 'scripts/translations.py update'), 'text' the translation, 'source' the fingerprint of the English\n"
    "# it was translated from (a different fingerprint marks it stale). Keep {{placeholders}}, form names\n"
    "# (I-407, I-247A), numbers and URLs exactly as in English.\n"
)
DRAFT = "machine draft, awaiting review by a native-speaking legal reviewer"


class Block(str):
    """A text written as a YAML block, so translators see line breaks as they are."""


yaml.SafeDumper.add_representer(
    Block, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None)
)


def source_order(content: Content) -> list[str]:
    """Every English message id, in reading order: ui messages, the menu, then each flow's nodes."""
    ids = [k for k in content.texts["en"] if k.startswith("ui.")]
    for flow in content.flow_order():
        prefix = f"{flow}."
        ids += [k for k in content.texts["en"] if k.startswith(prefix)]
    return ids


def updated_doc(content: Content, doc: dict[str, Any], code: str, name: str) -> dict[str, Any]:
    """The file with every English id present: existing translations kept with their old fingerprint."""
    english = content.texts["en"]
    old = doc.get("messages") or {}
    messages = {}
    for msg_id in source_order(content):
        entry = old.get(msg_id) or {}
        text = entry.get("text", "") if isinstance(entry, dict) else str(entry)
        source = entry.get("source", "") if isinstance(entry, dict) and text else ""
        messages[msg_id] = {"en": Block(english[msg_id]), "text": Block(text), "source": source}
    return {
        "language": code,
        "name": doc.get("name", name),
        "status": doc.get("status", DRAFT),
        "reviewed_by": doc.get("reviewed_by"),
        "keywords": doc.get("keywords") or {},
        "messages": messages,
    }


def write_doc(path: Path, doc: dict[str, Any]) -> None:
    """Write a translation file in a stable, readable form."""
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(HEADER.format(name=doc["name"]) + body, encoding="utf-8")


def stamp(content: Content, doc: dict[str, Any]) -> int:
    """Record the current English fingerprint on every entry that has a text but no fingerprint."""
    count = 0
    for msg_id, entry in (doc.get("messages") or {}).items():
        if entry.get("text") and not entry.get("source") and msg_id in content.texts["en"]:
            entry["source"] = fingerprint(content.texts["en"][msg_id])
            count += 1
    return count
