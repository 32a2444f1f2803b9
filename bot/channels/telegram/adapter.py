"""Telegram's webhook, `POST /telegram`: each update checked, then handed to PTB's handlers (handlers.py).

The webhook runs its Application (built like polling's, with `build_application`) on an asyncio loop in a daemon
thread, started on the first request of each process: each WSGI worker has its own, and a loop thread started
before gunicorn forks would not exist in the workers. The sync Flask view hands it each update and waits, bounded
(an async Flask view never runs PTB's handlers, PTB #3711).
`TELEGRAM_API_BASE_URL` (app.config, else the environment) points the bot at another Bot API server (tests).
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import hmac
import logging
import os
import threading
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, cast

from flask import Flask, Request, Response, current_app, request
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.channels.base import Adapter, Incoming, Refusal, accept, body_too_large, kyr
from bot.channels.telegram import handlers
from bot.channels.telegram.handlers import CHANNEL, build_application
from bot.core.session import Inbound
from bot.service.handler import Outcome, Service

logger = logging.getLogger(__name__)

ROUTE = "/telegram"
EXTENSION = "kyrbot.telegram"
WAIT = 20.0  # seconds the view waits for an update's replies (gunicorn kills a worker at 30)
# What a refused webhook request reads (Telegram itself only logs the status).
OFF = "Telegram channel is off: set TELEGRAM_BOT_TOKEN"
FORBIDDEN = "forbidden"
TOO_LARGE = "update over {} bytes: Telegram never sends one this large"
INVALID = "invalid update"
UNREACHABLE = "Telegram API unreachable, retry later"
NO_REPLIES = Outcome(())  # what the webhook's answer carries: PTB's handlers send the turn's replies themselves


class Running:
    """A PTB Application started on its own asyncio loop in a daemon thread, for sync callers."""

    def __init__(self, application: Application, **polling: Any) -> None:
        self.application = application
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="telegram-loop", daemon=True)
        self.thread.start()
        try:
            self.run(application.initialize())
            if polling and application.updater is not None:
                self.run(application.updater.start_polling(**polling))
            self.run(application.start())
        except BaseException:
            self._close_loop()
            raise

    def submit(self, coro: Coroutine[Any, Any, Any]) -> concurrent.futures.Future:
        """Schedule a coroutine on the loop thread."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = WAIT) -> Any:
        """Run a coroutine on the loop thread and wait for its result."""
        return self.submit(coro).result(timeout)

    def stop(self) -> None:
        """Stop polling and the Application, then the loop; safe to call twice."""
        if self.loop.is_closed():
            return
        app = self.application
        if app.updater is not None and app.updater.running:
            self.run(app.updater.stop())
        if app.running:
            self.run(app.stop())
        self.run(app.shutdown())
        self._close_loop()

    def _close_loop(self) -> None:
        """End the loop thread and close the loop."""
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@dataclass
class Webhook:
    """The webhook's Application, built lazily once per process (after gunicorn's fork)."""

    service: Service
    token: str
    secret: str
    config: Any
    lock: threading.Lock = field(default_factory=threading.Lock)
    running: Running | None = None
    pid: int = 0

    def get(self) -> Running:
        """The started Application of this process; a forked child builds its own."""
        with self.lock:
            if self.running is None or self.pid != os.getpid():
                base_url = self.config.get("TELEGRAM_API_BASE_URL") or os.environ.get("TELEGRAM_API_BASE_URL")
                app = build_application(self.token, self.service, base_url, webhook=True)
                self.running, self.pid = Running(app), os.getpid()
                atexit.register(self.running.stop)
            return self.running

    def stop(self) -> None:
        """Stop this process's Application (tests, shutdown)."""
        with self.lock:
            if self.running is not None and self.pid == os.getpid():
                self.running.stop()
            self.running = None


def init_app(app: Flask) -> None:
    """Register POST /telegram and say at start-up whether the channel is on."""
    settings = kyr(app).settings
    app.add_url_rule(ROUTE, "telegram", telegram_webhook, methods=["POST"])
    if not settings.telegram_token:
        logger.info("channel telegram: off (set TELEGRAM_BOT_TOKEN); polling needs only the token")
        return
    app.extensions[EXTENSION] = Webhook(kyr(app).service, settings.telegram_token, settings.telegram_secret, app.config)
    if not settings.telegram_secret:
        logger.warning("channel telegram: the webhook refuses every update until TELEGRAM_WEBHOOK_SECRET is set")
    else:
        logger.info("channel telegram: webhook on POST %s", ROUTE)


def shutdown(app: Flask) -> None:
    """Stop the webhook's Application if it was started."""
    hook = app.extensions.get(EXTENSION)
    if hook is not None:
        hook.stop()


def _secret_ok(secret: str) -> bool:
    """The request carries the configured secret (constant-time); no secret configured refuses all."""
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    return bool(secret) and hmac.compare_digest(given.encode(), secret.encode())


# --- the channel interface (bot.channels.base.Adapter) ------------------------------------------------------
class TelegramAdapter:
    """Telegram's webhook as an Adapter: a checked update in, an empty 200 out (PTB's handlers send the replies)."""

    name = CHANNEL

    def parse(self, req: Request) -> Incoming | Refusal:
        """Check the request (channel on, secret, size) and read the update's JSON object."""
        hook: Webhook | None = current_app.extensions.get(EXTENSION)
        if hook is None:
            return Refusal(503, OFF)
        if not _secret_ok(hook.secret):
            return Refusal(403, FORBIDDEN)
        if body_too_large():  # declared or chunked: never read past the limit
            return Refusal(413, TOO_LARGE.format(current_app.config["MAX_CONTENT_LENGTH"]))
        data = req.get_json(silent=True)
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(update_id, int) or isinstance(update_id, bool):
            return Refusal(400, INVALID)
        return Incoming(CHANNEL, "", Inbound("", handlers.clock()), str(update_id), payload=data)

    def refuse(self, refusal: Refusal) -> Response:
        """The reason as a bare text body, unlogged (a refused request may be anyone's probe)."""
        return current_app.make_response((refusal.reason, refusal.status))

    def render(self, incoming: Incoming, outcome: Outcome) -> Response:
        """An empty 200: the replies went out through sendMessage, and any other answer makes Telegram retry."""
        return current_app.make_response(("", 200))


ADAPTER: Adapter = TelegramAdapter()


def telegram_webhook() -> Response:
    """POST /telegram: verify, hand the update to the Application's loop, wait for its replies, 200."""
    got = accept(ADAPTER)
    if isinstance(got, Response):
        return got
    try:
        running = current_app.extensions[EXTENSION].get()
    except (TelegramError, concurrent.futures.TimeoutError) as exc:
        logger.warning("telegram application did not start: %s", type(exc).__name__)
        return ADAPTER.refuse(Refusal(503, UNREACHABLE))
    return _process(running, got)


def _process(running: Running, incoming: Incoming) -> Response:
    """Process one update; 200 even when ignored or slow (Telegram would retry otherwise)."""
    try:
        update = Update.de_json(cast("dict[str, Any]", incoming.payload), running.application.bot)  # parse's object
    except Exception:
        return ADAPTER.refuse(Refusal(400, INVALID))
    future = running.submit(running.application.process_update(update))
    try:
        future.result(WAIT)
    except concurrent.futures.TimeoutError:
        logger.warning("telegram update still running after %ss; answered 200", WAIT)
    except Exception as exc:
        logger.warning("telegram update could not be processed: %s", type(exc).__name__)
        return ADAPTER.refuse(Refusal(400, INVALID))
    return ADAPTER.render(incoming, NO_REPLIES)
