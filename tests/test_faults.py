"""Faults with real parts: SQLite locked by another connection, and a real redis-server killed mid-conversation
(under the Service, and under a real `gunicorn -w 2 webhook:app`). A store fault must give the short "try
again" reply, never a crash or a 5xx, must not corrupt the conversation, and must heal by itself."""
from __future__ import annotations

import importlib.util
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.session import Inbound
from bot.service.handler import Outcome, Service
from bot.service.privacy import user_key
from bot.store import RedisStore, SQLiteStore, StoreUnavailable
from tests.conftest_redis import MISSING, own_redis
from tests.gunicorn_server import (
    RedisProcess,
    ServerError,
    free_port,
    health,
    post_twilio,
    start_gunicorn,
    twilio_form,
)
from tests.require import missing, required

SECRET = b"faults-test-secret"
TOKEN = "faults-test-token"
BASE = "https://kyr.faults.invalid"
NUMBER = "+15555550180"
TRY_AGAIN_EN = "Sorry, something went wrong on our side. Please send your message again in a minute."
TRY_AGAIN_ES = "Perdón, hubo un error de nuestro lado. Por favor, envíe su mensaje otra vez en un minuto."
DOOR = "Do not open the door."          # ice_at_door.start, option 1 of the main menu
ENTER = "Do not fight or block them."   # ice_at_door.enter, option 2 of ice_at_door.start


def say(service: Service, text: str, lang_hint: str | None = None, user: str = NUMBER) -> Outcome:
    """One SMS through the service, now."""
    return service.handle("sms", user, Inbound(text, time.time(), lang_hint=lang_hint))


def texts(outcome: Outcome) -> list[str]:
    """The reply texts of an outcome."""
    return [reply.text for reply in outcome.replies]


def start_conversation(service: Service) -> None:
    """Greeting, then option 1: the person stands at ice_at_door.start."""
    say(service, "hi")
    outcome = say(service, "1")
    assert texts(outcome)[0].startswith(DOOR) and outcome.session is not None


# --- SQLite: database is locked -----------------------------------------------------------------------------

def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another process's view: a connection holding the database's write lock (usable from a timer thread)."""
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


def is_write_locked(path: Path) -> bool:
    """True if a third connection cannot take the write lock right now."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    finally:
        probe.close()


def stored_row(path: Path) -> tuple[str, float | None]:
    """The person's record exactly as SQLite holds it."""
    key = user_key(SECRET, "sms", NUMBER)
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT value, expires_at FROM records WHERE key = ?", (key,)).fetchone()


def test_sqlite_lock_released_while_the_store_backs_off_is_waited_out(engine: Engine, tmp_path: Path) -> None:
    """A lock another connection holds for a moment only delays the turn: the store backs off and retries.
    The lock is released inside the store's own back-off (its sleep seam), so no timer decides the outcome."""
    path = tmp_path / "sessions.db"
    waits: list[float] = []
    blocker: sqlite3.Connection | None = None

    def back_off(delay: float) -> None:
        waits.append(delay)
        if blocker is not None and blocker.in_transaction:
            blocker.rollback()   # the other writer finishes while we wait

    with SQLiteStore(str(path), busy_timeout=0.05, sleep=back_off) as store:
        service = Service(engine, store, SECRET)
        start_conversation(service)
        blocker = hold_write_lock(path)
        try:
            assert is_write_locked(path)  # the lock is really held when the next message arrives
            outcome = say(service, "2")
        finally:
            blocker.close()
        assert texts(outcome)[0].startswith(ENTER)
        assert waits == [0.05]   # one back-off (the first of the production delays), then success
        assert outcome.session is not None and outcome.session.at == "ice_at_door.enter"


