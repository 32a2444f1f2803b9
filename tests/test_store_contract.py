"""One contract test for every session-store backend: SQLite (a file in tmp_path) and a real redis-server.

Run: python -m pytest -p tests.conftest_redis tests/test_store_contract.py -q
(`-p` is redundant once tests/conftest.py has pytest_plugins = ["tests.conftest_redis"].)
"""
from __future__ import annotations

import multiprocessing
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bot.store import RedisStore, SQLiteStore, Store, StoreError, StoreUnavailable, open_store
from tests.conftest_redis import RedisServer  # the type only: the fixtures come from the plugin

# What every refusal lists, written out here (not read from the code) so a changed message fails the table below.
URLS = "sqlite:///relative/path.db, sqlite:////absolute/path.db, sqlite:///:memory: or redis://host:port/db"

NOW = 1_700_000_000.0
KEY = "u:3f9a"


@pytest.fixture(params=["sqlite", "redis"])
def backend(request: pytest.FixtureRequest) -> str:
    """The backend under test."""
    return str(request.param)


@pytest.fixture
def store_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for an empty store of the backend under test."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path}/state/sessions.db"  # tmp_path is absolute: four slashes
    url = str(request.getfixturevalue("redis_url"))
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open store, closed after the test."""
    opened = open_store(store_url)
    yield opened
    opened.close()


def increment(record: dict | None) -> tuple[dict | None, int]:
    """A pure transact fn: count += 1, return the new count."""
    count = (record or {}).get("count", 0) + 1
    return {"count": count}, count


def expire(store: Store, backend: str, key: str) -> float:
    """Return a `now` at which a record written at NOW with ttl=0.05 is expired, in the backend's terms."""
    if backend == "sqlite":
        return NOW + 0.05
    deadline = time.monotonic() + 5  # Redis counts real milliseconds: poll (bounded) until it has expired
    while store.get(key, NOW) is not None and time.monotonic() < deadline:
        time.sleep(0.005)
    return NOW


def redis_pttl(url: str, key: str) -> int:
    """Remaining ttl in ms of a store key, as Redis reports it (-1: none, -2: absent)."""
    return int(redis.Redis.from_url(url).pttl("kyr:" + key))


# --- get / put / delete -----------------------------------------------------------------------------------

def test_get_absent_is_none(store: Store) -> None:
    assert store.get(KEY, NOW) is None


def test_put_get_overwrite_delete(store: Store) -> None:
    record = {"lang": "ar", "flow": "ice", "path": ["menu", "ice.1"], "n": 2, "x": None, "ok": True, "t": "مرحبا"}
    store.put(KEY, record, ttl=None, now=NOW)
    assert store.get(KEY, NOW) == record
    store.put(KEY, {"lang": "es"}, ttl=None, now=NOW)
    assert store.get(KEY, NOW) == {"lang": "es"}
    store.delete(KEY)
    assert store.get(KEY, NOW) is None
    store.delete(KEY)  # deleting an absent key is not an error


def test_keys_are_independent(store: Store) -> None:
    store.put("u:a", {"n": 1}, ttl=None, now=NOW)
    store.put("u:b", {"n": 2}, ttl=None, now=NOW)
    store.delete("u:a")
    assert (store.get("u:a", NOW), store.get("u:b", NOW)) == (None, {"n": 2})


@pytest.mark.parametrize(("value", "message"), [
    ({"s": {1}}, "record is not JSON-serialisable: Object of type set is not JSON serializable"),
    ({"f": float("nan")}, "record is not JSON-serialisable: Out of range float values are not JSON compliant"),
    (["a"], "a record must be a dict, not list"),
])
def test_put_rejects_what_json_cannot_hold(store: Store, value: object, message: str) -> None:
    with pytest.raises(StoreError) as info:
        store.put(KEY, value, ttl=None, now=NOW)  # type: ignore[arg-type]
    assert str(info.value) == message
    assert store.get(KEY, NOW) is None


@pytest.mark.parametrize("ttl", [True, float("inf"), "60"])
def test_put_rejects_bad_ttl(store: Store, ttl: object) -> None:
    with pytest.raises(StoreError) as info:
        store.put(KEY, {}, ttl=ttl, now=NOW)  # type: ignore[arg-type]
    assert str(info.value) == f"ttl must be None or a finite number of seconds, not {ttl!r}"


