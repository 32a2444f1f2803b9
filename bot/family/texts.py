"""What the service says for emergency contacts: to contacts (in each contact's language) and to the person."""

from __future__ import annotations

from bot.core.engine import Engine
from bot.core.family import FLOW
from bot.core.session import Reply, Session
from bot.family.numbers import shown
from bot.family.records import Contact, Private


def say(engine: Engine, lang: str, msg: str, **values: str) -> str:
    """One of the flow's messages in a language, filled in ({phone:x} too)."""
    text = engine.view.t(f"{FLOW}.msg.{msg}", lang)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return engine.view.fill(text, Session(lang=lang), FLOW)


def reply(engine: Engine, lang: str, msg: str, **values: str) -> Reply:
    """A message to the person, as a reply."""
    return Reply(say(engine, lang, msg, **values), (), lang, engine.view.rtl(lang))


def to_contact(engine: Engine, private: Private, contact: Contact, kind: str, first: bool) -> str:
    """The text a contact gets: who set them up (the first time), then the test or the alert and what to do."""
    lang, who = contact.lang, private.name or "?"
    parts = [say(engine, lang, "to_contact_intro", name=who)] if first else []
    if kind == "test":
        parts.append(say(engine, lang, "to_contact_test", name=who))
    else:
        custom = contact.message.strip()
        alert = "to_contact_alert" if custom else "to_contact_alert_plain"
        parts.append(say(engine, lang, alert, name=who, text=custom))
        parts.append(say(engine, lang, "to_contact_steps"))
    return "\n".join(parts)


def listing(engine: Engine, private: Private, default_word: str) -> str:
    """'Your contacts: 1. Ana, (201) 555-0123, Español ...' in the person's language."""
    lang = private.lang
    if not private.contacts:
        return say(engine, lang, "none") + "\n" + say(engine, lang, "word_is", word=private.word or default_word)
    lines = [
        f"{i}. {c.name}, {shown(c.number)}, {_language(engine, c.lang)}" for i, c in enumerate(private.contacts, 1)
    ]
    return say(engine, lang, "list", contacts="\n".join(lines), word=private.word or default_word)


def summary(engine: Engine, lang: str, draft: Contact) -> str:
    """The read-back before YES."""
    text = draft.message or say(engine, lang, "no_message")
    number = shown(draft.number) if draft.number else "?"
    return say(
        engine, lang, "summary", name=draft.name, number=number, language=_language(engine, draft.lang), text=text
    )


def _language(engine: Engine, code: str) -> str:
    """A language's own name."""
    language = engine.content.languages.get(code)
    return language.name if language else code