def test_sqlite_retry_loop_outlasts_busy_timeout(engine: Engine, tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    """busy_timeout runs out, the store backs off and retries; the lock is gone by then, and the turn is taken."""
    path = tmp_path / "sessions.db"
    with SQLiteStore(str(path), busy_timeout=0.02, retry_delays=(0.05, 0.2)) as store:
        service = Service(engine, store, SECRET)
        start_conversation(service)
        blocker = hold_write_lock(path)
        slept: list[float] = []
        store._sleep = lambda delay: (slept.append(delay), blocker.rollback())
        outcome = say(service, "2")
        blocker.close()
    assert slept == [0.05]
    assert texts(outcome)[0].startswith(ENTER)
    assert "SQLite store busy (database is locked), retrying in 0.05s" in caplog.messages


def test_sqlite_locked_too_long_answers_try_again_and_keeps_the_state(engine: Engine, tmp_path: Path) -> None:
    """A lock held past the retry budget: "try again" (English, and Spanish for a Spanish hint), the stored
    conversation is untouched, and once the lock is gone the conversation goes on from where it stood."""
    path = tmp_path / "sessions.db"
    with SQLiteStore(str(path), busy_timeout=0.02, retry_delays=(0.01, 0.02)) as store:
        service = Service(engine, store, SECRET)
        start_conversation(service)
        before = stored_row(path)
        blocker = hold_write_lock(path)
        try:
            english, spanish = say(service, "2"), say(service, "2", lang_hint="es")
        finally:
            blocker.rollback()
            blocker.close()
        assert (texts(english), english.events, english.session) == ([TRY_AGAIN_EN], ("try_again",), None)
        assert (texts(spanish), spanish.events) == ([TRY_AGAIN_ES], ("try_again",))
        assert stored_row(path) == before
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        outcome = say(service, "2")
        assert texts(outcome)[0].startswith(ENTER)


# --- Redis killed and restarted -----------------------------------------------------------------------------

@pytest.fixture
def redis_proc(tmp_path: Path) -> Iterator[RedisProcess]:
    """Our own redis-server (AOF, fsync always: a kill loses nothing) on a free port, so the test can kill it."""
    with own_redis(tmp_path, persist=True) as server:
        yield server


def test_redis_killed_mid_conversation_then_back(engine: Engine, redis_proc: RedisProcess) -> None:
    """Redis down: "try again" in the person's language, ping says unavailable. Back: the next message continues
    the conversation where it stood (the client reconnects by itself)."""
    with RedisStore(redis_proc.url) as store:
        service = Service(engine, store, SECRET)
        start_conversation(service)
        redis_proc.kill()
        english, spanish = say(service, "2"), say(service, "2", lang_hint="es")
        assert (texts(english), english.events, english.session) == ([TRY_AGAIN_EN], ("try_again",), None)
        assert (texts(spanish), spanish.events) == ([TRY_AGAIN_ES], ("try_again",))
        with pytest.raises(StoreUnavailable):
            store.ping()
        redis_proc.start()
        outcome = say(service, "2")
        assert texts(outcome)[0].startswith(ENTER)
        assert outcome.session is not None and outcome.session.at == "ice_at_door.enter"
        store.ping()


def test_redis_restarted_without_its_data_starts_afresh(engine: Engine, tmp_path: Path) -> None:
    """A Redis that lost everything (no persistence): the next message is simply a new conversation."""
    redis_proc = RedisProcess(required("redis-server", MISSING), free_port(), tmp_path, persist=False)
    redis_proc.start()
    try:
        with RedisStore(redis_proc.url) as store:
            service = Service(engine, store, SECRET)
            start_conversation(service)
            redis_proc.kill()
            assert texts(say(service, "back")) == [TRY_AGAIN_EN]
            redis_proc.start()
            outcome = say(service, "hi")
            assert texts(outcome)[0].startswith("Hi, I am kyrbot.") and outcome.session is not None
    finally:
        redis_proc.kill()


def test_gunicorn_answers_try_again_with_200_while_redis_is_down(redis_proc: RedisProcess, tmp_path: Path) -> None:
    """Over real HTTP to two workers: 200 + try-again TwiML (never 5xx) and /healthz 503 while Redis is down;
    after the restart the conversation goes on and /healthz is 200."""
    if importlib.util.find_spec("gunicorn") is None:
        missing("gunicorn is not installed: pip install -r requirements-dev.txt")
    env = {"KYR_STORE": redis_proc.url, "KYR_SECRET": SECRET.decode(), "TWILIO_AUTH_TOKEN": TOKEN,
           "PUBLIC_BASE_URL": BASE, "KYR_RATE_LIMIT": "1000", "KYR_SMS_FOLD_ACCENTS": "", "TELEGRAM_BOT_TOKEN": ""}
    try:
        server = start_gunicorn(env, tmp_path, workers=2)
    except ServerError as exc:
        pytest.fail(str(exc))

    def send(body: str) -> tuple[int, list[str]]:
        return post_twilio(server.url, TOKEN, BASE, twilio_form(NUMBER, body))

    try:
        assert send("hi")[0] == 200
        status, bodies = send("1")
        assert status == 200 and bodies[0].startswith(DOOR)
        redis_proc.kill()
        down = [send("2") for _ in range(6)]  # enough for both workers to meet the outage
        assert down == [(200, [TRY_AGAIN_EN])] * 6
        assert health(server.url) == 503
        redis_proc.start()
        status, bodies = send("2")
        assert status == 200 and bodies[0].startswith(ENTER)
        assert [send("back")[0], send("menu")[0]] == [200, 200]
        assert health(server.url) == 200
    finally:
        server.stop()
