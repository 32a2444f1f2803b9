"""Talking to a person, end to end over HTTP with the real clients: signed Twilio forms to /twilio, Telegram
updates to /telegram, the outbound queue's consumer sending through twilio's client to the fake Twilio REST API
and through PTB to the fake Bot API. The intake, the card in the responders' group, claiming, messages both ways,
closing, the purge after retention; an SMS responder; escalation; refusals; NO sending nothing."""
from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.handoff.cases import CLAIMED, CLOSED, OPEN
from bot.service.privacy import user_key
from tests.fakes import FakeBotApi, FakeTwilioApi
from tests.handoff_rig import ANA, BO, GROUP, ORG, SECRET, Rig

PERSON = "+15555550142"
RESPONDER = "+15555550901"
TIMINGS: dict[str, float] = {}

# What the person types in each language, and what the bot must answer, as the SMS carries it (Spanish SMS fold
# accents by default: "numero").
SCRIPTS = {
    "en": {"start": "talk to a person", "yes": "yes", "case": "Your case number is {n}.",
           "volunteer": f"{ORG} volunteer: ", "closed": "The volunteer closed case {n}.",
           "claimed": "A volunteer has your case {n} and will write to you here.",
           "ended": "Your conversation with the volunteer has ended."},
    "es": {"start": "hablar con una persona", "yes": "si", "case": "Su numero de caso es {n}.",
           "volunteer": f"Voluntario de {ORG}: ", "closed": "El voluntario ha cerrado el caso {n}.",
           # queued messages are folded like the replies: one "á" would make the whole SMS UCS-2
           "claimed": "Un voluntario tiene su caso {n} y le escribira aqui.",
           "ended": "Su conversacion con el voluntario ha terminado."},
    "ar": {"start": "التحدث مع شخص", "yes": "نعم", "case": "رقم حالتك هو {n}.",
           "volunteer": f"متطوع من {ORG}: ", "closed": "أغلق المتطوع الحالة رقم {n}.", "claimed": "أحد المتطوعين يتابع حالتك رقم {n}، وسيكتب لك هنا.",
           "ended": "انتهت محادثتك مع المتطوع."},
}


def airport_intake(rig: Rig, lang: str, sender: str = PERSON, airport: str = "JFK") -> int:
    """The airport questions by SMS, consent YES; the case number the person is given."""
    words = SCRIPTS[lang]
    rig.sms(sender, words["start"])
    for answer in ("1", "2", airport, "since 10am", "2", "Spanish", "skip"):
        rig.sms(sender, answer)
    started = time.perf_counter()
    (body,) = rig.sms(sender, words["yes"])
    TIMINGS["consent_reply"] = time.perf_counter() - started
    number = int(body.split(words["case"].split("{n}")[0])[1].split(".")[0])
    assert words["case"].format(n=number) in body
    return number


