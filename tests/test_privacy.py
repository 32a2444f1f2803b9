"""Privacy: after whole conversations on every channel, no phone number, chat id or message text is anywhere
on disk (SQLite and its -wal/-shm, a Redis dump) or in any log; retention purges; "delete my data" in every
language erases at once and confirms in that language; opt-outs keep a hash only."""
from __future__ import annotations

import functools
import json
import logging
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import redis
import requests
import yaml
from flask import Flask
from twilio.request_validator import RequestValidator
from werkzeug.serving import make_server

from bot.channels.base import kyr
from bot.channels.telegram import adapter as tg
from bot.channels.twilio import messaging as twilio_sms
from bot.core.engine import Engine
from bot.core.session import Inbound, Session
from bot.service.privacy import user_key
from bot.service.records import RATE_PREFIX, REPLIES_PREFIX
from bot.service.runtime import ROOT
from bot.text.render import bidi_text
from tests.conftest_redis import RedisServer
from tests.fakes import FakeBotApi
from tests.gunicorn_server import twiml_bodies
from tests.payloads import load_telegram, load_twilio, with_fields

TOKEN = "privacy-auth-token-0123456789abcdef"
BASE = "https://kyr.example.org"
SECRET = "privacy-secret"
TG_SECRET = "privacy_webhook-secret"
TG_HEADER = "X-Telegram-Bot-Api-Secret-Token"
FORM = "application/x-www-form-urlencoded"
LANGS = ("en", "es", "zh", "zh-Hant", "ar", "ur", "ht", "pt", "vi", "fr")

PHONE = "+15555550199"
PHONE_FORMS = ["+15555550199", "15555550199", "5555550199", "555-555-0199", "555 555 0199", "(555) 555-0199",
               "555.555.0199", "%2B15555550199", "5550199"]
CHAT_ID = 987654321
WEB_SESSION = "privacyWebSessionQ7x"
# One made-up word per channel, so a leak names the channel it came from.
MARKERS = {"sms": "Zorblaxian", "whatsapp": "Quuxwombat", "telegram": "Flimflarnish", "web": "Snorkelwhip",
           "chat": "Grumblewick"}


def conversation(marker: str) -> list[str]:
    """A whole conversation: a body with the marker, options, free text, a state, MORE, help and back."""
    return [f"hello {marker} here", "1", "2", f"my cousin {marker} was taken by ICE", "menu", "7", "no",
            "california", "more", "help", "back", f"{marker}", "0", "language", "2",
            f"me detuvieron en el aeropuerto, soy {marker}"]


def secrets_to_find() -> list[str]:
    """Everything that must not be found: the number in several forms, the chat id, the web id, each marker."""
    return [*PHONE_FORMS, str(CHAT_ID), WEB_SESSION, *MARKERS.values()]


def build_app(engine: Engine, store: str, **config: str) -> Flask:
    """create_app with every channel on, reusing the session's engine."""
    import webhook

    base = {"KYR_STORE": store, "KYR_SECRET": SECRET, "TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_BASE_URL": BASE,
            "KYR_WEB_DEMO": "1"}
    return webhook.create_app({**base, **config}, engine)


class Server:
    """The app served over loopback by werkzeug's threaded server, as `python webhook.py` serves it."""

    def __init__(self, app: Flask) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.http = requests.Session()

    def close(self) -> None:
        """Stop serving."""
        self.http.close()
        self.server.shutdown()
        self.thread.join(5)


def twilio_say(server: Server, sender: str, body: str) -> requests.Response:
    """One signed Twilio request (SMS, or WhatsApp when sender starts with whatsapp:) over real HTTP."""
    name = "whatsapp" if sender.startswith("whatsapp:") else "sms"
    form = with_fields(load_twilio(name), From=sender, Body=body, MessageSid=f"SM{uuid.uuid4().hex}",
                       WaId=PHONE.lstrip("+"))
    form = {k: v for k, v in form.items() if name == "whatsapp" or k != "WaId"}
    signature = RequestValidator(TOKEN).compute_signature(BASE + "/twilio", form)
    response = server.http.post(server.url + "/twilio", data=urlencode(form), timeout=30,
                                headers={"Content-Type": FORM, "X-Twilio-Signature": signature})
    assert response.status_code == 200, response.text
    return response


