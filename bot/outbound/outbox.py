"""The outbox: every message to send later is a record in the session store, sealed, under its own id. The queue's
tasks carry only that id, so huey's storage never holds a number or a text; and a record claimed atomically before
sending makes a repeated task (a retry, a second consumer, a restart) send it once.

    ob:<id>           pending -> sending -> sent (content dropped) | failed (content dropped)
    ob:pace:<hash>    the next free second of one sending number (at most N messages a second each)
    ob:lane:<hmac>    the ids still to go to one place, oldest first: two workers never send them out of order
                      (a volunteer's two messages, a card before its thread); keyed hash, so no number in clear
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.handoff.crypto import Sealer
from bot.service.privacy import user_key
from bot.store.base import Store

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
KEEP = 2 * 86400.0  # a pending message older than this is dropped (its case has long moved on)
DONE_KEEP = 86400.0  # a sent message's record (no content) is kept this long, so a late repeat is recognised
STALE = 120.0  # a message 'sending' this long was left by a worker that died: it may be claimed again


@dataclass
class Message:
    """One thing to do at a channel: send a text (as a reply, with buttons), edit or delete a group message."""

    via: str  # sms | whatsapp | telegram
    to: str  # a phone number (whatsapp:+1...) or a Telegram chat id
    text: str = ""
    op: str = "send"  # send | edit | delete
    reply_to: int = 0  # Telegram: send as a reply to this message
    message_id: int = 0  # Telegram: the message to edit or delete
    buttons: list[list[str]] = field(default_factory=list)  # Telegram: [[label, callback data], ...]
    case: int = 0  # the case it belongs to (0: none)
    role: str = ""  # what the desk does once it is sent or failed: card | thread | person | responder | ...
    lang: str = ""  # the text's language: an SMS in a language the operator folds is folded when queued


@dataclass(frozen=True)
class Claimed:
    """A message this worker may now send, and how many times it was claimed before."""

    id: str
    message: Message
    attempts: int


class Outbox:
    """Outbox records on the Store contract (SQLite or Redis)."""

    def __init__(self, store: Store, sealer: Sealer, secret: bytes = b"") -> None:
        self.store, self.sealer, self.secret = store, sealer, secret

    def put(self, message: Message, now: float) -> str:
        """Keep a message to send, last in its place's line; its id."""
        key = uuid.uuid4().hex
        record = {"st": PENDING, "n": 0, "t": now, "case": message.case, "x": self.sealer.seal(asdict(message))}
        self.store.put(_key(key), record, KEEP, now)
        self.store.transact(self._lane(message), lambda r: ({"q": [*(r or {}).get("q", []), key]}, None), KEEP, now)
        return key

    def behind(self, key: str, message: Message, now: float) -> bool:
        """True while an older message to the same place is still to go. Ids ahead that are sent, failed or erased
        leave the line here (so an erased or expired one never holds the rest up)."""
        gone = []
        for earlier in (self.store.get(self._lane(message), now) or {}).get("q", []):
            if earlier == key:
                break
            if self.status(earlier, now) in (None, SENT, FAILED):
                gone.append(earlier)
            else:
                return True
        if gone:
            self.leave(message, gone, now)
        return False

    def leave(self, message: Message, keys: list[str], now: float) -> None:
        """Take ids out of their place's line (sent, failed or erased)."""

        def out(record: dict | None) -> tuple[dict | None, None]:
            line = [k for k in (record or {}).get("q", []) if k not in keys]
            return ({"q": line} if line else None), None

        self.store.transact(self._lane(message), out, KEEP, now)

    def _lane(self, message: Message) -> str:
        """The store key of the line of messages to one place: a keyed hash of the channel and the address."""
        return "ob:lane:" + user_key(self.secret, message.via, message.to).split(":", 1)[1]

    def claim(self, key: str, now: float) -> Claimed | None:
        """Take a pending message for sending (None: sent, failed, erased, or another worker has it)."""

        def take(record: dict | None) -> tuple[dict | None, dict | None]:
            if record is None or record["st"] in (SENT, FAILED):
                return record, None
            if record["st"] == SENDING and now - record["t"] < STALE:
                return record, None
            taken = {**record, "st": SENDING, "t": now, "n": record["n"] + 1}
            return taken, taken

        taken = self.store.transact(_key(key), take, KEEP, now)
        if taken is None:
            return None
        return Claimed(key, Message(**self.sealer.open(taken["x"])), int(taken["n"]) - 1)

    def release(self, key: str, now: float) -> None:
        """Give a message back for a later attempt."""
        self.store.transact(_key(key), lambda r: (r and {**r, "st": PENDING, "t": now}, None), KEEP, now)

    def done(self, key: str, result: Any, now: float) -> None:
        """Sent: only the provider's id is kept, for a day."""
        self.store.put(_key(key), {"st": SENT, "r": str(result)}, DONE_KEEP, now)

    def fail(self, key: str, now: float) -> None:
        """Given up: the content goes."""
        self.store.put(_key(key), {"st": FAILED}, DONE_KEEP, now)

    def status(self, key: str, now: float) -> str | None:
        """pending, sending, sent, failed, or None when unknown."""
        record = self.store.get(_key(key), now)
        return record["st"] if record else None

    def drop(self, key: str) -> None:
        """Erase a message that must not go out any more (the person asked for their data to be deleted)."""
        self.store.delete(_key(key))

    def pace(self, sender: str, per_second: float, now: float) -> float:
        """Reserve this sending number's next free slot; seconds to wait for it."""
        step = 1.0 / per_second
        name = "ob:pace:" + hashlib.sha256(sender.encode()).hexdigest()[:16]

        def reserve(record: dict | None) -> tuple[dict, float]:
            slot = max(now, float((record or {}).get("next", 0.0)))
            return {"next": slot + step}, slot - now

        return self.store.transact(name, reserve, 3600.0, now)


def _key(key: str) -> str:
    """The store key of an outbox record."""
    return f"ob:{key}"
