"""The outbound queue (huey): messages sent later than the reply to a request, and the hand-off's timers.

Storage follows KYR_STORE (or KYR_QUEUE): SQLite beside the store's file (`var/kyrbot.db` -> `var/kyrbot-queue.db`),
Redis in the same database, or memory for an in-memory store. `python3 webhook.py` runs a consumer in its own
process (start_consumer); under gunicorn run `huey_consumer bot.outbound.worker.huey -k thread -w 2` beside it.

Two tasks, both carrying only ids: `kyr.send(outbox id)` sends one outbox message once (claimed atomically),
retrying with back-off, waiting out a 429's delay (which uses no retry), at most `per_second` SMS a second per
sending number; `kyr.timer(name, case number)` calls the desk's timer of that name (claim, idle).
"""

from __future__ import annotations

import atexit
import logging
import math
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from huey import MemoryHuey, RedisHuey, SqliteHuey
from huey.api import Huey
from huey.consumer import Consumer
from huey.exceptions import RetryTask

from bot.core.session import Reply
from bot.outbound.outbox import Claimed, Message, Outbox
from bot.outbound.senders import SendFailed
from bot.text.render import sms_text

logger = logging.getLogger(__name__)

NAME = "kyrbot"
RETRIES = 6  # ordinary failures: 7 attempts, 2 s apart and doubling (about two minutes in all)
RETRY_DELAY = 2
MAX_WAITS = 10  # 429s waited out per message (they use no retry) before it is given up
LONGEST_WAIT = 300.0  # a 429 asking for longer than this is waited out at this
PACE_IN_WORKER = 5.0  # a pacing wait up to this is slept in the worker; longer goes back on the queue
IN_TURN_IN_WORKER, IN_TURN_STEP = (
    2.0,
    0.05,
)  # waiting for an older message to the same place: in the worker, then queued

Deliver = Callable[[Message], Any]  # sends; returns the provider's id; raises SendFailed
Sent = Callable[[Message, Any], None]
Failed = Callable[[Message, str], None]


class Retry(Exception):
    """A send that failed for a reason that may pass; huey retries it with back-off (no content in it)."""


def make_huey(queue_url: str, store_url: str) -> Huey:
    """The huey instance for a KYR_QUEUE (or, when empty, the KYR_STORE) URL."""
    url = queue_url or store_url
    if url == "memory" or url.endswith(":memory:"):
        return MemoryHuey(NAME, results=False)
    if url.startswith(("redis://", "rediss://")):
        return RedisHuey(NAME, url=url, results=False)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path = path if queue_url else path.with_name(path.stem + "-queue.db")
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(NAME, filename=str(path), results=False)
    raise ValueError(f"KYR_QUEUE {url!r} is not a queue: use sqlite:///path.db, redis://host:port/db or memory")


