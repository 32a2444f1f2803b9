"""The person's emergency contacts, on the session store's backend (same store, its own keys), sealed with the
case key (bot/handoff/crypto.py):

    fam:<user key>    times, counts and the check-in timer in clear; everything about people sealed (Private)
    fam:id:<n>        which record a timer's number belongs to (the queue's tasks carry only the number)
    fam:seq           the last number given
    fam:c:<hash>      a contact number that already got its first message (keyed hash, no number)

A record expires by itself `retention` after the person's last message (the store's TTL, so the purge and Redis
erase it); DELETE erases it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.handoff.crypto import Sealer
from bot.service.privacy import user_key
from bot.store.base import Store

SEQ = "fam:seq"
DEMO_KEEP = 7200.0


@dataclass
class Contact:
    """One emergency contact: a name or nickname, a number (E.164), a language, and the person's message."""

    name: str = ""
    number: str = ""
    lang: str = "en"
    message: str = ""


@dataclass
class Private:
    """Everything about people, stored only sealed."""

    channel: str = ""  # where the person is reached for the check-in question (consented on saving a contact)
    address: str = ""
    lang: str = "en"
    name: str = ""  # the person's name as their contacts know them
    word: str = ""  # their own alert word ("" : the default ones only)
    contacts: list[Contact] = field(default_factory=list)
    draft: Contact = field(default_factory=Contact)  # the contact being set up, until YES
    replacing: int = -1  # the contact being changed (-1: a new one)
    outbox: list[str] = field(default_factory=list)  # outbox ids not yet sent (dropped on erasure)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Private:
        """Rebuild from the sealed JSON."""
        data = dict(data)
        data["contacts"] = [Contact(**c) for c in data.get("contacts", [])]
        data["draft"] = Contact(**data.get("draft", {}))
        return cls(**data)


@dataclass
class Record:
    """One person's set-up: what the store may keep in clear, and the sealed part opened."""

    id: int
    touched: float = 0.0  # the person's last message (retention counts from it)
    checkin: str = ""  # "" | running | asking
    due: float = 0.0  # when the check-in timer (or the question's 10 minutes) runs out
    day: int = 0  # the day the counts below belong to
    alerts: int = 0
    tests: int = 0
    last_alert: float = 0.0
    reminded: bool = False
    private: Private = field(default_factory=Private)


class FamilyStore:
    """Sealed records on the Store contract (SQLite or Redis)."""

    def __init__(self, store: Store, sealer: Sealer, secret: bytes, retention: float) -> None:
        self.store, self.sealer, self.secret, self.retention = store, sealer, secret, retention

    def get(self, user: str, now: float) -> Record | None:
        """The person's record, opened; None when they have none."""
        data = self.store.get(_key(user), now)
        return self._open(data) if data else None

    def update(self, user: str, change: Callable[[Record], None], now: float, keep: float | None = None) -> Record:
        """Change the person's record atomically (made first when missing); the record as written. It is kept
        `retention` from now, or `keep` seconds (a change the person did not make must not extend it)."""
        new_id = self._next_id(now) if self.store.get(_key(user), now) is None else 0

        def apply(data: dict | None) -> tuple[dict, Record]:
            record = self._open(data) if data else Record(id=new_id, touched=now)
            change(record)
            return self._seal(record), record

        lifetime = self.retention if keep is None else max(1.0, keep)
        if user.startswith("d:"):  # a web demo conversation lasts two hours: its contacts no longer
            lifetime = min(lifetime, DEMO_KEEP)
        record = self.store.transact(_key(user), apply, lifetime, now)
        self.store.put(f"fam:id:{record.id}", {"u": user}, lifetime, now)
        return record

    def user_of(self, number: int, now: float) -> str | None:
        """The user key a timer's number belongs to."""
        data = self.store.get(f"fam:id:{number}", now)
        return str(data["u"]) if data else None

    def erase(self, user: str, now: float) -> Record | None:
        """Erase the person's record and its index at once; the record as it was."""
        record = self.get(user, now)
        self.store.delete(_key(user))
        if record is not None:
            self.store.delete(f"fam:id:{record.id}")
        return record

    def first_message(self, number: str, now: float) -> bool:
        """True the first time a contact number is sent anything (then remembered, as a keyed hash)."""
        key = "fam:c:" + user_key(self.secret, "sms", number).split(":", 1)[1]
        return bool(self.store.transact(key, lambda r: ({"i": 1}, r is None), self.retention, now))

    def opted_out(self, number: str, now: float) -> bool:
        """True when the number sent STOP to the bot (its conversation record is the opt-out flag)."""
        record = self.store.get(user_key(self.secret, "sms", number), now)
        return bool(record and record.get("o"))

    def person_opted_out(self, user: str, now: float) -> bool:
        """True when the person themselves sent STOP (their conversation record is the opt-out flag)."""
        record = self.store.get(user, now)
        return bool(record and record.get("o"))

    def _next_id(self, now: float) -> int:
        """A new record number."""
        bump = lambda r: ({"n": (r or {}).get("n", 0) + 1}, (r or {}).get("n", 0) + 1)
        return int(self.store.transact(SEQ, bump, None, now))

    def _seal(self, record: Record) -> dict:
        """The record as stored."""
        clear = {k: v for k, v in asdict(record).items() if k != "private"}
        return {**clear, "x": self.sealer.seal(asdict(record.private))}

    def _open(self, data: dict) -> Record:
        """The stored record, its sealed part opened."""
        clear = {k: v for k, v in data.items() if k != "x"}
        return Record(**clear, private=Private.from_data(self.sealer.open(data["x"])))


def _key(user: str) -> str:
    """The store key of a person's record."""
    return f"fam:{user}"
