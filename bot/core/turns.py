"""One turn of a conversation, as a table of steps: language pick, the relay to a volunteer (core/person.py),
media, greeting, empty text, language switch, global words, an intake answer, then free text (urgent first, the
pending question, options, routing)."""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz, process

from bot.content.model import MENU, OWN_WORDS
from bot.core import actions, family, pending, person
from bot.core.kit import MAX_TEXT, Kit, LabelIndex, Turn
from bot.core.language import detect_language, offer_english
from bot.core.output import current_choices, go, open_match, pick_language, say, welcome
from bot.core.parse import number
from bot.core.session import Choice
from bot.nlu.router import STOP, Match
from bot.nlu.textnorm import fold

SWITCH_CONFIDENCE = 0.9  # how sure the detector must be to change a running conversation's language
LABEL_CUTOFF = 88.0  # fuzzy score a typed label needs to pick an option
LABEL_MARGIN = 6.0  # ...and its lead over the next option's label
LABEL_WORDS = 5  # a longer message is a sentence, not a label typed with its words in another order
IN_FLOW_DICE = 50.0  # a phrase of the current flow this close to a message answers it inside the flow

DONE, ERASE = "done", "erase"  # a step's verdict; None lets the next step look at the message
Step = Callable[[Kit, Turn], "str | None"]


def run_turn(kit: Kit, turn: Turn) -> bool:
    """Handle the message; True when the session must be erased."""
    turn.text = turn.msg.text[:MAX_TEXT].strip()
    verdict: str | None = None
    begin(kit, turn)
    for step in STEPS:
        verdict = step(kit, turn)
        if verdict is not None:
            break
    if "romanised" in turn.events and verdict != ERASE:
        offer_english(kit, turn)
    return verdict == ERASE


def begin(kit: Kit, turn: Turn) -> None:
    """A new user's language, or a restart after a long silence."""
    s = turn.s
    if turn.fresh:
        turn.events.append("new")
        detect_language(kit, turn, turn.text)
    elif turn.msg.now - s.seen > kit.idle:
        s.at, s.pending, s.choices, s.pages, s.trail = kit.menu, None, [], [], []
        turn.events.append("idle_restart")


def language_picked(kit: Kit, turn: Turn) -> str | None:
    """A language chosen outside the chat (web switcher, chat --json "lang"): set it; alone, it is the turn."""
    code = turn.msg.lang_pick
    if code is None or code not in kit.content.languages:
        return None
    turn.s.lang, turn.s.lang_picked = code, True
    turn.events = [e for e in turn.events if e != "picker"]
    turn.replies.clear()
    if not turn.text and not turn.fresh:
        pick_language(kit, turn, code)
        return DONE
    return None


def picker_shown(kit: Kit, turn: Turn) -> str | None:
    """An unsupported script got the language picker: nothing more this turn."""
    return DONE if turn.events and turn.events[-1] == "picker" else None


def media(kit: Kit, turn: Turn) -> str | None:
    """A photo, voice note or sticker: say we read text only."""
    if turn.msg.kind != "media":
        return None
    say(kit, turn, "ui.media")
    return DONE


def greeting(kit: Kit, turn: Turn) -> str | None:
    """Telegram's /start, or a new user's first message with nothing to read: the welcome."""
    if turn.msg.kind == "hello" or (turn.fresh and not readable(kit, turn.text)):
        welcome(kit, turn)
        return DONE
    return None


def readable(kit: Kit, text: str) -> bool:
    """Letters or digits, or a global word written without them ('?' is HELP): something to act on."""
    return kit.has_text(text) or kit.words.action(text) not in (None, "yes", "no")


def nothing_to_read(kit: Kit, turn: Turn) -> str | None:
    """Empty, or only emoji and punctuation (that is no global word)."""
    if readable(kit, turn.text):
        return None
    say(kit, turn, "ui.empty" if not turn.text else "ui.not_understood", current_choices(kit, turn))
    return DONE


