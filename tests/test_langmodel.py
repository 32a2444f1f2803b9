"""The language model loads in a thread (bot/service/langmodel.py): answers never depend on how far it got."""
from __future__ import annotations

import multiprocessing
import multiprocessing.queues
import os
import threading
import time

import pytest

from bot.cli.langid_eval import iter_devset
from bot.nlu.langid import SUPPORTED, Guess, LanguageDetector, latin_of
from bot.service import langmodel
from bot.service.langmodel import BackgroundModel
from tests.test_langid import DEVSET


class Detector(LanguageDetector):
    """A detector that keeps a handle on its background model, for the tests to watch."""

    model: BackgroundModel


def background_detector() -> Detector:
    """A detector whose model loads in a thread."""
    model = BackgroundModel(latin_of(SUPPORTED))
    detector = Detector(model=model)
    detector.model = model
    return detector


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    """A detector with its model loaded before it answers."""
    return LanguageDetector()


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The model loader held until the returned event is set (in this process only: a forked child loads)."""
    gate, parent, real = threading.Event(), os.getpid(), langmodel.load_model

    def slow(languages: tuple[str, ...]) -> object:
        if os.getpid() == parent:
            gate.wait(30)
        return real(languages)

    monkeypatch.setattr(langmodel, "load_model", slow)
    return gate


def test_a_background_detector_answers_exactly_as_a_loaded_one(detector: LanguageDetector) -> None:
    """Latin-script text waits for the model: answers never depend on how far loading has got."""
    background = background_detector()
    texts = [text for _, text in iter_devset(str(DEVSET))][:200]
    assert [background.detect(t) for t in texts] == [detector.detect(t) for t in texts]
    assert background.model.ready


def test_scripts_are_answered_while_the_model_loads_and_latin_text_waits(gated: threading.Event) -> None:
    """Han, Arabic and Vietnamese letters decide without the model; Spanish words wait for it."""
    background = background_detector()
    assert (background.detect("我需要律师").lang, background.detect("الشرطة عند الباب").lang) == ("zh", "ar")
    assert background.detect("tôi cần luật sư").lang == "vi" and not background.model.ready
    answer: list[Guess] = []
    waiting = threading.Thread(target=lambda: answer.append(background.detect("necesito un abogado")))
    waiting.start()
    waiting.join(0.2)
    assert answer == [] and waiting.is_alive()  # still waiting for the model
    gated.set()
    waiting.join(30)
    assert [g.lang for g in answer] == ["es"] and background.model.ready


def child_detects(detector: LanguageDetector, out: multiprocessing.queues.Queue[str | None]) -> None:
    """In a forked child: the parent's loading thread is not here; the child loads its own model."""
    out.put(detector.detect("necesito un abogado").lang)


def test_a_child_forked_while_the_model_loads_loads_its_own(gated: threading.Event) -> None:
    """gunicorn --preload forks workers before the model is ready: each loads its own, and never hangs."""
    background = background_detector()
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    child = ctx.Process(target=child_detects, args=(background, out))
    child.start()
    child.join(60)
    assert (child.exitcode, out.get(timeout=5)) == (0, "es")
    gated.set()
    deadline = time.monotonic() + 30
    while "kyrbot-langid" in [t.name for t in threading.enumerate()] and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not background.model.ready  # the parent dropped the model it was loading: its children have their own
    assert background.detect("necesito un abogado").lang == "es"  # ...and loads it again if it needs it
    assert background.model.ready


def test_a_model_that_cannot_load_leaves_the_word_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken model file is logged; messages are not left waiting, the lists still decide."""
    def broken(languages: tuple[str, ...]) -> object:
        raise OSError("model file missing")

    monkeypatch.setattr(langmodel, "load_model", broken)
    background = background_detector()
    assert background.model.wait(30)
    assert background.detect("necesito un abogado para mi hermano").lang == "es"
    assert background.detect("xyzzy plugh").lang is None
