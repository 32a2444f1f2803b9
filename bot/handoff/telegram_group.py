"""The responders' Telegram group (KYR_RESPONDERS_TELEGRAM_CHAT): Claim and Close buttons on case cards, and
replies to a case's messages, which reach the person once the replier has claimed the case.

The bot relies on what Telegram delivers to a bot in a group with privacy mode on: button presses and replies to
its own messages (not mentions). Its handlers run before the adapter's (handler group -1) and stop there; every
other update in the group falls through to the adapter, which ignores it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.handoff import responders
from bot.handoff.cases import Claimer
from bot.handoff.desk import Desk

logger = logging.getLogger(__name__)
BUTTON = r"^c:(claim|close):(\d+)$"
NOT_HERE = "This button works only in the responders' group."
NOT_LISTED = "You are not on this organisation's list of responders."


class ResponderGroup:
    """PTB handlers for the responders' group; the work is the desk's, run in a thread (it touches the store)."""

    def __init__(self, desk: Desk, clock: Callable[[], float] = time.time) -> None:
        self.desk, self.clock = desk, clock
        self.chat = desk.settings.telegram_chat
        self.allowed = desk.settings.telegram_users

    def register(self, application: Application) -> None:
        """Button presses on cards (anywhere: presses outside the group are refused) and replies in the group."""
        application.add_handler(CallbackQueryHandler(self.on_button, pattern=BUTTON), group=-1)
        replies = filters.Chat(chat_id=self.chat) & filters.REPLY & filters.TEXT & filters.UpdateType.MESSAGE
        application.add_handler(MessageHandler(replies, self.on_reply), group=-1)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Claim or Close: always answered with a short notice for the presser."""
        query = update.callback_query
        if query is None:
            return
        action, number = (query.data or "").split(":")[1:]
        who = self._who(update)
        if update.effective_chat is None or update.effective_chat.id != self.chat:
            text = self._refuse(number, "outside the group", NOT_HERE)
        elif who is None:
            text = self._refuse(number, "not a listed responder", NOT_LISTED)
        else:
            act = responders.claim if action == "claim" else responders.close
            text = (await asyncio.to_thread(act, self.desk, int(number), who, self.clock())).text
        try:
            await query.answer(text[:190], show_alert=False)
        except TelegramError as exc:  # a press too old to answer: the work is done anyway
            logger.info("responder button not answered: %s", type(exc).__name__)
        raise ApplicationHandlerStop

    async def on_reply(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A reply to a case's message: the claimer's words go to the person; others are told why not."""
        message = update.message
        if message is None or message.reply_to_message is None or message.text is None:
            return
        number = await asyncio.to_thread(self.desk.cases.by_message, message.reply_to_message.message_id, self.clock())
        if number is None:
            return  # a reply to something else in the group: not the bot's business
        who = self._who(update)
        if who is None:
            answer = responders.Answer(self._refuse(str(number), "not a listed responder", NOT_LISTED), False)
        else:
            answer = await asyncio.to_thread(responders.write, self.desk, number, who, message.text, self.clock())
        if answer.text:
            try:
                await message.reply_text(answer.text)
            except TelegramError as exc:
                logger.info("responder notice not sent: %s", type(exc).__name__)
        raise ApplicationHandlerStop

    def _who(self, update: Update) -> Claimer | None:
        """The responder, or None when an allow-list is set and they are not on it."""
        user = update.effective_user
        if user is None or (self.allowed and user.id not in self.allowed):
            return None
        return Claimer("telegram", str(user.id), user.first_name or "a volunteer")

    def _refuse(self, number: str, reason: str, text: str) -> str:
        """Log a refusal without who or what; the text for the presser."""
        logger.info("responder refused case=%s reason=%s", number, reason)
        return text
