"""The recorded payloads parse as the services send them, and FakeBotApi works with real PTB 22 over HTTP."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Conflict, EndPointNotFound, InvalidToken, RetryAfter
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from tests.fakes import DEFAULT_TOKEN, FakeBotApi
from tests.payloads import (
    encode_twilio,
    load_telegram,
    load_twilio,
    load_twilio_raw,
    telegram_names,
    twilio_names,
    with_fields,
)

USER_ID = 6123456789
FORM = "application/x-www-form-urlencoded"
KEYBOARD = {"inline_keyboard": [[{"callback_data": "lang:en", "text": "English"},
                                 {"callback_data": "lang:es", "text": "Español"}]]}


# -- Twilio payloads -------------------------------------------------------------------------------

def test_twilio_payload_names() -> None:
    assert twilio_names() == ["mms_photo", "sms", "sms_spanish", "sms_stop", "whatsapp", "whatsapp_voice"]


def test_sms_payload_has_every_field_in_wire_order() -> None:
    form = load_twilio("sms")
    assert list(form) == [
        "ToCountry", "ToState", "SmsMessageSid", "NumMedia", "ToCity", "FromZip", "SmsSid", "FromState",
        "SmsStatus", "FromCity", "Body", "FromCountry", "To", "ToZip", "NumSegments", "ReferralNumMedia",
        "MessageSid", "AccountSid", "From", "ApiVersion",
    ]
    assert (form["Body"], form["From"], form["To"], form["NumMedia"]) == ("hi", "+15555550142", "+15555550100", "0")


@pytest.mark.parametrize("name", twilio_names())
def test_twilio_payload_ids_have_twilio_shapes_and_fake_numbers(name: str) -> None:
    form = load_twilio(name)
    assert re.fullmatch(r"(SM|MM)[0-9a-f]{32}", form["MessageSid"])
    assert form["SmsSid"] == form["SmsMessageSid"] == form["MessageSid"]
    assert re.fullmatch(r"AC[0-9a-f]{32}", form["AccountSid"])
    assert re.fullmatch(r"(whatsapp:)?\+1555555\d{4}", form["From"])
    assert form["ApiVersion"] == "2010-04-01"


@pytest.mark.parametrize("name", twilio_names())
def test_twilio_payload_reencodes_byte_for_byte(name: str) -> None:
    assert encode_twilio(load_twilio(name)) == load_twilio_raw(name)


@pytest.mark.parametrize(
    ("name", "body", "num_media", "media_type"),
    [
        ("sms_spanish", "me detuvieron en el aeropuerto ¿qué hago? necesito información", "0", None),
        ("sms_stop", "STOP", "0", None),
        ("whatsapp", "Hola", "0", None),
        ("mms_photo", "", "1", "image/jpeg"),
        ("whatsapp_voice", "", "1", "audio/ogg"),
    ],
)
def test_twilio_payload_contents(name: str, body: str, num_media: str, media_type: str | None) -> None:
    form = load_twilio(name)
    assert (form["Body"], form["NumMedia"], form.get("MediaContentType0")) == (body, num_media, media_type)
    if media_type:
        assert form["MediaUrl0"].startswith(f"https://api.twilio.com/2010-04-01/Accounts/{form['AccountSid']}/")


def test_whatsapp_payload_carries_profile_and_wa_id() -> None:
    form = load_twilio("whatsapp")
    assert (form["From"], form["To"]) == ("whatsapp:+15555550142", "whatsapp:+15555550100")
    assert (form["ProfileName"], form["WaId"], form["MessageType"]) == ("Ana P", "15555550142", "text")


def test_with_fields_overrides_keeps_order_and_copies() -> None:
    form = load_twilio("sms")
    changed = with_fields(form, Body="hola", MessageSid="SM" + "f" * 32, Extra="x")
    assert list(changed) == [*form, "Extra"]
    assert (changed["Body"], changed["MessageSid"], form["Body"]) == ("hola", "SM" + "f" * 32, "hi")


def test_with_fields_reaches_nested_telegram_fields() -> None:
    update = load_telegram("message")
    changed = with_fields(update, update_id=5, **{"message.text": "hola", "message.from.language_code": "es"})
    assert (changed["update_id"], changed["message"]["text"]) == (5, "hola")
    assert changed["message"]["from"]["language_code"] == "es"
    assert update["message"]["text"] == "hi"


def test_with_fields_names_a_missing_path() -> None:
    with pytest.raises(KeyError, match="'callback_query' is not an object in this payload"):
        with_fields(load_telegram("message"), **{"callback_query.data": "x"})


def test_unknown_payload_lists_known_ones() -> None:
    with pytest.raises(FileNotFoundError, match=r"no payload 'nope.json'.*'message_es'"):
        load_telegram("nope")


# -- Telegram payloads -----------------------------------------------------------------------------

# name -> (Update field that is set, effective chat type, deprecated fields Telegram still sends)
TELEGRAM_EXPECTED: dict[str, tuple[str, str, set[str]]] = {
    "message": ("message", "private", set()),
    "message_es": ("message", "private", set()),
    "command_start": ("message", "private", set()),
    "callback_query": ("callback_query", "private", set()),
    "edited_message": ("edited_message", "private", set()),
    "sticker": ("message", "private", set()),
    "photo": ("message", "private", set()),
    "my_chat_member": ("my_chat_member", "private", set()),
    "my_chat_member_unblocked": ("my_chat_member", "private", set()),
    "channel_post": ("channel_post", "channel", set()),
    "group_message": ("message", "supergroup", set()),
    "new_chat_members": ("message", "supergroup", {"new_chat_participant", "new_chat_member"}),
}


def test_every_telegram_payload_has_an_expectation() -> None:
    assert sorted(TELEGRAM_EXPECTED) == telegram_names()


@pytest.mark.parametrize("name", sorted(TELEGRAM_EXPECTED))
def test_telegram_payload_parses_with_ptb(name: str) -> None:
    data = load_telegram(name)
    update = Update.de_json(data, Bot(DEFAULT_TOKEN))
    field, chat_type, deprecated = TELEGRAM_EXPECTED[name]
    assert update.update_id == data["update_id"]
    assert getattr(update, field) is not None
    assert update.effective_chat.type == chat_type
    inner = getattr(update, field)
    assert set(inner.api_kwargs) == deprecated  # every other field is one PTB knows


def test_telegram_payload_details() -> None:
    bot = Bot(DEFAULT_TOKEN)
    parse = lambda name: Update.de_json(load_telegram(name), bot)
    assert parse("message").effective_user.language_code == "en"
    assert parse("message_es").effective_message.text == "me detuvieron en el aeropuerto ¿qué hago?"
    assert parse("command_start").effective_message.parse_entities(["bot_command"]).popitem()[1] == "/start"
    query = parse("callback_query").callback_query
    assert (query.data, query.message.message_id, query.message.reply_markup.to_dict()) == ("lang:es", 413, KEYBOARD)
    assert parse("sticker").effective_message.sticker.emoji == "👍"
    assert parse("photo").effective_message.photo[-1].width == 1280
    blocked = parse("my_chat_member").my_chat_member
    assert (blocked.old_chat_member.status, blocked.new_chat_member.status) == ("member", "kicked")
    unblocked = parse("my_chat_member_unblocked").my_chat_member
    assert (unblocked.old_chat_member.status, unblocked.new_chat_member.status) == ("kicked", "member")
    assert [u.first_name for u in parse("new_chat_members").effective_message.new_chat_members] == ["Jorge"]


# -- FakeBotApi with real PTB over HTTP ------------------------------------------------------------

@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi(max_poll_wait=0.2) as fake:
        yield fake


def build_app(api: FakeBotApi) -> Application:
    """An Application whose bot talks to the fake."""
    return ApplicationBuilder().token(api.token).base_url(api.base_url).base_file_url(api.base_file_url).build()


def raw_post(api: FakeBotApi, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """POST a form to the fake with urllib, without PTB: returns (status, decoded JSON)."""
    data = urllib.parse.urlencode(params).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{api.port}{path}", data=data)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_get_me_and_send_message_with_keyboard(api: FakeBotApi) -> None:
    async def scenario() -> tuple[Any, ...]:
        async with build_app(api) as app:
            me = await app.bot.get_me()
            markup = InlineKeyboardMarkup([[InlineKeyboardButton("English", callback_data="lang:en"),
                                            InlineKeyboardButton("Español", callback_data="lang:es")]])
            first = await app.bot.send_message(USER_ID, "Choose / Elige", reply_markup=markup)
            second = await app.bot.send_message(USER_ID, "¿qué?")
            return me, first, second

    me, first, second = asyncio.run(scenario())
    assert (me.id, me.username) == (7012345678, "kyr_test_bot")
    assert (first.message_id, second.message_id, first.chat.id) == (1, 2, USER_ID)
    assert first.reply_markup.to_dict() == KEYBOARD and second.reply_markup is None
    assert api.calls("sendMessage") == [
        {"chat_id": str(USER_ID), "text": "Choose / Elige", "reply_markup": KEYBOARD},
        {"chat_id": str(USER_ID), "text": "¿qué?"},
    ]
    assert [r.content_type for r in api.records("sendMessage")] == [FORM, FORM]
    assert api.methods() == ["getMe", "getMe", "sendMessage", "sendMessage"]


def test_polling_delivers_pushed_update_and_handler_replies(api: FakeBotApi) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Reply with the language the user's client reports."""
        await update.effective_message.reply_text(f"lang={update.effective_user.language_code}")

    async def scenario() -> list[dict[str, Any]]:
        app = build_app(api)
        app.add_handler(MessageHandler(filters.TEXT, echo))
        async with app:
            await app.start()
            await app.updater.start_polling(poll_interval=0.01, timeout=5)
            api.push_update(load_telegram("message_es"))
            sent = await asyncio.to_thread(api.wait_for, "sendMessage", 1, 10.0)
            await app.updater.stop()
            await app.stop()
        return sent

    assert asyncio.run(scenario()) == [{"chat_id": "6234567890", "text": "lang=es"}]
    assert api.methods()[:2] == ["getMe", "deleteWebhook"]
    assert api.pending_updates() == []  # PTB's last getUpdates confirmed the update with its offset


