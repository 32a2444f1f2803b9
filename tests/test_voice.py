"""The phone line: signed Twilio Voice forms in, TwiML out — the language menu, keypad walks in English and
Spanish, speech through the router, * 9 0 8 #, silence, refusals, and languages no Twilio voice speaks."""
from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from urllib.parse import parse_qsl, urlencode
from xml.etree import ElementTree

import pytest
from flask import Flask
from twilio.request_validator import RequestValidator

from bot.channels.base import Incoming, Refusal, kyr
from bot.channels.twilio.messaging import BAD_SIGNATURE, NO_SIGNATURE, NOT_FORM
from bot.channels.voice.webhook import ADAPTER, OFF, voice_line
from bot.core.session import Inbound, Session
from bot.service.handler import Outcome
from bot.service.privacy import user_key
from bot.store import StoreUnavailable
from webhook import create_app

TOKEN = "test-auth-token-0123456789abcdef"
BASE = "https://kyr.example.org"
SECRET = "test-secret"
FORM = "application/x-www-form-urlencoded"
PAYLOADS = Path(__file__).parent / "payloads" / "twilio_voice"
_numbers = count(300)
EN_VOICE, ES_VOICE = ("Polly.Joanna-Neural", "en-US"), ("Polly.Lupe-Neural", "es-US")
LANGUAGE_KEYS = {"en": "1", "es": "2", "fr": "3", "pt": "4", "zh": "5", "ar": "6", "vi": "7", "ht": "8", "ur": "9"}


def load(name: str) -> dict[str, str]:
    """A recorded Twilio Voice body, fields in wire order."""
    raw = (PAYLOADS / f"{name}.urlencoded").read_text(encoding="utf-8").rstrip("\n")
    return dict(parse_qsl(raw, keep_blank_values=True, strict_parsing=True))


def number() -> str:
    """A fresh fake number, so tests sharing the module's app never share a conversation."""
    return f"+1555555{next(_numbers):04d}"


@dataclass
class TwiML:
    """A parsed answer: what is said (text, voice, language), played, and how the line listens."""

    root: ElementTree.Element
    says: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    plays: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        assert self.root.tag == "Response"
        for element in self.root.iter():
            if element.tag == "Say":
                self.says.append((element.text or "", element.get("voice"), element.get("language")))
            elif element.tag == "Play":
                self.plays.append(element.text or "")

    @property
    def text(self) -> str:
        """Everything said, one piece a line."""
        return "\n".join(t for t, _, _ in self.says)

    @property
    def gather(self) -> dict[str, str]:
        """The <Gather> attributes ({} when the line hangs up)."""
        found = self.root.find("Gather")
        return dict(found.attrib) if found is not None else {}

    @property
    def hangs_up(self) -> bool:
        """True when the answer ends the call."""
        return self.root.find("Hangup") is not None

    def verbs(self) -> list[str]:
        """The top-level verbs, in order."""
        return [child.tag for child in self.root]


class Caller:
    """One phone calling the line: signed requests in Twilio's real shape, one CallSid per call."""

    def __init__(self, app: Flask, phone: str | None = None, payload: str = "call") -> None:
        self.app, self.client, self.payload = app, app.test_client(), payload
        self.phone = phone or number()
        self.sid = f"CA{uuid.uuid4().hex}"

    def form(self, name: str, **fields: str) -> dict[str, str]:
        """A recorded body with this call's SID and number."""
        base = load(name)
        if name != "call_anonymous" and self.payload != "call_anonymous":
            base.update(From=self.phone, Caller=self.phone)
        elif name != "call_anonymous":
            base.update(From="+266696687", Caller="+266696687")
        return {**base, "CallSid": self.sid, **fields}

    def post(self, path: str, form: dict[str, str], signature: str | None = "sign", **kw):
        """POST a form, signed for BASE + path unless told otherwise."""
        headers = dict(kw.pop("headers", {}))
        if signature == "sign":
            signature = RequestValidator(TOKEN).compute_signature(BASE + path, form)
        if signature is not None:
            headers["X-Twilio-Signature"] = signature
        return self.client.post(path, data=urlencode(list(form.items())), content_type=FORM, headers=headers, **kw)

    def answer(self, path: str, form: dict[str, str]) -> TwiML:
        """POST and parse the TwiML answer."""
        response = self.post(path, form)
        assert response.status_code == 200, response.data
        assert response.mimetype == "application/xml"
        return TwiML(ElementTree.fromstring(response.data))

    def call(self) -> TwiML:
        """The call comes in."""
        return self.answer("/voice", self.form(self.payload))

    def press(self, digits: str) -> TwiML:
        """Keys at a prompt."""
        return self.answer("/voice/gather", self.form("gather_digits", Digits=digits))

    def say(self, words: str, confidence: str = "0.9264256") -> TwiML:
        """Words at a prompt, as Twilio's speech recognition gives them."""
        return self.answer("/voice/gather", self.form("gather_speech", SpeechResult=words, Confidence=confidence))

    def silence(self) -> TwiML:
        """The prompt times out (actionOnEmptyResult)."""
        return self.answer("/voice/gather", self.form("gather_empty"))

    def record(self) -> dict | None:
        """The conversation the number has in the store (the same key as its text messages)."""
        key = user_key(SECRET.encode(), "sms", self.phone)
        return kyr(self.app).service.store.get(key, time.time())


