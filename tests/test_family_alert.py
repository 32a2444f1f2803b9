"""Emergency contacts, the parts: the engine's side (the alert word from anywhere, CHECKIN, the questions, the
feature off), phone numbers, and the retention reminder (timers fast-forwarded, no sleeping)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.parse import duration
from bot.core.session import Family, Inbound, Session
from bot.family.numbers import normalise
from bot.service.privacy import user_key
from tests.fakes import FakeBotApi, FakeTwilioApi
from tests.handoff_rig import SECRET, Rig

ON = Family(on=True, contacts=1, named=True)


def step(engine: Engine, session: Session | None, text: str, family: Family = ON) -> tuple[Session | None, list, list]:
    """One turn; (session, reply texts, events)."""
    result = engine.step(session, Inbound(text, 1000.0, family=family))
    return result.session, [r.text for r in result.replies], list(result.events)


@pytest.mark.parametrize(("text", "seconds"), [
    ("2h", 7200), ("2 h", 7200), ("2 hours", 7200), ("90m", 5400), ("30 min", 1800), ("1.5h", 5400), ("1,5h", 5400),
    ("2", 7200), ("24h", 86400), ("5m", None), ("25h", None), ("soon", None), ("", None), ("2x", None), ("2 months", None), ("2 horas", 7200), ("1 giờ", 3600),
    # as people write it in their own languages and digits
    ("2小时", 7200), ("两小时", 7200), ("兩個小時", 7200), ("半小時", 1800), ("30分钟", 1800), ("٢ ساعة", 7200),
    ("ساعتين", 7200), ("نص ساعة", 1800), ("۲ گھنٹے", 7200), ("45 منٹ", 2700), ("2 tiếng", 7200), ("30 phut", 1800),
    ("1h30", 5400), ("1 hora 30 minutos", 5400), ("2 èdtan", 7200), ("十二小时", None), ("2h 2h", None),
])
def test_durations(text: str, seconds: int | None) -> None:
    assert duration(text) == seconds


@pytest.mark.parametrize(("text", "e164"), [
    ("2015550123", "+12015550123"), ("(201) 555-0123", "+12015550123"), ("+1 201 555 0123", "+12015550123"),
    ("+509 34 12 3456", "+50934123456"), ("whatsapp:+12015550123", "+12015550123"), ("555-1234", None),
    ("Ana", None), ("201 555 0123 ext 5", None), ("1" * 50, None),
])
def test_phone_numbers(text: str, e164: str | None) -> None:
    assert normalise(text) == e164


def test_the_alert_word_acts_from_inside_any_flow_and_keeps_the_place(engine: Engine) -> None:
    session, _, _ = step(engine, None, "ICE is at my door")
    at = session.at
    session, replies, events = step(engine, session, "ALERT")
    assert "family_alert" in events and replies == [] and session.at == at   # the service says how many
    _, _, events = step(engine, session, "alerta")
    assert "family_alert" in events
    _, _, events = step(engine, session, "Bluebird", Family(on=True, contacts=1, alert=True))  # their own word
    assert "family_alert" in events


def test_without_contacts_the_alert_word_starts_the_setup(engine: Engine) -> None:
    session, replies, events = step(engine, None, "alert", Family(on=True))
    assert replies[0] == "You have no emergency contacts yet, so nothing was sent. Set them up:"
    assert session.at == "family_alert.me_name" and "family_new" in events


def test_checkin_words(engine: Engine) -> None:
    session, replies, events = step(engine, None, "checkin 2h")
    assert "family_checkin:7200" in events and replies[0].startswith("Check-in timer: 2 h.")
    _, replies, _ = step(engine, session, "checkin later")
    assert replies == ["Send a time like 2h or 30m, from 10 minutes to 24 hours."]
    running = Family(on=True, contacts=1, named=True, checkin="running")
    _, replies, events = step(engine, session, "ok", running)
    assert replies == ["Check-in timer stopped. Glad you are OK."] and "family_checkin_cancel" in events
    _, replies, events = step(engine, session, "menu", running)   # any message stops it, and is read as usual
    assert replies[0] == "Check-in timer stopped. Glad you are OK." and "menu" in events
    _, replies, _ = step(engine, session, "checkin stop")
    assert replies == ["No check-in timer is running."]
    _, replies, _ = step(engine, None, "checkin 1h", Family(on=True))
    assert replies[0] == "Add a contact first: when the timer runs out, I alert your contacts."


def test_questions_ask_again_until_answered(engine: Engine) -> None:
    session, _, _ = step(engine, None, "contacts")
    session, replies, events = step(engine, session, "1")
    assert session.at == "family_alert.add_name" and "family_new" in events
    session, _, events = step(engine, session, "Ana")
    assert "family_field:add_name" in events and session.pending == "phone"
    session, replies, _ = step(engine, session, "call me")
    assert replies[0].startswith("I cannot use that number.") and session.pending == "phone"
    session, _, _ = step(engine, session, "2015550123", Family(on=True, contacts=1, named=True, number="ok"))
    session, _, events = step(engine, session, "Kreyol ayisyen")
    assert "family_lang:ht" in events and session.pending == "field"
    session, _, events = step(engine, session, "skip")
    assert "family_skip:add_message" in events and session.pending == "confirm"
    session, _, _ = step(engine, session, "maybe")
    assert session.pending == "confirm"   # nothing is saved without a clear YES
    session, _, events = step(engine, session, "yes")
    assert "family_confirm:add_confirm" in events and session.at == "family_alert.saved"


def test_a_fourth_contact_is_refused(engine: Engine) -> None:
    full = Family(on=True, contacts=3, named=True)
    session, _, _ = step(engine, None, "contacts", full)
    session, replies, _ = step(engine, session, "1", full)
    assert replies[0] == "You have 3 contacts, the most. Remove one first." and session.at == "family_alert.contacts"


def test_switched_off_nothing_leads_there(engine: Engine) -> None:
    off = Family()
    session, _, _ = step(engine, None, "menu", off)
    session, replies, _ = step(engine, session, "7", off)   # More topics
    assert "Emergency contacts" not in replies[0]
    _, replies, _ = step(engine, session, "emergency contacts", off)
    assert replies == ["Emergency contacts are not available on this service."]


def test_an_unused_setup_is_reminded_once_then_expires(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                        twilio: FakeTwilioApi) -> None:
    person = "+15555550143"
    with Rig(engine, tmp_path, bot_api, twilio, KYR_RESPONDERS_TELEGRAM_CHAT="") as rig:
        for text in ("contacts", "1", "Maria", "Ana", "2015550123", "1", "skip", "yes"):
            rig.sms(person, text)
        rig.fast_forward(172 * 86400)
        rig.idle()
        assert twilio.messages(person) == []
        rig.fast_forward(173 * 86400 + 60)
        (reminder,) = twilio.wait_for(1, to=person)
        assert reminder["Body"].startswith("Your emergency contacts will be deleted in 7 days")
        user = user_key(SECRET.encode(), "sms", person)
        assert rig.family.records.get(user, time.time() + 179 * 86400) is not None
        assert rig.family.records.get(user, time.time() + 181 * 86400) is None


def test_the_web_demo_shows_what_the_contact_gets_on_a_second_phone(engine: Engine, tmp_path: Path) -> None:
    import webhook

    app = webhook.create_app({"KYR_STORE": f"sqlite:///{tmp_path}/kyr.db", "KYR_SECRET": "s",
                              "KYR_DEMO_RESPONDERS": "1", "KYR_WEB_DEMO": "1"}, engine)
    client = app.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "Contact's phone" in page and "DEMO: nothing is sent" in page
    session = "demoFamilySession0001"

    def say(text: str) -> list[str]:
        response = client.post("/api/message", json={"session": session, "text": text})
        assert response.status_code == 200, response.get_json()
        return [r["text"] for r in response.get_json()["replies"]]

    def phone() -> list[dict]:
        return client.get(f"/api/demo/family?session={session}").get_json()["contact"]

    for text in ("contacts", "1", "Maria", "Ana", "2015550123", "English", "Call Luis", "yes"):
        say(text)
    assert say("2")[0] == "Test sent. Contacts reached: 1."
    (test,) = phone()
    assert test["name"] == "Ana" and "This is a test from Maria." in test["text"]
    assert say("alert") == ["Alert sent. Contacts reached: 1."]
    (alert,) = phone()
    assert alert["text"].startswith("ALERT from Maria: Call Luis\nWhat to do now:")
    assert phone() == []
    other = client.get("/api/demo/family?session=someoneElseSession01").get_json()
    assert other == {"contact": [], "turns": []}


def test_a_person_who_sent_stop_gets_no_reminder(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                  twilio: FakeTwilioApi) -> None:
    person = "+15555550144"
    with Rig(engine, tmp_path, bot_api, twilio, KYR_RESPONDERS_TELEGRAM_CHAT="") as rig:
        for text in ("contacts", "1", "Maria", "Ana", "2015550123", "1", "skip", "yes", "STOP"):
            rig.sms(person, text)
        rig.fast_forward(173 * 86400 + 60)
        rig.idle()
        assert twilio.messages(person) == []


def test_alert_typed_as_the_wanted_word_is_an_answer_not_an_alert(engine: Engine) -> None:
    session, _, _ = step(engine, None, "contacts")
    session, _, _ = step(engine, session, "5")  # My alert word
    assert session.pending == "alert_word"
    session, replies, events = step(engine, session, "ALERT")
    assert "family_alert" not in events and replies[0].startswith("Please send one word of 2 to 20 letters")
    session, _, events = step(engine, session, "Bluebird")
    assert "family_word" in events and session.at == "family_alert.word_saved"


@pytest.mark.parametrize(("lang", "text", "seconds"), [
    ("en", "check in 30m", 1800), ("zh", "计时 2小时", 7200), ("ar", "مؤقت الأمان ساعتين", 7200),
    ("es", "temporizador 1 hora 30 minutos", 5400), ("vi", "hẹn giờ an toàn 2 tiếng", 7200), ("ur", "ٹائمر ۲ گھنٹے", 7200),
])
def test_a_checkin_word_of_several_words_then_a_time_in_the_persons_language(
        engine: Engine, lang: str, text: str, seconds: int) -> None:
    session = Session(at="menu.start", lang=lang, lang_picked=True)
    _, replies, events = step(engine, session, text)
    assert events == [f"family_checkin:{seconds}"]
    assert replies[0].startswith(engine.view.t("family_alert.msg.checkin_set", lang).split("{time}")[0])


@pytest.mark.parametrize(("at", "text"), [("family_alert.add_name", "Tía Rosa"), ("family_alert.add_message", "Llama a Ana")])
def test_an_answer_in_other_words_keeps_the_persons_language(engine: Engine, at: str, text: str) -> None:
    """An Arabic speaker names a contact 'Tía Rosa' or writes her a Spanish message: the next question stays in
    Arabic (the detector used to switch the whole conversation to Spanish)."""
    session = Session(at=at, lang="ar", pending=engine.content.node(at).input)
    result = engine.step(session, Inbound(text, 1000.0, family=ON))
    assert result.session.lang == "ar" and result.replies and all(r.lang == "ar" for r in result.replies)
