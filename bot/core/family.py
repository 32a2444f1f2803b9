"""Emergency contacts (flows/family_alert.yaml): the alert word, check-in timers, and the set-up questions.

Pure, like the rest of the engine. The service says through Inbound.family what it knows (how many contacts, a
check-in running, whether the message is the person's own alert word or a usable phone number), and acts on the
events this module adds; the engine never sees a contact's name or number, and keeps no answer in the session.

    family_alert              the alert word: the service sends it and says to how many contacts
    family_checkin:<seconds>  a check-in timer starts
    family_checkin_cancel     OK (or any message) stops the running timer
    family_field:<node>       the message answers that question (the service seals it at once)
    family_skip:<node>        SKIP at a question
    family_lang:<code>        the contact's language
    family_word               the message is the new alert word
    family_confirm:<node>     YES at add_confirm (save the contact) or erase (delete everything)
    family_decline:<node>     NO there
    family_at:<node>          the person arrived at a node the service adds to (the list, a test, ...)
    family_new                the person starts adding a contact (not changing one)
"""

from __future__ import annotations

from bot.core.kit import Kit, Turn
from bot.core.output import add, go, show
from bot.core.parse import duration, number
from bot.core.session import Reply, Session
from bot.nlu.textnorm import fold

FLOW = "family_alert"
DONE = "done"  # a step's verdict (as in turns.py)
MAX_CONTACTS = 3
QUIET = ("stop", "off", "cancel", "end", "no", "0")  # CHECKIN STOP and the like
# The flow's global words, as the flow pictures draw them (bot/pictures/diagrams.py): word -> (node, what it does).
WORDS = {
    "contacts": ("start", "opens it"),
    "checkin": ("checkin", "+ a time (2h) starts the timer; OK stops it"),
    "alert": ("", "from anywhere: each contact is texted"),
}
# Entering these nodes makes the service add what only it knows (the list, the read-back, a test's count, ...).
SERVICE_NODES = ("contacts", "test", "saved", "word", "add_confirm", "remove", "change", "erased")


def on(kit: Kit, turn: Turn) -> bool:
    """True when the content has the flow and the service runs it for this person."""
    return FLOW in kit.content.flows and turn.msg.family.on


def _msg(kit: Kit, turn: Turn, name: str, **values: str) -> None:
    """Add one of the flow's own messages in the person's language."""
    text = kit.view.t(f"{FLOW}.msg.{name}", turn.s.lang)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    add(kit, turn, text)


# --- steps of a turn (turns.STEPS) ------------------------------------------------------------------------
def alert(kit: Kit, turn: Turn) -> str | None:
    """The alert word, from any point of any conversation: the service sends it; the session stays where it is."""
    fam = turn.msg.family
    if not on(kit, turn) or not (fam.alert or kit.words.action(turn.text) == "alert"):
        return None
    if turn.s.pending == "alert_word":
        return None  # "ALERT" typed as the word they want is an answer, never an alert (it is the default anyway)
    turn.events.append("family_alert")
    if fam.contacts == 0:
        _msg(kit, turn, "no_contacts")
        show(kit, turn, f"{FLOW}.add_name", entering=not turn.s.at.startswith(FLOW + "."))
    return DONE


def checkin(kit: Kit, turn: Turn) -> str | None:
    """CHECKIN <time> starts a timer, CHECKIN STOP ends it; while one runs, OK (or any message) stops it."""
    fam = turn.msg.family
    if not on(kit, turn):
        return None
    rest = _after_checkin(kit, turn.text)
    if rest is not None:
        return _command(kit, turn, rest)
    if not fam.checkin or turn.s.pending == "duration":
        return None
    turn.events.append("family_checkin_cancel")
    word = kit.words.action(turn.text)
    if word not in ("delete", "stop"):  # those say themselves that everything is gone
        _msg(kit, turn, "checkin_stopped")
    # OK alone is the answer to the timer; anything else (a YES to a question included) is read as usual, after.
    return DONE if word == "yes" and not turn.s.pending else None


def _after_checkin(kit: Kit, text: str) -> str | None:
    """What follows the CHECKIN word ('' when alone), or None: the longest opening words that are a CHECKIN word
    count, so several-word words work with a time after them ('hẹn giờ an toàn 2 tiếng', 'مؤقت الأمان ساعتين')."""
    words = text.split()
    for n in range(min(len(words), 4), 0, -1):
        if kit.words.action(" ".join(words[:n])) == "checkin":
            return " ".join(words[n:])
    return None