@dataclass
class Outbound:
    """Sealed messages in the outbox, sent by huey tasks; the desk's timers on the same queue."""

    huey: Huey
    outbox: Outbox
    deliver: Deliver
    sent: Sent
    failed: Failed
    per_second: float = 1.0  # SMS per sending number
    senders: dict[str, str] = field(default_factory=dict)  # via -> the number it is sent from (for pacing)
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    timers: dict[str, Callable[[int], None]] = field(default_factory=dict)
    fold: frozenset[str] = frozenset()  # KYR_SMS_FOLD_ACCENTS: a queued SMS costs what a reply would

    def __post_init__(self) -> None:
        task = self.huey.task(retries=RETRIES, retry_delay=RETRY_DELAY, retry_backoff=2, context=True, name="kyr.send")
        self._send = task(self._run_send)
        self._timer = self.huey.task(name="kyr.timer")(self._run_timer)

    def send(self, message: Message) -> str:
        """Keep the message sealed and queue its sending; the outbox id. An SMS is folded as the replies are
        (typography always, accents for the languages the operator folds, only when that makes it GSM-7)."""
        if message.via == "sms" and message.lang:
            message = replace(message, text=sms_text(Reply(message.text, (), message.lang), message.lang in self.fold))
        key = self.outbox.put(message, self.clock())
        self._send(key)
        return key

    def at(self, name: str, number: int, delay: float, tag: str = "") -> None:
        """Run timer `name` for case `number` in `delay` seconds (kept in the queue's storage across restarts)."""
        self._timer.schedule(args=(name, number), delay=max(0.0, delay), id=_timer_id(name, number, tag))

    def cancel(self, name: str, number: int, tag: str = "") -> None:
        """Skip a timer set with at() (huey drops the revocation when the timer comes due)."""
        self.huey.revoke_by_id(_timer_id(name, number, tag), revoke_once=True)

    # --- the tasks ---------------------------------------------------------------------------------
    def _run_send(self, key: str, task: Any = None) -> None:
        """Send one outbox message, once, after those queued before it to the same place."""
        claimed = self.outbox.claim(key, self.clock())
        if claimed is None:
            return
        message = claimed.message
        try:
            self._in_turn(claimed)
            self._pace(claimed)
            result = self.deliver(message)
        except SendFailed as exc:
            self._failed(claimed, exc, task.retries if task is not None else 0)
            return
        self.outbox.done(key, result, self.clock())
        self.outbox.leave(message, [key], self.clock())
        logger.info("outbound sent id=%s via=%s role=%s case=%s", key[:8], message.via, message.role, message.case)
        self.sent(message, result)

    def _in_turn(self, claimed: Claimed) -> None:
        """Wait (briefly here, else back on the queue) while an older message to the same place is still to go:
        with two workers, a volunteer's second message could otherwise overtake the first."""
        waited = 0.0
        while self.outbox.behind(claimed.id, claimed.message, self.clock()):
            if waited >= IN_TURN_IN_WORKER:
                self.outbox.release(claimed.id, self.clock())
                raise RetryTask(delay=1)
            self.sleep(IN_TURN_STEP)
            waited += IN_TURN_STEP

    def _pace(self, claimed: Claimed) -> None:
        """At most per_second SMS/WhatsApp a second from one sending number."""
        message = claimed.message
        if message.via not in ("sms", "whatsapp"):
            return
        wait = self.outbox.pace(self.senders.get(message.via, message.via), self.per_second, self.clock())
        if wait > PACE_IN_WORKER:
            self.outbox.release(claimed.id, self.clock())
            raise RetryTask(delay=math.ceil(wait))
        if wait > 0:
            self.sleep(wait)

    def _failed(self, claimed: Claimed, exc: SendFailed, retries_left: int) -> None:
        """Wait out a 429, retry a passing failure, or give up and tell the desk."""
        key, message = claimed.id, claimed.message
        if exc.wait is not None and claimed.attempts < MAX_WAITS:
            self.outbox.release(key, self.clock())
            logger.info("outbound waits id=%s %s for %.0fs", key[:8], exc.reason, exc.wait)
            raise RetryTask(delay=math.ceil(min(exc.wait, LONGEST_WAIT)))
        if exc.retry and retries_left > 0:
            self.outbox.release(key, self.clock())
            logger.warning("outbound retry id=%s via=%s: %s", key[:8], message.via, exc.reason)
            raise Retry(exc.reason)
        self.outbox.fail(key, self.clock())
        self.outbox.leave(message, [key], self.clock())
        what = (key[:8], message.via, message.role, message.case, exc.reason)
        logger.warning("outbound failed id=%s via=%s role=%s case=%s: %s", *what)
        self.failed(message, exc.reason)

    def _run_timer(self, name: str, number: int) -> None:
        """A timer came due: the desk decides whether it still matters."""
        handler = self.timers.get(name)
        if handler is None:
            logger.warning("timer %s has no handler (case %s)", name, number)
            return
        handler(number)


def _timer_id(name: str, number: int, tag: str) -> str:
    """The task id of a case's timer, so it can be revoked."""
    return f"kyr-{name}-{number}" + (f"-{tag}" if tag else "")


def start_consumer(huey: Huey, workers: int = 2) -> Consumer:
    """A consumer in this process (call from the main thread): threads poll the queue every 0.1-0.5 s, and the
    signal handlers the consumer installs are put back, so Ctrl-C still stops the app. Stopped at exit."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    consumer = huey.create_consumer(
        workers=workers, worker_type="thread", initial_delay=0.05, backoff=1.2, max_delay=0.5, check_worker_health=False
    )
    consumer.start()
    for sig, handler in saved.items():
        signal.signal(sig, handler)
    atexit.register(consumer.stop, graceful=True)
    return consumer
