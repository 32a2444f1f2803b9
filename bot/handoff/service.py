"""The Service with a desk: each message of a person runs through the engine as before, told about volunteers and
their open case (Inbound.desk); afterwards the desk acts on the engine's hand-off events. A message from a
responder's number is a command for the desk and never reaches the engine. Built by runtime.build_service only
when responders are configured, so a deployment without them runs exactly the plain Service."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, fields, replace
from pathlib import Path

from bot.core.session import Inbound, Reply
from bot.family.alerts import FamilyDesk
from bot.family.config import FamilySettings
from bot.family.demo import FamilyDemo
from bot.family.records import FamilyStore
from bot.handoff import responders
from bot.handoff.airports import Airports
from bot.handoff.cases import CaseStore
from bot.handoff.config import HandoffSettings
from bot.handoff.crypto import Sealer, SealError
from bot.handoff.demo import DEFAULT_ORG as DEMO_ORG
from bot.handoff.demo import DemoBoard, demo_key
from bot.handoff.desk import Desk
from bot.handoff.telegram_group import ResponderGroup
from bot.outbound.outbox import Outbox
from bot.outbound.queue import Outbound, make_huey, start_consumer
from bot.outbound.senders import Channels, TelegramSender, TwilioSender
from bot.service.handler import Outcome, Service
from bot.service.privacy import message_key
from bot.store.base import StoreError
from bot.text.pages import DEFAULT_FOLD

logger = logging.getLogger(__name__)
SEEN_KEEP = 86400.0  # a responder's MessageSid is remembered this long (Twilio retries within minutes)


@dataclass
class DeskService(Service):
    """A Service whose people can talk to the organisation's volunteers."""

    desk: Desk | None = None  # talking to a person (None: no responders configured)
    responder_group: ResponderGroup | None = None  # the Telegram adapter registers its handlers first
    family: FamilyDesk | None = None  # emergency contacts (bot/family; None: off)
    outbound: Outbound | None = None  # the queue both use

    def handle(self, channel: str, raw_id: str, msg: Inbound, delivery_id: str | None = None) -> Outcome:
        """A responder's command, or a person's message with their case and emergency contacts in view."""
        desk, family = self.desk, self.family
        if desk is None and family is None:
            return super().handle(channel, raw_id, msg, delivery_id)
        if desk is not None and channel == "sms" and any(r.number == raw_id for r in desk.settings.sms):
            return self._responder(raw_id, msg, delivery_id)
        key = self.key(channel, raw_id)  # the demo's own namespace too
        msg = self._context(key, channel, msg)
        outcome = super().handle(channel, raw_id, msg, delivery_id)
        if family is not None and msg.family.on:
            try:
                outcome = family.after(channel, raw_id, key, msg, outcome)
            except (StoreError, SealError) as exc:
                self.log.error("family failed events=%s: %s", ",".join(outcome.events), type(exc).__name__)
        if desk is None:
            return outcome
        try:
            return desk.after(channel, raw_id, key, msg, outcome)
        except (StoreError, SealError) as exc:
            events = ",".join(outcome.events)
            self.log.error("desk failed events=%s: %s", events, type(exc).__name__)
            return replace(outcome, replies=outcome.replies + (self._not_sent(outcome),))

    def _context(self, key: str, channel: str, msg: Inbound) -> Inbound:
        """The message with what the desk and the emergency contacts tell the engine (nothing when unavailable)."""
        if self.desk is not None:
            try:
                msg = replace(msg, desk=self.desk.context(key, channel, msg.now))
            except (StoreError, SealError) as exc:
                self.log.warning("desk unavailable: %s", type(exc).__name__)  # no user tag: logs outlive DELETE
        if self.family is not None:
            try:
                msg = replace(msg, family=self.family.context(key, channel, msg.text, msg.now))
            except (StoreError, SealError) as exc:
                self.log.warning("family unavailable: %s", type(exc).__name__)
        return msg

    def _responder(self, number: str, msg: Inbound, delivery_id: str | None) -> Outcome:
        """CLAIM / CLOSE / '#123 text' from a responder's phone, answered in the same request."""
        assert self.desk is not None
        if delivery_id:
            seen = f"case:seen:{message_key(self.secret, 'sms', delivery_id)}"
            first = self.store.transact(seen, lambda r: ({"s": 1}, r is None), SEEN_KEEP, msg.now)
            if not first:
                return Outcome((), ("duplicate",), True)
        try:
            text = responders.sms_command(self.desk, number, msg.text, msg.now)
        except (StoreError, SealError) as exc:
            self.log.warning("responder command failed: %s", type(exc).__name__)
            text = "Sorry, that did not work: please send it again in a minute."
        return Outcome((Reply(text),) if text else (), ("responder",))

    def _not_sent(self, outcome: Outcome) -> Reply:
        """'That could not be passed on; call ...' in the person's language."""
        assert self.desk is not None
        lang = outcome.session.lang if outcome.session else "en"
        text = self.engine.view.t(f"{self.desk.flow}.msg.not_sent", lang).replace("{hotlines}", self.desk.hotlines(""))
        return Reply(text, (), lang, self.engine.view.rtl(lang))


