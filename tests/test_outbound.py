"""The outbound queue over real HTTP: twilio's client against the fake Twilio REST API, PTB's Bot against the fake
Bot API, huey's real consumer threads on SQLite storage. Each message goes once (also when its task runs twice and
across a restart of the consumer), a 429 is waited out, one sending number sends at most N a second, and huey's
storage holds ids only."""
from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.handoff.crypto import Sealer
from bot.outbound.outbox import Message, Outbox
from bot.outbound.queue import Outbound, make_huey, start_consumer
from bot.outbound.senders import Channels, TelegramSender, TwilioSender
from bot.store import open_store
from tests.fakes import FakeBotApi
from tests.fakes.twilio_api import FakeTwilioApi

BOT_NUMBER = "+15555550000"
PERSON = "+15555550142"
GROUP = "-1001234567890"


@pytest.fixture()
def twilio() -> Iterator[FakeTwilioApi]:
    with FakeTwilioApi() as fake:
        yield fake


class Rig:
    """An Outbound on a SQLite store and SQLite queue in tmp_path, with what it reported sent or failed."""

    def __init__(self, tmp_path: Path, twilio: FakeTwilioApi, bot_api: FakeBotApi | None = None,
                 per_second: float = 100.0) -> None:
        self.store = open_store(f"sqlite:///{tmp_path}/kyr.db")
        self.url = f"sqlite:///{tmp_path}/kyr.db"
        self.outbox = Outbox(self.store, Sealer([Fernet.generate_key().decode()]))
        telegram = TelegramSender(bot_api.token, bot_api.base_url) if bot_api else None
        self.channels = Channels(TwilioSender(twilio.account_sid, twilio.auth_token, twilio.base_url), telegram,
                                 BOT_NUMBER, "")
        self.per_second = per_second
        self.sent: list[tuple[Message, object]] = []
        self.failures: list[tuple[Message, str]] = []
        self.outbound = self.build()

    def build(self) -> Outbound:
        """A fresh huey instance on the same files, as a new process would make."""
        return Outbound(make_huey("", self.url), self.outbox, self.channels.deliver,
                        lambda m, r: self.sent.append((m, r)), lambda m, why: self.failures.append((m, why)),
                        per_second=self.per_second, senders=self.channels.numbers)


