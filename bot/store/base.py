"""The session-store contract shared by every backend, its errors, and small helpers they share.

Exceptions::

    StoreError               a store operation failed (bug, corrupt data, misuse)
    └── StoreUnavailable     backend down, read-only, or locked for too long: callers reply "try again"
        └── StoreFull        out of disk (SQLite) or memory (Redis): nothing new can be written
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")

# fn(record) -> (new_record, result); new_record None deletes the key.
TransactFn = Callable[[dict | None], tuple[dict | None, T]]
# fn(records) -> (new_records, result), records in the order of the keys; a None deletes that key.
TransactManyFn = Callable[[list[dict | None]], tuple[Sequence[dict | None], T]]
# A record's lifetime in seconds (None: never expires), or a function of the record about to be written that
# says it: an opt-out written by the same transaction as a conversation must never expire.
Ttl = float | None | Callable[[dict], float | None]


class StoreError(Exception):
    """A store operation failed for a reason retrying will not fix."""


class StoreUnavailable(StoreError):
    """The backend is down or busy for too long; the caller should ask the user to try again."""


class StoreFull(StoreUnavailable):
    """The backend refuses writes for lack of disk or memory; an operator must make room."""


class Store(Protocol):
    """A key -> JSON-dict store with per-record expiry and an atomic read-modify-write."""

    def get(self, key: str, now: float) -> dict | None:
        """Return the record, or None if it is absent or expired."""
        ...

    def put(self, key: str, value: dict, ttl: float | None, now: float) -> None:
        """Write the record; it expires `ttl` seconds after `now` (None: never)."""
        ...

    def delete(self, key: str) -> None:
        """Remove the record if present."""
        ...

    def transact(self, key: str, fn: TransactFn[T], ttl: Ttl, now: float) -> T:
        """Atomically apply `fn` (pure: it may be called more than once) to the record; return its result.
        `ttl` may be a function of the new record, so one write decides both the record and its lifetime."""
        ...

    def transact_many(self, keys: Sequence[str], fn: TransactManyFn[T], ttls: Sequence[Ttl], now: float) -> T:
        """Like transact, over several keys at once (one round trip to read them all, one to write them all):
        `fn` gets their records in the order of `keys`, returns the new ones in that order; `ttls` likewise."""
        ...

    def purge_expired(self, now: float, limit: int | None = None) -> int:
        """Delete expired records (at most `limit` of them, so a batch holds the store briefly); return how many."""
        ...

    def ping(self) -> None:
        """Write a tiny health record (no user data) and read: raise StoreError if either fails."""
        ...

    def close(self) -> None:
        """Release connections; the store must not be used afterwards."""
        ...


def describe(exc: BaseException) -> str:
    """An error's class and message (and its cause's class) for a log line: store errors never quote records,
    keys or ids, so this is safe to log."""
    cause = exc.__cause__
    return f"{type(exc).__name__}" + (f" ({type(cause).__name__})" if cause else "") + f": {exc}"


def encode(value: dict) -> str:
    """Serialise a record compactly; raise StoreError (not TypeError) for a non-JSON value."""
    if not isinstance(value, dict):
        raise StoreError(f"a record must be a dict, not {type(value).__name__}")
    try:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"record is not JSON-serialisable: {exc}") from exc


def decode(text: str | bytes) -> dict:
    """Parse a stored record; raise StoreError if it is not a JSON object."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise StoreError(f"stored record is not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise StoreError(f"stored record is a {type(value).__name__}, not a JSON object")
    return value


def check_ttl(ttl: float | None) -> None:
    """Reject a ttl that is not None or a finite number (a bool is rejected too: it is a bug upstream)."""
    if ttl is None:
        return
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or not math.isfinite(ttl):
        raise StoreError(f"ttl must be None or a finite number of seconds, not {ttl!r}")


def check_transact_ttl(ttl: Ttl) -> None:
    """Reject a transact ttl that is neither a valid ttl nor a function giving one."""
    if not callable(ttl):
        check_ttl(ttl)


def ttl_for(ttl: Ttl, record: dict) -> float | None:
    """The lifetime of `record`: `ttl` itself, or what the function gives for it (checked like any ttl)."""
    value = ttl(record) if callable(ttl) else ttl
    check_ttl(value)
    return value


def split_outcome(outcome: object) -> tuple[dict | None, object]:
    """Check what a transact fn returned and split it into (new_record, result)."""
    if not (isinstance(outcome, tuple) and len(outcome) == 2):
        raise StoreError(f"a transact fn must return (new_record, result), not {type(outcome).__name__}")
    return outcome[0], outcome[1]


def split_many(outcome: object, count: int) -> tuple[list[dict | None], object]:
    """Check what a transact_many fn returned and split it into (new_records, result)."""
    new, result = split_outcome(outcome)
    if not isinstance(new, (list, tuple)) or len(new) != count:
        raise StoreError(f"a transact_many fn must return a list of {count} new records, not a {type(new).__name__}")
    return list(new), result


def expires_now(ttl: float | None) -> bool:
    """True if a record written with this ttl is already expired, so it is deleted instead of written."""
    return ttl is not None and ttl <= 0
