"""A real `gunicorn -w 2 webhook:app` on Redis: one person's signed Twilio messages over HTTP stay one
coherent conversation whichever worker serves them, and concurrent messages of one person lose no turn."""
from __future__ import annotations

import importlib.util
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from bot.core.session import Session
from bot.service.privacy import message_key, user_key
from bot.service.records import entries, handled, rate_key
from bot.store import open_store
from tests.gunicorn_server import ServerError, post_twilio, start_gunicorn, twilio_form
from tests.require import missing

TOKEN = "gunicorn-test-token"
BASE = "https://kyr.example.org"
SECRET = "gunicorn-test-secret"
ROUNDS = 20           # rounds of two concurrent messages from one person, at least
MAX_ROUNDS = 300      # more rounds until both workers have answered (a busy machine may favour one)


@dataclass
class Server:
    """A running gunicorn: where it listens, where its access log (one line per request, worker pid) is."""

    url: str
    store_url: str
    access_log: Path

    def worker_pids(self) -> set[str]:
        """The pids of the workers that answered /twilio so far."""
        lines = self.access_log.read_text().splitlines()
        return {line.split()[0] for line in lines if line.endswith(" /twilio")}


@pytest.fixture(scope="module")
def server(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """gunicorn -w 2 webhook:app on a free loopback port, sessions in Redis database 3; always terminated."""
    if importlib.util.find_spec("gunicorn") is None:
        missing("gunicorn is not installed (pip install gunicorn)")
    work = tmp_path_factory.mktemp("gunicorn")
    store_url = redis_url.rsplit("/", 1)[0] + "/3"
    redis.Redis.from_url(store_url).flushdb()  # a database of its own, apart from the store contract tests
    env = {"KYR_STORE": store_url, "KYR_SECRET": SECRET, "TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_BASE_URL": BASE,
           "KYR_RATE_LIMIT": "100000"}
    access = work / "access.log"
    try:
        gunicorn = start_gunicorn(env, work, workers=2, extra=["--access-logfile", str(access),
                                                               "--access-logformat", "%(p)s %(s)s %(U)s"])
    except ServerError as exc:
        pytest.fail(str(exc))
    try:
        yield Server(gunicorn.url, store_url, access)
    finally:
        gunicorn.stop()


class Person:
    """One phone number texting the server through signed Twilio requests over real HTTP."""

    def __init__(self, server: Server, number: str) -> None:
        self.server, self.number, self.sids = server, number, []
        self.store = open_store(server.store_url)

    def say(self, body: str) -> list[str]:
        """POST one signed message; the <Message> texts of the TwiML answer."""
        sid = f"SM{uuid.uuid4().hex}"
        self.sids.append(sid)
        status, bodies = post_twilio(self.server.url, TOKEN, BASE, twilio_form(self.number, body, sid))
        assert status == 200
        return bodies

    def record(self) -> dict:
        """What Redis keeps for this person."""
        return self.store.get(user_key(SECRET.encode(), "sms", self.number), time.time())

    def rate(self) -> list[float]:
        """This person's rate record in Redis: [window start, messages in it]."""
        return self.store.get(rate_key(user_key(SECRET.encode(), "sms", self.number)), time.time())["r"]

    def kept(self, sid: str) -> bool:
        """Whether the record remembers having handled this MessageSid (its last few are kept)."""
        return handled(entries(self.record(), time.time()), message_key(SECRET.encode(), "sms", sid))


def test_one_conversation_across_two_workers(server: Server) -> None:
    """Ten rounds of menu -> flow -> node -> back -> menu: every answer follows from the one before."""
    person = Person(server, "+15555550170")
    assert person.say("hi")[0].startswith("Hi, I am kyrbot.")
    for _ in range(10):
        assert person.say("1")[0].startswith("Do not open the door.")
        assert person.say("2")[0].startswith("Do not fight or block them.")
        assert person.say("back")[0].startswith("Do not open the door.")
        assert person.say("0")[0].startswith("What do you need help with?")
    assert Session.from_dict(person.record()["s"]).at == "menu.start"
    assert person.rate()[1] == 41


def test_concurrent_messages_of_one_person_lose_no_turn(server: Server) -> None:
    """Two messages of one person at once, twenty times: every one is a turn of the stored conversation."""
    person = Person(server, "+15555550171")
    person.say("hi")
    rounds = 0
    while rounds < ROUNDS or (len(server.worker_pids()) < 2 and rounds < MAX_ROUNDS):
        rounds += 1
        answers: list[list[str]] = []
        barrier = threading.Barrier(2)

        def send(body: str, barrier: threading.Barrier = barrier, answers: list[list[str]] = answers) -> None:
            barrier.wait()
            answers.append(person.say(body))

        threads = [threading.Thread(target=send, args=(body,)) for body in ("help", "menu")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(a[0][:10] for a in answers) == ["Reply with", "What do yo"]
        assert person.kept(person.sids[-1]) and person.kept(person.sids[-2])
    assert person.rate()[1] == 1 + 2 * rounds
    assert len(server.worker_pids()) == 2, f"only one worker answered in {rounds} rounds"
