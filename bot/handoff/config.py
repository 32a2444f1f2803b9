"""The hand-off's settings, read once at start-up from the environment (or the mapping create_app is given).

A setting that cannot work raises ValueError with one line that names it and says how to fix it; the runtime
turns it into a ConfigError, which stops start-up. Responders are configured by the operator, never by users.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.handoff.hours import Hours, parse_hours
from bot.service.values import positive

Get = Callable[..., str]  # get(name, default="") -> the setting's text

DEFAULT_CASE_RETENTION = 7 * 86400.0  # a closed case (and its encrypted reply address) is kept this long
DEFAULT_CASE_IDLE = 86400.0  # an open case with no message either way for this long is closed
DEFAULT_CLAIM_MINUTES = 10.0  # unclaimed this long: the card is re-sent and the person told the hotlines
DEFAULT_RESPONSE_MINUTES = 15  # what the person is told to expect
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
LANG = re.compile(r"^[a-z]{2}(-[A-Za-z]{2,4})?$")
KEY_HELP = 'python3 -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'


@dataclass(frozen=True)
class SmsResponder:
    """A volunteer reached by SMS, and the languages they answer in (none listed: any)."""

    number: str
    langs: frozenset[str] = frozenset()

    def speaks(self, lang: str) -> bool:
        """True when this responder takes cases in lang."""
        return not self.langs or lang in self.langs


@dataclass(frozen=True)
class HotlineDial:
    """A number the phone line connects a caller to (press 0), and when it is answered (None: always)."""

    number: str
    hours: Hours | None = None

    def open_at(self, now: float) -> bool:
        """True when someone answers this number at `now`."""
        return self.hours is None or self.hours.open_at(now)


@dataclass(frozen=True)
class HandoffSettings:
    """Who answers, how the person is told, and how messages go out later than the reply to a request."""

    org: str = ""
    case_keys: tuple[str, ...] = field(default=(), repr=False)
    telegram_chat: int | None = None
    telegram_users: frozenset[int] = frozenset()  # optional allow-list within the group; empty: every member
    sms: tuple[SmsResponder, ...] = ()
    retention: float = DEFAULT_CASE_RETENTION
    idle: float = DEFAULT_CASE_IDLE
    claim_minutes: float = DEFAULT_CLAIM_MINUTES
    response_minutes: int = DEFAULT_RESPONSE_MINUTES
    hours: Hours | None = None
    twilio_sid: str = ""
    twilio_token: str = field(default="", repr=False)
    sms_from: str = ""
    whatsapp_from: str = ""
    twilio_base_url: str = ""
    telegram_token: str = field(default="", repr=False)
    telegram_base_url: str = ""
    sms_per_second: float = 1.0
    queue: str = ""  # KYR_QUEUE: where huey keeps its queue; "" follows KYR_STORE
    demo: bool = False  # the web demo's fake local responders (KYR_DEMO_RESPONDERS=1)
    hotline_dial: tuple[HotlineDial, ...] = ()  # KYR_HOTLINE_DIAL: the phone line's <Dial> on press 0

    @property
    def on(self) -> bool:
        """True when someone can answer: a responders' group, responder numbers, or the demo's fake ones."""
        return self.telegram_chat is not None or bool(self.sms) or self.demo


def read_handoff(get: Get) -> HandoffSettings:
    """The hand-off settings; ValueError (one line, with the fix) when responders are set but cannot work."""
    settings = HandoffSettings(
        org=get("KYR_ORG_NAME").strip(),
        case_keys=tuple(k.strip() for k in get("KYR_CASE_KEY").split(",") if k.strip()),
        telegram_chat=_chat_id(get("KYR_RESPONDERS_TELEGRAM_CHAT").strip()),
        telegram_users=_user_ids(get("KYR_RESPONDERS_TELEGRAM_USERS")),
        sms=parse_responders(get("KYR_RESPONDERS_SMS")),
        retention=positive("KYR_CASE_RETENTION", get("KYR_CASE_RETENTION", str(DEFAULT_CASE_RETENTION))),
        idle=positive("KYR_CASE_IDLE", get("KYR_CASE_IDLE", str(DEFAULT_CASE_IDLE))),
        claim_minutes=positive("KYR_CLAIM_MINUTES", get("KYR_CLAIM_MINUTES", str(DEFAULT_CLAIM_MINUTES))),
        response_minutes=int(
            positive("KYR_RESPONSE_MINUTES", get("KYR_RESPONSE_MINUTES", str(DEFAULT_RESPONSE_MINUTES)))
        ),
        hours=parse_hours(get("KYR_RESPONDER_HOURS")) if get("KYR_RESPONDER_HOURS").strip() else None,
        twilio_sid=get("TWILIO_ACCOUNT_SID").strip(),
        twilio_token=get("TWILIO_AUTH_TOKEN"),
        sms_from=get("TWILIO_FROM").strip(),
        whatsapp_from=get("TWILIO_WHATSAPP_FROM").strip(),
        twilio_base_url=get("TWILIO_API_BASE_URL").strip().rstrip("/"),
        telegram_token=get("TELEGRAM_BOT_TOKEN"),
        telegram_base_url=get("TELEGRAM_API_BASE_URL").strip(),
        sms_per_second=positive("KYR_SMS_PER_SECOND", get("KYR_SMS_PER_SECOND", "1")),
        queue=get("KYR_QUEUE").strip(),
        demo=get("KYR_DEMO_RESPONDERS").strip() in ("1", "true", "yes"),
        hotline_dial=parse_hotline_dial(get("KYR_HOTLINE_DIAL")),
    )
    if settings.on:
        _check(settings)
    return settings


def _check(s: HandoffSettings) -> None:
    """What responders need to work; the first missing piece, as one line. The demo's fake responders alone need
    nothing (their key comes from KYR_SECRET, see handoff/demo.py)."""
    if s.telegram_chat is None and not s.sms:
        return
    if not s.case_keys:
        raise ValueError(f"set KYR_CASE_KEY: cases (reply addresses, answers) are stored encrypted ({KEY_HELP})")
    if not s.org:
        raise ValueError("set KYR_ORG_NAME: people are told which organisation's volunteers read their answers")
    if s.telegram_chat is not None and not s.telegram_token:
        raise ValueError("set TELEGRAM_BOT_TOKEN: KYR_RESPONDERS_TELEGRAM_CHAT needs the bot to post case cards")
    if (s.sms or s.twilio_token) and not (s.twilio_sid and s.sms_from):
        raise ValueError(
            "set TWILIO_ACCOUNT_SID and TWILIO_FROM: volunteers' messages go out through Twilio's REST API "
            "(TWILIO_FROM is the bot's own number, +1...)"
        )
    if s.sms_from and not E164.match(s.sms_from):
        raise ValueError(f"TWILIO_FROM must be a number like +15551230000, got {s.sms_from!r}")


def parse_responders(text: str) -> tuple[SmsResponder, ...]:
    """'+15551230001:es,en; +15551230002' -> responders (';' or spaces between them, ',' between languages)."""
    out: list[SmsResponder] = []
    for item in re.split(r"[;\s]+(?=\+)|;", text.strip()):
        item = item.strip()
        if not item:
            continue
        number, _, langs = item.partition(":")
        number = number.strip()
        codes = frozenset(c.strip() for c in langs.split(",") if c.strip())
        if not E164.match(number) or not all(LANG.match(c) for c in codes):
            raise ValueError(
                f"KYR_RESPONDERS_SMS: {item!r} is not a number like +15551230001, optionally with languages "
                "(+15551230001:es,en); separate responders with ';'"
            )
        out.append(SmsResponder(number, codes))
    return tuple(out)


def parse_hotline_dial(text: str) -> tuple[HotlineDial, ...]:
    """'+15551230001 Mon-Fri 09:00-18:00 America/New_York; +15551230002' -> hotlines to dial (';' between them;
    hours as in KYR_RESPONDER_HOURS after the number; none: at any hour)."""
    out: list[HotlineDial] = []
    for item in (part.strip() for part in text.split(";")):
        if not item:
            continue
        number, _, hours = item.partition(" ")
        if not E164.match(number):
            raise ValueError(
                f"KYR_HOTLINE_DIAL: {item!r} must start with a number like +15551230001, optionally followed by "
                "its hours (+15551230001 Mon-Fri 09:00-18:00 America/New_York); separate hotlines with ';'"
            )
        out.append(HotlineDial(number, parse_hours(hours, "KYR_HOTLINE_DIAL") if hours.strip() else None))
    return tuple(out)


def _chat_id(text: str) -> int | None:
    """A Telegram group id (negative, e.g. -1001234567890), or None when unset."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(
            f"KYR_RESPONDERS_TELEGRAM_CHAT must be the group's numeric id (like -1001234567890), got {text!r}"
        ) from None


def _user_ids(text: str) -> frozenset[int]:
    """Telegram user ids allowed to claim, comma-separated (empty: every member of the group)."""
    try:
        return frozenset(int(x) for x in text.replace(";", ",").split(",") if x.strip())
    except ValueError:
        raise ValueError("KYR_RESPONDERS_TELEGRAM_USERS must list numeric Telegram user ids, comma-separated") from None
