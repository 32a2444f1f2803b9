"""Replay a scripted conversation deterministically: the basis of golden transcript tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.engine import Engine
from bot.core.session import Desk, Family, Inbound
from bot.family.numbers import normalise
from bot.service.handler import Service
from bot.store import open_store
from bot.text import pages
from bot.text.render import as_text, sms_text

START = 1_800_000_000.0  # a fixed clock: transcripts never depend on the day they run
TICK = 30.0  # seconds between two messages of a transcript


@dataclass(frozen=True)
class Turn:
    """One message sent and what came back, as a golden file records it."""

    send: str
    at: str
    lang: str
    replies: list[str]


def rendered(reply: Any, channel: str) -> str:
    """The text a channel would show for a reply, with the default settings (SMS: accents folded for
    pages.DEFAULT_FOLD)."""
    return sms_text(reply, accents=reply.lang in pages.DEFAULT_FOLD) if channel == "sms" else as_text(reply)


def replay(
    engine: Engine,
    sends: list[str],
    channel: str = "sms",
    lang: str | None = None,
    state_hint: str | None = None,
    lang_hint: str | None = None,
    org: str | None = None,
    family: bool = False,
) -> list[Turn]:
    """Run the messages through a fresh in-memory service, with a fixed clock and secret. `lang` is picked from
    the language menu before the first message; `lang_hint` is what the channel says (Telegram's language_code);
    `org` names the organisation whose volunteers answer (talking to a person; none: nobody can); `family` turns
    emergency contacts on, as for a person with one contact saved (the engine's side only: no list, no sending)."""
    service = Service(engine, open_store("sqlite:///:memory:"), b"golden-transcripts", rate_limit=10**6)
    turns = []
    for i, text in enumerate(sends):
        msg = Inbound(
            text,
            START + i * TICK,
            lang_pick=lang if i == 0 else None,
            state_hint=state_hint,
            lang_hint=lang_hint,
            desk=Desk(org=org or ""),
            family=Family(on=True, contacts=1, named=True, number="ok" if normalise(text) else "")
            if family
            else Family(),
            page=pages.for_channel(channel),  # the channel's page with the default settings
        )
        out = service.handle(channel, "golden-user", msg)
        at = out.session.at if out.session else "-"
        turns.append(
            Turn(text, at, out.session.lang if out.session else "-", [rendered(r, channel) for r in out.replies])
        )
    return turns
