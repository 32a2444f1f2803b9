"""Talking to a person (flows/person.yaml): the intake's questions, consent, and the relay to a volunteer.

Pure, like the rest of the engine. The service says through Inbound.desk whether volunteers exist (desk.org) and
whether the person has an open case whose messages go to a volunteer (desk.case, desk.relay). The engine asks the
questions and reports what happened in events, which the desk (bot/handoff) acts on. It never keeps an answer:
the words stay in the message the service still holds, and the desk seals them at once.

    intake_answer:<node>      the message answers that question ('<intake>_<field>', e.g. airport_where)
    intake_skip:<node>        SKIP
    handoff_consent:<node>    YES at the consent question ('<intake>_consent'): the desk opens a case
    handoff_declined:<node>   NO: nothing is sent
    handoff_message           the message goes to the volunteer (no reply: the volunteer answers)
    handoff_detach            MENU or LANGUAGE while talking: later messages go to the bot again
    handoff_attach            PERSON with a case open: back to the volunteer
    handoff_close             CLOSE while talking: the person ends the case (STOP would also opt them out)
    handoff_unavailable       no volunteers configured: the person is told so and stays where they were
"""

from __future__ import annotations

from bot.content.model import Node
from bot.core.kit import Kit, Turn
from bot.core.output import current_choices, go, say, show
from bot.core.parse import number
from bot.core.session import Reply, Session
from bot.nlu.textnorm import fold

DONE = "done"  # a step's verdict (as in turns.py)
PASS_THROUGH = ("stop", "delete", "start", "menu", "language")  # global words that still act while talking
DETACH = ("menu", "language")


def talk_node(kit: Kit) -> str | None:
    """The node where a person talks with a volunteer (input: relay), if the content has one."""
    for flow in kit.content.flows.values():
        for node in flow.nodes.values():
            if node.input == "relay":
                return node.key
    return None


def _flow(kit: Kit) -> str:
    """The flow of the talk node, whose messages ('<flow>.msg.*') this module says."""
    return (talk_node(kit) or "person.").split(".")[0]


def _message(kit: Kit, turn: Turn, name: str) -> None:
    """Say one of the flow's own messages, with the current options."""
    say(kit, turn, f"{_flow(kit)}.msg.{name}", current_choices(kit, turn), case=str(turn.msg.desk.case))


def _place(kit: Kit, turn: Turn) -> None:
    """Stand at the talk node, waiting for the person's next message (no reply)."""
    key = talk_node(kit)
    if key is not None:
        turn.s.at, turn.s.pending, turn.s.choices, turn.s.pages = key, "relay", [], []


# --- steps of a turn (turns.STEPS) ------------------------------------------------------------------------
def relay(kit: Kit, turn: Turn) -> str | None:
    """While the person talks with a volunteer, what they send goes there; a few global words still act."""
    desk, s = turn.msg.desk, turn.s
    if not desk.case:
        if s.pending != "relay":
            return None
        turn.events.append("handoff_ended")  # the volunteer, or the inactivity timer, closed it since
        say(kit, turn, f"{_flow(kit)}.msg.ended")
        show(kit, turn, kit.menu)
        return DONE
    if not (desk.relay or s.pending == "relay"):
        return None
    action = kit.words.action(turn.text) if turn.text.strip() else None
    if turn.msg.kind == "hello" or action in PASS_THROUGH:
        if turn.msg.kind == "hello" or action in DETACH:
            turn.events.append("handoff_detach")
        return None
    if action == "close":  # not STOP: that would opt the person out of every later message, crisis ones too
        turn.events.append("handoff_close")
        say(kit, turn, f"{_flow(kit)}.msg.closed_by_you", case=str(desk.case))
        show(kit, turn, kit.menu)
        return DONE
    _place(kit, turn)
    if action == "person":
        say(kit, turn, f"{_flow(kit)}.msg.connected", case=str(desk.case))
    elif turn.msg.kind == "media":
        say(kit, turn, f"{_flow(kit)}.msg.text_only")
    elif turn.text.strip():
        turn.events.append("handoff_message")
    if not desk.relay:
        turn.events.append("handoff_attach")
    return DONE


