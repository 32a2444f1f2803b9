"""A bug in the engine reaches nobody as a crash: the person gets 'try again' in their language, the stored
conversation is untouched, and the log names the error without the message. In process, no server."""
from __future__ import annotations

import logging

import pytest

from bot.core.engine import Engine
from bot.core.session import Inbound
from bot.service.handler import Service
from bot.store import open_store

SECRET = b"try-again-secret"


class Exploding:
    """An engine whose step raises after `calm` good turns (everything else is the real engine's)."""

    def __init__(self, engine: Engine, calm: int) -> None:
        self.real, self.calm = engine, calm

    def step(self, session, msg):
        if self.calm <= 0:
            raise RuntimeError("a bug with the user's words: me detuvieron")
        self.calm -= 1
        return self.real.step(session, msg)

    def __getattr__(self, name: str):  # view, words, detector, content... as the real engine has them
        return getattr(self.real, name)


@pytest.fixture
def service(engine: Engine) -> Service:
    """A service on an in-memory store whose engine fails from the second message on."""
    return Service(Exploding(engine, calm=1), open_store("sqlite:///:memory:"), SECRET)  # type: ignore[arg-type]


def test_engine_error_answers_try_again_in_the_users_language(service: Service,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """Spanish conversation, then a crash: the Spanish 'try again', the session as it was, no words in the log."""
    first = service.handle("sms", "+15550001111", Inbound("me detuvieron en el aeropuerto", 1.0), "m1")
    assert first.session is not None and first.session.lang == "es"
    before = service.store.get(next(iter(_keys(service))), 2.0)
    with caplog.at_level(logging.INFO):
        failed = service.handle("sms", "+15550001111", Inbound("2", 2.0), "m2")
    assert [r.text for r in failed.replies] == [service.engine.view.t("ui.try_again", "es")]
    assert failed.events == ("try_again",)
    assert service.store.get(next(iter(_keys(service))), 3.0) == before   # not lost, not corrupted
    assert "engine error: RuntimeError at" in caplog.text and "detuvieron" not in caplog.text
    assert "+15550001111" not in caplog.text


def test_try_again_for_a_new_user_uses_the_channel_hint(engine: Engine) -> None:
    """A first message that crashes: the channel's language hint decides, else English."""
    service = Service(Exploding(engine, calm=0), open_store("sqlite:///:memory:"), SECRET)  # type: ignore[arg-type]
    out = service.handle("telegram", "42", Inbound("hola", 1.0, lang_hint="pt-BR"), "u1")
    assert [r.text for r in out.replies] == [engine.view.t("ui.try_again", "pt")]
    out = service.handle("sms", "+15550002222", Inbound("hi", 1.0), "m1")
    assert [r.text for r in out.replies] == [engine.view.t("ui.try_again", "en")]


def _keys(service: Service) -> list[str]:
    """Every conversation key in the service's SQLite store (one test user; its rate count is apart, "r:")."""
    conn = service.store._connection()  # type: ignore[attr-defined]
    return [row[0] for row in conn.execute("SELECT key FROM records WHERE key LIKE 'u:%'")]
