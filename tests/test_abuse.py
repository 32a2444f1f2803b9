"""Abuse limits: a per-user rate limit (one short notice in the user's language, then silence until the window
passes), bounded request and message sizes, and no reply longer than its channel carries, whatever is typed."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from bot.channels.base import kyr
from bot.channels.telegram import adapter as tg
from bot.channels.telegram import handlers
from bot.channels.twilio import messaging as twilio_sms
from bot.core.engine import Engine
from bot.core.session import Inbound, Reply, Session
from bot.service.handler import RATE_WINDOW, Service
from bot.store import open_store
from bot.text import pages
from bot.text.render import sms_text
from bot.text.sms import utf16_len
from tests.conftest_browser import live_server
from tests.fakes import FakeBotApi
from tests.payloads import load_telegram, load_twilio, with_fields

TOKEN = "abuse-auth-token-0123456789abcdef"
BASE = "https://kyr.example.org"
TG_SECRET = "abuse_webhook-secret"
TG_HEADER = "X-Telegram-Bot-Api-Secret-Token"
FORM = "application/x-www-form-urlencoded"
LIMIT = 4
SMS_MAX, TELEGRAM_MAX = 1600, 4096
T0 = 1_900_000_000.0


def build_app(engine: Engine, tmp: Path, **config: str) -> Flask:
    """create_app on a temporary store with a low rate limit, reusing the session's engine."""
    import webhook

    base = {"KYR_STORE": f"sqlite:///{tmp}/abuse.db", "KYR_SECRET": "abuse-secret", "TWILIO_AUTH_TOKEN": TOKEN,
            "PUBLIC_BASE_URL": BASE, "KYR_RATE_LIMIT": str(LIMIT), "KYR_WEB_DEMO": "1"}
    return webhook.create_app({**base, **config}, engine)


@pytest.fixture()
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The adapters' clock, moved by the test (index 0)."""
    now = [T0]
    monkeypatch.setattr(twilio_sms, "clock", lambda: now[0])
    monkeypatch.setattr(handlers, "clock", lambda: now[0])
    return now


class Phone:
    """A person texting /twilio through signed requests (the Flask test client)."""

    def __init__(self, app: Flask, sender: str) -> None:
        self.client, self.sender = app.test_client(), sender

    def post(self, body: str, **fields: str) -> Any:
        """One signed message; the raw response."""
        name = "whatsapp" if self.sender.startswith("whatsapp:") else "sms"
        form = with_fields(load_twilio(name), From=self.sender, Body=body, MessageSid=f"SM{uuid.uuid4().hex}",
                           **fields)
        signature = RequestValidator(TOKEN).compute_signature(BASE + "/twilio", form)
        return self.client.post("/twilio", data=urlencode(form), content_type=FORM,
                                headers={"X-Twilio-Signature": signature})

    def say(self, body: str) -> list[str]:
        """One signed message; the <Message> bodies of the TwiML answer (empty: no SMS is sent)."""
        response = self.post(body)
        assert response.status_code == 200 and response.mimetype == "application/xml", response.data
        return [m.text or "" for m in ElementTree.fromstring(response.data).findall("Message")]


def pick(engine: Engine, lang: str) -> str:
    """The language picker's number for a language."""
    return str(engine.languages().index(lang) + 1)


# --- the rate limit -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "es", "ar"])
def test_sms_rate_limit_one_notice_then_silence_until_the_window_passes(engine: Engine, tmp_path: Path,
                                                                         clock: list[float], lang: str) -> None:
    """Past KYR_RATE_LIMIT messages in a minute: one short notice in the user's language, then empty TwiML
    (no SMS, no cost) however many more arrive; after the window, answers again."""
    phone = Phone(build_app(engine, tmp_path), "+15555550301")
    texts = ["hi", "language", pick(engine, lang), "1"][:LIMIT] if lang != "en" else ["hi", "1", "2", "back"]
    for text in texts:
        assert phone.say(text), text
    notice = engine.view.t("ui.rate_limited", lang)
    folded = lang in pages.DEFAULT_FOLD
    assert phone.say("menu") == [sms_text(Reply(notice, (), lang, engine.view.rtl(lang)), accents=folded)]
    for text in ["menu", "1", "hi", "x" * 1600] * 3:   # (STOP and DELETE still get through: test_service_optout)
        assert phone.say(text) == [], text
    clock[0] += RATE_WINDOW
    (body,) = phone.say("menu")
    assert notice not in body and body


