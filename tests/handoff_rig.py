"""A whole deployment with volunteers, over real HTTP: the app under werkzeug's threaded server, the outbound queue's
consumer in this process, twilio's client against the fake Twilio REST API and PTB against the fake Bot API.

    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        rig.sms(PERSON, "talk to a person")               # a signed Twilio form to POST /twilio; the TwiML bodies
        rig.press(ANA, "c:claim:101", card_id)            # a button press in the responders' group
        rig.reply_in_group(ANA, "Hello", card_id)         # a reply to the card
        rig.fast_forward(11 * 60)                         # run the timers due by then (huey read_schedule/execute)
"""
from __future__ import annotations

import itertools
import logging
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import redis
import requests
from cryptography.fernet import Fernet
from flask import Flask
from twilio.request_validator import RequestValidator
from werkzeug.serving import make_server

from bot.channels.base import kyr
from bot.channels.telegram import adapter as tg
from bot.core.engine import Engine
from bot.outbound.queue import start_consumer
from tests.fakes import FakeBotApi, FakeTwilioApi
from tests.gunicorn_server import twiml_bodies
from tests.payloads import load_telegram, load_twilio, with_fields

TOKEN = "handoff-auth-token-0123456789abcdef"
BASE = "https://kyr.example.org"
SECRET = "handoff-secret"
TG_SECRET = "handoff_webhook-secret"
BOT_NUMBER = "+15555550100"
GROUP = -1001234567890
ORG = "Example Rights Org"
ANA = {"id": 5550001, "is_bot": False, "first_name": "Ana"}
BO = {"id": 5550002, "is_bot": False, "first_name": "Bo"}
_ids = itertools.count(900_000_001)


