"""Run kyrbot on Telegram by long polling: the simplest deployment, no public URL or TLS needed.

Usage:
  TELEGRAM_BOT_TOKEN=123456:ABC... python scripts/telegram_polling.py
Reads the same configuration as webhook.py (KYR_STORE, KYR_SECRET, KYR_RETENTION, ...). It removes any
webhook first (polling and a webhook exclude each other) and registers the command menu. Run exactly one
poller per bot token. Ctrl-C stops it. TELEGRAM_API_BASE_URL points it at another Bot API server.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from telegram.error import InvalidToken
from telegram.ext import Application

from bot.channels.telegram.handlers import ALLOWED_UPDATES, bot_commands, build_application
from bot.content.errors import ContentError
from bot.service.runtime import ConfigError, build_service, settings_from

logger = logging.getLogger("kyrbot")


def no_library_tracebacks(record: logging.LogRecord) -> bool:
    """PTB logs some errors with a traceback whose messages quote the token (a rejected token): keep the line."""
    if record.name.startswith("telegram") and record.exc_info:
        record.exc_info, record.exc_text = None, None
    return True


async def register_commands(application: Application) -> None:
    """The command menu (/start, /menu, /language, /help, /delete), set once at start-up."""
    await application.bot.set_my_commands(bot_commands())


def main(argv: list[str] | None = None) -> int:
    """Build the service and poll until interrupted; exit 2 on missing token or broken content."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)  # --help, and no stray args
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(no_library_tracebacks)
    try:
        settings = settings_from()
    except ConfigError as exc:
        print(f"kyrbot cannot start: {exc}", file=sys.stderr)
        return 2
    if not settings.telegram_token:
        print("Set TELEGRAM_BOT_TOKEN (from @BotFather) to run the Telegram bot.", file=sys.stderr)
        return 2
    try:
        service = build_service(settings)
    except ContentError as exc:
        print("kyrbot cannot start: the content has problems.\n" + str(exc), file=sys.stderr)
        return 2
    application = build_application(settings.telegram_token, service, os.environ.get("TELEGRAM_API_BASE_URL"))
    application.post_init = register_commands
    logger.info("telegram: polling (Ctrl-C stops)")
    try:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:  # PTB's message quotes the token: never print it
        print(
            "kyrbot cannot start: Telegram rejected TELEGRAM_BOT_TOKEN: copy it again from @BotFather", file=sys.stderr
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
