"""The trainers' Voice view in headless Chromium: the TwiML each step produces, the prompts spoken in their own
languages (Web Speech API), keypad and spoken answers; a screenshot goes to test-artifacts/."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest_browser import WAIT, live_server, watched_page
from webhook import create_app


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, engine) -> Iterator[str]:
    """The real app (voice channel on) on a throw-away store, served on a free port."""
    tmp = tmp_path_factory.mktemp("voice-browser")
    config = {"KYR_STORE": f"sqlite:///{tmp}/kyr.db", "KYR_SECRET": "s", "TWILIO_AUTH_TOKEN": "t",
              "KYR_VOICE_AUDIO": str(tmp / "audio"), "KYR_RATE_LIMIT": "1000", "KYR_WEB_DEMO": "1"}
    with live_server(create_app(config, engine=engine)) as url:
        yield url


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page; script errors and CSP violations collected in page.problems."""
    with watched_page(browser, base_url, 900) as tab:
        yield tab


def says(page: Any) -> list[str]:
    """The prompts listed on the phone, without their voice line."""
    return page.eval_on_selector_all("#says li", "items => items.map(li => li.firstChild.textContent)")


def wait_for_say(page: Any, start: str) -> None:
    """Until a listed prompt starts with `start` and no request is in flight."""
    page.wait_for_function(
        "s => !document.body.classList.contains('busy') && "
        "[...document.querySelectorAll('#says li')].some(li => li.firstChild.textContent.startsWith(s))", arg=start)


def test_a_trainer_walks_the_phone_line_in_spanish(page: Any, artifacts: Path) -> None:
    page.goto("/voice/demo")
    page.click("#call")
    wait_for_say(page, "For English, press 1.")
    assert says(page)[:2] == ["For English, press 1.", "Para Español, oprima 2."]
    assert "<Gather" in page.text_content("#twiml") and 'numDigits="1"' in page.text_content("#twiml")
    spoken = page.evaluate("window.kyrSpoken")
    assert spoken[:2] == [{"text": "For English, press 1.", "lang": "en-US"},
                          {"text": "Para Español, oprima 2.", "lang": "es-US"}]
    assert {"text": "中文请按5。", "lang": "zh-CN"} in spoken and {"text": "للغة العربية، اضغط 6.", "lang": "ar"} in spoken

    page.click(".key[data-key='2']")
    wait_for_say(page, "Hola, soy kyrbot.")
    assert "Para ICE está en mi puerta, oprima 1." in says(page)
    assert page.get_attribute("#says li", "lang") == "es-US"
    assert "speech: es-US" in page.text_content("#status")

    page.fill("#words", "la migra está en mi puerta")
    page.click("#say")
    wait_for_say(page, "No abra la puerta.")
    page.click(".key[data-key='0']")                          # a person: the hotlines twice, then the step again
    wait_for_say(page, "Esta línea todavía no puede comunicarle con una persona.")
    page.wait_for_function("() => document.querySelectorAll('#says li').length > 4 && "
                           "!document.body.classList.contains('busy')")
    listed = says(page)
    assert sum("1, 8 4 4, 3 6 3, 1 4 2 3" in s for s in listed) == 2 and listed[4].startswith("No abra la puerta.")
    assert "following the <Redirect>" in page.text_content("#twiml")
    assert "Polly.Lupe-Neural" in page.text_content("#twiml")
    page.screenshot(path=str(artifacts / "voice-demo-es.png"), full_page=True)
    page.click("#hangup")
    assert page.text_content("#status") == "Not in a call" and page.is_enabled("#call")
    assert page.problems == []


def test_urdu_shows_the_notice_and_the_chat_demo_links_here(page: Any, artifacts: Path) -> None:
    page.goto("/")
    page.click("#voice")
    page.wait_for_url("**/voice/demo")
    page.click("#call")
    wait_for_say(page, "For English, press 1.")
    page.keyboard.press("9")                                  # the keyboard works as a keypad
    wait_for_say(page, "Spoken help in Urdu is not available yet.")
    assert "speech: ur-PK" in page.text_content("#status")
    page.screenshot(path=str(artifacts / "voice-demo-ur.png"), full_page=True)
    assert page.problems == []


def test_the_api_refuses_bad_requests_plainly(page: Any) -> None:
    page.goto("/voice/demo")
    answers = page.evaluate("""async () => {
        const post = (body) => fetch('/api/voice', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                                    body: JSON.stringify(body)}).then(async r => [r.status, await r.json()]);
        return [await post({call: 'short', do: 'call'}), await post({call: 'x'.repeat(20), do: 'dial'}),
                await post({call: 'x'.repeat(20), do: 'key', key: '<b>'}),
                await post({call: 'x'.repeat(20), do: 'dialed', status: 'ringing'})];
    }""")
    assert answers == [
        [400, {"error": "call must be 16 to 64 letters, digits, '-' or '_'"}],
        [400, {"error": "do must be one of: call, key, say, resume, dialed"}],
        [400, {"error": "key must be 1 to 8 of 0-9, * and #"}],
        [400, {"error": "status must be one of: completed, busy, no-answer, failed, canceled"}],
    ]


@pytest.fixture(scope="module")
def dial_url(tmp_path_factory: pytest.TempPathFactory, engine) -> Iterator[str]:
    """The app with a hotline to dial at any hour (KYR_HOTLINE_DIAL), served on a free port."""
    tmp = tmp_path_factory.mktemp("voice-dial")
    config = {"KYR_STORE": f"sqlite:///{tmp}/kyr.db", "KYR_SECRET": "s", "TWILIO_AUTH_TOKEN": "t",
              "KYR_VOICE_AUDIO": str(tmp / "audio"), "KYR_RATE_LIMIT": "1000", "KYR_WEB_DEMO": "1",
              "KYR_HOTLINE_DIAL": "+15555550177"}
    with live_server(create_app(config, engine=engine)) as url:
        yield url


def test_0_shows_the_dial_then_what_a_caller_hears_when_nobody_answers(browser: Any, dial_url: str,
                                                                       artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=dial_url)
    context.set_default_timeout(WAIT)
    page = context.new_page()
    try:
        page.goto("/voice/demo")
        page.click("#call")
        wait_for_say(page, "For English, press 1.")
        page.click(".key[data-key='1']")
        wait_for_say(page, "Hi, I am kyrbot.")
        page.click(".key[data-key='0']")                      # a demo call is anonymous: no case, straight to <Dial>
        wait_for_say(page, "Sorry, nobody could answer right now.")
        twiml = page.text_content("#twiml")
        assert "<Number>+15555550177</Number>" in twiml and 'timeout="25"' in twiml and "record" not in twiml
        assert "then, when nobody answers the <Dial>" in twiml and "then, following the <Redirect>" in twiml
        listed = says(page)
        assert listed[:2] == ["Connecting you to a person. Please stay on the line.",
                              "Sorry, nobody could answer right now."]
        assert sum("1, 8 4 4, 3 6 3, 1 4 2 3" in s for s in listed) == 2
        page.screenshot(path=str(artifacts / "voice-demo-dial.png"), full_page=True)
    finally:
        context.close()


def test_the_voice_view_is_off_with_the_web_demo(engine) -> None:
    """Like GET /, the Voice view and its API run the real line for anyone: off unless KYR_WEB_DEMO=1."""
    app = create_app({"KYR_STORE": "sqlite:///:memory:", "KYR_SECRET": "s", "TWILIO_AUTH_TOKEN": "t"}, engine=engine)
    client = app.test_client()
    assert client.get("/voice/demo").status_code == 404
    assert client.post("/api/voice", json={}).status_code == 404