class Texts:
    """A test double for the outbound sender behind 'press 8' (the queue's, tests/test_voice_person.py)."""

    def __init__(self, works: bool = True) -> None:
        self.works, self.sent = works, []

    def send(self, to: str, outcome: Outcome) -> bool:
        """Remember what would go out."""
        self.sent.append((to, outcome))
        return self.works


def make_app(tmp: Path, engine=None, **extra: str) -> Flask:
    """An app with the voice channel on (on the session's engine: the content loads once)."""
    config = {"KYR_STORE": f"sqlite:///{tmp}/kyr.db", "KYR_SECRET": SECRET, "TWILIO_AUTH_TOKEN": TOKEN,
              "PUBLIC_BASE_URL": BASE, "KYR_VOICE_AUDIO": str(tmp / "audio")}
    return create_app({**config, **extra}, engine=engine)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, engine) -> Flask:
    """One app for the module; each test calls from its own number."""
    return make_app(tmp_path_factory.mktemp("voice"), engine)


def ear(app: Flask, msg_id: str, lang: str = "en", **values: str) -> str:
    """A message as the line says it."""
    speaker = voice_line(app).speaker
    return speaker.ear(speaker.t(msg_id, lang, **values), lang, False)


def node_ear(app: Flask, key: str, lang: str = "en") -> str:
    """A node's text (its voice variant where there is one) as the line says it."""
    speaker = voice_line(app).speaker
    node = speaker.content.node(key)
    return speaker.ear(speaker.view.node_text(node, Session(at=key, lang=lang)), lang, False)


# --- the language menu --------------------------------------------------------------------------------------
def test_a_new_caller_hears_the_language_menu_each_language_in_its_own_voice(app: Flask) -> None:
    answer = Caller(app).call()
    assert answer.says == [
        ("For English, press 1.", *EN_VOICE),
        ("Para Español, oprima 2.", *ES_VOICE),
        ("Pour le Français, appuyez sur 3.", "Polly.Lea-Neural", "fr-FR"),
        ("Para Português, aperte 4.", "Polly.Camila-Neural", "pt-BR"),
        ("中文请按5。", "Polly.Zhiyu-Neural", "cmn-CN"),
        ("للغة العربية، اضغط 6.", "Polly.Zeina", "arb"),
        ("Để nghe Tiếng Việt, bấm 7.", "Google.vi-VN-Standard-A", "vi-VN"),
        ("For Haitian Creole, press 8.", *EN_VOICE),   # no Twilio voice: English, unless a recording exists
        ("For Urdu, press 9.", *EN_VOICE),
    ]
    assert answer.gather == {"action": f"{BASE}/voice/gather", "method": "POST", "actionOnEmptyResult": "true",
                             "input": "dtmf", "timeout": "6", "numDigits": "1", "finishOnKey": ""}


def test_a_number_with_a_conversation_goes_straight_on_in_its_language(app: Flask) -> None:
    caller = Caller(app)
    service = kyr(app).service
    service.handle("sms", caller.phone, Inbound("hola, necesito ayuda", time.time()))   # texted before, in Spanish
    answer = caller.call()
    assert answer.says[0][1:] == ES_VOICE
    assert answer.says[0][0].startswith("Hola, soy kyrbot.")
    assert node_ear(app, "menu.start", "es") in answer.text          # the voice variant, not "Responda con un número"
    assert "Responda con un número" not in answer.text
    assert Session.from_dict(caller.record()["s"]).lang == "es"                     # one conversation for texts and calls


