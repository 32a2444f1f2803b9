"""Redis persistence and deletion, with the deploy/ files as shipped: a deleted conversation is only appended to
the AOF as a DEL, and leaves the disk when the AOF is rewritten, which kyrbot-redis-aof-rewrite.service does
daily. A real redis-server started with deploy/redis.conf."""
from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bot.core.engine import Engine
from bot.core.session import Inbound
from bot.service.handler import Service
from bot.service.privacy import user_key
from bot.service.runtime import ROOT
from bot.store import RedisStore
from tests.conftest_redis import MISSING
from tests.gunicorn_server import answers_ping, free_port, stop_process
from tests.require import missing

DEPLOY = ROOT / "deploy"
SECRET = b"persistence-secret"
PHONE = "+15555550160"


def unit(name: str) -> configparser.ConfigParser:
    """A systemd unit file of deploy/, read as the INI file it is."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DEPLOY / name, encoding="utf-8")
    return parser


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """redis-server with deploy/redis.conf; only port, address and directory overridden, and strings stored
    uncompressed so a byte search can see them in the AOF's RDB part."""
    executable = shutil.which("redis-server")
    if executable is None:
        missing(MISSING)
    port = free_port()
    proc = subprocess.Popen([executable, str(DEPLOY / "redis.conf"), "--port", str(port), "--bind", "127.0.0.1",
                             "--dir", str(tmp_path), "--logfile", str(tmp_path / "redis.log"),
                             "--rdbcompression", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not answers_ping(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_process(proc, timeout=5)
            log = tmp_path / "redis.log"
            pytest.fail(f"redis-server refused deploy/redis.conf: {log.read_text() if log.exists() else ''}")
        time.sleep(0.01)  # readiness poll
    try:
        yield port, tmp_path
    finally:
        stop_process(proc, timeout=5)


def on_disk(directory: Path) -> bytes:
    """Every byte Redis keeps on disk: the append-only directory and any RDB file."""
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file() and p.name != "redis.log")


def wait_until(condition, timeout: float = 20.0) -> bool:
    """Poll until condition() holds; False after the timeout."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)  # the rewrite runs in a child process of Redis, history files go in a background thread
    return True


def test_a_delete_leaves_the_aof_at_the_daily_rewrite(engine: Engine, server: tuple[int, Path]) -> None:
    """deploy/redis.conf: AOF on, no RDB snapshots. After DELETE the conversation is still in the AOF (only a
    DEL was appended); the timer's own command (BGREWRITEAOF) rewrites it, and then it is gone from the disk."""
    port, directory = server
    url = f"redis://127.0.0.1:{port}/0"
    admin = redis.Redis.from_url(url)
    assert admin.config_get("appendonly") == {"appendonly": "yes"} and admin.config_get("save") == {"save": ""}
    service = Service(engine, RedisStore(url), SECRET)
    for text in ("hola", "la migra está en mi puerta", "borrar"):
        service.handle("sms", PHONE, Inbound(text, time.time()))
    record = b"kyr:" + user_key(SECRET, "sms", PHONE).encode()
    assert admin.exists(record) == 0
    assert record in on_disk(directory), "before a rewrite the AOF still holds the deleted conversation"
    command = shlex.split(unit("kyrbot-redis-aof-rewrite.service")["Service"]["ExecStart"])
    command[command.index("-p") + 1] = str(port)
    ran = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert "Background append only file rewriting" in ran.stdout, ran.stdout + ran.stderr
    assert wait_until(lambda: record not in on_disk(directory)), "the rewrite left the conversation on disk"
    assert not list(directory.glob("*.rdb"))
    service.store.close()


def test_the_rewrite_runs_daily() -> None:
    """The timer starts the rewrite once a day, and catches up after the machine was off."""
    timer = unit("kyrbot-redis-aof-rewrite.timer")
    assert timer["Timer"]["OnCalendar"] == "daily" and timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert unit("kyrbot-redis-aof-rewrite.service")["Service"]["Type"] == "oneshot"
