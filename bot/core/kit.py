"""What every step of a turn works with: the content and its indexes (built once), and the turn being built.

The bottom of the engine's import graph: output, pending, actions and turns all take a Kit and a Turn, and the
Engine is a Kit with `step`. Nothing here reads a clock, a file or the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.content.model import Content, Node
from bot.content.targets import menu_key
from bot.core.session import Inbound, Reply, Session
from bot.core.views import Places, View
from bot.nlu.classifier import FlowModel
from bot.nlu.router import STOP, Match, Router
from bot.nlu.textnorm import fold, has_letters
from bot.nlu.words import Words

MAX_TEXT = 2000  # longer messages are cut before matching: nothing useful lies beyond
DEFAULT_IDLE = 3600.0  # an hour of silence and the next message starts at the menu


class Guess(Protocol):
    """A language guess (bot.nlu.langid.Guess): read-only."""

    @property
    def lang(self) -> str | None: ...
    @property
    def confidence(self) -> float: ...


class Place(Protocol):
    """A US state as the finder returns it (bot.content.geo.State)."""

    @property
    def code(self) -> str: ...


class Detector(Protocol):
    """Anything that guesses the language of a short text."""

    def detect(self, text: str) -> Guess: ...


class States(Protocol):
    """Finds a US state in free text, or by its postal code (bot.content.geo.StateIndex)."""

    def find(self, text: str) -> Place | None: ...
    def get(self, code: str) -> Place | None: ...


@dataclass
class Turn:
    """The work of one step: the session being changed, the message, and the replies and events gathered."""

    s: Session
    msg: Inbound
    fresh: bool = False
    text: str = ""
    replies: list[Reply] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    routed: tuple[Match | None, tuple[Match, ...]] | None = None  # the router's verdict on `text`, once per message


@dataclass(frozen=True)
class LabelIndex:
    """Folded option labels of one node, with the option each picks and their content words, for matching."""

    labels: tuple[str, ...]
    options: tuple[int, ...]
    words: tuple[str, ...]  # every content word of every label...
    owners: tuple[int, ...]  # ...and the label it belongs to

    @classmethod
    def build(cls, labels: dict[str, int]) -> LabelIndex:
        """From {folded label: option index}."""
        pairs = [(w, n) for n, label in enumerate(labels) for w in label.split() if w not in STOP]
        return cls(tuple(labels), tuple(labels.values()), tuple(w for w, _ in pairs), tuple(n for _, n in pairs))


class Kit:
    """The content and every index built from it; read-only after construction (but for a label cache)."""

    def __init__(
        self,
        content: Content,
        detector: Detector | None = None,
        places: Places | None = None,
        states: States | None = None,
        idle_seconds: float = DEFAULT_IDLE,
        model: FlowModel | None = None,
    ) -> None:
        self.content, self.detector, self.states = content, detector, states
        self.view = View(content, places)
        self.words = Words(content.keywords)
        urgent = {f.id for f in content.flows.values() if f.urgent}
        ranks = {f.id: 1 for f in content.flows.values() if f.wins_ties}
        self.router = Router(content.phrases, urgent, ranks, model=model)
        self.idle = idle_seconds
        self.menu = menu_key(content)
        self._labels: dict[tuple[str, str], LabelIndex] = {}  # filled on first use; content never changes

    def route(self, text: str) -> tuple[Match | None, tuple[Match, ...]]:
        """The router's verdict on free text."""
        routing = self.router.route(text[:MAX_TEXT])
        return routing.sure, routing.candidates

    def route_turn(self, turn: Turn) -> tuple[Match | None, tuple[Match, ...]]:
        """The router's verdict on the turn's text, worked out once: a first message asks it twice (its language,
        then its flow)."""
        if turn.routed is None:
            turn.routed = self.route(turn.text)
        return turn.routed

    def labels(self, node: Node, lang: str) -> LabelIndex:
        """A node's option labels in every language, folded for matching, the user's language first. Derived from
        the immutable content, so built once per node and language (it was most of a free-text turn's time)."""
        key = (node.key, lang)
        if key not in self._labels:
            labels: dict[str, int] = {}
            for code in dict.fromkeys([lang, "en", *self.languages()]):
                for i, c in enumerate(self.view.choices(node, code)[: len(node.options)]):
                    labels.setdefault(fold(c.label), i)
            self._labels[key] = LabelIndex.build(labels)
        return self._labels[key]

    def languages(self) -> list[str]:
        """Supported languages, English first."""
        return list(self.content.languages)

    @staticmethod
    def has_text(text: str) -> bool:
        """True when there is something to read."""
        return has_letters(text)
