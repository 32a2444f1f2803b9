"""Translation files for translators' tools: read and write translations/<lang>.yaml safely, and export to or
import from gettext .po (Poedit, Weblate, Crowdin). msgctxt is the message id, msgid the English, msgstr the
translation; '#. fingerprint: ...' keeps the fingerprint recorded in the YAML; '#, fuzzy' marks stale entries.
The global words travel as entries 'keyword.<word>' whose msgstr is a comma-separated list."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import polib

from bot.content.model import Content
from bot.content.translations import ACTIONS, fingerprint
from bot.i18n.check import entry_source, entry_text, read_raw
from bot.i18n.files import Block, source_order, write_doc

KEYWORD = "keyword."
FP = "fingerprint: "
_YAML_BOOLS = {True: "yes", False: "no"}  # what YAML 1.1 (PyYAML's safe_load) made of 'yes:' and 'no:'


class PoImportError(ValueError):
    """A .po file that cannot be merged; the message names each bad entry and the fix."""


def read_doc(path: Path) -> dict[str, Any]:
    """A translation file as plain data, read with the loader's rules (only true/false are booleans), and
    keywords 'true:'/'false:' (written by an older 'stamp') turned back into 'yes:'/'no:'."""
    doc = read_raw(path)
    if isinstance(doc.get("keywords"), dict):
        doc["keywords"] = {_YAML_BOOLS.get(k, k) if isinstance(k, bool) else k: v for k, v in doc["keywords"].items()}
    return doc


def save_doc(path: Path, doc: dict[str, Any]) -> None:
    """Write a translation file with every text as a block, as 'update' writes it."""
    for entry in (doc.get("messages") or {}).values():
        if isinstance(entry, dict):
            entry.update({k: Block(entry[k]) for k in ("en", "text") if isinstance(entry.get(k), str)})
    write_doc(path, doc)


def export_po(content: Content, doc: Mapping[str, Any], lang: str) -> polib.POFile:
    """The language's messages (in reading order) and global words as a .po catalogue."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "kyrbot",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Language-Name": str(doc.get("name") or lang),
    }
    english, messages = content.texts["en"], doc.get("messages") or {}
    for msg_id in source_order(content):
        po.append(_message_entry(msg_id, english[msg_id], messages.get(msg_id)))
    keywords = doc.get("keywords") or {}
    for action in ACTIONS:
        spellings = [w for w in content.keywords["en"].get(action, ()) if not any(c.isdigit() for c in w)]
        po.append(
            polib.POEntry(
                msgctxt=KEYWORD + action,
                msgid=", ".join(spellings) or action,
                msgstr=", ".join(map(str, keywords.get(action) or [])),
                comment="Global word: whole-message spellings, comma-separated, the most natural first. No digits.",
            )
        )
    return po


def _message_entry(msg_id: str, english: str, entry: Any) -> polib.POEntry:
    """One message: fuzzy when its translation does not record the current English's fingerprint."""
    text, source = entry_text(entry), entry_source(entry)
    item = polib.POEntry(msgctxt=msg_id, msgid=english, msgstr=text)
    if text:
        item.comment = FP + source
        if source != fingerprint(english):
            item.flags.append("fuzzy")
    return item


def import_po(content: Content, doc: dict[str, Any], po: polib.POFile) -> dict[str, Any]:
    """Merge a .po into a translation file's data: texts, their fingerprints and the global words.

    A confirmed entry (not fuzzy) records the fingerprint of the English the translator saw (its msgid), so
    an old export stays stale; a fuzzy entry keeps the fingerprint written in its comment. Everything else in
    the file is kept. Raises PoImportError, changing nothing, when an entry names an unknown id.
    """
    english = content.texts["en"]
    bad = [e for e in po if not _known(e.msgctxt or "", english)]
    if bad:
        raise PoImportError(
            "\n".join(
                f"line {e.linenum}: unknown message id '{e.msgctxt or ''}'. Fix: remove this entry, or export "
                "the file again: the English source has no such id."
                for e in bad
            )
        )
    messages, keywords = dict(doc.get("messages") or {}), dict(doc.get("keywords") or {})
    for item in po:
        if item.msgctxt.startswith(KEYWORD):
            words = [w.strip() for w in item.msgstr.split(",") if w.strip()]
            action = item.msgctxt[len(KEYWORD) :]
            if words or action in keywords:
                keywords[action] = words
        else:
            messages[item.msgctxt] = _merged(messages.get(item.msgctxt), item, english[item.msgctxt])
    return {**doc, "keywords": keywords, "messages": messages}


def _known(msg_id: str, english: Mapping[str, str]) -> bool:
    """A message id of the English source, or a global word."""
    return msg_id in english or (msg_id.startswith(KEYWORD) and msg_id[len(KEYWORD) :] in ACTIONS)


def _merged(entry: Any, item: polib.POEntry, english: str) -> dict[str, str]:
    """The YAML entry after the import of one .po entry ('en' as the file had it)."""
    en = entry.get("en", english) if isinstance(entry, dict) else english
    text, old = item.msgstr.strip(), entry.get("text") if isinstance(entry, dict) else entry
    if not text:
        return {"en": en, "text": "", "source": ""}
    if isinstance(old, str) and old.strip() == text:
        text = old  # keep the file's own line ends: the .po carries the text stripped
    comment = next((line[len(FP) :] for line in (item.comment or "").splitlines() if line.startswith(FP)), "")
    source = comment.strip() if "fuzzy" in item.flags else fingerprint(item.msgid)
    return {"en": en, "text": text, "source": source}
