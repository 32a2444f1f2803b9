"""What a turn shows: messages, nodes, the menu, the language picker, and moves between nodes."""

from __future__ import annotations

from bot.content.model import LANGUAGE, MENU
from bot.content.targets import resolve
from bot.core.kit import MAX_TEXT, Kit, Turn
from bot.core.session import Choice, Inbound, Reply
from bot.nlu.router import Match
from bot.nlu.textnorm import has_letters
from bot.text.sms import split_message

PAGE_CHARS = 600  # a reply longer than this is paged with MORE
TRAIL_MAX = 12  # nodes remembered for BACK


def say(kit: Kit, turn: Turn, msg_id: str, options: tuple[Choice, ...] = (), **values: str) -> None:
    """Add a ui message in the user's language."""
    text = kit.view.t(msg_id, turn.s.lang)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    add(kit, turn, text, options)


def add(kit: Kit, turn: Turn, text: str, options: tuple[Choice, ...] = ()) -> None:
    """Add a reply; a long one is cut into pages, the first sent now and the rest kept for MORE."""
    if len(text) > PAGE_CHARS:
        hint = kit.view.t("ui.more_hint", turn.s.lang)
        pages = split_message(text, PAGE_CHARS - len(hint) - 1)
        turn.s.pages = pages[1:]
        text = f"{pages[0]}\n{hint}"
    reply(kit, turn, text, options)


def reply(kit: Kit, turn: Turn, text: str, options: tuple[Choice, ...] = ()) -> None:
    """Add a reply as it is, in the user's language."""
    lang = turn.s.lang
    turn.replies.append(Reply(text, options, lang, kit.view.rtl(lang)))


def current_choices(kit: Kit, turn: Turn) -> tuple[Choice, ...]:
    """The options of the node the user is at, to repeat them when a message was not understood."""
    return kit.view.choices(kit.content.node(turn.s.at), turn.s.lang)


def show(kit: Kit, turn: Turn, key: str, entering: bool = False) -> None:
    """Move to a node and show it (and, on entering a flow, when its content was checked)."""
    s = turn.s
    if s.at != key:
        s.trail = (s.trail + [s.at])[-TRAIL_MAX:]
    s.at, s.pending, s.choices, s.pages = key, None, [], []
    node = kit.content.node(key)
    text, gloss = kit.view.node_text(node, s), ""
    if node.officer_id and s.lang != "en":  # what the English card says, in the user's language
        says = kit.view.t("ui.officer_says", s.lang)
        gloss = f"{says}\n" + kit.view.fill(kit.view.t(node.officer_id, s.lang), s, node.flow)
    if entering and node.flow != MENU:
        text += "\n" + kit.view.review_note(node.flow, s)
    if gloss and len(text) + len(gloss) + 2 <= PAGE_CHARS:
        text, gloss = f"{text}\n\n{gloss}", ""
    if node.input and ask_state(kit, turn, text):
        return
    add(kit, turn, text, kit.view.choices(node, s.lang))
    if node.input:
        return
    if gloss:  # too long to share a page: its own message, still before the card and never behind MORE
        reply(kit, turn, gloss)
    if node.officer_id:
        turn.replies.extend(kit.view.officer(node, s))


def ask_state(kit: Kit, turn: Turn, text: str) -> bool:
    """Ask for the US state; a known or hinted state is offered as a yes/no question (True) first. Other
    questions (talking to a person, core/person.py) only wait for their answer."""
    s = turn.s
    s.pending = kit.content.node(s.at).input
    if s.pending != "state":
        return False
    guess = s.state or _hinted_state(kit, turn.msg) or _named_state(kit, turn.msg.text)
    if not guess or not kit.view.places:
        return False
    s.pending, s.choices = "state_confirm", [guess]
    question = kit.view.t("ui.state_confirm", s.lang).replace("{state}", kit.view.places.state_name(guess, s.lang))
    yes_no = (
        Choice("1", kit.view.t("ui.state_yes", s.lang), "yes"),
        Choice("2", kit.view.t("ui.state_no", s.lang), "no"),
        Choice("0", kit.view.t("ui.menu_label", s.lang), "menu"),
    )
    add(kit, turn, f"{text}\n\n{question}", yes_no)
    return True


def _hinted_state(kit: Kit, msg: Inbound) -> str | None:
    """A channel's state hint (Twilio FromState), if it names a real state."""
    if not msg.state_hint or not kit.states:
        return None
    hint = msg.state_hint.strip()
    found = kit.states.get(hint) or kit.states.find(hint)  # Twilio sends a code
    return found.code if found else None


def _named_state(kit: Kit, text: str) -> str | None:
    """A state named in the message that led here ('necesito un abogado en Texas'), to offer for confirming."""
    if not kit.states or not has_letters(text):
        return None
    found = kit.states.find(text[:MAX_TEXT])
    return found.code if found else None


def go(kit: Kit, turn: Turn, target: str, from_flow: str) -> None:
    """Follow an option's target: a node, a flow, back, or the language picker."""
    key = resolve(kit.content, from_flow, target)
    if key == "back":
        back(kit, turn)
    elif key == LANGUAGE:
        show_picker(kit, turn)
    elif key:
        show(kit, turn, key, entering=key.split(".")[0] != from_flow)


def back(kit: Kit, turn: Turn) -> None:
    """Go to the previous node, or the menu when there is none."""
    s = turn.s
    previous = s.trail.pop() if s.trail else kit.menu
    while s.trail and kit.content.node(previous).input:  # a question already answered is not asked again
        previous = s.trail.pop()
    s.at = previous
    show(kit, turn, previous)


def open_match(kit: Kit, turn: Turn, match: Match) -> None:
    """Open the flow or node a phrase leads to."""
    flow = match.target.split(".")[0]
    key = match.target if "." in match.target else f"{flow}.{kit.content.flows[flow].start}"
    show(kit, turn, key, entering=True)


def welcome(kit: Kit, turn: Turn, greet: bool = True) -> None:
    """The greeting with the disclaimer and the main menu."""
    s = turn.s
    s.at, s.pending, s.choices, s.trail = kit.menu, None, [], []
    node = kit.content.node(kit.menu)
    parts = (
        [kit.view.t("ui.welcome", s.lang), kit.view.t("ui.disclaimer", s.lang)]
        if greet
        else [kit.view.t("ui.idle_restart", s.lang)]
    )
    parts.append(kit.view.node_text(node, s))
    add(kit, turn, "\n\n".join(parts), kit.view.choices(node, s.lang))


def show_picker(kit: Kit, turn: Turn) -> None:
    """The language picker: each language named in itself."""
    s = turn.s
    codes = kit.languages()
    s.pending, s.choices = "language", codes
    options = tuple(Choice(str(i), kit.content.languages[c].name, f"language.{c}") for i, c in enumerate(codes, 1))
    say(kit, turn, "ui.language_prompt", options)


def pick_language(kit: Kit, turn: Turn, code: str) -> None:
    """Set the language and show where the user was, now in that language."""
    s = turn.s
    s.lang, s.lang_picked = code, True
    turn.events.append(f"lang:{code}")
    say(kit, turn, "ui.language_set")
    if s.at == kit.menu:
        s.pending, s.choices, s.trail = None, [], []
        node = kit.content.node(kit.menu)
        add(kit, turn, kit.view.node_text(node, s), kit.view.choices(node, s.lang))
    else:
        s.trail = s.trail[:-1] if s.trail and s.trail[-1] == s.at else s.trail
        show(kit, turn, s.at)
