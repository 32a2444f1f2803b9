"""Opting out and back in keeps nothing but a flag and a language, and answers START in that language."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import redis

from bot.core.engine import Engine
from bot.core.session import Inbound, Session
from bot.service.handler import RATE_WINDOW, Service
from bot.service.privacy import message_key, user_key
from bot.service.records import REPLIES_TTL, entries, rate_key, replies_key
from bot.store import open_store

SECRET = b"optout-secret"


@pytest.fixture()
def service(engine: Engine, tmp_path: Path) -> Service:
    """A service on a fresh SQLite file."""
    return Service(engine, open_store(f"sqlite:///{tmp_path}/o.db"), SECRET)


def say(service: Service, text: str, now: float) -> list[str]:
    """One SMS from the same phone; the reply texts."""
    return [r.text for r in service.handle("sms", "+15555550142", Inbound(text, now)).replies]


def test_a_spanish_stop_is_answered_and_a_later_start_is_welcomed_in_spanish(service: Service, engine: Engine) -> None:
    """The opt-out record is the flag and the language only; START (or Twilio's YES) brings the Spanish menu."""
    say(service, "la migra está en mi puerta", 1.0)
    assert say(service, "parar", 2.0) == [engine.view.t("ui.stopped", "es")]
    key = user_key(SECRET, "sms", "+15555550142")
    assert service.store.get(key, 3.0) == {"o": 1, "l": "es"}
    assert say(service, "hola", 4.0) == []
    (welcome,) = say(service, "START", 5.0)
    assert welcome.startswith(engine.view.t("ui.welcome", "es"))


@pytest.mark.parametrize(("word", "lang"), [("empezar", "es"), ("menú", "es"), ("ayuda", "es"), ("menu", "en"),
                                          ("السلام علیکم", "ur"), ("السلام عليكم", "ar"), ("bonjou", "ht")])
def test_a_first_message_that_is_a_global_word_sets_its_language(service: Service, engine: Engine,
                                                                 word: str, lang: str) -> None:
    """'empezar' as a first message is Spanish even though a detector cannot tell from one word."""
    replies = service.handle("sms", f"+1555555{len(word)}{lang}", Inbound(word, 1.0)).replies
    assert replies[0].lang == lang


DAY = 86400.0


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_an_opt_out_holds_whatever_is_sent_after_it(engine: Engine, tmp_path: Path, request: pytest.FixtureRequest,
                                                    backend: str) -> None:
    """'ok', HELP and another STOP after STOP leave the opt-out without expiry: Redis keeps it with no TTL, a
    purge a month later keeps it (SQLite), 'hola' then is still silent, and only START ends it."""
    if backend == "redis":
        url = str(request.getfixturevalue("redis_url")).rsplit("/", 1)[0] + "/9"
        redis.Redis.from_url(url).flushdb()
    else:
        url = f"sqlite:///{tmp_path}/held.db"
    service = Service(engine, open_store(url), SECRET)
    key = user_key(SECRET, "sms", "+15555550142")
    say(service, "hola", 1.0)
    say(service, "STOP", 2.0)
    for i, text in enumerate(["ok", "HELP", "STOP"]):
        assert say(service, text, 3.0 + i) == []
    if backend == "redis":
        assert redis.Redis.from_url(url).ttl("kyr:" + key) == -1
    later = 2.0 + 30 * DAY
    service.purge(later)
    assert service.store.get(key, later) == {"o": 1, "l": "es"}
    assert say(service, "hola", later) == []
    (welcome,) = say(service, "START", later + 1)
    assert welcome.startswith(engine.view.t("ui.welcome", "es"))
    service.store.close()


def test_delete_gets_through_the_rate_limit(engine: Engine, tmp_path: Path) -> None:
    """A person who was rate-limited can still erase their data at once; other messages stay silent."""
    service = Service(engine, open_store(f"sqlite:///{tmp_path}/r.db"), SECRET, rate_limit=2)
    assert say(service, "hola", 1.0) and say(service, "1", 2.0)
    assert say(service, "2", 3.0) == [engine.view.t("ui.rate_limited", "es")]
    assert say(service, "3", 4.0) == []
    assert say(service, "borrar", 5.0) == [engine.view.t("ui.deleted", "es")]
    assert service.store.get(user_key(SECRET, "sms", "+15555550142"), 6.0) is None


def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest, db: int) -> str:
    """A fresh SQLite file, or an emptied database of the session's redis-server."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path}/{db}.db"
    url = str(request.getfixturevalue("redis_url")).rsplit("/", 1)[0] + f"/{db}"
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
@pytest.mark.parametrize("words", [("hola", "borrar"), ("START", "STOP")], ids=["delete", "stop-start"])
def test_the_rate_limit_outlives_delete_stop_and_start(engine: Engine, tmp_path: Path, request: pytest.FixtureRequest,
                                                       backend: str, words: tuple[str, str]) -> None:
    """96 messages in a tenth of a second, every other one erasing the conversation: the limit's 30 answers and
    one notice, not 96 answers. The last STOP still took effect, and START works once the window has passed."""
    url = store_url(backend, tmp_path, request, 10)
    service = Service(engine, open_store(url), SECRET, rate_limit=30)
    answered = [say(service, words[i % 2], 100.0 + i / 1000) for i in range(96)]
    assert sum(1 for replies in answered if replies) == 31
    assert answered[30] == [engine.view.t("ui.rate_limited", "en")]   # nothing kept says the language by then
    key = user_key(SECRET, "sms", "+15555550142")
    assert service.store.get(rate_key(key), 100.2)["r"] == [100.0, 96]
    if backend == "redis":   # the count lives until its window ends, and no longer
        assert 0 < redis.Redis.from_url(url).pttl("kyr:" + rate_key(key)) <= RATE_WINDOW * 1000
    else:
        assert service.store.get(rate_key(key), 100.0 + RATE_WINDOW) is None
    if words[1] == "STOP":
        assert service.store.get(key, 100.2) == {"o": 1, "l": "en"}
        (welcome,) = say(service, "START", 100.0 + RATE_WINDOW)
        assert welcome.startswith(engine.view.t("ui.welcome", "en"))
    service.store.close()


def test_try_again_during_an_outage_is_in_the_language_of_the_message(engine: Engine) -> None:
    """An SMS carries no language hint: the message itself says which language to apologise in."""
    from tests.conftest_redis import _free_port

    nobody = open_store(f"redis://127.0.0.1:{_free_port()}/0")   # a real client, no server listening
    service = Service(engine, nobody, SECRET)
    outcome = service.handle("sms", "+15555550142", Inbound("la migra está en mi puerta", 1.0))
    assert [r.text for r in outcome.replies] == [engine.view.t("ui.try_again", "es")]
    assert "try_again" in outcome.events


def test_a_retry_of_an_older_message_is_acknowledged_silently_and_moves_nothing(service: Service) -> None:
    """The last two deliveries are answered again word for word; older ones get no reply and no new turn."""
    sends = [("SM1", "hi"), ("SM2", "1"), ("SM3", "2"), ("SM4", "back")]
    answers = {sid: service.handle("sms", "+15555550143", Inbound(text, float(i)), sid).replies
               for i, (sid, text) in enumerate(sends)}
    key = user_key(SECRET, "sms", "+15555550143")
    before = service.store.get(key, 10.0)
    assert service.handle("sms", "+15555550143", Inbound("back", 11.0), "SM4").replies == answers["SM4"]
    assert service.handle("sms", "+15555550143", Inbound("2", 12.0), "SM3").replies == answers["SM3"]
    old = service.handle("sms", "+15555550143", Inbound("hi", 13.0), "SM1")
    assert old.duplicate and old.replies == ()
    assert service.store.get(key, 14.0)["s"] == before["s"]


HOURS_48 = 48 * 3600.0


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_a_replay_after_many_other_messages_is_refused_for_48_hours(engine: Engine, tmp_path: Path,
                                                                    request: pytest.FixtureRequest,
                                                                    backend: str) -> None:
    """A signed request replayed after twelve other messages is still recognised (no reply, no step), until 48
    hours after it was handled; only then is it a new message."""
    service = Service(engine, open_store(store_url(backend, tmp_path, request, 11)), SECRET, rate_limit=10**6)
    user, key = "+15555550145", user_key(SECRET, "sms", "+15555550145")
    service.handle("sms", user, Inbound("hi", 1.0), "SM-hi")
    service.handle("sms", user, Inbound("1", 2.0), "SM-replayed")
    for i in range(12):
        service.handle("sms", user, Inbound(["back", "1", "2", "back"][i % 4], 3.0 + i), f"SM-{i}")
    before = service.store.get(key, 20.0)["s"]
    for late in (100.0, 2.0 + HOURS_48 - 1):
        replay = service.handle("sms", user, Inbound("1", late), "SM-replayed")
        assert (replay.duplicate, replay.replies) == (True, ())
        assert service.store.get(key, late)["s"] == before
    assert not service.handle("sms", user, Inbound("1", 2.0 + HOURS_48), "SM-replayed").duplicate
    service.store.close()


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_delivery_ids_are_bounded_in_number_and_only_the_newest_keep_replies(engine: Engine, tmp_path: Path,
                                                                            request: pytest.FixtureRequest,
                                                                            backend: str) -> None:
    """250 messages in two days: the record keeps the newest 200 delivery-id hashes with their times, and the
    replies of the newest two only, in a record of their own that lives an hour."""
    url = store_url(backend, tmp_path, request, 12)
    service = Service(engine, open_store(url), SECRET, rate_limit=10**6)
    for i in range(250):
        service.handle("sms", "+15555550146", Inbound(["hi", "1", "back"][i % 3], 10.0 + i), f"SM-{i}")
    key = user_key(SECRET, "sms", "+15555550146")
    kept = entries(service.store.get(key, 300.0), 300.0)
    assert [at for _, at in kept] == list(range(60, 260))
    assert [h for h, _ in kept] == [message_key(SECRET, "sms", f"SM-{i}")[:12] for i in range(50, 250)]
    answers = service.store.get(replies_key(key), 300.0)
    assert answers["h"] == [h for h, _ in kept[-2:]] and all(answers["r"])
    if backend == "sqlite":
        assert service.store.get(replies_key(key), 259.0 + REPLIES_TTL) is None
    else:
        assert 0 < redis.Redis.from_url(url).pttl("kyr:" + replies_key(key)) <= REPLIES_TTL * 1000
    assert service.handle("sms", "+15555550146", Inbound("1", 300.0), "SM-49").duplicate is False   # the oldest, forgotten
    service.store.close()


def test_records_written_before_delivery_times_still_recognise_their_deliveries(service: Service) -> None:
    """Records of the two previous formats (a list under "d" of [hash, replies] with no time, or of [hash, time,
    replies], the replies inside) are read, not a crash: their deliveries count as handled (when first read, if
    they carry no time), a redelivery gets its replies, and the next message rewrites the record in today's form."""
    service.handle("sms", "+15555550147", Inbound("hi", 1.0), "SM-a")
    key = user_key(SECRET, "sms", "+15555550147")
    first = service.handle("sms", "+15555550147", Inbound("1", 1.5), "SM-0")
    digest = message_key(SECRET, "sms", "SM-0")
    replies = [{"t": r.text, "o": [[c.key, c.label, c.target] for c in r.options], "l": r.lang, "r": r.rtl,
                "k": r.kind} for r in first.replies]
    session = {**Session().to_dict(), **service.store.get(key, 2.0)["s"]}
    for old in ([[digest, replies]], [[digest, 1, replies]]):
        service.store.delete(replies_key(key))
        service.store.put(key, {"s": session, "d": old}, None, 2.0)
        again = service.handle("sms", "+15555550147", Inbound("1", 3.0), "SM-0")
        assert again.duplicate and again.replies == first.replies
    assert service.handle("sms", "+15555550147", Inbound("2", 4.0), "SM-b").session.at == "ice_at_door.enter"
    record = service.store.get(key, 5.0)
    assert set(record) == {"s", "i"} and [h for h, _ in entries(record, 5.0)] == [digest[:12], message_key(
        SECRET, "sms", "SM-b")[:12]]


