"""A store that cannot be written is said so: at start-up (one line naming the file and the fix, exit 2), by
/healthz (which writes a health record, not only reads), and in the log (the cause, never the person); and the
store heals by itself once the file is writable again. Real SQLite files made read-only, a real redis-server
turned into a read-only replica or filled to its maxmemory."""
from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from bot.core.engine import Engine
from bot.core.session import Inbound
from bot.service.handler import Service
from bot.service.runtime import ROOT, ConfigError
from bot.store import SQLiteStore, StoreUnavailable, open_store
from tests.conftest_redis import own_redis
from tests.gunicorn_server import RedisProcess, free_port
from tests.require import missing
from webhook import create_app

SECRET = "health-secret"
READ_ONLY = "SQLite store unavailable: attempt to write a readonly database"
TRY_AGAIN = "Sorry, something went wrong on our side. Please send your message again in a minute."


class Unwritable:
    """Makes one file unwritable for this process and its children, and writable again: a mode for a user,
    the immutable attribute for root (root ignores modes). Always writable again when the block ends."""

    def __init__(self, path: Path) -> None:
        self.path, self.root, self.mode = path, os.geteuid() == 0, path.stat().st_mode & 0o777
        if self.root and shutil.which("chattr") is None:
            missing("chattr not found: root ignores file modes, so the read-only tests need it (e2fsprogs)")

    def on(self) -> None:
        """Make the file read-only."""
        if not self.root:
            self.path.chmod(0o500 if self.path.is_dir() else 0o400)
        elif subprocess.run(["chattr", "+i", str(self.path)], capture_output=True).returncode != 0:
            missing(f"the file system under {self.path.parent} has no immutable attribute (chattr +i)")

    def off(self) -> None:
        """Make the file writable again."""
        if self.root:
            subprocess.run(["chattr", "-i", str(self.path)], check=True)
        else:
            self.path.chmod(self.mode)

    def __enter__(self) -> Unwritable:
        self.on()
        return self

    def __exit__(self, *exc: object) -> None:
        self.off()


def made_store(tmp_path: Path) -> Path:
    """A SQLite store file with its tables and one record, closed (so its WAL is folded into the file)."""
    path = tmp_path / "kyr.db"
    with SQLiteStore(str(path)) as store:
        store.put("u:someone", {"s": {"at": "menu.start"}}, None, 1.0)
    return path


def expected_line(path: Path) -> str:
    """The one line start-up gives for a read-only SQLite file."""
    return (f"cannot write the SQLite store {path} ({READ_ONLY}): make the file, and the directory that holds "
            "it, writable by the user running kyrbot (and free some disk space if it is full), or set KYR_STORE "
            "to another file")


# --- start-up -------------------------------------------------------------------------------------------
def test_create_app_refuses_a_read_only_sqlite_file_in_one_line(engine: Engine, tmp_path: Path) -> None:
    """A file the service can read but not write is refused at start-up, with the file and the fix."""
    path = made_store(tmp_path)
    with Unwritable(path), pytest.raises(ConfigError) as info:
        create_app({"KYR_STORE": f"sqlite:///{path}", "KYR_SECRET": SECRET}, engine)
    assert str(info.value) == expected_line(path)