# --- expiry -------------------------------------------------------------------------------------------------

def test_record_expires_after_ttl(store: Store, backend: str) -> None:
    store.put(KEY, {"n": 1}, ttl=0.05, now=NOW)
    assert store.get(KEY, expire(store, backend, KEY)) is None


def test_sqlite_ttl_is_measured_from_now() -> None:
    with SQLiteStore(":memory:") as store:
        store.put(KEY, {"n": 1}, ttl=60, now=NOW)
        assert store.get(KEY, NOW + 59.999) == {"n": 1}
        assert store.get(KEY, NOW + 60) is None


def test_redis_ttl_becomes_px(redis_url: str) -> None:
    with RedisStore(redis_url) as store:
        store.put(KEY, {"n": 1}, ttl=60, now=NOW)
        assert store.get(KEY, NOW + 3600) == {"n": 1}  # `now` is not used: Redis keeps time itself
        assert 59_000 < redis_pttl(redis_url, KEY) <= 60_000


def test_no_ttl_never_expires(store: Store, backend: str, store_url: str) -> None:
    store.put(KEY, {"n": 1}, ttl=None, now=NOW)
    assert store.get(KEY, NOW + 10**9) == {"n": 1}
    if backend == "redis":
        assert redis_pttl(store_url, KEY) == -1


@pytest.mark.parametrize("ttl", [0, -5])
def test_ttl_zero_or_negative_deletes(store: Store, ttl: float) -> None:
    store.put(KEY, {"n": 1}, ttl=None, now=NOW)
    store.put(KEY, {"n": 2}, ttl=ttl, now=NOW)
    assert store.get(KEY, NOW) is None


def test_purge_expired(store: Store, backend: str) -> None:
    store.put("u:short", {}, ttl=10, now=NOW)
    store.put("u:long", {}, ttl=100, now=NOW)
    store.put("u:forever", {}, ttl=None, now=NOW)
    expected = 1 if backend == "sqlite" else 0  # Redis deletes expired keys by itself
    assert store.purge_expired(NOW + 50) == expected
    assert store.purge_expired(NOW + 50) == 0
    assert (store.get("u:long", NOW + 50), store.get("u:forever", NOW + 50)) == ({}, {})


# --- transact -----------------------------------------------------------------------------------------------

def test_transact_creates_updates_and_returns_result(store: Store) -> None:
    assert store.transact(KEY, increment, ttl=None, now=NOW) == 1
    assert store.transact(KEY, increment, ttl=None, now=NOW) == 2
    assert store.get(KEY, NOW) == {"count": 2}


def test_transact_none_deletes(store: Store) -> None:
    store.put(KEY, {"count": 7}, ttl=None, now=NOW)
    seen = store.transact(KEY, lambda record: (None, record), ttl=None, now=NOW)
    assert (seen, store.get(KEY, NOW)) == ({"count": 7}, None)
    assert store.transact(KEY, lambda record: (None, record), ttl=None, now=NOW) is None


def test_transact_sees_expired_record_as_absent(store: Store, backend: str) -> None:
    store.put(KEY, {"count": 41}, ttl=0.05, now=NOW)
    assert store.transact(KEY, increment, ttl=None, now=expire(store, backend, KEY)) == 1


def test_transact_writes_with_ttl(store: Store, backend: str, store_url: str) -> None:
    store.transact(KEY, increment, ttl=60, now=NOW)
    if backend == "sqlite":
        assert (store.get(KEY, NOW + 59), store.get(KEY, NOW + 60)) == ({"count": 1}, None)
    else:
        assert 59_000 < redis_pttl(store_url, KEY) <= 60_000


def test_transact_ttl_may_depend_on_the_new_record(store: Store, backend: str, store_url: str) -> None:
    """One write decides a record and its lifetime: here a flagged record never expires, another one does."""
    lifetime = lambda record: None if record.get("keep") else 60
    store.transact(KEY, lambda record: ({"keep": 1}, None), ttl=lifetime, now=NOW)
    assert store.get(KEY, NOW + 10**9) == {"keep": 1}
    if backend == "redis":
        assert redis_pttl(store_url, KEY) == -1
    store.transact(KEY, lambda record: ({"n": 1}, None), ttl=lifetime, now=NOW)
    if backend == "sqlite":
        assert (store.get(KEY, NOW + 59), store.get(KEY, NOW + 60)) == ({"n": 1}, None)
    else:
        assert 59_000 < redis_pttl(store_url, KEY) <= 60_000


