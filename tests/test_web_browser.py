"""The trainers' page in a real browser: headless Chromium (Debian's) driven by Playwright, on the real app
served over HTTP in a thread. Screenshots go to test-artifacts/ (kept by CI)."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.text.sms import sms_info
from tests.conftest_browser import live_server, watched_page
from webhook import create_app

XSS = "<script>window.__x=1</script>"
FAKE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="900" viewBox="0 0 400 900">
<g id="graph0" class="graph">{}</g></svg>"""
FAKE_NODE = ('<g id="n-{flow}-{node}" class="node"><title>{node}</title>'
             '<polygon fill="white" stroke="black" points="10,{y} 300,{y} 300,{y2} 10,{y2}"/>'
             '<text x="20" y="{ty}">{node}</text></g>')


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app on a throw-away SQLite store, served on a free port."""
    store = tmp_path_factory.mktemp("web-browser") / "kyr.db"
    app = create_app({"KYR_STORE": f"sqlite:///{store}", "KYR_SECRET": "browser-secret", "KYR_RATE_LIMIT": "1000",
                      "KYR_WEB_DEMO": "1"})
    with live_server(app) as url:
        yield url


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page (own storage) with errors and CSP violations collected in page.problems."""
    with watched_page(browser, base_url, 860) as tab:
        yield tab


def open_demo(page: Any, query: str = "") -> None:
    """Load the page and wait for the greeting."""
    page.goto("/" + query)
    page.wait_for_selector("#log .bubble.bot")


def wait_at(page: Any, where: str) -> None:
    """Wait until the page says the conversation stands at flow.node (and no request is in flight)."""
    page.wait_for_function("w => document.getElementById('where').textContent === w "
                           "&& !document.body.classList.contains('busy')", arg=where)


def shot(page: Any, artifacts: Path, name: str) -> None:
    """A full-page screenshot kept as a test artifact."""
    page.screenshot(path=str(artifacts / f"web-{name}.png"), full_page=True)


def last_bot_texts(page: Any) -> list[str]:
    """The texts of the latest bot bubbles."""
    return page.eval_on_selector_all("#log .bubble.bot .text", "els => els.map(e => e.textContent)")


def stub_diagrams(page: Any, nodes: dict[str, list[str]] | None) -> None:
    """Answer /diagram/<flow>.svg in the browser: a fake SVG with Graphviz-style node ids, or 404 (None)."""
    def fulfil(route: Any) -> None:
        flow = re.search(r"/diagram/([^/]+)\.svg$", route.request.url).group(1)
        if nodes is None or flow not in nodes:
            route.fulfill(status=404, body="not found")
            return
        groups = "".join(FAKE_NODE.format(flow=flow, node=n, y=10 + 80 * i, y2=60 + 80 * i, ty=40 + 80 * i)
                         for i, n in enumerate(nodes[flow]))
        route.fulfill(status=200, content_type="image/svg+xml", body=FAKE_SVG.format(groups))
    page.route(re.compile(r".*/diagram/[^/]+\.svg$"), fulfil)


# --- clicking through flows ---------------------------------------------------------------------------
def test_english_flow_by_clicking(page: Any, artifacts: Path) -> None:
    """Menu -> ICE at my door -> how to check the warrant -> back, all by clicking buttons."""
    open_demo(page)
    assert last_bot_texts(page)[0].startswith("Hi, I am kyrbot.")
    assert page.get_attribute("#log", "dir") == "ltr" and page.get_attribute("#log", "lang") == "en"
    page.get_by_role("button", name="ICE is at my door").click()
    wait_at(page, "ice_at_door.start")
    assert any(t.startswith("Do not open the door.") for t in last_bot_texts(page))
    page.get_by_role("button", name="How to check their warrant").click()
    wait_at(page, "ice_at_door.warrant")
    shot(page, artifacts, "en-warrant")
    page.fill("#text", "back")
    page.press("#text", "Enter")
    wait_at(page, "ice_at_door.start")
    assert page.locator("#log .bubble.user").all_text_contents() == ["ICE is at my door",
                                                                    "How to check their warrant", "back"]
    assert page.locator("#log button.option:not([disabled])").count() == 7, "only the latest buttons are live"
    assert page.problems == []


