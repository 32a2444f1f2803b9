"""What an SMS costs: the officer card is its own GSM-7 SMS, the first page of every urgent node fits the page in
every language with its opening line whole, and the cost report and the fold check run."""
from __future__ import annotations

import subprocess
import sys

import pytest

from bot.channels.twilio.messaging import sms_bodies
from bot.cli.sms_cost import GOALS, conversation, crawl, read_node
from bot.content.model import Content
from bot.core.engine import Engine
from bot.core.kit import Turn
from bot.core.output import show
from bot.core.session import Inbound, Session
from bot.core.views import OFFICER_HEADING
from bot.service.runtime import ROOT
from bot.text import pages
from bot.text.sms import GSM7, sms_info

SMS = pages.sms()  # the default: 3 segments, es/pt/fr folded
# Every language, found on disk as the bot finds it (zh-Hant too)
LANGS = ["en", *sorted(p.stem for p in (ROOT / "translations").glob("*.yaml") if not p.stem.startswith("_"))]


def officer_keys(content: Content) -> list[str]:
    """Every node with an English card for an officer."""
    return [n.key for f in content.flows.values() for n in f.nodes.values() if n.officer_id]


def urgent_keys(content: Content) -> list[str]:
    """Every node of every flow marked urgent."""
    return [n.key for f in content.flows.values() if f.urgent for n in f.nodes.values()]


def shown(engine: Engine, key: str, lang: str) -> Turn:
    """A node shown as a user reaches it, on the default SMS page."""
    flow = engine.content.flows[key.split(".")[0]]
    turn = Turn(Session(at=engine.menu, lang=lang, lang_picked=True), Inbound("", 0.0, page=SMS))
    show(engine, turn, key, entering=key.split(".")[1] == flow.start)
    return turn


def test_there_are_officer_and_urgent_nodes_to_check(content: Content) -> None:
    assert len(officer_keys(content)) == 4 and len(urgent_keys(content)) > 30


@pytest.mark.parametrize("lang", LANGS)
def test_the_officer_card_is_a_separate_gsm7_sms_in_every_language(engine: Engine, lang: str) -> None:
    """The card is the last SMS of the turn, alone, headed in English and GSM-7, whatever the language before it;
    the localized SMS before it is no longer billed as UCS-2 because of it."""
    for key in officer_keys(engine.content):
        turn = shown(engine, key, lang)
        *localized, card = sms_bodies(turn.replies, SMS.fold)
        english = engine.content.texts["en"][engine.content.node(key).officer_id]
        assert card == f"{OFFICER_HEADING}\n{english}", (lang, key)
        assert sms_info(card)[0] == GSM7, (lang, key)
        assert localized and all(english not in body for body in localized), (lang, key)


def test_the_card_in_english_would_cost_more_glued_to_a_ucs2_text(engine: Engine) -> None:
    """Why it is separate: glued after Arabic text, the card's 2 segments become UCS-2 segments."""
    turn = shown(engine, "stopped.officer", "ar")
    glued = "\n\n".join(sms_bodies(turn.replies[:1], SMS.fold) + sms_bodies(turn.replies[-1:], SMS.fold))
    apart = [sms_info(b)[1] for b in sms_bodies(turn.replies, SMS.fold)]
    assert sms_info(glued)[1] > sum(apart)


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_page_of_every_urgent_node_fits_with_its_opening_line(engine: Engine, lang: str) -> None:
    """Every node of a flow marked urgent: the first SMS is within the page (3 segments), and it holds the node's
    opening line whole (authors put the key action first); the rest follows on MORE."""
    for key in urgent_keys(engine.content):
        turn = shown(engine, key, lang)
        first = sms_bodies(turn.replies, SMS.fold)[0]
        assert sms_info(first)[1] <= SMS.limit, (lang, key, sms_info(first))
        opening = engine.view.node_text(engine.content.node(key), turn.s).split("\n")[0]
        assert turn.replies[0].text.startswith(opening), (lang, key)


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_sms_at_the_door_says_do_not_open_and_stay_silent(engine: Engine, lang: str) -> None:
    """'ICE is at my door', first SMS, every language: do not open; stay silent, do not lie, sign or run."""
    first = shown(engine, "ice_at_door.start", lang).replies[0].text
    lines = engine.view.t("ice_at_door.start.text", lang).split("\n")
    assert first.startswith("\n".join(lines[:2]) + "\n"), lang


@pytest.mark.parametrize("lang", ["en", "es", "zh", "zh-Hant", "ar", "ur", "ht", "pt", "vi", "fr"])
def test_the_review_note_is_never_cut_across_pages(engine: Engine, lang: str) -> None:
    """Entering any flow on SMS, 'Written ...; not yet checked by a lawyer. Not legal advice.' is on one page
    (filling a page sentence by sentence used to leave 'Not legal advice.' for MORE, in English at the airport)."""
    for flow in engine.content.flows.values():
        if flow.id == engine.menu.split(".")[0]:
            continue
        key = f"{flow.id}.{flow.start}"
        turn = shown(engine, key, lang)
        note = engine.view.review_note(flow.id, turn.s)
        pages = [turn.replies[0].text, *turn.s.pages]
        assert any(note in page for page in pages), (lang, key, pages)


def test_without_pages_urgent_nodes_would_not_fit(engine: Engine) -> None:
    """What the SMS page prevents: uncut, an urgent node is over the budget in Arabic (so the first-page checks
    can fail)."""
    uncut = Turn(Session(at=engine.menu, lang="ar", lang_picked=True), Inbound("", 0.0))
    show(engine, uncut, "ice_at_door.warrant")
    assert sms_info(sms_bodies(uncut.replies)[0])[1] > SMS.limit


def test_reading_a_node_to_its_end_loses_nothing(engine: Engine) -> None:
    """The crawler's view of a paged node: every page within the budget, the officer card last of the first turn."""
    sms = read_node(engine, "ar", "ice_at_door.officer", SMS)
    assert [s.page for s in sms][:2] == [1, 1] and sms[1].officer and sms[1].encoding == GSM7
    assert len(sms) > 2 and all(s.segments <= SMS.limit for s in sms)


def test_no_english_reply_is_ucs2(engine: Engine) -> None:
    # The contact's language is picked from the languages, each named in its own script (as in the picker).
    assert all(s.encoding == GSM7 for s in crawl(engine, "en", SMS) if s.key != "family_alert.add_lang")


def test_the_typical_urgent_conversation_ends_at_the_officer_card(engine: Engine) -> None:
    talk = conversation(engine, "es", SMS)
    assert [t for t in talk.typed if t != "más"] == ["hola", "la migra esta en mi casa", "1", "4"]
    assert talk.outbound[-1].key == "ice_at_door.officer" and any(s.officer for s in talk.outbound)
    assert talk.inbound == len(talk.typed)  # each typed message is one segment


def run(*args: str) -> subprocess.CompletedProcess:
    """Run scripts/sms_cost.py."""
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "sms_cost.py"), *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def test_fold_check_command_passes_on_the_content() -> None:
    result = run("fold-check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("; 0 to reword.")


def test_report_names_its_assumptions_and_every_language() -> None:
    result = run("report", "--price", "0.01", "--carrier-fee", "0")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "$0.0100 (Twilio U.S. list price, assumed) + $0.0000 (carrier fee, assumed)" in out
    rows = [line.split()[0] for line in out.splitlines() if line.split()[:1] and line.split()[0] in GOALS]
    assert sorted(rows) == sorted(sorted(GOALS) * 3)  # every node, urgent first pages, the conversation
    assert "MISSED" not in out.split("First page")[1]  # every urgent first page fits, in every language
