"""Engine behaviours: first message, global words, urgent interrupts, idle restart, bad input, determinism."""
from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.session import Inbound, Session
from bot.core.turns import number


def send(engine: Engine, texts: list[str], start: float = 1000.0, gap: float = 10.0, **kw) -> list:
    """Send messages in order; return every Result."""
    session, results = None, []
    for i, text in enumerate(texts):
        result = engine.step(session, Inbound(text, start + i * gap, **kw))
        results.append(result)
        session = result.session
    return results


def test_first_message_that_is_a_question_is_answered_at_once(engine: Engine) -> None:
    """No greeting or language question before urgent guidance."""
    result = send(engine, ["ICE is at my door"])[0]
    assert result.session.at == "ice_at_door.start"
    assert result.replies[0].text.startswith("Do not open the door.")
    assert "urgent" in result.events and "new" in result.events


@pytest.mark.parametrize("where", ["hi|7", "hi|4|1", "hi|6|1", "hi|language"])
def test_urgent_interrupts_from_any_state(engine: Engine, where: str) -> None:
    """Mid-question, mid-flow or in the picker: the crisis wins."""
    last = send(engine, [*where.split("|"), "I am detained at the airport"])[-1]
    assert last.session.at == "airport.start" and last.session.pending is None


def test_idle_session_starts_again_at_menu(engine: Engine) -> None:
    """After the idle time a number no longer means the old node's option."""
    first = send(engine, ["hi", "1"])[-1].session
    later = engine.step(first, Inbound("2", first.seen + engine.idle + 1))
    assert later.session.at == "menu.start"
    assert "idle_restart" in later.events
    assert later.replies[0].text.startswith("Welcome back. Here is the main menu again.")


def test_media_gets_a_helpful_reply(engine: Engine) -> None:
    """A photo or voice note without text."""
    result = engine.step(Session(), Inbound("", 1.0, kind="media"))
    assert result.replies[0].text == ("I can only read text, not photos, voice notes or stickers. "
                                      "Please type your question, or reply MENU.")


@pytest.mark.parametrize("text", ["x" * 100_000, "🙏🙏🙏", "'; DROP TABLE users; --", "<script>alert(1)</script>",
                                  "\x00\x01", "Привет", "١", "   "])
def test_any_text_gets_a_sensible_short_reply(engine: Engine, text: str) -> None:
    """Huge, emoji-only, injection strings, control characters, other scripts: a reply, never a crash."""
    for session in (None, Session(at="ice_at_door.warrant", seen=1.0)):
        result = engine.step(session, Inbound(text, 2.0))
        assert result.replies and all(0 < len(r.text) <= 1200 for r in result.replies)


def test_unsupported_script_gets_the_language_picker(engine: Engine) -> None:
    """A new user writing in a language we do not have is offered the picker."""
    result = engine.step(None, Inbound("Помогите, полиция у двери", 1.0))
    assert result.session.pending == "language"
    assert result.replies[0].options[0].label == "English"


def test_stop_erases_and_start_comes_back(engine: Engine) -> None:
    """STOP and DELETE erase the session; START greets again."""
    stop = send(engine, ["hi", "STOP"])[-1]
    assert stop.session is None and "stop" in stop.events
    assert stop.replies[0].text.startswith("OK, you will get no more messages")
    delete = send(engine, ["hi", "delete my data"])[-1]
    assert delete.session is None and delete.replies[0].text.startswith("Done. I deleted everything")
    start = engine.step(None, Inbound("START", 1.0))
    assert start.session.at == "menu.start" and "not legal advice" in start.replies[0].text


def test_step_does_not_mutate_the_callers_session(engine: Engine) -> None:
    """The engine is pure: the session passed in stays as it was."""
    session = Session(at="ice_at_door.start", trail=["menu.start"], seen=5.0)
    before = session.to_dict()
    engine.step(session, Inbound("1", 6.0))
    assert session.to_dict() == before


def test_same_input_same_output(engine: Engine) -> None:
    """Deterministic: the clock is passed in, nothing random."""
    texts = ["hi", "7", "Nueva York", "MORE", "back", "ICE at my door", "3"]
    a, b = send(engine, texts), send(engine, texts)
    assert [(r.session.to_dict() if r.session else None, r.replies) for r in a] == \
        [(r.session.to_dict() if r.session else None, r.replies) for r in b]


def test_typed_option_label_is_understood(engine: Engine) -> None:
    """Typing an option's label works like its number."""
    last = send(engine, ["ICE is at my door", "show this to the officer"])[-1]
    assert last.session.at == "ice_at_door.officer"
    assert last.replies[-1].kind == "officer" and last.replies[-1].lang == "en"


def test_back_skips_a_question_already_answered(engine: Engine) -> None:
    """BACK after answering the state question returns to the node before it."""
    last = send(engine, ["hi", "7", "1", "1", "Texas", "back"])[-1]   # More topics, detainers, state rules
    assert last.session.at == "detainers.start"


@pytest.mark.parametrize("text,value", [("1", 1), ("１", 1), ("٢", 2), ("۳", 3), ("2.", 2), ("12", 12),
                                        ("one", None), ("", None), ("1234", None)])
def test_numbers_in_any_script(text: str, value: int | None) -> None:
    """Option numbers typed with Arabic-Indic, Persian or full-width digits count."""
    assert number(text) == value


def test_session_round_trips_through_plain_data() -> None:
    """What the store keeps rebuilds the same session; unknown fields are ignored."""
    s = Session(at="airport.lpr", lang="es", trail=["menu.start"], state="MA", seen=3.0)
    assert Session.from_dict({**s.to_dict(), "future_field": 1}) == s


