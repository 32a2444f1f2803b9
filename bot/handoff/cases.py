"""Cases: a person's request to talk to a volunteer, kept in the session store (same backend, its own keys).

    case:seq              the last case number given
    case:<n>              one case: status and times in clear, everything about the person sealed (crypto.Sealer)
    case:user:<user key>  the person's current case and all their cases (the user key is the store's HMAC)
    case:tg:<message id>  which case a message in the responders' Telegram group belongs to (for replies)
    case:keycheck         a token sealed with KYR_CASE_KEY at first start, to refuse a wrong key at start-up

Status: intake (the questions are being answered) -> open (consent given, waiting for a volunteer) -> claimed ->
closed. A case expires by itself (the store's TTL, so the purge and Redis erase it): an intake after `idle`, an
open one `idle + retention` after its last change, a closed one `retention` after closing. DELETE erases at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.handoff.crypto import Sealer, SealError
from bot.store.base import Store

logger = logging.getLogger(__name__)

INTAKE, OPEN, CLAIMED, CLOSED = "intake", "open", "claimed", "closed"
LIVE = (OPEN, CLAIMED)  # a volunteer can be reached
KEYCHECK = "case:keycheck"
KEYCHECK_TEXT = "kyrbot case key"


@dataclass
class Claimer:
    """The volunteer who took the case: channel, id there, and a short name other volunteers see."""

    via: str  # telegram | sms | demo
    id: str
    name: str


@dataclass
class Private:
    """Everything about the person, stored only sealed."""

    channel: str = ""
    via: str = ""  # how the person asked, when not by writing in `channel`: "voice" (the phone line's 0)
    address: str = ""  # the reply address: phone number, Telegram chat id, web session
    lang: str = "en"
    state: str = ""  # the US state the person gave or implied (for hotlines)
    answers: dict[str, list[str]] = field(default_factory=dict)  # field -> ["t", typed] | ["c", choice] | ["s", ""]
    claimer: Claimer | None = None
    card: int = 0  # the card's message id in the responders' Telegram group
    tg: list[int] = field(default_factory=list)  # every group message of this case (deleted on erasure)
    sms_to: list[str] = field(default_factory=list)  # SMS responders the card went to
    last_in: float = 0.0  # the person's last message (WhatsApp's 24-hour window)
    pending: list[str] = field(default_factory=list)  # outbox ids of messages to the person (dropped on erasure)
    demo: list[list[str]] = field(default_factory=list)  # the web demo's thread: [who, text] (handoff/demo.py)


@dataclass
class Case:
    """One case: what the store may keep in clear, and the sealed part opened."""

    number: int
    user: str
    status: str = INTAKE
    kind: str = ""  # airport | door | detained | question
    created: float = 0.0
    updated: float = 0.0  # the last message either way
    closed: float = 0.0
    escalated: bool = False
    relay: bool = False  # the person's messages go to the volunteer (until they leave with MENU)
    private: Private = field(default_factory=Private)

    @property
    def live(self) -> bool:
        """Open or claimed: a volunteer can be reached."""
        return self.status in LIVE


class CaseStore:
    """Cases on the session store's backend; every read and write goes through the Store contract."""

    def __init__(self, store: Store, sealer: Sealer, retention: float, idle: float) -> None:
        self.store, self.sealer = store, sealer
        self.retention, self.idle = retention, idle

    # --- start-up ------------------------------------------------------------------------------------
    def check_key(self, now: float) -> None:
        """Seal a known text at first start; later, ValueError when the configured keys cannot open it."""
        record = self.store.get(KEYCHECK, now)
        if record is None:
            self.store.put(KEYCHECK, {"x": self.sealer.seal(KEYCHECK_TEXT)}, None, now)
            return
        try:
            ok = self.sealer.open(record["x"]) == KEYCHECK_TEXT
        except (SealError, KeyError, TypeError):
            ok = False
        if not ok:
            raise ValueError(
                "KYR_CASE_KEY does not open the cases already stored: put the key they were sealed with after the "
                "new one (KYR_CASE_KEY=new,old), or erase the case:* records"
            )
        self.store.put(KEYCHECK, {"x": self.sealer.rotate(record["x"])}, None, now)

    # --- reading -------------------------------------------------------------------------------------
    def get(self, number: int, now: float) -> Case | None:
        """The case, or None when it never existed, expired or was erased."""
        record = self.store.get(_key(number), now)
        return self._load(record) if record else None

    def current(self, user: str, now: float) -> Case | None:
        """The person's case that is not closed (in intake, open or claimed), if any."""
        pointer = self.store.get(_user_key(user), now) or {}
        case = self.get(int(pointer["n"]), now) if pointer.get("n") else None
        return case if case and case.status != CLOSED else None

    def by_message(self, message_id: int, now: float) -> int | None:
        """The case a responders' group message belongs to."""
        record = self.store.get(_message_key(message_id), now)
        return int(record["n"]) if record else None

    # --- writing -------------------------------------------------------------------------------------
    def start(self, user: str, kind: str, now: float) -> Case:
        """A new case in intake for this person; an unfinished intake of theirs is erased first."""
        old = self.current(user, now)
        if old is not None and old.status == INTAKE:
            self.erase(old)
        number = self.store.transact("case:seq", _next_number, None, now)
        case = Case(number, user, INTAKE, kind, now, now)
        self.store.put(_key(number), self._dump(case), self.idle, now)
        self.store.transact(_user_key(user), lambda r: _point(r, number), self.idle + self.retention, now)
        return case

    def update(self, number: int, change: Callable[[Case], Any], now: float) -> Case | None:
        """Apply `change` (it edits the case in place; it may run more than once) atomically; the changed case."""
        snapshot = self.get(number, now)
        if snapshot is None:
            return None
        ttl = self._ttl(snapshot, now)

        def apply(record: dict | None) -> tuple[dict | None, Case | None]:
            if record is None:
                return None, None
            case = self._load(record)
            change(case)
            return self._dump(case), case

        return self.store.transact(_key(number), apply, ttl, now)

    def close(self, number: int, now: float) -> Case | None:
        """Close a case; it is kept `retention` seconds, then expires. The case, or None when it is gone."""
        snapshot = self.get(number, now)
        if snapshot is None or snapshot.status == CLOSED:
            return snapshot

        def apply(record: dict | None) -> tuple[dict | None, Case | None]:
            if record is None:
                return None, None
            case = self._load(record)
            if case.status != CLOSED:
                case.status, case.closed, case.relay = CLOSED, now, False
            return self._dump(case), case

        case = self.store.transact(_key(number), apply, self.retention, now)
        if case is not None:
            pointer = self.store.get(_user_key(case.user), now) or {}
            other = pointer.get("n") not in (0, number, None)  # another case of theirs is under way
            ttl = self.idle + self.retention if other else self.retention  # no longer than its last case
            self.store.transact(_user_key(case.user), lambda r: _unpoint(r, number), ttl, now)
        return case

    def index_message(self, message_id: int, number: int, now: float) -> None:
        """Remember which case a group message belongs to (so a reply to it reaches that case)."""
        self.store.put(_message_key(message_id), {"n": number}, self.idle + self.retention, now)

    def erase(self, case: Case) -> None:
        """Erase a case at once: the record, its message index and the person's pointer to it."""
        for message_id in case.private.tg:
            self.store.delete(_message_key(message_id))
        self.store.delete(_key(case.number))
        self.store.transact(_user_key(case.user), lambda r: _forget(r, case.number), self.idle + self.retention, 0.0)

    def erase_user(self, user: str, now: float) -> list[Case]:
        """Erase every case of the person, closed ones included (DELETE); the cases erased, for the responders."""
        pointer = self.store.get(_user_key(user), now) or {}
        cases = [c for n in pointer.get("all", []) if (c := self.get(int(n), now)) is not None]
        for case in cases:
            self.erase(case)
        self.store.delete(_user_key(user))
        return cases

    # --- encoding ------------------------------------------------------------------------------------
    def _ttl(self, case: Case, now: float) -> float:
        """How long a record may live from now: by its status."""
        if case.status == CLOSED:
            return max(1.0, case.closed + self.retention - now)
        return self.idle if case.status == INTAKE else self.idle + self.retention

    def _dump(self, case: Case) -> dict[str, Any]:
        """The stored form: status and times in clear, the rest sealed."""
        public = {k: v for k, v in asdict(case).items() if k != "private"}
        return {**public, "x": self.sealer.seal(asdict(case.private))}

    def _load(self, record: dict[str, Any]) -> Case:
        """Open a stored case."""
        private = dict(self.sealer.open(record["x"]))
        claimer = private.pop("claimer", None)
        known = {k: v for k, v in private.items() if k in Private.__dataclass_fields__}
        public = {k: v for k, v in record.items() if k in Case.__dataclass_fields__ and k != "private"}
        return Case(**public, private=Private(**known, claimer=Claimer(**claimer) if claimer else None))


