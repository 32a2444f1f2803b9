"""Property tests of the webhooks: whatever body arrives, signed or not, the answer is 2xx or 4xx, never 5xx."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from bot.channels.telegram import adapter as tg
from bot.core.engine import Engine
from tests.fakes import FakeBotApi

TOKEN = "fuzz-auth-token-0123456789abcdef"
BASE = "https://kyr.example.org"
TG_SECRET = "fuzz_webhook-secret"
TG_HEADER = "X-Telegram-Bot-Api-Secret-Token"
FORM = "application/x-www-form-urlencoded"
WEB_ROUTE = "/api/message"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build_app(engine: Engine, tmp: Path, **config: str) -> Flask:
    """create_app on a temporary SQLite store, reusing the session's engine (loading content takes seconds)."""
    import webhook

    base = {"KYR_STORE": f"sqlite:///{tmp}/fuzz.db", "KYR_SECRET": "fuzz-secret", "TWILIO_AUTH_TOKEN": TOKEN,
            "PUBLIC_BASE_URL": BASE, "KYR_RATE_LIMIT": "1000000", "KYR_WEB_DEMO": "1"}
    return webhook.create_app({**base, **config}, engine)


@pytest.fixture(scope="module")
def bot_api() -> Iterator[FakeBotApi]:
    """The fake Telegram Bot API over real HTTP."""
    with FakeBotApi() as fake:
        yield fake