def test_python_webhook_py_exits_2_on_a_read_only_sqlite_file(tmp_path: Path) -> None:
    """`python3 webhook.py` says the same line and exits with 2, before it serves anything."""
    path = made_store(tmp_path)
    env = {**os.environ, "KYR_STORE": f"sqlite:///{path}", "KYR_SECRET": SECRET, "PORT": str(free_port()),
           "TWILIO_AUTH_TOKEN": "", "TELEGRAM_BOT_TOKEN": ""}
    with Unwritable(path):
        run = subprocess.run([sys.executable, str(ROOT / "webhook.py")], capture_output=True, text=True, env=env,
                             timeout=120, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert run.stderr.strip().splitlines()[-1] == f"kyrbot cannot start: {expected_line(path)}"


def test_a_directory_that_cannot_hold_the_local_secret_is_one_line_too(engine: Engine, tmp_path: Path) -> None:
    """Without KYR_SECRET the key is kept beside the database; a directory that refuses it says so plainly."""
    folder = tmp_path / "locked"
    folder.mkdir()
    with Unwritable(folder):
        try:
            (folder / "probe").touch()
        except OSError as exc:
            why = exc.strerror
        with pytest.raises(ConfigError) as info:
            create_app({"KYR_STORE": f"sqlite:///{folder}/kyr.db", "KYR_SECRET": ""}, engine)
    assert str(info.value) == (f"cannot keep the hashing key in {folder}/kyr.secret ({why}): make its directory "
                               "writable by the user running kyrbot, or set KYR_SECRET")


# --- the store ------------------------------------------------------------------------------------------
def test_a_read_only_file_fails_the_health_check_though_it_reads_and_heals_once_writable(tmp_path: Path) -> None:
    """Opened on a read-only file, the store still reads: ping (what /healthz calls) writes, so it fails. Once
    the file is writable again the store reopens it by itself: no restart."""
    path = made_store(tmp_path)
    with Unwritable(path):
        store = SQLiteStore(str(path))
        assert store.get("u:someone", 2.0) == {"s": {"at": "menu.start"}}
        for call in (store.ping, lambda: store.put("u:other", {}, None, 2.0)):
            with pytest.raises(StoreUnavailable) as info:
                call()
            assert str(info.value) == READ_ONLY
    store.ping()
    store.put("u:other", {"n": 1}, None, 3.0)
    assert store.get("u:other", 3.0) == {"n": 1}
    store.close()


def test_messages_say_try_again_the_log_names_the_cause_and_the_service_heals(engine: Engine, tmp_path: Path,
                                                                              caplog: pytest.LogCaptureFixture
                                                                              ) -> None:
    """While the file is read-only: 'try again', and one warning with the exception's class and message, and no
    id, tag or text of the person. Writable again: the very next message is answered."""
    path = made_store(tmp_path)
    with Unwritable(path):
        service = Service(engine, open_store(f"sqlite:///{path}"), SECRET.encode())
        caplog.set_level(logging.INFO)
        outcome = service.handle("sms", "+15555550190", Inbound("hello there", time.time()))
        assert [r.text for r in outcome.replies] == [TRY_AGAIN]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [f"store error channel=sms: StoreUnavailable (OperationalError): {READ_ONLY}"]
    assert outcome.session is None
    answered = service.handle("sms", "+15555550190", Inbound("hello there", time.time()))
    assert answered.replies[0].text.startswith("Hi, I am kyrbot.")
    service.store.close()


# --- /healthz -------------------------------------------------------------------------------------------
def forked_worker(app: Any, path: Path, results: Any) -> None:
    """A worker forked after the file became read-only (gunicorn --preload): its own connection opens read-only.
    Reports /healthz and one message while it is so, then again after making it writable."""
    try:
        unwritable = Unwritable(path)
        client = app.test_client()
        seen = []
        for _ in range(2):
            health = client.get("/healthz")
            reply = client.post("/api/message", json={"session": "healthcheck-worker-1", "text": "hi"})
            seen.append((health.status_code, health.get_json(), reply.status_code))
            unwritable.off()
        results.put(seen)
    except BaseException as exc:  # reported to the test, not lost with the child process
        results.put(repr(exc))


def test_healthz_writes_so_a_read_only_file_is_503_until_it_is_writable(engine: Engine, tmp_path: Path) -> None:
    """/healthz said 200 while every message failed: it now writes a health record (no user data), so a worker
    on a read-only file says 503, and 200 again once the file is writable and the store has reopened it."""
    path = made_store(tmp_path)
    app = create_app({"KYR_STORE": f"sqlite:///{path}", "KYR_SECRET": SECRET, "KYR_WEB_DEMO": "1"}, engine)
    assert app.test_client().get("/healthz").status_code == 200
    Unwritable(path).on()
    try:
        context = multiprocessing.get_context("fork")
        results = context.Queue()
        worker = context.Process(target=forked_worker, args=(app, path, results))
        worker.start()
        seen = results.get(timeout=60)
        worker.join(timeout=60)
    finally:
        Unwritable(path).off()
    assert seen == [(503, {"status": "store unavailable"}, 503), (200, {"status": "ok"}, 200)]
    with open_store(f"sqlite:///{path}") as store:
        assert store.get("u:someone", 4.0) == {"s": {"at": "menu.start"}}   # health checks never touch user data


@pytest.fixture
def redis_proc(tmp_path: Path) -> Iterator[RedisProcess]:
    """A redis-server of this test's own (no persistence), so it can be made read-only or full."""
    with own_redis(tmp_path, persist=False) as server:
        yield server


def test_healthz_on_a_read_only_redis_replica_is_503(engine: Engine, redis_proc: RedisProcess) -> None:
    """A Redis that answers PING but refuses writes (a replica) is not healthy."""
    app = create_app({"KYR_STORE": redis_proc.url, "KYR_SECRET": SECRET}, engine)
    client, admin = app.test_client(), redis.Redis.from_url(redis_proc.url)
    assert client.get("/healthz").status_code == 200
    admin.replicaof("127.0.0.1", str(free_port()))   # a primary that never answers: this one stays read-only
    try:
        assert admin.ping()
        response = client.get("/healthz")
        assert (response.status_code, response.get_json()) == (503, {"status": "store unavailable"})
    finally:
        admin.replicaof("NO", "ONE")
    assert client.get("/healthz").status_code == 200
    assert [k for k in admin.scan_iter() if not k.startswith(b"kyr:health")] == []   # only the health key


def test_healthz_on_a_full_redis_is_503_store_full(engine: Engine, redis_proc: RedisProcess,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    """Redis at its maxmemory (noeviction): /healthz says 503 "store full", and the log says OOM."""
    app = create_app({"KYR_STORE": redis_proc.url, "KYR_SECRET": SECRET}, engine)
    admin = redis.Redis.from_url(redis_proc.url)
    admin.config_set("maxmemory", "1")
    try:
        response = app.test_client().get("/healthz")
    finally:
        admin.config_set("maxmemory", "0")
    assert (response.status_code, response.get_json()) == (503, {"status": "store full"})
    assert "healthz: StoreFull (OutOfMemoryError): Redis store full: command not allowed when used memory > " \
           "'maxmemory'." in caplog.messages
