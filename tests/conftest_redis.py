"""Pytest plugin: a real, throw-away redis-server for the tests.

Fixtures: `redis_server` (session; `.url`, `.stop()`, `.start()`, `.restart()` on the same port) and
`redis_url` (session; "redis://127.0.0.1:PORT/0"). Without redis-server on PATH the Redis tests are skipped,
or fail when the environment variable CI is "true" (so CI can never silently skip them).
Register from tests/conftest.py with `pytest_plugins = ["tests.conftest_redis"]`.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.gunicorn_server import RedisProcess, ServerError, stop_process
from tests.gunicorn_server import free_port as _free_port  # also imported from here by other tests
from tests.require import required  # skip here, fail under CI

MISSING = "redis-server not found on PATH: install it (Debian: apt-get install redis-server) to run the Redis tests"



class RedisServer(RedisProcess):
    """A RedisProcess without persistence whose start-up failure fails the test; stop() is a clean shutdown."""

    def __init__(self, executable: str, port: int, workdir: Path) -> None:
        """Describe the server; start() launches it."""
        super().__init__(executable, port, workdir, persist=False)

    def start(self) -> None:
        """Launch redis-server and return once it answers PING (pytest.fail if it does not)."""
        try:
            super().start()
        except ServerError as exc:
            pytest.fail(str(exc))

    def stop(self) -> None:
        """Terminate the server (kill it if it lingers) and wait for it to exit."""
        proc, self.proc = self.proc, None
        if proc is not None:
            stop_process(proc, timeout=5)

    def restart(self) -> None:
        """Stop then start again on the same port (all data is lost: there is no persistence)."""
        self.stop()
        self.start()


@contextmanager
def own_redis(workdir: Path, persist: bool) -> Iterator[RedisProcess]:
    """A redis-server of one test's own on a free port (a test may kill it, make it read-only or full), killed
    at the end; pytest.fail if it does not start."""
    server = RedisProcess(required("redis-server", MISSING), _free_port(), workdir, persist=persist)
    try:
        server.start()
    except ServerError as exc:
        pytest.fail(str(exc))
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A running redis-server for the whole session, stopped at the end."""
    server = RedisServer(required("redis-server", MISSING), _free_port(), tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_url(redis_server: RedisServer) -> str:
    """URL of the session's redis-server, database 0."""
    return redis_server.url
