"""What the volunteers read, in English: the case card (Telegram and SMS), and the notes in a case's thread.
Case cards and relayed messages are the only place a person's words leave the bot."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.handoff.cases import Case

CHANNELS = {"sms": "SMS", "whatsapp": "WhatsApp", "telegram": "Telegram", "web": "web demo"}
TELEGRAM_HINT = "Press Claim, then reply to this message to write to the person. Close ends the case."
UNCLAIMED = "STILL UNCLAIMED after {minutes} min"


def when(now: float, zone: str | None) -> str:
    """A time volunteers read at a glance, in the organisation's zone when it has hours configured."""
    tz = ZoneInfo(zone) if zone else UTC
    return datetime.fromtimestamp(now, tz).strftime("%Y-%m-%d %H:%M %Z")


def card(case: Case, title: str, lines: list[str], language: str, zone: str | None, mark: str = "") -> str:
    """The card's text (no hint: each channel adds how to answer)."""
    head = f"{mark}\n" if mark else ""
    via = CHANNELS.get(case.private.channel, case.private.channel)
    if case.private.via == "voice":  # asked on the phone line (0): no words of theirs, your replies go by text
        via = f"phone call (press 0), replies by {via}"
    about = f"Language: {language} ({case.private.lang}) - via {via} - {when(case.created, zone)}"
    state = f"\nState: {case.private.state}" if case.private.state else ""
    return f"{head}Case #{case.number}: {title}\n{about}{state}\n" + "\n".join(lines)


def telegram_card(text: str, claimed_by: str = "", closed: str = "") -> str:
    """The Telegram card's text as it stands: open, claimed or closed."""
    if closed:
        return f"{text}\n\nCLOSED: {closed}"
    if claimed_by:
        return f"{text}\n\nClaimed by {claimed_by}, who replies to this message to write to the person."
    return f"{text}\n\n{TELEGRAM_HINT}"


def buttons(number: int, claimed: bool, closed: bool) -> list[list[str]]:
    """Claim and Close while open; Close once claimed; none once closed (callback data 'c:<action>:<case>')."""
    if closed:
        return []
    close = ["Close", f"c:close:{number}"]
    return [close] if claimed else [["Claim", f"c:claim:{number}"], close]


def sms_card(text: str, number: int) -> str:
    """The card as an SMS to a responder."""
    return f"{text}\nReply CLAIM {number} to take it."


SMS_HELP = "kyrbot responders: CLAIM 123 takes case 123, #123 your text writes to the person, CLOSE 123 closes it."
