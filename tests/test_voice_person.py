"""The phone line's 0 and 8 with the hand-off configured, over real HTTP: signed Twilio Voice forms to /voice,
/voice/gather and /voice/dialed; the case's card reaching the responders' group through the fake Bot API, a
volunteer's reply and "press 8" reaching the caller through the outbound queue and the fake Twilio REST API; <Dial>
within a hotline's hours, the numbers read twice outside them; withheld numbers; KYR_HOTLINE_DIAL's errors."""
from __future__ import annotations

import logging
import time
import uuid
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from twilio.request_validator import RequestValidator

from bot.channels.voice.texting import QueuedTexts
from bot.channels.voice.webhook import voice_line
from bot.core.engine import Engine
from bot.core.session import Reply
from bot.handoff.cases import OPEN
from bot.service.handler import Outcome
from bot.service.runtime import ConfigError, settings_from
from tests.fakes import FakeBotApi, FakeTwilioApi
from tests.handoff_rig import ANA, BASE, BOT_NUMBER, ORG, TOKEN, Rig
from tests.test_voice import TwiML, load

PERSON = "+15555550142"
HOTLINE, SECOND = "+15555550177", "+15555550178"
ALWAYS = "Mon-Sun 00:00-24:00 America/New_York"
OFFICE = "Mon-Fri 09:00-18:00 America/New_York"
SUNDAY_NOON = datetime(2026, 12, 6, 12, 0, tzinfo=ZoneInfo("America/New_York")).timestamp()
WITHHELD = "+266696687"


