"""Point Telegram at kyrbot's webhook, or remove the webhook to go back to polling.

Usage:
  python scripts/telegram_setup.py --webhook https://bot.example.org/telegram
  python scripts/telegram_setup.py --webhook        the URL is PUBLIC_BASE_URL + /telegram
  python scripts/telegram_setup.py --delete         remove the webhook (before running telegram_polling.py)
  python scripts/telegram_setup.py --info           show the webhook's URL and how many updates wait
Needs TELEGRAM_BOT_TOKEN; --webhook also needs TELEGRAM_WEBHOOK_SECRET (1-256 of A-Z a-z 0-9 _ -), which
Telegram then sends with every update and POST /telegram checks. --webhook also sets the command menu.
TELEGRAM_API_BASE_URL points it at another Bot API server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys

from telegram import Bot
from telegram.error import InvalidToken, TelegramError

from bot.channels.telegram.adapter import ROUTE
from bot.channels.telegram.handlers import ALLOWED_UPDATES, bot_commands

SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
REJECTED = "TELEGRAM_BOT_TOKEN was rejected: copy it again from @BotFather"


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Exactly one of --webhook [URL], --delete, --info."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--webhook", nargs="?", const="", metavar="URL", help="set the webhook to URL")
    group.add_argument("--delete", action="store_true", help="remove the webhook")
    group.add_argument("--info", action="store_true", help="show the webhook's state")
    return parser.parse_args(argv)


async def run(bot: Bot, args: argparse.Namespace, url: str, secret: str) -> str:
    """Do what was asked; return what to print."""
    async with bot:
        if args.delete:
            await bot.delete_webhook()
            return "Webhook removed: run scripts/telegram_polling.py, or set a webhook again."
        if args.info:
            info = await bot.get_webhook_info()
            return f"webhook: {info.url or '(none: polling)'}; updates waiting: {info.pending_update_count}"
        await bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
        await bot.set_my_commands(bot_commands())
        return f"Webhook set to {url}, with the secret token and the command menu."


def problem(args: argparse.Namespace, token: str, secret: str, url: str) -> str:
    """What is missing or invalid, or ''."""
    if not token:
        return "set TELEGRAM_BOT_TOKEN (from @BotFather)"
    if args.webhook is None:
        return ""
    if not SECRET.fullmatch(secret):
        return "set TELEGRAM_WEBHOOK_SECRET: 1-256 characters of A-Z a-z 0-9 _ -"
    return "" if url.startswith(("https://", "http://")) else "give the URL, or set PUBLIC_BASE_URL"


def main(argv: list[str] | None = None) -> int:
    """Check the settings, call the Bot API; exit 2 on a missing or invalid setting, 1 on an API error."""
    args = parse(argv)
    token, secret = os.environ.get("TELEGRAM_BOT_TOKEN", ""), os.environ.get("TELEGRAM_WEBHOOK_SECRET", "")
    url = args.webhook or os.environ.get("PUBLIC_BASE_URL", "").rstrip("/") + ROUTE
    if why := problem(args, token, secret, url):
        print(f"telegram_setup: {why}", file=sys.stderr)
        return 2
    bot = Bot(token, base_url=os.environ.get("TELEGRAM_API_BASE_URL") or "https://api.telegram.org/bot")
    try:
        print(asyncio.run(run(bot, args, url, secret)))
    except InvalidToken:  # its message quotes the token
        print(f"telegram_setup: Telegram refused: {REJECTED}", file=sys.stderr)
        return 1
    except TelegramError as exc:
        print(f"telegram_setup: Telegram refused: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
