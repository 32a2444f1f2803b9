"""The printable officer card: every language beside English, right-to-left where it should be, escaped, and
exactly one printed page (Letter and A4) in Debian's Chromium. Screenshots go to test-artifacts/."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, render_template
from markupsafe import escape

from bot.pictures.card import Card, CardMaker, Pair, Source, Statement, officer_nodes
from tests.conftest_browser import live_server
from tests.require import missing
from webhook import create_app

LANGS = ["en", "es", "zh", "zh-Hant", "ar", "ur", "ht", "pt", "vi", "fr"]
RTL = {"ar", "ur"}
FONTS = {"zh": "fonts-noto-cjk", "ar": "fonts-noto-core", "ur": "fonts-noto-core"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The real app on a throw-away store."""
    store = tmp_path_factory.mktemp("card") / "kyr.db"
    return create_app({"KYR_STORE": f"sqlite:///{store}", "KYR_SECRET": "card"})


class Tags(HTMLParser):
    """Every start tag's attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Parse a page's start tags."""
    parser = Tags()
    parser.feed(html)
    return parser.tags


def page_html(app: Flask, url: str) -> str:
    """GET a page that must answer 200 with HTML."""
    response = app.test_client().get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_content_has_officer_texts(content) -> None:
    keys = [n.key for n in officer_nodes(content)]
    assert keys[0] == "ice_at_door.officer" and "stopped.officer" in keys and "airport.asylum" in keys


@pytest.mark.parametrize("lang", LANGS)
def test_card_holds_each_officer_text_in_the_language_and_in_english(app: Flask, content, lang: str) -> None:
    html = page_html(app, f"/card/{lang}")
    for node in officer_nodes(content):
        assert str(escape(content.texts["en"][node.officer_id])) in html, node.key
        assert str(escape(content.texts[lang][node.officer_id])) in html, (lang, node.key)
    assert str(escape(content.texts[lang]["ui.disclaimer"])) in html
    assert str(escape(content.texts["en"]["ui.disclaimer"])) in html
    assert "2026-11-23" in html and "awaiting legal review" in html
    for flow in ("flows/ice_at_door.yaml", "flows/stopped.yaml", "flows/airport.yaml"):
        assert flow in html


@pytest.mark.parametrize("lang", LANGS)
def test_card_directions(app: Flask, content, lang: str) -> None:
    found = [attrs for _, attrs in tags(page_html(app, f"/card/{lang}")) if attrs.get("lang") in (lang, "en")]
    local = [a for a in found if a["lang"] == lang]
    # the title, each statement, the disclaimer, the review date, and the language's name (the page itself for en)
    assert len(local) == len(officer_nodes(content)) + 4
    assert {a.get("dir") for a in local} == {"rtl" if lang in RTL else "ltr"}
    assert {a.get("dir") for a in found if a["lang"] == "en"} == {"ltr"}


def test_english_card_shows_english_once(app: Flask, content) -> None:
    html = page_html(app, "/card/en")
    assert 'class="local"' not in html
    officer = str(escape(content.texts["en"]["ice_at_door.officer.officer"]))
    assert html.count(officer) == 1


def test_rtl_review_date_is_isolated(app: Flask) -> None:
    html = page_html(app, "/card/ar")
    assert "\u20662026-11-23\u2069" in html      # else Arabic script shows it as 23-11-2026
    assert "\u2066" not in page_html(app, "/card/es")


def test_card_escapes_what_it_shows(app: Flask) -> None:
    evil = '<script>alert("x")</script> & \'quote\''
    pair = Pair(evil, evil)
    card = Card("ar", evil, True, evil, pair, (Statement("f.n", pair, pair),), pair, pair,
                (Source("f", evil, evil, "2026-01-01", evil),))
    with app.test_request_context():
        html = render_template("card.html", card=card, cards=None)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quote&#39;" in html


