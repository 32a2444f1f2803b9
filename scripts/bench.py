"""Benchmarks (printed, never asserted): engine step, start-up, memory per session, webhook vs bare Flask.

Usage:
  python scripts/bench.py [--quick]
Figures go into the README and the release notes; the tests never time anything.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.engine import Engine  # noqa: E402
from bot.runtime import ROOT, build_engine  # noqa: E402
from bot.session import Inbound, Session  # noqa: E402
from bot.store import open_store  # noqa: E402

SAMPLE_TEXTS = ["1", "2", "3", "back", "menu", "MORE", "ICE is at my door", "me detuvieron en el aeropuerto",
                "报警会被问身份吗", "الشرطة عند الباب", "xyzzy", "help", "Texas", "0"]


def pct(values: list[float], q: float) -> float:
    """The q-th percentile of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def bench_startup() -> None:
    """Time to load and validate all content and build every index, in a fresh process."""
    code = ("import time; t=time.perf_counter(); from bot.runtime import build_engine; "
            "e=build_engine(); print(time.perf_counter()-t)")
    times = [float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                  check=True).stdout) for _ in range(3)]
    code2 = code.replace("build_engine()", "build_engine(detector=False)")
    times2 = [float(subprocess.run([sys.executable, "-c", code2], cwd=ROOT, capture_output=True, text=True,
                                   check=True).stdout) for _ in range(3)]
    print(f"start-up (load+validate content, indexes, language detector): {min(times):.2f} s "
          f"(without detector {min(times2):.2f} s)")


def bench_engine(engine: Engine, n: int) -> None:
    """One engine step from random nodes, in every language, with a realistic mix of messages."""
    rng = random.Random(7)
    nodes = [nd.key for f in engine.content.flows.values() for nd in f.nodes.values()]
    langs = list(engine.content.languages)
    cases = [(Session(at=rng.choice(nodes), lang=rng.choice(langs), seen=1.0), rng.choice(SAMPLE_TEXTS))
             for _ in range(n)]
    times = []
    for session, text in cases:
        t = time.perf_counter()
        engine.step(session, Inbound(text, 2.0))
        times.append((time.perf_counter() - t) * 1e6)
    print(f"engine step over {len(nodes)} nodes x {len(langs)} languages, {n} steps: "
          f"p50 {pct(times, 50):.0f} us, p99 {pct(times, 99):.0f} us, mean {statistics.mean(times):.0f} us")
    numbers = [t for t, (_, text) in zip(times, cases) if text.isdigit()]
    print(f"  numbered options only: p50 {pct(numbers, 50):.0f} us, p99 {pct(numbers, 99):.0f} us")


def realistic_record(engine: Engine, i: int) -> dict:
    """A session as the service stores it after a few turns."""
    s = Session(at="ice_at_door.warrant", lang="es", trail=["menu.start", "ice_at_door.start"], state="MA",
                seen=1_800_000_000.0 + i)
    reply = {"t": "x" * 300, "o": [["1", "Label", "ice_at_door.judge"]] * 4, "l": "es", "r": False, "k": "message"}
    return {"s": s.to_dict(), "d": [[f"{i:020x}", [reply]]], "r": [1_800_000_000.0, 3]}


def bench_memory(engine: Engine, n: int) -> None:
    """Bytes per stored session: SQLite file size, and Redis used_memory, for n sessions."""
    tmp = tempfile.mkdtemp()
    try:
        store = open_store(f"sqlite:///{tmp}/bench.db")
        now = time.time()
        for i in range(n):
            store.put(f"u:{i:064x}", realistic_record(engine, i), 7 * 86400, now)
        store.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        print(f"memory per session: SQLite {size / n:.0f} bytes on disk ({n} sessions, WAL included)")
        bench_redis_memory(engine, n, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench_redis_memory(engine: Engine, n: int, tmp: str) -> None:
    """Redis used_memory growth per session, on a private redis-server."""
    if not shutil.which("redis-server"):
        print("  Redis: redis-server not installed, skipped")
        return
    import socket

    import redis

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", tmp], stdout=subprocess.DEVNULL)
    try:
        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        before = client.info("memory")["used_memory"]
        store = open_store(f"redis://127.0.0.1:{port}/0")
        for i in range(n):
            store.put(f"u:{i:064x}", realistic_record(engine, i), 7 * 86400, time.time())
        after = client.info("memory")["used_memory"]
        print(f"  Redis {(after - before) / n:.0f} bytes per session (used_memory growth)")
    finally:
        proc.terminate()
        proc.wait()


def main(argv: list[str]) -> int:
    """Run every benchmark."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    bench_startup()
    engine = build_engine()
    bench_engine(engine, 2000 if args.quick else 20000)
    bench_memory(engine, 1000 if args.quick else 10000)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
