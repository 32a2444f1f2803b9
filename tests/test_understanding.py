"""Issue 15: people as they really text — narratives, slang, dialects, romanised Urdu and Arabic, Traditional
Chinese — open the right flow in the right language; '?' is HELP; in a flow, urgent wins and a question about
the topic gets its node. Plus the CI gate on the frozen held-out set and the dev set (flow AND language)."""
from __future__ import annotations

import pytest

from bot.cli.route_eval import DEFAULT_DEVSET, DEFAULT_HELDOUT, DEFAULT_HELDOUT2, accuracy, by, evaluate, read_cases
from bot.core.engine import Engine
from bot.core.session import Inbound, Result, Session
from bot.nlu.hanzi import han_script, to_simplified
from bot.nlu.langid import LanguageDetector
from bot.nlu.romanised import romanised_guess

# Measured 2026-12-05 (docs/measurements.md), after the fifth round of issue 15 (the n-gram model and two rounds
# of tuning on dev batches written from a brief of the flows): flow AND language right. Each gate is the figure
# reached minus 0.02 (about one line of 60-70). The issue asks for 0.95 overall and 0.90 per language on the
# held-out set: reached on both held-out sets. Raise these gates when the figures rise; never tune on the held-out
# lines to do it (route_eval prints their figures only).
HELDOUT_MIN = 0.936  # reached 0.956 (669/700)
HELDOUT_PER_LANGUAGE_MIN = {  # reached: ar .944 en 1.0 es .958 fr .971 ht .957 pt .943 ur .943 vi .941 zh .943
    "ar": 0.924,
    "en": 0.980,
    "es": 0.938,
    "fr": 0.951,
    "ht": 0.937,
    "pt": 0.923,
    "ur": 0.923,
    "vi": 0.921,
    "zh": 0.923,
    "zh-Hant": 0.936,  # zh-Hant reached .956
}
# The second held-out set, written after the fourth round and measured twice: then 0.933, after the fifth 0.955.
HELDOUT2_MIN = 0.935  # reached 0.955 (573/600)
HELDOUT2_PER_LANGUAGE_MIN = {  # reached: ar .917 en .983 es .967 fr .967 ht .950 pt .967 ur .933 vi .983 zh .933
    "ar": 0.897,
    "en": 0.963,
    "es": 0.947,
    "fr": 0.947,
    "ht": 0.930,
    "pt": 0.947,
    "ur": 0.913,
    "vi": 0.963,
    "zh": 0.913,
    "zh-Hant": 0.930,  # zh-Hant reached .950
}
# The dev set trains the n-gram model: these gates catch a broken model or lexicon, not generalisation (route_eval
# --cv 5 gives 0.994 with each line routed by a model that never saw it).
DEVSET_MIN = 0.979  # reached 0.999 (4094/4099)
DEVSET_PER_LANGUAGE_MIN = 0.975  # reached 0.995 at worst (ht)


def first(engine: Engine, text: str) -> Result:
    """A new user's first message."""
    return engine.step(None, Inbound(text, now=1000.0))


def then(engine: Engine, session: Session, text: str) -> Result:
    """The next message of a conversation."""
    return engine.step(session, Inbound(text, now=session.seen + 5))


# Every example of the issue, with where it must land and the language of the answer. 'socorro' names no
# situation: the main menu in Spanish, urgent situations first, is one reply from any of them (HELP would explain
# commands, not rights). 'migra en el jale' (ICE at work) opens the workplace flow, whose first reply says what to
# do in a raid, as the dev set labels raids at work. 'la migra' alone opens ICE-at-the-door, as the content's own
# phrase says.
EXAMPLES = [
    ("there's a van outside and two men in vests asking for my son by name, they say they're ICE", "ice_at_door", "en"),
    ("ICE wale darwaze pe hain", "ice_at_door", "ur"),
    ("police ne mujhe roka", "stopped", "ur"),
    ("el shorta wa2afetni", "stopped", "ar"),
    ("ana ma7jouz fel matar", "airport", "ar"),
    ("البوليس وقفني", "stopped", "ar"),
    ("في ناس من الهجرة عالباب", "ice_at_door", "ar"),
    ("差佬截停我", "stopped", "zh-Hant"),
    ("la migra", "ice_at_door", "es"),
    ("migra en el jale", "public_places", "es"),
    ("hay un retén en la carretera", "checkpoints", "es"),
    ("socorro", "menu", "es"),
    ("a policia me parou e pediu documento", "stopped", "pt"),
    ("ICE devant la porte moin", "ice_at_door", "ht"),
    ("polis la arete mwen", "stopped", "ht"),
]


