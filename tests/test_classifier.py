"""The routing model (bot/nlu/classifier.py): trained on today's phrases and dev set, numpy inference equal to
scikit-learn's, its file round trip, and the router's use of it (where it may speak, where it may not)."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import numpy as np
import pytest

from bot.cli import train_router
from bot.cli.validate import model_warning
from bot.content.model import Phrase
from bot.content.routing_model import load_model, read_model, save_model
from bot.core.engine import Engine
from bot.nlu.classifier import Guess, grams, stamp
from bot.nlu.router import Router, Routing

TOY = [
    ("ice is knocking at my door", "ice_at_door"),
    ("agents at my front door", "ice_at_door"),
    ("they hold my mother at the airport", "airport"),
    ("cbp took my husband aside at the airport", "airport"),
    ("i need a lawyer", "get_help"),
    ("free immigration lawyer near me", "get_help"),
    ("what is the weather", "none"),
    ("hello", "none"),
    ("移民局在敲门", "ice_at_door"),
    ("我需要律师", "get_help"),
]


def test_the_model_is_trained_on_todays_phrases_and_dev_set(capsys: pytest.CaptureFixture[str]) -> None:
    # Edited phrases or dev lines reach the model only when it is trained again: this is the reminder.
    assert train_router.main(["--check"]) == 0, capsys.readouterr().out


def test_numpy_inference_gives_scikit_learns_probabilities() -> None:
    pipeline = train_router.fit(TOY)
    model = train_router.as_model(pipeline)
    texts = ["ice at the door", "my wife is held at the airport", "lawyer please", "律师", "hello, what weather"]
    expected = pipeline.predict_proba(texts)
    for text, row in zip(texts, expected):
        guess = model.guess(text)
        best = int(np.argmax(row))
        assert (guess.flow, guess.p) == (pipeline.classes_[best], pytest.approx(row[best], abs=1e-5))


def test_the_file_keeps_the_answers_and_the_stamps(tmp_path: Path) -> None:
    model = train_router.train(TOY)
    model.stamps = {"phrases": stamp(TOY[:4]), "devset": stamp(TOY[4:])}
    save_model(model, tmp_path / "m.npz")
    again = read_model(tmp_path / "m.npz")
    assert again is not None and again.stamps == model.stamps
    for text, _ in TOY:
        a, b = model.guess(text), again.guess(text)
        assert (b.flow, b.p) == (a.flow, pytest.approx(a.p, abs=0.01))  # float16 weights: same answer


def test_a_missing_file_is_no_model_and_says_how_to_make_one(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert read_model(tmp_path / "absent.npz") is None
    assert "run scripts/train_router.py" in caplog.text


def test_text_with_no_known_ngram_is_no_topic() -> None:
    assert train_router.train(TOY).guess("😀😀") == Guess("none", 0.0)


def test_grams_read_words_letters_and_chinese_runs() -> None:
    assert grams("Door") == ["w:door", " do", "doo", "oor", "or ", " doo", "door", "oor ", " door", "door "]
    assert grams("敲门") == ["敲", "门", "敲门"]
    assert "w:ice" in grams("ICE 敲门") and "敲门" in grams("ICE 敲门")


def test_the_stamp_ignores_order_and_sees_every_change() -> None:
    assert stamp(TOY) == stamp(list(reversed(TOY)))
    assert stamp(TOY) != stamp([*TOY[:-1], ("我需要律师", "court")])


def router_with(engine: Engine, lines: list[tuple[str, str]] | None) -> Router:
    """The project's router with a model trained on `lines` (None: no model)."""
    model = train_router.train(lines) if lines else None
    return Router(engine.content.phrases, engine.router.urgent, engine.router.ranks, model=model)


def flow_of(routing: Routing) -> str | None:
    """The flow a routing opens, or None."""
    return routing.sure.target.split(".")[0] if routing.sure else None


def test_the_engine_routes_with_the_projects_model(engine: Engine) -> None:
    assert engine.router.model is not None and engine.router.model is load_model()


def test_the_model_opens_a_flow_where_phrases_and_concepts_opened_none(engine: Engine) -> None:
    taught = [*TOY, ("zorblat", "airport"), ("zorblat zorblat", "airport"), ("big zorblat", "airport")]
    assert router_with(engine, None).route("zorblat flimp") == Routing(None)
    sure = router_with(engine, taught).route("zorblat flimp").sure
    # ...but not as urgent: the model alone may not interrupt a question on screen (airport is an urgent flow)
    assert sure is not None and (flow_of(Routing(sure)), sure.urgent) == ("airport", False)
    assert "airport" in engine.router.urgent


def test_the_model_leaves_one_word_alone(engine: Engine) -> None:
    # 'Texas' answers 'which state?'; one word is too little for the model to name a topic by
    taught = [
        *TOY,
        *[(f"{w} texas", "checkpoints") for w in ("in", "on", "to", "near", "big")],
        ("texas", "checkpoints"),
    ]
    assert router_with(engine, taught).route("Texas") == router_with(engine, None).route("Texas")


def test_a_sure_model_overrules_a_loose_match_but_never_an_exact_phrase(engine: Engine) -> None:
    text = "the door of my friend"  # no exact phrase: a loose match of the door flow
    loose = router_with(engine, None).route(text).sure
    assert loose is not None and loose.score < 100 and flow_of(Routing(loose)) == "ice_at_door"
    taught = [*TOY, *[(f"{w} door friend", "take_action") for w in ("a", "the", "my", "our", "big")]]
    assert flow_of(router_with(engine, taught).route(text)) == "take_action"
    exact = next(p for p in engine.content.phrases if p.lang == "en" and p.target.startswith("ice_at_door"))
    sure = router_with(engine, [*taught, (exact.text, "take_action")]).route(exact.text).sure
    assert sure is not None and (sure.target, sure.score) == (exact.target, 100)


def test_no_topic_takes_back_a_loose_match_unless_it_is_urgent(engine: Engine) -> None:
    taught = [*TOY, *[(f"lawyer for my {pet}", "none") for pet in ("dog", "cat", "fish", "bird", "horse")]]
    assert flow_of(router_with(engine, None).route("lawyer for my dog")) == "get_help"
    assert router_with(engine, taught).route("lawyer for my dog") == Routing(None)
    door = [*TOY, *[(f"ice is at my door {w}", "none") for w in ("a", "b", "c", "d", "e", "f")]]
    assert flow_of(router_with(engine, door).route("ice is at my door now")) == "ice_at_door"


def test_a_clarifying_question_stays_a_question(engine: Engine) -> None:
    routing = engine.router.route("ice")  # several flows share the word: the person chooses
    assert routing.sure is None and len(routing.candidates) >= 2


def test_validate_warns_when_the_model_is_older_than_the_phrases(engine: Engine) -> None:
    content = engine.content
    assert model_warning(content) is None
    edited = dataclasses.replace(content, phrases=(*content.phrases, Phrase("my landlord keeps my deposit", "get_help", "en")))
    warning = model_warning(edited)
    assert warning is not None and "python3 scripts/train_router.py" in warning
