"""The real clients that send what the queue holds: twilio's REST client (SMS, WhatsApp) and python-telegram-bot's
Bot. Each failure becomes a SendFailed that says what to do (retry, wait, give up) and carries no content: the
libraries' own messages may quote a phone number or a text, so they are never logged or stored."""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.rest import Client

logger = logging.getLogger(__name__)

TWILIO_RETRY = {20429, 20500, 20503, 30001}  # too many requests, server errors, queue overflow
WHATSAPP_WINDOW = 63016  # free-form WhatsApp outside the 24-hour window
OPTED_OUT = 21610  # the person sent STOP to this number
TELEGRAM_TIMEOUT = 15.0


class SendFailed(Exception):
    """A send that did not happen: `retry` (try again later), `wait` (seconds the service asked for), and a short
    `reason` with no content (a code or an exception class)."""

    def __init__(self, reason: str, retry: bool = True, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.retry, self.wait = reason, retry, wait


def quiet_libraries() -> None:
    """The clients log request bodies (numbers, texts) and tokens at INFO or DEBUG: never let them."""
    for name in ("twilio.http_client", "twilio", "httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    if logging.getLogger("telegram").getEffectiveLevel() < logging.INFO:
        logging.getLogger("telegram").setLevel(logging.INFO)


def retry_after(exc: RetryAfter) -> float:
    """RetryAfter's delay in seconds, whether PTB gives an int or a timedelta (PTB_TIMEDELTA)."""
    delay = exc.retry_after
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)


class TwilioSender:
    """messages.create through twilio's client, pointed at TWILIO_API_BASE_URL when set."""

    def __init__(self, account_sid: str, auth_token: str, base_url: str = "") -> None:
        # A non-empty environment mapping: TWILIO_EDGE / TWILIO_REGION in os.environ would rewrite a custom host.
        self.client = Client(account_sid, auth_token, environment={"KYR": "1"})
        if base_url:
            self.client.api.base_url = base_url
        quiet_libraries()

    def send(self, sender: str, to: str, body: str) -> str:
        """Send one SMS or WhatsApp message; its sid."""
        try:
            return str(self.client.messages.create(to=to, from_=sender, body=body).sid)
        except TwilioRestException as exc:
            code = int(exc.code or exc.status or 0)
            retry = exc.status == 429 or exc.status >= 500 or code in TWILIO_RETRY
            raise SendFailed(f"twilio {exc.status}/{code}", retry, 2.0 if exc.status == 429 else None) from None
        except TwilioException as exc:
            raise SendFailed(f"twilio {type(exc).__name__}", retry=False) from None
        except OSError as exc:  # requests' ConnectionError and timeouts are OSErrors
            raise SendFailed(f"twilio network {type(exc).__name__}") from None


class TelegramSender:
    """python-telegram-bot's Bot, one per worker thread with its own event loop (huey workers are threads)."""

    def __init__(self, token: str, base_url: str = "") -> None:
        self.token, self.base_url = token, base_url or "https://api.telegram.org/bot"
        self._local = threading.local()
        quiet_libraries()

    def send(self, chat_id: str, text: str, reply_to: int = 0, buttons: list[list[str]] | None = None) -> int:
        """Send a message (as a reply to `reply_to`, with inline buttons [label, data]); its message id."""
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
        call = lambda bot: bot.send_message(chat_id, text, reply_markup=_markup(buttons), reply_parameters=reply)
        return int(self._run(call).message_id)

    def edit(self, chat_id: str, message_id: int, text: str, buttons: list[list[str]] | None = None) -> int:
        """Replace a message's text and buttons."""
        self._run(lambda bot: bot.edit_message_text(text, chat_id, message_id, reply_markup=_markup(buttons)))
        return message_id

    def delete(self, chat_id: str, message_id: int) -> int:
        """Delete a message (Telegram allows it for 48 hours)."""
        self._run(lambda bot: bot.delete_message(chat_id, message_id))
        return message_id

    def _run(self, call: Any) -> Any:
        """Run one Bot API call on this thread's loop; failures become SendFailed."""
        loop, bot = self._bot()
        try:
            return loop.run_until_complete(asyncio.wait_for(call(bot), TELEGRAM_TIMEOUT))
        except RetryAfter as exc:
            raise SendFailed("telegram 429", True, retry_after(exc)) from None
        except (Forbidden, BadRequest, ChatMigrated) as exc:
            raise SendFailed(f"telegram {type(exc).__name__}", retry=False) from None
        except (TimedOut, NetworkError, TimeoutError) as exc:
            raise SendFailed(f"telegram {type(exc).__name__}") from None
        except TelegramError as exc:
            raise SendFailed(f"telegram {type(exc).__name__}") from None

    def _bot(self) -> tuple[asyncio.AbstractEventLoop, Bot]:
        """This thread's loop and Bot, made on first use."""
        if getattr(self._local, "bot", None) is None:
            self._local.loop = asyncio.new_event_loop()
            self._local.bot = Bot(self.token, base_url=self.base_url)
        return self._local.loop, self._local.bot


def _markup(buttons: list[list[str]] | None) -> InlineKeyboardMarkup | None:
    """[[label, data], ...] as one button per row."""
    if not buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)] for label, data in buttons])


class Channels:
    """Where each outbox message goes: Twilio for SMS and WhatsApp, the Bot API for Telegram."""

    def __init__(self, twilio: TwilioSender | None, telegram: TelegramSender | None, sms_from: str, whatsapp_from: str):
        self.twilio, self.telegram = twilio, telegram
        self.numbers = {"sms": sms_from, "whatsapp": whatsapp_from or (f"whatsapp:{sms_from}" if sms_from else "")}

    def deliver(self, message: Any) -> Any:
        """Carry out one outbox message (bot.outbound.outbox.Message); the provider's id."""
        if message.via == "telegram" and self.telegram is not None:
            if message.op == "edit":
                return self.telegram.edit(message.to, message.message_id, message.text, message.buttons)
            if message.op == "delete":
                return self.telegram.delete(message.to, message.message_id)
            return self.telegram.send(message.to, message.text, message.reply_to, message.buttons)
        if message.via in self.numbers and self.twilio is not None and self.numbers[message.via]:
            return self.twilio.send(self.numbers[message.via], message.to, message.text)
        raise SendFailed(f"no sender for {message.via}", retry=False)
