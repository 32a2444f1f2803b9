"""One turn of a conversation: global words, urgent interrupts, pending questions, options, free text."""
from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from .model import MENU
from .router import STOP, Match
from .session import Choice
from .textnorm import fold

if TYPE_CHECKING:
    from .engine import Engine, LabelIndex, Turn

SWITCH_CONFIDENCE = 0.9   # how sure the detector must be to change a running conversation's language
LABEL_CUTOFF = 88.0   # fuzzy score a typed label needs to pick an option
LABEL_MARGIN = 6.0    # ...and its lead over the next option's label


def number(text: str) -> int | None:
    """The number a message is, in any script's digits (1, １, ١, ۱), or None."""
    text = text.strip().rstrip(".)")
    if not text or len(text) > 3 or not all(unicodedata.digit(c, -1) >= 0 for c in text):
        return None
    return int("".join(str(unicodedata.digit(c)) for c in text))


def run_turn(engine: Engine, turn: Turn, fresh: bool) -> bool:
    """Handle the message; True when the session must be erased."""
    s, msg = turn.s, turn.msg
    text = msg.text[:2000].strip()
    if fresh:
        turn.events.append("new")
        choose_language(engine, turn, text)
    elif msg.now - s.seen > engine.idle:
        s.at, s.pending, s.choices, s.pages, s.trail = engine.menu, None, [], [], []
        turn.events.append("idle_restart")
    if msg.lang_pick in engine.content.languages:
        s.lang, s.lang_picked = msg.lang_pick, True
        turn.events = [e for e in turn.events if e != "picker"]
        turn.replies.clear()
        if not text and not fresh:  # a language chosen on its own (the web demo's switcher): as if picked
            from .pending import pick_language

            pick_language(engine, turn, msg.lang_pick)
            return False
    if turn.events and turn.events[-1] == "picker":
        return False
    if msg.kind == "media":
        engine.say(turn, "ui.media")
        return False
    if msg.kind == "hello" or (fresh and not engine.has_text(text)):
        welcome(engine, turn)
        return False
    if not engine.has_text(text):
        engine.say(turn, "ui.empty" if not text else "ui.not_understood", current_choices(engine, turn))
        return False
    if not fresh:
        maybe_switch_language(engine, turn, text)
    action = engine.words.action(text)
    if action and action not in ("yes", "no"):
        return do_action(engine, turn, action, fresh)
    return handle_text(engine, turn, text, action, fresh)


def handle_text(engine: Engine, turn: Turn, text: str, word: str | None, fresh: bool) -> bool:
    """Free text or a number: urgent first, then the pending question, options, and routing."""
    sure, candidates = engine.route(text)
    if sure and sure.urgent:
        turn.events.append("urgent")
        if number(text) is None and pick_label(engine, turn, text):
            return False  # the label of an option on screen ('Stopped in a car') is what they chose
        return open_match(engine, turn, sure)
    if turn.s.pending and answer_pending(engine, turn, text, word, sure):
        return False
    n = number(text)
    if n is not None and "idle_restart" in turn.events:
        welcome(engine, turn, greet=False)  # the number meant an option of a conversation long gone
        return False
    if n is not None:
        return pick_option(engine, turn, n)
    if pick_label(engine, turn, text):
        return False
    if sure:
        return open_match(engine, turn, sure)
    if candidates:
        return clarify(engine, turn, candidates)
    if fresh or "idle_restart" in turn.events:
        welcome(engine, turn, greet=fresh)
        return False
    turn.events.append("not_understood")
    engine.say(turn, "ui.not_understood", current_choices(engine, turn))
    return False


def open_match(engine: Engine, turn: Turn, match: Match) -> bool:
    """Open the flow or node a phrase leads to."""
    flow = match.target.split(".")[0]
    key = match.target if "." in match.target else f"{flow}.{engine.content.flows[flow].start}"
    engine.show(turn, key, entering=True)
    return False


def clarify(engine: Engine, turn: Turn, candidates: tuple[Match, ...]) -> bool:
    """Not sure: ask which of the likely flows the person means."""
    s = turn.s
    flows = list(dict.fromkeys(m.target.split(".")[0] for m in candidates))[:3]
    s.pending, s.choices = "clarify", flows
    options = tuple(Choice(str(i), engine.view.t(engine.content.flows[f].title_id, s.lang), f)
                    for i, f in enumerate(flows, start=1))
    turn.events.append("clarify")
    engine.say(turn, "ui.clarify", options + (Choice("0", engine.view.t("ui.menu_label", s.lang), MENU),))
    return False