def test_notice_texts_are_short_and_translated(engine: Engine) -> None:
    """The notice is one short message in every language (at most two SMS segments), never the English one."""
    english = engine.view.t("ui.rate_limited", "en")
    for lang in engine.languages():
        text = engine.view.t("ui.rate_limited", lang)
        assert len(text) <= 160 and (lang == "en" or text != english), lang


def test_whatsapp_rate_limit_is_per_user(engine: Engine, tmp_path: Path, clock: list[float]) -> None:
    """One user's flood does not silence another user."""
    app = build_app(engine, tmp_path)
    flood, other = Phone(app, "whatsapp:+15555550302"), Phone(app, "whatsapp:+15555550303")
    for _ in range(LIMIT + 1):
        flood.say("hi")
    assert flood.say("hi") == []
    assert other.say("hi")[0].startswith("Hi, I am kyrbot.")


@pytest.fixture()
def tg_app(engine: Engine, tmp_path: Path, bot_api: FakeBotApi) -> Iterator[Flask]:
    """The app with the Telegram webhook on, its Bot API the fake."""
    app = build_app(engine, tmp_path, TELEGRAM_BOT_TOKEN=bot_api.token, TELEGRAM_WEBHOOK_SECRET=TG_SECRET)
    app.config["TELEGRAM_API_BASE_URL"] = bot_api.base_url
    yield app
    tg.shutdown(app)


_update_ids = iter(range(900_000_001, 999_999_999))


def telegram(app: Flask, text: str, lang: str = "en", chat: int = 7_100_000_001) -> int:
    """Post one private message to /telegram; the status code."""
    update = with_fields(load_telegram("message"), update_id=next(_update_ids), **{
        "message.text": text, "message.chat.id": chat, "message.from.id": chat, "message.from.language_code": lang})
    return app.test_client().post("/telegram", json=update, headers={TG_HEADER: TG_SECRET}).status_code


def test_telegram_rate_limit_one_notice_then_no_message(tg_app: Flask, bot_api: FakeBotApi, engine: Engine,
                                                         clock: list[float]) -> None:
    """On Telegram too: one notice in the user's language (es), then no sendMessage until the window passes."""
    for text in ["hola", "1", "2", "menu"][:LIMIT]:
        assert telegram(tg_app, text, "es") == 200
    answered = len(bot_api.calls("sendMessage"))
    assert answered >= LIMIT
    assert telegram(tg_app, "menu", "es") == 200
    assert [c["text"] for c in bot_api.calls("sendMessage")[answered:]] == [engine.view.t("ui.rate_limited", "es")]
    for text in ["menu", "1", "/start", "/menu"] * 3:
        assert telegram(tg_app, text, "es") == 200
    assert len(bot_api.calls("sendMessage")) == answered + 1
    clock[0] += RATE_WINDOW
    assert telegram(tg_app, "menu", "es") == 200
    assert len(bot_api.calls("sendMessage")) > answered + 1