def test_a_message_goes_once_and_its_record_keeps_no_content(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    rig = Rig(tmp_path, twilio)
    key = rig.outbound.send(Message("sms", PERSON, "Volunteer: are you still at JFK?", role="person"))
    rig.outbound._send(key)                                  # the same task queued twice: still one message
    consumer = start_consumer(rig.outbound.huey)
    try:
        assert twilio.wait_for(1, to=PERSON) == [{"To": PERSON, "From": BOT_NUMBER,
                                                  "Body": "Volunteer: are you still at JFK?"}]
        deadline = time.monotonic() + 5
        while rig.outbound.huey.pending_count() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(twilio.posts(accepted_only=False)) == 1
    finally:
        consumer.stop(graceful=True)
    assert rig.outbox.status(key, time.time()) == "sent"
    assert set(rig.store.get(f"ob:{key}", time.time())) == {"st", "r"}
    assert [m.role for m, _ in rig.sent] == ["person"]


def test_a_429_is_waited_out_and_sent_once(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    rig = Rig(tmp_path, twilio)
    twilio.fail_next(429, 20429, "Too Many Requests", retry_after=1)
    rig.outbound.send(Message("sms", PERSON, "first try refused"))
    consumer = start_consumer(rig.outbound.huey)
    try:
        twilio.wait_for(1, to=PERSON)
    finally:
        consumer.stop(graceful=True)
    refused, accepted = twilio.posts(accepted_only=False)
    assert (refused.status, accepted.status) == (429, 201)
    assert accepted.at - refused.at >= 1.5          # twilio 429: two seconds (its client hides Retry-After)
    assert rig.failures == []


def test_telegram_retry_after_is_honoured(tmp_path: Path, twilio: FakeTwilioApi, bot_api: FakeBotApi) -> None:
    rig = Rig(tmp_path, twilio, bot_api)
    bot_api.fail_next("sendMessage", 429, retry_after=2)
    rig.outbound.send(Message("telegram", GROUP, "New case #101", buttons=[["Claim", "c:claim:101"]], role="card"))
    consumer = start_consumer(rig.outbound.huey)
    try:
        calls = bot_api.wait_for("sendMessage", count=2, timeout=10)
    finally:
        consumer.stop(graceful=True)
    records = bot_api.records("sendMessage")
    assert [r.error_code for r in records] == [429, None]
    assert calls[-1]["reply_markup"] == {"inline_keyboard": [[{"text": "Claim", "callback_data": "c:claim:101"}]]}
    assert [(m.role, r) for m, r in rig.sent] == [("card", 1)]


def test_a_permanent_failure_is_given_up_and_reported(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    rig = Rig(tmp_path, twilio)
    twilio.fail_next(400, 21610, "Attempt to send to unsubscribed recipient", retry_after=None)
    key = rig.outbound.send(Message("sms", PERSON, "after STOP", case=101, role="person"))
    consumer = start_consumer(rig.outbound.huey)
    try:
        deadline = time.monotonic() + 5
        while not rig.failures and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        consumer.stop(graceful=True)
    assert [(m.case, why) for m, why in rig.failures] == [(101, "twilio 400/21610")]
    assert rig.outbox.status(key, time.time()) == "failed"
    assert set(rig.store.get(f"ob:{key}", time.time())) == {"st"}


def test_messages_to_one_place_keep_their_order_across_two_workers(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    """The first of a volunteer's messages is slow to send: the second waits for it instead of overtaking it on
    the other worker. Another person's message does not wait. The line keeps no number in clear."""
    rig = Rig(tmp_path, twilio)
    deliver = rig.channels.deliver

    def slow_first(message: Message) -> object:
        if message.text == "1 Hi, I am Ana.":
            time.sleep(0.6)
        return deliver(message)

    rig.outbound.deliver = slow_first
    for text in ("1 Hi, I am Ana.", "2 Are you still at JFK?", "3 Do not sign anything."):
        rig.outbound.send(Message("sms", PERSON, text, role="person"))
    rig.outbound.send(Message("sms", "+15555550143", "someone else", role="person"))
    on_disk = b"".join(f.read_bytes() for f in tmp_path.glob("kyr.db*"))
    assert PERSON[1:].encode() not in on_disk                   # the line's key is a keyed hash, the texts sealed
    consumer = start_consumer(rig.outbound.huey)
    try:
        assert twilio.wait_for(1, to="+15555550143")[0]["Body"] == "someone else"
        assert [m["Body"][0] for m in twilio.wait_for(3, to=PERSON)] == ["1", "2", "3"]
    finally:
        consumer.stop(graceful=True)


def test_a_queued_sms_is_folded_as_the_replies_are(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    """Spanish (folded by the operator) loses the accents GSM-7 lacks; Vietnamese keeps its tone marks; curly
    quotes become straight in every language. One place decides it, for the desk, emergency contacts and press 8."""
    rig = Rig(tmp_path, twilio)
    rig.outbound.fold = frozenset({"es"})
    rig.outbound.send(Message("sms", PERSON, "Un voluntario le escribirá aquí. “Gracias”", lang="es"))
    rig.outbound.send(Message("sms", PERSON, "Tình nguyện viên sẽ nhắn cho bạn", lang="vi"))
    consumer = start_consumer(rig.outbound.huey)
    try:
        assert [m["Body"] for m in twilio.wait_for(2, to=PERSON)] == [
            'Un voluntario le escribira aqui. "Gracias"', "Tình nguyện viên sẽ nhắn cho bạn"]
    finally:
        consumer.stop(graceful=True)


def test_an_erased_message_does_not_hold_up_the_next(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    """DELETE drops queued messages: one dropped before it went must not keep the line waiting."""
    rig = Rig(tmp_path, twilio)
    first = rig.outbox.put(Message("sms", PERSON, "never sent"), time.time())  # queued, no task: then erased
    rig.outbox.drop(first)
    rig.outbound.send(Message("sms", PERSON, "the next one"))
    consumer = start_consumer(rig.outbound.huey)
    try:
        assert [m["Body"] for m in twilio.wait_for(1, to=PERSON, timeout=3)] == ["the next one"]
    finally:
        consumer.stop(graceful=True)


def test_one_number_sends_at_most_one_sms_a_second(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    rig = Rig(tmp_path, twilio, per_second=1.0)
    for i in range(3):
        rig.outbound.send(Message("sms", f"+1555555020{i}", f"card {i}"))
    consumer = start_consumer(rig.outbound.huey, workers=3)
    try:
        twilio.wait_for(3, timeout=10)
    finally:
        consumer.stop(graceful=True)
    times = sorted(p.at for p in twilio.posts())
    assert all(b - a >= 0.9 for a, b in zip(times, times[1:])), times


def test_the_queue_survives_a_restart_of_the_consumer(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    """Ten messages queued while no consumer runs; a consumer sends some and is stopped; a new huey instance on
    the same files (as a restarted process) and its consumer send the rest: every message exactly once."""
    rig = Rig(tmp_path, twilio, per_second=4.0)
    bodies = [f"message {i}" for i in range(10)]
    for body in bodies:
        rig.outbound.send(Message("sms", PERSON, body))
    assert rig.outbound.huey.pending_count() == 10
    first = start_consumer(rig.outbound.huey, workers=2)
    twilio.wait_for(3, timeout=10)
    first.stop(graceful=True)
    between = len(twilio.messages())
    assert 3 <= between < 10
    second = start_consumer(rig.build().huey, workers=2)
    try:
        twilio.wait_for(10, timeout=15)
        time.sleep(0.5)                                     # nothing more may come
    finally:
        second.stop(graceful=True)
    assert sorted(m["Body"] for m in twilio.messages()) == sorted(bodies)


def test_huey_storage_holds_ids_only(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    rig = Rig(tmp_path, twilio)
    rig.outbound.send(Message("sms", PERSON, "Zorblaxian text"))
    rig.outbound.at("claim", 101, 600)
    queue_file = tmp_path / "kyr-queue.db"
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("kyr-queue"))
    assert queue_file.exists() and len(blob) > 0
    for secret in (PERSON, PERSON[1:], "Zorblaxian"):
        assert secret.encode() not in blob


def test_timers_run_when_fast_forwarded_and_not_when_cancelled(tmp_path: Path, twilio: FakeTwilioApi) -> None:
    rig = Rig(tmp_path, twilio)
    fired: list[tuple[str, int]] = []
    rig.outbound.timers.update(claim=lambda n: fired.append(("claim", n)), idle=lambda n: fired.append(("idle", n)))
    rig.outbound.at("claim", 101, 600)
    rig.outbound.at("idle", 101, 86400)
    rig.outbound.at("claim", 102, 600)
    rig.outbound.cancel("claim", 102)
    huey = rig.outbound.huey
    for task in [huey.dequeue() for _ in range(3)]:       # what a worker does first: move them to the schedule
        huey.execute(task)
    assert fired == [] and huey.scheduled_count() == 3
    later = datetime.now(UTC).replace(tzinfo=None) + timedelta(minutes=11)
    for task in huey.read_schedule(later):
        huey.execute(task, timestamp=later)
    assert fired == [("claim", 101)]
    later += timedelta(days=1)
    for task in huey.read_schedule(later):
        huey.execute(task, timestamp=later)
    assert fired == [("claim", 101), ("idle", 101)]


def test_queue_storage_follows_the_store(tmp_path: Path) -> None:
    assert type(make_huey("", f"sqlite:///{tmp_path}/a/kyr.db")).__name__ == "SqliteHuey"
    assert (tmp_path / "a" / "kyr-queue.db").exists()
    assert type(make_huey("", "sqlite:///:memory:")).__name__ == "MemoryHuey"
    assert type(make_huey("", "redis://127.0.0.1:1/0")).__name__ == "RedisHuey"
    with pytest.raises(ValueError, match="KYR_QUEUE 'ftp://x' is not a queue"):
        make_huey("ftp://x", "")


def test_start_consumer_keeps_the_signal_handlers(tmp_path: Path) -> None:
    import signal

    before = signal.getsignal(signal.SIGINT)
    consumer = start_consumer(make_huey("memory", ""))
    try:
        assert signal.getsignal(signal.SIGINT) is before
    finally:
        consumer.stop(graceful=True)


def test_huey_consumer_in_its_own_process_sends_what_the_app_queued(engine, tmp_path: Path,
                                                                    twilio: FakeTwilioApi) -> None:
    """As under gunicorn: the app queues, `huey_consumer bot.outbound.worker.huey` (another process, the same
    environment) sends; stopped with Ctrl-C (SIGINT), it finishes what it holds and exits."""
    import os
    import signal
    import subprocess
    import sys

    import webhook
    from bot.channels.base import kyr
    from bot.service.runtime import ROOT

    env = {"KYR_STORE": f"sqlite:///{tmp_path}/kyr.db", "KYR_SECRET": "s", "KYR_CASE_KEY": Fernet.generate_key().decode(),
           "KYR_ORG_NAME": "Org", "KYR_RESPONDERS_SMS": "+15555550901", "TWILIO_ACCOUNT_SID": twilio.account_sid,
           "TWILIO_AUTH_TOKEN": twilio.auth_token, "TWILIO_FROM": BOT_NUMBER, "TWILIO_API_BASE_URL": twilio.base_url}
    desk = kyr(webhook.create_app(env, engine)).service.desk
    desk.to_responder("+15555550901", "queued by the app", 0)
    consumer = subprocess.Popen([sys.executable, "-m", "huey.bin.huey_consumer", "bot.outbound.worker.huey",
                                 "-k", "thread", "-w", "2"], cwd=ROOT, env={**os.environ, **env},
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert twilio.wait_for(1, timeout=60) == [{"To": "+15555550901", "From": BOT_NUMBER,
                                                   "Body": "queued by the app"}]
    finally:
        consumer.send_signal(signal.SIGINT)
        output = consumer.communicate(timeout=30)[0]
    assert consumer.returncode == 0, output
    assert "queued by the app" not in output and "+15555550901" not in output
