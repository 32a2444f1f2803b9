"""Talking to a person, in the pure engine: the questions as nodes, SKIP, consent, the relay while a case is open,
and the events the desk acts on. The engine is told about volunteers and cases only through Inbound.desk, and
never keeps an answer: the session after every step holds no word the person typed."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.loader import load_content
from bot.core import person
from bot.core.engine import Engine
from bot.core.session import Desk, Inbound, Session
from bot.service.runtime import ROOT

ORG = Desk(org="Example Rights Org")
OPEN = Desk(org="Example Rights Org", case=123, relay=True)
AWAY = Desk(org="Example Rights Org", case=123, relay=False)


def run(engine: Engine, texts: list[str], desk: Desk = ORG, session: Session | None = None):
    """Step through the texts; the last result and every event, in order."""
    events: list[str] = []
    result = None
    for i, text in enumerate(texts):
        result = engine.step(session, Inbound(text, 1000.0 + i, desk=desk))
        session = result.session
        events += result.events
    return result, events


def test_the_airport_questions_report_each_answer_and_keep_none(engine: Engine) -> None:
    words = ["person", "1", "2", "Logan Zorblax", "skip", "3", "Portuguese Zorblax", "+15555550123"]
    result, events = run(engine, words)
    assert result.session.at == "person.airport_consent" and result.session.pending == "consent"
    assert [e for e in events if e.startswith("intake")] == [
        "intake_answer:airport_who", "intake_answer:airport_where", "intake_skip:airport_since",
        "intake_answer:airport_status", "intake_answer:airport_language", "intake_answer:airport_phone"]
    stored = json.dumps(result.session.to_dict())
    assert "Zorblax" not in stored and "5555550123" not in stored
    assert "Example Rights Org" in result.replies[0].text and "YES or NO" in result.replies[0].text


def test_consent_needs_a_clear_yes(engine: Engine) -> None:
    asked, _ = run(engine, ["person", "4", "Texas", "What can I do about a detainer?"])
    again = engine.step(asked.session, Inbound("maybe later", 2000.0, desk=ORG))
    assert again.session.at == "person.question_consent" and again.events == ()
    yes = engine.step(again.session, Inbound("yes", 2001.0, desk=ORG))
    assert yes.events == ("handoff_consent:question_consent",)
    assert yes.session.at == "person.talk" and yes.session.pending == "relay"
    no = engine.step(again.session, Inbound("2", 2001.0, desk=ORG))
    assert no.events == ("handoff_declined:question_consent",) and no.session.at == "person.declined"
    assert "1-844-363-1423" in no.replies[0].text


def test_an_answer_comes_before_urgent_routing(engine: Engine) -> None:
    """'ICE is at my door' typed as the answer to 'since when?' is that answer, not a jump to another flow."""
    asked, _ = run(engine, ["person", "1", "1", "JFK"])
    result = engine.step(asked.session, Inbound("ICE took my husband at the airport", 2000.0, desk=ORG))
    assert result.events == ("intake_answer:airport_since",) and result.session.at == "person.airport_status"


def test_listed_answers_are_picked_by_number_or_label(engine: Engine, content) -> None:
    node = content.node("person.airport_status")
    assert person.choice_of(engine, node, "2", "en") == "green_card"
    assert person.choice_of(engine, node, "green card", "en") == "green_card"
    assert person.choice_of(engine, node, "I think a work visa", "en") is None
    assert [o.label for o in engine.view.choices(node, "en")] == [
        "U.S. citizen", "Green card", "Visa", "Other", "I don't know", "Main menu"]


def test_while_a_case_is_open_everything_but_a_few_words_goes_to_the_volunteer(engine: Engine) -> None:
    talking = Session(at="person.talk", pending="relay", seen=1000.0)
    for text in ("are you there?", "help", "yes", "1", "hi", "back"):
        result = engine.step(talking, Inbound(text, 1001.0, desk=OPEN))
        assert (result.events, result.replies, result.session.at) == (("handoff_message",), (), "person.talk"), text
    menu = engine.step(talking, Inbound("menu", 1001.0, desk=OPEN))
    assert menu.events == ("handoff_detach", "menu") and menu.session.at == "menu.start"
    stop = engine.step(talking, Inbound("END", 1001.0, desk=OPEN))
    assert stop.session is None and "stop" in stop.events
    photo = engine.step(talking, Inbound("", 1001.0, kind="media", desk=OPEN))
    assert photo.events == () and "only pass on text" in photo.replies[0].text


@pytest.mark.parametrize(("lang", "word"), [("en", "close"), ("es", "cerrar"), ("zh", "关闭"), ("ar", "إغلاق"), ("vi", "dong")])
def test_close_ends_the_chat_without_opting_out(engine: Engine, lang: str, word: str) -> None:
    """CLOSE ends the case and keeps the conversation: the person can still be answered later (STOP would not)."""
    talking = Session(at="person.talk", pending="relay", lang=lang, lang_picked=True, seen=1000.0)
    result = engine.step(talking, Inbound(word, 1001.0, desk=OPEN))
    assert result.events == ("handoff_close",) and result.session is not None
    assert result.session.at == "menu.start" and result.session.pending is None
    said = engine.view.t("person.msg.closed_by_you", lang).replace("{case}", "123")
    assert result.replies[0].text == said


def test_the_word_the_chat_names_for_closing_is_never_a_stop_word(engine: Engine) -> None:
    """Every language's 'MENU leaves this chat, CLOSE ends it' names one of its close words, and none of them
    opts out: the texts used to say END (FIN, 结束, ...), a stop word, so a closed chat left the number silenced."""
    for lang in engine.content.languages:
        closing = engine.content.keywords.get(lang, {}).get("close") or engine.content.keywords["en"]["close"]
        stops = {w.casefold() for w in engine.content.keywords.get(lang, {}).get("stop", ())}
        stops |= {w.casefold() for w in engine.content.keywords["en"]["stop"]}
        assert not stops & {w.casefold() for w in closing}, lang
        for msg_id in ("person.talk.text", "person.msg.connected"):
            text = engine.view.t(msg_id, lang)
            assert any(w.casefold() in text.casefold() for w in closing), (lang, msg_id)
            # a command is written in capitals (Latin scripts) or in quotes (the others)
            quoted = [w for w in stops for q, r in ("“”", "「」", "«»", '""') if f"{q}{w}{r}" in text]
            named = quoted + [w for w in stops if w.upper() != w.lower() and w.upper() in text]
            assert not named, (lang, msg_id, named)


def test_person_returns_to_an_open_case_and_an_idle_restart_does_not_end_it(engine: Engine) -> None:
    away = Session(at="ice_at_door.start", seen=1000.0)
    back = engine.step(away, Inbound("person", 1001.0, desk=AWAY))
    assert back.events == ("person", "handoff_attach") and back.session.at == "person.talk"
    assert back.replies[0].text.startswith("You are talking with the volunteers of Example Rights Org (case 123).")
    hours_later = engine.step(back.session, Inbound("still here", 1001.0 + 5 * 3600, desk=OPEN))
    assert "handoff_message" in hours_later.events


def test_a_closed_case_is_said_once_then_the_menu(engine: Engine) -> None:
    talking = Session(at="person.talk", pending="relay", seen=1000.0)
    result = engine.step(talking, Inbound("thanks", 1001.0, desk=ORG))
    assert result.events == ("handoff_ended",) and result.session.at == "menu.start"
    assert result.replies[0].text == "Your conversation with the volunteer has ended."


@pytest.mark.parametrize("entry", ["person", "talk to a person", "a human"])   # global words: the flow has no phrases
def test_without_volunteers_the_person_is_told_and_stays_put(engine: Engine, entry: str) -> None:
    at_airport, _ = run(engine, ["i am held at the airport"], Desk())
    result = engine.step(at_airport.session, Inbound(entry, 2000.0))
    assert result.session.at == "airport.start" and "handoff_unavailable" in result.events
    assert result.replies[0].text.startswith("Sorry, no volunteer can answer through this service.")


def test_skip_outside_a_question_means_nothing(engine: Engine) -> None:
    result, _ = run(engine, ["hi", "skip"])
    assert result.session.at == "menu.start" and result.replies[0].text.startswith("Sorry, I did not understand.")


BROKEN_PERSON = """\
flow: person
title: Talk to a person
reviewed: {date: 2026-12-05, by: awaiting legal review}
sources: [a source]
nodes:
  start:
    text: "Hi {org}."
    options: [ask]
  ask:
    title: Ask
    text: "Which airport, {case}?"
    input: answer
    answers: {a: A}
    next: consent
  consent:
    text: "Send?"
    input: consent
    options: [talk]
  talk:
    title: Talk
    text: "Write."
    input: relay
  stray:
    title: Stray
    text: "x"
    answers: {b: B}
    options: [back]
