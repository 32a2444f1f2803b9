"""Concepts in a message: the situations people write about (door, airport, police stop, jail, lawyer...),
found through per-language lexicons with slang, dialect and romanised spellings (bot.nlu.lexicon).

Matching is word-based and exact (a final '*' in a form matches any ending); longer forms win over the shorter
ones they contain ('missing my' is not 'missing'), and one form may name several concepts. Arabic-script words
are also tried without a one-letter conjunction or preposition (و ف ب ل ک) written onto them.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.nlu.candidates import TypoCandidates
from bot.nlu.textnorm import is_han, word_tokens

TYPO_MIN = 5  # an unknown word this long may be a typo of a form...
TYPO_SIM_SHORT = 85.0  # ...this close for a word of TYPO_MIN letters...
TYPO_SIM = 88.0  # ...and this close for longer ones ('deteined' ~ 'detained', 'aeropuero' ~ 'aeropuerto')
MAX_TOKENS = 240  # words (Chinese: characters) read per message: a story's ask comes last; bounded time
MIN_PREFIX = 3  # 'rob*' yes; shorter stems match too much
MEMO_WORDS = 50_000  # message words whose one-word hits are remembered (bounded memory)
# Common words one letter from a form and in no phrase: never read as its typo ('never' is no Creole 'neve').
NOT_TYPOS = frozenset("never every ever other there these those where whose".split())
_PLAIN = re.compile(r"[a-z0-9 ]+")
_CLITICS = frozenset("وفبلک")


@dataclass(frozen=True)
class Hit:
    """A concept found in a message: which, where (token span), and the languages whose lexicon has the form."""

    concept: str
    start: int
    end: int
    langs: tuple[str, ...]


def _is_arabic(token: str) -> bool:
    """True for a word in Arabic script."""
    return "\u0600" <= token[0] <= "\u06ff"


class Lexicon:
    """Every form of every concept in every language, indexed for matching a message in one pass."""

    def __init__(self, lexicons: Mapping[str, Mapping[str, str]], vocabulary: Collection[str] = ()) -> None:
        """Index the forms. `vocabulary`: words known elsewhere (the phrases', the language lists'): a message
        word in it or in a form is never taken for a typo of a form."""
        self.single: dict[str, list[tuple[str, str]]] = defaultdict(list)  # one-word form -> [(concept, lang)]
        self.prefixes: dict[str, list[tuple[str, str]]] = defaultdict(list)  # one-word stem -> [(concept, lang)]
        # first two words of a longer form -> [(the form's words, ends with a prefix, concept, language)]; a
        # two-word form ending in a stem is found by its first word alone
        self.forms: dict[tuple[str, str], list[tuple[tuple[str, ...], bool, str, str]]] = defaultdict(list)
        self.stem_pairs: dict[str, list[tuple[tuple[str, ...], bool, str, str]]] = defaultdict(list)
        for lang, concepts in lexicons.items():
            for concept, forms in concepts.items():
                for form in forms.split("|"):
                    self._add(form.strip(), concept, lang)
        self.stem_lengths = sorted({len(stem) for stem in self.prefixes})
        self.known = set(vocabulary) | set(self.single) | set(self.prefixes) | NOT_TYPOS
        self.known |= {w for lists in (*self.forms.values(), *self.stem_pairs.values()) for ws, *_ in lists for w in ws}
        latin = sorted(w for w in self.single if w.isascii() and w.isalpha() and len(w) >= TYPO_MIN - 1)
        self.typos = TypoCandidates(latin)
        self._words: dict[str, tuple[tuple[str, str], ...]] = {}  # a message word -> its one-word hits (memo)

    def _add(self, form: str, concept: str, lang: str) -> None:
        """Index one form."""
        prefix = form.endswith("*")
        text = form.rstrip("*")
        # Most forms are already plain lowercase ASCII: only the others need the full normalisation.
        words = tuple(text.split() if _PLAIN.fullmatch(text) else word_tokens(text))
        if not words:
            return
        if len(words) == 2 and prefix:
            self.stem_pairs[words[0]].append((words, prefix, concept, lang))
        elif len(words) > 1:
            self.forms[(words[0], words[1])].append((words, prefix, concept, lang))
        elif prefix and len(words[0]) >= MIN_PREFIX:
            self.prefixes[words[0]].append((concept, lang))
        else:
            self.single[words[0]].append((concept, lang))

    def _one_word(self, token: str) -> tuple[tuple[str, str], ...]:
        """(concept, language) of the one-word forms and stems a message word matches, remembered per word."""
        found = self._words.get(token)
        if found is None:
            hits: list[tuple[str, str]] = []
            for variant in _variants(token):
                hits += self.single.get(variant, ())
                if not is_han(variant):
                    for n in self.stem_lengths:
                        if n > len(variant):
                            break
                        hits += self.prefixes.get(variant[:n], ())
            if not hits:
                hits += self._typo(token)
            found = tuple(hits)
            if len(self._words) < MEMO_WORDS:
                self._words[token] = found
        return found

    def _typo(self, token: str) -> list[tuple[str, str]]:
        """The one-word forms an unknown Latin word is a typo of ('deteined', 'aeropuero', 'darwazey'): a word
        no phrase, language list or form has, close to one form (rapidfuzz ratio, as the router's typos)."""
        if len(token) < TYPO_MIN or not token.isascii() or not token.isalpha() or token in self.known:
            return []
        cutoff = TYPO_SIM_SHORT if len(token) == TYPO_MIN else TYPO_SIM
        found = process.extractOne(token, self.typos.candidates(token), scorer=fuzz.ratio, score_cutoff=cutoff)
        return [(concept, "") for concept, _ in self.single[found[0]]] if found else []  # no language: a guess

    def _at(self, tokens: list[str], i: int) -> list[tuple[int, str, str]]:
        """(end, concept, language) of every form that starts at token i."""
        out = [(i + 1, concept, lang) for concept, lang in self._one_word(tokens[i])]
        if i + 1 == len(tokens):
            return out
        for variant in _variants(tokens[i]):
            for words, prefix, concept, lang in (
                *self.forms.get((variant, tokens[i + 1]), ()),
                *self.stem_pairs.get(variant, ()),
            ):
                n = len(words)
                seg = tokens[i + 1 : i + n]
                if len(seg) == n - 1 and seg[:-1] == list(words[1:-1]) and _same(seg[-1], words[-1], prefix):
                    out.append((i + n, concept, lang))
        return out

    def find(self, text: str, max_tokens: int = MAX_TOKENS) -> list[Hit]:
        """The concepts of a message; a form inside a longer matched form does not count."""
        tokens = word_tokens(text)[:max_tokens]
        found: dict[tuple[int, int, str], list[str]] = defaultdict(list)
        for i in range(len(tokens)):
            for end, concept, lang in self._at(tokens, i):
                found[(i, end, concept)].append(lang)
        taken = [False] * len(tokens)
        kept: set[tuple[int, int]] = set()
        hits = []
        for (start, end, concept), langs in sorted(found.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if (start, end) in kept or not any(taken[start:end]):
                kept.add((start, end))
                taken[start:end] = [True] * (end - start)
                hits.append(Hit(concept, start, end, tuple(dict.fromkeys(langs))))
        return hits


def _variants(token: str) -> tuple[str, ...]:
    """The word; an Arabic-script word also without a one-letter conjunction or preposition in front, and
    without a pronoun or plural ending ('بابی' my door, 'وقفونی' they stopped me, 'دقوا' they knocked)."""
    if not _is_arabic(token):
        return (token,)
    found = _VARIANTS.get(token)
    if found is None:
        bases = [token, token[1:]] if len(token) > 3 and token[0] in _CLITICS else [token]
        out = list(bases)
        for base in bases:
            for suffix in _SUFFIXES:
                if base.endswith(suffix) and len(base) - len(suffix) >= 2:
                    out.append(base[: -len(suffix)])
                    break
        found = _VARIANTS[token] = tuple(dict.fromkeys(out)) if len(_VARIANTS) < MEMO_WORDS else tuple(out)
    return found


# Arabic pronoun and plural endings, longest first (as normalised: ی for ي, ک for ك).
_SUFFIXES = ("ونی", "تنی", "وها", "وهم", "ها", "نا", "هم", "کم", "نی", "وا", "وه", "ی", "ه", "ک")
_VARIANTS: dict[str, tuple[str, ...]] = {}


def _same(token: str, word: str, prefix: bool) -> bool:
    """The last word of a form: equal, or starting with it for a prefix form."""
    return token == word or prefix and token.startswith(word)


# Concepts that say nothing about a topic of ours ('hi', 'thanks', 'I need a job', 'how does this work?'): never
# features of a flow.
NOT_TOPICS = frozenset({"greet", "thanks", "laugh", "offtopic", "meta", "not_about"})
NOT_ABOUT = 4  # 'I'm not asking about a lawyer, ...': the topics this many words after such words are set aside
# Concepts too vague to be a topic next to a greeting or thanks ("shukriya bhai": thanks, brother).
WEAK = frozenset({"relative", "now", "if", "officer", "free", "citizen", "phone", "children", "apply"})
SMOOTHING = 0.5  # add-one-half: a concept never seen with a flow still gets a (small) chance
PAIR_SHRINK = 1.0  # a pair seen n times in the phrases counts n/(n+1): one phrase is thin evidence


@dataclass(frozen=True)
class Verdict:
    """The concept model's view: flows by score, best first, and the concepts it saw."""

    ranked: tuple[tuple[str, float], ...]
    concepts: frozenset[str]
    langs: dict[str, float]

    def score(self, flow: str) -> float:
        """A flow's score (the lowest one for a flow not ranked)."""
        return dict(self.ranked).get(flow, self.ranked[-1][1] if self.ranked else 0.0)

    def best(self) -> tuple[str, float, float]:
        """(flow, score, lead over the runner-up); ('', 0, 0) with no evidence."""
        if not self.ranked:
            return "", 0.0, 0.0
        (flow, score), rest = self.ranked[0], self.ranked[1:]
        return flow, score, score - (rest[0][1] if rest else 0.0)


class ConceptModel:
    """Naive Bayes over concepts and concept pairs, trained at start-up on the project's own phrases: which flows
    a concept (and two concepts together) speak about, in any language. A message is scored as a whole."""

    def __init__(self, lexicon: Lexicon, examples: list[tuple[str, str]], prior: Mapping[str, Mapping[str, float]]):
        self.lexicon = lexicon
        self.prior = prior  # a few hand weights where the phrases disagree with the dev set ('raid' -> public_places)
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        per_flow: dict[str, int] = defaultdict(int)
        for text, flow in examples:
            per_flow[flow] += 1
            for feature in features(self.topics(text)):
                counts[feature][flow] += 1
        total = sum(per_flow.values())
        self.flows = sorted(per_flow)
        self.weights: dict[str, dict[str, float]] = {}
        for feature, by_flow in counts.items():
            seen = sum(by_flow.values())
            shrink = seen / (seen + PAIR_SHRINK) if "+" in feature else 1.0
            self.weights[feature] = {
                f: shrink * _log_ratio(by_flow.get(f, 0), per_flow[f], seen - by_flow.get(f, 0), total - per_flow[f])
                for f in self.flows
            }

    def topics(self, text: str) -> list[Hit]:
        """The message's concept hits."""
        return self.lexicon.find(text)

    def verdict(self, text: str, own: Callable[[str], bool] | None = None, lang: str = "") -> Verdict:
        """Every flow's score for the message (the sum of its features' log-likelihood ratios). With the
        message's language `lang` and `own(word)` (is the word one of that language's own words?), a word of
        the message's own language is read in that language only: Vietnamese 'bang' (licence) is no English
        'bang' (knock), 'cho' no Creole word."""
        hits = _not_about(self.topics(text))
        if own is not None and lang:
            hits = _read_in(hits, word_tokens(text), own, LEXICON_LANG.get(lang, lang))
        langs: dict[str, float] = defaultdict(float)
        for h in hits:
            for lang in h.langs:
                if lang:  # a typo's form says nothing of the language ('pizza' is no Arabizi 'izza')
                    langs[lang] += 1.0 / len(h.langs)
        known = [f for f in features(hits) if f in self.weights or f in self.prior]
        if not known:
            return Verdict((), frozenset(h.concept for h in hits), dict(langs))
        scores = {
            flow: sum(self.weights.get(f, {}).get(flow, 0.0) + self.prior.get(f, {}).get(flow, 0.0) for f in known)
            for flow in self.flows
        }
        ranked = tuple(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
        return Verdict(ranked, frozenset(h.concept for h in hits), dict(langs))


# The lexicon a message language reads with (Traditional Chinese is matched as Simplified).
LEXICON_LANG = {"zh-Hant": "zh"}


def _read_in(hits: list[Hit], tokens: list[str], own: Callable[[str], bool], lang: str) -> list[Hit]:
    """The hits, without those another language's lexicon made of the message language's own words."""
    return [h for h in hits if lang in h.langs or not all(own(t) for t in tokens[h.start : h.end]) or len(h.langs) > 2]


def _not_about(hits: list[Hit]) -> list[Hit]:
    """The hits without the topics a message says it is not about ('not asking about a lawyer', '不是问律师')."""
    ends = [h.end for h in hits if h.concept == "not_about"]
    if not ends:
        return hits
    return [h for h in hits if h.concept in NOT_TOPICS or not any(0 <= h.start - end < NOT_ABOUT for end in ends)]


def features(hits: list[Hit]) -> list[str]:
    """Each topic concept once, and each pair of them ('agent+door')."""
    names = sorted({h.concept for h in hits} - NOT_TOPICS)
    return names + [f"{a}+{b}" for i, a in enumerate(names) for b in names[i + 1 :]]


def _log_ratio(with_flow: int, flow_total: int, elsewhere: int, other_total: int) -> float:
    """log P(feature | flow) / P(feature | other flows), smoothed."""
    inside = (with_flow + SMOOTHING) / (flow_total + 2 * SMOOTHING)
    outside = (elsewhere + SMOOTHING) / (other_total + 2 * SMOOTHING)
    return math.log(inside / outside)