def intake(kit: Kit, turn: Turn) -> str | None:
    """An answer to an intake question, or YES / NO at the consent question, before any routing."""
    kind = turn.s.pending
    if kind not in ("answer", "consent"):
        return None
    node = kit.content.node(turn.s.at)
    if kind == "answer":
        turn.events.append(f"intake_answer:{node.name}")
        go(kit, turn, node.next or "back", node.flow)
        return DONE
    word, n = kit.words.action(turn.text), number(turn.text)
    if word == "yes" or n == 1:
        turn.events.append(f"handoff_consent:{node.name}")
        go(kit, turn, node.options[0].target, node.flow)
    elif word == "no" or n == 2:
        turn.events.append(f"handoff_declined:{node.name}")
        go(kit, turn, node.options[1].target, node.flow)
    else:
        show(kit, turn, node.key)  # the question again: nothing leaves without a clear YES
    return DONE


# --- global words (actions.HANDLERS) ----------------------------------------------------------------------
def talk(kit: Kit, turn: Turn) -> bool:
    """PERSON: start the questions, go back to an open conversation, or say that nobody can answer here."""
    desk, key = turn.msg.desk, talk_node(kit)
    if key is None or not desk.org:
        turn.events.append("handoff_unavailable")
        _message(kit, turn, "unavailable")
    elif desk.case:
        turn.events.append("handoff_attach")
        _place(kit, turn)
        say(kit, turn, f"{_flow(kit)}.msg.connected", case=str(desk.case))
    else:
        flow = kit.content.flows[key.split(".")[0]]
        show(kit, turn, f"{flow.id}.{flow.start}", entering=True)
    return False


def skip(kit: Kit, turn: Turn) -> bool:
    """SKIP: leave an intake question unanswered; anywhere else it means nothing."""
    if turn.s.pending != "answer":
        say(kit, turn, "ui.not_understood", current_choices(kit, turn))
        return False
    node = kit.content.node(turn.s.at)
    turn.events.append(f"intake_skip:{node.name}")
    go(kit, turn, node.next or "back", node.flow)
    return False


# --- after the turn (Engine.step) -------------------------------------------------------------------------
def finish(kit: Kit, turn: Turn, before: Session | None) -> None:
    """Without volunteers, entering the flow is undone and the person told, and options into it are not shown;
    with them, {org} is filled in."""
    desk = turn.msg.desk
    flow = _flow(kit)
    was = before.at.split(".")[0] if before else ""
    if not desk.org and flow in kit.content.flows and turn.s.at.split(".")[0] == flow and was != flow:
        restored = before.copy() if before else Session(at=kit.menu)
        restored.lang, restored.lang_picked, restored.pending = turn.s.lang, turn.s.lang_picked, None
        turn.s, turn.replies = restored, []
        turn.events.append("handoff_unavailable")
        _message(kit, turn, "unavailable")
    if desk.org:
        turn.replies = [_filled(r, desk.org) for r in turn.replies]
    elif flow in kit.content.flows:  # an option that leads to volunteers who do not exist is not shown
        turn.replies = [_without(r, flow) for r in turn.replies]


def _filled(reply: Reply, org: str) -> Reply:
    """The reply with the organisation's name in place of {org}."""
    if "{org}" not in reply.text:
        return reply
    return Reply(reply.text.replace("{org}", org), reply.options, reply.lang, reply.rtl, reply.kind)


def _without(reply: Reply, flow: str) -> Reply:
    """The reply without options into the flow (listed last by the content, so no other number changes)."""
    kept = tuple(o for o in reply.options if o.target.split(".")[0] != flow)
    return reply if len(kept) == len(reply.options) else Reply(reply.text, kept, reply.lang, reply.rtl, reply.kind)


def choice_of(kit: Kit, node: Node, text: str, lang: str) -> str | None:
    """The listed answer a message picks (its number, or its label in the person's language or English)."""
    n = number(text)
    if n is not None and 1 <= n <= len(node.answers):
        return node.answers[n - 1].target
    folded = fold(text)
    for answer in node.answers:
        if folded in (fold(kit.view.t(answer.label_id, lang)), fold(kit.view.t(answer.label_id, "en"))):
            return answer.target
    return None
