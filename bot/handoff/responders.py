"""The volunteers' side: claim a case, write to the person, close it; from the Telegram group or by SMS.

Every responder in the configured group (or on the optional allow-list) may claim an open case; once claimed,
only the claimer writes to the person or closes it. What a volunteer writes reaches the person marked as coming
from a volunteer of the organisation. Refusals are logged with the case number and the reason, never who or what.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.handoff import cards
from bot.handoff.cases import CLAIMED, CLOSED, OPEN, Case, Claimer
from bot.handoff.desk import Desk

logger = logging.getLogger(__name__)

COMMAND = re.compile(r"^\s*(claim|close)\s*#?\s*(\d+)\s*$", re.IGNORECASE)
WRITE = re.compile(r"^\s*#\s*(\d+)\s*[:\s]\s*(.+)$", re.DOTALL)


@dataclass(frozen=True)
class Answer:
    """What the responder is told back (a callback toast, a reply in the group, an SMS); ok: it was done."""

    text: str
    ok: bool = True


def claim(desk: Desk, number: int, who: Claimer, now: float) -> Answer:
    """Take an open case: the card shows who has it, the person is told a volunteer is on it."""
    taken: list[Case] = []

    def take(case: Case) -> None:
        if case.status == OPEN:
            case.status, case.private.claimer, case.updated = CLAIMED, who, now
            taken.append(case)

    case = desk.cases.update(number, take, now)
    if case is None:
        return _refused(number, "unknown", f"There is no case #{number}.")
    if not taken:
        holder = case.private.claimer
        if case.status == CLAIMED and holder and (holder.via, holder.id) == (who.via, who.id):
            return Answer(f"You already have case #{number}.")
        reason = f"Case #{number} is closed." if case.status == CLOSED else _claimed_by(case)
        return _refused(number, "taken", reason)
    desk.outbound.cancel("claim", number)
    desk.edit_card(case)
    desk.to_person(case, desk.say(case, "claimed"))
    desk.demo_note(case, "note", f"Claimed by {who.name}.", now)
    if who.via == "sms":
        note = f"#{number} claimed by {who.name} (SMS)."
        if desk.settings.telegram_chat is not None:
            desk.to_group(number, note, case.private.card)
        for other in set(case.private.sms_to) - {who.id}:
            desk.to_responder(other, note, number)
    logger.info("case claimed case=%s via=%s", number, who.via)
    return Answer(f"You have case #{number}. " + _how_to_write(number, who))


def write(desk: Desk, number: int, who: Claimer, text: str, now: float) -> Answer:
    """The claimer's message to the person; anyone else is refused."""
    case = desk.cases.get(number, now)
    if case is None or case.status == CLOSED:
        return _refused(number, "closed", f"Case #{number} is closed: nothing was sent.")
    holder = case.private.claimer
    if holder is None:
        return _refused(number, "unclaimed", f"Claim case #{number} first: nothing was sent.")
    if (holder.via, holder.id) != (who.via, who.id):
        return _refused(number, "not claimer", _claimed_by(case) + " Nothing was sent.")
    if not text.strip():
        return Answer("Nothing to send.", ok=False)
    if desk.to_person(case, desk.say(case, "volunteer", text=text.strip())) is None:
        return Answer(f"#{number}: not sent: WhatsApp's 24-hour window has closed; the person must write first.", False)
    desk.cases.update(number, lambda c: _wrote(c, now), now)
    desk.demo_note(case, "volunteer", text.strip(), now)
    logger.info("volunteer wrote case=%s via=%s", number, who.via)
    return Answer("")


def close(desk: Desk, number: int, who: Claimer, now: float) -> Answer:
    """Close a case: its claimer, or anyone while nobody has claimed it."""
    case = desk.cases.get(number, now)
    if case is None:
        return _refused(number, "unknown", f"There is no case #{number}.")
    holder = case.private.claimer
    if case.status == CLOSED:
        return Answer(f"Case #{number} is already closed.")
    if holder is not None and (holder.via, holder.id) != (who.via, who.id):
        return _refused(number, "not claimer", _claimed_by(case) + " Only they can close it.")
    desk.close(number, f"by {who.name}", now)
    return Answer(f"Case #{number} is closed; the person was told.")


def sms_command(desk: Desk, number: str, text: str, now: float) -> str:
    """A responder's SMS: CLAIM 123, CLOSE 123, or '#123 text'; anything else gets the commands."""
    who = Claimer("sms", number, f"volunteer ...{number[-4:]}")
    if m := COMMAND.match(text):
        act = claim if m.group(1).lower() == "claim" else close
        return act(desk, int(m.group(2)), who, now).text
    if m := WRITE.match(text):
        answer = write(desk, int(m.group(1)), who, m.group(2), now)
        return answer.text
    return cards.SMS_HELP


def _how_to_write(number: int, who: Claimer) -> str:
    """How this responder writes to the person."""
    if who.via == "sms":
        return f"Write to the person with #{number} and your text. CLOSE {number} when done."
    if who.via == "demo":
        return "Write to the person in the box under the case; press Close when done."
    return "Reply to the card to write to the person; press Close when done."


def _claimed_by(case: Case) -> str:
    """Who has the case, as other volunteers see it."""
    holder = case.private.claimer
    return f"Case #{case.number} is claimed by {holder.name if holder else 'another volunteer'}."


def _wrote(case: Case, now: float) -> None:
    """A volunteer wrote: the case is active, and the person's next message goes back to the volunteer."""
    case.updated, case.relay = now, True


def _refused(number: int, reason: str, text: str) -> Answer:
    """A refusal, logged without who or what."""
    logger.info("responder refused case=%s reason=%s", number, reason)
    return Answer(text, ok=False)
