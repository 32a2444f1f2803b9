"""The trainers' page and its JSON API (bot/channels/web.py), through Flask's test client on a real SQLite store."""
from __future__ import annotations

import json
import re
import secrets
import sqlite3
import uuid
from typing import Any
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient
from twilio.request_validator import RequestValidator

from bot.channels.web import demo as web
from bot.text.sms import sms_info
from webhook import create_app

TOKEN = "web-test-twilio-token"
BASE = "https://kyr.example.org"
LANGS = {"en": "English", "es": "Español", "zh": "简体中文", "zh-Hant": "繁體中文", "ar": "العربية", "ur": "اردو", "ht": "Kreyòl ayisyen",
         "pt": "Português", "vi": "Tiếng Việt", "fr": "Français"}
CODES = ", ".join(sorted(LANGS))
XSS = "<script>window.__x=1</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One app on a throw-away SQLite store, with Twilio on (to compare SMS bodies) and Spanish accents folded."""
    store = tmp_path_factory.mktemp("web") / "kyr.db"
    return create_app({"KYR_STORE": f"sqlite:///{store}", "KYR_SECRET": "web-secret", "TWILIO_AUTH_TOKEN": TOKEN,
                       "PUBLIC_BASE_URL": BASE, "KYR_SMS_FOLD_ACCENTS": "es", "KYR_RATE_LIMIT": "1000",
                       "KYR_WEB_DEMO": "1"})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client."""
    return app.test_client()


def new_session() -> str:
    """A fresh id, as the page makes one."""
    return secrets.token_hex(16)


def call(client: FlaskClient, path: str, **payload: Any) -> dict[str, Any]:
    """POST a JSON body to the API and return the answer, which must be 200 JSON."""
    response = client.post(path, json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def texts(turn: dict[str, Any]) -> list[str]:
    """The texts of a turn's replies."""
    return [r["text"] for r in turn["replies"]]


# --- the page -----------------------------------------------------------------------------------------
def test_page_names_each_language_in_itself_with_direction(client: FlaskClient) -> None:
    """GET / lists the ten languages in their own names, each with lang, and dir=rtl for Arabic and Urdu."""
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    buttons = re.findall(r'<button type="button" class="lang" data-lang="([\w-]+)" lang="([\w-]+)"( dir="rtl")? '
                         r'aria-pressed="\w+">([^<]+)</button>', html)
    assert {code: name for code, _, _, name in buttons} == LANGS
    assert all(code == lang for code, lang, _, _ in buttons)
    assert {code for code, _, rtl, _ in buttons if rtl} == {"ar", "ur"}
    assert buttons[0][0] == "en"


def test_page_has_a_strict_csp_and_loads_only_its_own_assets(client: FlaskClient) -> None:
    """default-src 'self' on the page; every script and stylesheet is served by the app (works offline)."""
    response = client.get("/")
    assert response.headers["Content-Security-Policy"] == web.CSP
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self';")
    html = response.get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/assets/web/chat.js" in assets and "/assets/web/chat.css" in assets
    assert not [a for a in assets if "//" in a], "no CDN or external address"
    for asset in ("/assets/web/chat.js", "/assets/web/chat.css"):
        served = client.get(asset)
        assert served.status_code == 200 and served.headers["X-Content-Type-Options"] == "nosniff"
        assert "http://" not in served.get_data(as_text=True) and "https://" not in served.get_data(as_text=True)


def test_page_script_never_writes_html() -> None:
    """The page builds every bubble with textContent: no innerHTML, outerHTML, insertAdjacentHTML or eval."""
    source = (web.WEB_DIR / "static" / "chat.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", source)


# --- conversations ------------------------------------------------------------------------------------
def test_reset_greets_with_the_main_menu(client: FlaskClient) -> None:
    """A fresh page gets the greeting and the main menu (the urgent topics, then More topics)."""
    turn = call(client, "/api/reset", session=new_session())
    assert (turn["flow"], turn["node"], turn["lang"], turn["rtl"]) == ("menu", "start", "en", False)
    assert texts(turn)[0].startswith("Hi, I am kyrbot.")
    options = turn["replies"][-1]["options"]
    assert options[0] == {"key": "1", "label": "ICE is at my door", "target": "ice_at_door"}
    assert [o["key"] for o in options] == [str(i) for i in range(1, 8)]
    assert options[-1] == {"key": "7", "label": "More topics", "target": "menu.more"}


