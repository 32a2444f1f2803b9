"""Global words (menu, back, help, language, stop, start, delete, more, hello): one handler per word."""

from __future__ import annotations

from collections.abc import Callable

from bot.core import family, person
from bot.core.kit import Kit, Turn
from bot.core.output import back, current_choices, next_page, say, show, show_picker, welcome

ERASE = True  # what a handler returns when the session must be erased
KEEP = False

Handler = Callable[[Kit, Turn], bool]


def act(kit: Kit, turn: Turn, action: str) -> bool:
    """Carry out a global word; True when the session must be erased."""
    turn.events.append(action)
    handler = HANDLERS.get(action, not_here)
    return handler(kit, turn)


def stop(kit: Kit, turn: Turn) -> bool:
    """STOP: confirm, then the session goes (the service keeps the opt-out)."""
    say(kit, turn, "ui.stopped")
    return ERASE


def delete(kit: Kit, turn: Turn) -> bool:
    """DELETE: confirm, then everything kept about this chat goes."""
    say(kit, turn, "ui.deleted")
    return ERASE


def start(kit: Kit, turn: Turn) -> bool:
    """START: welcome back (a new user gets the greeting)."""
    if not turn.fresh:
        say(kit, turn, "ui.started")
    welcome(kit, turn, greet=turn.fresh)
    return KEEP


def menu(kit: Kit, turn: Turn) -> bool:
    """MENU: the main menu (with the greeting for a new user)."""
    if turn.fresh:
        welcome(kit, turn, greet=True)
    else:
        show(kit, turn, kit.menu)
    return KEEP


def go_back(kit: Kit, turn: Turn) -> bool:
    """BACK: the previous node."""
    back(kit, turn)
    return KEEP


def hello(kit: Kit, turn: Turn) -> bool:
    """A greeting, at any point: start afresh with the greeting and the menu."""
    welcome(kit, turn, greet=True)
    return KEEP


def help_(kit: Kit, turn: Turn) -> bool:
    """HELP: the words that work everywhere, and the current options again."""
    say(kit, turn, "ui.help", current_choices(kit, turn))
    return KEEP


def language(kit: Kit, turn: Turn) -> bool:
    """LANGUAGE: the picker."""
    show_picker(kit, turn)
    return KEEP


def more(kit: Kit, turn: Turn) -> bool:
    """MORE: the next page of a long reply (output.next_page)."""
    next_page(kit, turn)
    return KEEP


def not_here(kit: Kit, turn: Turn) -> bool:
    """A global word that means something only elsewhere (CLOSE outside a chat with a volunteer): not understood,
    and the options again, never an empty reply."""
    say(kit, turn, "ui.not_understood", current_choices(kit, turn))
    return KEEP


HANDLERS: dict[str, Handler] = {
    "stop": stop,
    "delete": delete,
    "start": start,
    "menu": menu,
    "back": go_back,
    "hello": hello,
    "help": help_,
    "language": language,
    "more": more,
    "person": person.talk,
    "skip": person.skip,
    "contacts": family.open_flow,
    "alert": family.unavailable,  # reached only where emergency contacts are off (family.alert acts first)
    "checkin": family.unavailable,
}
