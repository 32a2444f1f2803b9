"""Telegram over real HTTP against the fake Bot API: polling (PTB's updater) and the webhook (POST /telegram)."""
from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.channels.base import kyr
from bot.channels.telegram import adapter as tg
from bot.channels.telegram import handlers
from bot.core.engine import Engine
from bot.core.session import Choice, Inbound, Reply, Session
from bot.service.handler import Service
from bot.service.privacy import user_key
from bot.service.runtime import build_service, settings_from
from tests.fakes import FakeBotApi
from tests.payloads import load_telegram, with_fields

ANA = 6123456789
SECRET = "kyr-test_webhook-secret"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
_ids = itertools.count(500_000_001)


def payload(name: str, **fields: Any) -> dict[str, Any]:
    """A recorded update with a fresh, increasing update_id (the recorded ids are not in order)."""
    return with_fields(load_telegram(name), update_id=next(_ids), **fields)


def as_user(update: dict[str, Any], user_id: int, lang: str | None = None) -> dict[str, Any]:
    """The same private message from another user (chat id = user id), optionally another language."""
    fields: dict[str, Any] = {"message.chat.id": user_id, "message.from.id": user_id}
    if lang:
        fields["message.from.language_code"] = lang
    return with_fields(update, **fields)


def expected(engine: Engine, *texts: str, lang: str = "en") -> tuple[Reply, ...]:
    """The replies the engine gives to the last of `texts`, after the others, for a new user."""
    session, replies = None, ()
    for text in texts:
        result = engine.step(session, Inbound(text, time.time(), lang_hint=lang, page=handlers.PAGE))
        session, replies = result.session, result.replies
    return replies


def sent(reply: Reply) -> dict[str, Any]:
    """The exact sendMessage parameters the fake should decode for a short reply to Ana."""
    call: dict[str, Any] = {"chat_id": str(ANA), "text": reply.text}
    if reply.options:
        call["reply_markup"] = {"inline_keyboard": [[{"callback_data": f"o:{o.key}", "text": o.label}]
                                                    for o in reply.options]}
    return call


@pytest.fixture()
def service(tmp_path: Path, engine: Engine) -> Service:
    """A service on a fresh SQLite file and the shared engine."""
    settings = settings_from({"KYR_STORE": f"sqlite:///{tmp_path}/tg.db", "KYR_SECRET": "test-secret"})
    return build_service(settings, engine)


@pytest.fixture()
def api() -> Iterator[FakeBotApi]:
    """A fresh fake Bot API."""
    with FakeBotApi() as fake:
        yield fake


@pytest.fixture()
def polling(api: FakeBotApi, service: Service) -> Iterator[tg.Running]:
    """The polling Application, long-polling the fake (its polls are capped at 0.5 s and woken by pushes)."""
    running = tg.Running(handlers.build_application(api.token, service, api.base_url), poll_interval=0.0, timeout=1)
    yield running
    running.stop()


# -- the pure mapping ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind", "inbound_text"), [
    ("/start", "hello", "start"), ("/start@kyr_test_bot", "hello", "start"), ("/menu", "text", "menu"),
    ("/language", "text", "language"), ("/help", "text", "help"), ("/delete", "text", "delete"),
    ("/unknown", "text", "/unknown"), ("ICE is here", "text", "ICE is here"),
])
def test_commands_and_texts_map_to_inbound(text: str, kind: str, inbound_text: str) -> None:
    update = Update.de_json(with_fields(load_telegram("message_es"), **{"message.text": text}), None)
    assert handlers.to_inbound(update, 5.0) == Inbound(inbound_text, 5.0, kind=kind, lang_hint="es", page=handlers.PAGE)


def test_media_buttons_and_ignored_updates_map_to_inbound() -> None:
    def inbound(update: dict[str, Any]) -> Inbound | None:
        return handlers.to_inbound(Update.de_json(update, None), 1.0)

    media = Inbound("", 1.0, kind="media", lang_hint="en", page=handlers.PAGE)  # Telegram's page: 4096 characters
    assert inbound(load_telegram("sticker")) == media and inbound(load_telegram("photo")) == media
    tap = with_fields(load_telegram("callback_query"), **{"callback_query.data": "o:3"})
    assert inbound(tap) == Inbound("3", 1.0, lang_hint="en", page=handlers.PAGE)
    for name in ("callback_query", "edited_message", "my_chat_member", "channel_post", "group_message",
                 "new_chat_members"):
        assert inbound(load_telegram(name)) is None, name