class Rig:
    """The app with volunteers configured (a Telegram group unless told otherwise), served and consumed."""

    def __init__(self, engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi,
                 store: str | None = None, **config: str) -> None:
        self.bot_api, self.twilio = bot_api, twilio
        settings = {
            "KYR_STORE": store or f"sqlite:///{tmp_path}/store/kyr.db", "KYR_SECRET": SECRET,
            "TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_BASE_URL": BASE, "TWILIO_ACCOUNT_SID": twilio.account_sid,
            "TWILIO_FROM": BOT_NUMBER, "TWILIO_API_BASE_URL": twilio.base_url,
            "TELEGRAM_BOT_TOKEN": bot_api.token, "TELEGRAM_WEBHOOK_SECRET": TG_SECRET,
            "TELEGRAM_API_BASE_URL": bot_api.base_url, "KYR_RESPONDERS_TELEGRAM_CHAT": str(GROUP),
            "KYR_CASE_KEY": Fernet.generate_key().decode(), "KYR_ORG_NAME": ORG, "KYR_SMS_PER_SECOND": "50",
        }
        settings.update(config)
        settings = {k: v for k, v in settings.items() if v != ""}
        import webhook

        self.app: Flask = webhook.create_app(settings, engine)
        self.service = kyr(self.app).service
        self.desk = self.service.desk  # type: ignore[attr-defined]  # None: no responders (emergency contacts only)
        self.family = self.service.family  # type: ignore[attr-defined]
        self.outbound = self.service.outbound  # type: ignore[attr-defined]
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.http = requests.Session()
        self.consumer = start_consumer(self.outbound.huey)

    def __enter__(self) -> Rig:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the consumer, the server and the webhook's Application."""
        self.consumer.stop(graceful=True)
        self.http.close()
        self.server.shutdown()
        self.thread.join(5)
        tg.shutdown(self.app)

    # --- the person and the responders, over HTTP ------------------------------------------------------
    def sms(self, sender: str, body: str, payload: str = "sms") -> list[str]:
        """One signed Twilio request; the TwiML bodies answered."""
        form = with_fields(load_twilio(payload), From=sender, Body=body, MessageSid=f"SM{uuid.uuid4().hex}",
                           To=BOT_NUMBER)
        signature = RequestValidator(TOKEN).compute_signature(BASE + "/twilio", form)
        response = self.http.post(self.url + "/twilio", data=urlencode(form), timeout=30, headers={
            "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})
        assert response.status_code == 200, response.text
        return twiml_bodies(response.content)

    def update(self, update: dict[str, Any]) -> None:
        """One Telegram update to POST /telegram."""
        update = {**update, "update_id": next(_ids)}
        response = self.http.post(self.url + "/telegram", json=update, timeout=30,
                                  headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})
        assert response.status_code == 200, response.text

    def telegram(self, chat_id: int, text: str, lang: str = "en") -> None:
        """A person's private Telegram message."""
        self.update(with_fields(load_telegram("message"), **{
            "message.text": text, "message.chat.id": chat_id, "message.from.id": chat_id,
            "message.from.language_code": lang, "message.message_id": next(_ids) % 100_000}))

    def press(self, user: dict, data: str, message_id: int, chat_id: int = GROUP) -> None:
        """A button press on a message in a chat (the responders' group by default)."""
        self.update({"callback_query": {
            "id": str(next(_ids)), "from": user, "chat_instance": "-42", "data": data,
            "message": {"message_id": message_id, "date": int(time.time()), "text": "card",
                        "from": {"id": self.bot_api.bot_user["id"], "is_bot": True, "first_name": "KYR Test Bot"},
                        "chat": {"id": chat_id, "type": "supergroup", "title": "Responders"}}}})

    def reply_in_group(self, user: dict, text: str, reply_to: int) -> None:
        """A responder's reply, in the group, to one of the bot's messages."""
        bot = {"id": self.bot_api.bot_user["id"], "is_bot": True, "first_name": "KYR Test Bot"}
        chat = {"id": GROUP, "type": "supergroup", "title": "Responders"}
        self.update({"message": {
            "message_id": next(_ids) % 100_000, "date": int(time.time()), "from": user, "chat": chat, "text": text,
            "reply_to_message": {"message_id": reply_to, "date": int(time.time()), "from": bot, "chat": chat,
                                 "text": "card"}}})

    # --- what arrived --------------------------------------------------------------------------------
    def group_messages(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait for `count` messages sent to the responders' group; all of them so far."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sent = [c for c in self.bot_api.calls("sendMessage") if c.get("chat_id") == str(GROUP)]
            if len(sent) >= count:
                return sent
            time.sleep(0.02)
        raise AssertionError(f"expected {count} group message(s), got {len(sent)}")

    def card_id(self, index: int = 0) -> int:
        """The message id the fake gave the index-th card (a group message with buttons) the bot sent."""
        records = [r for r in self.bot_api.records("sendMessage")
                   if r.params.get("chat_id") == str(GROUP) and r.params.get("reply_markup")]
        calls = [r for r in self.bot_api.records() if r.method == "sendMessage" and r.error_code is None]
        return 1 + calls.index(records[index])  # the fake numbers every sent message 1, 2, 3...

    def wait(self, condition: Any, timeout: float = 10.0) -> None:
        """Poll a condition (a queue that works in the background), without a fixed sleep."""
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "condition not met in time"
            time.sleep(0.02)

    def idle(self, timeout: float = 10.0) -> None:
        """Wait until the queue has nothing left to run now (scheduled timers aside)."""
        huey = self.outbound.huey
        self.wait(lambda: huey.pending_count() == 0, timeout)
        time.sleep(0.3)   # a task a worker has just taken: let it finish
        self.wait(lambda: huey.pending_count() == 0, timeout)

    def fast_forward(self, seconds: float) -> None:
        """Run the timers due `seconds` from now, with the desk's clock moved there (no sleeping)."""
        later = time.time() + seconds
        for part in (self.desk, self.family):
            if part is not None:
                part.clock = lambda: later
        self.idle()
        huey = self.outbound.huey
        when = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=seconds)
        for task in huey.read_schedule(when):
            huey.execute(task, timestamp=when)


def log_everything(caplog: Any) -> None:
    """Every logger the app and the queue use at DEBUG, captured: a privacy test then reads all that was logged."""
    caplog.set_level(logging.DEBUG)
    for name in ("bot", "webhook", "kyrbot", "huey", "tests"):
        logging.getLogger(name).setLevel(logging.DEBUG)


def store_for(backend: str, request: Any, db: int) -> str | None:
    """The rig's store: None (SQLite in tmp_path) or an emptied database of the session's redis-server."""
    if backend != "redis":
        return None
    url = request.getfixturevalue("redis_server").url.rsplit("/", 1)[0] + f"/{db}"
    redis.Redis.from_url(url).flushdb()
    return url