def test_arabic_is_right_to_left_and_clickable(page: Any, artifacts: Path) -> None:
    """The switcher puts the chat in Arabic, right to left, and its buttons lead on."""
    open_demo(page)
    page.get_by_role("button", name="العربية").click()
    page.wait_for_selector("#log[dir=rtl][lang=ar]")
    assert page.get_attribute("button[data-lang=ar]", "aria-pressed") == "true"
    bubbles = page.locator("#log .bubble.bot[lang=ar][dir=rtl]")
    assert bubbles.count() >= 2 and re.search("[\u0600-\u06ff]", bubbles.last.text_content())
    page.locator("#log button.option:not([disabled])").first.click()
    wait_at(page, "ice_at_door.start")
    assert re.search("[\u0600-\u06ff]", last_bot_texts(page)[-1])
    assert page.get_attribute("#card", "href") == "/card/ar"
    assert (page.get_attribute("#text", "placeholder"), page.text_content("#send")) == ("اكتب رسالة أو رقمًا", "إرسال")
    page.locator("#log button.option:not([disabled])").first.click()
    wait_at(page, "ice_at_door.warrant")
    shot(page, artifacts, "ar-warrant")
    assert page.problems == []


@pytest.mark.parametrize("lang", ["es", "zh", "ur"])
def test_other_languages_render(page: Any, artifacts: Path, lang: str) -> None:
    """Spanish, Chinese and Urdu: the menu in the language, with its direction, as a screenshot."""
    open_demo(page, f"?lang={lang}")
    page.wait_for_selector(f"#log[lang={lang}]")
    assert page.get_attribute("#log", "dir") == ("rtl" if lang == "ur" else "ltr")
    page.locator("#log button.option:not([disabled])").first.click()
    wait_at(page, "ice_at_door.start")
    shot(page, artifacts, f"{lang}-door")


# --- the SMS view -------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_sms_view_shows_the_segment_count_of_its_body(page: Any, artifacts: Path, lang: str) -> None:
    """In the SMS view each bubble is an SMS body, and the count shown is bot.sms's count for that text."""
    open_demo(page, f"?lang={lang}")
    page.get_by_role("button", name="SMS", exact=True).click()
    assert page.get_attribute("button[data-view=sms]", "aria-pressed") == "true"
    page.locator("#log .quick button.option").first.click()     # "1": ICE is at my door
    wait_at(page, "ice_at_door.start")
    bubble = page.locator("#log .bubble.sms").last
    body = bubble.locator(".text").text_content()
    encoding, segments = sms_info(body)
    assert bubble.locator(".segments").text_content() == str(segments)
    assert bubble.locator(".encoding").text_content() == encoding == ("GSM-7" if lang == "en" else "UCS-2")
    assert 1 < segments <= 3 and "\n1 " not in body.replace("\u200f", ""), "cut to the 3-segment SMS page"
    for _ in range(4):  # MORE until the last page, which carries the options (Arabic has three pages)
        bubbles = page.locator("#log .bubble.sms").count()
        page.fill("#text", "more")
        page.press("#text", "Enter")
        page.wait_for_function("n => document.querySelectorAll('#log .bubble.sms').length > n "
                               "&& !document.body.classList.contains('busy')", arg=bubbles)
        body = page.locator("#log .bubble.sms").last.locator(".text").text_content()
        if "\n1 " in "\n" + body.replace("\u200f", ""):
            break
    assert "\n1 " in "\n" + body.replace("\u200f", ""), "MORE: the options are numbered lines of the body"
    shot(page, artifacts, f"sms-{lang}")
    page.get_by_role("button", name="Telegram").click()
    assert page.locator("#log .bubble.sms").count() == 0 and page.locator("#log .bubble.bot").count() >= 2


# --- safety -------------------------------------------------------------------------------------------
def test_typed_script_is_shown_as_text(page: Any, artifacts: Path) -> None:
    """A typed <script> appears as its own characters and never runs."""
    open_demo(page)
    page.fill("#text", XSS)
    page.press("#text", "Enter")
    page.wait_for_selector("#log .bubble.user")
    page.wait_for_function("() => !document.body.classList.contains('busy')")
    assert page.locator("#log .bubble.user").last.text_content() == XSS
    assert page.evaluate("typeof window.__x") == "undefined"
    assert page.locator("#log script").count() == 0
    page.get_by_role("button", name="SMS", exact=True).click()
    assert page.locator("#log .bubble.user").last.text_content() == XSS
    assert page.evaluate("typeof window.__x") == "undefined"
    shot(page, artifacts, "xss")


def test_the_page_sends_a_content_security_policy(page: Any, base_url: str) -> None:
    """The browser receives default-src 'self' with the page."""
    response = page.goto("/")
    assert response.headers["content-security-policy"].startswith("default-src 'self';")


# --- presenter mode and keyboard ----------------------------------------------------------------------
def test_presenter_mode_by_button_and_shortcut(page: Any, artifacts: Path) -> None:
    """The button and Alt+P toggle large type."""
    open_demo(page)
    size = "() => parseFloat(getComputedStyle(document.querySelector('#log .bubble .text')).fontSize)"
    normal = page.evaluate(size)
    page.click("#presenter")
    assert page.evaluate("document.body.classList.contains('presenter')")
    assert page.get_attribute("#presenter", "aria-pressed") == "true"
    assert page.evaluate(size) >= normal * 1.4
    shot(page, artifacts, "presenter")
    page.keyboard.press("Alt+p")
    assert not page.evaluate("document.body.classList.contains('presenter')")
    assert page.evaluate(size) == normal
    page.keyboard.press("Alt+p")
    assert page.get_attribute("#presenter", "aria-pressed") == "true"