_update_ids = iter(range(700_000_001, 800_000_000))


def telegram_say(server: Server, text: str, lang: str = "en") -> None:
    """One Telegram update from CHAT_ID, posted to the webhook over real HTTP."""
    update = with_fields(load_telegram("message"), update_id=next(_update_ids), **{
        "message.text": text, "message.chat.id": CHAT_ID, "message.from.id": CHAT_ID,
        "message.from.language_code": lang, "message.from.username": f"user_{MARKERS['telegram']}"})
    response = server.http.post(server.url + "/telegram", json=update, headers={TG_HEADER: TG_SECRET}, timeout=30)
    assert response.status_code == 200, response.text


def web_say(server: Server, app: Flask, text: str) -> None:
    """One message to the web demo's API."""
    if "/api/message" not in {rule.rule for rule in app.url_map.iter_rules()}:
        pytest.fail("POST /api/message is not registered: bot/channels/web.py has not built the web API yet")
    response = server.http.post(server.url + "/api/message", json={"session": WEB_SESSION, "text": text},
                                timeout=30)
    assert response.status_code == 200, response.text


@pytest.fixture()
def log_file(tmp_path: Path) -> Iterator[Path]:
    """Every record of every logger at DEBUG, also written to a file (caplog keeps its own copy)."""
    path = tmp_path / "all.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s %(args)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()


def all_log_text(caplog: pytest.LogCaptureFixture, log_file: Path) -> str:
    """What the captured records say, with their raw arguments and any exception text, plus the log file."""
    parts = [log_file.read_text(encoding="utf-8", errors="replace")]
    for record in caplog.records:
        parts += [record.getMessage(), repr(record.args), record.exc_text or "", str(record.msg)]
    return "\n".join(parts)


def assert_nothing_found(blob: bytes | str, where: str) -> None:
    """None of the secrets occurs in blob (bytes are also searched as UTF-16, as SQLite may store text)."""
    for secret in secrets_to_find():
        if isinstance(blob, bytes):
            for form in (secret.encode("utf-8"), secret.encode("utf-16-le"), secret.lower().encode()):
                assert form not in blob, f"{secret!r} found in {where}"
        else:
            assert secret not in blob and secret.lower() not in blob.lower(), f"{secret!r} found in {where}"


def redis_everything(url: str, workdir: Path) -> bytes:
    """Every key and value of the Redis server (SCAN over all databases), its RDB saved uncompressed by SAVE,
    and the RDB `redis-cli --rdb` downloads."""
    client = redis.Redis.from_url(url)
    chunks: list[bytes] = []
    for db in range(16):
        scoped = redis.Redis.from_url(url, db=db)
        for key in scoped.scan_iter(count=1000):
            chunks += [key, scoped.dump(key) or b"", repr(scoped.get(key) if scoped.type(key) == b"string"
                                                         else scoped.type(key)).encode()]
    assert chunks, "Redis should hold the conversations"
    client.config_set("rdbcompression", "no")   # LZF would hide a leaked string from a byte search
    try:
        client.save()
        directory, name = client.config_get("dir")["dir"], client.config_get("dbfilename")["dbfilename"]
        chunks.append((Path(directory) / name).read_bytes())
        dumped = workdir / "cli.rdb"
        port = str(client.connection_pool.connection_kwargs["port"])
        subprocess.run(["redis-cli", "-p", port, "--rdb", str(dumped)], check=True, capture_output=True,
                       timeout=30)
        chunks.append(dumped.read_bytes())
    finally:
        client.config_set("rdbcompression", "yes")
    return b"\n".join(chunks)