@pytest.mark.parametrize("word", ["STOP", "borrar"])
def test_the_last_replies_go_with_the_conversation_on_stop_and_delete(service: Service, word: str) -> None:
    """The replies kept to answer a redelivery are erased by STOP and DELETE with the conversation."""
    key = user_key(SECRET, "sms", "+15555550148")
    for i, text in enumerate(["hola", "1", word]):
        service.handle("sms", "+15555550148", Inbound(text, float(i)), f"SM-{i}")
        assert (service.store.get(replies_key(key), float(i)) is None) == (text == word)


def test_delete_leaves_no_trace_of_the_conversation_in_the_sqlite_files(engine: Engine, tmp_path: Path) -> None:
    """'Erased at once' holds on disk: no page of the database or its write-ahead log keeps the conversation; the
    hashed key stays only on the rate record (a count and a time), and is gone once its window has passed and
    the purge has run."""
    service = Service(engine, open_store(f"sqlite:///{tmp_path}/w.db"), SECRET)
    for i, text in enumerate(["hola", "1", "2", "borrar"]):
        service.handle("sms", "+15555550144", Inbound(text, float(i)))
    key = user_key(SECRET, "sms", "+15555550144")
    with sqlite3.connect(tmp_path / "w.db") as db:
        assert db.execute("SELECT key, value FROM records").fetchall() == [(rate_key(key), '{"r":[0.0,4]}')]
    files = [p for p in tmp_path.iterdir() if p.name.startswith("w.db")]
    assert files and not [p.name for p in files if b"ice_at_door" in p.read_bytes() or b'"s":' in p.read_bytes()]
    service.purge(3.0 + RATE_WINDOW)
    assert not [p.name for p in files if p.exists() and key.encode() in p.read_bytes()]