def switch_language(kit: Kit, turn: Turn) -> str | None:
    """Switch only on a clear signal: a long message the detector is sure is another supported language, and
    not an answer in the person's own words (a contact's name, a city) to a question the bot asked."""
    s, text = turn.s, turn.text
    if turn.fresh or s.lang_picked or not kit.detector or len(text.split()) < 3 and len(text) < 6:
        return None
    if s.pending in OWN_WORDS:
        return None
    guess = kit.detector.detect(text)
    if (
        guess.lang
        and guess.lang != s.lang
        and guess.lang in kit.content.languages
        and guess.confidence >= SWITCH_CONFIDENCE
    ):
        s.lang = guess.lang
        turn.events.append(f"lang:{guess.lang}")
    return None


def global_word(kit: Kit, turn: Turn) -> str | None:
    """MENU, BACK, HELP, ... in any language ('yes' and 'no' answer questions instead)."""
    action = kit.words.action(turn.text)
    if not action or action in ("yes", "no"):
        return None
    return ERASE if actions.act(kit, turn, action) else DONE


def free_text(kit: Kit, turn: Turn) -> str | None:
    """Free text or a number: urgent first, then the pending question, options, and routing."""
    text, word = turn.text, kit.words.action(turn.text)
    # One or two digits pick from the list on screen: a phrase that holds the digit ('2 years') must not take
    # them. A longer number (911, 287) may still name a topic.
    n = number(text)
    sure, candidates = kit.route_turn(turn) if n is None or n >= 100 else (None, ())
    if sure and sure.urgent:
        turn.events.append("urgent")
        if number(text) is None and pick_label(kit, turn, text):
            return DONE  # the label of an option on screen ('Stopped in a car') is what they chose
        open_match(kit, turn, sure)
        return DONE
    if turn.s.pending and pending.answer(kit, turn, text, word, sure):
        return DONE
    if n is not None and "idle_restart" in turn.events:
        welcome(kit, turn, greet=False)  # the number meant an option of a conversation long gone
    elif n is not None:
        pick_option(kit, turn, n)
    elif not _router_knows_better(kit, turn, sure) and pick_label(kit, turn, text) or in_flow(kit, turn, text, sure):
        pass
    elif sure:
        open_match(kit, turn, sure)
    elif candidates:
        clarify(kit, turn, candidates)
    elif turn.fresh or "idle_restart" in turn.events:
        welcome(kit, turn, greet=turn.fresh)
    else:
        turn.events.append("not_understood")
        say(kit, turn, "ui.not_understood", current_choices(kit, turn))
    return DONE


STEPS: tuple[Step, ...] = (
    language_picked,
    picker_shown,
    family.alert,  # the alert word acts from anywhere, even while talking with a volunteer
    family.checkin,  # CHECKIN <time>; while a timer runs, any message stops it
    person.relay,  # talking with a volunteer: what the person sends goes there (a few global words still act)
    media,
    greeting,
    nothing_to_read,
    switch_language,
    family.answer,  # emergency contacts' questions (SKIP answers one; other global words still act)
    global_word,
    person.intake,  # an intake answer or consent, before urgent routing could take the message elsewhere
    free_text,
)


def clarify(kit: Kit, turn: Turn, candidates: tuple[Match, ...]) -> None:
    """Not sure: ask which of the likely flows the person means."""
    s = turn.s
    flows = list(dict.fromkeys(m.target.split(".")[0] for m in candidates))[:3]
    s.pending, s.choices = "clarify", flows
    options = tuple(
        Choice(str(i), kit.view.t(kit.content.flows[f].title_id, s.lang), f) for i, f in enumerate(flows, start=1)
    )
    turn.events.append("clarify")
    say(kit, turn, "ui.clarify", options + (Choice("0", kit.view.t("ui.menu_label", s.lang), MENU),))


def _router_knows_better(kit: Kit, turn: Turn, sure: Match | None) -> bool:
    """At the main menu a sentence the router is sure about is no menu label typed loosely ('o que é um detainer
    do ICE' shares two words with 'Find someone detained by ICE')."""
    return sure is not None and turn.s.at == kit.menu and sure.score >= LABEL_CUTOFF


