"""What a turn shows: messages, nodes, the menu, the language picker, and moves between nodes."""

from __future__ import annotations

from collections.abc import Callable

from bot.content.model import LANGUAGE, MENU
from bot.content.targets import resolve
from bot.core.kit import MAX_TEXT, Kit, Turn
from bot.core.session import Choice, Inbound, Reply, Session
from bot.nlu.router import Match
from bot.nlu.textnorm import has_letters
from bot.text.pages import cost
from bot.text.sms import split_message

TRAIL_MAX = 12  # nodes remembered for BACK


def say(kit: Kit, turn: Turn, msg_id: str, options: tuple[Choice, ...] = (), **values: str) -> None:
    """Add a ui message in the user's language."""
    text = kit.view.t(msg_id, turn.s.lang)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    add(kit, turn, text, options)


def add(kit: Kit, turn: Turn, text: str, options: tuple[Choice, ...] = (), whole: str = "") -> None:
    """Add a reply; one longer than the channel's page is cut: the first page is sent now, the rest kept for MORE,
    and the options come with the last page. A line of the text given as `whole` is never cut across pages."""
    pages = paginate(kit, turn, text, options, whole)
    turn.s.pages = pages[1:]
    if turn.s.pages:
        reply(kit, turn, with_hint(kit, turn.s, pages[0]))
    else:
        reply(kit, turn, pages[0], options)


def paginate(kit: Kit, turn: Turn, text: str, options: tuple[Choice, ...], whole: str = "") -> list[str]:
    """The pages of a reply. One when it fits the channel's page, or the channel has none. Otherwise the text is
    cut at paragraphs, lines or sentences into pages that fit with the MORE hint, the first as full as it can be
    (an urgent node's opening lines, its key actions, come first); the options come with the last page, or alone
    on a page of their own ('') when they do not fit there. MORE rebuilds them from where the conversation stands
    (page_choices), so a reply whose options it could not rebuild is never cut."""
    page, s = turn.msg.page, turn.s
    if page is None or options != page_choices(kit, s):
        return [text]  # no page; or options MORE could not rebuild (a short notice): whole, never wrong
    rtl = kit.view.rtl(s.lang)
    size = lambda body, opts=(): cost(page, Reply(body, opts, s.lang, rtl))
    if size(text, options) <= page.limit or size(with_hint(kit, s, "")) >= page.limit:
        return [text]  # it fits; or a page too small to hold the hint and a word: better whole than nothing
    measure = lambda part: size(with_hint(kit, s, part))
    try:
        pages = _kept_whole(split_message(text, page.limit, measure, fill=True), whole, page.limit, measure)
    except ValueError:  # one character and the hint exceed a tiny page
        return [text]
    if options and size(pages[-1], options) > page.limit and len(pages[-1]) > _length(options):
        pages.append("")
    return pages


def _kept_whole(pages: list[str], whole: str, limit: int, measure: Callable[[str], int]) -> list[str]:
    """The pages with the line `whole` moved onto one page when filling cut it (the review note: 'Written ...;
    not yet checked by a lawyer.' on one page and 'Not legal advice.' on the next would each mislead alone)."""
    if not whole or any(whole in p for p in pages):
        return pages
    for i, (p, after) in enumerate(zip(pages, pages[1:])):
        for n in range(len(whole) - 1, 0, -1):  # cut after n characters: this page ends them, the next goes on
            if p.endswith(whole[:n].rstrip()) and after.startswith(whole[n:].lstrip()):
                start = len(p) - len(whole[:n].rstrip())
                rest = "\n".join([p[start:], *pages[i + 1 :]]).replace(whole[:n].rstrip() + "\n", whole[:n], 1)
                head = [p[:start].rstrip()] if p[:start].strip() else []
                return pages[:i] + head + split_message(rest, limit, measure)
    return pages


def _length(options: tuple[Choice, ...]) -> int:
    """The characters of the options as '1 Label' lines."""
    return sum(len(o.key) + len(o.label) + 2 for o in options)


