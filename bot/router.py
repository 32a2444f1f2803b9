"""Route free text to a flow or node: exact phrases first, then fuzzy matching with a cut-off and a margin."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz, process

from .model import Phrase
from .textnorm import fold

SURE = 86.0       # a match this good opens the flow at once
MAYBE = 68.0      # between MAYBE and SURE: ask a short clarifying question
MARGIN = 6.0      # the best flow must beat the runner-up flow by this much to be 'sure'
MIN_CHARS = 3     # shorter text is matched exactly only: fuzzy scorers give 90 to one letter


@dataclass(frozen=True)
class Match:
    """A candidate target for a message, with its score and the phrase's language."""

    target: str
    score: float
    lang: str
    urgent: bool


@dataclass(frozen=True)
class Routing:
    """The router's verdict: a sure target, or candidates to ask about, or nothing."""

    sure: Match | None
    candidates: tuple[Match, ...] = ()


def _is_cjk(text: str) -> bool:
    """True for text written mostly in Han characters (no spaces to split on)."""
    return sum("\u4e00" <= c <= "\u9fff" for c in text) * 2 >= len(text.replace(" ", "")) > 0


def _contained_score(key: str, query: str) -> float:
    """Score a Chinese phrase found inside the message: longer phrases are stronger evidence."""
    coverage = len(key) / len(query)
    return (SURE if len(key) >= 3 else MAYBE + 8) + (100 - SURE) * coverage


class Router:
    """An index of every phrase of every language, built once at start-up."""

    def __init__(self, phrases: Iterable[Phrase], urgent_flows: set[str]) -> None:
        self.exact: dict[str, Phrase] = {}
        self.keys: list[str] = []
        self.items: list[Phrase] = []
        self.urgent = urgent_flows
        for p in phrases:
            key = fold(p.text)
            if key and key not in self.exact:
                self.exact[key] = p
                self.keys.append(key)
                self.items.append(p)

    def _match(self, p: Phrase, score: float) -> Match:
        """A Match for a phrase."""
        return Match(p.target, score, p.lang, p.target.split(".")[0] in self.urgent)

    def candidates(self, text: str) -> list[Match]:
        """The best match per flow, best first."""
        query = fold(text)[:300]
        if not query:
            return []
        if query in self.exact:
            return [self._match(self.exact[query], 100.0)]
        if len(query) < MIN_CHARS:
            return []
        if _is_cjk(query):
            hits = [(k, _contained_score(k, query), i) for i, k in enumerate(self.keys) if len(k) >= 2 and k in query]
        else:
            hits = process.extract(query, self.keys, scorer=fuzz.WRatio, limit=12, score_cutoff=MAYBE)
        best: dict[str, Match] = {}
        for _, score, i in hits:
            m = self._match(self.items[i], float(score))
            flow = m.target.split(".")[0]
            if flow not in best or m.score > best[flow].score:
                best[flow] = m
        return sorted(best.values(), key=lambda m: (-m.score, not m.urgent))

    def route(self, text: str) -> Routing:
        """Decide: sure (one clear flow), candidates (ask), or nothing."""
        found = self.candidates(text)
        if not found:
            return Routing(None)
        top = found[0]
        runner = found[1].score if len(found) > 1 else 0.0
        if top.score >= SURE and (top.score - runner >= MARGIN or (top.urgent and not found[1].urgent)):
            return Routing(top)
        return Routing(None, tuple(m for m in found[:3] if m.score >= MAYBE))