# --- keypad walks -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_full_ice_at_the_door_walk_by_keypad(app: Flask, lang: str) -> None:
    caller, voice = Caller(app), (EN_VOICE if lang == "en" else ES_VOICE)
    caller.call()
    menu = caller.press(LANGUAGE_KEYS[lang])
    assert ear(app, "ui.welcome", lang) in menu.text and ear(app, "ui.disclaimer", lang) in menu.text
    assert ear(app, "ui.voice_press", lang, key="1", label=voice_line(app).speaker.t("ice_at_door.title", lang)) in menu.text
    assert {(v, lang_) for _, v, lang_ in menu.says} == {voice}      # all in the caller's voice
    assert menu.gather["language"] == voice[1] and menu.gather["input"] == "dtmf speech"

    start = caller.press("1")                                      # ICE is at my door
    assert node_ear(app, "ice_at_door.start", lang) in start.text
    assert "- " not in start.text                                   # bullets are not read
    assert ear(app, "ui.voice_back", lang) in start.text and ear(app, "ui.voice_repeat", lang) in start.text

    warrant = caller.press("1")                                    # how to check their warrant
    assert node_ear(app, "ice_at_door.warrant", lang) in warrant.text
    officer = caller.press("4")                                    # show this to the officer
    assert node_ear(app, "ice_at_door.officer", lang) in officer.text   # "put your phone on speaker"
    card = [s for s in officer.says if "I do not consent to you entering my home" in s[0]]
    assert card and card[0][1:] == EN_VOICE                          # the officer hears English, in an English voice
    silent = caller.press("1")                                     # your right to stay silent
    assert node_ear(app, "ice_at_door.silent", lang) in silent.text
    back = caller.press("9")
    assert node_ear(app, "ice_at_door.officer", lang) in back.text
    again = caller.press("*")
    assert again.says == back.says                                  # * repeats exactly
    home = caller.press("#")
    assert node_ear(app, "menu.start", lang) in home.text
    assert Session.from_dict(caller.record()["s"]).at == "menu.start"


def test_after_node_reads_the_hotline_digit_by_digit(app: Flask) -> None:
    caller = Caller(app)
    caller.call()
    caller.press("1")
    caller.press("1")
    after = caller.press("6")                                      # after they leave: MigraWatch's number
    assert "1, 8 4 4, 3 6 3, 1 4 2 3" in after.text
    assert "1-844-363-1423" not in after.text


# --- speech -------------------------------------------------------------------------------------------------
def test_speech_goes_through_the_same_router_as_text(app: Flask, engine) -> None:
    caller = Caller(app)
    caller.call()
    caller.press("1")
    heard = caller.answer("/voice/gather", caller.form("gather_speech"))   # "ICE is at my door."
    assert node_ear(app, "ice_at_door.start") in heard.text
    routed, _ = engine.route("ICE is at my door.")
    assert routed is not None and routed.target == "ice_at_door" and Session.from_dict(caller.record()["s"]).at == "ice_at_door.start"


def test_spanish_speech_in_a_spanish_call(app: Flask) -> None:
    caller = Caller(app)
    caller.call()
    caller.press("2")
    heard = caller.say("la migra está en mi puerta")
    assert node_ear(app, "ice_at_door.start", "es") in heard.text
    assert heard.gather["language"] == "es-US"


def test_saying_stop_hangs_up_and_never_opts_the_number_out_of_texts(app: Flask) -> None:
    caller = Caller(app)
    caller.call()
    caller.press("1")
    bye = caller.say("stop")
    assert bye.hangs_up and bye.text == ear(app, "ui.voice_goodbye")
    assert "o" not in caller.record()                               # no SMS opt-out recorded


def test_saying_delete_erases_the_conversation_and_ends_the_call(app: Flask) -> None:
    caller = Caller(app)
    caller.call()
    caller.press("1")
    bye = caller.say("delete my data")
    assert bye.hangs_up
    assert bye.text == f"{ear(app, 'ui.voice_deleted')}\n{ear(app, 'ui.voice_goodbye')}"
    assert caller.record() is None