def _key(number: int) -> str:
    """The store key of a case."""
    return f"case:{number}"


def _user_key(user: str) -> str:
    """The store key of a person's pointer to their case."""
    return f"case:user:{user}"


def _message_key(message_id: int) -> str:
    """The store key of a group message's case."""
    return f"case:tg:{message_id}"


def _next_number(record: dict | None) -> tuple[dict, int]:
    """The next case number (from 101, so a number never looks like a menu option)."""
    number = max(int((record or {}).get("n", 100)), 100) + 1
    return {"n": number}, number


def _point(record: dict | None, number: int) -> tuple[dict, None]:
    """The person's pointer now names this case, which joins their list."""
    known = [n for n in (record or {}).get("all", []) if n != number]
    return {"n": number, "all": [*known, number]}, None


def _unpoint(record: dict | None, number: int) -> tuple[dict | None, None]:
    """The case is no longer the person's current one (it stays in their list until it expires or is erased)."""
    if record is None:
        return None, None
    return {**record, "n": 0 if int(record.get("n", 0)) == number else record.get("n", 0)}, None


def _forget(record: dict | None, number: int) -> tuple[dict | None, None]:
    """Drop an erased case from the person's pointer; nothing left: no record."""
    if record is None:
        return None, None
    known = [n for n in record.get("all", []) if n != number]
    current = 0 if int(record.get("n", 0)) == number else int(record.get("n", 0))
    return ({"n": current, "all": known} if known or current else None), None
