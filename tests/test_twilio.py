"""POST /twilio: signature, parsing, TwiML rendering, carrier keywords, de-duplication, privacy at rest."""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
import uuid
from itertools import count
from pathlib import Path
from xml.etree import ElementTree

import pytest
from flask import Flask
from twilio.request_validator import RequestValidator

from bot.channels.base import kyr
from bot.channels.twilio.messaging import sms_bodies, whatsapp_bodies
from bot.core.engine import Engine
from bot.core.session import Choice, Inbound, Reply, Session
from bot.service.handler import Service
from bot.service.privacy import user_key
from bot.service.records import rate_key
from bot.service.runtime import ROOT
from bot.store import open_store
from bot.text import pages
from bot.text.render import sms_text
from bot.text.sms import sms_info
from tests.conftest_redis import RedisServer, _free_port
from tests.payloads import encode_twilio, load_twilio, with_fields
from tests.require import missing
from webhook import create_app

TOKEN = "test-auth-token-0123456789abcdef"
BASE = "https://kyr.example.org"
SECRET = "test-secret"
FORM = "application/x-www-form-urlencoded"
PHONE = "+15555550142"   # the recorded payloads' sender
_numbers = count(200)
MEDIA = "I can only read text, not photos, voice notes or stickers. Please type your question, or reply MENU."
TRY_AGAIN = "Sorry, something went wrong on our side. Please send your message again in a minute."
HELP = ("Reply with a number to choose. Words you can send any time: MENU, BACK, LANGUAGE, HELP, MORE, "
        "DELETE (erase your data), STOP (no more messages).")
STOPPED = "OK, you will get no more messages from us. Send START to come back."
OPT_OUTS = ["STOP", "stop", " Stop ", "STOPALL", "Unsubscribe", "CANCEL", "end", "QUIT", "revoke", "OptOut"]


def make_app(store: str, **extra: str) -> Flask:
    """An app on the given store with the Twilio channel on."""
    config = {"KYR_STORE": store, "KYR_SECRET": SECRET, "TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_BASE_URL": BASE}
    return create_app({**config, **extra})


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One app for the module; each test writes as its own phone number."""
    return make_app(f"sqlite:///{tmp_path_factory.mktemp('twilio')}/kyr.db")


class Phone:
    """One person texting the app through signed Twilio requests."""

    def __init__(self, app: Flask, number: str, payload: str = "sms", url: str = BASE + "/twilio") -> None:
        self.app, self.client, self.number, self.payload, self.url = app, app.test_client(), number, payload, url
        self.sids: list[str] = []
        self.sender = ("whatsapp:" if payload.startswith("whatsapp") else "") + number

    def form(self, body: str | None = None, name: str | None = None, **fields: str) -> dict[str, str]:
        """A recorded payload from this number with a fresh MessageSid (and Body, when given)."""
        extra = {"Body": body} if body is not None else {}
        sid = f"SM{uuid.uuid4().hex}"
        self.sids.append(sid)
        return with_fields(load_twilio(name or self.payload), From=self.sender, MessageSid=sid, **extra, **fields)

    def post(self, form: dict[str, str], signature: str | None = "sign", path: str = "/twilio", **kw):
        """POST the form, signed for self.url unless a signature (or None: no header) is given."""
        headers = dict(kw.pop("headers", {}))
        if signature == "sign":
            signature = RequestValidator(TOKEN).compute_signature(self.url, form)
        if signature is not None:
            headers["X-Twilio-Signature"] = signature
        return self.client.post(path, data=encode_twilio(form), content_type=FORM, headers=headers, **kw)

    def say(self, body: str | None = None, name: str | None = None, **fields: str) -> list[str]:
        """Send one signed message; the <Message> bodies of the TwiML answer."""
        response = self.post(self.form(body, name, **fields))
        assert response.status_code == 200, response.data
        assert response.mimetype == "application/xml"
        return messages(response.data)

    def record(self) -> dict | None:
        """What the store keeps for this person (keyed by a hash of the channel and number)."""
        channel = "whatsapp" if self.sender.startswith("whatsapp:") else "sms"
        return kyr(self.app).service.store.get(user_key(SECRET.encode(), channel, self.sender), time.time())

    def rate(self) -> list[float]:
        """This person's rate record: [window start, messages in it]."""
        channel = "whatsapp" if self.sender.startswith("whatsapp:") else "sms"
        key = rate_key(user_key(SECRET.encode(), channel, self.sender))
        return kyr(self.app).service.store.get(key, time.time())["r"]