def test_a_typed_state_code_answers_the_state_question_before_yes_no_words(engine: Engine) -> None:
    """Offered Texas, 'CO' means Colorado (though Vietnamese 'có', yes, folds to 'co'); 'có' keeps Texas."""
    colorado = send(engine, ["hi", "6", "CO"], state_hint="TX")[-1]   # 6: find legal help
    assert (colorado.session.at, colorado.session.state) == ("get_help.orgs", "CO")
    yes = send(engine, ["xin chào", "6", "có"], state_hint="TX")[-1]
    assert (yes.session.at, yes.session.state, yes.session.lang) == ("get_help.orgs", "TX", "vi")


@pytest.mark.parametrize("greeting", ["xin chào", "chào", "hola", "bonjou", "مرحبا", "你好"])
def test_a_greeting_gets_the_welcome_not_a_did_you_mean(engine: Engine, greeting: str) -> None:
    """Weak half-matches of a greeting ('xin' in 'xin tị nạn', asylum) are noise, not a question to clarify."""
    result = send(engine, [greeting])[0]
    assert "clarify" not in result.events and result.session.at == "menu.start"
    assert result.replies[0].text.startswith(engine.view.t("ui.welcome", result.session.lang))


@pytest.mark.parametrize("lang", ["es", "fr", "ht", "pt", "ur", "vi", "ar", "zh", "zh-Hant"])
def test_the_officer_card_meaning_comes_before_the_card(engine: Engine, lang: str) -> None:
    """What the English card says, in the user's language, ends the node's own text (paged with it, see
    test_paging.py); the card is the turn's last reply, in English, headed for the officer."""
    last = send(engine, ["hi", "2", "1", "1"], lang_pick=lang)[-1]
    assert last.session.at == "airport.i407" and last.session.pages == []
    told, card = last.replies
    gloss = engine.view.t("ui.officer_says", lang) + "\n" + engine.view.t("airport.i407.officer", lang)
    assert told.text.endswith(gloss) and told.lang == lang
    assert (card.kind, card.lang) == ("officer", "en")
    assert card.text == "TO THE OFFICER:\n" + engine.view.t("airport.i407.officer", "en")


def test_a_state_named_in_the_question_is_offered_not_asked_again(engine: Engine) -> None:
    """'necesito un abogado en texas' opens get_help and asks 'Are you in Texas?', which one reply confirms."""
    first, confirmed = send(engine, ["necesito un abogado en texas", "1"])
    assert first.session.pending == "state_confirm" and first.session.choices == ["TX"]
    assert first.replies[-1].text.endswith("¿Está en Texas?")
    assert (confirmed.session.at, confirmed.session.state) == ("get_help.orgs", "TX")


def test_a_language_chosen_on_its_own_is_one_turn_like_the_picker(engine: Engine) -> None:
    """The web demo's switcher: no text, a language: 'De acuerdo...' and the same step again, in Spanish."""
    at_door = send(engine, ["ICE is at my door"])[0].session
    result = engine.step(at_door, Inbound("", 1010.0, lang_pick="es"))
    assert result.session.at == "ice_at_door.start" and result.session.lang_picked
    assert [r.text.split("\n")[0] for r in result.replies[:1]] == [engine.view.t("ui.language_set", "es")]
    assert result.replies[1].text.startswith(engine.view.t("ice_at_door.start.text", "es")[:20])


def test_session_to_dict_keeps_every_field() -> None:
    """The hand-written to_dict must not forget a field added to Session later."""
    from dataclasses import asdict

    session = Session(at="x.y", lang="es", trail=["a"], state="TX", pending="state", choices=["TX"], pages=["p"])
    assert session.to_dict() == asdict(session)
    assert Session.from_dict(session.to_dict()) == session


@pytest.mark.parametrize(("greeting", "lang"), [("hi", "en"), ("hola", "es"), ("bonjou", "ht"), ("xin chào", "vi"),
                                                ("السلام عليكم", "ar"), ("你好", "zh")])
def test_a_greeting_in_the_middle_of_a_flow_starts_afresh_at_the_menu(engine: Engine, greeting: str,
                                                                       lang: str) -> None:
    """A returning person who says hello gets the greeting and the menu, not 'I did not understand'."""
    last = send(engine, ["hi", "1", "2", greeting], lang_pick=lang)[-1]
    assert "hello" in last.events and last.session.at == "menu.start"
    assert last.replies[0].text.startswith(engine.view.t("ui.welcome", lang))


@pytest.mark.parametrize("session", [None, Session(at="ice_at_door.warrant", seen=1.0)], ids=["first", "mid-flow"])
@pytest.mark.parametrize("text", ["?", " ? "])
def test_a_question_mark_alone_is_help(engine: Engine, session: Session | None, text: str) -> None:
    """'?' is a global word (HELP) though it has no letter: the empty/emoji check must not swallow it."""
    result = engine.step(session, Inbound(text, 2.0))
    assert "help" in result.events
    assert result.replies[0].text == engine.view.t("ui.help", "en")


@pytest.mark.parametrize("text", ["¿", "🙏", "!!"])
def test_punctuation_that_is_no_global_word_is_not_understood(engine: Engine, text: str) -> None:
    """Only the words listed are HELP: other punctuation and emoji still get 'not understood'."""
    result = engine.step(Session(at="ice_at_door.warrant", seen=1.0), Inbound(text, 2.0))
    assert "help" not in result.events
    assert result.replies[0].text.startswith("Sorry, I did not understand.")