def pick_option(kit: Kit, turn: Turn, n: int) -> None:
    """A number answers the current node's options."""
    node = kit.content.node(turn.s.at)
    if 1 <= n <= len(node.options):
        go(kit, turn, node.options[n - 1].target, node.flow)
    else:
        turn.events.append("not_understood")
        say(kit, turn, "ui.not_understood", current_choices(kit, turn))


def pick_label(kit: Kit, turn: Turn, text: str) -> bool:
    """A typed option label, in any supported language ('orden del juez', 'check the warrant'), picks it."""
    query = fold(text)
    if len(query) < 3:
        return False
    node = kit.content.node(turn.s.at)
    index = kit.labels(node, turn.s.lang)
    best: dict[int, float] = {}
    for n, score in enumerate(_label_scores(query, index)):
        option = index.options[n]
        best[option] = max(best.get(option, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < LABEL_CUTOFF or len(ranked) > 1 and ranked[0][1] - ranked[1][1] < LABEL_MARGIN:
        return False
    go(kit, turn, node.options[ranked[0][0]].target, node.flow)
    return True


def _label_scores(query: str, index: LabelIndex) -> list[float]:
    """For each label: whole-label similarity, or 95 when two or more content words of the query all appear in
    it ('orden del juez' picks 'Como revisar la orden del juez'). Scored in rapidfuzz's C loops, not per pair."""
    scores = [0.0] * len(index.labels)
    for scorer in (fuzz.ratio, fuzz.token_sort_ratio):
        for _, score, n in process.extract(query, index.labels, scorer=scorer, limit=None):
            scores[n] = max(scores[n], float(score))
    words = [w for w in query.split() if w not in STOP and len(w) > 2]
    if len(words) >= 2 and len(query.split()) <= LABEL_WORDS and index.words:
        covered: set[int] | None = None
        for word in words:  # the labels having a word close to this one (ratio >= 85)
            hits = process.extract(word, index.words, scorer=fuzz.ratio, score_cutoff=85, limit=None)
            owners = {index.owners[pos] for _, _, pos in hits}
            covered = owners if covered is None else covered & owners
        for n in covered or ():
            scores[n] = max(scores[n], 95.0)
    return scores


def in_flow(kit: Kit, turn: Turn, text: str, sure: Match | None) -> bool:
    """A question about the topic the person is in opens the node of this flow that answers it ('should we pay
    bail?' in the detainers flow), before any other flow's phrases: titles of its nodes, or its closest phrase."""
    flow = turn.s.at.split(".")[0]
    if flow == kit.menu.split(".")[0] or (sure and sure.score >= 100) or len(fold(text)) < 3:
        return False
    target = _titled_node(kit, turn, flow, text)
    if target is None:
        dice, near = kit.router.within(text, flow)
        target = near if dice >= IN_FLOW_DICE and "." in near else None
    if target is None or target == turn.s.at:
        return False
    turn.events.append("in_flow")
    go(kit, turn, target, flow)
    return True


def _titled_node(kit: Kit, turn: Turn, flow: str, text: str) -> str | None:
    """The node of a flow whose title the message is ('Should we pay bail?'), in its language or English."""
    lang = turn.s.lang
    key = (f"{flow}#titles", lang)
    cache = kit._labels  # content never changes: the flow's titles are indexed once per language
    nodes = [n for n in kit.content.flows[flow].nodes.values() if n.title_id]
    if key not in cache:
        labels: dict[str, int] = {}
        for code in dict.fromkeys([lang, "en"]):
            for i, node in enumerate(nodes):
                labels.setdefault(fold(kit.view.t(node.title_id or "", code)), i)
        cache[key] = LabelIndex.build(labels)
    index = cache[key]
    best = max(zip(_label_scores(fold(text), index), index.options), default=(0.0, -1))
    return nodes[best[1]].key if best[0] >= LABEL_CUTOFF else None
