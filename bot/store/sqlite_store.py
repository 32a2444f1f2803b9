"""SQLite session store: the embedded default, one file shared by threads and by gunicorn worker processes.

One connection per store (per process), guarded by a lock: the critical sections are microseconds long,
`close()` can release it from any thread, and `:memory:` works across threads. Processes coordinate through
SQLite's own file locks (WAL mode: readers never block the writer). A connection never crosses fork():
a child process opens its own on first use.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from typing import TypeVar

from bot.store.base import (
    StoreError,
    StoreFull,
    StoreUnavailable,
    TransactFn,
    TransactManyFn,
    Ttl,
    check_transact_ttl,
    check_ttl,
    decode,
    encode,
    expires_now,
    split_many,
    split_outcome,
    ttl_for,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")

MEMORY = ":memory:"
_SCHEMA = (
    # WITHOUT ROWID: the text key is the clustered index, so no second b-tree per record.
    "CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at REAL) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS records_expiry ON records (expires_at) WHERE expires_at IS NOT NULL",
    # One row, rewritten by ping(): proof that the file can be written, apart from any user's record.
    "CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at REAL NOT NULL)",
)
_live_stores: weakref.WeakSet[SQLiteStore] = weakref.WeakSet()


class SQLiteStore:
    """The Store contract on one SQLite file (WAL mode, BEGIN IMMEDIATE for transact)."""

    def __init__(
        self,
        path: str,
        busy_timeout: float = 2.0,
        retry_delays: Sequence[float] = (0.05, 0.2, 0.5),
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Open (creating file and parent directory if missing) the store at `path`, or MEMORY."""
        self._path = path
        self._busy_timeout = busy_timeout
        self._delays = tuple(retry_delays)
        self._sleep = sleep
        # Longest one operation can hold the lock: every attempt waits busy_timeout, plus the backoffs.
        self._lock_timeout = (len(self._delays) + 1) * busy_timeout + sum(self._delays) + 1.0
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._closed = False
        self._inherited: list[sqlite3.Connection] = []
        _live_stores.add(self)
        self._run(lambda conn: None)  # connect now, so a bad path fails at start-up, not on a user's message

    def __repr__(self) -> str:
        return f"SQLiteStore({self._path!r})"

    def get(self, key: str, now: float) -> dict | None:
        """Return the record, or None if absent or expired at `now`."""
        return self._run(lambda conn: _read(conn, key, now))

    def put(self, key: str, value: dict, ttl: float | None, now: float) -> None:
        """Write the record to expire at now + ttl (ttl None: never; ttl <= 0: delete it)."""
        check_ttl(ttl)
        text = encode(value)
        self._run(lambda conn: _write(conn, key, text, ttl, now))

    def delete(self, key: str) -> None:
        """Remove the record if present."""
        self._run(lambda conn: _write(conn, key, None, None, 0.0))
        self._forget()

    def transact(self, key: str, fn: TransactFn[T], ttl: Ttl, now: float) -> T:
        """Read, apply fn and write back inside one BEGIN IMMEDIATE transaction; return fn's result."""
        return self.transact_many([key], lambda records: _one(fn(records[0])), [ttl], now)

    def transact_many(self, keys: Sequence[str], fn: TransactManyFn[T], ttls: Sequence[Ttl], now: float) -> T:
        """Read every key, apply fn and write them back inside one BEGIN IMMEDIATE transaction."""
        for ttl in ttls:
            check_transact_ttl(ttl)
        result, erased = self._run(lambda conn: _transact(conn, list(keys), fn, list(ttls), now))
        if erased:
            self._forget()
        return result

    def purge_expired(self, now: float, limit: int | None = None) -> int:
        """Delete the records expired at `now`, at most `limit` of them (by the expiry index); return how many."""
        # A subquery, not DELETE ... LIMIT: that needs SQLite built with SQLITE_ENABLE_UPDATE_DELETE_LIMIT.
        sql = (
            "DELETE FROM records WHERE key IN (SELECT key FROM records "
            "WHERE expires_at IS NOT NULL AND expires_at <= ? LIMIT ?)"
        )
        count = self._run(lambda conn: conn.execute(sql, (now, -1 if limit is None else limit)).rowcount)
        if count:
            self._forget()
        return count

    def _forget(self) -> None:
        """Checkpoint and truncate the write-ahead log, whose old frames still hold a deleted record's page
        (secure_delete zeroes it in the database). Best effort: a busy reader only delays it to the next one."""
        try:
            self._run(lambda conn: conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall())
        except StoreError:
            logger.warning("SQLite store: could not truncate the write-ahead log after a delete")

    @property
    def path(self) -> str:
        """The database file (or MEMORY)."""
        return self._path

    def ping(self) -> None:
        """Write the health row and read the records: a read-only or full file fails here, not only later."""
        self._run(lambda conn: _health(conn, time.time()))

    def close(self) -> None:
        """Close the connection; later calls raise StoreError."""
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self, op: Callable[[sqlite3.Connection], T]) -> T:
        """Run op under the lock, retrying while the file is locked by another process."""
        if not self._lock.acquire(timeout=self._lock_timeout):
            raise StoreUnavailable("SQLite store unavailable: another thread held it too long")
        try:
            return self._with_retries(op)
        finally:
            self._lock.release()

    def _with_retries(self, op: Callable[[sqlite3.Connection], T]) -> T:
        """Bounded retries with backoff on "database is locked", then StoreUnavailable. Any other failure
        but a full disk drops the connection, so the next call reopens the file (a connection opened on a
        read-only file stays read-only after the file is writable again)."""
        for delay in (*self._delays, None):
            try:
                return op(self._connection())
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    if not _is_full(exc):  # reopening cures a read-only connection, not a full disk
                        self._drop()
                    raise _unavailable(exc) from exc
                if delay is None:
                    raise StoreUnavailable(f"SQLite store unavailable: {exc}") from exc
                logger.warning("SQLite store busy (%s), retrying in %.2fs", exc, delay)
                self._sleep(delay)
            except sqlite3.DatabaseError as exc:  # corrupt file, not a database, ...: retrying won't help
                self._drop()
                raise StoreError(f"SQLite store error: {exc}") from exc
        raise AssertionError("unreachable")

    def _drop(self) -> None:
        """Close the connection after a failure (never an in-memory one: its data would go with it)."""
        if self._conn is not None and self._path != MEMORY:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _connection(self) -> sqlite3.Connection:
        """The open connection, opened on first use (and again in a forked child)."""
        if self._closed:
            raise StoreError("the store is closed")
        if self._conn is None:
            self._conn = _connect(self._path, self._busy_timeout)
        return self._conn

    def _after_fork_in_child(self) -> None:
        """Forget the parent's connection and lock without closing them (closing could disturb the parent)."""
        self._lock = threading.Lock()
        if self._conn is not None:
            self._inherited.append(self._conn)  # kept referenced so garbage collection never closes it
            self._conn = None