# --- 0, 8, silence ------------------------------------------------------------------------------------------
def test_0_reads_the_hotlines_slowly_twice_then_gives_the_step_back(app: Flask) -> None:
    caller = Caller(app)
    caller.call()
    caller.press("1")
    step = caller.press("1")
    person = caller.press("0")
    numbers = "1, 8 4 4, 3 6 3, 1 4 2 3"
    assert person.text.count(ear(app, "ui.voice_no_person")) == 2 and person.text.count(numbers) == 2
    assert person.verbs() == ["Say", "Say", "Pause", "Say", "Say", "Pause", "Redirect"]
    redirect = person.root.find("Redirect")
    assert redirect.text == f"{BASE}/voice/resume" and redirect.get("method") == "POST"
    back = caller.answer("/voice/resume", caller.form("gather_empty"))
    assert back.says == step.says


def test_8_texts_the_step_with_its_links_to_the_calling_number(tmp_path: Path, engine) -> None:
    app = make_app(tmp_path, engine)
    texts = voice_line(app).texts = Texts()
    caller = Caller(app)
    caller.call()
    caller.press("1")
    detained = caller.press("4")                                   # find someone detained: ICE's locator
    assert "locator.ice.gov" not in detained.text and ear(app, "ui.voice_link") in detained.text
    assert ear(app, "ui.voice_text_me") in detained.text
    sent = caller.press("8")
    assert sent.says[0][0] == ear(app, "ui.voice_texted")
    assert node_ear(app, "find_detained.start") not in sent.text     # only the prompt again, not the whole text
    [(to, outcome)] = texts.sent
    assert to == caller.phone and "locator.ice.gov/odls" in outcome.replies[0].text
    assert [o.key for o in outcome.replies[0].options][:1] == ["1"]   # it reads as the SMS channel's message


def test_8_says_so_when_the_text_could_not_be_sent(tmp_path: Path, engine) -> None:
    app = make_app(tmp_path, engine)
    voice_line(app).texts = Texts(works=False)
    caller = Caller(app)
    caller.call()
    caller.press("1")
    assert caller.press("8").says[0][0] == ear(app, "ui.voice_no_text")


def test_without_a_sender_8_is_not_offered(app: Flask) -> None:
    caller = Caller(app)
    caller.call()
    answer = caller.press("1")
    assert ear(app, "ui.voice_text_me") not in answer.text


def test_silence_asks_again_then_says_goodbye(app: Flask) -> None:
    caller = Caller(app)
    caller.call()
    step = caller.press("1")
    once = caller.silence()
    assert once.says[0][0] == ear(app, "ui.voice_no_input") and once.says[1:] == step.says
    caller.silence()
    bye = caller.silence()
    assert bye.hangs_up and bye.text == ear(app, "ui.voice_goodbye")


def test_every_prompt_waits_a_set_time(app: Flask) -> None:
    caller = Caller(app)
    for answer in (caller.call(), caller.press("1"), caller.press("6")):   # ...find legal help: which state?
        assert answer.gather["timeout"] in ("6", "8") and answer.gather["actionOnEmptyResult"] == "true"
    assert answer.gather["finishOnKey"] == "#" and "numDigits" not in answer.gather   # a ZIP code, then #
    orgs = caller.press("80202")
    assert "Colorado" in orgs.text


# --- refusals -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/voice", "/voice/gather", "/voice/resume"])
def test_a_forged_signature_is_refused(app: Flask, path: str) -> None:
    caller = Caller(app)
    form = caller.form("call")
    forged = RequestValidator("someone-elses-token").compute_signature(BASE + path, form)
    response = caller.post(path, form, signature=forged)
    assert (response.status_code, response.get_data(as_text=True)) == (403, BAD_SIGNATURE + "\n")
    assert caller.post(path, form, signature=None).get_data(as_text=True) == NO_SIGNATURE + "\n"
    tampered = {**form, "From": "+15555550199"}
    signed_for_other = RequestValidator(TOKEN).compute_signature(BASE + path, form)
    assert caller.post(path, tampered, signature=signed_for_other).status_code == 403


def test_refusals_name_the_problem(tmp_path: Path, app: Flask, engine) -> None:
    caller = Caller(app)
    response = caller.client.post("/voice", json={"CallSid": "CA1"})
    assert (response.status_code, response.get_data(as_text=True)) == (415, NOT_FORM + "\n")
    missing = caller.post("/voice", {k: v for k, v in caller.form("call").items() if k != "CallSid"})
    assert (missing.status_code, missing.get_data(as_text=True)) == (400, "Missing form field: CallSid\n")
    off = Caller(create_app({"KYR_STORE": f"sqlite:///{tmp_path}/off.db", "KYR_SECRET": SECRET}, engine=engine))
    response = off.post("/voice", off.form("call"))
    assert (response.status_code, response.get_data(as_text=True)) == (503, OFF + "\n")