@pytest.fixture(scope="module")
def app(engine: Engine, bot_api: FakeBotApi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """One app with every channel on."""
    application = build_app(engine, tmp_path_factory.mktemp("fuzz"), TELEGRAM_BOT_TOKEN=bot_api.token,
                            TELEGRAM_WEBHOOK_SECRET=TG_SECRET)
    application.config["TELEGRAM_API_BASE_URL"] = bot_api.base_url
    yield application
    tg.shutdown(application)


def parsed_form(body: bytes) -> Any:
    """The form exactly as the app will parse this body (werkzeug's own parser), so it can be signed."""
    return Request(EnvironBuilder(method="POST", data=body, content_type=FORM).get_environ()).form


def sign(form: Any, url: str = BASE + "/twilio") -> str:
    """Twilio's signature of a parsed form, with Twilio's own RequestValidator."""
    return RequestValidator(TOKEN).compute_signature(url, form)


def oversized(chunk: bytes) -> bytes:
    """A body just over 64 KiB, built from a small drawn chunk (hypothesis is slow at drawing 64 KiB)."""
    return chunk * (64 * 1024 // len(chunk) + 1)


huge = st.binary(min_size=1, max_size=64).map(oversized)


def not_5xx(status: int) -> bool:
    """2xx or 4xx."""
    return 200 <= status < 300 or 400 <= status < 500


# --- Twilio ------------------------------------------------------------------------------------------
TWILIO_KEYS = ["From", "Body", "MessageSid", "NumMedia", "MessageType", "FromState", "To", "WaId", "ProfileName",
               "SmsSid", "AccountSid"]
keys = st.one_of(st.sampled_from(TWILIO_KEYS), st.text(max_size=12))
values = st.one_of(st.text(max_size=40), st.text(max_size=3000), st.sampled_from(
    ["", " ", "+15555550123", "whatsapp:+15555550123", "whatsapp:", "0", "-1", "999999999999999999999", "nan",
     "STOP", "delete", "\x00", "\ud7ff", "🙏" * 500, "x" * 20000]))
pairs = st.lists(st.tuples(keys, values), max_size=10)


@FUZZ
@given(pairs=pairs, base=st.booleans())
def test_twilio_any_signed_form_is_never_5xx(app: Flask, pairs: list[tuple[str, str]], base: bool) -> None:
    """Random keys and values, missing or repeated fields, huge values: signed correctly, never 5xx; with
    From and MessageSid present and the body within 64 KiB, the answer is 200 TwiML."""
    fields = ([("From", "+15555550123"), ("MessageSid", "SMfuzz")] if base else []) + pairs
    body = urlencode(fields).encode()
    form = parsed_form(body)
    response = app.test_client().post("/twilio", data=body, content_type=FORM,
                                      headers={"X-Twilio-Signature": sign(form)})
    assert not_5xx(response.status_code), response.data
    complete = all(form.get(name, "").strip() for name in ("From", "MessageSid"))
    if complete and len(body) <= 64 * 1024:
        assert response.status_code == 200 and response.mimetype == "application/xml", response.data


@FUZZ
@given(body=st.one_of(st.binary(max_size=2000), huge))
def test_twilio_any_bytes_signed_or_not_is_never_5xx(app: Flask, body: bytes) -> None:
    """Raw bytes (non-UTF-8, broken percent escapes, over 64 KiB), signed as the app parses them, or unsigned."""
    client = app.test_client()
    try:
        signature = sign(parsed_form(body))
    except Exception:
        signature = "x"
    for headers in ({"X-Twilio-Signature": signature}, {}, {"X-Twilio-Signature": "forged"},
                    {"X-Twilio-Signature": "ñé"}):
        response = client.post("/twilio", data=body, content_type=FORM, headers=headers)
        assert not_5xx(response.status_code), response.data
    if len(body) > 64 * 1024:
        assert response.status_code == 413


@FUZZ
@given(pairs=pairs, content_type=st.sampled_from([FORM, "application/json", "text/plain", "multipart/form-data",
                                                   ""]))
def test_twilio_unsigned_or_wrong_type_is_refused_with_4xx(app: Flask, pairs: list[tuple[str, str]],
                                                           content_type: str) -> None:
    """Unsigned forms are 403, other content types 415: always 4xx, nothing handled."""
    body = urlencode([("From", "+15555550124"), ("MessageSid", "SMx"), *pairs]).encode()
    response = app.test_client().post("/twilio", data=body, content_type=content_type)
    assert 400 <= response.status_code < 500, response.data


# --- Telegram -----------------------------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=16)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field's proper value, or any JSON value in its place."""
    return st.one_of(strategy, strategy, json_values)


user_shape = st.fixed_dictionaries(
    {"id": maybe(st.integers(-2**40, 2**40))},
    optional={"is_bot": maybe(st.booleans()), "first_name": maybe(st.text(max_size=10)),
              "language_code": maybe(st.sampled_from(["en", "es", "ar", "zz", "pt-BR", ""]))})
chat_shape = st.fixed_dictionaries(
    {"id": maybe(st.integers(-2**40, 2**40)),
     "type": maybe(st.sampled_from(["private", "group", "supergroup", "channel", "secret"]))})
message_shape = st.fixed_dictionaries(
    {"message_id": maybe(st.integers(0, 2**31)), "date": maybe(st.integers(0, 2**31)), "chat": maybe(chat_shape)},
    optional={"from": maybe(user_shape), "text": maybe(st.one_of(st.text(max_size=50), st.text(min_size=4090,
                                                                                                   max_size=5000),
                                                                 st.sampled_from(["/start", "/delete", "/menu x",
                                                                                  "/", "/@", "0"]))),
              "photo": json_values, "sticker": json_values, "entities": json_values})
callback_shape = st.fixed_dictionaries(
    {"id": maybe(st.text(max_size=10)), "from": maybe(user_shape), "chat_instance": maybe(st.text(max_size=5))},
    optional={"message": maybe(message_shape), "data": maybe(st.text(max_size=70))})
update_shape = st.builds(
    lambda uid, kind, body, extra: {"update_id": uid, kind: body, **extra},
    maybe(st.integers(0, 2**31)),
    st.sampled_from(["message", "edited_message", "channel_post", "callback_query", "my_chat_member",
                     "message_reaction", "unknown_kind"]),
    st.one_of(message_shape, callback_shape, json_values),
    st.dictionaries(st.text(max_size=8), json_values, max_size=2))


def post_telegram(app: Flask, data: bytes, secret: str | None = TG_SECRET) -> int:
    """POST a body to /telegram; the status code."""
    headers = {TG_HEADER: secret} if secret is not None else {}
    return app.test_client().post("/telegram", data=data, content_type="application/json",
                                  headers=headers).status_code


@FUZZ
@given(update=st.one_of(update_shape, json_values))
def test_telegram_any_json_with_the_secret_is_never_5xx(app: Flask, bot_api: FakeBotApi, update: Any) -> None:
    """Telegram-like update shapes with wrong types and missing fields, and any JSON at all: 2xx or 4xx."""
    bot_api.reset()
    status = post_telegram(app, json.dumps(update).encode())
    assert not_5xx(status), update
    if not (isinstance(update, dict) and type(update.get("update_id")) is int):
        assert status == 400


@FUZZ
@given(body=st.one_of(st.binary(max_size=500), huge),
       secret=st.sampled_from([TG_SECRET, None, "wrong", "ñ"]))
def test_telegram_any_bytes_is_never_5xx(app: Flask, body: bytes, secret: str | None) -> None:
    """Non-JSON bytes and oversized bodies, with or without the secret: 4xx (or 200), never 5xx."""
    status = post_telegram(app, body, secret)
    assert not_5xx(status)
    if secret != TG_SECRET:
        assert status in (403, 413)


# --- the web API --------------------------------------------------------------------------------------
def require_web_route(app: Flask) -> None:
    """Fail clearly while the web channel (bot/channels/web.py) has not registered POST /api/message."""
    routes = {rule.rule for rule in app.url_map.iter_rules()}
    if WEB_ROUTE not in routes:
        pytest.fail(f"POST {WEB_ROUTE} is not registered: bot/channels/web.py has not built the web API yet "
                    f"(routes: {sorted(routes)})")


@FUZZ
@given(body=st.one_of(st.binary(max_size=500).map(lambda b: (b, "application/json")),
                      json_values.map(lambda v: (json.dumps(v).encode(), "application/json")),
                      st.fixed_dictionaries({"text": maybe(st.text(max_size=3000))},
                                            optional={"user": json_values, "lang": maybe(st.text(max_size=5)),
                                                      "channel": json_values})
                      .map(lambda v: (json.dumps(v).encode(), "application/json")),
                      huge.map(lambda b: (b, "application/json")),
                      st.text(max_size=100).map(lambda t: (t.encode(), "text/plain"))))
def test_web_api_any_body_is_never_5xx(app: Flask, body: tuple[bytes, str]) -> None:
    """Any bytes, any JSON, message-like objects with wrong types, oversized bodies: 2xx or 4xx."""
    require_web_route(app)
    response = app.test_client().post(WEB_ROUTE, data=body[0], content_type=body[1])
    assert not_5xx(response.status_code), response.data
    if len(body[0]) > 64 * 1024:
        assert response.status_code == 413


# --- JSON nested too deep to parse ---------------------------------------------------------------------
DEEP = ["[" * 20_000 + "]" * 20_000, '{"a":' * 10_000 + "1" + "}" * 10_000,
        '{"session": "0123456789abcdef", "text": ' + "[" * 20_000 + "]" * 20_000 + "}"]


@pytest.mark.parametrize("body", DEEP, ids=["array", "object", "inside-a-message"])
def test_json_nested_too_deep_is_a_400_on_the_api(app: Flask, body: str) -> None:
    """Python's parser gives up on ~1000 levels with a RecursionError; a 40 KB body has 20000: bad JSON, 400."""
    from bot.channels.web.demo import NOT_JSON

    response = app.test_client().post(WEB_ROUTE, data=body, content_type="application/json")
    assert (response.status_code, response.get_json()) == (400, {"error": NOT_JSON})


@pytest.mark.parametrize("body", DEEP, ids=["array", "object", "inside-a-message"])
def test_json_nested_too_deep_is_a_400_on_telegram(app: Flask, body: str) -> None:
    """The same body, with the right secret, at the Telegram webhook: 'invalid update', never a 500."""
    response = app.test_client().post("/telegram", data=body, content_type="application/json",
                                      headers={TG_HEADER: TG_SECRET})
    assert (response.status_code, response.get_data(as_text=True)) == (400, "invalid update")