def test_a_flow_forward_and_back(client: FlaskClient) -> None:
    """Menu -> ICE at my door -> the warrant -> back: each answer says where the session stands."""
    session = new_session()
    call(client, "/api/reset", session=session)
    door = call(client, "/api/message", session=session, text="1")
    assert (door["flow"], door["node"]) == ("ice_at_door", "start")
    assert texts(door)[0].startswith("Do not open the door.")
    warrant = call(client, "/api/message", session=session, text="1")
    assert (warrant["flow"], warrant["node"]) == ("ice_at_door", "warrant")
    back = call(client, "/api/message", session=session, text="back")
    assert (back["flow"], back["node"]) == ("ice_at_door", "start")
    assert texts(back)[0] in texts(door)[0] and back["replies"][-1]["options"] == door["replies"][-1]["options"]


def test_urgent_text_opens_the_flow_at_once(client: FlaskClient) -> None:
    """Typed free text is routed like any channel's: 'ICE is at my door' as a first message."""
    turn = call(client, "/api/message", session=new_session(), text="ICE is at my door")
    assert (turn["flow"], turn["node"]) == ("ice_at_door", "start")


@pytest.mark.parametrize("code", sorted(LANGS))
def test_switcher_acts_like_the_language_menu(client: FlaskClient, app: Flask, code: str) -> None:
    """Picking a language says so in it and shows the same step again in it, with the rtl flag."""
    session = new_session()
    call(client, "/api/reset", session=session)
    call(client, "/api/message", session=session, text="1")
    turn = call(client, "/api/language", session=session, lang=code)
    content = app.extensions["kyrbot"].engine.content
    assert (turn["flow"], turn["node"], turn["lang"], turn["rtl"]) == ("ice_at_door", "start", code, code in ("ar", "ur"))
    assert texts(turn)[0] == content.texts[code]["ui.language_set"]
    assert all(r["lang"] == code and r["rtl"] == (code in ("ar", "ur")) for r in turn["replies"])
    assert turn["replies"][-1]["options"][0]["target"] == "ice_at_door.warrant"
    assert turn["ui"] == {"placeholder": content.texts[code]["ui.web_placeholder"],
                          "send": content.texts[code]["ui.web_send"]}


def test_lang_on_a_message_sets_the_language_first(client: FlaskClient) -> None:
    """'lang' with a message works as in chat.py --json: the language is set before the message is handled."""
    turn = call(client, "/api/message", session=new_session(), text="1", lang="ar")
    assert (turn["lang"], turn["rtl"], turn["flow"]) == ("ar", True, "ice_at_door")
    assert re.search("[\u0600-\u06ff]", texts(turn)[0])


def test_reset_forgets_the_conversation(client: FlaskClient) -> None:
    """After a reset the same page starts again at the menu, in the language it asks for."""
    session = new_session()
    call(client, "/api/message", session=session, text="1")
    turn = call(client, "/api/reset", session=session, lang="es")
    assert (turn["flow"], turn["node"], turn["lang"]) == ("menu", "start", "es")
    assert call(client, "/api/message", session=session, text="2")["flow"] == "airport"


def test_session_id_is_stored_only_hashed(client: FlaskClient, app: Flask) -> None:
    """Like a phone number, the page's id never reaches the store in clear."""
    session = new_session()
    call(client, "/api/message", session=session, text="1")
    path = app.extensions["kyrbot"].settings.store.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        dump = "\n".join(db.iterdump())
    assert session not in dump


