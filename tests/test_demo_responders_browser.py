"""The demo's fake responders in a real browser (Debian's Chromium via Playwright): a trainer asks for a person in
the chat, claims the case in the panel beside it, writes, and the message appears in the chat. A screenshot of the
page goes to test-artifacts/web-demo-responders.png."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest_browser import live_server, watched_page
from webhook import create_app


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("demo-responders") / "kyr.db"
    app = create_app({"KYR_STORE": f"sqlite:///{store}", "KYR_SECRET": "browser-secret", "KYR_RATE_LIMIT": "1000",
                      "KYR_DEMO_RESPONDERS": "1", "KYR_WEB_DEMO": "1"})
    with live_server(app) as url:
        yield url


def test_a_trainer_shows_a_hand_off_without_any_account(browser: Any, base_url: str, artifacts: Path) -> None:
    with watched_page(browser, base_url, 900, 1600) as page:
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
        assert page.problems == []


def test_a_trainer_shows_the_alert_arriving_on_the_contacts_phone(browser: Any, base_url: str,
                                                                    artifacts: Path) -> None:
    with watched_page(browser, base_url, 900, 1600) as page:
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
        assert page.problems == []