def number() -> str:
    """A fresh fake phone number, so tests sharing the module's app never share a conversation."""
    return f"+1555555{next(_numbers):04d}"


def messages(twiml: bytes) -> list[str]:
    """The <Message> texts of a TwiML document."""
    root = ElementTree.fromstring(twiml)
    assert root.tag == "Response"
    return [m.text or "" for m in root.findall("Message")]


def reference(engine: Engine, texts: list[str], state: str | None = None, channel: str = "sms") -> list[tuple]:
    """The replies the service gives for these texts, without any channel in between (cut to the channel's
    default page, as the app's settings cut them)."""
    service = Service(engine, open_store("sqlite:///:memory:"), b"k")
    page = pages.for_channel(channel)
    return [service.handle(channel, "x", Inbound(t, time.time(), state_hint=state, page=page)).replies for t in texts]


def at(phone: Phone) -> str:
    """Where the person's conversation stands."""
    return Session.from_dict(phone.record()["s"]).at


# --- refusals -----------------------------------------------------------------------------------------
def test_channel_off_says_so_at_start_up_and_answers_503(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Without TWILIO_AUTH_TOKEN the route answers 503 with what to set, and start-up warns."""
    with caplog.at_level(logging.WARNING):
        off = create_app({"KYR_STORE": f"sqlite:///{tmp_path}/k.db", "KYR_SECRET": SECRET, "TWILIO_AUTH_TOKEN": ""})
    assert "channel twilio: off (set TWILIO_AUTH_TOKEN to answer SMS and WhatsApp)" in caplog.messages
    response = Phone(off, PHONE).post(load_twilio("sms"))
    assert (response.status_code, response.get_data(as_text=True)) == (503, "Twilio channel is off: set TWILIO_AUTH_TOKEN\n")


@pytest.mark.parametrize("signature", [None, "", "forged=", "sign-other-url", "sign-other-body"])
def test_missing_or_wrong_signature_is_403_and_nothing_stored(app: Flask, signature: str | None) -> None:
    """No header, an empty or forged one, one for another URL or another body: 403 and no record."""
    phone = Phone(app, number())
    form = phone.form("hi")
    if signature == "sign-other-url":
        signature = RequestValidator(TOKEN).compute_signature("https://evil.example/twilio", form)
    elif signature == "sign-other-body":
        signature = RequestValidator(TOKEN).compute_signature(phone.url, {**form, "Body": "bye"})
    response = phone.post(form, signature)
    expected = "Missing X-Twilio-Signature header\n" if not signature else \
        "Invalid X-Twilio-Signature: check TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL\n"
    assert (response.status_code, response.get_data(as_text=True)) == (403, expected)
    assert phone.record() is None


def test_only_form_bodies_are_accepted(app: Flask) -> None:
    """A JSON body is refused with 415 before anything else."""
    response = app.test_client().post("/twilio", json={"From": PHONE, "Body": "hi"})
    assert (response.status_code, response.get_data(as_text=True)) == \
        (415, "Twilio webhooks must be application/x-www-form-urlencoded\n")


@pytest.mark.parametrize("field", ["From", "MessageSid"])
def test_missing_from_or_message_sid_is_400(app: Flask, field: str) -> None:
    """A signed request without From or MessageSid is refused with 400 naming the field."""
    phone = Phone(app, number())
    form = {k: v for k, v in phone.form("hi").items() if k != field}
    response = phone.post(form)
    assert (response.status_code, response.get_data(as_text=True)) == (400, f"Missing form field: {field}\n")
    assert phone.record() is None


def test_without_public_base_url_the_proxied_url_is_checked(tmp_path: Path) -> None:
    """Without PUBLIC_BASE_URL the URL comes from the request, through X-Forwarded-* (ProxyFix); query kept."""
    plain = make_app(f"sqlite:///{tmp_path}/k.db", PUBLIC_BASE_URL="")
    direct = Phone(plain, "+15555550152", url="http://localhost/twilio?org=1")
    assert messages(direct.post(direct.form("hi"), path="/twilio?org=1").data)
    proxied = Phone(plain, "+15555550153", url="https://bot.example.net/twilio")
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "bot.example.net"}
    assert proxied.post(proxied.form("hi"), headers=forwarded).status_code == 200
    assert proxied.post(proxied.form("hi")).status_code == 403   # the proxy's headers are what was signed


# --- conversations -----------------------------------------------------------------------------------
def test_signed_sms_hi_gets_the_menu(app: Flask, engine: Engine) -> None:
    """The recorded "hi" is answered with one message: greeting, disclaimer and the numbered menu."""
    phone = Phone(app, PHONE)
    (body,) = phone.say()
    assert body == sms_text(reference(engine, ["hi"])[0][0])
    assert body.startswith("Hi, I am kyrbot.") and "\n1 ICE is at my door\n" in body
    assert at(phone) == "menu.start"


def test_whatsapp_on_the_same_route_with_bold_numbers(app: Flask, engine: Engine) -> None:
    """WhatsApp uses the same route and engine, its own conversation, and *bold* option numbers."""
    sms, whatsapp = Phone(app, number()), Phone(app, number(), "whatsapp")
    sms.say("hi")
    (body,) = whatsapp.say("hi")
    assert "\n*1* ICE is at my door\n*2* Held at the airport or border" in body
    whatsapp.say("1")
    assert (at(sms), at(whatsapp)) == ("menu.start", "ice_at_door.start")
    (recorded,) = Phone(app, number(), "whatsapp").say()   # the recorded "Hola"
    assert recorded == whatsapp_bodies(reference(engine, ["Hola"], channel="whatsapp")[0])[0]


@pytest.mark.parametrize("payload", ["mms_photo", "whatsapp_voice"])
def test_media_without_text_gets_the_media_reply(app: Flask, payload: str) -> None:
    """A photo or voice note with no text is answered with the media notice."""
    assert Phone(app, number(), payload).say() == [MEDIA]


def test_spanish_body_is_decoded_and_the_conversation_is_spanish(app: Flask, engine: Engine,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Accents and ¿ arrive intact; the reply is what the engine says to that text, in Spanish."""
    seen: list[tuple] = []
    handle = kyr(app).service.handle
    monkeypatch.setattr(kyr(app).service, "handle", lambda *a: seen.append(a) or handle(*a))
    phone = Phone(app, number())
    (body,) = phone.say(name="sms_spanish")
    text = "me detuvieron en el aeropuerto ¿qué hago? necesito información"
    channel, sender, inbound, sid = seen[0]
    assert (channel, sender, inbound.text, inbound.kind, inbound.state_hint) == ("sms", phone.number, text, "text", "CA")
    assert sid.startswith("SM")
    assert body == sms_bodies(reference(engine, [text], "CA")[0], pages.DEFAULT_FOLD)[0]
    assert Session.from_dict(phone.record()["s"]).lang == "es"


def test_a_body_longer_than_1600_is_cut(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """A forged 5000-character body reaches the service as its first 1600 characters."""
    seen: list[tuple] = []
    handle = kyr(app).service.handle
    monkeypatch.setattr(kyr(app).service, "handle", lambda *a: seen.append(a) or handle(*a))
    Phone(app, number()).say("ice " * 1250)
    assert seen[0][2].text == ("ice " * 400)


def test_redelivered_message_sid_gets_the_same_twiml_and_does_not_move(app: Flask) -> None:
    """Twilio's retry of the same MessageSid is answered the same and is not a second step."""
    phone = Phone(app, number())
    phone.say("hi")
    form = phone.form("1")
    first = phone.post(form)
    assert at(phone) == "ice_at_door.start"
    again = phone.post(form)
    assert (again.status_code, again.data) == (200, first.data)
    assert at(phone) == "ice_at_door.start"
    assert phone.rate()[1] == 2   # the retry was not counted as a message either


# --- carrier keywords --------------------------------------------------------------------------------
def test_stop_then_hi_then_start(app: Flask) -> None:
    """STOP: empty TwiML (Twilio confirms), only a hash kept; later messages silent; START: the menu."""
    phone = Phone(app, number())
    phone.say("hi")
    assert phone.say(name="sms_stop") == []
    assert phone.record() == {"o": 1, "l": "en"}
    assert phone.say("hi") == []
    assert phone.say("HELP") == []
    (body,) = phone.say("START")
    assert body.startswith("Hi, I am kyrbot.") and at(phone) == "menu.start"


@pytest.mark.parametrize("where", [["hi", "1"], ["hi", "6"]], ids=["mid-flow", "mid-question"])
@pytest.mark.parametrize("word", OPT_OUTS)
def test_opt_out_words_win_over_a_running_flow(app: Flask, where: list[str], word: str) -> None:
    """Every carrier opt-out word, any case, stops from inside a flow or a pending state question."""
    phone = Phone(app, number())
    for text in where:
        phone.say(text)
    assert Session.from_dict(phone.record()["s"]).pending == ("state_confirm" if where[-1] == "6" else None)
    assert phone.say(word) == []
    assert phone.record() == {"o": 1, "l": "en"}
    assert phone.say("start")[0].startswith("Hi, I am kyrbot.")


def test_yes_opts_back_in_with_the_menu(app: Flask) -> None:
    """Twilio's own opt-in word YES, after STOP, brings back the menu (not a 'Did you mean' question)."""
    phone = Phone(app, number())
    phone.say("STOP")
    assert phone.say("YES")[0].startswith("Hi, I am kyrbot.")


@pytest.mark.parametrize("word", ["HELP", "info"])
def test_help_mid_question_answers_help_and_stays(app: Flask, word: str) -> None:
    """HELP/INFO answers our help text with the current options, and the question stays open."""
    phone = Phone(app, number())
    phone.say("hi")
    phone.say("6")
    (body,) = phone.say(word)
    assert body.startswith(HELP + "\n\n1 National groups\n")
    assert (at(phone), Session.from_dict(phone.record()["s"]).pending) == ("get_help.start", "state_confirm")


def test_help_is_in_the_users_language(app: Flask, engine: Engine) -> None:
    """A Spanish speaker's HELP is answered with the Spanish help text."""
    phone = Phone(app, number())
    phone.say(name="sms_spanish")
    (body,) = phone.say("HELP")
    assert body.startswith(sms_text(Reply(engine.view.t("ui.help", "es"), (), "es"), accents=True) + "\n\n")


def test_whatsapp_stop_gets_the_bots_own_confirmation(app: Flask) -> None:
    """WhatsApp has no carrier opt-out: the bot confirms STOP itself, then is silent until START."""
    phone = Phone(app, number(), "whatsapp")
    phone.say("hi")
    assert phone.say("STOP") == [STOPPED]
    assert phone.say("hi") == []
    assert phone.say("START")[0].startswith("Hi, I am kyrbot.")


# --- rendering ---------------------------------------------------------------------------------------
def test_replies_of_a_turn_are_one_message_and_the_officer_card_a_second(app: Flask) -> None:
    """A turn's replies travel as one body; the English card for an officer is a second <Message>, headed so and
    GSM-7 even after Spanish text, so it can be shown on its own and is not billed as UCS-2."""
    phone = Phone(app, number())
    phone.say("hola")
    assert len(phone.say("1")) == 1  # the language picked and ICE at the door: one body
    told, card = phone.say("3")
    assert "el mensaje en inglés que llega después de este" in told and "I do not consent" not in told
    assert card.startswith("TO THE OFFICER:\nI do not consent to you entering my home.")
    assert sms_info(card)[0] == "GSM-7"


def test_whatsapp_sends_the_officer_card_as_a_message_of_its_own(app: Flask) -> None:
    phone = Phone(app, number(), "whatsapp")
    phone.say("ICE is at my door")
    told, card = phone.say("3")
    assert told.startswith("Show the officer the English message after this one")
    assert card.startswith("TO THE OFFICER:\n")


def test_a_body_over_1600_is_split_at_sentences() -> None:
    """Only past 1600 characters is a turn split, at sentence ends, and nothing is lost."""
    sentence = "Ask them to slide the warrant under the door. "
    replies = (Reply(sentence * 40, (Choice("1", "Back", "back"),)), Reply(sentence * 20))
    parts = sms_bodies(replies)
    assert [len(p) for p in parts] == [1563, 1205]   # 34 sentences; 6 sentences, options, 20 sentences
    assert parts[0] == (sentence * 34).strip() and parts[1].startswith(sentence * 6 + "\n\n1 Back\n\n")
    assert " ".join(parts).split() == "\n\n".join(sms_text(r) for r in replies).split()
    assert sms_bodies((Reply(sentence * 30),)) == [(sentence * 30)]   # 1380: one body, unchanged
    assert sms_bodies(()) == []


def test_segments_match_the_chat_tool(tmp_path: Path) -> None:
    """The bodies sent equal the chat tool's replies as an SMS carries them, and so do their costs."""
    app = make_app(f"sqlite:///{tmp_path}/k.db", KYR_SMS_FOLD_ACCENTS="es")
    pick = {code: str(i) for i, code in enumerate(kyr(app).engine.languages(), start=1)}
    texts = ["hi", "1", "2", "help", "back", "0", "7", "california", "more", "language", pick["es"], "1", "4",
             "language", pick["ar"], "menu", "3"]
    env = {**os.environ, "KYR_SMS_FOLD_ACCENTS": "es"}
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "chat.py"), "--json", "--channel", "sms"],
                         input="\n".join(texts) + "\n", capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    phone, view, encodings = Phone(app, number()), kyr(app).engine.view, set()
    for text, line in zip(texts, run.stdout.splitlines(), strict=True):
        turn, sent = json.loads(line), phone.say(text, FromState="")
        replies = [Reply(r["text"], tuple(Choice(**o) for o in r["options"]), turn["lang"], view.rtl(turn["lang"]))
                   for r in turn["replies"]]
        assert sent == ["\n\n".join(sms_text(r, accents=r.lang == "es") for r in replies)], text
        if len(replies) == 1:
            cost = (turn["replies"][0]["encoding"], turn["replies"][0]["segments"])
            assert sms_info(sent[0]) == cost, text
            encodings.add(cost[0])
    assert (turn["lang"], at(phone), encodings) == ("ar", f"{turn['flow']}.{turn['node']}", {"GSM-7", "UCS-2"})


