"""Route free text to a flow or node: exact phrases, then weighted keyword evidence with typo-tolerant words.

Every phrase of every language is cut into features (words, adjacent word pairs, Chinese characters and
character pairs). A feature's weight is its inverse flow frequency: 'door' (one flow) says much, 'ice' (most
flows) little, stop words ('is', 'my', 'la', 'mi', 的) nothing. A message's score for a flow is the share of
the message's weight that the flow's phrases explain; unknown words ('pizza', 'weather', 'cream') count
against every flow, so off-topic text is not forced into one. A flow opens when it scores high enough, has
enough evidence and beats the runner-up by a margin; urgent flows win ties. Otherwise the best 2-3 flows
are offered in a clarifying question, or nothing. All indexes are built once in Router.__init__.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz, process

from bot.content.model import Phrase
from bot.nlu.candidates import PhraseCandidates, TypoCandidates
from bot.nlu.classifier import FlowModel
from bot.nlu.concepts import NOT_TOPICS, WEAK, ConceptModel, Lexicon, Verdict
from bot.nlu.langid import _ALL_WORDS as WORDS_OF_LANGUAGES
from bot.nlu.langid import NEUTRAL
from bot.nlu.lexicon import LEXICONS, PRIOR
from bot.nlu.textnorm import fold, is_han, match_tokens

SURE = 62.0  # share of the message a flow must explain to open at once (0-100)
SURE_EVIDENCE = 1.1  # ...and at least this much weight: one distinctive word, or two shared ones
MARGIN = 12.0  # the best flow must beat the runner-up by this much, unless it outranks it (urgent)
STRONG = 45.0  # a long message with much evidence and a wide lead opens its flow from this score
STRONG_EVIDENCE = 2.5
NEAREST = 0.3  # part of the score from the closest single phrase (word order aside, its specificity)
ONE_WORD = 1.5  # a one-word message opens a flow only with a word this distinctive (one flow's)
MAYBE = 55.0  # below SURE but above this: ask a short clarifying question (weaker is noise:
# 'xin chào' half-matches 'xin tị nạn', asylum; a greeting must not get 'Did you mean')
MAYBE_EVIDENCE = 0.1
CLARIFY_SPREAD = 30.0  # only flows this close to the best are offered in the question
UNKNOWN = 1.0  # weight of a word no phrase has: pulls the score of every flow down
UNKNOWN_HAN = 0.4  # an unknown Chinese character (no spaces: many of them per message)
STEM = 5  # words sharing their first 5 letters and most of the shorter word are one word...
STEM_SHARE = 0.75
STEM_SIM = 0.9  # ...nearly: 'deportaron' ~ 'deportar'
FUZZY_MIN_LEN = 4  # shorter words are matched exactly only (fuzzy scorers love tiny words)
MAX_TOKENS = 60  # a long message is judged on its first words: bounded time
CONCEPT_SURE = 2.0  # the concept model opens a flow from this score (a sum of log-likelihood ratios)...
CONCEPT_ONE = 3.5  # ...or this score when it saw one concept only ('restaurant' alone is no workplace raid)
CONCEPT_LEAD = 0.0  # ...with this lead over the runner-up
CONCEPT_OVERRIDE = 8.0  # ...and overrides a phrase match of the same urgency from this score
CONCEPT_OVERRIDE_LEAD = 2.0  # ...when it leads the phrase match's own flow there by this much
CONCEPT_SCORE = 90.0  # the score its matches carry (below an exact phrase's 100: it never decides the language)
CONCEPT_WEAK_MATCH = 80.0  # a phrase match below this score (no exact phrase, loosely shared words)...
CONCEPT_GAP = 6.0  # ...gives way, even when urgent, to a flow the concepts prefer by this much over its own
# The concepts that name an urgent flow's situation, and how far below the best flow it may score and still win.
# Each urgent flow: the concepts that name its situation; and those that do unless the message names a public
# place (coming in or being let in is the home's door, but 'can ICE come into the school' is public_places).
PUBLIC = frozenset({"school", "church", "hospital", "work"})
URGENT_SITUATIONS: dict[str, frozenset[str]] = {
    "ice_at_door": frozenset({"knock"}),
    "airport": frozenset({"airport"}),
    "checkpoints": frozenset({"checkpoint"}),
}
URGENT_UNLESS_PUBLIC: dict[str, frozenset[str]] = {"ice_at_door": frozenset({"open"})}
URGENT_SPAN = 30.0
# Someone else taken, and where they are: find_detained's situation, which wins over a non-urgent best flow
# within SEARCH_SPAN (a story of a relative taken on the school run is no question about schools).
SEARCH_FLOW = "find_detained"
SEARCH = frozenset({"relative", "taken", "find"})
SEARCH_NOT = frozenset({"hold"})
SEARCH_SPAN = 20.0
JOB_SEARCH = frozenset({"work", "find"})  # with an off-topic request (a job), still no topic of ours
SHORT_WORDS = 3  # messages this short take the language of their lexicon words (see short_language)
# Ties between languages in a short message go to the more widely spoken language among the bot's users.
BY_SPEAKERS = ("en", "es", "zh", "vi", "ar", "pt", "ht", "fr", "ur", "zh-Hant")
NODE_DICE = 60.0  # the concept model's flow opens at the node of its closest phrase when that phrase is this close
MODEL_OPENS = 0.5  # the n-gram model opens its flow where phrases and concepts opened none (nor asked), from this
MODEL_NONE = 0.6  # ...and takes back a loose, non-urgent match from this probability that it names no topic of ours
MODEL_OVERRULES = 0.6  # ...and replaces a match that is no exact phrase from this one, urgent or not (chosen on
# the dev set's fourth-round batch before it was tuned on, with a model that had not seen it: 0.872 -> 0.909; a
# higher bar for urgent matches lost 0.7 points there and kept no message that was really about the door)

# Words that carry no topic in each language (already folded: no accents).
STOP = frozenset(
    """
