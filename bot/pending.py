"""Answers to the bot's own questions (language, state, clarify) and the global words."""
from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .model import MENU
from .router import Match
from .session import Choice
from .turns import current_choices, number, open_match, welcome

if TYPE_CHECKING:
    from .engine import Engine, Turn

SUPPORTED_SCRIPTS = ("LATIN", "CJK", "ARABIC")


def show_picker(engine: Engine, turn: Turn) -> None:
    """The language picker: each language named in itself."""
    s = turn.s
    codes = engine.languages()
    s.pending, s.choices = "language", codes
    options = tuple(Choice(str(i), engine.content.languages[c].name, f"language.{c}")
                    for i, c in enumerate(codes, start=1))
    engine.say(turn, "ui.language_prompt", options)


def pick_language(engine: Engine, turn: Turn, code: str) -> None:
    """Set the language and show where the user was, now in that language."""
    s = turn.s
    s.lang, s.lang_picked = code, True
    turn.events.append(f"lang:{code}")
    engine.say(turn, "ui.language_set")
    if s.at == engine.menu:
        welcome(engine, turn, greet=False)
        turn.replies.pop(-1)  # the 'welcome back' line is not wanted after a language change
        node = engine.content.node(engine.menu)
        engine.add(turn, engine.view.node_text(node, s), engine.view.choices(node, s.lang))
    else:
        s.trail = s.trail[:-1] if s.trail and s.trail[-1] == s.at else s.trail
        engine.show(turn, s.at)


def answer(engine: Engine, turn: Turn, text: str, word: str | None, sure: Match | None) -> bool:
    """True when text answered the pending question."""
    s = turn.s
    n = number(text)
    if s.pending in ("language", "clarify") and n is not None and 1 <= n <= len(s.choices):
        choice = s.choices[n - 1]
        s.pending, s.choices = None, []
        if choice in engine.content.languages and not choice in engine.content.flows:
            pick_language(engine, turn, choice)
        else:
            open_match(engine, turn, Match(choice, 100.0, s.lang, False))
        return True
    if s.pending == "state_confirm":
        return confirm_state(engine, turn, text, word, n)
    if s.pending == "state" and n is None:
        return take_state(engine, turn, text, sure)
    return False


def confirm_state(engine: Engine, turn: Turn, text: str, word: str | None, n: int | None) -> bool:
    """'Are you in Texas?' — yes keeps it, no asks again, a state name answers directly."""
    s = turn.s
    typed = engine.states.find(text) if engine.states else None
    if typed is not None:  # 'CO' is Colorado even though Vietnamese 'có' (yes) folds to 'co'
        s.state = getattr(typed, "code")
        return after_state(engine, turn)
    if word == "yes" or n == 1:
        s.state = s.choices[0]
        return after_state(engine, turn)
    if word == "no" or n == 2:
        s.pending, s.choices, s.state = "state", [], None
        node = engine.content.node(s.at)
        engine.add(turn, engine.view.node_text(node, s), engine.view.choices(node, s.lang))
        return True
    return take_state(engine, turn, text, None)


def take_state(engine: Engine, turn: Turn, text: str, sure: Match | None) -> bool:
    """A state name, code or ZIP answers the question; anything else is asked again."""
    found = engine.states.find(text) if engine.states else None
    if found is not None:
        turn.s.state = getattr(found, "code")
        return after_state(engine, turn)
    if sure:
        return False  # a clear question about something else: let routing take it
    engine.say(turn, "ui.state_unknown", (Choice("0", engine.view.t("ui.menu_label", turn.s.lang), MENU),))
    return True


def after_state(engine: Engine, turn: Turn) -> bool:
    """Go on to the node after the state question."""
    node = engine.content.node(turn.s.at)
    turn.s.pending, turn.s.choices = None, []
    engine.go(turn, node.next or "menu", node.flow)
    return True


def act(engine: Engine, turn: Turn, action: str, fresh: bool) -> bool:
    """Carry out a global word; True when the session must be erased."""
    s = turn.s
    turn.events.append(action)
    if action in ("stop", "delete"):
        engine.say(turn, "ui.stopped" if action == "stop" else "ui.deleted")
        return True
    if action == "start":
        if not fresh:
            engine.say(turn, "ui.started")
        welcome(engine, turn, greet=fresh)
    elif action == "menu":
        welcome(engine, turn, greet=fresh) if fresh else engine.show(turn, engine.menu)
    elif action == "back":
        engine.back(turn)
    elif action == "hello":  # a greeting, at any point: start afresh with the greeting and the menu
        welcome(engine, turn, greet=True)
    elif action == "help":
        engine.say(turn, "ui.help", current_choices(engine, turn))
    elif action == "language":
        show_picker(engine, turn)
    elif action == "more":
        more(engine, turn)
    return False


def more(engine: Engine, turn: Turn) -> None:
    """The next page of a long reply; the last page carries the options again."""
    s = turn.s
    if not s.pages:
        engine.say(turn, "ui.no_more", current_choices(engine, turn))
        return
    page, s.pages = s.pages[0], s.pages[1:]
    if s.pages:
        engine.reply(turn, page + "\n" + engine.view.t("ui.more_hint", s.lang))
    else:
        engine.reply(turn, page, current_choices(engine, turn))


def _scripts(text: str) -> set[str]:
    """The scripts of the letters in a text, by the first word of their Unicode names."""
    out = set()
    for c in text:
        if c.isalpha():
            name = unicodedata.name(c, "")
            out.add("CJK" if name.startswith("CJK") else name.split(" ")[0])
    return out


def detect_language(engine: Engine, turn: Turn, text: str) -> None:
    """Pick a new user's language; an unsupported script gets the picker."""
    s, msg = turn.s, turn.msg
    supported = engine.content.languages
    hint = (msg.lang_hint or "").split("-")[0].lower()
    if hint in supported:
        s.lang = hint
        return
    word_lang = engine.words.language(text)   # 'empezar', 'شروع': a global word says its language
    if word_lang in supported:
        s.lang = word_lang
        return
    scripts = _scripts(text)
    if scripts and not scripts & set(SUPPORTED_SCRIPTS):
        turn.events.append("picker")
        show_picker(engine, turn)
        return
    sure, _ = engine.route(text)
    if sure and sure.lang in supported and sure.score >= 95:
        s.lang = sure.lang
        return
    guess = engine.detector.detect(text) if engine.detector else None
    if guess and guess.lang in supported:
        s.lang = guess.lang