def files_under(directory: Path) -> bytes:
    """The bytes of every file under a directory (the database, -wal, -shm, the local secret)."""
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_no_number_chat_id_or_text_on_disk_or_in_logs(backend: str, engine: Engine, bot_api: FakeBotApi,
                                                      tmp_path: Path, request: pytest.FixtureRequest,
                                                      caplog: pytest.LogCaptureFixture, log_file: Path) -> None:
    """Conversations over SMS, WhatsApp, Telegram and the web demo, then the store and every log are searched."""
    caplog.set_level(logging.DEBUG)
    for name in ("bot", "webhook", "kyrbot", "werkzeug", "tests"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    if backend == "redis":
        server_fixture: RedisServer = request.getfixturevalue("redis_server")
        store = server_fixture.url.rsplit("/", 1)[0] + "/7"
        redis.Redis.from_url(store).flushdb()
    else:
        store = f"sqlite:///{tmp_path}/store/kyr.db"
    app = build_app(engine, store, TELEGRAM_BOT_TOKEN=bot_api.token, TELEGRAM_WEBHOOK_SECRET=TG_SECRET)
    app.config["TELEGRAM_API_BASE_URL"] = bot_api.base_url
    server = Server(app)
    try:
        for text in conversation(MARKERS["sms"]):
            twilio_say(server, PHONE, text)
        for text in conversation(MARKERS["whatsapp"]):
            twilio_say(server, "whatsapp:" + PHONE, text)
        for text in conversation(MARKERS["telegram"]) + ["/menu", "/help", "/language"]:
            telegram_say(server, text)
        for text in conversation(MARKERS["web"]):
            web_say(server, app, text)
        twilio_say(server, PHONE, "STOP")                      # an opt-out record, kept until START
        twilio_say(server, PHONE, f"{MARKERS['sms']} are you there")
        assert len(bot_api.calls("sendMessage")) >= len(conversation("x"))
        service = kyr(app).service
        for channel, raw, space in (("sms", PHONE, "u"), ("whatsapp", "whatsapp:" + PHONE, "u"),
                                    ("telegram", str(CHAT_ID), "u"), ("web", WEB_SESSION, "d")):
            key = user_key(SECRET.encode(), channel, raw, space)
            assert service.store.get(key, time.time()) is not None, channel
        if backend == "redis":
            blob = redis_everything(store, tmp_path)
        else:
            blob = files_under(tmp_path / "store")
            assert {p.name for p in (tmp_path / "store").iterdir()} >= {"kyr.db", "kyr.db-wal"}
            assert len(blob) > 16 * 1024, "the store should hold the conversations"
        assert_nothing_found(blob, f"the {backend} store")
    finally:
        server.close()
        tg.shutdown(app)
    if backend == "sqlite":
        kyr(app).service.store.close()   # a checkpoint moves the WAL into the main file: search again
        assert_nothing_found(files_under(tmp_path / "store"), "the SQLite files after close")
    logs = all_log_text(caplog, log_file)
    assert "turn channel=" in logs and "channel=telegram" in logs, "the service's logs should have been captured"
    assert_nothing_found(logs, "the logs")
    for channel, raw, space in (("sms", PHONE, "u"), ("whatsapp", "whatsapp:" + PHONE, "u"),
                                ("telegram", str(CHAT_ID), "u"), ("web", WEB_SESSION, "d")):
        assert_no_piece_of_the_key(user_key(SECRET.encode(), channel, raw, space), logs)


def assert_no_piece_of_the_key(key: str, logs: str) -> None:
    """No 8 hex characters of a user's stored key appear in the logs (the old tag was one such piece)."""
    digest = key.split(":", 1)[1]
    pieces = [digest[i:i + 8] for i in range(len(digest) - 7)]
    assert not [p for p in pieces if p in logs], f"a piece of the key {key[:10]}... is in the logs"


def test_logs_keep_no_user_tag_that_outlives_delete(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    """After a conversation and DELETE, the INFO lines carry no per-user tag, so nothing ties them together or
    to the person; at DEBUG a tag follows one person for one day, and the next day's tag is another."""
    caplog.set_level(logging.DEBUG, logger="bot.service.handler")
    app = build_app(engine, f"sqlite:///{tmp_path}/kyr.db")
    day = [1_900_000_000.0]
    monkeypatch.setattr(twilio_sms, "clock", lambda: day[0])
    for text in ("hola", "1", "2", "borrar"):
        signed_post(app, PHONE, text)
    day[0] += 86400
    signed_post(app, PHONE, "hola")
    turns = [r for r in caplog.records if r.getMessage().startswith("turn ")]
    info = [r.getMessage() for r in turns if r.levelno == logging.INFO]
    assert info[3] == "turn channel=sms events=delete" and all("user=" not in m and "tag=" not in m for m in info)
    tags = [r.getMessage().split("tag=")[1].split()[0] for r in turns if r.levelno == logging.DEBUG]
    assert len(tags) == 5 and len(set(tags[:4])) == 1 and tags[4] != tags[0]
    assert_no_piece_of_the_key(user_key(SECRET.encode(), "sms", PHONE), "\n".join(r.getMessage() for r in turns))


def test_terminal_chat_keeps_nothing_identifying(tmp_path: Path) -> None:
    """scripts/chat.py --json on a SQLite file: the number used as user id, the texts: not in the files or stderr."""
    lines = [json.dumps({"user": PHONE, "text": text, "channel": "sms"})
             for text in conversation(MARKERS["chat"])]
    env = {**os.environ, "KYR_SECRET": "", "PYTHONUNBUFFERED": "1"}
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "chat.py"), "--json", "--store",
                          f"sqlite:///{tmp_path}/chat/chat.db"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, env=env, timeout=180, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == len(lines)
    blob = files_under(tmp_path / "chat")
    assert len(blob) > 4096, "the store should hold the conversation"
    assert_nothing_found(blob, "the chat tool's store")
    assert_nothing_found(run.stderr, "the chat tool's stderr")


# --- retention ----------------------------------------------------------------------------------------
def rows(db: Path) -> list[tuple[str, str, float | None]]:
    """Every record of a SQLite store file, as stored (expired or not)."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT key, value, expires_at FROM records").fetchall()


def user_rows(db: Path) -> list[tuple[str, str, float | None]]:
    """The conversation and opt-out records only (not the rate records, a count and a time each, nor the last
    replies kept an hour to answer a redelivery in the same words)."""
    return [row for row in rows(db) if not row[0].startswith((RATE_PREFIX, REPLIES_PREFIX))]


def signed_post(app: Flask, sender: str, body: str, payload: str = "sms") -> Any:
    """One signed Twilio request (the recorded `payload`: sms or whatsapp) through the Flask test client."""
    form = with_fields(load_twilio(payload), From=sender, Body=body, MessageSid=f"SM{uuid.uuid4().hex}")
    signature = RequestValidator(TOKEN).compute_signature(BASE + "/twilio", form)
    return app.test_client().post("/twilio", data=urlencode(form), content_type=FORM,
                                  headers={"X-Twilio-Signature": signature})


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll until condition() holds (True) or the timeout passes (False)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)  # readiness poll on another thread's work
    return True


def test_expired_sessions_are_purged_by_each_process_in_the_background(engine: Engine, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A conversation older than KYR_RETENTION is deleted from the file by the app's housekeeping thread
    (started by create_app, every KYR_PURGE_EVERY seconds), while a live one and an opt-out stay."""
    db = tmp_path / "kyr.db"
    app = build_app(engine, f"sqlite:///{db}", KYR_RETENTION="600", KYR_PURGE_EVERY="0.1")
    try:
        hour_ago = time.time() - 3600
        monkeypatch.setattr(twilio_sms, "clock", lambda: hour_ago)   # written an hour ago: expired now
        assert signed_post(app, "+15555550101", "hi").status_code == 200
        assert signed_post(app, "+15555550102", "STOP").status_code == 200
        monkeypatch.setattr(twilio_sms, "clock", time.time)
        assert signed_post(app, "+15555550103", "hi").status_code == 200
        old = user_key(SECRET.encode(), "sms", "+15555550101")
        assert wait_for(lambda: old not in [r[0] for r in rows(db)]), "the purge thread did not run"
        assert "kyrbot-purge" in [t.name for t in threading.enumerate()]
        keys = {r[0]: r for r in rows(db)}
        assert user_key(SECRET.encode(), "sms", "+15555550103") in keys
        opt_out = keys[user_key(SECRET.encode(), "sms", "+15555550102")]
        assert opt_out[2] is None and set(json.loads(opt_out[1])) <= {"o", "l"}
    finally:
        kyr(app).housekeeper.stop()


def test_a_process_purges_when_it_starts(engine: Engine, tmp_path: Path) -> None:
    """A process restarted more often than KYR_PURGE_EVERY still purges: its thread purges once at start."""
    from bot.store import open_store

    db = tmp_path / "kyr.db"
    with open_store(f"sqlite:///{db}") as store:
        store.put("u:expired", {"s": {"at": "menu.start"}}, 600, time.time() - 3600)
        store.put("u:live", {"s": {"at": "menu.start"}}, 600, time.time())
    app = build_app(engine, f"sqlite:///{db}", KYR_PURGE_EVERY="3600")
    try:
        assert wait_for(lambda: [r[0] for r in rows(db)] == ["u:live"]), "no purge at start"
    finally:
        kyr(app).housekeeper.stop()


def test_every_promise_in_the_privacy_page_names_a_test_that_exists() -> None:
    """docs/privacy.md: each row of a Promise | Test table cites at least one test, and every cited test exists."""
    doc = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    rows_ = [line for line in doc.splitlines() if line.startswith("| ") and not line.startswith(("| Promise", "| Record"))]
    promises = [line for line in rows_ if line.count("|") == 3]
    assert len(promises) >= 30
    for line in promises:
        cited = re.findall(r"`(test_\w+\.py)::(test_\w+)`", line)
        assert cited, f"a promise without its test: {line}"
        for module, name in cited:
            source = (ROOT / "tests" / module).read_text(encoding="utf-8")
            assert re.search(rf"^def {name}\(", source, re.M), f"{module}::{name} is cited but does not exist"


def test_handling_a_message_never_purges(engine: Engine, tmp_path: Path) -> None:
    """No person pays for housekeeping: an expired record of someone else is still in the file after a message
    is handled (only the housekeeping thread and scripts/purge.py delete it)."""
    from bot.service.handler import Service
    from bot.store import open_store

    db = tmp_path / "kyr.db"
    service = Service(engine, open_store(f"sqlite:///{db}"), SECRET.encode())
    service.store.put("u:expired", {"s": {"at": "menu.start"}}, 600, 1_000.0)
    for i, text in enumerate(["hi", "1", "back", "menu"]):
        service.handle("sms", "+15555550107", Inbound(text, 1_000_000.0 + i))
    assert "u:expired" in [r[0] for r in rows(db)]
    assert service.purge(1_000_010.0) >= 1 and "u:expired" not in [r[0] for r in rows(db)]


def test_the_purge_deletes_in_bounded_batches(tmp_path: Path) -> None:
    """1234 expired records go in batches of 500 with a pause between (users' writes take the lock there)."""
    from bot.service.housekeeping import BATCH_PAUSE, purge_in_batches
    from bot.store import open_store

    store = open_store(f"sqlite:///{tmp_path}/kyr.db")
    for i in range(1234):
        store.put(f"u:{i}", {}, 10, 0.0)
    store.put("u:live", {}, None, 0.0)
    pauses: list[float] = []
    assert purge_in_batches(store, 100.0, batch=500, pause=pauses.append) == 1234
    assert pauses == [BATCH_PAUSE, BATCH_PAUSE]
    assert [r[0] for r in rows(tmp_path / "kyr.db")] == ["u:live"]


def test_session_expiry_is_the_retention_period(engine: Engine, tmp_path: Path) -> None:
    """A session is written to expire KYR_RETENTION after its last message; the default is 7 days."""
    db = tmp_path / "kyr.db"
    assert kyr(build_app(engine, f"sqlite:///{tmp_path}/d.db")).service.retention == 7 * 86400
    app = build_app(engine, f"sqlite:///{db}", KYR_RETENTION="1234")
    before = time.time()
    signed_post(app, "+15555550104", "hi")
    ((_, _, expires),) = user_rows(db)
    assert before + 1234 <= expires <= time.time() + 1234


def test_redis_sessions_expire_after_the_retention_period(engine: Engine, redis_url: str) -> None:
    """On Redis the session key carries a TTL of KYR_RETENTION (Redis deletes it itself); an opt-out has none."""
    url = redis_url.rsplit("/", 1)[0] + "/8"
    client = redis.Redis.from_url(url)
    client.flushdb()
    app = build_app(engine, url, KYR_RETENTION="5000")
    signed_post(app, "+15555550105", "hi")
    signed_post(app, "+15555550106", "STOP")
    ttls = {key: client.pttl(key) for key in client.scan_iter()}
    live = ("kyr:" + user_key(SECRET.encode(), "sms", "+15555550105")).encode()
    stopped = ("kyr:" + user_key(SECRET.encode(), "sms", "+15555550106")).encode()
    assert 4_000_000 < ttls[live] <= 5_000_000
    assert ttls[stopped] == -1
    assert set(json.loads(client.get(stopped))) <= {"o", "l"}


def test_purge_command_deletes_only_expired_conversations(tmp_path: Path) -> None:
    """python scripts/purge.py purges the configured store: expired records go, live ones and opt-outs stay."""
    from bot.store import open_store

    db = tmp_path / "kyr.db"
    store = open_store(f"sqlite:///{db}")
    now = time.time()
    store.put("u:old", {"s": {"at": "menu.start"}}, 7 * 86400, now - 8 * 86400)
    store.put("u:new", {"s": {"at": "menu.start"}}, 7 * 86400, now)
    store.put("u:opt", {"o": 1}, None, now - 400 * 86400)
    store.close()
    env = {**os.environ, "KYR_STORE": f"sqlite:///{db}", "KYR_SECRET": "x"}
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "purge.py")], capture_output=True, text=True,
                         env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "purged 1 expired conversation(s) from sqlite store\n"
    assert sorted(r[0] for r in rows(db)) == ["u:new", "u:opt"]