def test_get_updates_honours_offset_limit_and_assigns_ids(api: FakeBotApi) -> None:
    first = api.push_update({"message": load_telegram("message")["message"]})
    second = api.push_update(load_telegram("message_es"))
    path = f"/bot{api.token}/getUpdates"
    assert raw_post(api, path, {"limit": "1"})[1]["result"][0]["update_id"] == first
    status, body = raw_post(api, path, {"offset": str(second), "timeout": "0"})
    assert (status, [u["update_id"] for u in body["result"]]) == (200, [second])
    assert [u["update_id"] for u in api.pending_updates()] == [second]
    raw_post(api, path, {"offset": str(second + 1)})
    assert raw_post(api, path, {"timeout": "30"}) == (200, {"ok": True, "result": []})


def test_flood_control_answers_429_once(api: FakeBotApi, monkeypatch: pytest.MonkeyPatch) -> None:
    # Opt in to PTB 23's timedelta retry_after: with an int, PTB 22 warns as it builds the error.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    api.fail_next("sendMessage", retry_after=3)

    async def scenario() -> dt.timedelta:
        async with build_app(api) as app:
            with pytest.raises(RetryAfter) as caught:
                await app.bot.send_message(USER_ID, "first try")
            await app.bot.send_message(USER_ID, "second try")
            return caught.value.retry_after

    assert asyncio.run(scenario()) == dt.timedelta(seconds=3)
    assert [(r.params["text"], r.error_code) for r in api.records("sendMessage")] == [
        ("first try", 429), ("second try", None)]


