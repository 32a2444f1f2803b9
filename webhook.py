"""kyrbot's web service: Twilio (SMS and WhatsApp), Twilio Voice, Telegram webhook, the trainers' web demo, health.

Usage:
  python webhook.py                  run locally on the embedded default (SQLite, no credentials), web demo on
  gunicorn -w 2 webhook:app          production; set KYR_STORE=redis://... to share sessions between workers
                                     (the web demo is off there unless KYR_WEB_DEMO=1: its API is open to all)
Configuration: environment variables (docs/operators.md "Settings"), or a mapping passed to create_app().
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import Any

from flask import Flask, jsonify

from bot.channels.base import Kyr, SafeJSON, kyr
from bot.channels.telegram import adapter as telegram
from bot.channels.twilio import messaging as twilio
from bot.channels.voice import webhook as voice
from bot.channels.web import demo, pictures
from bot.channels.web import responders as demo_responders
from bot.content.errors import ContentError
from bot.core.engine import Engine
from bot.handoff.service import start_queue
from bot.service.housekeeping import Housekeeper
from bot.service.runtime import ConfigError, build_engine, build_service, open_checked_store, settings_from
from bot.store import StoreError, StoreFull, describe

logger = logging.getLogger("kyrbot")
CHANNELS = (demo, demo_responders, pictures, twilio, telegram, voice)  # each registers its routes with init_app(app)
MAX_BODY = 64 * 1024  # no channel sends more; a larger body is refused with 413 before it is read


def create_app(config: Mapping[str, Any] | None = None, engine: Engine | None = None) -> Flask:
    """Build the app: load and validate content (a broken flow stops start-up), open the store, add channels.
    `engine`: one already built, so tests and benchmarks load the content once for many apps."""
    settings = settings_from(config)
    store = open_checked_store(settings.store)  # first: a store that cannot be written fails in a second, not ten
    # The language model loads in a thread: the first answers need not wait 0.5-0.9 s for it (bot/service/langmodel.py).
    engine = engine or build_engine(settings.content, idle=settings.idle, background=True)
    service = build_service(settings, engine, store)
    app = Flask(__name__, static_folder=None)  # each channel serves its own assets (bot/channels/web/static)
    app.config.update({k: v for k, v in (config or {}).items() if k.isupper()})  # e.g. TELEGRAM_API_BASE_URL
    app.config.update(MAX_CONTENT_LENGTH=MAX_BODY, JSON_AS_ASCII=False)
    app.json = SafeJSON(app)  # a body nested too deep is a 400 on /api/* and /telegram, never a 500
    housekeeper = Housekeeper(service.store, settings.purge_every)
    app.extensions["kyrbot"] = Kyr(settings, engine, service, housekeeper)
    app.add_url_rule("/healthz", "healthz", healthz)
    for channel in CHANNELS:
        channel.init_app(app)
    housekeeper.ensure_running()
    # A worker forked after create_app (gunicorn --preload) has no thread of its parent's: start its own.
    app.before_request(housekeeper.ensure_running)
    return app


def healthz() -> tuple[Any, int]:
    """200 when the store takes a write (a health record, no user data), 503 otherwise: load balancers stop
    sending traffic to a worker whose store is down, read-only or full."""
    try:
        kyr().service.store.ping()
    except StoreFull as exc:
        logger.warning("healthz: %s", describe(exc))
        return jsonify(status="store full"), 503
    except StoreError as exc:
        logger.warning("healthz: %s", describe(exc))
        return jsonify(status="store unavailable"), 503
    return jsonify(status="ok"), 200


def __getattr__(name: str) -> Any:
    """`webhook:app` for WSGI servers, built on first use so importing this module has no side effects."""
    if name == "app":
        if not logging.getLogger().handlers:  # under gunicorn: our INFO lines (channels on/off, turns) to stderr
            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
        try:
            globals()["app"] = create_app()
        except (ContentError, ConfigError) as exc:  # under gunicorn too: the reason and the fix, no traceback
            print(cannot_start(exc), file=sys.stderr)
            raise SystemExit(2) from None
        return globals()["app"]
    raise AttributeError(name)


def cannot_start(exc: ContentError | ConfigError) -> str:
    """What start-up says when content or settings cannot work: every problem, each with its fix."""
    if isinstance(exc, ContentError):
        return "kyrbot cannot start: the content has problems.\n" + str(exc)
    return f"kyrbot cannot start: {exc}"


def main() -> int:
    """Run locally; a content problem prints every error and stops."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        # The trainers' demo is what a local run is for; KYR_WEB_DEMO=0 turns it off here too.
        application = create_app({"KYR_WEB_DEMO": os.environ.get("KYR_WEB_DEMO", "1")})
    except (ContentError, ConfigError) as exc:
        print(cannot_start(exc), file=sys.stderr)
        return 2
    start_queue(kyr(application).service)  # messages sent later (talking to a person) go from this process
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "5000"))
    what = "kyrbot web demo" if kyr(application).settings.web_demo else "kyrbot (web demo off)"
    print(f"{what}: http://{host}:{port}/  (Ctrl-C to stop)")
    try:
        application.run(host=host, port=port, threaded=True)
    finally:
        telegram.shutdown(application)
        kyr(application).housekeeper.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
