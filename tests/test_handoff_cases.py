"""Cases: sealed under KYR_CASE_KEY (several keys for rotation), on the session store's backend (SQLite and a real
Redis), a retention period after closing, DELETE erasing every case of the person, and start-up refusing a missing
or wrong key with one line."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from cryptography.fernet import Fernet

from bot.handoff.cases import CLOSED, INTAKE, OPEN, CaseStore
from bot.handoff.config import KEY_HELP, parse_responders, read_handoff
from bot.handoff.crypto import Sealer, SealError
from bot.handoff.hours import parse_hours
from bot.service.runtime import ROOT, ConfigError, settings_from
from bot.store import SQLiteStore, Store, open_store

KEY, OLD = Fernet.generate_key().decode(), Fernet.generate_key().decode()
PHONE = "+15555550177"
WORDS = "my brother Quibblethorpe is held at JFK"
DAY = 86400.0
NOW = 1_900_000_000.0


@pytest.fixture(params=["sqlite", "redis"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A session store on each backend."""
    if request.param == "redis":
        url = request.getfixturevalue("redis_url").rsplit("/", 1)[0] + "/9"
        redis.Redis.from_url(url).flushdb()
        opened = open_store(url)
    else:
        opened = open_store(f"sqlite:///{tmp_path}/cases.db")
    yield opened
    opened.close()


def cases_on(store: Store, *keys: str) -> CaseStore:
    """A case store sealing with these keys (newest first)."""
    return CaseStore(store, Sealer(keys or (KEY,)), retention=7 * DAY, idle=DAY)


def test_sealer_round_trip_and_rotation() -> None:
    old = Sealer([OLD])
    token = old.seal({"to": PHONE})
    assert PHONE not in token and old.open(token) == {"to": PHONE}
    both = Sealer([KEY, OLD])
    assert both.open(token) == {"to": PHONE}                   # an old record opens while both keys are listed
    assert Sealer([KEY]).open(both.rotate(token)) == {"to": PHONE}
    with pytest.raises(SealError):
        Sealer([KEY]).open(token)


@pytest.mark.parametrize(("keys", "message"), [
    (["not-a-key"], f"KYR_CASE_KEY: key 1 of 1 is not a Fernet key (44 url-safe base64 characters; make one with {KEY_HELP})"),
    ([KEY, "short"], f"KYR_CASE_KEY: key 2 of 2 is not a Fernet key (44 url-safe base64 characters; make one with {KEY_HELP})"),
])
def test_a_malformed_key_is_named_by_position_never_shown(keys: list[str], message: str) -> None:
    with pytest.raises(ValueError) as err:
        Sealer(keys)
    assert str(err.value) == message and "short" not in str(err.value)


def test_a_case_keeps_the_person_only_sealed(store: Store) -> None:
    cases = cases_on(store)
    case = cases.start("u:abc", "airport", NOW)
    assert case.status == INTAKE and case.number > 100

    def answer(c):
        c.private.channel, c.private.address = "sms", PHONE
        c.private.answers["where"] = ["t", WORDS]

    cases.update(case.number, answer, NOW + 1)
    got = cases.current("u:abc", NOW + 2)
    assert got is not None and got.private.address == PHONE and got.private.answers["where"] == ["t", WORDS]
    raw = store.get(f"case:{case.number}", NOW + 2)
    assert PHONE not in repr(raw) and "Quibblethorpe" not in repr(raw)
    assert raw["status"] == INTAKE and raw["user"] == "u:abc"


def test_numbers_count_up_and_a_new_intake_replaces_an_unfinished_one(store: Store) -> None:
    cases = cases_on(store)
    first = cases.start("u:abc", "airport", NOW)
    second = cases.start("u:abc", "door", NOW + 1)
    assert second.number == first.number + 1
    assert cases.get(first.number, NOW + 2) is None
    assert cases.current("u:abc", NOW + 2).kind == "door"


def test_a_closed_case_lives_for_the_retention_period(store: Store) -> None:
    cases = cases_on(store)
    case = cases.start("u:abc", "airport", NOW)
    cases.update(case.number, lambda c: setattr(c, "status", OPEN), NOW)
    closed = cases.close(case.number, NOW + 10)
    assert closed.status == CLOSED and cases.current("u:abc", NOW + 11) is None
    assert cases.get(case.number, NOW + 10 + 7 * DAY - 1) is not None
    if isinstance(store, SQLiteStore):
        assert store.purge_expired(NOW + 10 + 7 * DAY + 1) >= 1
        assert cases.get(case.number, NOW + 10 + 7 * DAY + 1) is None
    else:   # Redis expires by itself, on its own clock: the key's time to live is the retention period
        ttl = store._client.pttl(f"kyr:case:{case.number}")
        assert 7 * DAY * 1000 - 60_000 < ttl <= 7 * DAY * 1000


def test_delete_erases_every_case_of_the_person_closed_ones_too(store: Store) -> None:
    cases = cases_on(store)
    first = cases.start("u:abc", "airport", NOW)
    cases.update(first.number, lambda c: setattr(c, "status", OPEN), NOW)
    cases.index_message(4242, first.number, NOW)
    cases.update(first.number, lambda c: c.private.tg.append(4242), NOW)
    cases.close(first.number, NOW + 1)
    second = cases.start("u:abc", "question", NOW + 2)
    other = cases.start("u:other", "door", NOW + 2)
    erased = cases.erase_user("u:abc", NOW + 3)
    assert sorted(c.number for c in erased) == [first.number, second.number]
    assert cases.get(first.number, NOW + 3) is None and cases.get(second.number, NOW + 3) is None
    assert cases.by_message(4242, NOW + 3) is None and store.get("case:user:u:abc", NOW + 3) is None
    assert cases.get(other.number, NOW + 3) is not None