class Phone:
    """One call to the rig's line, in Twilio's real shape, signed, over HTTP."""

    def __init__(self, rig: Rig, phone: str = PERSON) -> None:
        self.rig, self.phone, self.sid = rig, phone, f"CA{uuid.uuid4().hex}"

    def post(self, path: str, name: str, **fields: str) -> TwiML:
        form = {**load(name), "From": self.phone, "Caller": self.phone, "CallSid": self.sid, **fields}
        signature = RequestValidator(TOKEN).compute_signature(BASE + path, form)
        response = self.rig.http.post(self.rig.url + path, data=urlencode(list(form.items())), timeout=30, headers={
            "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})
        assert response.status_code == 200, response.text
        return TwiML(ElementTree.fromstring(response.content))

    def call(self) -> TwiML:
        return self.post("/voice", "call")

    def press(self, digits: str) -> TwiML:
        return self.post("/voice/gather", "gather_digits", Digits=digits)

    def dial_ended(self, status: str) -> TwiML:
        return self.post("/voice/dialed", "dial_ended", DialCallStatus=status)


def said(app: Flask, msg_id: str, lang: str = "en", **values: str) -> str:
    """A prompt as the line says it."""
    speaker = voice_line(app).speaker
    return speaker.ear(speaker.t(msg_id, lang, **values), lang, False)


def numbers(app: Flask, lang: str = "en") -> str:
    """The hotlines as the line reads them."""
    line = voice_line(app)
    return line.person.fallback.numbers(line, lang)  # type: ignore[attr-defined]


def to_person(phone: Phone) -> TwiML:
    """Call, English, 0: the situation question."""
    phone.call()
    phone.press("1")
    return phone.press("0")


def stored_bytes(tmp_path: Path) -> bytes:
    """Every byte the store and the queue keep on disk (SQLite files and their WALs)."""
    return b"".join(p.read_bytes() for p in tmp_path.rglob("*.db*") if p.is_file())


# --- press 0: a case by keypad, then <Dial> ------------------------------------------------------------------
def test_0_opens_a_case_by_keypad_and_dials_the_hotline_within_its_hours(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    dial = f"{HOTLINE} {ALWAYS}; {SECOND} {ALWAYS}"
    with Rig(engine, tmp_path, bot_api, twilio, KYR_HOTLINE_DIAL=dial) as rig:
        app, phone = rig.app, Phone(rig)
        about = to_person(phone)
        assert about.says[0][0] == said(app, "ui.voice_person_about", org=ORG)
        assert [s[0] for s in about.says[1:5]] == [
            "Press 1 for Someone is held at an airport.", "Press 2 for ICE is at the door now.",
            "Press 3 for Someone was detained.", "Press 4 for A general question."]
        assert about.gather["input"] == "dtmf" and "language" not in about.gather   # keypad only
        assert phone.press("*").says == about.says                                  # * repeats the question

        consent = phone.press("2")                                                  # ICE is at the door now
        assert consent.says[0][0] == said(app, "ui.voice_person_consent", org=ORG)
        assert "text you back at this number" in consent.says[0][0]
        assert rig.desk.cases.current(rig.service.key("sms", PERSON), time.time()) is None    # nothing before consent

        connected = phone.press("1")                                                # yes
        case = rig.desk.cases.current(rig.service.key("sms", PERSON), time.time())
        assert case is not None and case.status == OPEN and case.kind == "door"
        assert (case.private.address, case.private.channel, case.private.via) == (PERSON, "sms", "voice")
        digits = " ".join(str(case.number))
        assert connected.text.split("\n")[:2] == [
            said(app, "ui.voice_case_opened", case=digits, minutes="15", org=ORG), said(app, "ui.voice_connecting")]
        assert connected.verbs() == ["Say", "Say", "Dial"]
        dial_verb = connected.root.find("Dial")
        assert dial_verb.attrib == {"callerId": PERSON, "timeout": "25", "action": f"{BASE}/voice/dialed",
                                    "method": "POST"}                              # no record attribute
        assert [n.text for n in dial_verb.iter("Number")] == [HOTLINE, SECOND]     # both ring, first answer wins

        (card,) = rig.group_messages(1)
        assert card["text"].startswith(f"Case #{case.number}: ICE is at the door now\n")
        assert "Language: English (en) - via phone call (press 0), replies by SMS" in card["text"]
        assert "5550142" not in card["text"]                                        # the number stays sealed
        assert b"5555550142" not in stored_bytes(tmp_path)

        rig.press(ANA, f"c:claim:{case.number}", rig.card_id())
        rig.reply_in_group(ANA, "We are on our way. Do not open the door.", rig.card_id())
        texts = twilio.wait_for(2, to=PERSON)                                      # claimed, then the reply
        assert texts[-1] == {"To": PERSON, "From": BOT_NUMBER,
                             "Body": f"{ORG} volunteer: We are on our way. Do not open the door."}

        nobody = phone.dial_ended("no-answer")
        reading = [said(app, "ui.voice_hotlines"), numbers(app)]
        assert nobody.text.split("\n") == [said(app, "ui.voice_no_answer"), *reading, *reading]
        assert nobody.root.find("Redirect").text == f"{BASE}/voice/resume"
        back = phone.post("/voice/resume", "gather_empty")
        assert said(app, "ui.voice_person") in back.text and said(app, "ui.voice_person_about", org=ORG) not in back.text


def test_after_a_talk_with_the_hotline_the_line_says_goodbye(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, KYR_HOTLINE_DIAL=HOTLINE) as rig:
        phone = Phone(rig)
        to_person(phone)
        phone.press("4")
        assert phone.press("2").root.find("Dial") is not None                      # no: nothing shared, still a person
        assert rig.desk.cases.current(rig.service.key("sms", PERSON), time.time()) is None
        done = phone.dial_ended("completed")
        assert done.hangs_up and done.text == said(rig.app, "ui.voice_goodbye")


def test_outside_the_hotlines_hours_the_case_opens_and_the_numbers_are_read_twice(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, KYR_HOTLINE_DIAL=f"{HOTLINE} {OFFICE}",
             KYR_RESPONDER_HOURS=OFFICE) as rig:
        app = rig.app
        voice_line(app).person.clock = lambda: SUNDAY_NOON  # type: ignore[attr-defined]
        phone = Phone(rig)
        to_person(phone)
        phone.press("1")                                                            # someone held at an airport
        answer = phone.press("1")
        case = rig.desk.cases.current(rig.service.key("sms", PERSON), SUNDAY_NOON)
        assert case is not None and case.kind == "airport"
        slow = voice_line(app).speaker.view.t("person.msg.slow", "en").replace("{hours}", OFFICE)
        reading = [said(app, "ui.voice_hotlines"), numbers(app)]
        opened = said(app, "ui.voice_case_opened", case=" ".join(str(case.number)), minutes="15", org=ORG)
        assert answer.text.split("\n") == [opened, slow, *reading, *reading]
        assert answer.root.find("Dial") is None and answer.verbs()[-1] == "Redirect"
        rig.group_messages(1)


def test_without_hotlines_to_dial_the_case_opens_then_the_numbers_twice_in_spanish(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        app, phone = rig.app, Phone(rig)
        phone.call()
        phone.press("2")                                                            # Spanish
        about = phone.press("0")
        assert about.says[0] == (said(app, "ui.voice_person_about", "es", org=ORG), "Polly.Lupe-Neural", "es-US")
        phone.press("3")                                                            # someone was detained
        answer = phone.press("1")
        reading = [said(app, "ui.voice_hotlines", "es"), numbers(app, "es")]
        assert answer.text.split("\n")[1:] == [*reading, *reading]
        (card,) = rig.group_messages(1)
        assert "Someone was detained" in card["text"] and "Language: Español (es)" in card["text"]


def test_delete_said_on_the_call_erases_the_case_it_opened(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        phone = Phone(rig)
        to_person(phone)
        phone.press("2")
        phone.press("1")
        user = rig.service.key("sms", PERSON)
        number = rig.desk.cases.current(user, time.time()).number
        rig.group_messages(1)
        bye = phone.post("/voice/gather", "gather_speech", SpeechResult="Delete my data.")
        assert bye.hangs_up and said(rig.app, "ui.voice_deleted") in bye.text
        assert rig.desk.cases.get(number, time.time()) is None
        notes = rig.group_messages(2)
        assert notes[-1]["text"] == f"Case #{number} was erased at the person's request."


def test_a_withheld_number_gets_no_case_only_the_hotline_shown_this_lines_number(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, KYR_HOTLINE_DIAL=HOTLINE) as rig:
        phone = Phone(rig, WITHHELD)
        answer = to_person(phone)
        assert answer.text == said(rig.app, "ui.voice_connecting")                 # no questions: no way to reply
        assert answer.root.find("Dial").get("callerId") == BOT_NUMBER              # the caller stays anonymous
        rig.idle()
        assert rig.bot_api.calls("sendMessage") == []


def test_a_withheld_number_without_hotlines_to_dial_hears_the_numbers_twice(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        answer = to_person(Phone(rig, WITHHELD))
        reading = [said(rig.app, "ui.voice_hotlines"), numbers(rig.app)]
        assert answer.text.split("\n") == [*reading, *reading]


def test_9_at_the_questions_gives_the_step_back(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        phone = Phone(rig)
        phone.call()
        menu = phone.press("1")
        phone.press("0")
        phone.press("1")
        assert phone.press("9").root.find("Redirect").text == f"{BASE}/voice/resume"
        assert phone.post("/voice/resume", "gather_empty").says == menu.says       # the step, as it was


# --- press 8: through the outbound queue -----------------------------------------------------------------------
def test_8_queues_the_step_by_sms_from_the_bots_number(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                         twilio: FakeTwilioApi, caplog: pytest.LogCaptureFixture) -> None:
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        phone = Phone(rig)
        phone.call()
        phone.press("1")
        detained = phone.press("4")                                                 # find someone detained
        assert said(rig.app, "ui.voice_text_me") in detained.text
        with caplog.at_level(logging.INFO):
            sent = phone.press("8")
            (sms,) = twilio.wait_for(1, to=PERSON)
        assert sent.says[0][0] == said(rig.app, "ui.voice_texted")
        assert sms["From"] == BOT_NUMBER and "locator.ice.gov/odls" in sms["Body"]
        assert "5550142" not in caplog.text and "locator" not in caplog.text      # no number, no text in logs
        assert "voice: text message queued" in caplog.messages


def test_a_queue_that_refuses_is_reported_without_the_number(caplog: pytest.LogCaptureFixture) -> None:
    class Broken:
        def send(self, message: object) -> str:
            raise OSError("disk I/O error")

    with caplog.at_level(logging.WARNING):
        assert not QueuedTexts(Broken()).send(PERSON, Outcome((Reply("Do not open the door."),)))  # type: ignore[arg-type]
    assert caplog.messages == ["voice: text message not queued: OSError"]


# --- without volunteers: <Dial> alone ----------------------------------------------------------------------------
def test_hotlines_to_dial_without_volunteers_connect_at_once(tmp_path: Path, engine: Engine) -> None:
    from tests.test_voice import Caller, make_app

    app = make_app(tmp_path, engine, KYR_HOTLINE_DIAL=f"{HOTLINE} {ALWAYS}")
    caller = Caller(app)
    caller.call()
    caller.press("1")
    answer = caller.press("0")
    assert answer.text == said(app, "ui.voice_connecting")
    assert answer.root.find("Dial").get("callerId") == caller.phone
    nobody = caller.answer("/voice/dialed", caller.form("dial_ended", DialCallStatus="busy"))
    reading = [said(app, "ui.voice_hotlines"), numbers(app)]
    assert nobody.text.split("\n") == [said(app, "ui.voice_no_answer"), *reading, *reading]


def test_the_demos_fake_volunteers_never_take_a_phone_call(tmp_path: Path, engine: Engine) -> None:
    from tests.test_voice import Caller, make_app

    app = make_app(tmp_path, engine, KYR_DEMO_RESPONDERS="1")
    caller = Caller(app)
    caller.call()
    caller.press("1")
    answer = caller.press("0")
    reading = [said(app, "ui.voice_no_person"), numbers(app)]
    assert answer.text.split("\n") == [*reading, *reading]


@pytest.mark.parametrize(("setting", "message"), [
    ("555-0177", "KYR_HOTLINE_DIAL: '555-0177' must start with a number like +15551230001, optionally followed by "
                 "its hours (+15551230001 Mon-Fri 09:00-18:00 America/New_York); separate hotlines with ';'"),
    (f"{HOTLINE} weekdays", "KYR_HOTLINE_DIAL must look like 'Mon-Fri 09:00-18:00 America/New_York', got 'weekdays'"),
    (f"{HOTLINE} Mon-Fri 09:00-18:00 Mars/Olympus",
     "KYR_HOTLINE_DIAL: 'Mars/Olympus' is not a time zone like America/New_York"),
    (f"{HOTLINE} Mon-Fri 18:00-09:00 America/New_York",
     "KYR_HOTLINE_DIAL: 'Mon-Fri 18:00-09:00' must start before it ends, within one day"),
])
def test_a_broken_hotline_dial_setting_says_what_to_fix(setting: str, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        settings_from({"KYR_STORE": "sqlite:///:memory:", "KYR_SECRET": "x", "KYR_HOTLINE_DIAL": setting})
    assert str(raised.value) == message
