"""Benchmarks (printed, never asserted): content load, engine step, then the ones with scripts of their own.

Usage:
  python scripts/bench.py [--quick] [--profile]
Figures go into docs/measurements.md and the release notes; the tests never time anything.

After the in-process figures it runs scripts/bench_startup.py (gunicorn start-up to the first answer, memory),
scripts/bench_records.py (bytes per stored session at 100,000 sessions) and scripts/bench_webhook.py (signed
/twilio against its floor under gunicorn and wrk, Redis and SQLite; --profile adds a cProfile of its workers).
--quick runs fewer steps, smaller stores and shorter runs.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time

import _bootstrap  # noqa: F401  (puts the repository on sys.path)
import bench_records
import bench_startup
import bench_webhook

from bot.core.engine import Engine
from bot.core.session import Inbound, Session
from bot.service.runtime import ROOT, build_engine

SAMPLE_TEXTS = ["1", "2", "3", "back", "menu", "MORE", "ICE is at my door", "me detuvieron en el aeropuerto",
                "报警会被问身份吗", "الشرطة عند الباب", "xyzzy", "help", "Texas", "0"]


def pct(values: list[float], q: float) -> float:
    """The q-th percentile of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def bench_load() -> None:
    """Time to load and validate all content and build every index, in a fresh process (the language model
    loads in a thread in the service: scripts/bench_startup.py times what a person waits for)."""
    code = ("import time; t=time.perf_counter(); from bot.service.runtime import build_engine; "
            "e=build_engine(); print(time.perf_counter()-t)")
    times = [float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                  check=True).stdout) for _ in range(3)]
    code2 = code.replace("build_engine()", "build_engine(detector=False)")
    times2 = [float(subprocess.run([sys.executable, "-c", code2], cwd=ROOT, capture_output=True, text=True,
                                   check=True).stdout) for _ in range(3)]
    print(f"load + validate content, indexes, language model: {min(times):.2f} s "
          f"(without the model {min(times2):.2f} s)")


def bench_engine(engine: Engine, n: int) -> None:
    """One engine step from random nodes, in every language, with a realistic mix of messages."""
    rng = random.Random(7)
    nodes = [nd.key for f in engine.content.flows.values() for nd in f.nodes.values()]
    langs = list(engine.content.languages)
    cases = [(Session(at=rng.choice(nodes), lang=rng.choice(langs), seen=1.0), rng.choice(SAMPLE_TEXTS))
             for _ in range(n)]
    for session, text in cases:   # warm-up: each node's label index is built on its first free-text message
        engine.step(session, Inbound(text, 2.0))
    times = []
    for session, text in cases:
        t = time.perf_counter()
        engine.step(session, Inbound(text, 2.0))
        times.append((time.perf_counter() - t) * 1e6)
    print(f"engine step over {len(nodes)} nodes x {len(langs)} languages, {n} steps: "
          f"p50 {pct(times, 50):.0f} us, p99 {pct(times, 99):.0f} us, mean {statistics.mean(times):.0f} us")
    numbers = [t for t, (_, text) in zip(times, cases) if text.isdigit()]
    print(f"  numbered options only: p50 {pct(numbers, 50):.0f} us, p99 {pct(numbers, 99):.0f} us")
    for lang in langs:
        mine = [t for t, (session, _) in zip(times, cases) if session.lang == lang]
        print(f"  {lang}: p50 {pct(mine, 50):.0f} us, p99 {pct(mine, 99):.0f} us ({len(mine)} steps)")


def main(argv: list[str]) -> int:
    """Run every benchmark."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--profile", action="store_true", help="cProfile /twilio's gunicorn workers")
    args = ap.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    bench_load()
    engine = build_engine()
    bench_engine(engine, 2000 if args.quick else 20000)
    bench_startup.main(["--runs", "1" if args.quick else "3"])
    bench_records.main(["--sessions", "10000" if args.quick else "100000"])
    quick = ["--pairs", "1", "--seconds", "3"] if args.quick else []
    bench_webhook.main(quick + (["--profile"] if args.profile else []))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