def test_transact_fn_error_propagates_and_changes_nothing(store: Store) -> None:
    store.put(KEY, {"count": 1}, ttl=None, now=NOW)

    def boom(record: dict | None) -> tuple[dict | None, None]:
        raise KeyError("boom")

    with pytest.raises(KeyError):
        store.transact(KEY, boom, ttl=None, now=NOW)
    assert store.get(KEY, NOW) == {"count": 1}
    assert store.transact(KEY, increment, ttl=None, now=NOW) == 2  # the store is still usable


def test_transact_rejects_a_fn_that_returns_no_pair(store: Store) -> None:
    with pytest.raises(StoreError) as info:
        store.transact(KEY, lambda record: {"count": 1}, ttl=None, now=NOW)  # type: ignore[arg-type,return-value]
    assert str(info.value) == "a transact fn must return (new_record, result), not dict"
    assert store.get(KEY, NOW) is None


# --- transact_many ----------------------------------------------------------------------------------------------

OTHER = "r:u:3f9a"


def increment_both(records: list[dict | None]) -> tuple[list[dict | None], tuple[int, int]]:
    """A pure transact_many fn over two counters: both += 1, return the new counts."""
    counts = [(record or {}).get("count", 0) + 1 for record in records]
    return [{"count": n} for n in counts], (counts[0], counts[1])


def test_transact_many_reads_and_writes_every_key_in_order(store: Store) -> None:
    store.put(OTHER, {"count": 5}, ttl=None, now=NOW)
    assert store.transact_many([KEY, OTHER], increment_both, [None, None], NOW) == (1, 6)
    assert (store.get(KEY, NOW), store.get(OTHER, NOW)) == ({"count": 1}, {"count": 6})


def test_transact_many_deletes_one_and_keeps_each_ttl(store: Store, backend: str, store_url: str) -> None:
    store.put(KEY, {"count": 1}, ttl=None, now=NOW)
    store.transact_many([KEY, OTHER], lambda records: ([None, {"n": 1}], None), [None, 60], NOW)
    assert store.get(KEY, NOW) is None
    if backend == "sqlite":
        assert (store.get(OTHER, NOW + 59), store.get(OTHER, NOW + 60)) == ({"n": 1}, None)
    else:
        assert 59_000 < redis_pttl(store_url, OTHER) <= 60_000


def test_transact_many_rejects_a_fn_that_returns_too_few_records(store: Store) -> None:
    with pytest.raises(StoreError) as info:
        store.transact_many([KEY, OTHER], lambda records: ([{"n": 1}], None), [None, None], NOW)
    assert str(info.value) == "a transact_many fn must return a list of 2 new records, not a list"
    assert store.get(KEY, NOW) is None


def test_concurrent_transact_many_loses_no_update_on_either_key(store: Store) -> None:
    """Threads that change both keys, and threads that change one: every update lands, on both keys."""
    errors: list[BaseException] = []

    def work(both: bool) -> None:
        try:
            for _ in range(40):
                if both:
                    store.transact_many([KEY, OTHER], increment_both, [3600, 3600], NOW)
                else:
                    store.transact(OTHER, increment, ttl=3600, now=NOW)
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(i % 2 == 0,)) for i in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert (store.get(KEY, NOW), store.get(OTHER, NOW)) == ({"count": 120}, {"count": 240})


def test_redis_write_after_a_concurrent_change_is_retried(redis_url: str) -> None:
    """Compare-and-set: a key changed by another client between the read and the write makes fn run again."""
    redis.Redis.from_url(redis_url).delete("kyr:" + KEY)   # the shared test database: start clean
    store, other = open_store(redis_url), redis.Redis.from_url(redis_url)
    calls: list[dict | None] = []

    def meddled(record: dict | None) -> tuple[dict | None, int]:
        calls.append(record)
        if len(calls) == 1:
            other.set("kyr:" + KEY, '{"count":10}')  # another worker wrote in between
        return increment(record)

    assert store.transact(KEY, meddled, ttl=None, now=NOW) == 11
    assert (calls, store.get(KEY, NOW)) == ([None, {"count": 10}], {"count": 11})
    store.close()


