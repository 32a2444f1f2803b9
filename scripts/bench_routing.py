"""Time Router.route: one message against every phrase of every language; median and p99 over mixed messages.

Usage:
    python scripts/bench_routing.py [--n 3000] [--seed 7]

Messages are the dev set's texts plus variants (typos, upper case, extra words, truncations), so most are
unseen: the router's exact-phrase table does not short-cut them. Prints index build time and per-message times.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

from bot.cli.route_eval import DEFAULT_DEVSET, read_devset
from bot.nlu.router import Router
from bot.service.runtime import build_engine

FILLERS = ("please", "help", "right now", "what do i do", "urgente", "svp", "ayuda", "!!", "today", "pls")


def variant(text: str, rng: random.Random) -> str:
    """A plausible variation of a message: a dropped or doubled letter, shouting, a filler, a cut."""
    kind = rng.randrange(5)
    if kind == 0 and len(text) > 4:
        i = rng.randrange(len(text))
        return text[:i] + text[i + 1:]
    if kind == 1 and len(text) > 4:
        i = rng.randrange(len(text))
        return text[:i] + text[i] * 2 + text[i:]
    if kind == 2:
        return text.upper()
    if kind == 3:
        return f"{text} {rng.choice(FILLERS)}"
    return text[: max(3, len(text) * 2 // 3)]


def main() -> None:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    engine = build_engine(detector=False)
    start = time.perf_counter()
    router = Router(engine.content.phrases, engine.router.urgent)   # built again, to time the build
    built = time.perf_counter() - start
    texts = [c.text for c in read_devset(DEFAULT_DEVSET)]
    messages = [variant(rng.choice(texts), rng) for _ in range(args.n)]
    times = []
    for text in messages:
        t0 = time.perf_counter()
        router.route(text)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"phrases: {len(engine.content.phrases)} in {len(engine.content.languages)} languages "
          f"(+ flows/phrases); index built in {built * 1000:.0f} ms")
    print(f"messages: {len(times)}  median {statistics.median(times):.3f} ms  "
          f"p90 {times[int(len(times) * 0.9)]:.3f} ms  p99 {times[int(len(times) * 0.99)]:.3f} ms  "
          f"max {times[-1]:.3f} ms")


if __name__ == "__main__":
    main()
