"""Privacy of talking to a person: after whole cases (an SMS person and a Telegram person, answers, messages both
ways) are erased with DELETE, no phone number, chat id or word anyone wrote is in the store (SQLite file, -wal,
-shm; Redis keys and dump), in the queue's storage (huey's SQLite file; its Redis keys), or in any log."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.service.privacy import user_key
from tests.fakes import FakeBotApi, FakeTwilioApi
from tests.handoff_rig import ANA, SECRET, Rig, log_everything, store_for
from tests.test_privacy import files_under, redis_everything

PHONE = "+15555550177"
FAMILY = "+15555550166"
CHAT_ID = 987654329
MARKERS = ["Quibblethorpe", "Zanzibarnacle", "Wobblecrest", "Fizzlewick", "Snorkmaiden"]


def secrets() -> list[str]:
    """What must not be found anywhere: the numbers in several forms, the chat id, every marker word."""
    forms = [PHONE, PHONE[1:], PHONE[2:], "555-555-0177", "(555) 555-0177", "%2B15555550177",
             FAMILY, FAMILY[2:], "555-555-0166"]
    return [*forms, str(CHAT_ID), *MARKERS]


def assert_nothing_found(blob: bytes | str, where: str) -> None:
    """None of the secrets in the blob (bytes also searched as UTF-16, lower case)."""
    for secret in secrets():
        if isinstance(blob, bytes):
            for form in (secret.encode(), secret.encode("utf-16-le"), secret.lower().encode()):
                assert form not in blob, f"{secret!r} found in {where}"
        else:
            assert secret.lower() not in blob.lower(), f"{secret!r} found in {where}"


def whole_cases(rig: Rig, bot_api: FakeBotApi, twilio: FakeTwilioApi) -> None:
    """Two people's cases with every kind of message, then DELETE from both."""
    for text in ("person", "1", "1", f"JFK, {MARKERS[0]} terminal", "since noon", "5", MARKERS[1], FAMILY, "yes"):
        rig.sms(PHONE, text)
    for text in ("person", "3", f"my cousin {MARKERS[2]}", "yesterday in Denver", "CO", "English", "yes"):
        rig.telegram(CHAT_ID, text)
    cards = rig.group_messages(2)
    assert MARKERS[0] in cards[0]["text"] or MARKERS[0] in cards[1]["text"]
    numbers = sorted(c.number for c in (rig.desk.cases.current(user_key(SECRET.encode(), ch, raw), time.time())
                                        for ch, raw in (("sms", PHONE), ("telegram", str(CHAT_ID)))))
    for number in numbers:
        rig.wait(lambda n=number: rig.desk.cases.get(n, time.time()).private.card)
        card = rig.desk.cases.get(number, time.time()).private.card
        rig.press(ANA, f"c:claim:{number}", card)
        rig.reply_in_group(ANA, f"Hello from {MARKERS[3]}", card)
    rig.sms(PHONE, f"thanks {MARKERS[4]}")
    rig.telegram(CHAT_ID, f"thanks {MARKERS[4]}")
    twilio.wait_for(2, to=PHONE)
    rig.group_messages(4)
    rig.wait(lambda: sum(len(rig.desk.cases.get(n, time.time()).private.tg) for n in numbers) == 4)
    rig.sms(PHONE, "DELETE")
    rig.telegram(CHAT_ID, "/delete")
    rig.wait(lambda: len(bot_api.calls("deleteMessage")) == 4)   # two cards, two thread messages
    rig.idle()
    for number in numbers:
        assert rig.desk.cases.get(number, time.time()) is None


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_nothing_identifying_is_left_after_cases_are_erased(backend: str, engine: Engine, tmp_path: Path,
                                                            bot_api: FakeBotApi, twilio: FakeTwilioApi,
                                                            request: pytest.FixtureRequest,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    log_everything(caplog)
    store = store_for(backend, request, 6)
    with Rig(engine, tmp_path, bot_api, twilio, store=store) as rig:
        whole_cases(rig, bot_api, twilio)
        if backend == "redis":
            assert_nothing_found(redis_everything(store, tmp_path), "Redis (store and queue)")
        else:
            files = {p.name for p in (tmp_path / "store").iterdir()}
            assert {"kyr.db", "kyr.db-wal", "kyr-queue.db"} <= files
            assert_nothing_found(files_under(tmp_path / "store"), "the SQLite store and queue files")
    if backend == "sqlite":
        rig.service.store.close()   # a checkpoint moves the WAL into the main file: search again
        assert_nothing_found(files_under(tmp_path / "store"), "the SQLite files after close")
    logs = "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    assert "case opened case=" in logs and "case erased case=" in logs
    assert_nothing_found(logs, "the logs")
