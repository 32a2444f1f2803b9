"""Time Router.route: one message against every phrase of every language; median and p99 over mixed messages.

Usage:
    python scripts/bench_routing.py [--n 3000] [--seed 7] [--scale 1,10]

Messages are the dev set's texts plus variants (typos, upper case, extra words, truncations), so most are
unseen: the router's exact-phrase table does not short-cut them. Prints index build time and per-message times,
with the trained n-gram model (bot/nlu/classifier.py) as the bot runs it; --no-model times the router without.

--scale 10 times the router built on ten times today's phrases: the real ones plus synthetic copies, each
with half its words (a different half for each copy) made into new words by adding letters, so the
vocabulary, the typo candidates and the phrases per word all grow as more content would make them grow.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

from bot.cli.route_eval import DEFAULT_DEVSET, read_devset
from bot.content.model import Phrase
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


def synthetic(phrases: list[Phrase], copies: int, rng: random.Random) -> list[Phrase]:
    """The phrases and `copies - 1` altered copies of each (see the module docstring)."""
    out = list(phrases)
    for k in range(1, copies):
        for p in phrases:
            words = p.text.split()
            changed = set(rng.sample(range(len(words)), (len(words) + 1) // 2))
            text = " ".join(w + "qxz"[k % 3] + chr(97 + k % 26) if i in changed else w for i, w in enumerate(words))
            out.append(Phrase(text, p.target, p.lang))
    return out


def main() -> None:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scale", default="1", help="comma-separated multiples of today's phrases")
    ap.add_argument("--no-model", action="store_true", help="without the n-gram model")
    args = ap.parse_args()
    engine = build_engine(detector=False)
    if args.no_model:
        engine.router.model = None
    texts = [c.text for c in read_devset(DEFAULT_DEVSET)]
    for scale in map(int, args.scale.split(",")):
        rng = random.Random(args.seed)
        phrases = synthetic(list(engine.content.phrases), scale, rng)
        start = time.perf_counter()
        # built again, to time the build (with the trained n-gram model, read from disk once per process)
        router = Router(phrases, engine.router.urgent, engine.router.ranks, model=engine.router.model)
        built = time.perf_counter() - start
        messages = [variant(rng.choice(texts), rng) for _ in range(args.n)]
        for text in messages[:200]:  # warm-up
            router.route(text)
        times = []
        for text in messages:
            t0 = time.perf_counter()
            router.route(text)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        print(f"x{scale}: {len(phrases)} phrases in {len(engine.content.languages)} languages, index built in "
              f"{built * 1000:.0f} ms; {len(times)} messages: median {statistics.median(times):.3f} ms, "
              f"p90 {times[int(len(times) * 0.9)]:.3f} ms, p99 {times[int(len(times) * 0.99)]:.3f} ms, "
              f"max {times[-1]:.3f} ms")


if __name__ == "__main__":
    main()
