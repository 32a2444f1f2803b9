"""Emergency contacts end to end over HTTP with the real clients: a person sets up contacts (by Telegram or SMS),
tests them and alerts them; the outbound queue's consumer sends through twilio's client to the fake Twilio REST API
and through PTB to the fake Bot API. Check-in timers run by fast-forwarding huey's schedule (no sleeping), across
a restart of the service and the consumer; a contact's STOP is honoured; DELETE erases everything (searched in the
store, the queue's storage and the logs)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.core.engine import Engine
from bot.service.privacy import user_key
from tests.fakes import FakeBotApi, FakeTwilioApi
from tests.handoff_rig import BOT_NUMBER, SECRET, Rig, log_everything, store_for
from tests.test_privacy import files_under, redis_everything

PERSON = "+15555550142"
CHAT = 6123456781
ANA, JOHN = "+12015550123", "+12015550124"
STEPS_ES = "Qué hacer ahora: busque en locator.ice.gov/odls"
STEPS_EN = "What to do now: search locator.ice.gov/odls"
# No responders: emergency contacts work on their own (a case key and Twilio's REST API are enough).
ONLY_FAMILY = {"KYR_RESPONDERS_TELEGRAM_CHAT": ""}


def said(bot_api: FakeBotApi, chat: int = CHAT) -> list[str]:
    """Every text the bot sent a Telegram chat."""
    return [c["text"] for c in bot_api.calls("sendMessage") if c.get("chat_id") == str(chat)]


def spanish_setup(rig: Rig) -> None:
    """A Spanish speaker on Telegram: Ana (Spanish, with a message) and John (English, no message)."""
    for text in ("contactos", "1", "María", "Ana", "201 555 0123", "Español", "Me detuvo ICE. Llama a la abogada.",
                 "sí", "1", "John", "(201) 555-0124", "English", "skip", "sí"):
        rig.telegram(CHAT, text, lang="es")


def english_setup(rig: Rig, sender: str = PERSON) -> None:
    """An English speaker by SMS with one contact, Ana."""
    for text in ("contacts", "1", "Maria", "Ana", "2015550123", "1", "I was stopped. Call Luis.", "yes"):
        rig.sms(sender, text)


def test_spanish_contacts_get_the_test_and_the_alert_in_their_languages_once(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, **ONLY_FAMILY) as rig:
        assert rig.desk is None and rig.family is not None
        spanish_setup(rig)
        texts = said(bot_api)
        assert "Ana, (201) 555-0123, en Español. Mensaje: Me detuvo ICE. Llama a la abogada." in texts
        assert "John, (201) 555-0124, en English. Mensaje: (ninguno)" in texts
        assert texts[-1].startswith("Guardado.")

        rig.telegram(CHAT, "2", lang="es")  # "Enviar una prueba" at the saved contact's options
        assert "Prueba enviada. Contactos avisados: 2." in said(bot_api)
        (ana,) = twilio.wait_for(1, to=ANA)
        (john,) = twilio.wait_for(1, to=JOHN)
        assert ana["From"] == BOT_NUMBER
        assert ana["Body"] == (  # Spanish SMS fold accents by default (GSM-7 costs less), as the replies do
            "Maria le eligio como contacto de emergencia en kyrbot, un servicio gratuito por texto sobre derechos de "
            "inmigrantes. Responda STOP para no recibir mas.\nEsta es una prueba de Maria: todo esta bien. Si algun "
            "dia detienen a Maria, le llegara un mensaje aqui.")
        assert john["Body"] == (
            "Maria chose you as an emergency contact on kyrbot, a free text service on immigrants' rights. Reply "
            "STOP for no more messages.\nThis is a test from Maria. Nothing happened. If Maria is ever detained, a "
            "message will come here.")

        rig.telegram(CHAT, "ALERTA", lang="es")
        rig.telegram(CHAT, "alerta", lang="es")  # twice within a minute: sent once
        ana_alert = twilio.wait_for(2, to=ANA)[1]["Body"]
        john_alert = twilio.wait_for(2, to=JOHN)[1]["Body"]
        assert ana_alert.startswith("ALERTA de Maria: Me detuvo ICE. Llama a la abogada.\n" + STEPS_ES)
        assert "1-800-898-7180" in ana_alert and "notario" in ana_alert
        assert john_alert.startswith("ALERT from Maria: they may have been detained by immigration.\n" + STEPS_EN)
        assert "Alerta enviada. Contactos avisados: 2." in said(bot_api)
        assert said(bot_api)[-1] == "Su alerta salió hace menos de un minuto. No se envió otra vez."
        rig.idle()
        assert len(twilio.messages(ANA)) == 2 and len(twilio.messages(JOHN)) == 2


def test_a_checkin_that_runs_out_alerts_and_one_stopped_by_ok_does_not(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, **ONLY_FAMILY) as rig:
        english_setup(rig)
        assert rig.sms(PERSON, "CHECKIN 2h")[0].startswith("Check-in timer: 2 h. When you are safe, send OK")
        rig.fast_forward(3600)
        assert twilio.messages(PERSON) == [] and twilio.messages(ANA) == []   # not yet
        rig.fast_forward(2 * 3600 + 5)
        (ask,) = twilio.wait_for(1, to=PERSON)
        assert ask["Body"] == "Are you OK? Reply OK within 10 minutes or your contacts will be alerted."
        rig.fast_forward(2 * 3600 + 11 * 60)
        (alert,) = twilio.wait_for(1, to=ANA)
        assert alert["Body"].startswith("Maria chose you as an emergency contact")
        assert "ALERT from Maria: I was stopped. Call Luis.\n" + STEPS_EN in alert["Body"]
        assert twilio.wait_for(2, to=PERSON)[1]["Body"] == "You did not reply, so I alerted your contacts (1)."

        assert rig.sms(PERSON, "checkin 30m")[0].startswith("Check-in timer: 30 min.")
        assert rig.sms(PERSON, "OK") == ["Check-in timer stopped. Glad you are OK."]
        rig.fast_forward(3 * 3600)
        rig.idle()
        assert len(twilio.messages(ANA)) == 1 and len(twilio.messages(PERSON)) == 2


def test_a_restart_between_setup_and_alert_loses_nothing(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    key = Fernet.generate_key().decode()
    with Rig(engine, tmp_path, bot_api, twilio, KYR_CASE_KEY=key, **ONLY_FAMILY) as rig:
        english_setup(rig)
        rig.sms(PERSON, "checkin 1h")
    with Rig(engine, tmp_path, bot_api, twilio, KYR_CASE_KEY=key, **ONLY_FAMILY) as rig:  # service and consumer
        rig.fast_forward(3600 + 5)
        assert twilio.wait_for(1, to=PERSON)[0]["Body"].startswith("Are you OK?")
        assert rig.sms(PERSON, "ok") == ["Check-in timer stopped. Glad you are OK."]
        assert rig.sms(PERSON, "alert") == ["Alert sent. Contacts reached: 1."]
        assert "ALERT from Maria: I was stopped. Call Luis." in twilio.wait_for(1, to=ANA)[0]["Body"]


def test_a_contact_who_sent_stop_is_never_messaged_and_the_person_is_told(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, **ONLY_FAMILY) as rig:
        english_setup(rig)
        assert rig.sms(PERSON, "contacts")[0].startswith("If you are detained")
        rig.sms(PERSON, "3")  # Send a test
        twilio.wait_for(1, to=ANA)
        rig.sms(ANA, "STOP")  # the contact opts out, as anyone can
        assert rig.sms(PERSON, "alert") == [
            "Alert sent. Contacts reached: 0.\n\nAna cannot be reached: they replied STOP to our messages."]
        rig.idle()
        assert len(twilio.messages(ANA)) == 1


def test_the_bots_own_number_cannot_be_a_contact_and_limits_hold(
        engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, **ONLY_FAMILY) as rig:
        for text in ("contacts", "1", "Maria", "Ana"):
            rig.sms(PERSON, text)
        first = lambda text: rig.sms(PERSON, text)[0].split("\n\n")[0]
        assert first(BOT_NUMBER) == "That number belongs to this service, so it cannot be a contact. Please send another one."
        assert first("555-1234").startswith("I cannot use that number.")
        for text in ("2015550123", "1", "skip", "yes"):
            rig.sms(PERSON, text)
        assert first("2") == "Test sent. Contacts reached: 1."  # 'Send a test' among the saved contact's options
        for _ in range(2):
            rig.sms(PERSON, "2")  # 'Emergency contacts', then 'Send a test' there
            assert first("3") == "Test sent. Contacts reached: 1."
        rig.sms(PERSON, "2")
        assert first("3") == "You sent 3 tests today, the most. Try again tomorrow."
        rig.idle()
        assert len(twilio.messages(ANA)) == 3


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_delete_erases_contacts_from_the_store_the_queue_and_the_logs(
        backend: str, engine: Engine, tmp_path: Path, bot_api: FakeBotApi, twilio: FakeTwilioApi,
        request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> None:
    log_everything(caplog)
    store = store_for(backend, request, 7)
    secrets = ["Zanzibarnacle", "Quibblethorpe", "Wobblecrest", ANA, ANA[2:], "555-0123", PERSON, PERSON[2:]]
    with Rig(engine, tmp_path, bot_api, twilio, store=store, **ONLY_FAMILY) as rig:
        for text in ("contacts", "1", "Zanzibarnacle", "Quibblethorpe", "2015550123", "1", "Call Wobblecrest", "yes"):
            rig.sms(PERSON, text)
        rig.sms(PERSON, "2")
        twilio.wait_for(1, to=ANA)
        rig.sms(PERSON, "checkin 2h")
        user = user_key(SECRET.encode(), "sms", PERSON)
        assert rig.family.records.get(user, time.time()) is not None
        assert rig.sms(PERSON, "delete")[0].startswith("Done. I deleted everything")
        rig.idle()
        assert rig.family.records.get(user, time.time()) is None
        rig.fast_forward(3 * 3600)  # the revoked timer finds nothing
        rig.idle()
        assert twilio.messages(PERSON) == []
        blob = redis_everything(store, tmp_path) if store else files_under(tmp_path / "store")
    if backend == "sqlite":
        rig.service.store.close()  # a checkpoint moves the WAL into the main file: search again
        blob += files_under(tmp_path / "store")
    logs = "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    assert "family erased id=" in logs
    for secret in secrets:
        for form in (secret.encode(), secret.encode("utf-16-le"), secret.lower().encode()):
            assert form not in blob, f"{secret!r} found in the {backend} store or queue"
        assert secret.lower() not in logs.lower(), f"{secret!r} found in the logs"


def test_switched_off_the_flow_is_not_offered(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                              twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, KYR_FAMILY_ALERT="off") as rig:
        assert rig.family is None
        assert rig.sms(PERSON, "contacts") == ["Emergency contacts are not available on this service."]
        assert rig.sms(PERSON, "alert") == ["Emergency contacts are not available on this service."]


def test_the_alert_gets_through_the_rate_limit(engine: Engine, tmp_path: Path, bot_api: FakeBotApi,
                                               twilio: FakeTwilioApi) -> None:
    with Rig(engine, tmp_path, bot_api, twilio, KYR_RATE_LIMIT="12", **ONLY_FAMILY) as rig:
        english_setup(rig)   # 8 messages
        for _ in range(5):
            rig.sms(PERSON, "menu")
        assert rig.sms(PERSON, "menu") == []   # past the limit: silence
        assert rig.sms(PERSON, "ALERT") == ["Alert sent. Contacts reached: 1."]
        assert "ALERT from Maria" in twilio.wait_for(1, to=ANA)[0]["Body"]
