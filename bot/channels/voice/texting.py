"""Press 8: the current step by text message to the calling number.

Until the outbound queue lands (DESIGN.md: outbound goes through huey), the line sends through a Sender
(bot.channels.base) given to it at start-up: TwilioTexts makes one Twilio REST call inside the request, so a
slow API delays the caller's next prompt by as much; the queue will replace it by registering its own Sender
(`voice_line(app).texts = ...`). With no sender configured the line does not offer 8.
"""

from __future__ import annotations

import logging

from requests import RequestException
from twilio.base.exceptions import TwilioException
from twilio.rest import Client

from bot.channels.twilio.messaging import sms_bodies
from bot.service.handler import Outcome

logger = logging.getLogger(__name__)


class TwilioTexts:
    """A Sender that sends an outcome as SMS through Twilio's REST API, from one configured number."""

    def __init__(self, account_sid: str, token: str, sender: str, api_base_url: str = "") -> None:
        self.client = Client(account_sid, token, environment={"_": ""})  # a non-empty mapping: no os.environ
        if api_base_url:
            self.client.api.base_url = api_base_url.rstrip("/")
        self.sender = sender

    def send(self, to: str, outcome: Outcome) -> bool:
        """Each SMS body of the outcome; False (and a log line without the number) when Twilio refuses."""
        origin = {"messaging_service_sid": self.sender} if self.sender.startswith("MG") else {"from_": self.sender}
        try:
            for body in sms_bodies(outcome.replies):
                self.client.messages.create(to=to, body=body, **origin)
        except (TwilioException, RequestException) as exc:
            # Twilio's code says why (21610 opted out, 21614 a landline) and never contains the number itself.
            logger.warning("voice: text message not sent: %s %s", type(exc).__name__, getattr(exc, "code", ""))
            return False
        return True