# --- bounded sizes ------------------------------------------------------------------------------------
def test_twilio_body_over_1600_is_cut_and_answered(engine: Engine, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A forged Body of 5000 characters reaches the engine as 1600 and gets an ordinary answer."""
    app = build_app(engine, tmp_path)
    seen: list[Inbound] = []
    handle = kyr(app).service.handle
    monkeypatch.setattr(kyr(app).service, "handle", lambda *a: seen.append(a[2]) or handle(*a))
    (body,) = Phone(app, "+15555550304").say("ICE is at my door " * 300)
    assert len(seen[0].text) == 1600 and utf16_len(body) <= SMS_MAX
    assert body.startswith(sms_text(engine.step(None, Inbound("ICE is at my door", 1.0)).replies[0])[:40])


def test_telegram_text_over_4096_is_cut_and_answered(tg_app: Flask, bot_api: FakeBotApi,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A forged 6000-character text reaches the service as 4096 characters and is answered."""
    seen: list[Inbound] = []
    handle = kyr(tg_app).service.handle
    monkeypatch.setattr(kyr(tg_app).service, "handle", lambda *a: seen.append(a[2]) or handle(*a))
    assert telegram(tg_app, "la migra " * 700, chat=7_100_000_002) == 200
    assert len(seen[0].text) == 4096
    assert bot_api.calls("sendMessage") and all(utf16_len(c["text"]) <= TELEGRAM_MAX
                                                for c in bot_api.calls("sendMessage"))


def big_body() -> bytes:
    """A form body just over 64 KiB."""
    return urlencode({"From": "+15555550305", "MessageSid": "SMx", "Body": "x" * (64 * 1024)}).encode()


def test_http_bodies_over_64_kib_are_refused_with_413(engine: Engine, tmp_path: Path, tg_app: Flask) -> None:
    """Every route refuses a body over 64 KiB with 413 and a plain reason, before reading it."""
    client = build_app(engine, tmp_path).test_client()
    signature = RequestValidator(TOKEN).compute_signature(BASE + "/twilio", {"Body": "x"})
    twilio = client.post("/twilio", data=big_body(), content_type=FORM, headers={"X-Twilio-Signature": signature})
    assert (twilio.status_code, twilio.get_data(as_text=True)) == \
        (413, "Request body over 65536 bytes: Twilio never sends one this large\n")
    telegram_response = tg_app.test_client().post("/telegram", data=b"{" + b" " * 70_000 + b"}",
                                                  content_type="application/json", headers={TG_HEADER: TG_SECRET})
    assert (telegram_response.status_code, telegram_response.get_data(as_text=True)) == \
        (413, "update over 65536 bytes: Telegram never sends one this large")
    web = client.post("/api/message", data=b'{"text": "' + b"x" * 70_000 + b'"}', content_type="application/json")
    assert web.status_code == 413 and web.get_json() == {"error": "the request body is too large"}


def chunks(body: bytes, size: int = 8192) -> Iterator[bytes]:
    """The body in pieces: requests sends a generator with Transfer-Encoding: chunked and no Content-Length."""
    for start in range(0, len(body), size):
        yield body[start:start + size]


def test_chunked_bodies_over_64_kib_are_refused_with_413(engine: Engine, tmp_path: Path, bot_api: FakeBotApi) -> None:
    """A body sent chunked (no Content-Length) over real HTTP is measured as it is read, and refused with the
    same 413 and reason as a declared one, not a 403 (signature of an empty form) or a 400."""
    import requests

    app = build_app(engine, tmp_path, TELEGRAM_BOT_TOKEN=bot_api.token, TELEGRAM_WEBHOOK_SECRET=TG_SECRET)
    app.config["TELEGRAM_API_BASE_URL"] = bot_api.base_url
    signature = RequestValidator(TOKEN).compute_signature(BASE + "/twilio", {"Body": "x"})
    with live_server(app) as url:
        twilio = requests.post(url + "/twilio", data=chunks(big_body()), timeout=30,
                               headers={"Content-Type": FORM, "X-Twilio-Signature": signature})
        voice = requests.post(url + "/voice", data=chunks(big_body()), timeout=30,   # the same checks as /twilio
                              headers={"Content-Type": FORM, "X-Twilio-Signature": signature})
        telegram_response = requests.post(url + "/telegram", data=chunks(b"{" + b" " * 70_000 + b"}"), timeout=30,
                                          headers={"Content-Type": "application/json", TG_HEADER: TG_SECRET})
        at_limit, over = (requests.post(url + "/telegram", timeout=30, data=chunks(b'{"update_id": 5}'.ljust(n)),
                                        headers={"Content-Type": "application/json", TG_HEADER: TG_SECRET})
                          for n in (64 * 1024, 64 * 1024 + 1))
    assert twilio.request.headers.get("Transfer-Encoding") == "chunked" and "Content-Length" not in twilio.request.headers
    assert (twilio.status_code, twilio.text) == (413, "Request body over 65536 bytes: Twilio never sends one this large\n")
    assert (voice.status_code, voice.text) == (twilio.status_code, twilio.text)
    assert (telegram_response.status_code, telegram_response.text) == \
        (413, "update over 65536 bytes: Telegram never sends one this large")
    assert (at_limit.status_code, over.status_code) == (200, 413)   # within the limit: read as usual
    tg.shutdown(app)


# --- no reply longer than the channel carries ----------------------------------------------------------
def node_keys(engine: Engine) -> list[str]:
    """Every node of the real content."""
    return sorted(n.key for f in engine.content.flows.values() for n in f.nodes.values())


user_texts = st.one_of(
    st.text(max_size=200), st.text(min_size=1500, max_size=5000),
    st.sampled_from(["more", "MORE", "california", "texas", "0", "1", "2", "3", "9", "back", "help", "language",
                     "ICE is at my door", "{orgs}", "{state}" * 300, "🙏" * 2000, "ا" * 3000, "ICE " * 1000]))


def assert_fits(replies: tuple[Reply, ...]) -> None:
    """Every body each channel would send for these replies fits that channel."""
    bodies = twilio_sms.sms_bodies(replies) + twilio_sms.whatsapp_bodies(replies)
    assert all(utf16_len(b) <= SMS_MAX for b in bodies), [utf16_len(b) for b in bodies]
    for reply in replies:
        assert all(utf16_len(text) <= TELEGRAM_MAX for text, _ in handlers.messages(reply))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), texts=st.lists(user_texts, min_size=1, max_size=5))