def current_choices(engine: Engine, turn: Turn) -> tuple[Choice, ...]:
    """The options of the node the user is at, to repeat them when a message was not understood."""
    return engine.view.choices(engine.content.node(turn.s.at), turn.s.lang)


def pick_option(engine: Engine, turn: Turn, n: int) -> bool:
    """A number answers the current node's options."""
    node = engine.content.node(turn.s.at)
    if 1 <= n <= len(node.options):
        engine.go(turn, node.options[n - 1].target, node.flow)
    else:
        turn.events.append("not_understood")
        engine.say(turn, "ui.not_understood", current_choices(engine, turn))
    return False


def pick_label(engine: Engine, turn: Turn, text: str) -> bool:
    """A typed option label, in any supported language ('orden del juez', 'check the warrant'), picks it."""
    query = fold(text)
    if len(query) < 3:
        return False
    node = engine.content.node(turn.s.at)
    index = engine.labels(node, turn.s.lang)
    best: dict[int, float] = {}
    for n, score in enumerate(_label_scores(query, index)):
        option = index.options[n]
        best[option] = max(best.get(option, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < LABEL_CUTOFF or len(ranked) > 1 and ranked[0][1] - ranked[1][1] < LABEL_MARGIN:
        return False
    engine.go(turn, node.options[ranked[0][0]].target, node.flow)
    return True


def _label_scores(query: str, index: LabelIndex) -> list[float]:
    """For each label: whole-label similarity, or 95 when two or more content words of the query all appear in
    it ('orden del juez' picks 'Como revisar la orden del juez'). Scored in rapidfuzz's C loops, not per pair."""
    scores = [0.0] * len(index.labels)
    for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
        for _, score, n in process.extract(query, index.labels, scorer=scorer, limit=None):
            scores[n] = max(scores[n], float(score))
    words = [w for w in query.split() if w not in STOP and len(w) > 2]
    if len(words) >= 2 and index.words:
        covered = None
        for word in words:   # the labels having a word close to this one (ratio >= 85)
            hits = process.extract(word, index.words, scorer=fuzz.ratio, score_cutoff=85, limit=None)
            owners = {index.owners[pos] for _, _, pos in hits}
            covered = owners if covered is None else covered & owners
        for n in covered or ():
            scores[n] = max(scores[n], 95.0)
    return scores


def answer_pending(engine: Engine, turn: Turn, text: str, word: str | None, sure: Match | None) -> bool:
    """Answer the question the bot asked last (language, state, clarify); False if this is not an answer."""
    from .pending import answer

    return answer(engine, turn, text, word, sure)


def do_action(engine: Engine, turn: Turn, action: str, fresh: bool) -> bool:
    """A global word: menu, back, help, language, stop, start, delete, more."""
    from .pending import act

    return act(engine, turn, action, fresh)


def welcome(engine: Engine, turn: Turn, greet: bool = True) -> None:
    """The greeting with the disclaimer and the main menu."""
    s = turn.s
    s.at, s.pending, s.choices, s.trail = engine.menu, None, [], []
    node = engine.content.node(engine.menu)
    parts = [engine.view.t("ui.welcome", s.lang), engine.view.t("ui.disclaimer", s.lang)] if greet else \
        [engine.view.t("ui.idle_restart", s.lang)]
    parts.append(engine.view.node_text(node, s))
    engine.add(turn, "\n\n".join(parts), engine.view.choices(node, s.lang))


def choose_language(engine: Engine, turn: Turn, text: str) -> None:
    """A new user's language: the channel's hint, the detector, or the matched phrase's language."""
    from .pending import detect_language

    detect_language(engine, turn, text)


def maybe_switch_language(engine: Engine, turn: Turn, text: str) -> None:
    """Switch only on a clear signal: a long message the detector is sure is another supported language."""
    s = turn.s
    if s.lang_picked or not engine.detector or len(text.split()) < 3 and len(text) < 6:
        return
    guess = engine.detector.detect(text)
    if guess.lang and guess.lang != s.lang and guess.lang in engine.content.languages \
            and guess.confidence >= SWITCH_CONFIDENCE:
        s.lang = guess.lang
        turn.events.append(f"lang:{guess.lang}")