# The second round's mechanisms, one example each (dev-set lines): a word read in the message's own language, an
# Arabic ending, a typo of a lexicon form, an urgent situation at the end of a long story, questions about the bot
# and off-topic requests that open nothing, the detector's doubt settled by the phrases' language, Taiwanese usage.
SECOND_ROUND = [
    ("thang em bi giam o nha tu quan vi lai xe ko bang, gio ICE giu ko cho ra", "detainers", "vi"),
    ("شو لازم اعمل اذا اجو الهجرة ودقوا على بابي", "ice_at_door", "ar"),
    ("mi ermana esta detenida en el aeropuero", "airport", "es"),
    ("我来美国十几年了，孩子在这里上学，我在餐馆打工，今天早上有两个穿着写着ICE外套的人一直敲门，叫我的名字，我女儿在哭，我该怎么办",
     "ice_at_door", "zh"),
    ("how does this work", "menu", "en"),
    ("busco trabajo", "menu", "es"),
    ("a e bi ICE bat, h e ko bt a o dau", "find_detained", "vi"),
    ("quero ser voluntario", "take_action", "pt"),
    ("will the hospital report me to immigration", "calling_911", "en"),
    ("gin yon checkpoint la patrouille frontière sou la route la", "checkpoints", "ht"),
]


@pytest.mark.parametrize(("text", "flow", "lang"), EXAMPLES + SECOND_ROUND)
def test_every_example_routes_right_in_the_right_language(engine: Engine, text: str, flow: str, lang: str) -> None:
    """The issue's examples, then one per mechanism the second round added."""
    result = first(engine, text)
    assert (result.session.at.split(".")[0], result.session.lang) == (flow, lang)


def test_taiwanese_usage_in_shared_characters_is_traditional() -> None:
    assert (han_script("我沒有身分"), han_script("移民署的人在外面"), han_script("我没有身份")) == ("Hant", "Hant", "Hans")


@pytest.mark.parametrize(("text", "lang", "own"), [("ICE wale darwaze pe hain", "ur", "اردو"),
                                                  ("ana ma7jouz fel matar", "ar", "العربية")])
def test_romanised_text_is_answered_in_its_script_with_english_offered_in_one_line(
    engine: Engine, text: str, lang: str, own: str
) -> None:
    result = first(engine, text)
    offer = result.replies[-1].text
    assert result.session.lang == lang and "urgent" in result.events
    assert offer.endswith(" / Reply EN for English.") and "\n" not in offer
    assert engine.content.languages[lang].name == own


def test_en_after_the_offer_switches_to_english_and_shows_the_same_node(engine: Engine) -> None:
    result = first(engine, "police ne mujhe roka")
    after = then(engine, result.session, "EN")
    assert (after.session.lang, after.session.at) == ("en", "stopped.start")
    assert after.replies[0].text == "OK, I will write in English."


def test_a_number_after_the_offer_still_picks_the_option_on_screen(engine: Engine) -> None:
    result = first(engine, "police ne mujhe roka")
    after = then(engine, result.session, "1")
    assert after.session.lang == "ur" and after.session.at != "stopped.start"


def test_a_simplified_message_gets_simplified_and_a_traditional_one_traditional(engine: Engine) -> None:
    assert first(engine, "移民局的人在敲我家门").session.lang == "zh"
    assert first(engine, "移民局的人在敲我家的門").session.lang == "zh-Hant"


@pytest.mark.parametrize(("word", "action_at"), [("菜單", "menu.start"), ("選單", "menu.start"), ("幫助", None),
                                                  ("語言", None)])
def test_traditional_commands_work_mid_conversation(engine: Engine, word: str, action_at: str | None) -> None:
    session = Session(at="detainers.bail", lang="zh-Hant", lang_picked=True, seen=1000.0)
    result = then(engine, session, word)
    assert "not_understood" not in result.events
    if action_at:
        assert result.session.at == action_at
    elif word == "語言":
        assert result.session.pending == "language"
    else:
        assert result.replies[0].text == engine.view.t("ui.help", "zh-Hant")


@pytest.mark.parametrize("at", ["menu.start", "detainers.bail", None])
def test_a_question_mark_is_help(engine: Engine, at: str | None) -> None:
    session = Session(at=at, seen=1000.0) if at else None
    result = engine.step(session, Inbound("?", now=1005.0))
    assert result.replies[0].text == engine.view.t("ui.help", "en")


