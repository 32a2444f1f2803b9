"""The dialogue engine: pure (session, inbound message) -> (new session, replies). No I/O, no clock of its own."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .model import LANGUAGE, MENU, Content, Node
from .router import STOP, Match, Router
from .session import Choice, Inbound, Reply, Result, Session
from .sms import split_message
from .targets import menu_key, resolve
from .textnorm import fold, has_letters
from .views import Places, View
from .words import Words

MAX_TEXT = 2000          # longer messages are cut before matching: nothing useful lies beyond
PAGE_CHARS = 600         # a reply longer than this is paged with MORE
DEFAULT_IDLE = 3600.0    # an hour of silence and the next message starts at the menu


class Guess(Protocol):
    """A language guess (bot.langid.Guess)."""

    lang: str | None
    confidence: float


class Detector(Protocol):
    """Anything that guesses the language of a short text."""

    def detect(self, text: str) -> Guess: ...


class States(Protocol):
    """Finds a US state in free text (bot.geo.StateIndex)."""

    def find(self, text: str) -> object | None: ...


@dataclass
class Turn:
    """The work of one step: the session being changed and the replies gathered."""

    s: Session
    msg: Inbound
    replies: list[Reply] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LabelIndex:
    """Folded option labels of one node, with the option each picks and their content words, for matching."""

    labels: tuple[str, ...]
    options: tuple[int, ...]
    words: tuple[str, ...]          # every content word of every label...
    owners: tuple[int, ...]         # ...and the label it belongs to

    @classmethod
    def build(cls, labels: dict[str, int]) -> LabelIndex:
        """From {folded label: option index}."""
        pairs = [(w, n) for n, label in enumerate(labels) for w in label.split() if w not in STOP]
        return cls(tuple(labels), tuple(labels.values()), tuple(w for w, _ in pairs), tuple(n for _, n in pairs))


class Engine:
    """Holds the content and its indexes (built once); `step` is a pure function of its arguments."""

    def __init__(self, content: Content, detector: Detector | None = None, places: Places | None = None,
                 states: States | None = None, idle_seconds: float = DEFAULT_IDLE) -> None:
        self.content, self.detector, self.states = content, detector, states
        self.view = View(content, places)
        self.words = Words(content.keywords)
        urgent = {f.id for f in content.flows.values() if f.urgent}
        self.router = Router(content.phrases, urgent)
        self.idle = idle_seconds
        self.menu = menu_key(content)
        self._labels: dict[tuple[str, str], LabelIndex] = {}  # filled on first use; content never changes

    # --- the step -----------------------------------------------------------------------------
    def step(self, session: Session | None, msg: Inbound) -> Result:
        """Handle one inbound message; never raises for anything a user can send."""
        from .turns import run_turn  # the turn logic lives in its own module to keep this one small

        fresh = session is None
        turn = Turn(session.copy() if session else Session(at=self.menu), msg)
        erase = run_turn(self, turn, fresh)
        turn.s.seen = msg.now
        return Result(None if erase else turn.s, tuple(turn.replies), tuple(turn.events))

    # --- helpers shared by the turn logic ----------------------------------------------------
    def say(self, turn: Turn, msg_id: str, options: tuple[Choice, ...] = (), **values: str) -> None:
        """Add a ui message in the user's language."""
        text = self.view.t(msg_id, turn.s.lang)
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        self.add(turn, text, options)

    def add(self, turn: Turn, text: str, options: tuple[Choice, ...] = ()) -> None:
        """Add a reply; a long one is cut into pages, the first sent now and the rest kept for MORE."""
        if len(text) > PAGE_CHARS:
            hint = self.view.t("ui.more_hint", turn.s.lang)
            pages = split_message(text, PAGE_CHARS - len(hint) - 1)
            turn.s.pages = pages[1:]
            text = f"{pages[0]}\n{hint}"
        self.reply(turn, text, options)

    def reply(self, turn: Turn, text: str, options: tuple[Choice, ...] = ()) -> None:
        """Add a reply as it is, in the user's language."""
        lang = turn.s.lang
        turn.replies.append(Reply(text, options, lang, self.view.rtl(lang)))

    def show(self, turn: Turn, key: str, entering: bool = False) -> None:
        """Move to a node and show it (and, on entering a flow, when its content was checked)."""
        s = turn.s
        if s.at != key:
            s.trail = (s.trail + [s.at])[-12:]
        s.at, s.pending, s.choices, s.pages = key, None, [], []
        node = self.content.node(key)
        text, gloss = self.view.node_text(node, s), ""
        if node.officer_id and s.lang != "en":  # what the English card says, in the user's language
            says = self.view.t("ui.officer_says", s.lang)
            gloss = f"{says}\n" + self.view.fill(self.view.t(node.officer_id, s.lang), s, node.flow)
        if entering and node.flow != MENU:
            text += "\n" + self.view.fill(self.view.t("ui.reviewed_note", s.lang), s, node.flow)
        if gloss and len(text) + len(gloss) + 2 <= PAGE_CHARS:
            text, gloss = f"{text}\n\n{gloss}", ""
        if node.input and self.ask_state(turn, text):
            return
        self.add(turn, text, self.view.choices(node, s.lang))
        if node.input:
            return
        if gloss:  # too long to share a page: its own message, still before the card and never behind MORE
            self.reply(turn, gloss)
        if node.officer_id:
            turn.replies.extend(self.view.officer(node, s))

    def ask_state(self, turn: Turn, text: str) -> bool:
        """Ask for the US state; a known or hinted state is offered as a yes/no question (True) first."""
        s = turn.s
        s.pending = "state"
        guess = s.state or self._hinted_state(turn.msg) or self._named_state(turn.msg.text)
        if not guess or not self.view.places:
            return False
        s.pending, s.choices = "state_confirm", [guess]
        question = self.view.t("ui.state_confirm", s.lang).replace(
            "{state}", self.view.places.state_name(guess, s.lang))
        yes_no = (Choice("1", self.view.t("ui.state_yes", s.lang), "yes"),
                  Choice("2", self.view.t("ui.state_no", s.lang), "no"),
                  Choice("0", self.view.t("ui.menu_label", s.lang), "menu"))
        self.add(turn, f"{text}\n\n{question}", yes_no)
        return True

    def _hinted_state(self, msg: Inbound) -> str | None:
        """A channel's state hint (Twilio FromState), if it names a real state."""
        if not msg.state_hint or not self.states:
            return None
        hint = msg.state_hint.strip()
        found = self.states.get(hint.upper()) if hasattr(self.states, "get") else None  # Twilio sends a code
        return getattr(found or self.states.find(hint), "code", None)

    def _named_state(self, text: str) -> str | None:
        """A state named in the message that led here ('necesito un abogado en Texas'), to offer for confirming."""
        if not self.states or not has_letters(text):
            return None
        return getattr(self.states.find(text[:MAX_TEXT]), "code", None)

    def go(self, turn: Turn, target: str, from_flow: str) -> None:
        """Follow an option's target."""
        key = resolve(self.content, from_flow, target)
        if key == "back":
            self.back(turn)
        elif key == LANGUAGE:
            from .turns import show_picker

            show_picker(self, turn)
        elif key:
            self.show(turn, key, entering=key.split(".")[0] != from_flow)

    def back(self, turn: Turn) -> None:
        """Go to the previous node, or the menu when there is none."""
        s = turn.s
        previous = s.trail.pop() if s.trail else self.menu
        while s.trail and self.content.node(previous).input:  # a question already answered is not asked again
            previous = s.trail.pop()
        s.at = previous
        self.show(turn, previous)

    def route(self, text: str) -> tuple[Match | None, tuple[Match, ...]]:
        """The router's verdict on free text."""
        routing = self.router.route(text[:MAX_TEXT])
        return routing.sure, routing.candidates

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