messages:
  opened: "Case {case}, {nonsense}."
"""


def test_the_validator_names_what_is_wrong_in_a_person_flow(tmp_path: Path) -> None:
    for folder in ("flows", "translations"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "flows" / "person.yaml").write_text(BROKEN_PERSON, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content(tmp_path)
    problems = [p for p in err.value.problems if "person" in p]
    assert problems == [
        "flows/person.yaml:9: flow 'person', node 'ask': unknown placeholder '{case}'. Fix: use {state}, {orgs}, "
        "{national}, {reviewed}, {org} or {phone:<hotline>}.",
        "flows/person.yaml:15: flow 'person', node 'consent': a consent question needs two options. Fix: list where "
        "YES leads first, then where NO leads.",
        "flows/person.yaml:23: flow 'person', node 'stray': 'answers' belong to a question. Fix: add 'input: answer', "
        "or write the answers as options.",
        "flows/person.yaml: flow 'person': unknown placeholder '{nonsense}'. Fix: use {state}, {orgs}, {national}, "
        "{reviewed}, {org}, {case}, {minutes}, {hours}, {hotlines}, {text} or {phone:<hotline>}.",
    ]


def test_options_into_the_flow_show_only_with_volunteers(engine: Engine) -> None:
    """Urgent nodes list 'Talk to a person' last: hidden when nobody can answer, so no other number moves."""
    node = engine.content.node("ice_at_door.start")
    if not any(o.target == "person" for o in node.options):
        pytest.skip("the urgent flows do not offer 'person' yet")
    assert node.options[-1].target == "person"
    shown = engine.step(None, Inbound("ICE is at my door", 1.0, desk=ORG)).replies[0].options
    hidden = engine.step(None, Inbound("ICE is at my door", 1.0)).replies[0].options
    assert [o.target for o in shown if o.target not in [h.target for h in hidden]] == ["person"]
    assert [o.key for o in hidden] == [o.key for o in shown if o.target != "person"]


@pytest.mark.parametrize("word", ["close", "cerrar"])
def test_close_outside_a_chat_is_not_understood_never_silent(engine: Engine, word: str) -> None:
    result, _ = run(engine, ["i am held at the airport", word])
    assert result.session.at == "airport.start" and result.replies[0].text.startswith("Sorry, I did not understand.")