def test_the_key_check_refuses_a_changed_key_and_accepts_a_rotation(store: Store) -> None:
    cases_on(store, OLD).check_key(NOW)
    cases_on(store, OLD).check_key(NOW)
    with pytest.raises(ValueError) as err:
        cases_on(store, KEY).check_key(NOW)
    assert str(err.value) == ("KYR_CASE_KEY does not open the cases already stored: put the key they were sealed "
                              "with after the new one (KYR_CASE_KEY=new,old), or erase the case:* records")
    cases_on(store, KEY, OLD).check_key(NOW)       # rotation: the new key first, the old one after it
    cases_on(store, KEY).check_key(NOW)            # the check record was re-sealed under the new key


RESPONDERS = {"KYR_RESPONDERS_TELEGRAM_CHAT": "-1001234567890", "TELEGRAM_BOT_TOKEN": "1:x", "KYR_ORG_NAME": "Org"}


@pytest.mark.parametrize(("config", "message"), [
    ({}, f"set KYR_CASE_KEY: cases (reply addresses, answers) are stored encrypted ({KEY_HELP})"),
    ({"KYR_CASE_KEY": KEY, "KYR_ORG_NAME": ""},
     "set KYR_ORG_NAME: people are told which organisation's volunteers read their answers"),
    ({"KYR_CASE_KEY": KEY, "TELEGRAM_BOT_TOKEN": ""},
     "set TELEGRAM_BOT_TOKEN: KYR_RESPONDERS_TELEGRAM_CHAT needs the bot to post case cards"),
    ({"KYR_CASE_KEY": KEY, "TWILIO_AUTH_TOKEN": "t"},
     "set TWILIO_ACCOUNT_SID and TWILIO_FROM: volunteers' messages go out through Twilio's REST API "
     "(TWILIO_FROM is the bot's own number, +1...)"),
    ({"KYR_CASE_KEY": KEY, "KYR_RESPONDERS_TELEGRAM_CHAT": "group"},
     "KYR_RESPONDERS_TELEGRAM_CHAT must be the group's numeric id (like -1001234567890), got 'group'"),
    ({"KYR_CASE_KEY": KEY, "KYR_RESPONDER_HOURS": "weekdays"},
     "KYR_RESPONDER_HOURS must look like 'Mon-Fri 09:00-18:00 America/New_York', got 'weekdays'"),
])
def test_settings_that_cannot_work_are_refused_in_one_line(config: dict, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        settings_from({"KYR_STORE": "sqlite:///:memory:", **RESPONDERS, **config})
    assert str(err.value) == message


def test_without_responders_nothing_is_required() -> None:
    assert not settings_from({"KYR_STORE": "sqlite:///:memory:", "KYR_SECRET": "x"}).handoff.on


def test_responder_numbers_with_languages() -> None:
    got = parse_responders("+15551230001:es,en; +15551230002 +15551230003:ar")
    assert [(r.number, sorted(r.langs)) for r in got] == [
        ("+15551230001", ["en", "es"]), ("+15551230002", []), ("+15551230003", ["ar"])]
    assert got[0].speaks("es") and not got[0].speaks("ar") and got[1].speaks("ar")
    with pytest.raises(ValueError, match="KYR_RESPONDERS_SMS: '5551230001' is not a number"):
        parse_responders("5551230001")


def test_responder_hours_in_their_time_zone() -> None:
    hours = parse_hours("Mon-Fri 09:00-18:00 America/New_York")
    monday_10am_new_york = 1_900_000_000 - (1_900_000_000 % (7 * 86400)) + 4 * 86400 + 15 * 3600  # a Monday, 15:00 UTC
    assert hours.open_at(monday_10am_new_york)
    assert not hours.open_at(monday_10am_new_york + 10 * 3600)   # 20:00 in New York
    assert not hours.open_at(monday_10am_new_york + 5 * 86400)   # Saturday


def test_start_up_stops_with_one_line_when_the_key_is_wrong(tmp_path: Path) -> None:
    """python3 webhook.py with responders and a key that does not open the stored cases: exit 2, one line."""
    env = {**os.environ, **RESPONDERS, "KYR_STORE": f"sqlite:///{tmp_path}/k.db", "KYR_SECRET": "x",
           "KYR_CASE_KEY": OLD, "PORT": "1"}
    store = open_store(env["KYR_STORE"])
    cases_on(store, OLD).check_key(NOW)
    store.close()
    env["KYR_CASE_KEY"] = KEY
    run = subprocess.run([sys.executable, str(ROOT / "webhook.py")], capture_output=True, text=True, env=env,
                         timeout=120, cwd=tmp_path)
    assert run.returncode == 2
    last = run.stderr.strip().splitlines()[-1]
    assert last == ("kyrbot cannot start: KYR_CASE_KEY does not open the cases already stored: put the key they "
                    "were sealed with after the new one (KYR_CASE_KEY=new,old), or erase the case:* records")


def test_read_handoff_is_off_by_default() -> None:
    settings = read_handoff(lambda name, default="": default)
    assert not settings.on and settings.retention == 7 * DAY and settings.claim_minutes == 10