def with_hint(kit: Kit, s: Session, page: str) -> str:
    """A page that has more after it: 'Reply MORE for the rest.' at its end."""
    hint = kit.view.t("ui.more_hint", s.lang)
    return f"{page}\n{hint}" if page else hint


def next_page(kit: Kit, turn: Turn) -> None:
    """MORE: the next page of a long reply; the last page carries the options."""
    s = turn.s
    if not s.pages:
        say(kit, turn, "ui.no_more", current_choices(kit, turn))
        return
    page, s.pages = s.pages[0], s.pages[1:]
    if s.pages:
        reply(kit, turn, with_hint(kit, s, page))
    else:
        reply(kit, turn, page, page_choices(kit, s))


def reply(kit: Kit, turn: Turn, text: str, options: tuple[Choice, ...] = ()) -> None:
    """Add a reply as it is, in the user's language."""
    lang = turn.s.lang
    turn.replies.append(Reply(text, options, lang, kit.view.rtl(lang)))


def current_choices(kit: Kit, turn: Turn) -> tuple[Choice, ...]:
    """The options of the node the user is at, to repeat them when a message was not understood."""
    return kit.view.choices(kit.content.node(turn.s.at), turn.s.lang)


def page_choices(kit: Kit, s: Session) -> tuple[Choice, ...]:
    """The options a paged reply ends with: those of the question it asked, else those of the node."""
    if s.pending == "state_confirm" and s.choices:
        return state_choices(kit, s)
    if s.pending == "language":
        return language_choices(kit)
    if s.pending == "clarify":  # as turns.clarify lists them
        titles = [kit.view.t(kit.content.flows[f].title_id, s.lang) for f in s.choices if f in kit.content.flows]
        menu = Choice("0", kit.view.t("ui.menu_label", s.lang), MENU)
        return tuple(Choice(str(i), t, f) for i, (t, f) in enumerate(zip(titles, s.choices), 1)) + (menu,)
    return kit.view.choices(kit.content.node(s.at), s.lang)


def show(kit: Kit, turn: Turn, key: str, entering: bool = False) -> None:
    """Move to a node and show it (and, on entering a flow, when its content was checked)."""
    s = turn.s
    if s.at != key:
        s.trail = (s.trail + [s.at])[-TRAIL_MAX:]
    s.at, s.pending, s.choices, s.pages = key, None, [], []
    node = kit.content.node(key)
    text = kit.view.node_text(node, s)
    note = kit.view.review_note(node.flow, s) if entering and node.flow != MENU else ""
    if note:
        text += "\n" + note
    if node.officer_id and s.lang != "en":  # what the English card says, in the user's language, before it
        says = kit.view.t("ui.officer_says", s.lang)
        text += f"\n\n{says}\n" + kit.view.fill(kit.view.t(node.officer_id, s.lang), s, node.flow)
    if node.input and ask_state(kit, turn, text):
        return
    # The contact's language (core/family.py) is picked from the languages, each named in itself.
    choices = language_choices(kit) if node.input == "language_pick" else kit.view.choices(node, s.lang)
    add(kit, turn, text, choices, whole=note)
    if node.officer_id and not node.input:
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
    add(kit, turn, f"{text}\n\n{question}", state_choices(kit, s))
    return True


def state_choices(kit: Kit, s: Session) -> tuple[Choice, ...]:
    """Yes, no (another state) and the main menu, for 'Are you in Texas?'."""
    return (
        Choice("1", kit.view.t("ui.state_yes", s.lang), "yes"),
        Choice("2", kit.view.t("ui.state_no", s.lang), "no"),
        Choice("0", kit.view.t("ui.menu_label", s.lang), "menu"),
    )


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
    s.pending, s.choices = "language", kit.languages()
    say(kit, turn, "ui.language_prompt", language_choices(kit))


def language_choices(kit: Kit) -> tuple[Choice, ...]:
    """Each supported language, named in itself."""
    codes = kit.languages()
    return tuple(Choice(str(i), kit.content.languages[c].name, f"language.{c}") for i, c in enumerate(codes, 1))


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