def test_long_text_is_split_with_the_keyboard_under_the_last_part() -> None:
    reply = Reply(("A sentence of the reply. " * 40 + "\n\n") * 5, (Choice("1", "One", "x"), Choice("0", "Menu", "menu")))
    parts = handlers.messages(reply)
    assert len(parts) == 2 and all(len(text) <= 4096 for text, _ in parts)
    assert parts[0][1] is None
    assert [[b.callback_data for b in row] for row in parts[1][1].inline_keyboard] == [["o:1"], ["o:0"]]


# -- polling -----------------------------------------------------------------------------------------
def test_polling_text_gets_the_greeting_with_one_button_per_option(api: FakeBotApi, polling: tg.Running,
                                                                    engine: Engine) -> None:
    api.push_update(payload("message"))
    assert api.wait_for("sendMessage") == [sent(r) for r in expected(engine, "hi")]
    assert api.methods()[:2] == ["getMe", "deleteWebhook"]


def test_polling_button_tap_is_answered_cleared_and_handled(api: FakeBotApi, polling: tg.Running,
                                                            engine: Engine) -> None:
    api.push_update(payload("message"))
    api.wait_for("sendMessage")
    tap = payload("callback_query", **{"callback_query.data": "o:1", "callback_query.message.message_id": 1})
    api.push_update(tap)
    calls = api.wait_for("sendMessage", 2)
    assert calls[1] == sent(expected(engine, "hi", "1")[0])
    assert api.calls("answerCallbackQuery") == [{"callback_query_id": "2630180374905720417"}]
    assert api.calls("editMessageReplyMarkup") == [{"chat_id": str(ANA), "message_id": "1"}]


def test_polling_officer_card_is_its_own_message(api: FakeBotApi, polling: tg.Running, engine: Engine) -> None:
    for text in ("hi", "1", "3"):
        api.push_update(payload("message", **{"message.text": text}))
    replies = expected(engine, "hi", "1", "3")
    assert [r.kind for r in replies] == ["message", "officer"]
    assert api.wait_for("sendMessage", 4)[2:] == [sent(r) for r in replies]


def test_polling_start_and_delete_erase_at_once(api: FakeBotApi, polling: tg.Running, service: Service,
                                                engine: Engine) -> None:
    api.push_update(payload("command_start"))
    assert api.wait_for("sendMessage")[0]["text"] == expected(engine, "hi")[0].text
    key = user_key(service.secret, "telegram", str(ANA))
    assert service.store.get(key, time.time()) is not None
    api.push_update(payload("command_start", **{"message.text": "/delete"}))
    assert api.wait_for("sendMessage", 2)[1] == sent(expected(engine, "hi", "delete")[0])
    assert service.store.get(key, time.time()) is None


def test_polling_media_and_ignored_updates(api: FakeBotApi, polling: tg.Running, engine: Engine) -> None:
    for name in ("edited_message", "my_chat_member", "my_chat_member_unblocked", "channel_post",
                 "group_message", "new_chat_members", "callback_query", "sticker"):
        api.push_update(payload(name))
    media = engine.view.t("ui.media", "en")
    assert api.wait_for("sendMessage") == [{"chat_id": str(ANA), "text": media}]
    assert len(api.calls("answerCallbackQuery")) == 1   # an unknown button is still answered
    api.push_update(payload("photo"))
    assert api.wait_for("sendMessage", 2)[1] == {"chat_id": str(ANA), "text": media}


