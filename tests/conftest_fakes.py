"""The fake Telegram Bot API and fake Twilio REST API as fixtures, each a fresh server on real HTTP per test."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes import FakeBotApi, FakeTwilioApi
from tests.handoff_rig import TOKEN


@pytest.fixture()
def bot_api() -> Iterator[FakeBotApi]:
    """A fresh fake Telegram Bot API."""
    with FakeBotApi() as fake:
        yield fake


@pytest.fixture()
def twilio() -> Iterator[FakeTwilioApi]:
    """A fresh fake Twilio REST API that checks requests against the rig's auth token."""
    with FakeTwilioApi(auth_token=TOKEN) as fake:
        yield fake