def _after_fork_in_child() -> None:
    """Reset every live store in a freshly forked child (e.g. gunicorn --preload workers)."""
    for store in list(_live_stores):
        store._after_fork_in_child()


os.register_at_fork(after_in_child=_after_fork_in_child)


def _connect(path: str, busy_timeout: float) -> sqlite3.Connection:
    """Open a connection in autocommit mode (we issue BEGIN ourselves), WAL, schema in place."""
    if path != MEMORY:
        _create_private_file(path)
    # check_same_thread=False: the store's lock, not the thread, serialises use of the connection.
    conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(
            "PRAGMA secure_delete=ON"
        )  # a deleted conversation's bytes are overwritten, not left in free pages
        conn.execute("PRAGMA synchronous=NORMAL")  # safe in WAL: a power cut may lose the last commits, not corrupt
        for statement in _SCHEMA:
            conn.execute(statement)
    except BaseException:
        conn.close()
        raise
    return conn


def _create_private_file(path: str) -> None:
    """Create the parent directory and an empty database file readable by the owner only."""
    parent = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(parent, mode=0o700, exist_ok=True)
        # SQLite gives its -wal and -shm files the main file's permissions, so 0600 covers them too.
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreUnavailable(f"SQLite store unavailable: cannot create {path!r}: {exc.strerror}") from exc


def _is_full(exc: sqlite3.OperationalError) -> bool:
    """True when the disk (or the database's page limit) is full."""
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


def _unavailable(exc: sqlite3.OperationalError) -> StoreUnavailable:
    """StoreFull for a full disk, else StoreUnavailable; the message is SQLite's own (it never quotes data)."""
    if _is_full(exc):
        return StoreFull(f"SQLite store full: {exc}")
    return StoreUnavailable(f"SQLite store unavailable: {exc}")


def _health(conn: sqlite3.Connection, now: float) -> None:
    """Rewrite the health row (autocommit: it is written to the file now) and read the records table."""
    conn.execute("INSERT OR REPLACE INTO health (id, checked_at) VALUES (1, ?)", (now,))
    conn.execute("SELECT 1 FROM records LIMIT 1").fetchall()


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """True for the lock errors that go away by themselves."""
    message = str(exc)
    return "database is locked" in message or "database is busy" in message


def _read(conn: sqlite3.Connection, key: str, now: float) -> dict | None:
    """The live record under key, or None."""
    row = conn.execute("SELECT value, expires_at FROM records WHERE key = ?", (key,)).fetchone()
    if row is None or (row[1] is not None and row[1] <= now):
        return None
    return decode(row[0])


def _write(conn: sqlite3.Connection, key: str, text: str | None, ttl: float | None, now: float) -> None:
    """Store text under key with its expiry, or delete the key (text None or ttl <= 0)."""
    if text is None or expires_now(ttl):
        conn.execute("DELETE FROM records WHERE key = ?", (key,))
        return
    expires_at = None if ttl is None else now + ttl
    sql = "INSERT OR REPLACE INTO records (key, value, expires_at) VALUES (?, ?, ?)"
    conn.execute(sql, (key, text, expires_at))


def _one(outcome: tuple[dict | None, T]) -> tuple[list[dict | None], T]:
    """A transact fn's outcome as a transact_many fn's (checked like any)."""
    new, result = split_outcome(outcome)
    return [new], result  # type: ignore[return-value]


def _transact(
    conn: sqlite3.Connection, keys: list[str], fn: TransactManyFn[T], ttls: list[Ttl], now: float
) -> tuple[T, bool]:
    """One read-modify-write under the database write lock (taken up front by BEGIN IMMEDIATE); fn's result,
    and whether it erased a record that was there."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        olds = [_read(conn, key, now) for key in keys]
        news, result = split_many(fn(olds), len(keys))
        for key, new, ttl in zip(keys, news, ttls):
            text, lifetime = (None, None) if new is None else (encode(new), ttl_for(ttl, new))
            _write(conn, key, text, lifetime, now)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    return result, any(old is not None and new is None for old, new in zip(olds, news))  # type: ignore[return-value]
