"""Answers to the bot's own questions (language, clarify, state), one handler per kind of question."""

from __future__ import annotations

from collections.abc import Callable

from bot.content.model import MENU
from bot.core.kit import Kit, Turn
from bot.core.output import add, go, open_match, pick_language, say
from bot.core.parse import number
from bot.core.session import Choice
from bot.nlu.router import Match
from bot.nlu.textnorm import fold

# handler(kit, turn, text, word, sure) -> True when the text answered the question
Handler = Callable[[Kit, Turn, str, "str | None", "Match | None"], bool]


def answer(kit: Kit, turn: Turn, text: str, word: str | None, sure: Match | None) -> bool:
    """True when text answered the pending question."""
    handler = HANDLERS.get(turn.s.pending or "")
    return handler(kit, turn, text, word, sure) if handler else False


def pick_listed(kit: Kit, turn: Turn, text: str, word: str | None, sure: Match | None) -> bool:
    """A number picks one of the listed languages or flows (the picker, 'Did you mean')."""
    s, n = turn.s, number(text)
    if n is None or not 1 <= n <= len(s.choices):
        return False
    choice = s.choices[n - 1]
    s.pending, s.choices = None, []
    if choice in kit.content.languages and choice not in kit.content.flows:
        pick_language(kit, turn, choice)
    else:
        open_match(kit, turn, Match(choice, 100.0, s.lang, False))
    return True


def confirm_state(kit: Kit, turn: Turn, text: str, word: str | None, sure: Match | None) -> bool:
    """'Are you in Texas?' — yes keeps it, no asks again, a state name answers directly."""
    s, n = turn.s, number(text)
    typed = kit.states.find(text) if kit.states else None
    if typed is not None:  # 'CO' is Colorado even though Vietnamese 'có' (yes) folds to 'co'
        s.state = typed.code
        return after_state(kit, turn)
    if word == "yes" or n == 1:
        s.state = s.choices[0]
        return after_state(kit, turn)
    if word == "no" or n == 2:
        s.pending, s.choices, s.state = "state", [], None
        node = kit.content.node(s.at)
        add(kit, turn, kit.view.node_text(node, s), kit.view.choices(node, s.lang))
        return True
    return take_state(kit, turn, text, word, None)


def typed_state(kit: Kit, turn: Turn, text: str, word: str | None, sure: Match | None) -> bool:
    """The answer to 'Which state?': a number is not one (it picks an option), anything else is tried."""
    return number(text) is None and take_state(kit, turn, text, word, sure)


def take_state(kit: Kit, turn: Turn, text: str, word: str | None, sure: Match | None) -> bool:
    """A state name, code or ZIP answers the question; anything else is asked again."""
    found = kit.states.find(text) if kit.states else None
    if found is not None:
        turn.s.state = found.code
        return after_state(kit, turn)
    if sure:
        return False  # a clear question about something else: let routing take it
    say(kit, turn, "ui.state_unknown", (Choice("0", kit.view.t("ui.menu_label", turn.s.lang), MENU),))
    return True


def after_state(kit: Kit, turn: Turn) -> bool:
    """Go on to the node after the state question."""
    node = kit.content.node(turn.s.at)
    turn.s.pending, turn.s.choices = None, []
    go(kit, turn, node.next or "menu", node.flow)
    return True


ENGLISH = frozenset("en eng english inglish angrezi angraizi inglizi engleezi englizi انگریزی انجلیزی انکلیزی".split())


def english_offer(kit: Kit, turn: Turn, text: str, word: str | None, sure: Match | None) -> bool:
    """'EN' after the offer of English (a romanised first message): switch; anything else goes on as usual."""
    if fold(text) not in ENGLISH or "en" not in kit.content.languages:
        return False
    pick_language(kit, turn, "en")
    return True


HANDLERS: dict[str, Handler] = {
    "english_offer": english_offer,
    "language": pick_listed,
    "clarify": pick_listed,
    "state_confirm": confirm_state,
    "state": typed_state,
}
