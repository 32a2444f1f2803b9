"""The shipped content: required facts per flow, no ICE tip line, GSM-7 English, every flow reachable."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.content.loader import flow_ids
from bot.content.model import MENU
from bot.core.engine import Engine
from bot.core.session import Desk, Family, Inbound, Session
from bot.service.runtime import ROOT
from bot.text.render import sms_text
from bot.text.sms import encoding

# Facts each flow must carry (issue 2), as words that must appear somewhere in the flow's English text.
REQUIRED = {
    "ice_at_door": ["do not open", "signed by a judge", "I-200", "I-205", "slide", "silent", "Do not sign",
                    "Do not lie", "run", "I do not consent", "lawyer", "May 2025 memo"],
    "airport": ["citizen", "I-407", "visa", "asylum", "lawyer", "phone", "family"],
    "calling_911": ["stabilize", "depends on where you live", "U visa", "T visa", "VAWA", "287(g)"],
    "detainers": ["I-247A", "48 hours", "not a warrant", "Lunn", "HB19-1124", "SB25-276", "287(g)", "bail"],
    "find_detained": ["locator.ice.gov", "A-number", "country of birth", "days", "bond", "sign"],
    "stopped": ["free to leave", "silent", "consent", "resist", "car", "work"],
    "get_help": ["{orgs}", "{national}", "notario"],
    "take_action": ["sanctuary", "287(g)"],
}
TIP_LINE = re.compile(r"866[-. ]?(DHS|347)|DHS-2-ICE", re.IGNORECASE)


def flow_text(engine: Engine, flow: str) -> str:
    """All English text of one flow, titles and per-state versions included."""
    prefix = f"{flow}."
    return "\n".join(t for k, t in engine.content.texts["en"].items() if k.startswith(prefix))


@pytest.mark.parametrize("flow", sorted(REQUIRED))
def test_flow_carries_required_facts(engine: Engine, flow: str) -> None:
    """Each flow says at least the facts the issue lists."""
    text = flow_text(engine, flow).casefold()
    missing = [w for w in REQUIRED[flow] if w.casefold() not in text]
    assert not missing, f"{flow} lacks {missing}"


@pytest.mark.parametrize("flow", flow_ids(ROOT))
def test_flow_has_sources_and_review(engine: Engine, flow: str) -> None:
    """Sources, and an honest review record."""
    f = engine.content.flows[flow]
    # Written on or after the first content round (2026-11-23); none is signed by a lawyer yet.
    assert f.sources and f.reviewed.date >= "2026-11-23" and f.reviewed.by == "awaiting legal review"


def test_ice_tip_line_appears_nowhere() -> None:
    """ICE's tip line (used to report people) is in no file we ship."""
    for path in [*ROOT.glob("flows/*.yaml"), *ROOT.glob("translations/*"), ROOT / "README.md"]:
        if path.is_file():
            assert not TIP_LINE.search(path.read_text(encoding="utf-8")) or path.name == "hotlines.yaml" \
                and "Never add 1-866-DHS-2-ICE" in path.read_text(encoding="utf-8"), path


def test_hotline_file_only_has_facts_numbers(engine: Engine) -> None:
    """Only numbers that FACTS.md gives, each marked to verify before launch."""
    numbers = {h.number for h in engine.content.hotlines.values()}
    assert numbers == {"1-844-363-1423", "1-844-864-8341", "1-800-898-7180"}  # EOIR line: FACTS.md "Resources to add"
    assert all(h.verified == "no" for h in engine.content.hotlines.values())


FAMILY_ANSWERS = {"field": "1", "phone": "2015550123", "language_pick": "2", "duration": "2h", "alert_word": "Ana"}


def _walk(engine: Engine) -> dict[str, list]:
    """Every node reached by numbered options from the menu (or from the global word PERSON, with volunteers
    configured; emergency contacts on, with one contact saved), with the replies shown there."""
    seen: dict[str, list] = {}
    todo = [(None, "hi"), (None, "person")]
    sessions: list[tuple[Session | None, str]] = todo
    while sessions:
        session, text = sessions.pop()
        family = Family(on=True, contacts=1, named=session is not None, number="ok")
        result = engine.step(session, Inbound(text, 1000.0, desk=Desk(org="Test org"), family=family))
        at = result.session.at
        if at in seen:
            continue
        seen[at] = list(result.replies)
        if result.session.pending == "state":
            sessions.append((result.session, "Colorado"))  # a question node is passed by answering it
        if result.session.pending == "answer":
            sessions.append((result.session, "skip"))      # ...or, for talking to a person, by skipping it
        if result.session.pending in FAMILY_ANSWERS:       # ...or, for emergency contacts, by answering it
            sessions.append((result.session, FAMILY_ANSWERS[result.session.pending]))
        for reply in result.replies:
            sessions += [(result.session, o.key) for o in reply.options if o.key != "0" and o.target not in
                         ("yes", "no")]
    return seen


def test_every_node_reachable_by_numbers_and_gsm7(engine: Engine) -> None:
    """Numbers alone reach every node of every flow, and no English SMS reply needs UCS-2."""
    seen = _walk(engine)
    all_nodes = {n.key for f in engine.content.flows.values() for n in f.nodes.values()}
    assert all_nodes - set(seen) == set()
    for at, replies in seen.items():
        for r in replies:
            # The contact's language is picked like the language picker: each language named in its own script.
            assert encoding(sms_text(r)) == "GSM-7" or at == "family_alert.add_lang", (at, r.text)


def test_every_flow_start_says_not_legal_advice(engine: Engine) -> None:
    """Entering any flow from the menu shows the review date and 'not legal advice'."""
    seen = set()
    for menu_node in engine.content.flows[MENU].nodes.values():   # the main menu and More topics
        at = engine.step(None, Inbound("hi", 0)).session
        if menu_node.name != engine.content.flows[MENU].start:
            at = engine.step(at, Inbound("menu", 0)).session
            at.at = menu_node.key
        for i, option in enumerate(menu_node.options, start=1):
            if option.target not in engine.content.flows:
                continue
            reply = engine.step(at, Inbound(str(i), 1, family=Family(on=True, named=True))).replies[0]
            date = engine.content.flows[option.target].reviewed.date
            assert f"Written {date}; not yet checked by a lawyer. Not legal advice." in reply.text, option.target
            seen.add(option.target)
    # every content flow is one number away from a menu ('person' opens by its global word and urgent options)
    assert seen == set(engine.content.flows) - {MENU, "person"}


def test_no_source_sentence_copied() -> None:
    """No sentence of 8+ words from the seeds appears in our flows (write our own words)."""
    seeds = " ".join(p.read_text(encoding="utf-8") for p in Path(ROOT.parent / "shared" / "seeds").glob("*.txt")) \
        if (ROOT.parent / "shared" / "seeds").exists() else ""
    words = re.findall(r"[a-z']+", seeds.casefold())
    grams = {" ".join(words[i:i + 8]) for i in range(len(words) - 8)}
    ours = re.findall(r"[a-z']+", " ".join(p.read_text() for p in ROOT.glob("flows/*.yaml")
                                          if p.stem not in ("organizations", "us_states")).casefold())
    copied = {" ".join(ours[i:i + 8]) for i in range(len(ours) - 8)} & grams
    assert not copied, copied
