"""Telegram (python-telegram-bot 22): the handlers polling and the webhook share, from an update to the replies.

Polling (`python3 -m bot.cli.telegram_polling`) and the webhook (adapter.py) build the same Application with
`build_application`. State lives only in kyrbot's store (never PTB's user_data, chat_data or persistence).
Only private chats are served; groups, channels and edits get no reply, and logs name the kind of update only.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.core.session import Inbound, Reply
from bot.outbound.senders import retry_after
from bot.service.handler import Service
from bot.text import pages
from bot.text.render import body_text
from bot.text.sms import split_message

# The channel's one log name, as before the handlers left adapter.py: operators' filters keep working.
logger = logging.getLogger("bot.channels.telegram.adapter")

CHANNEL = "telegram"
MAX_TEXT = 4096  # Telegram's limit per message, in and out
PAGE = pages.TELEGRAM  # the engine cuts replies to 4096 characters of text (options are buttons, not counted)
MAX_RETRY_WAIT = 30.0  # a longer flood-control wait is not worth holding the update for
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
# Each command (with its menu description) is the global word the engine already knows; /start is the greeting
# (and ends an opt-out).
COMMANDS = {
    "start": "Start: greeting and main menu",
    "menu": "Main menu",
    "language": "Change language",
    "help": "Help",
    "delete": "Delete my data now",
}
clock = time.time  # the time a message arrives (a seam: tests move it past the rate-limit window)
PRIVATE = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE  # new private messages, not edits
MEDIA = (
    filters.ATTACHMENT
    | filters.PHOTO
    | filters.Sticker.ALL
    | filters.VOICE
    | filters.LOCATION
    | filters.CONTACT
    | filters.POLL
    | filters.Dice.ALL
    | filters.VENUE
)


def to_inbound(update: Update, now: float) -> Inbound | None:
    """The Inbound for a new private message or a button tap; None for whatever the bot ignores."""
    chat = update.effective_chat
    if chat is None or chat.type != "private" or update.edited_message is not None:
        return None
    user = update.effective_user
    hint = user.language_code if user else None
    if update.callback_query is not None:
        data = update.callback_query.data or ""
        return Inbound(data[2:], now, lang_hint=hint, page=PAGE) if data.startswith("o:") and len(data) > 2 else None
    message = update.message
    if message is None:
        return None
    if message.text is None:
        return Inbound("", now, kind="media", lang_hint=hint, page=PAGE) if MEDIA.check_update(update) else None
    return _text_inbound(message.text, now, hint)


def _text_inbound(text: str, now: float, hint: str | None) -> Inbound:
    """A text or a command: /start is the greeting, other known commands are the engine's global words.
    Telegram never sends more than 4096 characters; a forged longer text is cut."""
    text = text[:MAX_TEXT]
    command = text.split(maxsplit=1)[0][1:].split("@")[0].lower() if text.startswith("/") else ""
    if command == "start":
        return Inbound(command, now, kind="hello", lang_hint=hint, page=PAGE)
    return Inbound(command if command in COMMANDS else text, now, lang_hint=hint, page=PAGE)


def update_kind(update: Update) -> str:
    """A name for the kind of update, for logs: never an id or any content."""
    kind = next((name for name in Update.ALL_TYPES if getattr(update, name, None) is not None), "unknown")
    if update.my_chat_member is not None:
        return f"{kind}:{update.my_chat_member.new_chat_member.status}"
    chat = update.effective_chat
    return f"{kind}:{chat.type}" if chat is not None and chat.type != "private" else kind


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's options as buttons, one per row; callback_data `o:<key>` (short ASCII, under 64 bytes)."""
    rows = [
        [InlineKeyboardButton(o.label, callback_data=f"o:{o.key}")]
        for o in reply.options
        if len(f"o:{o.key}".encode()) <= 64
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def messages(reply: Reply) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """The Telegram messages for one reply: its text split to 4096 characters, buttons under the last part;
    Arabic and Urdu get the same bidi marks as SMS (render.bidi_text)."""
    parts = split_message(body_text(reply), MAX_TEXT)
    return [(part, keyboard(reply) if i == len(parts) - 1 else None) for i, part in enumerate(parts)]


async def pause(seconds: float) -> None:
    """Wait out flood control (a seam: tests record the delay instead of sleeping)."""
    await asyncio.sleep(seconds)


async def send(bot: Any, chat_id: int, text: str, markup: InlineKeyboardMarkup | None) -> bool:
    """Send one message; flood control (RetryAfter) is waited out and retried once, then given up."""
    for attempt in (1, 2):
        try:
            await bot.send_message(chat_id, text, reply_markup=markup)
            return True
        except RetryAfter as exc:
            delay = retry_after(exc)
            if attempt == 2 or delay > MAX_RETRY_WAIT:
                break
            await pause(delay)
        except Forbidden:
            logger.info("telegram send refused: the user blocked the bot")
            return False
        except TelegramError as exc:
            logger.warning("telegram send failed: %s", type(exc).__name__)
            return False
    logger.warning("telegram send given up: flood control")
    return False


@dataclass
class TelegramChannel:
    """PTB handlers that turn updates into Inbound messages, run them through the service, send the replies."""

    service: Service

    def register(self, application: Application) -> None:
        """Add the handlers; the first matching handler of the group wins, the last one logs the rest."""
        group = getattr(self.service, "responder_group", None)  # the responders' group (bot/handoff): it goes first
        if group is not None:
            group.register(application)
        application.add_handler(CommandHandler(list(COMMANDS), self.on_message, filters=PRIVATE))
        application.add_handler(MessageHandler(PRIVATE & (filters.TEXT | MEDIA), self.on_message))
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_handler(TypeHandler(Update, self.on_other))
        application.add_error_handler(self.on_error)

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A private text, command, media message or button tap: answered, or logged as ignored."""
        inbound = to_inbound(update, clock())
        if inbound is None:
            return await self.on_other(update, context)
        await self.respond(update, inbound, context.bot)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button tap: always answer the query, remove the tapped keyboard (one use), then handle the key."""
        query = update.callback_query
        if query is None:  # registered as a CallbackQueryHandler: PTB only calls it with one
            return
        try:
            await query.answer()
            if query.message is not None and getattr(query.message, "reply_markup", None) is not None:
                await query.edit_message_reply_markup(reply_markup=None)
        except TelegramError as exc:  # a query too old to answer, a message too old to edit: go on
            logger.info("telegram callback housekeeping failed: %s", type(exc).__name__)
        await self.on_message(update, context)

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Everything the bot does not answer: edits, groups, channels, (un)blocking, unknown types."""
        logger.info("telegram update ignored kind=%s", update_kind(update))

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A handler's error is logged by type only (its message could quote the user)."""
        logger.error("telegram handler error: %s", type(context.error).__name__)

    async def respond(self, update: Update, inbound: Inbound, bot: Any) -> None:
        """Run the message through the (blocking) service in a thread and send the replies in order."""
        if update.effective_chat is None:  # to_inbound() answers only messages in a private chat
            return
        chat_id = update.effective_chat.id
        outcome = await asyncio.to_thread(self.service.handle, CHANNEL, str(chat_id), inbound, str(update.update_id))
        if outcome.duplicate:  # its replies were sent when it first came: a redelivery is not answered twice
            return
        for reply in outcome.replies:
            for text, markup in messages(reply):
                if not await send(bot, chat_id, text, markup):
                    return


def build_application(token: str, service: Service, base_url: str | None = None, webhook: bool = False) -> Application:
    """The PTB Application with kyrbot's handlers; `webhook` builds it without an updater (no polling)."""
    _quiet_libraries()
    builder = Application.builder().token(token)
    if base_url:
        builder = builder.base_url(base_url)
    if webhook:
        builder = builder.updater(None)
    application = builder.build()
    TelegramChannel(service).register(application)
    return application


def _quiet_libraries() -> None:
    """httpx logs the bot token (in each URL) at INFO, PTB logs chat ids and texts at DEBUG: never let them."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    ptb = logging.getLogger("telegram")
    if ptb.getEffectiveLevel() < logging.INFO:
        ptb.setLevel(logging.INFO)


def bot_commands() -> list[BotCommand]:
    """The command menu Telegram shows (English descriptions)."""
    return [BotCommand(name, description) for name, description in COMMANDS.items()]
