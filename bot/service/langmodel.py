"""The language model, loaded in a thread so start-up does not wait 0.5-0.9 s for it.

`BackgroundModel(languages)` starts loading at once; calling it returns the model, waiting for it if it is not
loaded yet. The detector calls it only for Latin-script text the script rules cannot place, so greetings,
numbers and other scripts are answered meanwhile, and answers never depend on how far loading has got.

A process forked while the model loads (gunicorn --preload forks its workers right after start-up) has no
thread of its parent's: it starts its own at the fork. The parent then drops the copy it was loading (a
gunicorn master answers nothing: it would hold 90 MB for no one), and loads it again if it is ever called.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from collections.abc import Sequence
from typing import Any

from bot.nlu.langid import load_model

logger = logging.getLogger(__name__)
_loading: weakref.WeakSet[BackgroundModel] = weakref.WeakSet()  # models not loaded yet


class BackgroundModel:
    """py3langid's model for `languages`, loading in a daemon thread; call it to get the model."""

    def __init__(self, languages: Sequence[str]) -> None:
        """Start loading now."""
        self.languages = tuple(languages)
        self._model: Any = None
        self._ready = threading.Event()
        self._loader = 0  # the process whose thread is loading the model
        self._forked = False  # a child was forked while it loaded: it loads its own
        _loading.add(self)
        self._load_in_thread()

    def __call__(self) -> Any:
        """The model, once loaded (None if it could not be: the word lists decide then)."""
        if not self._ready.is_set():
            self._forked = False  # this process needs it after all: keep the one being loaded
            if self._loader != os.getpid():
                self._load_in_thread()  # it was left to forked children: load it again
        self._ready.wait()
        return self._model

    @property
    def ready(self) -> bool:
        """True once loaded (or failed to load)."""
        return self._ready.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until loaded; False if `timeout` seconds passed first."""
        return self._ready.wait(timeout)

    def _load_in_thread(self) -> None:
        """Load in a daemon thread of this process."""
        self._loader = os.getpid()
        threading.Thread(target=self._load, name="kyrbot-langid", daemon=True).start()

    def _load(self) -> None:
        """Load the model; a failure is logged and leaves the word lists to decide (nothing waits forever)."""
        started = time.perf_counter()
        try:
            model = load_model(self.languages)
        except Exception as exc:
            logger.error("language model not loaded (%s: %s): detecting with word lists only", type(exc).__name__, exc)
            model = None
        if self._forked:  # children forked meanwhile load their own: keep none here
            self._forked, self._loader = False, 0
            logger.info("language model left to the forked workers")
            return
        self._model = model
        self._ready.set()
        _loading.discard(self)
        if model is not None:
            logger.info(
                "language model loaded for %s in %.2f s", ",".join(self.languages), time.perf_counter() - started
            )


def _after_fork_in_child() -> None:
    """A forked child has no thread of its parent's: load the models the parent was still loading."""
    for model in list(_loading):
        model._forked = False
        model._load_in_thread()


def _after_fork_in_parent() -> None:
    """The parent of a child forked while a model was loading leaves that model to the child."""
    for model in list(_loading):
        model._forked = True


os.register_at_fork(after_in_child=_after_fork_in_child, after_in_parent=_after_fork_in_parent)
