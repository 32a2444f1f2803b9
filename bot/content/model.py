"""The loaded content: immutable flows, nodes and options, addressed by stable message ids."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

MENU = "menu"
LANGUAGE = "language"
INPUT_KINDS: tuple[str, ...] = (
    "state",
    "answer",
    "consent",
    "relay",
)  # answer/consent/relay: talking to a person (core/person.py)
# Emergency contacts (core/family.py): a typed answer, a phone number, a language, YES/NO, a time, an alert word.
FAMILY_INPUTS = ("field", "phone", "language_pick", "confirm", "duration", "alert_word")
INPUT_KINDS += FAMILY_INPUTS
# Questions answered in the person's own words (a name, a city, a number, their message): the words say nothing
# about the language the person reads ('Tía Rosa' from an Arabic speaker), so they never switch it.
OWN_WORDS = ("state", "answer", "relay", "field", "phone", "duration", "alert_word")
NEEDS_NEXT = ("state", "answer", "field", "phone", "language_pick", "duration", "alert_word")


def frozen_map(data: Mapping | None = None) -> Mapping:
    """A read-only view, so loaded content cannot change under a running engine."""
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class OptionSpec:
    """A numbered choice: where it leads, and the message id of its label."""

    target: str
    label_id: str


@dataclass(frozen=True)
class Node:
    """One step of a flow: a message, its options, and what it may ask for."""

    flow: str
    name: str
    text_id: str
    title_id: str | None = None
    options: tuple[OptionSpec, ...] = ()
    input: str | None = None
    next: str | None = None
    state_text_ids: Mapping[str, str] = field(default_factory=frozen_map)
    officer_id: str | None = None
    line: int = 0
    voice_id: str | None = None  # the text written for the ear, when the phone line must not read `text` as is
    answers: tuple[OptionSpec, ...] = ()  # an 'answer' question's listed answers: (answer id, label id)

    @property
    def key(self) -> str:
        """The node's address, 'flow.node'."""
        return f"{self.flow}.{self.name}"


@dataclass(frozen=True)
class Review:
    """Who last reviewed a flow's content, and when."""

    date: str
    by: str


@dataclass(frozen=True)
class SignOff:
    """One reviewer's sign-off on one flow in one language."""

    flow: str
    lang: str
    by: str
    date: str
    what: str
    source: str  # fingerprint of the texts reviewed


@dataclass(frozen=True)
class Flow:
    """A conversation on one topic, loaded from flows/<id>.yaml."""

    id: str
    title_id: str
    start: str
    nodes: Mapping[str, Node]
    sources: tuple[str, ...]
    reviewed: Review
    urgent: bool = False
    wins_ties: bool = False  # 'someone was taken' is urgent in spirit: it wins routing ties over the rest
    jurisdiction: tuple[str, ...] = ()
    file: str = ""

    @property
    def start_node(self) -> Node:
        """The node a user lands on when the flow opens."""
        return self.nodes[self.start]


@dataclass(frozen=True)
class Hotline:
    """A phone number the bot may give, from the deployment file flows/hotlines.yaml."""

    key: str
    name: str
    number: str
    area: str
    verified: str
    states: tuple[str, ...] = ()  # the states it serves; none listed: every state (a national line)
    help_line: bool = True  # people call it for help; false for an information line (EOIR's hearing dates)


@dataclass(frozen=True)
class Language:
    """A supported language: its own name, direction and review status."""

    code: str
    name: str
    rtl: bool = False
    status: str = "source"


@dataclass(frozen=True)
class Phrase:
    """A free-text phrase that opens a flow or node, in one language."""

    text: str
    target: str
    lang: str
    file: str = field(default="", compare=False)  # where it is written, for error messages
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Content:
    """Everything the engine says or matches, validated, read-only."""

    flows: Mapping[str, Flow]
    texts: Mapping[str, Mapping[str, str]]  # lang -> message id -> text
    keywords: Mapping[str, Mapping[str, tuple[str, ...]]]  # lang -> global word -> spellings
    phrases: tuple[Phrase, ...]
    languages: Mapping[str, Language]
    hotlines: Mapping[str, Hotline]
    sources: Mapping[str, Mapping[str, str]] = field(default_factory=frozen_map)  # lang -> id -> English fingerprint
    reviews: Mapping[tuple[str, str], SignOff] = field(default_factory=frozen_map)  # (flow, lang) -> valid sign-off
    review_max_age: str = "6 months"

    def signoff(self, flow: str, lang: str) -> SignOff | None:
        """The lawyer's sign-off that still vouches for this flow in this language, if any."""
        return self.reviews.get((flow, lang))

    def flow_order(self) -> list[str]:
        """Flow ids in reading order: the menu, then the flows its nodes list (in their order), then the rest."""
        order = [MENU]
        for node in self.flows[MENU].nodes.values() if MENU in self.flows else ():
            for option in node.options:
                flow = option.target.split(".")[0]
                if flow in self.flows and flow not in order:
                    order.append(flow)
        return order + sorted(set(self.flows) - set(order))

    def node(self, key: str) -> Node:
        """The node at 'flow.node' (or a flow's start for a bare flow id)."""
        flow, _, name = key.partition(".")
        f = self.flows[flow]
        return f.nodes[name or f.start]
