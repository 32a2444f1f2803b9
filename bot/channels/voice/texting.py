"""Press 8: the current step by text message to the calling number, through the outbound queue.

The line never calls Twilio inside a request (a slow API would hold up the caller's next prompt): QueuedTexts puts
each SMS body in the outbox, sealed, and the queue's consumer sends it with twilio's REST client from the bot's SMS
number (TWILIO_FROM), with the queue's retries, pacing and once-only sending (bot/outbound/). The queue exists when
responders are configured (docs/handoff.md); without it, or without TWILIO_ACCOUNT_SID and TWILIO_FROM, there is
no sender: 8 is not offered, and a caller who presses it anyway is told this line cannot send text messages.
"""

from __future__ import annotations

import logging

from bot.channels.base import Sender
from bot.channels.twilio.messaging import sms_bodies
from bot.outbound.outbox import Message
from bot.outbound.queue import Outbound
from bot.service.handler import Outcome, Service

logger = logging.getLogger(__name__)
ROLE = "voice_text"  # the outbox's role: the desk ignores it once sent or failed (no case, nobody to tell)


class QueuedTexts:
    """A Sender that queues an outcome's SMS bodies for the calling number."""

    def __init__(self, outbound: Outbound) -> None:
        self.outbound = outbound

    def send(self, to: str, outcome: Outcome) -> bool:
        """Queue each SMS body; False (and a log line with the error's type only) when the queue refuses."""
        try:
            lang = outcome.replies[0].lang if outcome.replies else ""
            for body in sms_bodies(outcome.replies):  # folded by the queue, in the step's language
                self.outbound.send(Message("sms", to, body, role=ROLE, lang=lang))
        except Exception as exc:  # SQLite locked, Redis down, a bad key: the caller is told, the call goes on
            logger.warning("voice: text message not queued: %s", type(exc).__name__)
            return False
        return True


def queued_texts(service: Service) -> Sender | None:
    """The sender behind 'press 8': the outbound queue when there is one that can send SMS, else None."""
    desk = getattr(service, "desk", None)
    if desk is None or not (desk.settings.twilio_sid and desk.settings.sms_from):
        return None
    return QueuedTexts(desk.outbound)
