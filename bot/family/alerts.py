"""FamilyDesk: the service side of emergency contacts. Before a turn it tells the engine what it needs (counts and
flags, Inbound.family); after it, it acts on the engine's family_* events: seals answers, saves contacts, sends
tests and alerts through the outbound queue, and runs the check-in timers there (they survive restarts).

Logs name events and counts, never a number, a name or a message.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.core.engine import Engine
from bot.core.session import Family, Inbound, Reply
from bot.family import setup, texts
from bot.family.config import REMIND_BEFORE, FamilySettings
from bot.family.demo import FamilyDemo
from bot.family.numbers import normalise
from bot.family.records import Contact, FamilyStore, Record
from bot.outbound.outbox import Message
from bot.outbound.queue import Outbound
from bot.service.handler import Outcome

logger = logging.getLogger(__name__)
ASK_SECONDS = 600.0  # "Reply OK within 10 minutes"
AGAIN_WITHIN = 60.0  # two alert words within a minute send once
PER_DAY = 3  # alerts, and tests, a day per person
KEEP_OUTBOX = 20


@dataclass
class FamilyDesk:
    """Emergency contacts for one deployment: sealed records, the queue, and the content."""

    settings: FamilySettings
    engine: Engine
    records: FamilyStore
    outbound: Outbound
    blocked: frozenset[str] = frozenset()  # the bot's own numbers and the responders': never a contact
    channels: frozenset[str] = frozenset({"sms", "whatsapp", "telegram"})
    board: FamilyDemo | None = None  # the web demo: what its contacts get waits here for the page, never sent
    clock: Callable[[], float] = time.time

    def __post_init__(self) -> None:
        self.outbound.timers.update(fam_checkin=self.checkin_due, fam_final=self.checkin_final, fam_remind=self.remind)

    # --- before and after a turn ------------------------------------------------------------------------
    def context(self, user: str, channel: str, text: str, now: float) -> Family:
        """What the engine is told: counts and flags only."""
        if channel not in self.channels:
            return Family()
        number = normalise(text) if len(text) <= 40 else None
        verdict = "blocked" if self._blocked(text) else "" if number is None else "ok"
        record = self.records.get(user, now)
        if record is None:
            return Family(on=True, number=verdict)
        p = record.private
        alert = bool(p.word) and text.strip().casefold() == p.word.casefold()
        return Family(True, len(p.contacts), bool(p.name), alert, record.checkin, verdict)

    def _blocked(self, text: str) -> bool:
        """The bot's own number or a responder's, however it is written (test numbers like +1555... included,
        which phonenumbers rightly finds invalid)."""
        digits = "".join(c for c in text if c.isdigit())
        return len(digits) >= 10 and len(text) <= 40 and any(b.endswith(digits[-10:]) for b in self.blocked)

    def after(self, channel: str, address: str, user: str, msg: Inbound, outcome: Outcome) -> Outcome:
        """Act on the turn's family events; the replies with what only the service knows added."""
        events = outcome.events
        if outcome.duplicate or "opted_out" in events or not msg.family.on:
            return outcome
        if "delete" in events:
            self.erase(user, msg.now)
            return outcome
        lang = outcome.session.lang if outcome.session else "en"
        before: list[Reply] = []
        after: list[Reply] = []
        for event in events:
            name, _, arg = event.partition(":")
            if name == "family_alert":
                after += self.alert(user, channel, msg.now)
            elif name == "family_checkin":
                self.start_checkin(user, channel, address, lang, float(arg), msg.now)
            elif name == "family_checkin_cancel":
                self.stop_checkin(user, msg.now)
            elif name == "family_at":
                before += self._arrived(user, channel, address, lang, arg, msg.now)
            elif name.startswith("family_"):
                before += self._answer(user, channel, address, lang, name, arg, msg.text, msg.now)
        if "stop" in events:
            self.stop_checkin(user, msg.now)  # nothing more may reach them, the question included
        elif self.records.get(user, msg.now) is not None:
            self.records.update(user, lambda r: _touch(r, msg.now), msg.now)
        if not (before or after):
            return outcome
        replies = list(outcome.replies)
        return replace(outcome, replies=tuple(replies[:-1] + before + replies[-1:] + after))

    def _answer(self, user: str, channel: str, address: str, lang: str, name: str, node: str, text: str, now: float):
        """One answer of the set-up, sealed at once; replies to show before the next question."""
        if name == "family_confirm" and node == "erase":
            self.erase(user, now)
            return []
        said: list[tuple[str, str]] = []

        def change(r: Record) -> None:
            said[:] = setup.apply(r, name, node, text, lang, (channel, address))  # again on a conflict: replaced

        record = self.records.update(user, change, now)
        if ("saved", "") in said:
            self.outbound.at("fam_remind", record.id, self.settings.retention - REMIND_BEFORE, tag=str(int(now)))
            logger.info("family contact saved id=%s contacts=%d", record.id, len(record.private.contacts))
        return [texts.reply(self.engine, lang, msg, name=who) for msg, who in said if msg != "saved"]

    def _arrived(self, user: str, channel: str, address: str, lang: str, node: str, now: float) -> list[Reply]:
        """What only the service can add where the person arrived: the list, the read-back, a test's outcome."""
        record = self.records.get(user, now)
        p = record.private if record else None
        if node in ("contacts", "remove", "change") and p is not None:
            return [Reply(texts.listing(self.engine, replace(p, lang=lang), self.default_word(lang)), (), lang)]
        if node in ("contacts", "remove", "change"):
            return [texts.reply(self.engine, lang, "none")]
        if node == "add_confirm" and p is not None:
            return [Reply(texts.summary(self.engine, lang, p.draft), (), lang, self.engine.view.rtl(lang))]
        if node == "word":
            return [texts.reply(self.engine, lang, "word_is", word=(p.word if p else "") or self.default_word(lang))]
        if node == "test":
            return self.send(user, channel, "test", now) or [texts.reply(self.engine, lang, "none")]
        return []

    # --- tests and alerts ---------------------------------------------------------------------------------
    def alert(self, user: str, channel: str, now: float) -> list[Reply]:
        """The alert word: every contact gets the person's message and what to do; the person, how many."""
        self.stop_checkin(user, now)
        return self.send(user, channel, "alert", now)

    def send(self, user: str, channel: str, kind: str, now: float) -> list[Reply]:
        """Send a test or an alert to every reachable contact, within the day's limits; replies to the person."""
        return self._send(user, channel, kind, now)[1]

    def _send(self, user: str, channel: str, kind: str, now: float) -> tuple[int, list[Reply]]:
        """How many contacts it went to, and what the person is told."""
        record = self.records.get(user, now)
        if record is None or not record.private.contacts:
            return 0, []
        lang, day = record.private.lang, int(now // 86400)
        used = (record.alerts if kind == "alert" else record.tests) if record.day == day else 0
        if kind == "alert" and now - record.last_alert < AGAIN_WITHIN:
            return 0, [texts.reply(self.engine, lang, "alert_again")]
        if used >= PER_DAY:
            return 0, [texts.reply(self.engine, lang, "alerts_used" if kind == "alert" else "tests_used")]
        sent, unreachable, keys = 0, [], []
        for contact in record.private.contacts:
            if contact.number in self.blocked or self.records.opted_out(contact.number, now):
                unreachable.append(contact.name)
                continue
            first = self.records.first_message(contact.number, now)
            text = texts.to_contact(self.engine, record.private, contact, kind, first)
            keys += self._to_contact(user, channel, contact, text)
            sent += 1
        self.records.update(user, lambda r: _count(r, kind, day, now, keys), now)
        logger.info("family %s id=%s sent=%d unreachable=%d", kind, record.id, sent, len(unreachable))
        done = texts.reply(self.engine, lang, "alert_sent" if kind == "alert" else "test_sent", count=str(sent))
        return sent, [done] + [texts.reply(self.engine, lang, "unreachable", name=n) for n in unreachable]

    def _to_contact(self, user: str, channel: str, contact: Contact, text: str) -> list[str]:
        """Queue one contact's SMS (the web demo shows it on its second phone instead); outbox ids."""
        if channel == "web":
            if self.board is not None:
                self.board.deliver(user, "contact", contact.name, text)
            return []
        # Folded by the queue as replies are (English always: a name like María would double the segments).
        return [self.outbound.send(Message("sms", contact.number, text, role="family", lang=contact.lang))]

    def to_person(self, record: Record, user: str, text: str) -> None:
        """A message to the person later than a reply (the check-in question), where they set up their contacts."""
        p = record.private
        if self.records.person_opted_out(user, self.clock()):
            return  # they sent STOP: nothing more reaches them, the reminder included
        if p.channel == "web":
            if self.board is not None:
                self.board.deliver(user, "person", "", text)
        elif p.channel and p.address:
            self.outbound.send(Message(p.channel, p.address, text, role="family", lang=p.lang))

    def default_word(self, lang: str) -> str:
        """The alert word in the person's language, as the bot shows it (ALERTA)."""
        words = self.engine.content.keywords
        return ((words.get(lang) or {}).get("alert") or words["en"]["alert"])[0].upper()

    # --- check-in timers (scheduled on the queue: they survive restarts) ---------------------------------
    def start_checkin(self, user: str, channel: str, address: str, lang: str, seconds: float, now: float) -> None:
        """Start (or restart) the person's timer; their address is kept sealed to ask them when it runs out."""
        old = self.records.get(user, now)
        if old is not None and old.checkin:
            self._revoke(old)

        def start(r: Record) -> None:
            r.checkin, r.due = "running", now + seconds
            r.private.channel, r.private.address, r.private.lang = channel, address, lang

        record = self.records.update(user, start, now)
        self.outbound.at("fam_checkin", record.id, seconds, tag=str(int(record.due)))
        logger.info("family checkin started id=%s seconds=%d", record.id, seconds)

    def stop_checkin(self, user: str, now: float) -> None:
        """OK, any message, an alert or STOP: the timer ends."""
        record = self.records.get(user, now)
        if record is None or not record.checkin:
            return
        self._revoke(record)
        self.records.update(user, lambda r: setattr(r, "checkin", ""), now)
        logger.info("family checkin stopped id=%s", record.id)

    def _revoke(self, record: Record) -> None:
        """Take the record's timers off the queue (a late one would find nothing to do anyway)."""
        self.outbound.cancel("fam_checkin", record.id, tag=str(int(record.due)))
        self.outbound.cancel("fam_final", record.id, tag=str(int(record.due)))

    def checkin_due(self, number: int) -> None:
        """The timer ran out: ask once, and give them ten minutes."""
        now, user = self.clock(), self.records.user_of(number, self.clock())
        record = self.records.get(user, now) if user else None
        if user is None or record is None or record.checkin != "running" or now < record.due - 1:
            return
        record = self.records.update(user, lambda r: _asking(r, now), now)
        self.to_person(record, user, texts.say(self.engine, record.private.lang, "checkin_ask"))
        self.outbound.at("fam_final", number, ASK_SECONDS, tag=str(int(record.due)))
        logger.info("family checkin asked id=%s", number)

    def checkin_final(self, number: int) -> None:
        """No answer in ten minutes: the contacts are alerted, and the person told."""
        now, user = self.clock(), self.records.user_of(number, self.clock())
        record = self.records.get(user, now) if user else None
        if user is None or record is None or record.checkin != "asking" or now < record.due - 1:
            return
        self.records.update(user, lambda r: setattr(r, "checkin", ""), now)
        sent, _ = self._send(user, record.private.channel, "alert", now)
        text = texts.say(self.engine, record.private.lang, "checkin_alerted", count=str(sent))
        self.to_person(record, user, text)
        logger.info("family checkin ran out id=%s", number)

    def remind(self, number: int) -> None:
        """A week before an unused set-up is erased, say so once; if it was used since, look again later."""
        now, user = self.clock(), self.records.user_of(number, self.clock())
        record = self.records.get(user, now) if user else None
        if user is None or record is None:
            return
        due = record.touched + self.settings.retention - REMIND_BEFORE
        if now < due - 1:
            self.outbound.at("fam_remind", number, due - now, tag=str(int(due)))
        elif not record.reminded:
            left = record.touched + self.settings.retention - now  # the reminder does not count as use
            self.records.update(user, lambda r: setattr(r, "reminded", True), now, keep=left)
            self.to_person(record, user, texts.say(self.engine, record.private.lang, "reminder"))

    # --- erasure ------------------------------------------------------------------------------------------
    def erase(self, user: str, now: float) -> None:
        """DELETE (or 'Delete all'): the record goes at once, with its timers and unsent messages."""
        record = self.records.erase(user, now)
        if record is None:
            return
        self._revoke(record)
        for key in record.private.outbox:
            self.outbound.outbox.drop(key)
        logger.info("family erased id=%s", record.id)


def _touch(record: Record, now: float) -> None:
    """The person wrote: the set-up is in use (retention counts from here)."""
    record.touched, record.reminded = now, False


def _asking(record: Record, now: float) -> None:
    """The "Are you OK?" went out: ten minutes to answer."""
    record.checkin, record.due = "asking", now + ASK_SECONDS


def _count(record: Record, kind: str, day: int, now: float, keys: list[str]) -> None:
    """One more test or alert today."""
    if record.day != day:
        record.day, record.alerts, record.tests = day, 0, 0
    if kind == "alert":
        record.alerts, record.last_alert = record.alerts + 1, now
    else:
        record.tests += 1
    record.private.outbox = (record.private.outbox + keys)[-KEEP_OUTBOX:]