def focus_by_tab(page: Any, selector: str, most: int = 40) -> None:
    """Press Tab until the element is focused (fails after `most` presses)."""
    for _ in range(most):
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_alone_sends_and_picks(page: Any) -> None:
    """Tab to the box, type, Enter sends; Tab to an option, Enter picks it; focus is visible."""
    open_demo(page)
    page.evaluate("document.activeElement.blur()")
    focus_by_tab(page, "#text")
    page.keyboard.type("ICE is at my door")
    page.keyboard.press("Enter")
    wait_at(page, "ice_at_door.start")
    focus_by_tab(page, "#log button.option:not([disabled])")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "focus must be visible"
    page.keyboard.press("Enter")
    wait_at(page, "ice_at_door.warrant")
    page.keyboard.press("Alt+s")
    assert page.get_attribute("button[data-view=sms]", "aria-pressed") == "true"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "text"


def test_reset_starts_again(page: Any) -> None:
    """Reset clears the chat and greets again at the menu."""
    open_demo(page)
    page.get_by_role("button", name="ICE is at my door").click()
    wait_at(page, "ice_at_door.start")
    page.click("#reset")
    wait_at(page, "menu.start")
    assert page.locator("#log .bubble.user").count() == 0
    assert last_bot_texts(page)[0].startswith("Hi, I am kyrbot.")


# --- the diagram beside the chat ----------------------------------------------------------------------
def test_diagram_follows_and_highlights_the_current_node(page: Any, artifacts: Path) -> None:
    """With an SVG served, the node the conversation is at carries class 'current', and only it."""
    stub_diagrams(page, {"menu": ["start"], "ice_at_door": ["start", "warrant", "officer"]})
    open_demo(page)
    page.wait_for_selector("#n-menu-start.current")
    page.get_by_role("button", name="ICE is at my door").click()
    page.wait_for_selector("#n-ice_at_door-start.current")
    page.get_by_role("button", name="How to check their warrant").click()
    page.wait_for_selector("#n-ice_at_door-warrant.current")
    assert page.locator("#diagram .current").count() == 1
    assert page.text_content("#flow-name") == "ice_at_door"
    shot(page, artifacts, "diagram-stub")


def test_missing_diagram_is_a_short_note(page: Any) -> None:
    """When /diagram/<flow>.svg answers 404 the panel says so, and the chat goes on."""
    stub_diagrams(page, None)
    open_demo(page)
    page.wait_for_selector("#diagram .no-diagram")
    assert page.text_content("#diagram .no-diagram") == "No diagram for this flow."
    page.get_by_role("button", name="ICE is at my door").click()
    wait_at(page, "ice_at_door.start")
    assert page.locator("#diagram svg").count() == 0


def test_svg_scripts_are_dropped_when_inlined(page: Any) -> None:
    """An SVG with a script or an event handler is inlined without them."""
    evil = ('<svg xmlns="http://www.w3.org/2000/svg"><script>window.__svg=1</script>'
            '<g id="n-menu-start" onmouseover="window.__svg=2"><rect width="9" height="9"/></g></svg>')
    page.route(re.compile(r".*/diagram/[^/]+\.svg$"),
               lambda route: route.fulfill(status=200, content_type="image/svg+xml", body=evil))
    open_demo(page)
    page.wait_for_selector("#n-menu-start.current")
    assert page.locator("#diagram script").count() == 0
    assert page.get_attribute("#n-menu-start", "onmouseover") is None
    assert page.evaluate("typeof window.__svg") == "undefined"


def test_real_diagram_route_is_highlighted(page: Any, base_url: str) -> None:
    """Against bot/channels/web/pictures.py's own /diagram route: a broken route fails here."""
    assert page.request.get(base_url + "/diagram/ice_at_door.svg").status == 200
    open_demo(page)
    page.get_by_role("button", name="ICE is at my door").click()
    page.wait_for_selector("#diagram #n-ice_at_door-start.current")


# --- load time (reported, not asserted) ---------------------------------------------------------------
def test_record_load_timing(page: Any, artifacts: Path) -> None:
    """Navigation timing of the page, written to test-artifacts/web-load-timing.json for the report."""
    open_demo(page)
    timing = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
        return {domContentLoaded_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd,
                transfer_bytes: n.transferSize}; }""")
    (artifacts / "web-load-timing.json").write_text(json.dumps(timing, indent=1) + "\n")
    assert set(timing) == {"domContentLoaded_ms", "load_ms", "transfer_bytes"}
