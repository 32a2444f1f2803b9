"""The glue every channel shares: hashed keys, one atomic store update per message, de-duplication,
opt-out, rate limit, and a 'try again' instead of a crash.

Per message: one transaction over three records, the person's rate count (its own record, so DELETE and
STOP/START do not reset it), their conversation, and the replies to their newest two messages (kept an hour,
to answer a redelivery with the same words); bot/service/records.py has the pure pieces. On Redis that is two
round trips, on SQLite one BEGIN IMMEDIATE. A redelivery is not counted.
Housekeeping never runs here: bot/service/housekeeping.py purges in a thread of its own."""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field, replace

from bot.core.engine import Engine
from bot.core.session import Choice, Inbound, Reply, Session
from bot.service.housekeeping import purge_in_batches
from bot.service.privacy import DailyTags, message_key, user_key
from bot.service.records import (
    RATE_WINDOW,
    REPLIES_TTL,
    counted,
    entries,
    handled,
    legacy_replies,
    pack_session,
    rate_key,
    rate_lifetime,
    remember,
    replies_key,
    replies_of,
    with_replies,
)
from bot.store.base import Store, StoreError, StoreFull, describe

__all__ = ["DEFAULT_RETENTION", "RATE_WINDOW", "Outcome", "Service"]
logger = logging.getLogger(__name__)

DEFAULT_RETENTION = 7 * 86400.0
SESSION_DEFAULTS = Session().to_dict()


@dataclass(frozen=True)
class Outcome:
    """What a channel sends back: replies (maybe none), events for metrics, and whether it was a repeat."""

    replies: tuple[Reply, ...]
    events: tuple[str, ...] = ()
    duplicate: bool = False
    session: Session | None = None

    @property
    def where(self) -> tuple[str, str, str]:
        """(flow, node, language) the turn ended at; with no session kept, the menu and the replies' language."""
        flow, _, node = (self.session.at if self.session else "menu.start").partition(".")
        lang = self.session.lang if self.session else (self.replies[0].lang if self.replies else "en")
        return flow, node, lang


def _reply_to_data(r: Reply) -> dict:
    """A reply as plain data, to answer a redelivery with the same words."""
    return {"t": r.text, "o": [[c.key, c.label, c.target] for c in r.options], "l": r.lang, "r": r.rtl, "k": r.kind}


def _reply_from_data(d: dict) -> Reply:
    """The inverse of _reply_to_data."""
    return Reply(d["t"], tuple(Choice(*o) for o in d["o"]), d["l"], d["r"], d["k"])


def _opt_out(replies: tuple[Reply, ...]) -> dict:
    """The whole record of an opted-out user: the flag and the language to answer a later START in."""
    return {"o": 1, "l": replies[0].lang if replies else "en"}