# --- errors and privacy ------------------------------------------------------------------------------
def test_store_outage_answers_try_again_with_200(tmp_path: Path) -> None:
    """Redis down: TwiML with the 'try again' text and 200 (a 5xx would leave the person in silence)."""
    executable = shutil.which("redis-server")
    if executable is None:
        missing("redis-server not found on PATH")
    server = RedisServer(executable, _free_port(), tmp_path)
    server.start()
    try:
        phone = Phone(make_app(server.url), number())
        assert phone.say("hi")[0].startswith("Hi, I am kyrbot.")
        server.stop()
        assert phone.say("1") == [TRY_AGAIN]
        server.start()
        assert phone.say("hi")[0].startswith("Hi, I am kyrbot.")
    finally:
        server.stop()


def test_no_phone_number_or_message_body_at_rest_or_in_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """After a conversation, no file of the store and no log line holds the number, a body or a SID."""
    caplog.set_level(logging.DEBUG)
    app = make_app(f"sqlite:///{tmp_path}/store/kyr.db")
    sms, whatsapp = Phone(app, PHONE), Phone(app, PHONE, "whatsapp")
    bodies = ["hello zorblatt quokka", "my cousin Wexhampton was taken", "1", "STOP", "START"]
    for body in bodies:
        sms.say(body)
    whatsapp.say("whatsapp secret plumbus")
    sms.say(name="sms_spanish")
    raw = b"".join(p.read_bytes() for p in (tmp_path / "store").iterdir())
    assert len(raw) > 4096, "the store should hold the conversation"
    secrets = ["5555550142", "zorblatt", "Wexhampton", "plumbus", "detuvieron", "Ana P", *sms.sids, *whatsapp.sids]
    for secret in secrets:
        assert secret.encode() not in raw, secret
        assert secret not in caplog.text, secret