def test_redis_transact_loads_its_script_again_after_a_script_flush(redis_url: str) -> None:
    """Redis forgets scripts on SCRIPT FLUSH and on a restart: the compare-and-set loads its own again."""
    redis.Redis.from_url(redis_url).delete("kyr:" + KEY)   # the shared test database: start clean
    store = open_store(redis_url)
    assert store.transact(KEY, increment, ttl=None, now=NOW) == 1
    redis.Redis.from_url(redis_url).script_flush()
    assert store.transact(KEY, increment, ttl=None, now=NOW) == 2
    store.close()


def run_increments(store: Store, times: int) -> None:
    """Increment the counter `times` times."""
    for _ in range(times):
        store.transact(KEY, increment, ttl=3600, now=NOW)


def run_threads(store: Store, threads: int, times: int) -> None:
    """Increment from several threads sharing one store object; re-raise the first failure."""
    errors: list[BaseException] = []

    def work() -> None:
        try:
            run_increments(store, times)
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if errors:
        raise errors[0]


def test_concurrent_threads_lose_no_update(store: Store) -> None:
    run_threads(store, threads=6, times=50)
    assert store.get(KEY, NOW) == {"count": 300}


def process_main(url: str | None, inherited: Store | None) -> None:
    """Child process: 3 threads x 50 increments, on its own store or on the parent's object."""
    store = open_store(url) if url else inherited
    assert store is not None
    run_threads(store, threads=3, times=50)


@pytest.mark.parametrize("how", ["own", "inherited"])  # inherited: like gunicorn --preload
def test_concurrent_processes_lose_no_update(store: Store, store_url: str, how: str) -> None:
    store.put(KEY, {"count": 0}, ttl=None, now=NOW)  # the parent has used its connection before fork
    args = (store_url, None) if how == "own" else (None, store)
    ctx = multiprocessing.get_context("fork")
    children = [ctx.Process(target=process_main, args=args) for _ in range(2)]
    for child in children:
        child.start()
    run_increments(store, 50)  # and the parent works at the same time
    for child in children:
        child.join(timeout=60)
    assert [child.exitcode for child in children] == [0, 0]
    assert store.get(KEY, NOW) == {"count": 350}


def child_uses_inherited_sqlite(store: SQLiteStore) -> None:
    """Child process: the parent's connection and lock must have been set aside by the at-fork hook."""
    assert store._conn is None
    assert store.transact(KEY, increment, ttl=None, now=NOW) == 2