@pytest.mark.parametrize("lang", sorted(SCRIPTS))
def test_airport_case_by_sms_with_the_telegram_group(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                    twilio: FakeTwilioApi, lang: str) -> None:
    words = SCRIPTS[lang]
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        started = time.perf_counter()
        number = airport_intake(rig, lang)
        (card,) = rig.group_messages(1)
        TIMINGS["consent_to_card"] = time.perf_counter() - started
        assert card["text"].startswith(f"Case #{number}: Someone is held at an airport\n")
        assert 'Airport: JFK - John F. Kennedy International, New York, NY (typed: "JFK")' in card["text"]
        assert "Status: Green card" in card["text"] and "Held since: \"since 10am\"" in card["text"]
        assert "Family phone: (skipped)" in card["text"] and "State: NY" in card["text"]
        assert PERSON not in card["text"] and PERSON[2:] not in card["text"]
        assert card["reply_markup"] == {"inline_keyboard": [[{"text": "Claim", "callback_data": f"c:claim:{number}"}],
                                                            [{"text": "Close", "callback_data": f"c:close:{number}"}]]}
        rig.wait(lambda: rig.desk.cases.get(number, time.time()).private.card)
        card_id = rig.desk.cases.get(number, time.time()).private.card

        rig.press(ANA, f"c:claim:{number}", card_id)                       # Ana claims
        assert bot_api.calls("answerCallbackQuery")[-1]["text"].startswith(f"You have case #{number}.")
        twilio.wait_for(1, to=PERSON)
        assert twilio.messages(PERSON)[0]["Body"] == words["claimed"].format(n=number)
        rig.wait(lambda: any(c["message_id"] == str(card_id) and "Claimed by Ana" in c["text"]
                             for c in bot_api.calls("editMessageText")))
        assert rig.desk.cases.get(number, time.time()).status == CLAIMED

        rig.reply_in_group(ANA, "Hi, I am Ana. Are you still at JFK?", card_id)   # Ana writes
        twilio.wait_for(2, to=PERSON)
        assert twilio.messages(PERSON)[1]["Body"] == words["volunteer"] + "Hi, I am Ana. Are you still at JFK?"

        assert rig.sms(PERSON, "Yes, terminal 4, they took my passport") == []   # the person answers
        thread = rig.group_messages(2)[-1]
        assert thread["text"] == f"#{number} person: Yes, terminal 4, they took my passport"
        assert thread["reply_parameters"]["message_id"] == card_id

        rig.reply_in_group(BO, "I can take this", card_id)                 # Bo cannot hijack it
        assert bot_api.calls("sendMessage")[-1]["text"] == \
            f"Case #{number} is claimed by Ana. Nothing was sent."
        rig.idle()
        assert len(twilio.messages(PERSON)) == 2

        rig.press(ANA, f"c:close:{number}", card_id)                       # Ana closes
        twilio.wait_for(3, to=PERSON)
        assert twilio.messages(PERSON)[2]["Body"].startswith(words["closed"].format(n=number))
        assert rig.desk.cases.get(number, time.time()).status == CLOSED
        rig.wait(lambda: any("CLOSED" in c["text"] for c in bot_api.calls("editMessageText")))

        assert rig.sms(PERSON, "thank you")[0].startswith(words["ended"])
        rig.idle()
        # the card, the person's message, the notice to Bo, the closing note: nothing more
        assert [m["text"].split(":")[0] for m in rig.group_messages(0)] == [
            f"Case #{number}", f"#{number} person", f"Case #{number} is claimed by Ana. Nothing was sent.",
            f"Case #{number} closed"]

        later = time.time() + rig.desk.settings.retention + 60            # the retention period passes
        rig.service.purge(later)
        assert rig.desk.cases.get(number, time.time()) is None
        assert rig.service.store.get(f"case:user:{user_key(SECRET.encode(), 'sms', PERSON)}", later) is None


def test_a_telegram_person_and_an_sms_responder(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                twilio: FakeTwilioApi) -> None:
    chat = 6123456780
    with Rig(engine, tmp_path, bot_api, twilio, KYR_RESPONDERS_TELEGRAM_CHAT="",
             KYR_RESPONDERS_SMS=f"{RESPONDER}:en,es; +15555550902:ar") as rig:
        for text in ("person", "4", "Colorado", "Can my landlord call ICE on me?", "yes"):
            rig.telegram(chat, text)
        reply = bot_api.calls("sendMessage")[-1]
        assert reply["chat_id"] == str(chat) and reply["text"].startswith("Your case number is ")
        number = int(reply["text"].split("Your case number is ")[1].split(".")[0])
        assert "Colorado Rapid Response Network 1-844-864-8341" in reply["text"]   # the state's hotline first
        (card,) = twilio.wait_for(1, to=RESPONDER)                    # the card goes to the English speaker only
        assert card["Body"].startswith(f"Case #{number}: A general question\n")
        assert card["Body"].endswith(f"Reply CLAIM {number} to take it.")
        rig.idle()
        assert twilio.messages("+15555550902") == []

        assert rig.sms(RESPONDER, f"claim {number}") == [
            f"You have case #{number}. Write to the person with #{number} and your text. CLOSE {number} when done."]
        assert rig.sms(RESPONDER, f"#{number} Hello, a landlord may not threaten you like that.") == []
        rig.wait(lambda: any(c["chat_id"] == str(chat) and c["text"].startswith(f"{ORG} volunteer: Hello")
                             for c in bot_api.calls("sendMessage")))
        rig.telegram(chat, "Thank you! What should I do now?")
        assert twilio.wait_for(2, to=RESPONDER)[1]["Body"] == f"#{number}: Thank you! What should I do now?"
        assert rig.sms("+15555550902", f"#{number} hi") == [f"Case #{number} is claimed by volunteer ...0901. "
                                                             "Nothing was sent."]
        assert rig.sms(RESPONDER, f"CLOSE {number}") == [f"Case #{number} is closed; the person was told."]
        rig.wait(lambda: any(c["chat_id"] == str(chat) and c["text"].startswith(f"The volunteer closed case {number}")
                             for c in bot_api.calls("sendMessage")))
        assert rig.sms(RESPONDER, "what?") == [
            "kyrbot responders: CLAIM 123 takes case 123, #123 your text writes to the person, CLOSE 123 closes it."]