def test_behind_a_proxy_the_signed_url_and_the_next_urls_come_from_forwarded_headers(tmp_path: Path, engine) -> None:
    config = {"KYR_STORE": f"sqlite:///{tmp_path}/p.db", "KYR_SECRET": SECRET, "TWILIO_AUTH_TOKEN": TOKEN}
    app = create_app(config, engine=engine)
    caller = Caller(app)
    form = caller.form("call")
    public = "https://calls.example.net/kyr/voice"
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "calls.example.net", "X-Forwarded-Prefix": "/kyr"}
    response = caller.post("/voice", form, RequestValidator(TOKEN).compute_signature(public, form), headers=headers)
    assert response.status_code == 200
    assert b'action="https://calls.example.net/kyr/voice/gather"' in response.data


# --- opted-out and withheld numbers -------------------------------------------------------------------------
def test_a_number_that_texted_stop_still_gets_help_in_a_call_of_its_own(tmp_path: Path, engine) -> None:
    app = make_app(tmp_path, engine)
    voice_line(app).texts = Texts()
    caller = Caller(app)
    kyr(app).service.handle("sms", caller.phone, Inbound("STOP", time.time()))
    menu = caller.call()
    assert menu.says[0][0] == "For English, press 1."
    welcome = caller.press("1")
    assert ear(app, "ui.welcome") in welcome.text
    assert ear(app, "ui.voice_text_me") not in welcome.text         # never text a number that opted out
    assert caller.record() == {"o": 1, "l": "en"}                    # the opt-out is untouched


def test_withheld_numbers_do_not_share_a_conversation(app: Flask) -> None:
    first, second = Caller(app, payload="call_anonymous"), Caller(app, payload="call_anonymous")
    first.call()
    first.press("2")                                                # Spanish
    menu = second.call()
    assert menu.says[0][0] == "For English, press 1."             # the second caller starts afresh
    assert ear(app, "ui.voice_text_me") not in second.press("1").text


# --- languages without a Twilio voice ------------------------------------------------------------------------
def test_urdu_without_recordings_says_so_in_english_and_offers_text_english_another_language_or_a_person(
        tmp_path: Path, engine) -> None:
    app = make_app(tmp_path, engine)
    texts = voice_line(app).texts = Texts()
    caller = Caller(app)
    caller.call()
    notice = caller.press(LANGUAGE_KEYS["ur"])
    assert notice.says == [(ear(app, "ui.voice_not_available", "en", language="Urdu"), *EN_VOICE)]
    assert notice.plays == []
    assert notice.gather["language"] == "ur-PK" and notice.gather["input"] == "dtmf speech"   # Twilio hears Urdu
    sms = caller.press("8")
    assert sms.says[0] == (ear(app, "ui.voice_texted", "en"), *EN_VOICE)    # no Urdu voice, no recording yet
    assert sms.says[1:] == notice.says
    [(to, outcome)] = texts.sent
    assert outcome.replies[0].lang == "ur" and "کس چیز میں مدد چاہیے" in outcome.replies[0].text
    english = caller.press("1")
    assert ear(app, "ui.voice_language_set") in english.text and english.says[0][1:] == EN_VOICE
    assert Session.from_dict(caller.record()["s"]).lang == "en"


def test_haitian_creole_is_keypad_only_and_2_gives_the_language_menu(app: Flask) -> None:
    caller = Caller(app)
    caller.call()
    notice = caller.press(LANGUAGE_KEYS["ht"])
    assert notice.text == ear(app, "ui.voice_not_available", "en", language="Haitian Creole")
    assert notice.gather["input"] == "dtmf" and "language" not in notice.gather          # no speech for ht
    assert caller.press("2").says[0][0] == "For English, press 1."


