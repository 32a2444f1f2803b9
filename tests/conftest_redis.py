"""Pytest plugin: a real, throw-away redis-server for the tests.

Fixtures: `redis_server` (session; `.url`, `.stop()`, `.start()`, `.restart()` on the same port) and
`redis_url` (session; "redis://127.0.0.1:PORT/0"). Without redis-server on PATH the Redis tests are skipped,
or fail when the environment variable CI is "true" (so CI can never silently skip them).
Register from tests/conftest.py with `pytest_plugins = ["tests.conftest_redis"]`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gunicorn_server import answers_ping as _answers_ping  # one copy of the socket helpers
from tests.gunicorn_server import free_port as _free_port

START_TIMEOUT = 10.0  # seconds to wait for PONG; generous for a loaded CI machine
MISSING = "redis-server not found on PATH: install it (Debian: apt-get install redis-server) to run the Redis tests"


class RedisServer:
    """A redis-server child process on a fixed port, without persistence, that can be stopped and restarted."""

    def __init__(self, executable: str, port: int, workdir: Path) -> None:
        """Describe the server; start() launches it."""
        self.executable = executable
        self.port = port
        self.workdir = workdir
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The URL for open_store / redis-py, database 0."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Launch redis-server and return once it answers PING (pytest.fail after START_TIMEOUT)."""
        args = [self.executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", str(self.workdir), "--logfile", str(self.workdir / "redis.log")]
        self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
        self._wait_for_pong()

    def stop(self) -> None:
        """Terminate the server (kill it if it lingers) and wait for it to exit."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def restart(self) -> None:
        """Stop then start again on the same port (all data is lost: there is no persistence)."""
        self.stop()
        self.start()

    def _wait_for_pong(self) -> None:
        """Poll PING until it answers, the process dies, or START_TIMEOUT passes."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                pytest.fail(f"redis-server exited with {self._proc.returncode}: {self._log_tail()}")
            if _answers_ping(self.port):
                return
            time.sleep(0.01)  # readiness poll, not a timing assumption
        self.stop()
        pytest.fail(f"redis-server did not answer PING within {START_TIMEOUT}s: {self._log_tail()}")

    def _log_tail(self) -> str:
        """The end of the server log, for failure messages."""
        log = self.workdir / "redis.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"




@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A running redis-server for the whole session, stopped at the end."""
    executable = shutil.which("redis-server")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    server = RedisServer(executable, _free_port(), tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_url(redis_server: RedisServer) -> str:
    """URL of the session's redis-server, database 0."""
    return redis_server.url