@dataclass
class Service:
    """Runs one inbound message through the engine inside one atomic update of that user's record."""

    engine: Engine
    store: Store
    secret: bytes
    retention: float = DEFAULT_RETENTION
    rate_limit: int = 30  # messages per user per minute before a notice, then silence
    namespace: str = "u"  # the key prefix of this service's records ("d": the web demo's own sessions)
    log: logging.Logger = field(default=logger)
    _tags: DailyTags = field(default_factory=DailyTags, repr=False)

    def handle(self, channel: str, raw_id: str, msg: Inbound, delivery_id: str | None = None) -> Outcome:
        """Handle one message; a store outage becomes a short 'try again', never an exception."""
        key = self.key(channel, raw_id)
        dedup = message_key(self.secret, channel, delivery_id) if delivery_id else None
        try:
            # The count in its own record: DELETE, STOP and START erase the conversation, not the count.
            outcome = self.store.transact_many(
                [rate_key(key), key, replies_key(key)],
                lambda records: self._count_and_apply(records, msg, dedup),
                [rate_lifetime(msg.now), self._lifetime, REPLIES_TTL],
                msg.now,
            )
        except StoreError as exc:
            # The cause, for the operator; never the person (no id, no tag, no text).
            self.log.warning("store error channel=%s: %s", channel, describe(exc))
            outcome = self.try_again(msg.lang_hint or self._guess_language(msg.text))
            return replace(outcome, events=(*outcome.events, "store_full")) if isinstance(exc, StoreFull) else outcome
        # No per-user tag at INFO: logs outlive a DELETE, and a stable tag would keep the person's trail.
        self.log.info("turn channel=%s events=%s", channel, ",".join(outcome.events))
        if self.log.isEnabledFor(logging.DEBUG):
            self.log.debug("turn tag=%s (today only)", self._tags.tag(key, msg.now))
        return outcome

    def key(self, channel: str, raw_id: str) -> str:
        """The store key of one user of this service."""
        return user_key(self.secret, channel, raw_id, self.namespace)

    def _count_and_apply(
        self, records: list[dict | None], msg: Inbound, dedup: str | None
    ) -> tuple[list[dict | None], Outcome]:
        """Pure update of one user's rate count, conversation and last replies (the store may call it again on a
        conflict): a redelivery gets its stored replies and leaves all three as they were."""
        stored_rate, stored, answers = records
        kept = entries(stored or {}, msg.now)
        answers = answers or legacy_replies(stored or {})
        if handled(kept, dedup):
            replies = tuple(_reply_from_data(r) for r in replies_of(answers, dedup))
            return [stored_rate, stored, answers], Outcome(replies, ("duplicate",), True)
        new_rate, rate = counted(stored_rate, msg.now)
        new, outcome = self._apply(stored, msg, dedup, kept, rate)
        if new is None or new.get("o"):  # erased or opted out: the replies go with the conversation
            answers = None
        elif new is not stored and dedup:
            answers = with_replies(answers, dedup, [_reply_to_data(r) for r in outcome.replies])
        return [new_rate, new, answers], outcome

    def _apply(
        self, stored: dict | None, msg: Inbound, dedup: str | None, kept: list, rate: list[float]
    ) -> tuple[dict | None, Outcome]:
        """Pure update of one user's conversation record for a new delivery, counted in `rate`."""
        record = stored or {}
        over = rate[1] > self.rate_limit
        if record.get("o"):
            if not self._opts_in(msg.text):
                return stored, Outcome((), ("opted_out",))
            if over:  # opted back in, but a flood of STOP/START is still limited: the next message starts afresh
                return None, self._limited(record, rate)
            msg = replace(msg, text="start", lang_hint=record.get("l") or msg.lang_hint)
        # DELETE and STOP always take effect; so does an emergency contacts' alert (its own limits: 3 a day).
        urgent = self.engine.words.action(msg.text) in ("delete", "stop", "alert") or msg.family.alert
        if over and not urgent:
            return stored, self._limited(record, rate)
        return self._step(record, msg, kept, dedup, over, rate)

    def _step(
        self, record: dict, msg: Inbound, kept: list, dedup: str | None, over: bool, rate: list[float]
    ) -> tuple[dict | None, Outcome]:
        """The engine's turn on the stored session. Past the limit only DELETE, STOP and the alert word get here:
        they always take effect, and DELETE and STOP are confirmed only when they ended a conversation (a flood of
        them stays silent)."""
        session = Session.from_dict(record["s"]) if record.get("s") else None
        try:
            result = self.engine.step(session, msg)
        except Exception as exc:  # a bug must not reach the user as a crash, nor corrupt the stored session
            # The exception's class and where it was raised, never its message (it may quote the person).
            where = traceback.extract_tb(exc.__traceback__)[-1]
            self.log.error("engine error: %s at %s:%s", type(exc).__name__, where.filename, where.lineno)
            return record or None, self.try_again(session.lang if session else msg.lang_hint)
        outcome = Outcome(result.replies, result.events, False, result.session)
        if over and session is None:
            outcome = self._limited(record, rate)
        if result.session is None:
            return (_opt_out(result.replies) if "stop" in result.events else None), outcome
        return {
            "s": pack_session(result.session.to_dict(), SESSION_DEFAULTS),
            "i": remember(kept, dedup, msg.now),
        }, outcome

    def _lifetime(self, record: dict) -> float | None:
        """How long a record is kept: an opt-out until the person opts back in (whatever they send meanwhile
        rewrites it), a conversation for the retention period after its last message."""
        return None if record.get("o") else self.retention

    def _opts_in(self, text: str) -> bool:
        """START in any language, or Twilio's own opt-in words (YES, UNSTOP), ends an opt-out."""
        return self.engine.words.action(text) == "start" or text.strip().casefold() in ("yes", "unstop")

    def purge(self, now: float) -> int:
        """Delete records expired at `now`, in batches (Redis expires them by itself). Never called while
        handling a message: the housekeeping thread (bot/service/housekeeping.py) and scripts/purge.py call it."""
        count = purge_in_batches(self.store, now)
        self.log.info("purged records=%d", count)
        return count

    def _limited(self, record: dict, rate: list[float]) -> Outcome:
        """One short notice when the limit is first passed, then silence (SMS costs money)."""
        if rate[1] != self.rate_limit + 1:
            return Outcome((), ("rate_limited_silent",))
        lang = (record.get("s") or {}).get("lang") or record.get("l") or "en"
        return Outcome(
            (Reply(self.engine.view.t("ui.rate_limited", lang), (), lang, self.engine.view.rtl(lang)),),
            ("rate_limited",),
        )

    def _guess_language(self, text: str) -> str | None:
        """The language of a message when the session cannot be read (an SMS carries no hint)."""
        detector = self.engine.detector
        return detector.detect(text[:500]).lang if detector and text.strip() else None

    def try_again(self, lang: str | None) -> Outcome:
        """'Something went wrong, try again' in the user's language when known."""
        code = (lang or "en").split("-")[0]
        code = code if code in self.engine.content.languages else "en"
        text = self.engine.view.t("ui.try_again", code)
        return Outcome((Reply(text, (), code, self.engine.view.rtl(code)),), ("try_again",))
