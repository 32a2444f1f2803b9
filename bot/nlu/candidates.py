"""Bounded candidate sets for the router, so routing time does not grow with the content.

`TypoCandidates` answers "which known words could this unknown word be a typo of?" with at most `limit` words:
those of similar length that share the most character bigrams with it (an inverted index, bigram -> words).
The router then scores only these with rapidfuzz, instead of every known word within two letters' length:
that scan grew with the vocabulary (p99 3.3 ms at ten times today's phrases).

`PhraseCandidates` adds up, for each phrase, the weight of the message's features it contains, from an
inverted index feature -> phrases, in numpy's loops rather than Python's.

Both keep their input's order wherever scores tie, so the router's choices are the ones an exhaustive scan
makes (tests/test_candidates.py compares them word by word).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

TYPO_LIMIT = 40  # candidates scored per unknown word
LENGTH_SPREAD = 2  # a typo is at most this many letters longer or shorter than its word


def bigrams(word: str) -> set[str]:
    """The word's character bigrams, its first and last letters marked as such."""
    padded = f"^{word}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class TypoCandidates:
    """Known words by bigram; `candidates(token)` is a bounded list of the words it may be a typo of."""

    def __init__(self, words: Iterable[str], limit: int = TYPO_LIMIT, spread: int = LENGTH_SPREAD) -> None:
        """Index `words` (their order breaks ties: keep it stable)."""
        self.words = list(dict.fromkeys(words))
        self.limit, self.spread = limit, spread
        self.lengths = np.array([len(w) for w in self.words], dtype=np.int32)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(self.words):
            for gram in bigrams(word):
                postings[gram].append(i)
        self.postings = {gram: np.array(ids, dtype=np.int32) for gram, ids in postings.items()}

    def candidates(self, token: str) -> list[str]:
        """At most `limit` words within `spread` letters of the token's length sharing the most bigrams with
        it, in the order of the words given (by length, then as given: the order an exhaustive scan has)."""
        found = [self.postings[g] for g in bigrams(token) if g in self.postings]
        if not found:
            return []
        ids = np.concatenate(found)
        ids = ids[np.abs(self.lengths[ids] - len(token)) <= self.spread]
        if not len(ids):
            return []
        unique, counts = np.unique(ids, return_counts=True)
        if len(unique) > self.limit:
            # the `limit` highest counts; among equal counts the earlier words (np.unique sorted them by id)
            unique = unique[np.argsort(-counts, kind="stable")[: self.limit]]
        return [self.words[i] for i in sorted(unique.tolist(), key=lambda i: (self.lengths[i], i))]


class PhraseCandidates:
    """Phrases by feature, with each phrase's own weight: the message's shared weight with every phrase."""

    def __init__(self, phrase_features: Sequence[Iterable[str]], count: int) -> None:
        """`phrase_features[i]`: the features of phrase i (of `count` phrases)."""
        postings: dict[str, list[int]] = defaultdict(list)
        for i, feats in enumerate(phrase_features):
            for f in feats:
                postings[f].append(i)
        self.count = count
        self.postings = {f: np.array(ids, dtype=np.int32) for f, ids in postings.items()}

    def shared(self, weighted: Iterable[tuple[str, float]]) -> tuple[np.ndarray, np.ndarray]:
        """(phrase ids, weight each shares with the message), ids in the order a loop over the features'
        postings first meets them, each weight summed in that loop's order (so equal to its floats)."""
        lists = [(self.postings[f], w) for f, w in weighted if f in self.postings]
        if not lists:
            return np.zeros(0, dtype=np.int32), np.zeros(0)
        ids = np.concatenate([ids for ids, _ in lists])
        weights = np.concatenate([np.full(len(ids), w) for ids, w in lists])
        totals = np.bincount(ids, weights=weights, minlength=self.count)
        unique, first = np.unique(ids, return_index=True)
        order = unique[np.argsort(first, kind="stable")]
        return order, totals[order]