def test_an_unclaimed_case_escalates_and_a_quiet_one_closes(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                            twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, KYR_RESPONDERS_SMS=RESPONDER) as rig:
        number = airport_intake(rig, "en", airport="Denver airport")
        rig.group_messages(1)
        twilio.wait_for(1, to=RESPONDER)
        rig.fast_forward(9 * 60)                                          # not yet
        assert len(rig.group_messages(1)) == 1 and twilio.messages(PERSON) == []
        rig.fast_forward(10 * 60 + 1)                                     # KYR_CLAIM_MINUTES passed
        marked = rig.group_messages(2)[-1]
        assert marked["text"].startswith(f"STILL UNCLAIMED after 10 min\nCase #{number}: Someone is held at an airport")
        assert "Airport: DEN - Denver International, Denver, CO" in marked["text"]
        assert twilio.wait_for(2, to=RESPONDER)[1]["Body"].startswith("STILL UNCLAIMED after 10 min")
        (told,) = twilio.wait_for(1, to=PERSON)
        assert told["Body"] == ("No volunteer has answered yet. Please call: Colorado Rapid Response Network "
                                "1-844-864-8341; United We Dream MigraWatch 1-844-363-1423. Case "
                                f"{number} stays open: a volunteer may still write here.")
        assert rig.desk.cases.get(number, time.time()).status == OPEN
        rig.fast_forward(24 * 3600 + 60)                                  # a day without a message
        twilio.wait_for(2, to=PERSON)
        assert twilio.messages(PERSON)[1]["Body"].startswith(f"Case {number} was closed after a day without messages.")
        assert rig.group_messages(3)[-1]["text"] == f"Case #{number} closed: no message either way for a day."
        assert rig.desk.cases.get(number, time.time() + 24 * 3600 + 60).status == CLOSED