def test_sqlite_fork_while_parent_holds_the_lock(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        store.put(KEY, {"count": 1}, ttl=None, now=NOW)
        with store._lock:
            child = multiprocessing.get_context("fork").Process(target=child_uses_inherited_sqlite, args=(store,))
            child.start()
            child.join(timeout=60)
        assert (child.exitcode, store.get(KEY, NOW)) == (0, {"count": 2})


# --- lifecycle and failures ------------------------------------------------------------------------------------

def test_ping_and_closed_store(store_url: str) -> None:
    store = open_store(store_url)
    store.ping()
    store.close()
    for call in (lambda: store.get(KEY, NOW), lambda: store.put(KEY, {}, None, NOW), store.ping):
        with pytest.raises(StoreError) as info:
            call()
        assert str(info.value) == "the store is closed"


def test_redis_down_is_unavailable_then_recovers(redis_server: RedisServer, redis_url: str) -> None:
    store = open_store(redis_url)
    store.put(KEY, {"count": 1}, ttl=None, now=NOW)  # a pooled connection that the restart will break
    redis_server.stop()
    try:
        calls = [lambda: store.get(KEY, NOW), lambda: store.put(KEY, {}, None, NOW), lambda: store.delete(KEY),
                 lambda: store.transact(KEY, increment, None, NOW), store.ping]
        for call in calls:
            with pytest.raises(StoreUnavailable) as info:
                call()
            assert str(info.value) == (
                f"Redis store unavailable: Error 111 connecting to 127.0.0.1:{redis_server.port}. Connection refused."
            )
    finally:
        redis_server.start()
    store.ping()
    assert store.get(KEY, NOW) is None  # no persistence: the restart emptied it
    assert store.transact(KEY, increment, ttl=None, now=NOW) == 1
    store.close()


def test_redis_stale_connection_reconnects_transparently(redis_server: RedisServer, redis_url: str) -> None:
    store = open_store(redis_url)
    store.ping()
    redis_server.restart()  # the pooled socket is now dead; the first call must not fail because of it
    assert store.transact(KEY, increment, ttl=None, now=NOW) == 1
    store.close()


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another process's view: a connection holding the database's write lock."""
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


def test_sqlite_locked_too_long_is_unavailable(tmp_path: Path) -> None:
    slept: list[float] = []
    with SQLiteStore(str(tmp_path / "s.db"), busy_timeout=0.01, retry_delays=(0.05, 0.2), sleep=slept.append) as store:
        blocker = hold_write_lock(tmp_path / "s.db")
        with pytest.raises(StoreUnavailable) as info:
            store.transact(KEY, increment, ttl=None, now=NOW)
        assert (str(info.value), slept) == ("SQLite store unavailable: database is locked", [0.05, 0.2])
        blocker.rollback()
        assert store.transact(KEY, increment, ttl=None, now=NOW) == 1


def test_sqlite_lock_released_during_backoff_succeeds(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "s.db"), busy_timeout=0.01) as store:
        blocker = hold_write_lock(tmp_path / "s.db")
        slept: list[float] = []
        store._sleep = lambda delay: (slept.append(delay), blocker.rollback())  # type: ignore[method-assign]
        store.put(KEY, {"count": 5}, ttl=None, now=NOW)
        assert (slept, store.get(KEY, NOW)) == ([0.05], {"count": 5})


def test_sqlite_file_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "sessions.db"
    with open_store(f"sqlite:///{path}") as store:
        store.put(KEY, {}, ttl=None, now=NOW)
        for side in ("-wal", "-shm"):   # SQLite gives them the main file's permissions
            assert stat.S_IMODE(Path(f"{path}{side}").stat().st_mode) == 0o600, side
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_sqlite_memory_is_shared_by_threads() -> None:
    with open_store("sqlite:///:memory:") as store:
        run_threads(store, threads=4, times=25)
        assert store.get(KEY, NOW) == {"count": 100}


# --- open_store ---------------------------------------------------------------------------------------------------

def test_open_store_relative_sqlite_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///data/sessions.db") as store:
        store.put(KEY, {"n": 1}, ttl=None, now=NOW)
    assert (tmp_path / "data" / "sessions.db").is_file()


def test_open_store_redis_is_lazy() -> None:
    store = open_store("redis://127.0.0.1:1/3")  # nothing listens on port 1; opening must not connect
    assert (type(store), repr(store)) == (RedisStore, "RedisStore(host='127.0.0.1', port=1, db=3)")
    with pytest.raises(StoreUnavailable):
        store.ping()


@pytest.mark.parametrize(("url", "message"), [
    ("sessions.db", f"store URL 'sessions.db' has no scheme: use {URLS}"),
    ("postgres://db/kyr", f"unsupported store URL scheme 'postgres': use {URLS}"),
    ("sqlite://sessions.db",
     "SQLite URL 'sqlite://sessions.db' needs three slashes before a relative path and four before an absolute "
     "one: sqlite:///relative/path.db or sqlite:////absolute/path.db"),
    ("sqlite:///", f"SQLite URL 'sqlite:///' names no file: use {URLS}"),
    ("sqlite:///data/", f"SQLite URL 'sqlite:///data/' names no file: use {URLS}"),
    ("sqlite:///s.db?mode=ro", "SQLite URL 'sqlite:///s.db?mode=ro' has a query or fragment: "
                               "SQLite store options are not supported"),
    ("redis:///0", "Redis URL 'redis:///0' names no host: use redis://host:port/db"),
    ("redis://:hunter2@cache:port/0", "Redis URL 'redis://:***@cache:port/0' has an invalid port: "
                                      "use redis://host:port/db"),
    ("redis://user:hunter2@cache:6379/sessions", "Redis URL 'redis://user:***@cache:6379/sessions' has database "
                                                 "'sessions': it must be a number, as in redis://host:6379/0"),
])
def test_open_store_rejects_bad_urls(url: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        open_store(url)
    assert str(info.value) == message