def test_deep_in_detainers_ice_at_the_door_goes_there_at_once(engine: Engine) -> None:
    session = Session(at="detainers.interview", trail=["menu.start", "detainers.start"], seen=1000.0)
    result = then(engine, session, "ICE is at my door now")
    assert result.session.at == "ice_at_door.start" and "urgent" in result.events


@pytest.mark.parametrize(("at", "text", "node"), [
    ("detainers.interview", "should we pay bail?", "detainers.bail"),
    ("detainers.bail", "what is the laken riley act", "detainers.laken_riley"),
    ("court.start", "i missed my court date", "court.missed"),
])
def test_a_question_about_the_current_topic_gets_its_node(engine: Engine, at: str, text: str, node: str) -> None:
    result = then(engine, Session(at=at, seen=1000.0), text)
    assert result.session.at == node


# --- the pieces ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "script"), [("差佬截停我", "Hant"), ("我在機場", "Hant"), ("我在机场", "Hans"),
                                              ("你好", "Hans"), ("hello", None)])
def test_chinese_script_by_its_characters_and_written_cantonese(text: str, script: str | None) -> None:
    assert han_script(text) == script


def test_traditional_is_matched_as_simplified() -> None:
    assert to_simplified("菜單 語言 幫助 機場") == "菜单 语言 帮助 机场"


@pytest.mark.parametrize(("text", "lang"), [("ICE wale darwaze pe hain", "ur"), ("mujhe wakeel chahiye", "ur"),
                                            ("el shorta wa2afetni", "ar"), ("ana ma7jouz fel matar", "ar"),
                                            ("meet me at 5pm on the 2nd floor", None), ("my bhai was taken", None),
                                            ("la policia me paro", None)])
def test_romanised_urdu_and_arabizi_are_recognised(text: str, lang: str | None) -> None:
    found = romanised_guess(text, ("en", "es", "ur", "ar"))
    assert (found[0] if found else None) == lang


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.mark.parametrize(("text", "lang"), [("ICE devant la porte moin", "ht"), ("je suis devant la porte", "fr"),
                                            ("polis la arete mwen", "ht")])
def test_creole_with_french_spellings_stays_creole(detector: LanguageDetector, text: str, lang: str) -> None:
    assert detector.detect(text).lang == lang


def test_traditional_guess_is_too_weak_to_switch_when_the_characters_say_nothing(detector: LanguageDetector) -> None:
    assert detector.detect("你好").confidence < 0.9
    assert detector.detect("我的律師").lang == "zh-Hant"


# --- CI gates: flow and language both right --------------------------------------------------------------------
HELDOUTS = {
    "heldout1": (DEFAULT_HELDOUT, HELDOUT_MIN, HELDOUT_PER_LANGUAGE_MIN),
    "heldout2": (DEFAULT_HELDOUT2, HELDOUT2_MIN, HELDOUT2_PER_LANGUAGE_MIN),
}


@pytest.fixture(scope="module")
def heldout_outcomes(engine: Engine) -> dict[str, list]:
    return {name: evaluate(engine, read_cases(path)) for name, (path, _, _) in HELDOUTS.items()}


@pytest.fixture(scope="module")
def devset(engine: Engine) -> list:
    return evaluate(engine, read_cases(DEFAULT_DEVSET))


@pytest.mark.parametrize("name", HELDOUTS)
def test_heldout_set_overall(heldout_outcomes: dict[str, list], name: str) -> None:
    assert accuracy(heldout_outcomes[name]) >= HELDOUTS[name][1]


@pytest.mark.parametrize("name", HELDOUTS)
def test_heldout_set_every_language(heldout_outcomes: dict[str, list], name: str) -> None:
    groups, floors = by(heldout_outcomes[name], "lang"), HELDOUTS[name][2]
    assert set(groups) == set(floors)
    low = {lang: round(accuracy(group), 3) for lang, group in groups.items() if accuracy(group) < floors[lang]}
    assert low == {}


def test_devset_overall_and_every_language(devset: list) -> None:
    low = {lang: round(accuracy(group), 3) for lang, group in by(devset, "lang").items()
           if accuracy(group) < DEVSET_PER_LANGUAGE_MIN}
    assert (accuracy(devset) >= DEVSET_MIN, low) == (True, {})
