"""The router's bounded candidate sets (bot/nlu/candidates.py) choose exactly what an exhaustive scan chooses."""
from __future__ import annotations

import random
from collections import defaultdict

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from bot.cli.route_eval import DEFAULT_DEVSET, read_devset
from bot.core.engine import Engine
from bot.nlu.candidates import PhraseCandidates, TypoCandidates, bigrams
from bot.nlu.router import FUZZY_MIN_LEN, STOP, Router, _Index, fuzzy_credit
from bot.nlu.textnorm import is_han, match_tokens


def test_bigrams_mark_the_ends() -> None:
    assert bigrams("door") == {"^d", "do", "oo", "or", "r$"}


def test_candidates_are_bounded_near_in_length_and_in_the_given_order() -> None:
    words = ["doors", "door", "floor", "odor", "dooor", "abogado", "do", "doorway"]
    index = TypoCandidates(words, limit=3, spread=1)
    found = index.candidates("doer")
    assert len(found) == 3 and all(abs(len(w) - 4) <= 1 for w in found)
    assert found == sorted(found, key=lambda w: (len(w), words.index(w)))
    assert set(found) == {"door", "doors", "dooor"}  # the three sharing most bigrams with 'doer'
    assert index.candidates("zzzz") == [] and TypoCandidates([]).candidates("door") == []


def test_phrase_weights_are_summed_in_the_order_features_meet_phrases() -> None:
    index = PhraseCandidates([["ice", "door"], ["door"], ["lawyer"], ["ice"]], 4)
    ids, shared = index.shared([("door", 0.5), ("ice", 0.25), ("pizza", 9.0)])
    assert ids.tolist() == [0, 1, 3] and shared.tolist() == [0.75, 0.5, 0.25]
    empty_ids, empty = index.shared([("pizza", 1.0)])
    assert (len(empty_ids), len(empty)) == (0, 0)


# --- against the exhaustive scans they replace ------------------------------------------------------------------

def exhaustive_correct(ix: _Index, token: str) -> tuple[str, float] | None:
    """_Index.correct as it was: every known word within two letters' length is scored."""
    if token in ix.weight:
        return token, 1.0
    if len(token) < FUZZY_MIN_LEN or token.isdigit() or is_han(token):
        return None
    stem = ix.stem(token)
    if stem:
        return stem
    near = [w for w in ix.typos.words if abs(len(w) - len(token)) <= 2]
    cutoff = 75.0 if len(token) == FUZZY_MIN_LEN else 80.0
    found = process.extractOne(token, near, scorer=fuzz.ratio, score_cutoff=cutoff)
    return (found[0], found[1] / 100.0) if found else None


def exhaustive_nearest(ix: _Index, found: dict[str, float], total: float) -> dict[str, tuple[float, str]]:
    """Router._nearest as it was: a Python loop over every phrase of every feature."""
    phrases_of: dict[str, list[int]] = defaultdict(list)
    for f, ids in ix.phrases.postings.items():
        phrases_of[f] = ids.tolist()
    shared = defaultdict[int, float](float)
    for f, credit in found.items():
        for i in phrases_of.get(f, ()):
            shared[i] += ix.weight[f] * credit
    best: dict[str, tuple[float, str]] = {}
    for i, w in shared.items():
        dice = 200.0 * w / (total + ix.phrase_weight[i]) if total + ix.phrase_weight[i] > 0 else 0.0
        flow, target = ix.flows[i], ix.targets[i]
        if dice > best.get(flow, (-1.0, ""))[0] or dice == best[flow][0] and "." not in target:
            best[flow] = (dice, target)
    return best


def typos(word: str, rng: random.Random) -> list[str]:
    """A dropped, a doubled, a swapped and a replaced letter."""
    i = rng.randrange(len(word) - 1)
    letter = rng.choice("aeioudnrst")
    return [word[:i] + word[i + 1:], word[:i] + word[i] + word[i:], word[:i] + word[i + 1] + word[i] + word[i + 2:],
            word[:i] + letter + word[i + 1:]]


@pytest.fixture(scope="module")
def router(engine: Engine) -> Router:
    """The engine's router, on today's content."""
    return engine.router


def test_typo_corrections_equal_the_exhaustive_scan(router: Router) -> None:
    """Every word of the dev set, and four typos of each known word, are corrected to the same word."""
    ix, rng = router.index, random.Random(5)
    tokens = {t for case in read_devset(DEFAULT_DEVSET) for t in match_tokens(case.text) if t not in STOP}
    tokens |= {typo for word in ix.typos.words if len(word) > 3 for typo in typos(word, rng)}
    differ = [t for t in sorted(tokens) if ix.correct(t) != exhaustive_correct(ix, t)]
    assert len(tokens) > 5000 and differ == []


def test_nearest_phrases_equal_the_exhaustive_loop(router: Router) -> None:
    """Per flow the same closest phrase and the same score, ties broken the same way, on every dev-set line."""
    ix = router.index
    for case in read_devset(DEFAULT_DEVSET):
        found: dict[str, float] = {}
        total = 0.0
        for t in match_tokens(case.text):
            hit = None if t in STOP else ix.correct(t)
            if hit:
                found[hit[0]] = max(found.get(hit[0], 0.0), fuzzy_credit(hit[1]))
                total += ix.weight[hit[0]]
        assert router._nearest(found, total) == exhaustive_nearest(ix, found, total), case.text


def test_nearest_prefers_a_flows_own_phrase_on_a_tie() -> None:
    """Two phrases of one flow score the same: the flow's own target wins over a node's, whichever comes first."""
    from bot.content.model import Phrase

    router = Router([Phrase("door knock", "ice.start", "en"), Phrase("door knock", "ice", "en")], {"ice"})
    assert router._nearest({"door": 1.0, "knock": 1.0}, 2.0)["ice"][1] == "ice"
    assert isinstance(router.index.phrase_weight, np.ndarray)
