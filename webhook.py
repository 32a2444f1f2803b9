"""kyrbot's web service: Twilio (SMS and WhatsApp), Telegram webhook, the trainers' web demo, health.

Usage:
  python webhook.py                  run locally on the embedded default (SQLite, no credentials)
  gunicorn -w 2 webhook:app          production; set KYR_STORE=redis://... to share sessions between workers
Configuration: environment variables (README "Configuration"), or a mapping passed to create_app().
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import Any

from flask import Flask, jsonify

from bot.channels.base import Kyr, kyr
from bot.channels.telegram import adapter as telegram
from bot.channels.twilio import messaging as twilio
from bot.channels.web import demo, pictures
from bot.channels.web import responders as demo_responders
from bot.content.errors import ContentError
from bot.core.engine import Engine
from bot.handoff.service import start_queue
from bot.service.runtime import ConfigError, build_engine, build_service, settings_from
from bot.store import StoreError

logger = logging.getLogger("kyrbot")
CHANNELS = (demo, demo_responders, pictures, twilio, telegram)  # each registers its routes with init_app(app)
MAX_BODY = 64 * 1024  # no channel sends more; a larger body is refused with 413 before it is read


def create_app(config: Mapping[str, Any] | None = None, engine: Engine | None = None) -> Flask:
    """Build the app: load and validate content (a broken flow stops start-up), open the store, add channels.
    `engine`: one already built, so tests and benchmarks load the content once for many apps."""
    settings = settings_from(config)
    engine = engine or build_engine(settings.content, idle=settings.idle)
    service = build_service(settings, engine)
    app = Flask(__name__, static_folder=None)  # each channel serves its own assets (bot/web/static)
    app.config.update({k: v for k, v in (config or {}).items() if k.isupper()})  # e.g. TELEGRAM_API_BASE_URL
    app.config.update(MAX_CONTENT_LENGTH=MAX_BODY, JSON_AS_ASCII=False)
    app.extensions["kyrbot"] = Kyr(settings, engine, service)
    app.add_url_rule("/healthz", "healthz", healthz)
    for channel in CHANNELS:
        channel.init_app(app)
    return app


def healthz() -> tuple[Any, int]:
    """200 when the store answers, 503 otherwise (load balancers stop sending traffic)."""
    try:
        kyr().service.store.ping()
    except StoreError:
        return jsonify(status="store unavailable"), 503
    return jsonify(status="ok"), 200


def __getattr__(name: str) -> Any:
    """`webhook:app` for WSGI servers, built on first use so importing this module has no side effects."""
    if name == "app":
        if not logging.getLogger().handlers:  # under gunicorn: our INFO lines (channels on/off, turns) to stderr
            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)


def main() -> int:
    """Run locally; a content problem prints every error and stops."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        application = create_app()
    except ContentError as exc:
        print("kyrbot cannot start: the content has problems.\n" + str(exc), file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"kyrbot cannot start: {exc}", file=sys.stderr)
        return 2
    start_queue(kyr(application).service)  # messages sent later (talking to a person) go from this process
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "5000"))
    print(f"kyrbot web demo: http://{host}:{port}/  (Ctrl-C to stop)")
    try:
        application.run(host=host, port=port, threaded=True)
    finally:
        telegram.shutdown(application)
    return 0


if __name__ == "__main__":
    sys.exit(main())
