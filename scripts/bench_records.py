"""Bytes a stored session costs, at 100,000 sessions, on SQLite and Redis: printed, never asserted.

Usage:
    python3 scripts/bench_records.py [--sessions 100000] [--samples 2000] [--schema both]

Records are real: `--samples` people (random language, 1 to 20 messages each: the greeting, numbered options,
BACK, MORE, MENU, a state, free text) talk to the real Service on an in-memory store, and their conversation
records are copied under new keys until there are `--sessions`. That is a store at rest: the replies kept for
an hour and the one-minute rate counts have expired, as they have for nearly every session (the figure with
them, for people active in the last hour, is printed too).

SQLite: page_count x page_size / sessions after a checkpoint, for the store's own schema and for the other
table kind (`--schema`). Redis: MEMORY USAGE of the keys, and used_memory growth, per session.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import _bootstrap  # noqa: F401  (puts the repository on sys.path)
import redis

from bot.core.session import Inbound
from bot.service.handler import Service
from bot.service.runtime import build_engine
from bot.store import open_store
from tests.gunicorn_server import RedisProcess, free_port

TEXTS = ["1", "2", "3", "1", "2", "back", "menu", "more", "0", "help", "Texas", "ICE is at my door", "yes", "no"]
WEEK = 7 * 86400.0
ROWID = "CREATE TABLE records (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at REAL)"


def sample_records(count: int) -> tuple[list[str], list[str]]:
    """Conversation records (JSON as stored) of `count` people, and the other records they left behind."""
    engine, rng = build_engine(detector=False), random.Random(7)
    service = Service(engine, open_store("sqlite:///:memory:"), b"bench-secret", rate_limit=10**9)
    now = time.time()
    for person in range(count):
        lang = rng.choice(list(engine.content.languages))
        sends = ["hi", *(rng.choice(TEXTS) for _ in range(rng.randint(0, 19)))]
        for i, text in enumerate(sends):
            msg = Inbound(text, now + 20 * i, lang_pick=lang if i == 0 else None)
            service.handle("sms", f"+1555{person:07d}", msg, f"SM{person:08d}{i:04d}")
    rows = service.store._run(lambda conn: conn.execute("SELECT key, value FROM records").fetchall())  # type: ignore[attr-defined]
    conversations = [value for key, value in rows if key.startswith("u:")]
    return conversations, [value for key, value in rows if not key.startswith("u:")]


def sqlite_bytes(values: list[str], sessions: int, path: Path, schema: str | None) -> float:
    """Bytes on disk per session: the store's own file, or a table made with `schema` and the same indexes."""
    if schema:
        with sqlite3.connect(path) as conn:
            conn.execute(schema)
    store = open_store(f"sqlite:///{path}")
    now = time.time()
    for i in range(sessions):
        store.put(f"u:{i:064x}", json.loads(values[i % len(values)]), WEEK, now)
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages, size = conn.execute("PRAGMA page_count").fetchone()[0], conn.execute("PRAGMA page_size").fetchone()[0]
    return pages * size / sessions


def redis_bytes(values: list[str], sessions: int, work: Path) -> tuple[float, float]:
    """(mean MEMORY USAGE of a session's key, used_memory growth per session) on a private redis-server."""
    server = RedisProcess(shutil.which("redis-server") or "redis-server", free_port(), work, persist=False)
    server.start()
    try:
        client, store = redis.Redis.from_url(server.url), open_store(server.url)
        before = client.info("memory")["used_memory"]
        for i in range(sessions):
            store.put(f"u:{i:064x}", json.loads(values[i % len(values)]), WEEK, time.time())
        grown = (client.info("memory")["used_memory"] - before) / sessions
        usage = statistics.mean(client.memory_usage(f"kyr:u:{i:064x}") or 0 for i in range(0, sessions, 97))
        return usage, grown
    finally:
        server.kill()


def main(argv: list[str]) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=100_000)
    ap.add_argument("--samples", type=int, default=2000)
    ap.add_argument("--schema", choices=["store", "both"], default="both")
    args = ap.parse_args(argv)
    values, others = sample_records(args.samples)
    sizes = [len(v.encode()) for v in values]
    print(f"conversation record: mean {statistics.mean(sizes):.0f} bytes of JSON, max {max(sizes)} "
          f"({len(values)} people, 1-20 messages each); for people active in the last hour, "
          f"+{sum(len(v.encode()) for v in others) / len(values):.0f} bytes of replies and rate counts")
    work = Path(tempfile.mkdtemp(prefix="kyr-records-"))
    try:
        own = sqlite_bytes(values, args.sessions, work / "store.db", None)
        print(f"SQLite, the store's schema: {own:.0f} bytes per session on disk ({args.sessions} sessions)")
        if args.schema == "both":
            other = sqlite_bytes(values, args.sessions, work / "rowid.db", ROWID)
            print(f"SQLite, an ordinary rowid table: {other:.0f} bytes per session on disk")
        usage, grown = redis_bytes(values, args.sessions, work)
        print(f"Redis: MEMORY USAGE {usage:.0f} bytes per session key, used_memory +{grown:.0f} bytes per session")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