def test_whatever_is_typed_no_reply_is_longer_than_the_channel_allows(engine: Engine, data: st.DataObject,
                                                                      texts: list[str]) -> None:
    """From any node, language, state and open question, a few messages of anything (MORE included): each
    turn's SMS and WhatsApp bodies are at most 1600 characters and Telegram messages at most 4096."""
    lang = data.draw(st.sampled_from(engine.languages()))
    state = data.draw(st.sampled_from([None, "CA", "TX", "NY", "MA", "CO", "FL"]))
    session = Session(at=data.draw(st.sampled_from(node_keys(engine))), lang=lang, state=state, seen=T0)
    service = Service(engine, open_store("sqlite:///:memory:"), b"k", rate_limit=10**6)
    from bot.service.privacy import user_key

    service.store.put(user_key(b"k", "sms", "u"), {"s": session.to_dict()}, None, T0)
    for i, text in enumerate(texts):
        outcome = service.handle("sms", "u", Inbound(text, T0 + i, state_hint=state))
        assert outcome.replies or "opted_out" in outcome.events   # after STOP or QUIT: silence, as the law wants
        assert_fits(outcome.replies)


def test_the_longest_pages_fit_every_channel(engine: Engine) -> None:
    """Every node in every language and every state, shown and paged to its end with MORE, fits."""
    states = [None, "CA", "TX", "NY", "IL", "FL", "WA", "MA"]
    for lang in engine.languages():
        for key in node_keys(engine):
            for state in states:
                # Picking the language again shows the node where the user stands, in full.
                session = Session(at=key, lang=lang, state=state, pending="language", choices=engine.languages(),
                                  seen=T0)
                result = engine.step(session, Inbound(pick(engine, lang), T0))
                assert result.session.at == key
                for _ in range(20):
                    assert_fits(result.replies)
                    if result.session is None or not result.session.pages:
                        break
                    result = engine.step(result.session, Inbound("more", T0))