# --- SMS view: exactly what the Twilio adapter sends ------------------------------------------------
def twilio_bodies(client: FlaskClient, phone: str, text: str) -> list[str]:
    """The <Message> bodies /twilio answers for one signed SMS."""
    form = {"From": phone, "To": "+15555550100", "Body": text, "MessageSid": f"SM{uuid.uuid4().hex}", "NumMedia": "0"}
    signature = RequestValidator(TOKEN).compute_signature(BASE + "/twilio", form)
    response = client.post("/twilio", data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200, response.get_data(as_text=True)
    return [m.text or "" for m in ElementTree.fromstring(response.data).findall("Message")]


@pytest.mark.parametrize("steps", [
    ["hi", "1", "1", "back", "3"],                       # English: menu, a flow, an officer's message
    ["hola", "language", "3", "1", "2", "0"],            # Spanish (accents folded by this app's setting)
    ["1", "language", "2", "1", "menu", "7"],            # Arabic: right-to-left marks
    ["language", "9", "6", "1", "STOP"],                 # Chinese, then a carrier opt-out: no SMS at all
])
def test_sms_bodies_are_what_twilio_sends(client: FlaskClient, steps: list[str]) -> None:
    """Turn by turn, the page's SMS bubbles carry the very bodies the Twilio adapter answers, with their cost."""
    session, phone = new_session(), f"+1555{secrets.randbelow(10**7):07d}"
    for text in steps:
        turn = call(client, "/api/message", session=session, text=text, channel="sms")
        expected = twilio_bodies(client, phone, text)
        assert [s["body"] for s in turn["sms"]] == expected, text
        for sms in turn["sms"]:
            encoding, segments = sms_info(sms["body"])
            assert (sms["encoding"], sms["segments"]) == (encoding, segments)


def test_language_picker_numbers_are_the_ones_used_above(client: FlaskClient) -> None:
    """The SMS steps above pick Spanish, Arabic and Chinese by number: check the picker's order."""
    turn = call(client, "/api/message", session=new_session(), text="language")
    targets = {o["key"]: o["target"] for o in turn["replies"][-1]["options"]}
    assert (targets["3"], targets["2"], targets["9"]) == ("language.es", "language.ar", "language.zh")


def test_each_reply_carries_its_own_sms_cost(client: FlaskClient) -> None:
    """Per reply, the SMS text and cost as chat.py --json reports them (bot.render.sms_text)."""
    turn = call(client, "/api/message", session=new_session(), text="1", lang="ar", channel="sms")
    for reply in turn["replies"]:
        encoding, segments = sms_info(reply["sms"]["text"])
        assert reply["sms"] == {"text": reply["sms"]["text"], "segments": segments, "encoding": encoding}
        assert encoding == "UCS-2" and reply["sms"]["text"].startswith(reply["text"][:3])


# --- what the page sends is data ----------------------------------------------------------------------
def test_markup_is_only_data(client: FlaskClient) -> None:
    """Typed markup is answered as JSON (never HTML, never sniffed); the page shows it with textContent."""
    response = client.post("/api/message", json={"session": new_session(), "text": XSS})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script" not in response.get_data(as_text=True)
    assert response.get_json()["replies"], "the bot still answers (it did not understand)"


def test_longest_text_is_taken(client: FlaskClient) -> None:
    """1600 characters, the most one SMS body carries, is a message like any other."""
    assert call(client, "/api/message", session=new_session(), text="a" * web.MAX_TEXT)["replies"]


@pytest.mark.parametrize("body, content_type, status, error", [
    ("hello", "text/plain", 400, web.NOT_JSON),
    ('{"session": ', "application/json", 400, web.NOT_JSON),
    ("[1, 2]", "application/json", 400, web.NOT_OBJECT),
    ('"text"', "application/json", 400, web.NOT_OBJECT),
    ('{"text": "hi"}', "application/json", 400, web.BAD_SESSION),
    ('{"session": 12345678901234567890, "text": "hi"}', "application/json", 400, web.BAD_SESSION),
    ('{"session": "short", "text": "hi"}', "application/json", 400, web.BAD_SESSION),
    ('{"session": "../../etc/passwd-0000000", "text": "hi"}', "application/json", 400, web.BAD_SESSION),
    ('{"session": "' + "a" * 65 + '", "text": "hi"}', "application/json", 400, web.BAD_SESSION),
    ('{"session": "0123456789abcdef", "text": 1}', "application/json", 400, web.BAD_TEXT),
    ('{"session": "0123456789abcdef", "text": null}', "application/json", 400, web.BAD_TEXT),
    ('{"session": "0123456789abcdef", "text": ["hi"]}', "application/json", 400, web.BAD_TEXT),
    ('{"session": "0123456789abcdef", "text": "' + "a" * 1601 + '"}', "application/json", 413, web.TOO_LONG),
    ('{"session": "0123456789abcdef", "text": "hi", "lang": "de"}', "application/json", 400,
     f"lang must be one of: {CODES}"),
    ('{"session": "0123456789abcdef", "text": "hi", "lang": 1}', "application/json", 400,
     f"lang must be one of: {CODES}"),
    ('{"session": "0123456789abcdef", "text": "hi", "channel": "whatsapp"}', "application/json", 400,
     'channel must be "sms" or "telegram"'),
    ('{"session": "0123456789abcdef", "text": "hi", "channel": ["sms"]}', "application/json", 400,
     'channel must be "sms" or "telegram"'),
])
def test_bad_messages_are_refused_with_a_reason(client: FlaskClient, body: str, content_type: str, status: int,
                                                error: str) -> None:
    """Each bad request gets its own 4xx and a message that says what to fix."""
    response = client.post("/api/message", data=body, content_type=content_type)
    assert (response.status_code, response.get_json()) == (status, {"error": error})


def test_exact_refusal_texts() -> None:
    """The user-facing refusal texts, word for word."""
    assert web.TOO_LONG == "text is longer than 1600 characters (the most one SMS body can carry): shorten it"
    assert web.BAD_SESSION == "session must be a string of 16 to 64 letters, digits, '-' or '_'"
    assert web.NOT_JSON == "send a JSON object with Content-Type: application/json"


@pytest.mark.parametrize("path, payload, error", [
    ("/api/language", {"session": "0123456789abcdef"}, f"lang must be one of: {CODES}"),
    ("/api/language", {"session": "0123456789abcdef", "lang": "AR"}, f"lang must be one of: {CODES}"),
    ("/api/language", {"lang": "ar"}, web.BAD_SESSION),
    ("/api/reset", {"session": "0123456789abcdef", "lang": ""}, f"lang must be one of: {CODES}"),
    ("/api/reset", {"session": None}, web.BAD_SESSION),
])
def test_bad_language_and_reset_requests(client: FlaskClient, path: str, payload: dict, error: str) -> None:
    """The switcher and reset check their input the same way."""
    response = client.post(path, json=payload)
    assert (response.status_code, response.get_json()) == (400, {"error": error})


def test_a_body_over_the_app_limit_is_413_json(client: FlaskClient) -> None:
    """A huge body is refused before it is read, still as JSON."""
    response = client.post("/api/message", data="{" + " " * 70_000 + "}", content_type="application/json")
    assert (response.status_code, response.get_json()) == (413, {"error": web.TOO_LARGE})


@pytest.mark.parametrize("text", ["\ud800", "\x00", "\u202e" * 50, "ﷺ" * 400, "0" * 3, "🙂" * 800])
def test_odd_text_never_breaks_the_service(client: FlaskClient, text: str) -> None:
    """Lone surrogates, NUL, bidi overrides, long ligatures, emoji: an answer, never a 500."""
    response = client.post("/api/message", data=json.dumps({"session": new_session(), "text": text}),
                           content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["replies"]


@pytest.mark.parametrize(("method", "path", "status", "error"), [
    ("get", "/api/message", 405, "use POST for /api/message"),
    ("post", "/api/nothing", 404, "no such API endpoint"),
])
def test_routing_errors_on_the_api_are_json(app, method: str, path: str, status: int, error: str) -> None:
    """A wrong method or path under /api/ answers JSON like every other API refusal, not an HTML page."""
    response = getattr(app.test_client(), method)(path)
    assert (response.status_code, response.get_json()) == (status, {"error": error})


def test_other_unknown_paths_keep_flasks_plain_404(app) -> None:
    """Outside the API nothing changes."""
    response = app.test_client().get("/no-such-page")
    assert response.status_code == 404 and response.get_json(silent=True) is None
