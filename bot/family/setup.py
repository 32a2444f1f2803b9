"""The set-up's answers applied to a person's record: pure changes, each answer sealed as soon as it is given."""

from __future__ import annotations

from dataclasses import replace

from bot.family.numbers import normalise
from bot.family.records import Contact, Record

MAX_CONTACTS = 3


def apply(record: Record, name: str, node: str, typed: str, lang: str, where: tuple[str, str]) -> list[tuple[str, str]]:
    """Change the record for one family_* event; what to tell the person: [(message, name)]. `where` is the
    person's (channel, address), kept on YES to ask them "Are you OK?" later. May run again on a store conflict:
    it only changes the record and returns what to say."""
    p, typed = record.private, typed.strip()
    p.lang = lang
    if name == "family_new":
        p.draft, p.replacing = Contact(), -1
    elif name == "family_field" and node == "me_name":
        p.name = typed[:40]
    elif name == "family_field" and node == "add_name":
        p.draft.name = typed[:40]
    elif name == "family_field" and node == "add_number":
        p.draft.number = normalise(typed) or ""
    elif name == "family_lang":
        p.draft.lang = node
    elif name in ("family_field", "family_skip") and node == "add_message":
        p.draft.message = typed[:300] if name == "family_field" else ""
    elif name == "family_field" and node in ("change", "remove"):
        return _pick(record, node, typed)
    elif name == "family_confirm" and node == "add_confirm":
        return save(record, where)
    elif name == "family_decline" and node == "add_confirm":
        p.draft, p.replacing = Contact(), -1
    elif name == "family_word":
        p.word = typed[:20]
    return []


def _pick(record: Record, node: str, typed: str) -> list[tuple[str, str]]:
    """CHANGE: the contact becomes the draft; REMOVE: it goes."""
    p = record.private
    index = int(typed) - 1 if typed.isdigit() else -1
    if not 0 <= index < len(p.contacts):
        return []
    if node == "change":
        p.draft, p.replacing = replace(p.contacts[index]), index
        return []
    return [("removed", p.contacts.pop(index).name)]


def save(record: Record, where: tuple[str, str]) -> list[tuple[str, str]]:
    """YES: the draft becomes a contact (or replaces the one changed); the person's address is kept sealed."""
    p = record.private
    if not (p.draft.name and p.draft.number):
        return []
    if 0 <= p.replacing < len(p.contacts):
        p.contacts[p.replacing] = p.draft
    elif len(p.contacts) >= MAX_CONTACTS:
        return [("too_many", "")]
    else:
        p.contacts.append(p.draft)
    p.draft, p.replacing = Contact(), -1
    p.channel, p.address = where
    return [("saved", "")]