def test_polling_flood_control_is_retried_once_then_given_up(api: FakeBotApi, polling: tg.Running,
                                                             caplog: pytest.LogCaptureFixture,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(handlers, "pause", record)
    api.fail_next("sendMessage", 429, retry_after=3)
    api.push_update(payload("message"))
    api.wait_for("sendMessage", 2)
    assert [r.error_code for r in api.records("sendMessage")] == [429, None] and waits == [3.0]
    api.fail_next("sendMessage", 429, retry_after=2)
    api.fail_next("sendMessage", 429, retry_after=2)
    api.push_update(payload("message", **{"message.text": "menu"}))
    api.push_update(payload("sticker"))
    api.wait_for("sendMessage", 5)
    assert [r.error_code for r in api.records("sendMessage")] == [429, None, 429, 429, None]
    assert waits == [3.0, 2.0]
    assert "telegram send given up: flood control" in caplog.text


def test_polling_logs_no_ids_texts_or_token(api: FakeBotApi, service: Service,
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    running = tg.Running(handlers.build_application(api.token, service, api.base_url), poll_interval=0.0, timeout=1)
    try:
        for name in ("message_es", "group_message", "edited_message", "sticker"):
            api.push_update(payload(name))
        api.wait_for("sendMessage", 2)
    finally:
        running.stop()
    for secret in ("6234567890", str(ANA), "-1001987654321", "aeropuerto", "abrir", api.token.split(":")[1]):
        assert secret not in caplog.text
    assert "telegram update ignored kind=message:supergroup" in caplog.text


# -- webhook -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hook_api() -> Iterator[FakeBotApi]:
    """One fake Bot API for the webhook tests (reset before each)."""
    with FakeBotApi() as fake:
        yield fake


@pytest.fixture(scope="module")
def flask_app(hook_api: FakeBotApi, engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The real app factory with the Telegram channel on, its Bot API pointed at the fake."""
    app = make_app(engine, tmp_path_factory.mktemp("tg"), TELEGRAM_BOT_TOKEN=hook_api.token,
                   TELEGRAM_WEBHOOK_SECRET=SECRET)
    app.config["TELEGRAM_API_BASE_URL"] = hook_api.base_url
    yield app
    tg.shutdown(app)


def make_app(engine: Engine, tmp: Path, **config: str) -> Any:
    """create_app on a temporary store, reusing the session's engine (loading content takes a second)."""
    import webhook

    return webhook.create_app({"KYR_STORE": f"sqlite:///{tmp}/hook.db", "KYR_SECRET": "s", **config}, engine)


@pytest.fixture()
def client(flask_app: Any, hook_api: FakeBotApi) -> Any:
    """A test client, with the fake's records cleared."""
    hook_api.reset()
    return flask_app.test_client()


_users = itertools.count(6_900_000_001)


def test_webhook_new_user_exact_reply(client: Any, hook_api: FakeBotApi, engine: Engine) -> None:
    user = next(_users)
    response = client.post("/telegram", json=as_user(payload("message"), user), headers={HEADER: SECRET})
    assert (response.status_code, response.data) == (200, b"")   # the view waited: the reply is already sent
    assert hook_api.calls("sendMessage") == [{**sent(r), "chat_id": str(user)} for r in expected(engine, "hi")]


@pytest.mark.parametrize("headers", [{}, {HEADER: "wrong"}, {HEADER: SECRET + "x"}, {HEADER: "ñ"}])
def test_webhook_refuses_a_missing_or_wrong_secret(client: Any, hook_api: FakeBotApi,
                                                   headers: dict[str, str]) -> None:
    assert client.post("/telegram", json=payload("message"), headers=headers).status_code == 403
    assert hook_api.calls("sendMessage") == []


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'{"message": {}}'])
def test_webhook_refuses_what_is_not_an_update(client: Any, hook_api: FakeBotApi, body: bytes) -> None:
    response = client.post("/telegram", data=body, content_type="application/json", headers={HEADER: SECRET})
    assert response.status_code == 400
    assert hook_api.calls("sendMessage") == []


def test_webhook_redelivery_is_handled_once(client: Any, hook_api: FakeBotApi) -> None:
    update = as_user(payload("message"), next(_users))
    codes = [client.post("/telegram", json=update, headers={HEADER: SECRET}).status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    assert len(hook_api.calls("sendMessage")) == 1


def test_webhook_ignored_updates_get_200_and_no_reply(client: Any, hook_api: FakeBotApi) -> None:
    for name in ("edited_message", "my_chat_member", "channel_post", "group_message", "new_chat_members"):
        assert client.post("/telegram", json=payload(name), headers={HEADER: SECRET}).status_code == 200
    future = {"update_id": next(_ids), "message_reaction_v9": {"chat": {"id": ANA, "type": "private"}}}
    assert client.post("/telegram", json=future, headers={HEADER: SECRET}).status_code == 200
    assert hook_api.calls("sendMessage") == []


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_webhook_passes_telegram_language_code(client: Any, flask_app: Any, lang: str) -> None:
    user = next(_users)
    client.post("/telegram", json=as_user(payload("message"), user, lang), headers={HEADER: SECRET})
    service = kyr(flask_app).service
    record = service.store.get(user_key(service.secret, "telegram", str(user)), time.time())
    assert Session.from_dict(record["s"]).lang == lang


def test_webhook_button_tap(client: Any, hook_api: FakeBotApi, engine: Engine) -> None:
    user = next(_users)
    client.post("/telegram", json=as_user(payload("message"), user), headers={HEADER: SECRET})
    tap = payload("callback_query", **{"callback_query.data": "o:2", "callback_query.message.chat.id": user,
                                       "callback_query.from.id": user})
    assert client.post("/telegram", json=tap, headers={HEADER: SECRET}).status_code == 200
    assert hook_api.methods()[-3:] == ["answerCallbackQuery", "editMessageReplyMarkup", "sendMessage"]
    assert hook_api.calls("sendMessage")[-1]["text"] == expected(engine, "hi", "2")[0].text


def test_webhook_application_is_rebuilt_in_a_forked_process(flask_app: Any, client: Any) -> None:
    hook = flask_app.extensions[tg.EXTENSION]
    client.post("/telegram", json=payload("edited_message"), headers={HEADER: SECRET})
    first = hook.running
    hook.pid = -1     # as if this process were a worker forked after the parent started its loop thread
    client.post("/telegram", json=payload("edited_message"), headers={HEADER: SECRET})
    assert hook.running is not first and first is not None
    first.stop()


def test_webhook_off_without_token_and_closed_without_secret(engine: Engine, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    off = make_app(engine, tmp_path).test_client().post("/telegram", json=payload("message"))
    assert (off.status_code, off.get_data(as_text=True)) == (503, "Telegram channel is off: set TELEGRAM_BOT_TOKEN")
    assert "channel telegram: off (set TELEGRAM_BOT_TOKEN)" in caplog.text
    app = make_app(engine, tmp_path, TELEGRAM_BOT_TOKEN="1:x")
    assert app.test_client().post("/telegram", json=payload("message"), headers={HEADER: ""}).status_code == 403
    assert "refuses every update until TELEGRAM_WEBHOOK_SECRET is set" in caplog.text
    assert app.extensions[tg.EXTENSION].running is None


# -- setup script ----------------------------------------------------------------------------------------
def test_setup_script_sets_webhook_secret_and_commands(api: FakeBotApi, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.cli import telegram_setup as setup
    for key, value in {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_WEBHOOK_SECRET": SECRET,
                       "TELEGRAM_API_BASE_URL": api.base_url, "PUBLIC_BASE_URL": "https://kyr.example.org/"}.items():
        monkeypatch.setenv(key, value)
    assert setup.main(["--webhook"]) == 0
    assert api.calls("setWebhook") == [{"url": "https://kyr.example.org/telegram", "secret_token": SECRET,
                                        "allowed_updates": handlers.ALLOWED_UPDATES}]
    assert [c["command"] for c in api.calls("setMyCommands")[0]["commands"]] == list(handlers.COMMANDS)
    assert setup.main(["--delete"]) == 0 and api.methods()[-1] == "deleteWebhook"
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "has spaces")
    assert setup.main(["--webhook", "https://x.example.org/telegram"]) == 2


def test_webhook_answers_503_while_the_bot_api_is_unreachable(engine: Engine, tmp_path: Path) -> None:
    app = make_app(engine, tmp_path, TELEGRAM_BOT_TOKEN="1:x", TELEGRAM_WEBHOOK_SECRET=SECRET)
    app.config["TELEGRAM_API_BASE_URL"] = "http://127.0.0.1:1/bot"   # nothing listens: getMe fails
    response = app.test_client().post("/telegram", json=payload("message"), headers={HEADER: SECRET})
    assert (response.status_code, response.get_data(as_text=True)) == (503, "Telegram API unreachable, retry later")
    assert app.extensions[tg.EXTENSION].running is None


def test_webhook_start_command_ends_an_opt_out(client: Any, hook_api: FakeBotApi, engine: Engine) -> None:
    user = next(_users)
    for text in ("stop", "hi", "/start"):
        update = as_user(payload("message", **{"message.text": text}), user)
        assert client.post("/telegram", json=update, headers={HEADER: SECRET}).status_code == 200
    texts = [c["text"] for c in hook_api.calls("sendMessage")]
    assert texts[-1] == expected(engine, "hi")[0].text and len(texts) == 2   # the stop notice, then the greeting


def test_right_to_left_replies_carry_the_same_bidi_marks_as_sms(client: Any, hook_api: FakeBotApi,
                                                                 engine: Engine) -> None:
    """Arabic and Urdu texts are sent through render.bidi_text (numbers, U.S. and 287(g) keep their order);
    left-to-right languages are sent as written."""
    from bot.text.render import LRM, bidi_text

    rtl = Reply("اتصل بـ 1-844-363-1423 في U.S. و 287(g)", (Choice("1", "ICE", "x"),), "ar", True)
    ((text, markup),) = handlers.messages(rtl)
    assert text == bidi_text(rtl.text) and f"{LRM}1-844-363-1423{LRM}" in text and markup is not None
    assert handlers.messages(Reply("Call 1-844-363-1423.", (), "en", False))[0][0] == "Call 1-844-363-1423."
    for lang in ("ar", "ur"):
        user = next(_users)
        for text in ("hi", "1"):   # the greeting, then ICE at the door (its U.S. and numbers need marks)
            hook_api.reset()
            update = as_user(payload("message", **{"message.text": text}), user, lang)
            client.post("/telegram", json=update, headers={HEADER: SECRET})
        replies = expected(engine, "hi", "1", lang=lang)
        assert [c["text"] for c in hook_api.calls("sendMessage")] == [bidi_text(r.text) for r in replies]
        assert all(r.rtl for r in replies) and any(bidi_text(r.text) != r.text for r in replies), lang
        hook_api.reset()
