"""The demo's fake responders in a real browser (Debian's Chromium via Playwright): a trainer asks for a person in
the chat, claims the case in the panel beside it, writes, and the message appears in the chat. A screenshot of the
page goes to test-artifacts/web-demo-responders.png."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest_browser import live_server
from webhook import create_app

WAIT = 15_000


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("demo-responders") / "kyr.db"
    app = create_app({"KYR_STORE": f"sqlite:///{store}", "KYR_SECRET": "browser-secret", "KYR_RATE_LIMIT": "1000",
                      "KYR_DEMO_RESPONDERS": "1", "KYR_WEB_DEMO": "1"})
    with live_server(app) as url:
        yield url


def test_a_trainer_shows_a_hand_off_without_any_account(browser: Any, base_url: str, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 900}, base_url=base_url)
    context.set_default_timeout(WAIT)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    try:
        page.goto("/")
        page.wait_for_selector("#log .bubble.bot")
        assert "DEMO: fake, local responders" in page.inner_text("#responders")
        for text in ("person", "1", "1", "JFK", "skip", "5", "English", "skip", "yes"):
            page.fill("#text", text)
            page.press("#text", "Enter")
            page.wait_for_function("() => !document.body.classList.contains('busy')")
        page.wait_for_selector("#cases .case.open")
        assert "Case #101: Someone is held at an airport" in page.inner_text("#cases")
        page.click("#cases .case.open button:has-text('Claim')")
        page.wait_for_selector("#cases .case.claimed form.write input")
        page.fill("#cases .case.claimed form.write input", "Hello from a volunteer")
        page.click("#cases .case.claimed form.write button")
        page.wait_for_function("() => Array.from(document.querySelectorAll('#log .bubble.bot .text'))"
                               ".some(e => e.textContent.includes('volunteer: Hello from a volunteer'))")
        page.screenshot(path=str(artifacts / "web-demo-responders.png"), full_page=True)
        assert problems == []
    finally:
        context.close()


def test_a_trainer_shows_the_alert_arriving_on_the_contacts_phone(browser: Any, base_url: str,
                                                                    artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 900}, base_url=base_url)
    context.set_default_timeout(WAIT)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    try:
        page.goto("/")
        page.wait_for_selector("#log .bubble.bot")
        assert "Contact's phone" in page.inner_text("#responders")
        for text in ("contacts", "1", "Maria", "Ana", "2015550123", "English", "Call Luis", "yes", "ALERT"):
            page.fill("#text", text)
            page.press("#text", "Enter")
            page.wait_for_function("() => !document.body.classList.contains('busy')")
        page.wait_for_function("() => document.querySelector('#contact-phone').textContent"
                               ".includes('ALERT from Maria: Call Luis')")
        assert "To Ana:" in page.inner_text("#contact-phone")
        page.screenshot(path=str(artifacts / "web-demo-contact-phone.png"), full_page=True)
        assert problems == []
    finally:
        context.close()