def test_opt_out_list_holds_hashes_only(engine: Engine, tmp_path: Path) -> None:
    """After STOP the user's whole record is the flag (and a language) under the keyed hash, kept forever."""
    db = tmp_path / "kyr.db"
    app = build_app(engine, f"sqlite:///{db}")
    signed_post(app, PHONE, f"hola {MARKERS['sms']}")
    signed_post(app, PHONE, "STOP")
    ((key, value, expires),) = user_rows(db)
    assert key == user_key(SECRET.encode(), "sms", PHONE) and len(key) == 66
    assert set(json.loads(value)) <= {"o", "l"} and expires is None
    kyr(app).service.store.close()
    assert_nothing_found(files_under(tmp_path), "the opt-out store")


# --- delete my data -----------------------------------------------------------------------------------
@functools.cache
def translation(lang: str) -> dict[str, Any]:
    """A translation file as its translators wrote it (or common.yaml for English)."""
    path = ROOT / ("flows/common.yaml" if lang == "en" else f"translations/{lang}.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def delete_words(lang: str) -> list[str]:
    """The delete spellings for one language, as the content lists them."""
    return [str(w) for w in translation(lang)["keywords"]["delete"]]


def deleted_text(lang: str) -> str:
    """The exact 'deleted' confirmation of a language, from its file."""
    messages = translation(lang)["messages"]
    return messages["deleted"] if lang == "en" else messages["ui.deleted"]["text"]


DELETE_CASES = [(lang, word) for lang in LANGS for word in delete_words(lang)]


@pytest.fixture(scope="module")
def whatsapp_app(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One app for the delete tests (WhatsApp: the bot's own words, no carrier keyword in between)."""
    return build_app(engine, f"sqlite:///{tmp_path_factory.mktemp('delete')}/kyr.db")


_numbers = iter(range(1000, 9999))


def whatsapp(app: Flask, sender: str, body: str) -> list[str]:
    """One signed WhatsApp message; the bodies answered."""
    response = signed_post(app, sender, body, "whatsapp")
    assert response.status_code == 200, response.data
    return twiml_bodies(response.data)


@pytest.mark.parametrize("lang", LANGS)
def test_delete_my_data_in_every_language(whatsapp_app: Flask, engine: Engine, lang: str) -> None:
    """A conversation in the language, then its delete word (the shortest and the longest spelling): the
    record is gone from the file at once and the confirmation is that language's own text."""
    words = sorted(delete_words(lang), key=len)
    for word in {words[0], words[-1]}:
        sender = f"whatsapp:+1555444{next(_numbers):04d}"
        pick = str(engine.languages().index(lang) + 1)
        for text in ("hi", "language", pick, "1"):
            whatsapp(whatsapp_app, sender, text)
        service = kyr(whatsapp_app).service
        key = user_key(SECRET.encode(), "whatsapp", sender)
        record = service.store.get(key, time.time())
        assert Session.from_dict(record["s"]).lang == lang and Session.from_dict(record["s"]).at != "menu.start"
        confirmation = deleted_text(lang)
        expected = bidi_text(confirmation) if lang in ("ar", "ur") else confirmation
        assert whatsapp(whatsapp_app, sender, word) == [expected], f"{lang} delete word {word!r}"
        assert service.store.get(key, time.time()) is None
        db = Path(service.store._path)
        assert key not in [r[0] for r in rows(db)]


def test_every_language_lists_a_delete_word() -> None:
    """Each of the nine languages has its own delete word(s), and each routes to 'delete' in the engine."""
    assert {lang: bool(delete_words(lang)) for lang in LANGS} == {lang: True for lang in LANGS}


@pytest.mark.parametrize(("lang", "word"), DELETE_CASES)
def test_each_delete_word_erases_anywhere(engine: Engine, lang: str, word: str) -> None:
    """Every listed spelling (and its capitals) is the global word 'delete', and erases with that language's
    confirmation: as a first message, mid-flow, and while a question (state, language, clarify) is open."""
    assert engine.words.action(word) == "delete", f"{lang}: {word!r} -> {engine.words.action(word)!r}"
    assert engine.words.action(word.upper()) == "delete", f"{lang}: {word.upper()!r}"
    sessions = [None, Session(at="ice_at_door.start", lang=lang, seen=1.0),
                Session(at="get_help.start", lang=lang, pending="state", seen=1.0),
                Session(at="get_help.start", lang=lang, pending="state_confirm", choices=["CO"], seen=1.0),
                Session(at="menu.start", lang=lang, pending="language", choices=list(LANGS), seen=1.0),
                Session(at="menu.start", lang=lang, pending="clarify", choices=["airport", "stopped"], seen=1.0)]
    for session in sessions:
        result = engine.step(session, Inbound(word, 2.0))
        assert result.session is None and "delete" in result.events, (lang, word, session)
        assert [r.text for r in result.replies] == [deleted_text(lang)], (lang, word, session)


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
def test_telegram_delete_command_erases_and_confirms(engine: Engine, bot_api: FakeBotApi, tmp_path: Path,
                                                     lang: str) -> None:
    """/delete on Telegram erases the chat's record at once and confirms in the user's language."""
    app = build_app(engine, f"sqlite:///{tmp_path}/tg.db", TELEGRAM_BOT_TOKEN=bot_api.token,
                    TELEGRAM_WEBHOOK_SECRET=TG_SECRET)
    app.config["TELEGRAM_API_BASE_URL"] = bot_api.base_url
    server = Server(app)
    try:
        telegram_say(server, "hi", lang)
        telegram_say(server, "1", lang)
        key = user_key(SECRET.encode(), "telegram", str(CHAT_ID))
        service = kyr(app).service
        assert Session.from_dict(service.store.get(key, time.time())["s"]).lang == lang
        telegram_say(server, "/delete", lang)
        assert service.store.get(key, time.time()) is None
        assert user_rows(tmp_path / "tg.db") == []
        confirmation = deleted_text(lang)
        assert bot_api.calls("sendMessage")[-1] == {
            "chat_id": str(CHAT_ID), "text": bidi_text(confirmation) if lang == "ar" else confirmation}
    finally:
        server.close()
        tg.shutdown(app)
