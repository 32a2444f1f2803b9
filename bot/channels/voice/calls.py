"""The call record: what the line needs between two requests of one call, in the session store.

Keyed by a keyed hash of the CallSid, never by the number. It holds the conversation's key space ("sms": the
calling number's own conversation, shared with its text messages; "voice-call": this call only, for a withheld
number or one that opted out of texts), whether 8 may text, the silences so far, and the step last said (the
bot's own words, for * and 8) with, while "press 0" asks its questions, the step to return to. Nothing the caller
said or keyed is kept, except which situation they picked after 0, until they answer the next question (it is in
that question's key map). It expires with the call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.channels.voice.speech import Step
from bot.service.privacy import user_key
from bot.store.base import Store

CALL_CHANNEL = "voice-call"
CALL_TTL = 4 * 3600.0  # Twilio ends a call after four hours unless told otherwise (timeLimit)
E164 = re.compile(r"\+[1-9]\d{6,14}")
# What Twilio has put in From when the caller withholds their number: ANONYMOUS, RESTRICTED, BLOCKED, UNAVAIL
# spelled on a keypad. Since 2022 it may pass the words themselves (changelog "Upcoming changes to withheld caller
# ID behavior"), which are no E.164 number either. All such callers would otherwise share one conversation.
WITHHELD = frozenset({"+266696687", "+7378742833", "+2562533", "+8656696"})


def conversation(caller: str, call_sid: str) -> tuple[str, str]:
    """The service channel and raw id of the caller's conversation: the number's own (the same as its SMS), a
    WhatsApp caller's WhatsApp conversation, else one for this call alone."""
    if caller.lower().startswith("whatsapp:"):
        return "whatsapp", caller
    if E164.fullmatch(caller) and caller not in WITHHELD:
        return "sms", caller
    return CALL_CHANNEL, call_sid


@dataclass
class Call:
    """One call's record."""

    channel: str  # the service channel of the conversation (its raw id comes with every request)
    can_text: bool
    step: Step
    silences: int = 0
    back: Step | None = None  # during a person line's questions: the step to give back afterwards

    def who(self, caller: str, call_sid: str) -> str:
        """The raw id the service hashes: the number, or the call itself."""
        return call_sid if self.channel == CALL_CHANNEL else caller

    def to_data(self) -> dict[str, Any]:
        """Plain data for the store."""
        data = {"c": self.channel, "t": self.can_text, "q": self.silences, "s": self.step.to_data()}
        return {**data, "b": self.back.to_data()} if self.back else data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Call:
        """The inverse of to_data."""
        back = Step.from_data(data["b"]) if data.get("b") else None
        return cls(data["c"], bool(data["t"]), Step.from_data(data["s"]), int(data.get("q", 0)), back)


class Calls:
    """Call records in the session store, expiring after CALL_TTL (or the retention period, if shorter)."""

    def __init__(self, store: Store, secret: bytes, retention: float) -> None:
        self.store, self.secret, self.ttl = store, secret, min(CALL_TTL, retention)

    def key(self, call_sid: str) -> str:
        """The store key of a call."""
        return user_key(self.secret, CALL_CHANNEL, "call:" + call_sid)

    def load(self, call_sid: str, now: float) -> Call | None:
        """The call's record, or None (a new call, or one whose record expired)."""
        data = self.store.get(self.key(call_sid), now)
        try:
            return Call.from_data(data) if data else None
        except (KeyError, TypeError, ValueError):  # written by another version: start the call afresh
            return None

    def save(self, call_sid: str, call: Call, now: float) -> None:
        """Keep the record until the next request of this call."""
        self.store.put(self.key(call_sid), call.to_data(), self.ttl, now)

    def forget(self, call_sid: str) -> None:
        """The call ended (or its conversation was deleted): drop its record."""
        self.store.delete(self.key(call_sid))