def test_whatsapp_right_to_left_bodies_carry_the_same_bidi_marks_as_sms(app: Flask, engine: Engine) -> None:
    """Arabic and Urdu WhatsApp bodies go through render.bidi_text like SMS: the marks sit where SMS has them."""
    from bot.text.render import LRM, bidi_text

    reply = Reply("اتصل بـ 1-844-363-1423 في U.S.", (Choice("1", "خيار", "x"),), "ar", True)
    (body,) = whatsapp_bodies((reply,))
    assert body.startswith(bidi_text(reply.text) + "\n\n") and f"{LRM}1-844-363-1423{LRM}" in body
    pick = {code: str(i) for i, code in enumerate(engine.languages(), start=1)}
    for lang in ("ar", "ur"):
        phone = Phone(app, number(), "whatsapp")
        phone.say("hi")
        phone.say("language")
        (body,) = phone.say(pick[lang])
        replies = reference(engine, ["hi", "language", pick[lang]], channel="whatsapp")[2]
        assert body == whatsapp_bodies(replies)[0]
        assert all(bidi_text(r.text) in body for r in replies), lang


@pytest.mark.parametrize("bodies", [[], ["Hi"], ['a & b <c> "q" \'x\'\r\n é', "2 ۱ <>"], ["\u200fمرحبا 1-844"]])
def test_twiml_is_byte_for_byte_what_twilios_own_builder_writes(bodies: list[str]) -> None:
    """Our direct TwiML writer (a quarter millisecond cheaper) matches twilio.twiml.MessagingResponse exactly."""
    from twilio.twiml.messaging_response import MessagingResponse

    from bot.channels.twilio.messaging import twiml

    expected = MessagingResponse()
    for body in bodies:
        expected.message(body)
    assert twiml(bodies).get_data(as_text=True) == str(expected)