def with_desk(
    service: Service,
    settings: HandoffSettings,
    store_url: str,
    content: Path,
    family: FamilySettings | None = None,
    family_channels: frozenset[str] = frozenset(),
    fold: frozenset[str] = DEFAULT_FOLD,
) -> DeskService:
    """The service with its desk (when responders are configured) and its emergency contacts (on
    `family_channels`): data sealed under KYR_CASE_KEY (ValueError, one line, when the key is wrong), the
    outbound queue, and the responders' Telegram group."""
    demo_only = settings.demo and settings.telegram_chat is None and not settings.sms
    if demo_only or not settings.case_keys:  # the trainers' demo alone: its key from KYR_SECRET, a fake name
        settings = replace(settings, case_keys=settings.case_keys or (demo_key(service.secret),))
        settings = replace(settings, org=settings.org or DEMO_ORG)
    sealer = Sealer(settings.case_keys)
    cases = CaseStore(service.store, sealer, settings.retention, settings.idle)
    cases.check_key(time.time())
    s = settings
    twilio = TwilioSender(s.twilio_sid, s.twilio_token, s.twilio_base_url) if s.twilio_sid else None
    telegram = TelegramSender(s.telegram_token, s.telegram_base_url) if s.telegram_token else None
    channels = Channels(twilio, telegram, s.sms_from, s.whatsapp_from)
    desks: list[Desk] = []  # the queue's callbacks reach the desk made just below
    outbound = Outbound(
        make_huey(settings.queue, store_url),
        Outbox(service.store, sealer, service.secret),
        channels.deliver,
        lambda message, result: desks[0].sent(message, result) if desks else None,
        lambda message, reason: desks[0].failed(message, reason) if desks else None,
        per_second=settings.sms_per_second,
        senders=channels.numbers,
        fold=fold,
    )
    desk, group = None, None
    if settings.on:
        board = DemoBoard(cases, sealer) if settings.demo else None
        airports = Airports.load(content / "flows" / "airports.yaml")
        desk = Desk(settings, service.engine, cases, outbound, airports, board)
        desks.append(desk)
        group = ResponderGroup(desk) if settings.telegram_chat is not None else None
    family_desk = None
    if family is not None and family_channels:
        records = FamilyStore(service.store, sealer, service.secret, family.retention)
        blocked = frozenset({s.sms_from, *(r.number for r in s.sms)} - {""})
        family_desk = FamilyDesk(family, service.engine, records, outbound, blocked, family_channels)
        family_desk.board = FamilyDemo(service.store, sealer) if "web" in family_channels else None
    base = {f.name: getattr(service, f.name) for f in fields(service) if f.init}
    return DeskService(**base, desk=desk, responder_group=group, family=family_desk, outbound=outbound)


def start_queue(service: Service) -> bool:
    """Run the outbound queue's consumer in this process (python3 webhook.py): True when there is a queue. Under
    gunicorn, run `huey_consumer bot.outbound.worker.huey -k thread -w 2` beside it instead."""
    outbound = getattr(service, "outbound", None)
    if outbound is None:
        return False
    start_consumer(outbound.huey)
    logger.info("outbound queue: consumer running in this process")
    return True
