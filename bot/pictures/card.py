"""The printable officer card: every 'show this to the officer' text of the flows, in one language and in English.

The texts are the nodes' `officer:` fields (the English a user shows an officer) and their translations; the
card adds nothing of its own but the layout. bot/channels/web/templates/card.html lays it out for one printed page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.content.model import Content, Node
from bot.core.session import Session
from bot.core.views import View


@dataclass(frozen=True)
class Pair:
    """One text in the card's language and in English."""

    local: str
    english: str


@dataclass(frozen=True)
class Statement:
    """One officer text, with where it comes from."""

    key: str  # 'flow.node'
    heading: Pair  # the flow's title (and the node's, when the flow has several)
    text: Pair


@dataclass(frozen=True)
class Source:
    """A flow the card quotes, and its review record."""

    flow: str
    file: str
    title: str
    date: str
    by: str


@dataclass(frozen=True)
class Card:
    """Everything card.html shows for one language."""

    lang: str
    name: str
    rtl: bool
    status: str
    title: Pair
    statements: tuple[Statement, ...]
    disclaimer: Pair
    checked: Pair
    sources: tuple[Source, ...]

    @property
    def english_only(self) -> bool:
        """The English card shows its texts once."""
        return self.lang == "en"


def officer_nodes(content: Content) -> list[Node]:
    """Nodes with an officer text, in the flows' fixed order (the most urgent first)."""
    order = content.flow_order()
    return [n for f in order for n in content.flows[f].nodes.values() if n.officer_id]


def _title_id(nodes: list[Node], content: Content) -> str | None:
    """The card's title: the title most officer nodes share ('Show this to the officer')."""
    english = Counter(content.texts["en"][n.title_id] for n in nodes if n.title_id)
    if not english:
        return None
    common = english.most_common(1)[0][0]
    return next(n.title_id for n in nodes if n.title_id and content.texts["en"][n.title_id] == common)


class CardMaker:
    """Builds the card of any language from the engine's view (read-only)."""

    def __init__(self, view: View) -> None:
        self.view, self.content = view, view.content

    def pair(self, msg_id: str, lang: str, flow: str = "menu") -> Pair:
        """A message in lang and in English, placeholders filled ({reviewed} with flow's review date)."""

        def one(code: str) -> str:
            return self.view.fill(self.view.t(msg_id, code), Session(lang=code), flow)

        return Pair(one(lang), one("en"))

    def heading(self, node: Node, lang: str, several: bool) -> Pair:
        """The flow's title, with the node's title when the flow has more than one officer text."""
        flow = self.pair(self.content.flows[node.flow].title_id, lang)
        if not several or not node.title_id:
            return flow
        own = self.pair(node.title_id, lang)
        return Pair(f"{flow.local}: {own.local}", f"{flow.english}: {own.english}")

    def card(self, lang: str) -> Card:
        """The card for lang (KeyError for an unknown language)."""
        language = self.content.languages[lang]
        nodes = officer_nodes(self.content)
        per_flow = Counter(n.flow for n in nodes)
        statements = tuple(
            Statement(n.key, self.heading(n, lang, per_flow[n.flow] > 1), self.pair(n.officer_id, lang, n.flow))
            for n in nodes
            if n.officer_id  # officer_nodes() keeps only these; the test narrows the type
        )
        flows = [self.content.flows[f] for f in dict.fromkeys(n.flow for n in nodes)]
        sources = tuple(
            Source(f.id, f.file, self.content.texts["en"][f.title_id], f.reviewed.date, f.reviewed.by) for f in flows
        )
        # The whole card is only as fresh as its oldest part: its {reviewed} date is that flow's.
        oldest = min(flows, key=lambda f: f.reviewed.date).id if flows else "menu"
        title_id = _title_id(nodes, self.content)
        title = self.pair(title_id, lang) if title_id else Pair(language.name, "English")
        return Card(
            lang,
            language.name,
            language.rtl,
            language.status,
            title,
            statements,
            self.pair("ui.disclaimer", lang),
            self.pair("ui.reviewed_note", lang, oldest),
            sources,
        )