i me my im i'm is are am was were be been the a an at in on of to for and or but it its this that there here
what do does did can could will would should have has had get got they them their he she his her him we us
our you your u with from by about so if not no just now please pls plz how who why when which where
today yesterday tonight morning night last ago hi hey ok okay
el la los las lo un una de del al en y o que es esta estan estoy mi mis me te se su sus le les por para con
ya hay ser muy como cual porque pero si tu yo nos hago hacer hoy ayer anoche manana noche ahorita ahora
o os as um uma do da dos das no na nos nas meu minha e ele ela eu pra pro ta tem com por que se faco fazer
hoje ontem agora noite
le les un une des du de la l d et est sont suis je j me m ma mon mes il elle ils on en a au aux que qui ce c
pour par dans avec pas ne n y s qu t faire fais comment quoi hier soir ce matin aujourd hui maintenant
mwen m ou w li l nou yo a la nan pou ak ki sa se pa te ap k yon e an de fe ye kijan kisa eske ka jodi a yè ye
maten swa kounye
toi la co khong ko o bi da dang nay do thi va voi cho the nao gi duoc roi ma mot nhung cac ve hom qua nay sang toi nao
bao nhieu
的 了 是 在 我 你 他 她 们 吗 呢 吧 啊 有 和 就 都 也 要 会 能 个 这 那 么 怎 办 今 天 昨 晚 早 上 现
样 几 什 嘅 咗 喺 佢 啲 唔 系 呀 咩
في فی من علی عن الی ان انا هو هی هل ما لا یا و او مع هذا هذه کان ماذا افعل الیوم امس الان صباح لیله
میں میرا میری میرے ہے ہیں کا کی کے کو نے سے پر اور کیا یہ وہ ہو تو بھی ہوں گا گی جی مجھے مجھ ہم
کر کروں کریں کرو کرنا کرتا کرتی سکتا سکتی سکتے ہوگا ہوگی گیا گئی گئے لیا لی لیے دیا دی رہا رہی رہے والے والا
آج کل رات صبح ابھی
""".split()
)
STOP = frozenset(t for word in STOP for t in match_tokens(word))  # the same letter forms as messages


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


def features(tokens: list[str]) -> list[str]:
    """Words, adjacent content-word pairs, Chinese characters and Chinese character pairs."""
    return [t for t in tokens if t not in STOP and (len(t) > 1 or is_han(t) or t.isdigit())] + pairs(tokens)


def pairs(tokens: list[str]) -> list[str]:
    """Adjacent content-word pairs, then adjacent Chinese character pairs."""
    content = [t for t in tokens if t not in STOP and not is_han(t) and (len(t) > 1 or t.isdigit())]
    han = [a + b for a, b in zip(tokens, tokens[1:]) if is_han(a) and is_han(b) and not (a in STOP and b in STOP)]
    return [f"{a} {b}" for a, b in zip(content, content[1:])] + han


def is_pair(feature: str) -> bool:
    """True for a word pair or a Chinese character pair."""
    return " " in feature or len(feature) == 2 and is_han(feature[0])


def fuzzy_credit(sim: float) -> float:
    """How much a corrected word counts: 'airprt' (0.92) nearly fully, 'thanks' -> 'than' (0.8) little."""
    return 1.0 if sim >= 1.0 else max(0.0, (sim - 0.7) / 0.3)


class _Index:
    """Feature weights, per-flow credit, per-phrase features, and the words to correct typos against."""

    def __init__(self, phrases: list[Phrase]) -> None:
        hits: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        # word -> its languages, in content order (a set's order would change the tie-break with the hash seed)
        self.langs: dict[str, dict[str, None]] = defaultdict(dict)
        self.targets = [p.target for p in phrases]
        self.flows = [t.split(".")[0] for t in self.targets]
        phrase_feats: list[set[str]] = []
        for p, flow in zip(phrases, self.flows):
            tokens = match_tokens(p.text)
            for t in tokens:
                self.langs[t][p.lang] = None
            feats = set(features(tokens))
            for f in feats:
                hits[f][flow] += 1
            phrase_feats.append({f for f in feats if not is_pair(f)})
        n = max(len({flow for h in hits.values() for flow in h}), 1)
        self.weight = {f: math.log((n + 1) / (len(h) + 0.5)) for f, h in hits.items()}
        # credit: the flow that uses a feature most gets it fully, others by their share
        self.credit = {f: {flow: c / max(h.values()) for flow, c in h.items()} for f, h in hits.items()}
        self.phrase_weight = np.array([sum(self.weight[f] for f in feats) for feats in phrase_feats])
        self.phrases = PhraseCandidates(phrase_feats, len(phrase_feats))
        self.has_node = np.array(["." in t for t in self.targets], dtype=bool)
        self.flow_ids = {flow: n for n, flow in enumerate(dict.fromkeys(self.flows))}
        self.flow_of = np.array([self.flow_ids[f] for f in self.flows], dtype=np.int32)
        self._typo_pools()

    def _typo_pools(self) -> None:
        """Known words by stem, and the index of words to correct typos against (bounded candidates)."""
        words: list[str] = []
        self.by_stem: dict[str, list[str]] = defaultdict(list)
        for w in self.weight:
            if not is_pair(w) and not is_han(w[0]) and len(w) >= FUZZY_MIN_LEN - 1:
                words.append(w)
                self.by_stem[w[:STEM]].append(w)
        self.typos = TypoCandidates(sorted(words, key=len))  # by length, then in content order

    def correct(self, token: str) -> tuple[str, float] | None:
        """The known word a typo stands for ('airprt' -> 'airport'), with its similarity, or None."""
        if token in self.weight:
            return token, 1.0
        if len(token) < FUZZY_MIN_LEN or token.isdigit() or is_han(token):
            return None
        stem = self.stem(token)
        if stem:
            return stem
        cutoff = 75.0 if len(token) == FUZZY_MIN_LEN else 80.0
        found = process.extractOne(token, self.typos.candidates(token), scorer=fuzz.ratio, score_cutoff=cutoff)
        return (found[0], found[1] / 100.0) if found else None

    def stem(self, token: str) -> tuple[str, float] | None:
        """A known word with the same stem ('benevolat' ~ 'benevole', 'ayudar' ~ 'ayuda'): endings vary."""
        best = None
        for w in self.by_stem.get(token[:STEM], ()) if len(token) >= STEM else ():
            common = len(os.path.commonprefix([token, w]))
            if common >= STEM_SHARE * min(len(token), len(w)) and (best is None or common > best[1]):
                best = (w, common)
        return (best[0], STEM_SIM) if best else None


@dataclass
class Evidence:
    """What a message says: per flow, the share it explains and the weight behind it; its best phrases."""

    coverage: dict[str, float]
    weight: dict[str, float]
    nearest: dict[str, tuple[float, str]]  # flow -> (Dice score of its closest phrase, that phrase's target)
    lang: str
    words: int  # words that are not stop words


class Router:
    """An index of every phrase of every language, built once at start-up."""

    def __init__(
        self,
        phrases: Iterable[Phrase],
        urgent_flows: set[str],
        ranks: dict[str, int] | None = None,
        concepts: bool = True,
        model: FlowModel | None = None,
    ) -> None:
        items = list(phrases)
        self.urgent = set(urgent_flows)
        self.ranks = dict(ranks or {})  # flows that win ties (a content flag, 'wins_ties: true')
        self.exact: dict[str, Phrase] = {}
        flows_of: dict[str, set[str]] = defaultdict(set)
        for p in items:
            key = fold(p.text)
            self.exact.setdefault(key, p)
            flows_of[key].add(p.target.split(".")[0])
        for key in [k for k, flows in flows_of.items() if len(flows) > 1]:
            del self.exact[key]  # a phrase two flows share is no exact answer: let the scores (and ties) decide
        self.index = _Index(items)
        examples = [(p.text, p.target.split(".")[0]) for p in items]
        vocabulary = {w for w in self.index.langs} | set(WORDS_OF_LANGUAGES)
        self.concepts = ConceptModel(Lexicon(LEXICONS, vocabulary), examples, PRIOR) if concepts else None
        self.model = model

    def rank(self, flow: str) -> int:
        """Tie-break order: urgent flows, then flows that are urgent in spirit, then the rest."""
        return 2 if flow in self.urgent else self.ranks.get(flow, 0)

    def _match(self, target: str, score: float, lang: str) -> Match:
        """A Match for a target."""
        return Match(target, round(score, 1), lang, target.split(".")[0] in self.urgent)

    def evidence(self, text: str) -> Evidence | None:
        """Weigh the message against every flow and every phrase; None when it holds no weight at all."""
        tokens = match_tokens(text)[:MAX_TOKENS]
        ix, total = self.index, 0.0
        resolved: list[str] = []
        found: dict[str, float] = {}
        for t in tokens:
            hit = None if t in STOP else ix.correct(t)
            resolved.append(hit[0] if hit else t)
            if hit:
                credit = fuzzy_credit(hit[1])
                found[hit[0]] = max(found.get(hit[0], 0.0), credit)
                total += ix.weight[hit[0]] * (credit + (1 - credit) * UNKNOWN)
            elif t not in STOP and (len(t) > 1 or t.isdigit() or is_han(t)):
                total += UNKNOWN_HAN if is_han(t) else UNKNOWN
        words_total = total
        for f in pairs(resolved):
            if f in ix.weight and f not in found:
                found[f] = 1.0
                total += ix.weight[f]
        if total <= 0:
            return None
        words = sum(t not in STOP for t in tokens)
        return Evidence(*self._per_flow(found, total), self._nearest(found, words_total), self._language(tokens), words)

    def _per_flow(self, found: dict[str, float], total: float) -> tuple[dict[str, float], dict[str, float]]:
        """Per flow: the share of the message's weight it explains (0-100), and that weight."""
        weight: dict[str, float] = defaultdict(float)
        for f, credit in found.items():
            for flow, share in self.index.credit[f].items():
                weight[flow] += self.index.weight[f] * credit * share
        return {flow: min(100.0, 100.0 * w / total) for flow, w in weight.items()}, dict(weight)

    def _nearest(self, found: dict[str, float], total: float) -> dict[str, tuple[float, str]]:
        """Per flow, its closest phrase by weighted Dice (both the message's and the phrase's words count): the
        highest score; on a tie a flow's own phrase (the last one met) over a node's (the first one met)."""
        ix = self.index
        ids, shared = ix.phrases.shared((f, ix.weight[f] * credit) for f, credit in found.items())
        if not len(ids):
            return {}
        below = total + ix.phrase_weight[ids]
        dice = np.where(below > 0, 200.0 * shared / np.where(below > 0, below, 1.0), 0.0)
        node, met = ix.has_node[ids], np.arange(len(ids))
        flow = ix.flow_of[ids]
        ranked = np.lexsort((np.where(node, met, -met), node, -dice, flow))  # the last key sorts first
        first = ranked[np.r_[True, flow[ranked][1:] != flow[ranked][:-1]]]
        return {ix.flows[ids[k]]: (float(dice[k]), ix.targets[ids[k]]) for k in first.tolist()}

    def _language(self, tokens: list[str]) -> str:
        """The language most of the message's known words (stop words included) come from."""
        votes: dict[str, float] = defaultdict(float)
        for t in tokens:
            langs = self.index.langs.get(t, ())
            for lang in langs:
                votes[lang] += 1.0 / len(langs)
        return max(votes, key=lambda k: (round(votes[k], 6), k == "en")) if votes else "en"

    def _scored(self, ev: Evidence | None) -> list[tuple[Match, float]]:
        """Each flow's match and weight from the evidence, best first (urgent first among equals)."""
        if ev is None:
            return []
        scored = []
        for flow, cover in ev.coverage.items():
            dice, target = ev.nearest.get(flow, (0.0, flow))
            score = (1 - NEAREST) * cover + NEAREST * min(dice, 100.0)
            scored.append((self._match(target, score, ev.lang), ev.weight[flow]))
        return sorted(scored, key=lambda m: (-m[0].score, -self.rank(self.flow(m[0])), m[0].target))

    @staticmethod
    def flow(match: Match) -> str:
        """The flow a match belongs to."""
        return match.target.split(".")[0]

    def route(self, text: str) -> Routing:
        """Decide: sure (one clear flow), candidates (ask), or nothing. An exact phrase decides at once; else
        the phrases and the concepts (see by_evidence), and then the n-gram model where they are unsure."""
        key = fold(text)
        if key in self.exact:
            p = self.exact[key]
            return Routing(self._match(p.target, 100.0, p.lang))
        ev = self.evidence(text)
        routing = self.by_evidence(text, ev)
        return routing if self.model is None else self._by_model(text, ev, routing)

    def _by_model(self, text: str, ev: Evidence | None, routing: Routing) -> Routing:
        """The n-gram model's say: its flow where nothing opened; over a match that is no exact phrase when it
        is sure enough of another flow; no flow instead of a loose, non-urgent match when it sees no topic."""
        sure = routing.sure
        if self.model is None or sure is not None and sure.score >= 100:
            return routing
        guess = self.model.guess(text)
        if sure is not None and self.flow(sure) == guess.flow:
            return routing
        if guess.flow == "none":
            take_back = sure is not None and not sure.urgent and guess.p >= MODEL_NONE
            return Routing(None) if take_back else routing  # 'good ramen in Flushing?': our words, not our topic
        if routing.candidates or ev is None or ev.words < 2:
            return routing  # 'ice' alone: several flows share the word, and the question lets the person choose
        if guess.p >= (MODEL_OPENS if sure is None else MODEL_OVERRULES):
            # Never urgent: urgency lets a message interrupt a question on screen, and the model alone may
            # not ('Texas', answering 'which state?' in the detainers flow, is no checkpoint on the road).
            return Routing(replace(self._concept_match(guess.flow, ev), urgent=False))
        return routing

    def by_evidence(self, text: str, ev: Evidence | None) -> Routing:
        """The phrases decide first; the concepts of the whole message decide when the phrases are unsure, and
        an urgent situation they see wins."""
        routing = self._by_phrases(ev)
        if self.concepts is None:
            return routing
        verdict = self.concepts.verdict(text, self._own_word(ev.lang) if ev else None, ev.lang if ev else "")
        topics = verdict.concepts - NOT_TOPICS
        if verdict.concepts & NOT_TOPICS and topics <= WEAK and routing.sure and routing.sure.score < 100:
            return Routing(None)  # 'thanks a lot', 'shukriya bhai': a greeting and a stray word are no topic
        if "offtopic" in verdict.concepts and topics <= WEAK | JOB_SEARCH:
            return Routing(None)  # 'looking for a restaurant job': work with no sign of immigration agents
        flow, score, lead = verdict.best()
        if flow and self.rank(flow) == 0:
            flow, score, lead = (
                self._urgent_situation(verdict, topics)
                or self._search(verdict, topics)
                or (
                    flow,
                    score,
                    lead,
                )
            )
        if not flow or score < (CONCEPT_SURE if len(topics) > 1 else CONCEPT_ONE) or lead < CONCEPT_LEAD:
            return routing
        if len(topics) == 1 and topics <= WEAK:
            return routing  # 'xin' (please / apply) alone is no topic
        if routing.sure is None or self._overrides(flow, score, routing.sure, verdict):
            return Routing(self._concept_match(flow, ev))
        return routing

    def _urgent_situation(self, verdict: Verdict, topics: frozenset[str]) -> tuple[str, float, float] | None:
        """An urgent flow whose situation the message names ('knocking on my door', 'at the airport'), when the
        whole message leans to a non-urgent one: a story of kids at school and work before 'ICE is knocking'
        is about the door. (flow, the best score, a lead of 0) or None."""
        best = verdict.ranked[0][1]
        public = bool(topics & PUBLIC)
        found = [
            f
            for f, names in URGENT_SITUATIONS.items()
            if f in self.urgent
            and (names & topics or not public and URGENT_UNLESS_PUBLIC.get(f, frozenset()) & topics)
            and best - verdict.score(f) <= URGENT_SPAN
        ]
        if not found:
            return None
        return max(found, key=verdict.score), best, CONCEPT_LEAD

    def _search(self, verdict: Verdict, topics: frozenset[str]) -> tuple[str, float, float] | None:
        """The search for a detained person when a story names someone else taken and asks where: the school
        run, the workplace and the boss who saw it are its background, not its topic. (flow, the best score, a
        lead of 0) or None; never over an urgent flow (see route), nor when a jail hold is named (detainers)."""
        best = verdict.ranked[0][1]
        if topics >= SEARCH and not topics & SEARCH_NOT and best - verdict.score(SEARCH_FLOW) <= SEARCH_SPAN:
            return SEARCH_FLOW, best, CONCEPT_LEAD
        return None

    def _own_word(self, lang: str) -> Callable[[str], bool]:
        """Is a word one of `lang`'s own: in its phrases and not a word everyone writes ('ice', 'cbp')?"""
        langs = self.index.langs
        return lambda word: lang in langs.get(word, ()) and word not in NEUTRAL

    def _overrides(self, flow: str, score: float, sure: Match, verdict: Verdict) -> bool:
        """The concepts' flow replaces the phrases' sure match: an urgent situation over a non-urgent match, or
        much evidence against a match that is no exact phrase."""
        if flow == self.flow(sure):
            return False
        if flow in self.urgent and self.flow(sure) not in self.urgent:
            return True
        if sure.score < CONCEPT_WEAK_MATCH and score - verdict.score(self.flow(sure)) >= CONCEPT_GAP:
            return True  # a loose phrase match the whole message's concepts clearly speak against
        lead = score - verdict.score(self.flow(sure))
        return (
            score >= CONCEPT_OVERRIDE
            and lead >= CONCEPT_OVERRIDE_LEAD
            and sure.score < 100
            and (flow in self.urgent) == sure.urgent
        )

    def short_language(self, text: str) -> str | None:
        """The language of a message of one to three words by the lexicons its words belong to ('la migra' ->
        es, 'socorro' -> es: a tie goes to the more widely spoken language); None when they say nothing."""
        if self.concepts is None or len(text.split()) > SHORT_WORDS:
            return None
        langs = self.concepts.verdict(text).langs
        if not langs:
            return None
        top = max(langs.values())
        return min((lang for lang, n in langs.items() if n == top), key=_by_speakers)

    def within(self, text: str, flow: str) -> tuple[float, str]:
        """The closest phrase of one flow to the message: (weighted Dice 0-100, its target)."""
        ev = self.evidence(text)
        return ev.nearest.get(flow, (0.0, flow)) if ev else (0.0, flow)

    def _concept_match(self, flow: str, ev: Evidence | None) -> Match:
        """The concept model's flow, at the node its closest phrase names when that phrase is close enough."""
        dice, target = ev.nearest.get(flow, (0.0, flow)) if ev else (0.0, flow)
        return self._match(target if dice >= NODE_DICE else flow, CONCEPT_SCORE, ev.lang if ev else "en")

    def _by_phrases(self, ev: Evidence | None) -> Routing:
        """The phrases' verdict from the message's evidence."""
        found = self._scored(ev)
        if ev is None or not found:
            return Routing(None)
        (top, weight), rest = found[0], found[1:]
        lead = top.score - rest[0][0].score if rest else top.score
        close = [m for m, _ in rest if top.score - m.score < MARGIN]
        outranks = all(self.rank(self.flow(top)) > self.rank(self.flow(m)) for m in close)
        clear = top.score >= SURE or top.score >= STRONG and weight >= STRONG_EVIDENCE and lead >= 2 * MARGIN
        enough = weight >= (ONE_WORD if ev.words == 1 else SURE_EVIDENCE)  # one word: 'lawyer' yes, 'officer' no
        if clear and enough and outranks:
            return Routing(top)
        asked = [
            m
            for m, w in found[:3]
            if m.score >= MAYBE and w >= MAYBE_EVIDENCE and top.score - m.score <= CLARIFY_SPREAD
        ]
        return Routing(None, tuple(sorted(asked, key=lambda m: -self.rank(self.flow(m)))))  # urgent first


def _by_speakers(lang: str) -> int:
    """Rank of a language in BY_SPEAKERS (unknown ones last)."""
    return BY_SPEAKERS.index(lang) if lang in BY_SPEAKERS else len(BY_SPEAKERS)
