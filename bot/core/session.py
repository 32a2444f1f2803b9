"""A conversation's state and the message and replies that pass through the engine."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

TRAIL_MAX = 12


@dataclass
class Session:
    """Where one user stands: everything the engine needs between two messages, nothing more."""

    at: str = "menu.start"  # the node the user is at, 'flow.node'
    lang: str = "en"
    lang_picked: bool = False  # chosen in the picker: no automatic switching
    trail: list[str] = field(default_factory=list)  # nodes visited, for BACK
    state: str | None = None  # US state the user gave (postal code)
    pending: str | None = None  # a question awaiting its answer
    choices: list[str] = field(default_factory=list)  # what the numbers of that question mean
    pages: list[str] = field(default_factory=list)  # the rest of a long reply, for MORE
    seen: float = 0.0  # time of the last message (passed in)

    def copy(self) -> Session:
        """A deep-enough copy: the engine never mutates the caller's session."""
        return replace(self, trail=list(self.trail), choices=list(self.choices), pages=list(self.pages))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the store: every field, lists copied (dataclasses.asdict deep-copies generically,
        10x slower, and nothing here nests deeper than a list of strings)."""
        return {name: list(value) if isinstance(value, list) else value for name, value in vars(self).items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        """Rebuild from the store, ignoring fields an older or newer version wrote."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


SEGMENTS = "segments"  # Page.unit: SMS segments, counted on the text as the SMS adapter sends it
CHARS = "chars"  # Page.unit: UTF-16 code units (what WhatsApp and Telegram count)
LINES, BOLD, BUTTONS = "lines", "bold", "buttons"  # Page.options: '1 Label' lines, '*1* Label' lines, buttons


@dataclass(frozen=True)
class Page:
    """How much one message may carry on the user's channel; the engine cuts a longer reply into pages that
    follow on MORE. Each channel declares its own (bot/text/pages.py); the engine only passes it to the measure."""

    limit: int  # in `unit`s, the MORE hint and the options included
    unit: str = CHARS
    options: str = LINES  # how the options travel: inside the text (LINES, BOLD) or as BUTTONS (not counted)
    fold: frozenset[str] = frozenset()  # languages whose accents the channel folds before counting (SMS)


@dataclass(frozen=True)
class Desk:
    """What the service tells the engine about talking to a person (bot/handoff), passed in like the time."""

    org: str = ""  # the organisation whose volunteers answer; "" when nobody can (no responders configured)
    case: int = 0  # the person's open case, 0 when none
    relay: bool = False  # ...and what they write goes to the volunteer


@dataclass(frozen=True)
class Family:
    """What the service tells the engine about the person's emergency contacts (bot/family), passed in like the
    time: counts and flags only, never a contact's name or number."""

    on: bool = False  # emergency contacts work on this channel and deployment
    contacts: int = 0  # how many contacts are saved
    named: bool = False  # the person gave the name their contacts know them by
    alert: bool = False  # the message is the person's own alert word (the service compared it, sealed)
    checkin: str = ""  # a check-in timer: "" none | "running" | "asking" (the "Are you OK?" was sent)
    number: str = ""  # the message read as a phone number: "ok" | "blocked" (the bot's own, a responder's) | ""


@dataclass(frozen=True)
class Inbound:
    """One message from a user, as the channel adapter parsed it."""

    text: str
    now: float
    kind: str = "text"  # text | media | hello (Telegram /start)
    lang_hint: str | None = None  # e.g. Telegram's language_code
    state_hint: str | None = None  # e.g. Twilio's FromState: to confirm, never to trust
    lang_pick: str | None = None  # a language chosen outside the chat (web switcher, chat --json "lang")
    desk: Desk = Desk()  # set by the service, never by a channel
    family: Family = Family()  # set by the service, never by a channel
    page: Page | None = None  # the channel's page; None: replies are never cut (tools, tests)


@dataclass(frozen=True)
class Choice:
    """A numbered option as shown to the user."""

    key: str
    label: str
    target: str


@dataclass(frozen=True)
class Reply:
    """One message to send: text, its options, and the language it is written in."""

    text: str
    options: tuple[Choice, ...] = ()
    lang: str = "en"
    rtl: bool = False
    kind: str = "message"  # message | officer (English text for an officer)


@dataclass(frozen=True)
class Result:
    """What a step returns: the new session (None: erase it), the replies, and events for metrics."""

    session: Session | None
    replies: tuple[Reply, ...]
    events: tuple[str, ...] = ()
