"""Local fakes of the services kyrbot talks to, for tests over real HTTP."""

from __future__ import annotations

from tests.fakes.telegram_api import DEFAULT_TOKEN, FakeBotApi, RecordedCall
from tests.fakes.twilio_api import FakeTwilioApi

__all__ = ["DEFAULT_TOKEN", "FakeBotApi", "FakeTwilioApi", "RecordedCall"]