def _command(kit: Kit, turn: Turn, rest: str) -> str:
    """CHECKIN alone asks how long; with a time it starts; with STOP it ends."""
    fam = turn.msg.family
    if fold(rest) in QUIET:
        if fam.checkin:
            turn.events.append("family_checkin_cancel")
        _msg(kit, turn, "checkin_stopped" if fam.checkin else "checkin_none")
    elif not rest:
        show(kit, turn, f"{FLOW}.checkin", entering=not turn.s.at.startswith(FLOW + "."))
    else:
        start_timer(kit, turn, rest)
    return DONE


def start_timer(kit: Kit, turn: Turn, text: str) -> bool:
    """A time like 2h or 30m starts the timer (True); anything else is asked again."""
    if turn.msg.family.contacts == 0:
        _msg(kit, turn, "checkin_no_contacts")
        show(kit, turn, f"{FLOW}.add_name")
        return True
    seconds = duration(text)
    if seconds is None:
        _msg(kit, turn, "checkin_bad")
        return False
    turn.events.append(f"family_checkin:{seconds}")
    _msg(kit, turn, "checkin_set", time=spoken(kit, turn.s.lang, seconds))
    turn.s.pending, turn.s.choices = None, []
    return True


def spoken(kit: Kit, lang: str, seconds: int) -> str:
    """'2 h' or '30 min' in the person's language."""
    if seconds % 3600 == 0:
        return kit.view.t(f"{FLOW}.msg.hours", lang).replace("{hours}", str(seconds // 3600))
    return kit.view.t(f"{FLOW}.msg.minutes", lang).replace("{minutes}", str(seconds // 60))


NEXT, AGAIN, MOVED = "next", "again", "moved"  # what an answer leads to: the next question, the same, elsewhere


def answer(kit: Kit, turn: Turn) -> str | None:
    """An answer to one of the flow's questions; global words other than SKIP, YES and NO still act."""
    kind = turn.s.pending
    if kind not in ANSWERS or not on(kit, turn):
        return None
    word = kit.words.action(turn.text)
    own = kind == "alert_word" and word in WORDS  # "ALERT" as the wanted word: refused there, never acted on
    if word not in (None, "skip", "yes", "no") and not own:
        return None
    node = kit.content.node(turn.s.at)
    verdict = ANSWERS[kind](kit, turn, word)
    if verdict == NEXT:
        go(kit, turn, node.next or "back", node.flow)
    elif verdict == AGAIN:
        show(kit, turn, node.key)  # asked again, after what was wrong
    return DONE


def _field(kit: Kit, turn: Turn, word: str | None) -> str:
    """A typed answer; for change and remove, the number of a contact in the list."""
    name = kit.content.node(turn.s.at).name
    if name in ("change", "remove"):
        n = number(turn.text)
        if n is None or not 1 <= n <= turn.msg.family.contacts:
            _msg(kit, turn, "no_such")
            return AGAIN
    elif word == "skip":
        turn.events.append(f"family_skip:{name}")
        return NEXT
    turn.events.append(f"family_field:{name}")
    return NEXT


def _phone(kit: Kit, turn: Turn, word: str | None) -> str:
    """A phone number the service found usable."""
    verdict = turn.msg.family.number
    if verdict == "ok":
        turn.events.append(f"family_field:{kit.content.node(turn.s.at).name}")
        return NEXT
    _msg(kit, turn, "own_number" if verdict == "blocked" else "bad_number")
    return AGAIN


def _language(kit: Kit, turn: Turn, word: str | None) -> str:
    """A language by its number in the list, or its name or code."""
    codes, n, folded = kit.languages(), number(turn.text), fold(turn.text)
    chosen = codes[n - 1] if n is not None and 1 <= n <= len(codes) else None
    for code in codes:
        if chosen is None and folded in (fold(code), fold(kit.content.languages[code].name)):
            chosen = code
    if chosen is None:
        return AGAIN
    turn.events.append(f"family_lang:{chosen}")
    return NEXT


def _confirm(kit: Kit, turn: Turn, word: str | None) -> str:
    """YES follows the first option, NO the second; anything else asks again."""
    node, n = kit.content.node(turn.s.at), number(turn.text)
    choice = 0 if word == "yes" or n == 1 else 1 if word == "no" or n == 2 else None
    if choice is None:
        return AGAIN
    turn.events.append(f"family_{'confirm' if choice == 0 else 'decline'}:{node.name}")
    go(kit, turn, node.options[choice].target, node.flow)
    return MOVED


def _duration(kit: Kit, turn: Turn, word: str | None) -> str:
    """The check-in question: a time starts the timer, and the person is back at the flow's first node."""
    if not start_timer(kit, turn, turn.text):
        return AGAIN
    if turn.s.at == f"{FLOW}.checkin":
        turn.s.at = f"{FLOW}.{kit.content.flows[FLOW].start}"
    return MOVED


def _word(kit: Kit, turn: Turn, word: str | None) -> str:
    """One word of 2-20 letters the bot does not already use; SKIP keeps the old one."""
    if word == "skip":
        return NEXT
    text = turn.text.strip()
    if word is None and 2 <= len(text) <= 20 and " " not in text and number(text) is None:
        turn.events.append("family_word")
        return NEXT
    _msg(kit, turn, "word_bad")
    return AGAIN


ANSWERS = {
    "field": _field,
    "phone": _phone,
    "language_pick": _language,
    "confirm": _confirm,
    "duration": _duration,
    "alert_word": _word,
}


# --- global words (actions.HANDLERS) ----------------------------------------------------------------------
def open_flow(kit: Kit, turn: Turn) -> bool:
    """CONTACTS: the flow's first node (finish() says so when the feature is off here)."""
    if FLOW in kit.content.flows:
        show(kit, turn, f"{FLOW}.{kit.content.flows[FLOW].start}", entering=True)
    return False


def unavailable(kit: Kit, turn: Turn) -> bool:
    """ALERT or CHECKIN where the feature is off: say so (steps above handle them when it is on)."""
    if FLOW in kit.content.flows:
        _msg(kit, turn, "unavailable")
    return False


# --- after the turn (Engine.step) -------------------------------------------------------------------------
def finish(kit: Kit, turn: Turn, before: Session | None) -> None:
    """Off: entering the flow is undone and its options hidden. On: a few arrivals are redirected (no name yet,
    three contacts already), and the service is told where the person arrived."""
    if FLOW not in kit.content.flows:
        return
    was = before.at if before else ""
    if not turn.msg.family.on:
        _off(kit, turn, before)
        return
    if turn.s.at == was or not turn.s.at.startswith(FLOW + "."):
        return
    name = turn.s.at.split(".", 1)[1]
    fam = turn.msg.family
    if name == "add_name" and fam.contacts >= MAX_CONTACTS and was != f"{FLOW}.change":
        _instead(kit, turn, "too_many", "contacts")
    elif name == "add_name" and not fam.named and was != f"{FLOW}.me_name":  # the name is being saved now
        _instead(kit, turn, "", "me_name")
    name = turn.s.at.split(".", 1)[1]
    if name in ("add_name", "me_name") and was not in (f"{FLOW}.change", f"{FLOW}.me_name", f"{FLOW}.add_name"):
        turn.events.append("family_new")  # a new contact: the service starts an empty draft
    if name in SERVICE_NODES:
        turn.events.append(f"family_at:{name}")


def _instead(kit: Kit, turn: Turn, message: str, node: str) -> None:
    """Replace the node just shown by another (after a message saying why)."""
    turn.replies.pop()
    if message:
        _msg(kit, turn, message)
    show(kit, turn, f"{FLOW}.{node}")


def _off(kit: Kit, turn: Turn, before: Session | None) -> None:
    """Where the feature is off, nobody enters the flow and no option leads there."""
    was = before.at.split(".")[0] if before else ""
    if turn.s.at.split(".")[0] == FLOW and was != FLOW:
        restored = before.copy() if before else Session(at=kit.menu)
        restored.lang, restored.lang_picked, restored.pending = turn.s.lang, turn.s.lang_picked, None
        turn.s, turn.replies = restored, []
        _msg(kit, turn, "unavailable")
    turn.replies = [_without(r) for r in turn.replies]


def _without(reply: Reply) -> Reply:
    """The reply without options into the flow, numbered again so the numbers still run 1, 2, 3."""
    kept = [o for o in reply.options if o.target.split(".")[0] != FLOW]
    if len(kept) == len(reply.options):
        return reply
    return Reply(reply.text, tuple(kept), reply.lang, reply.rtl, reply.kind)
