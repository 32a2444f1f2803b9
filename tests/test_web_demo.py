"""The web demo's API is open to anyone, so: off in create_app() unless KYR_WEB_DEMO=1 (on under `python
webhook.py`); when on, its sessions live apart ("d:" keys, two hours), at most KYR_DEMO_MAX_SESSIONS of them and
KYR_DEMO_NEW_PER_MINUTE new ones a minute (a clear 429), and a full store is a clear 503. Both stores."""
from __future__ import annotations

import json
import os
import secrets
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
from flask import Flask

from bot.channels.base import kyr
from bot.channels.web import demo as web
from bot.core.engine import Engine
from bot.service.admission import INDEX_KEY, TOO_FAST, TOO_MANY
from bot.service.privacy import user_key
from bot.service.runtime import ROOT
from bot.store import SQLiteStore, StoreFull
from tests.gunicorn_server import free_port, stop_process
from webhook import create_app

SECRET = "demo-secret"
T0 = 1_900_000_000.0


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The demo's clock, moved by the test (index 0)."""
    now = [T0]
    monkeypatch.setattr(web, "clock", lambda: now[0])
    return now


@pytest.fixture(params=["sqlite", "redis"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh SQLite file, or an emptied database of the session's redis-server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/kyr.db"
    url = str(request.getfixturevalue("redis_url")).rsplit("/", 1)[0] + "/13"
    redis.Redis.from_url(url).flushdb()
    return url


def demo_app(engine: Engine, store: str, **config: str) -> Flask:
    """create_app with the demo on (unless config says otherwise)."""
    return create_app({"KYR_STORE": store, "KYR_SECRET": SECRET, "KYR_WEB_DEMO": "1", **config}, engine)


def post(app: Flask, session: str, text: str = "hi") -> tuple[int, dict]:
    """One message to the demo's API: (status, JSON)."""
    response = app.test_client().post("/api/message", json={"session": session, "text": text})
    return response.status_code, response.get_json()


def session() -> str:
    """A fresh page's id."""
    return secrets.token_hex(16)


# --- off unless asked -------------------------------------------------------------------------------------
def test_create_app_serves_no_demo_unless_asked(engine: Engine, tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    """Production (create_app, gunicorn webhook:app) has no GET / and no /api/*, and says so at start-up."""
    caplog.set_level("INFO")
    app = create_app({"KYR_STORE": f"sqlite:///{tmp_path}/kyr.db", "KYR_SECRET": SECRET}, engine)
    client = app.test_client()
    assert client.get("/").status_code == 404
    assert client.post("/api/message", json={"session": session(), "text": "hi"}).status_code == 404
    assert client.post("/api/reset", json={"session": session()}).status_code == 404
    assert "channel web: the trainers' demo is off (set KYR_WEB_DEMO=1 to serve it at GET /)" in caplog.messages


@pytest.mark.parametrize(("value", "message"), [("yes", "KYR_WEB_DEMO must be 1 (on) or 0 (off), got 'yes'")])
def test_a_demo_switch_that_is_not_0_or_1_is_refused(engine: Engine, tmp_path: Path, value: str, message: str) -> None:
    """A typo does not silently open (or close) the demo."""
    from bot.service.runtime import ConfigError

    with pytest.raises(ConfigError) as info:
        create_app({"KYR_STORE": f"sqlite:///{tmp_path}/kyr.db", "KYR_SECRET": SECRET, "KYR_WEB_DEMO": value}, engine)
    assert str(info.value) == message


def status_of(url: str) -> int | None:
    """GET url: the status, or None while nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError):
        return None


@pytest.mark.parametrize(("switch", "status"), [(None, 200), ("0", 404)], ids=["default-on", "turned-off"])
def test_python_webhook_py_serves_the_demo_by_default(tmp_path: Path, switch: str | None, status: int) -> None:
    """A local run (`python3 webhook.py`) is for trainers: the demo is on unless KYR_WEB_DEMO=0."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "KYR_WEB_DEMO"}
    env.update({"KYR_STORE": f"sqlite:///{tmp_path}/kyr.db", "KYR_SECRET": SECRET, "PORT": str(port),
                "TWILIO_AUTH_TOKEN": "", "TELEGRAM_BOT_TOKEN": "", **({"KYR_WEB_DEMO": switch} if switch else {})})
    proc = subprocess.Popen([sys.executable, str(ROOT / "webhook.py")], env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while status_of(f"http://127.0.0.1:{port}/healthz") != 200:
            assert proc.poll() is None and time.monotonic() < deadline, "webhook.py did not start"
            time.sleep(0.1)  # readiness poll
        assert status_of(f"http://127.0.0.1:{port}/") == status
    finally:
        stop_process(proc, timeout=10)


# --- its own namespace, two hours -------------------------------------------------------------------------
def test_demo_sessions_live_apart_for_two_hours(engine: Engine, store_url: str, clock: list[float]) -> None:
    """A demo session is kept under "d:" (never where people's conversations are) and expires two hours after
    its last message."""
    app = demo_app(engine, store_url)
    page = session()
    assert post(app, page)[0] == 200
    store = kyr(app).service.store
    demo_key, person_key = (user_key(SECRET.encode(), "web", page, space) for space in ("d", "u"))
    assert store.get(demo_key, T0) is not None and store.get(person_key, T0) is None
    if store_url.startswith("sqlite"):
        assert store.get(demo_key, T0 + 2 * 3600 - 1) is not None and store.get(demo_key, T0 + 2 * 3600) is None
    else:
        assert 2 * 3600_000 - 5_000 < redis.Redis.from_url(store_url).pttl(f"kyr:{demo_key}") <= 2 * 3600_000


# --- bounds on new sessions -------------------------------------------------------------------------------
def test_the_demo_holds_at_most_its_cap_of_sessions(engine: Engine, store_url: str, clock: list[float]) -> None:
    """KYR_DEMO_MAX_SESSIONS=3: a fourth page is refused with a 429 that says why; the open pages go on; two
    hours later there is room again."""
    app = demo_app(engine, store_url, KYR_DEMO_MAX_SESSIONS="3", KYR_DEMO_NEW_PER_MINUTE="100")
    pages = [session() for _ in range(3)]
    assert [post(app, page)[0] for page in pages] == [200, 200, 200]
    assert post(app, session()) == (429, {"error": TOO_MANY.format(3)})
    assert post(app, pages[0], "1")[0] == 200
    assert app.test_client().post("/api/reset", json={"session": pages[1]}).status_code == 200   # not new
    clock[0] += 2 * 3600
    assert post(app, session())[0] == 200


def test_new_demo_sessions_are_limited_per_minute(engine: Engine, store_url: str, clock: list[float]) -> None:
    """KYR_DEMO_NEW_PER_MINUTE=2: a third new page within the minute gets 429; the next minute it is admitted."""
    app = demo_app(engine, store_url, KYR_DEMO_NEW_PER_MINUTE="2")
    assert [post(app, session())[0] for _ in range(2)] == [200, 200]
    late = session()
    assert post(app, late) == (429, {"error": TOO_FAST})
    clock[0] += 60
    assert post(app, late)[0] == 200


def test_the_index_keeps_short_hashes_and_times_only(engine: Engine, tmp_path: Path, clock: list[float]) -> None:
    """The record that counts demo sessions holds no page id, only 16 hex characters of each key and a time."""
    app = demo_app(engine, f"sqlite:///{tmp_path}/kyr.db")
    page = session()
    post(app, page)
    index = kyr(app).service.store.get(INDEX_KEY, T0)
    short = user_key(SECRET.encode(), "web", page, "d")[2:18]
    assert index == {"s": {short: int(T0)}, "m": [T0, 1]}
    with sqlite3.connect(tmp_path / "kyr.db") as db:
        assert page not in json.dumps(db.execute("SELECT key, value FROM records").fetchall())


# --- a full store -----------------------------------------------------------------------------------------
def test_a_full_redis_is_a_clear_503(engine: Engine, redis_url: str) -> None:
    """Redis at its maxmemory: a new page is told the store is full (503), not a 500 or a silent failure."""
    url = redis_url.rsplit("/", 1)[0] + "/14"
    admin = redis.Redis.from_url(url)
    admin.flushdb()
    app = demo_app(engine, url)
    admin.config_set("maxmemory", "1")
    try:
        answer = post(app, session())
        health = app.test_client().get("/healthz")
    finally:
        admin.config_set("maxmemory", "0")
    assert answer == (503, {"error": web.STORE_FULL})
    assert (health.status_code, health.get_json()) == (503, {"status": "store full"})


def fill_up(store: SQLiteStore) -> None:
    """Let the database grow no more (SQLite's own max_page_count, on the store's connection) and fill its pages
    to the last bytes, so the next new record cannot be written: SQLITE_FULL, as on a full disk."""
    store._run(lambda conn: conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}"))
    for size in (500, 50, 0):
        with pytest.raises(StoreFull):
            for i in range(10_000):
                store.put(f"u:fill{size}-{i}", {"x": "y" * size}, None, T0)


def test_a_full_sqlite_file_is_a_clear_503(engine: Engine, tmp_path: Path, clock: list[float]) -> None:
    """SQLite out of room: a new demo page is told the store is full (503); a person on SMS gets 'try again'
    (200 from Twilio's point of view) and the outcome says why, for the log."""
    from bot.core.session import Inbound

    app = demo_app(engine, f"sqlite:///{tmp_path}/kyr.db")
    store = kyr(app).service.store
    assert isinstance(store, SQLiteStore)
    fill_up(store)
    assert post(app, session()) == (503, {"error": web.STORE_FULL})
    outcome = kyr(app).service.handle("sms", "+15555550150", Inbound("hi", T0))
    assert outcome.events == ("try_again", "store_full")
    kyr(app).housekeeper.stop()