def test_error_bodies_are_telegrams(api: FakeBotApi) -> None:
    api.fail_next("sendMessage", error_code=403)
    base = f"/bot{api.token}"
    assert raw_post(api, f"{base}/sendMessage", {"chat_id": "1", "text": "x"}) == (
        403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"})
    assert raw_post(api, f"{base}/fooBar", {}) == (
        404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"})
    assert raw_post(api, "/bot1:wrong/getMe", {}) == (
        401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
    assert raw_post(api, f"{base}/sendMessage", {"chat_id": "1", "text": "x" * 4097}) == (
        400, {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"})
    assert api.methods() == ["sendMessage", "fooBar", "sendMessage"]


def test_unknown_method_via_ptb_is_recorded_with_multipart_upload(api: FakeBotApi) -> None:
    async def scenario() -> None:
        async with build_app(api) as app:
            # PTB maps any 404 to InvalidToken, except in do_api_request (EndPointNotFound).
            with pytest.raises(InvalidToken, match="Not Found: method not found"):
                await app.bot.send_document(USER_ID, document=b"%PDF-1.4", filename="rights.pdf")
            with pytest.raises(EndPointNotFound):
                await app.bot.do_api_request("fooBar")

    asyncio.run(scenario())
    (record,) = api.records("sendDocument")
    assert record.content_type.startswith("multipart/form-data; boundary=")
    assert (record.error_code, record.params["chat_id"]) == (404, str(USER_ID))
    assert dict(record.params["document"]) == {
        "filename": "rights.pdf", "content_type": "application/pdf", "content": b"%PDF-1.4"}


def test_callback_edit_and_commands_round_trip(api: FakeBotApi) -> None:
    async def scenario() -> tuple[Any, ...]:
        async with build_app(api) as app:
            sent = await app.bot.send_message(USER_ID, "Choose", reply_markup=InlineKeyboardMarkup.from_button(
                InlineKeyboardButton("English", callback_data="lang:en")))
            await app.bot.answer_callback_query("2630180374905720417")
            edited = await app.bot.edit_message_text("English it is", chat_id=USER_ID, message_id=sent.message_id)
            await app.bot.set_my_commands([("start", "Start over")], language_code="es")
            return edited, await app.bot.get_my_commands(language_code="es"), await app.bot.get_my_commands()

    edited, commands_es, commands_default = asyncio.run(scenario())
    assert (edited.text, edited.reply_markup, edited.edit_date is not None) == ("English it is", None, True)
    assert [(c.command, c.description) for c in commands_es] == [("start", "Start over")]
    assert commands_default == ()
    assert api.calls("answerCallbackQuery") == [{"callback_query_id": "2630180374905720417"}]
    assert api.calls("setMyCommands") == [
        {"commands": [{"command": "start", "description": "Start over"}], "language_code": "es"}]


def test_webhook_excludes_polling(api: FakeBotApi) -> None:
    async def scenario() -> tuple[str, str]:
        async with build_app(api) as app:
            await app.bot.set_webhook("https://example.org/telegram", secret_token="s3cret_tok")
            url = (await app.bot.get_webhook_info()).url
            with pytest.raises(Conflict) as caught:
                await app.bot.get_updates(timeout=0)
            await app.bot.delete_webhook()
            await app.bot.get_updates(timeout=0)
            return url, str(caught.value)

    url, conflict = asyncio.run(scenario())
    assert url == "https://example.org/telegram"
    assert conflict.startswith("Conflict: can't use getUpdates method while webhook is active")
    assert api.calls("setWebhook")[0]["secret_token"] == "s3cret_tok"


def test_get_file_and_download(api: FakeBotApi) -> None:
    api.add_file("BQACAgEAAxkBAAIFakeDoc", b"hello", file_path="documents/file_1.txt")

    async def scenario() -> bytes:
        async with build_app(api) as app:
            telegram_file = await app.bot.get_file("BQACAgEAAxkBAAIFakeDoc")
            return bytes(await telegram_file.download_as_bytearray())

    assert asyncio.run(scenario()) == b"hello"


def test_wait_for_reports_what_was_called(api: FakeBotApi) -> None:
    raw_post(api, f"/bot{api.token}/getMe", {})
    with pytest.raises(AssertionError, match=r"expected 1 call\(s\) of sendMessage.*\['getMe'\]"):
        api.wait_for("sendMessage", 1, timeout=0.01)


def test_reset_forgets_everything(api: FakeBotApi) -> None:
    api.push_update(load_telegram("message"))
    api.fail_next("getMe")
    raw_post(api, f"/bot{api.token}/sendMessage", {"chat_id": "1", "text": "x"})
    api.reset()
    assert (api.calls(), api.pending_updates()) == ([], [])
    status, body = raw_post(api, f"/bot{api.token}/sendMessage", {"chat_id": "1", "text": "x"})
    assert (status, body["result"]["message_id"]) == (200, 1)
