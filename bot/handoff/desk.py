"""The desk: acts on the engine's hand-off events for a person, and keeps the volunteers' side in step.

The person's side runs inside DeskService.handle (context() before the engine, after() once it answered); the
volunteers' side in bot/handoff/responders.py (claim, close, write), the timers here (claim, idle). Everything
sent later than the reply to a request goes through the outbound queue; the logs name case numbers and events,
never a number, an id or a word anyone wrote.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from bot.core.engine import Engine
from bot.core.person import talk_node
from bot.core.session import Desk as DeskInfo
from bot.core.session import Inbound, Reply
from bot.handoff import cards, intake
from bot.handoff.airports import Airports
from bot.handoff.cases import CLAIMED, CLOSED, INTAKE, OPEN, Case, CaseStore
from bot.handoff.config import HandoffSettings
from bot.handoff.demo import DemoBoard
from bot.outbound.outbox import Message
from bot.outbound.queue import Outbound
from bot.service.handler import Outcome
from bot.text.render import body_text

logger = logging.getLogger(__name__)
WHATSAPP_WINDOW = 24 * 3600.0  # WhatsApp takes free-form messages only this long after the person's last one
KEEP_PENDING = 50  # outbox ids remembered per case, to drop on erasure


@dataclass
class Desk:
    """Cases, the queue and the content, for one deployment's volunteers."""

    settings: HandoffSettings
    engine: Engine
    cases: CaseStore
    outbound: Outbound
    airports: Airports
    board: DemoBoard | None = None  # the web demo's fake responders (KYR_DEMO_RESPONDERS=1)
    clock: Callable[[], float] = time.time
    flow: str = field(init=False)

    def __post_init__(self) -> None:
        self.flow = (talk_node(self.engine) or "person.").split(".")[0]
        self.outbound.timers.update(claim=self.claim_timeout, idle=self.idle_check)

    # --- the person's side -----------------------------------------------------------------------------
    def context(self, user: str, channel: str, now: float) -> DeskInfo:
        """What the engine is told: who answers, and the person's open case. Web demo conversations reach only
        the demo's fake responders; every other channel only the real ones."""
        real = self.settings.telegram_chat is not None or bool(self.settings.sms)
        if (channel == "web" and self.board is None) or (channel != "web" and not real):
            return DeskInfo()
        case = self.cases.current(user, now)
        live = case if case is not None and case.live else None
        return DeskInfo(self.settings.org, live.number if live else 0, bool(live and live.relay))

    def after(self, channel: str, address: str, user: str, msg: Inbound, outcome: Outcome) -> Outcome:
        """Act on the turn's hand-off events; the replies, with what the desk adds."""
        if outcome.duplicate or "opted_out" in outcome.events:
            return outcome
        lang = outcome.session.lang if outcome.session else (outcome.replies[0].lang if outcome.replies else "en")
        added: list[Reply] = []
        for event in outcome.events:
            added += self._event(event, channel, address, user, msg, lang, outcome)
        if msg.desk.case and outcome.session is not None:
            self.cases.update(msg.desk.case, lambda c: _touch(c, msg.now), msg.now)
        return replace(outcome, replies=outcome.replies + tuple(added)) if added else outcome

    def _event(self, event: str, channel: str, address: str, user: str, msg: Inbound, lang: str, out: Outcome) -> list:
        """One event's work; replies to add."""
        split = intake.split_event(event)
        now = msg.now
        if split and split[0] in ("intake_answer", "intake_skip"):
            self._record(user, split[1], split[2], msg.text if split[0] == "intake_answer" else None, lang, now)
        elif split and split[0] == "handoff_consent":
            return self.open_case(user, split[1], channel, address, lang, out, now)
        elif split and split[0] == "handoff_declined":
            case = self.cases.current(user, now)
            if case is not None and case.status == INTAKE:
                self.cases.erase(case)
        elif event == "handoff_message" and msg.desk.case:
            self.relay_from_person(msg.desk.case, msg.text, now)
        elif event in ("handoff_attach", "handoff_detach") and msg.desk.case:
            self.cases.update(msg.desk.case, lambda c: setattr(c, "relay", event == "handoff_attach"), now)
        elif event == "delete":
            self.erase_person(user, now)
        elif event == "stop":
            self._stopped(user, msg.desk.case, now)
        elif event == "handoff_close" and msg.desk.case:
            self.close(msg.desk.case, "the person closed it", now, tell=False)
        return []

    def _stopped(self, user: str, number: int, now: float) -> None:
        """STOP or END: an open case closes (nothing more reaches the person), an unfinished intake is erased."""
        if number:
            self.close(number, "the person sent STOP or END (no more messages reach them)", now, tell=False)
        case = self.cases.current(user, now)
        if case is not None and case.status == INTAKE:
            self.cases.erase(case)

    def _record(self, user: str, kind: str, field_: str, text: str | None, lang: str, now: float) -> None:
        """Seal one answer (None: skipped) in the person's intake, starting it if needed."""
        case = self.cases.current(user, now)
        if case is None or case.status != INTAKE or case.kind != kind:
            case = self.cases.start(user, kind, now)
        node = intake.question(self.engine, self.flow, kind, field_)
        value = intake.answer(self.engine, node, text, lang) if node and text else [intake.SKIPPED, ""]
        self.cases.update(case.number, lambda c: c.private.answers.__setitem__(field_, value), now)

    def open_case(self, user: str, kind: str, channel: str, address: str, lang: str, out: Outcome, now: float) -> list:
        """YES: the case opens, the cards go out, the timers start; the person gets the number and what to expect."""
        case = self.cases.current(user, now)
        if case is None or case.status != INTAKE or case.kind != kind:
            case = self.cases.start(user, kind, now)
        state = out.session.state if out.session else None

        def opened(c: Case) -> None:
            c.status, c.relay, c.updated = OPEN, True, now
            c.private.channel, c.private.address, c.private.lang, c.private.last_in = channel, address, lang, now
            c.private.state = intake.state_of(self.engine, c, self.airports, state)

        case = self.cases.update(case.number, opened, now) or case
        self.post_card(case, now)
        self.outbound.at("claim", case.number, self.settings.claim_minutes * 60)
        self.outbound.at("idle", case.number, self.settings.idle, tag=str(int(now)))
        logger.info("case opened case=%s kind=%s channel=%s", case.number, kind, channel)
        minutes = str(self.settings.response_minutes)
        replies = [self.say(case, "case_opened", minutes=minutes, hotlines=self.hotlines(case.private.state))]
        hours = self.settings.hours
        if hours is not None and not hours.open_at(now):
            replies.append(self.say(case, "slow", hours=hours.text))
        return replies

    def relay_from_person(self, number: int, text: str, now: float) -> None:
        """The person's message to whoever has the case: the claimer, the group's thread, or the SMS responders."""
        case = self.cases.get(number, now)
        if case is None or not case.live:
            return
        claimer = case.private.claimer
        if self.demo_note(case, "person", text, now):
            return
        if claimer is not None and claimer.via == "sms":
            self.to_responder(claimer.id, f"#{number}: {text}", number)
        elif self.settings.telegram_chat is not None:
            self.to_group(number, f"#{number} person: {text}", case.private.card)
        else:
            for responder in case.private.sms_to:
                self.to_responder(responder, f"#{number}: {text}", number)

    def erase_person(self, user: str, now: float) -> None:
        """DELETE: every case of the person goes at once; the volunteers are told, the group's messages deleted."""
        for case in self.cases.erase_user(user, now):
            self.outbound.cancel("claim", case.number)
            for key in case.private.pending:
                self.outbound.outbox.drop(key)
            if case.status == INTAKE or case.private.channel == "web":
                continue
            note = f"Case #{case.number} was erased at the person's request."
            chat = self.settings.telegram_chat
            if chat is not None:
                for message_id in case.private.tg:
                    self.outbound.send(Message("telegram", str(chat), op="delete", message_id=message_id, role="erase"))
                self.outbound.send(Message("telegram", str(chat), note, role="note"))
            for responder in case.private.sms_to:
                self.to_responder(responder, note + " Please delete its messages from your phone.", 0)
            logger.info("case erased case=%s at the person's request", case.number)

    # --- saying things -------------------------------------------------------------------------------
    def say(self, case: Case, name: str, **values: str) -> Reply:
        """One of the flow's messages in the person's language, filled in."""
        lang = case.private.lang
        text = self.engine.view.t(f"{self.flow}.msg.{name}", lang)
        values = {"case": str(case.number), "org": self.settings.org, **values}
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return Reply(text, (), lang, self.engine.view.rtl(lang))

    def to_person(self, case: Case, reply: Reply) -> str | None:
        """Queue a message to the person in their channel; None when it cannot go (WhatsApp's window)."""
        channel, now = case.private.channel, self.clock()
        if channel == "whatsapp" and now - case.private.last_in > WHATSAPP_WINDOW:
            return None
        if channel == "web":  # the trainers' demo: the page fetches it
            if self.board is not None:
                self.board.deliver(case, reply.text, reply.lang, reply.rtl, now)
            return "web"
        text = body_text(reply)  # the queue folds an SMS as the replies are folded
        key = self.outbound.send(
            Message(channel, case.private.address, text, case=case.number, role="person", lang=reply.lang)
        )
        self.cases.update(case.number, lambda c: _remember(c, key), now)
        return key

    def to_responder(self, number: str, text: str, case: int) -> None:
        """An SMS to a volunteer."""
        self.outbound.send(Message("sms", number, text, case=case, role="responder"))

    def to_group(self, number: int, text: str, reply_to: int = 0, buttons: list[list[str]] | None = None) -> None:
        """A message in the responders' Telegram group, in the case's thread (its id is remembered)."""
        chat = self.settings.telegram_chat
        if chat is not None:
            role = "card" if buttons is not None else "thread"
            message = Message("telegram", str(chat), text, reply_to=reply_to, buttons=buttons or [], case=number)
            self.outbound.send(replace(message, role=role))

    def card_text(self, case: Case, mark: str = "") -> str:
        """The case card as it stands (English)."""
        title = intake.kind_title(self.engine, self.flow, case.kind)
        lines = intake.card_lines(self.engine, self.flow, case, self.airports)
        language = self.engine.content.languages[case.private.lang].name if case.private.lang else ""
        zone = self.settings.hours.zone if self.settings.hours else None
        return cards.card(case, title, lines, language, zone, mark)

    def post_card(self, case: Case, now: float, mark: str = "") -> None:
        """The card to the group (with Claim and Close) and to the SMS responders who speak the language."""
        if case.private.channel == "web":  # the demo's panel lists it
            if self.board is not None and not mark:
                self.board.opened(case, now)
            return
        text = self.card_text(case, mark)
        if self.settings.telegram_chat is not None:
            self.to_group(case.number, cards.telegram_card(text), 0, cards.buttons(case.number, False, False))
        everyone = [r.number for r in self.settings.sms]
        speakers = [r.number for r in self.settings.sms if r.speaks(case.private.lang)]
        chosen = everyone if mark or not speakers else speakers  # a re-sent card goes to every responder
        for number in chosen:
            self.to_responder(number, cards.sms_card(text, case.number), case.number)
        if chosen and not mark:
            self.cases.update(case.number, lambda c: setattr(c.private, "sms_to", chosen), now)

    def edit_card(self, case: Case) -> None:
        """Show on the Telegram card who claimed it, or that it is closed."""
        chat, card = self.settings.telegram_chat, case.private.card
        if chat is None or not card:
            return
        claimer = case.private.claimer.name if case.private.claimer else ""
        closed = "closed" if case.status == CLOSED else ""
        text = cards.telegram_card(self.card_text(case), claimer, closed)
        buttons = cards.buttons(case.number, case.status == CLAIMED, case.status == CLOSED)
        self.outbound.send(Message("telegram", str(chat), text, op="edit", message_id=card, buttons=buttons))

    def demo_note(self, case: Case, who: str, text: str, now: float) -> bool:
        """A line in a web demo case's thread (True: it is one, and nothing goes anywhere else)."""
        if case.private.channel != "web":
            return False
        if self.board is not None:
            self.board.thread(case.number, who, text, now)
        return True

    def hotlines(self, state: str) -> str:
        """The hotlines for the person's state first, then the national ones: 'Name 1-844-...; ...'."""
        lines = [h for h in self.engine.content.hotlines.values() if h.help_line]
        local = [h for h in lines if state and state in h.states]
        national = [h for h in lines if not h.states]
        return "; ".join(f"{h.name} {h.number}" for h in local + national)

    # --- closing and the timers ------------------------------------------------------------------------
    def close(self, number: int, why: str, now: float, tell: bool = True, message: str = "closed") -> Case | None:
        """Close a case: the person told (unless they ended it), the card marked, the volunteers told why."""
        before = self.cases.get(number, now)
        if before is None or before.status == CLOSED:
            return before
        case = self.cases.close(number, now)
        if case is None:
            return None
        self.outbound.cancel("claim", number)
        if tell:
            self.to_person(case, self.say(case, message))
        self.edit_card(case)
        note = f"Case #{number} closed: {why}."
        if self.demo_note(case, "note", note, now):
            return case
        if self.settings.telegram_chat is not None:
            self.to_group(number, note, case.private.card)
        claimer = case.private.claimer
        for responder in {claimer.id} if claimer and claimer.via == "sms" else set(case.private.sms_to):
            self.to_responder(responder, note, number)
        logger.info("case closed case=%s", number)
        return case

    def claim_timeout(self, number: int) -> None:
        """Nobody claimed it in time: the card again, marked, and the person given the hotlines."""
        now = self.clock()
        case = self.cases.get(number, now)
        if case is None or case.status != OPEN or case.escalated:
            return
        case = self.cases.update(number, lambda c: setattr(c, "escalated", True), now) or case
        minutes = f"{self.settings.claim_minutes:g}"
        self.post_card(case, now, mark=cards.UNCLAIMED.format(minutes=minutes))
        self.to_person(case, self.say(case, "escalated", hotlines=self.hotlines(case.private.state)))
        logger.info("case escalated case=%s", number)

    def idle_check(self, number: int) -> None:
        """Close a case quiet for `idle` seconds (both sides told); else look again when it could be."""
        now = self.clock()
        case = self.cases.get(number, now)
        if case is None or case.status == CLOSED:
            return
        due = case.updated + self.settings.idle
        if now < due:
            self.outbound.at("idle", number, due - now, tag=str(int(due)))
            return
        self.close(number, "no message either way for a day", now, message="closed_idle")

    # --- the queue's callbacks -----------------------------------------------------------------------
    def sent(self, message: Message, result: Any) -> None:
        """Remember group messages (replies to them reach the case); one sent after an erasure is deleted."""
        if message.role not in ("card", "thread") or not message.case:
            return
        now, message_id = self.clock(), int(result)
        case = self.cases.update(message.case, lambda c: _track(c, message_id, message.role == "card"), now)
        if case is None:
            self.outbound.send(Message("telegram", message.to, op="delete", message_id=message_id, role="erase"))
            return
        self.cases.index_message(message_id, message.case, now)

    def failed(self, message: Message, reason: str) -> None:
        """A message to the person that could not go: the volunteers are told why."""
        if message.role != "person" or not message.case:
            return
        why = _why(reason)
        case = self.cases.get(message.case, self.clock())
        if case is None:
            return
        claimer = case.private.claimer
        note = f"#{case.number}: could not deliver your message to the person ({why})."
        if claimer is not None and claimer.via == "sms":
            self.to_responder(claimer.id, note, case.number)
        elif self.settings.telegram_chat is not None:
            self.to_group(case.number, note, case.private.card)


def _touch(case: Case, now: float) -> None:
    """The person wrote: the case is active, and WhatsApp's window restarts."""
    case.updated = case.private.last_in = now


def _remember(case: Case, key: str) -> None:
    """An outbox id to drop if the person asks for their data to be deleted before it goes."""
    case.private.pending = [*case.private.pending, key][-KEEP_PENDING:]


def _track(case: Case, message_id: int, is_card: bool) -> None:
    """A group message of this case (the newest card is the one edited)."""
    case.private.tg = [*case.private.tg, message_id]
    if is_card:
        case.private.card = message_id


def _why(reason: str) -> str:
    """A provider's refusal in words a volunteer can act on."""
    if "63016" in reason:
        return "WhatsApp's 24-hour window has closed: the person must write first"
    if "21610" in reason:
        return "the person opted out with STOP"
    if "Forbidden" in reason:
        return "the person blocked the bot"
    return f"delivery failed: {reason}"