def test_cards_index_names_each_language_in_itself(app: Flask, content) -> None:
    html = page_html(app, "/cards")
    links = {attrs["href"]: attrs for tag, attrs in tags(html) if tag == "a" and attrs.get("hreflang")}
    assert set(links) == {f"/card/{code}" for code in content.languages}
    for code, language in content.languages.items():
        assert links[f"/card/{code}"]["lang"] == code
        assert links[f"/card/{code}"]["dir"] == ("rtl" if code in RTL else "ltr")
        assert f">{escape(language.name)}</a>" in html
    assert "العربية" in html and "中文" in html and "اردو" in html


def test_unknown_language_lists_the_known_ones(app: Flask) -> None:
    response = app.test_client().get("/card/xx")
    assert response.status_code == 404
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == "unknown language 'xx'. Languages: en, ar, es, fr, ht, pt, ur, vi, zh, zh-Hant\n"


def test_card_maker_heading_names_the_node_when_a_flow_has_several(engine) -> None:
    card = CardMaker(engine.view).card("en")
    headings = {s.key: s.heading.english for s in card.statements}
    assert headings["ice_at_door.officer"] == "ICE is at my door"
    assert headings["airport.asylum"] == "Held at the airport or border: I fear going back to my country"
    assert card.title.english == "Show this to the officer"


@pytest.mark.parametrize("url", ["/card/es", "/card/ar", "/cards"])
def test_card_pages_have_the_demo_pages_strict_csp(app: Flask, url: str) -> None:
    """The cards carry the same Content-Security-Policy as the demo page: no script, no inline style, nothing
    from elsewhere; their stylesheet is a file the app serves."""
    from bot.channels.web.security import CSP

    response = app.test_client().get(url)
    assert response.headers["Content-Security-Policy"] == CSP
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    html = response.get_data(as_text=True)
    assert "<style" not in html and " style=" not in html and "<script" not in html
    (sheet,) = [attrs["href"] for tag, attrs in tags(html) if tag == "link" and attrs.get("rel") == "stylesheet"]
    served = app.test_client().get(sheet)
    assert (served.status_code, served.mimetype) == (200, "text/css") and "@page" in served.get_data(as_text=True)


# --- in a real browser --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def base_url(app: Flask) -> Iterator[str]:
    """The app served over HTTP."""
    with live_server(app) as url:
        yield url


def pdf_pages(pdf: bytes) -> int:
    """The page count Chromium wrote (its PDFs keep page objects uncompressed; /Count must agree)."""
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf, re.S)] in ([pages], [])
    return pages


@pytest.mark.parametrize("lang", LANGS)
def test_card_prints_on_one_page(browser: Any, base_url: str, artifacts: Path, lang: str) -> None:
    context = browser.new_context(viewport={"width": 816, "height": 1056})
    try:
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
                else None)
        page.goto(f"{base_url}/card/{lang}")
        assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none", "the stylesheet did not load"
        assert refused == []
        for paper in ("Letter", "A4"):
            assert pdf_pages(page.pdf(format=paper)) == 1, f"{lang} card on {paper} is longer than one page"
        page.emulate_media(media="print")
        page.screenshot(path=str(artifacts / f"card-{lang}.png"), full_page=True)
    finally:
        context.close()


def test_two_page_card_is_detected(browser: Any) -> None:
    page = browser.new_page()
    try:
        page.set_content("<p style='height: 400mm'>long</p>")
        assert pdf_pages(page.pdf(format="Letter")) == 2
    finally:
        page.close()


@pytest.mark.parametrize("lang", sorted(FONTS))
def test_fonts_for_the_card_scripts_are_installed(lang: str) -> None:
    fc_list = shutil.which("fc-list")
    found = subprocess.run([fc_list, f":lang={lang}", "family"], capture_output=True, text=True, timeout=30,
                           check=False).stdout.strip() if fc_list else ""
    if not found:
        message = f"no font covers '{lang}': the card would print empty boxes. Install {FONTS[lang]} (Debian)."
        missing(message)