def test_urdu_with_recordings_plays_them(tmp_path: Path, engine) -> None:
    app = make_app(tmp_path, engine)
    for audio_id in ("menu.start", "ui.welcome", "ui.voice_repeat", "ui.voice_not_available"):
        path = tmp_path / "audio" / "ur" / f"{audio_id}.mp3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"ID3 fake mp3 " + audio_id.encode())
    caller = Caller(app)
    caller.call()
    played = caller.press(LANGUAGE_KEYS["ur"])
    audio = f"{BASE}/voice/audio/ur"
    assert played.plays == [f"{audio}/ui.welcome.mp3", f"{audio}/menu.start.mp3", f"{audio}/ui.voice_repeat.mp3"]
    assert [s[0] for s in played.says] == [ear(app, "ui.disclaimer", "en"), ear(app, "ui.voice_person", "en")]
    deeper = caller.press("1")                                     # no recording for ice_at_door.start yet
    assert deeper.plays == [f"{audio}/ui.voice_not_available.mp3"]   # the recorded notice, then the English
    assert deeper.says == [(ear(app, "ui.voice_not_available", "en", language="Urdu"), *EN_VOICE)]
    served = app.test_client().get("/voice/audio/ur/menu.start.mp3")
    assert (served.status_code, served.mimetype, served.data) == (200, "audio/mpeg", b"ID3 fake mp3 menu.start")
    for bad in ("/voice/audio/ur/..%2Fkyr.db", "/voice/audio/ur/menu.start.wav", "/voice/audio/drafts/x.y.mp3",
                "/voice/audio/ur/nothing.here.mp3", "/voice/audio/..%2F..%2Fetc/passwd.mp3"):
        assert app.test_client().get(bad).status_code == 404, bad


# --- the pieces behind the routes ---------------------------------------------------------------------------
def test_without_a_queue_8_says_this_line_cannot_text(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    caller = Caller(app)
    caller.call()
    step = caller.press("1")
    assert ear(app, "ui.voice_text_me") not in step.text                  # not offered...
    with caplog.at_level(logging.INFO, logger="bot.channels.voice.line"):
        said = caller.press("8")                                          # ...and pressed anyway: said clearly
    assert said.says[0][0] == ear(app, "ui.voice_text_off")
    assert "voice: text message not sent: no outbound queue (docs/voice.md, press 8)" in caplog.messages
    assert caller.phone not in caplog.text


def test_the_adapter_parses_a_signed_form_and_renders_an_outcome(app: Flask) -> None:
    caller = Caller(app)
    form = caller.form("gather_speech")
    body = urlencode(list(form.items()))
    signature = RequestValidator(TOKEN).compute_signature(BASE + "/voice/gather", form)
    with app.test_request_context("/voice/gather", method="POST", data=body, content_type=FORM,
                                  headers={"X-Twilio-Signature": signature}):
        from flask import request
        incoming = ADAPTER.parse(request)
        assert isinstance(incoming, Incoming)
        assert (incoming.channel, incoming.sender, incoming.inbound.text) == ("sms", caller.phone, "ICE is at my door.")
        assert incoming.context["call"] == caller.sid and incoming.context["digits"] == ""
        outcome = kyr(app).service.handle("sms", caller.phone, incoming.inbound)
        answer = TwiML(ElementTree.fromstring(ADAPTER.render(incoming, outcome).data))
        assert answer.says[0][0].startswith("Do not open the door.") and answer.gather["action"].endswith("/gather")
    with app.test_request_context("/voice", method="POST", data=body, content_type=FORM):
        from flask import request
        assert ADAPTER.parse(request) == Refusal(403, NO_SIGNATURE)


def test_a_store_outage_ends_the_call_kindly(tmp_path: Path, engine, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(tmp_path, engine)
    caller = Caller(app)
    caller.call()

    def down(*args, **kwargs):
        raise StoreUnavailable("redis is down")

    monkeypatch.setattr(voice_line(app).calls.store, "get", down)
    answer = caller.press("1")
    assert answer.hangs_up and answer.says == [(ear(app, "ui.voice_try_again"), *EN_VOICE)]


def test_the_voice_demo_page_carries_the_demos_protections(tmp_path: Path, engine) -> None:
    """Its own CSP (recordings may play: media-src), and no sniffing or referrers, as every page of the app."""
    response = make_app(tmp_path, engine, KYR_WEB_DEMO="1").test_client().get("/voice/demo")
    assert response.status_code == 200
    assert "media-src 'self'" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert (response.headers["X-Content-Type-Options"], response.headers["Referrer-Policy"]) == ("nosniff", "no-referrer")