def test_only_listed_responders_claim(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                      twilio: FakeTwilioApi, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    with Rig(engine, tmp_path, bot_api, twilio, KYR_RESPONDERS_TELEGRAM_USERS=str(ANA["id"])) as rig:
        number = airport_intake(rig, "en")
        rig.group_messages(1)
        rig.wait(lambda: rig.desk.cases.get(number, time.time()).private.card)
        card_id = rig.desk.cases.get(number, time.time()).private.card
        rig.press(BO, f"c:claim:{number}", card_id)
        assert bot_api.calls("answerCallbackQuery")[-1]["text"] == \
            "You are not on this organisation's list of responders."
        rig.press(ANA, f"c:claim:{number}", card_id, chat_id=-1009999999999)   # a forwarded card elsewhere
        assert bot_api.calls("answerCallbackQuery")[-1]["text"] == "This button works only in the responders' group."
        rig.reply_in_group(ANA, "hello?", card_id)                          # listed, but has not claimed
        assert bot_api.calls("sendMessage")[-1]["text"] == f"Claim case #{number} first: nothing was sent."
        assert rig.sms("+15555550999", f"CLAIM {number}")[0].startswith("Hi, I am kyrbot.")  # just a person
        assert rig.desk.cases.get(number, time.time()).status == OPEN
        rig.idle()
        assert twilio.messages(PERSON) == []
    refusals = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert refusals == [f"responder refused case={number} reason=not a listed responder",
                        f"responder refused case={number} reason=outside the group",
                        f"responder refused case={number} reason=unclaimed"]


def test_no_at_consent_sends_nothing_and_keeps_nothing(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                       twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, KYR_RESPONDERS_SMS=RESPONDER) as rig:
        rig.sms(PERSON, "person")
        for answer in ("2", "80203", "1", "English"):
            rig.sms(PERSON, answer)
        (body,) = rig.sms(PERSON, "no")
        assert body.startswith("Nothing was sent, and your answers are deleted.")
        rig.idle()
        assert twilio.posts(accepted_only=False) == [] and bot_api.calls("sendMessage") == []
        assert rig.desk.cases.current(user_key(SECRET.encode(), "sms", PERSON), time.time()) is None
        assert rig.desk.outbound.huey.scheduled_count() == 0


def test_delete_erases_the_case_and_the_group_messages(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                       twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        number = airport_intake(rig, "en")
        rig.group_messages(1)
        rig.sms(PERSON, "a second message for the thread")
        rig.group_messages(2)
        rig.wait(lambda: len(rig.desk.cases.get(number, time.time()).private.tg) == 2)
        assert rig.sms(PERSON, "DELETE") == [
            "Done. I deleted everything I kept about this chat. Send any message to start again."]
        rig.wait(lambda: len(bot_api.calls("deleteMessage")) == 2)
        assert {c["chat_id"] for c in bot_api.calls("deleteMessage")} == {str(GROUP)}
        assert rig.group_messages(3)[-1]["text"] == f"Case #{number} was erased at the person's request."
        assert rig.desk.cases.get(number, time.time()) is None


def test_timings_are_reported(capsys: pytest.CaptureFixture) -> None:
    """The figures measured above (printed with -s): the person's YES to the card in the group."""
    with capsys.disabled():
        for name, seconds in sorted(TIMINGS.items()):
            print(f"\nhand-off timing {name}: {seconds * 1000:.0f} ms")


def test_outside_responder_hours_the_person_is_told_at_once(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                            twilio: FakeTwilioApi) -> None:
    other_day = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[(time.gmtime().tm_wday + 3) % 7]
    hours = f"{other_day} 09:00-10:00 UTC"
    with Rig(engine, tmp_path, bot_api, twilio, KYR_RESPONDER_HOURS=hours, KYR_RESPONSE_MINUTES="20") as rig:
        rig.sms(PERSON, "person")
        for answer in ("4", "TX", "Can I travel with a pending asylum case?"):
            rig.sms(PERSON, answer)
        (body,) = rig.sms(PERSON, "yes")
        assert "A volunteer usually answers within 20 minutes." in body
        assert body.endswith(f"Our volunteers answer {hours}. Right now an answer may take longer.")


def test_whatsapp_after_24_hours_the_volunteer_is_told_to_wait(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                               twilio: FakeTwilioApi) -> None:
    sender = "whatsapp:" + PERSON
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        rig.sms(sender, "person", payload="whatsapp")
        for answer in ("4", "TX", "A question", "yes"):
            rig.sms(sender, answer, payload="whatsapp")
        rig.group_messages(1)
        number = rig.desk.cases.current(user_key(SECRET.encode(), "whatsapp", sender), time.time()).number
        rig.wait(lambda: rig.desk.cases.get(number, time.time()).private.card)
        card_id = rig.desk.cases.get(number, time.time()).private.card
        rig.press(ANA, f"c:claim:{number}", card_id)
        (claimed,) = twilio.wait_for(1, to=sender)
        assert claimed["From"] == "whatsapp:+15555550100"
        rig.desk.clock = lambda: time.time() + 25 * 3600
        rig.reply_in_group(ANA, "Are you there?", card_id)
        assert bot_api.calls("sendMessage")[-1]["text"] == (
            f"#{number}: not sent: WhatsApp's 24-hour window has closed; the person must write first.")
        rig.idle()
        assert len(twilio.messages(sender)) == 1


def test_stop_during_the_questions_erases_the_answers(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                      twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        for text in ("person", "1", "1", "JFK"):
            rig.sms(PERSON, text)
        user = user_key(SECRET.encode(), "sms", PERSON)
        assert rig.desk.cases.current(user, time.time()).private.answers["where"] == ["t", "JFK"]
        assert rig.sms(PERSON, "STOP") == []                  # Twilio itself confirms a carrier opt-out
        assert rig.desk.cases.current(user, time.time()) is None
        rig.idle()
        assert bot_api.calls("sendMessage") == [] and twilio.posts(accepted_only=False) == []


def test_close_ends_the_case_and_the_person_is_still_answered(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                                              twilio: FakeTwilioApi) -> None:
    """CLOSE, as the chat tells the person: the case closes and the group is told why, and a later crisis message
    is answered (the chat used to name END, which opts the number out of everything)."""
    with Rig(engine, tmp_path, bot_api, twilio) as rig:
        number = airport_intake(rig, "en")
        (closed,) = rig.sms(PERSON, "CLOSE")
        assert closed.startswith(f"You closed case {number}. Send PERSON to talk to someone again.")
        assert rig.desk.cases.get(number, time.time()).status == CLOSED
        rig.idle()
        assert [m["text"].split("\n")[0] for m in rig.group_messages(2)] == [   # in order: one line per place
            f"Case #{number}: Someone is held at an airport", f"Case #{number} closed: the person closed it."]
        (door,) = rig.sms(PERSON, "ICE is at my door")
        assert door.startswith("Do not open the door.")
        rig.idle()
        assert twilio.messages(PERSON) == []   # the person was told in the reply, nothing queued
