"""Load test: N simulated people, each a whole SMS conversation of signed Twilio requests, against a real
`gunicorn -w 2 webhook:app` on loopback, with Redis and with SQLite. Every person's transcript must equal the
one the same engine gives in-process (nothing lost, nothing doubled); exits 1 on any error or mismatch.

Usage:
  python3 scripts/loadtest.py                                  both stores, 1000 users x 10 messages, 32 at once
  python3 scripts/loadtest.py --store redis --users 200        one store, fewer users
  python3 scripts/loadtest.py --store redis --restart-redis    kill redis-server mid-run, restart it after --outage s
  python3 scripts/loadtest.py --url http://127.0.0.1:8000 --token T --base https://public.example.org
                                                               a server you started (same KYR_RATE_LIMIT and folding)
"""
from __future__ import annotations

import argparse
import json
import random
import secrets
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

from bot.channels.twilio.messaging import render
from bot.core.session import Inbound
from bot.service.runtime import build_service, settings_from
from tests.gunicorn_server import (
    Gunicorn,
    RedisProcess,
    ServerError,
    free_port,
    health,
    post_twilio,
    start_gunicorn,
    twilio_form,
)

TOKEN = "loadtest-token"
BASE = "https://kyr.loadtest.invalid"
RATE_LIMIT = "1000000"          # the per-user limit would silence a simulated person sending fast
RESEND_PAUSE = 0.2              # seconds a person waits before sending again after "try again"
MAX_RESENDS = 200               # then the person gives up: counted as an error
Transcripts = dict[str, list[list[str]]]   # script name -> the SMS bodies of each turn
Expected = tuple[Transcripts, set[tuple[str, ...]]]   # the transcripts, and every language's "try again" bodies

# Realistic conversations: menu numbers, free text in several languages, back, menu, help. Each person runs
# one of them; --messages cycles through it.
SCRIPTS: dict[str, list[str]] = {
    "en_menu": ["hi", "1", "2", "back", "0", "3", "1", "menu", "4", "0"],
    "en_urgent": ["ICE is at my door", "1", "back", "I am detained at the airport", "1", "0", "6", "1", "back",
                  "menu"],
    "es_free": ["hola", "la migra está en mi puerta", "1", "atrás", "menú", "2", "1", "0", "ayuda", "menu"],
    "zh_menu": ["你好", "1", "2", "返回", "菜单", "3", "0", "1", "1", "0"],
    "fr_free": ["bonjour", "j'ai été arrêté", "1", "retour", "menu", "5", "1", "0", "2", "menu"],
    "ar_menu": ["مرحبا", "1", "1", "رجوع", "0", "2", "1", "0", "help", "menu"],
    "vi_menu": ["xin chào", "1", "3", "menu", "6", "2", "back", "0", "4", "0"],
    "en_typos": ["helo", "i got stoped by police", "1", "bakc", "menu", "what is a detainer", "0", "7", "1", "0"],
}


@dataclass(frozen=True)
class Attempt:
    """One request of a person: which turn, what came back, when it was sent and answered (monotonic)."""

    turn: int
    kind: str
    sent: float
    answered: float


@dataclass(frozen=True)
class Diff:
    """A transcript that differs from the expected one: its script, first differing turn, every request."""

    script: str
    turn: int
    attempts: tuple[Attempt, ...]

    def __str__(self) -> str:
        return f"{self.script} turn {self.turn}: " + " ".join(
            f"{a.turn}:{a.kind}@{a.sent:.2f}-{a.answered:.2f}" for a in self.attempts)


@dataclass
class Stats:
    """What one run measured; thread-safe through `lock`."""

    latencies: list[float] = field(default_factory=list)
    requests: int = 0
    errors: int = 0          # exceptions, non-200 answers, people who gave up
    server_errors: int = 0   # 5xx answers among the errors
    try_again: int = 0
    mismatched: int = 0
    diffs: list[Diff] = field(default_factory=list)
    events: list[tuple[float, str]] = field(default_factory=list)   # (monotonic end time, ok|try_again|error)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, latency: float, kind: str, status: int | None) -> None:
        """Count one request."""
        with self.lock:
            self.requests += 1
            self.latencies.append(latency)
            self.events.append((time.monotonic(), kind))
            if kind == "error":
                self.errors += 1
                self.server_errors += status is not None and status >= 500
            elif kind == "try_again":
                self.try_again += 1


@dataclass
class Target:
    """Where to send, and how the expected transcripts are computed."""

    url: str
    token: str
    base: str
    expected: Transcripts
    try_again: set[tuple[str, ...]]


def sends(script: list[str], messages: int) -> list[str]:
    """The first `messages` texts of a script, cycling."""
    return [script[i % len(script)] for i in range(messages)]


def expected_transcripts(messages: int, fold: str) -> Expected:
    """Each script's SMS bodies per turn, and every language's "try again" bodies, from the same engine and
    settings the server uses (KYR_SMS_FOLD_ACCENTS=fold), rendered exactly as the Twilio adapter renders them."""
    settings = settings_from({"KYR_STORE": "sqlite:///:memory:", "KYR_SECRET": "expected",
                              "KYR_RATE_LIMIT": str(10**9), "KYR_SMS_FOLD_ACCENTS": fold})
    service = build_service(settings)
    expected = {}
    for name, script in SCRIPTS.items():
        turns = []
        for text in sends(script, messages):
            inbound = Inbound(text, time.time(), page=settings.page("sms"))
            outcome = service.handle("sms", f"expected-{name}", inbound, None)
            turns.append(render("sms", text, outcome, settings.fold_accents))
        expected[name] = turns
    try_again = {tuple(render("sms", "", service.try_again(lang), settings.fold_accents))
                 for lang in service.engine.content.languages}
    return expected, try_again


def run_person(target: Target, stats: Stats, number: str, script: str, messages: int, resend: bool) -> None:
    """One person's whole conversation, one message after the other; counts a mismatched transcript."""
    got: list[list[str]] = []
    trace: list[Attempt] = []
    for text in sends(SCRIPTS[script], messages):
        for _ in range(MAX_RESENDS):
            start, sent = time.perf_counter(), time.monotonic()
            try:
                status, bodies = post_twilio(target.url, target.token, target.base, twilio_form(number, text))
            except OSError:
                status, bodies = None, []
            kind = "ok" if status == 200 else "error"
            if kind == "ok" and tuple(bodies) in target.try_again:
                kind = "try_again"
            stats.record(time.perf_counter() - start, kind, status)
            trace.append(Attempt(len(got), kind, sent, time.monotonic()))
            if kind == "ok":
                got.append(bodies)
                break
            if not resend:
                got.append(["<%s>" % (status or "no answer")])
                break
            time.sleep(RESEND_PAUSE * random.uniform(0.5, 1.5))  # as a person would, and not in lockstep
        else:
            with stats.lock:
                stats.errors += 1
            got.append(["<gave up>"])
    expected = target.expected[script]
    if got != expected:
        turn = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
        with stats.lock:
            stats.mismatched += 1
            stats.diffs.append(Diff(script, turn, tuple(trace)))


def run_load(target: Target, users: int, messages: int, concurrency: int, resend: bool,
             during: Callable[[Stats], None] | None = None) -> tuple[Stats, float]:
    """All people, `concurrency` at a time; `during(stats)` runs alongside (the Redis restart). Wall seconds."""
    stats = Stats()
    run = secrets.randbelow(900) + 100   # fresh numbers per run: a --url server may keep old sessions
    names = list(SCRIPTS)
    side = threading.Thread(target=during, args=(stats,), daemon=True) if during else None
    start = time.perf_counter()
    if side:
        side.start()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(run_person, target, stats, f"+1{run}{i:07d}", names[i % len(names)], messages, resend)
                   for i in range(users)]
        for future in futures:
            future.result()
    wall = time.perf_counter() - start
    if side:
        side.join()
    return stats, wall


def percentile(values: list[float], p: int) -> float:
    """The p-th percentile in milliseconds."""
    if len(values) < 2:
        return (values[0] if values else 0.0) * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] * 1000


def summary(label: str, stats: Stats, wall: float, users: int, messages: int) -> dict:
    """The figures of one run."""
    return {"store": label, "users": users, "messages": users * messages, "requests": stats.requests,
            "errors": stats.errors, "5xx": stats.server_errors, "try_again": stats.try_again,
            "mismatched": stats.mismatched, "p50_ms": round(percentile(stats.latencies, 50), 1),
            "p95_ms": round(percentile(stats.latencies, 95), 1), "p99_ms": round(percentile(stats.latencies, 99), 1),
            "req_per_s": round(stats.requests / wall, 1), "seconds": round(wall, 1)}


class RedisRestart:
    """Kill redis-server once `fraction` of the requests are done, start it again `outage` seconds later, and
    watch /healthz meanwhile."""

    def __init__(self, redis: RedisProcess, url: str, total: int, fraction: float, outage: float, sig: str) -> None:
        self.redis, self.url, self.total, self.fraction, self.outage = redis, url, total, fraction, outage
        self.signal = signal.SIGTERM if sig == "term" else signal.SIGKILL
        self.killed = self.back = 0.0
        self.health: list[tuple[float, int | None]] = []

    def __call__(self, stats: Stats) -> None:
        """The side thread."""
        while stats.requests < self.total * self.fraction:
            time.sleep(0.01)
        self.killed = time.monotonic()
        self.redis.kill(self.signal)
        watcher = threading.Thread(target=self._watch, daemon=True)
        watcher.start()
        time.sleep(self.outage)
        self.redis.start()
        self.back = time.monotonic()
        watcher.join()

    def _watch(self) -> None:
        """Poll /healthz until it is 200 again after the restart."""
        while True:
            status = health(self.url)
            self.health.append((time.monotonic(), status))
            if self.back and status == 200:
                return
            time.sleep(0.05)

    def in_doubt(self, diff: Diff) -> bool:
        """A transcript that first differs at a turn whose request was in flight when Redis was killed: its
        write may have committed while the reply was lost, so the person's resend counts twice."""
        return any(a.turn == diff.turn and a.kind == "try_again" and a.sent <= self.killed <= a.answered
                   for a in diff.attempts)

    def figures(self, stats: Stats) -> dict:
        """Try-again replies, 5xx, and how long after Redis was back users and /healthz were served again."""
        after = [t for t, kind in stats.events if t >= self.back]
        first_ok = next((t for t, kind in sorted(stats.events) if t >= self.back and kind == "ok"), None)
        late_try_again = [t for t, kind in stats.events if t > self.back and kind == "try_again"]
        in_doubt = sum(1 for d in stats.diffs if self.in_doubt(d))
        healthy = next((t for t, s in self.health if t >= self.back and s == 200), None)
        return {
            "killed_at": round(self.killed, 2), "back_at": round(self.back, 2),
            "outage_s": round(self.back - self.killed, 2),
            "try_again": stats.try_again, "5xx": stats.server_errors, "in_doubt": in_doubt,
            "healthz_503": sum(1 for _, s in self.health if s == 503),
            "healthz_other": sum(1 for _, s in self.health if s not in (200, 503)),
            "first_ok_after_back_s": None if first_ok is None else round(first_ok - self.back, 3),
            "try_again_after_back": len(late_try_again),
            "last_try_again_after_back_s": round(max(late_try_again) - self.back, 3) if late_try_again else 0.0,
            "healthz_200_after_back_s": None if healthy is None else round(healthy - self.back, 3),
            "requests_after_back": len(after),
        }


def run_store(store: str, args: argparse.Namespace, work: Path, expected: Expected) -> dict:
    """Start redis (if needed) and gunicorn for one store, run the load, stop everything."""
    redis: RedisProcess | None = None
    if store == "redis" and args.redis_url:
        store_url = args.redis_url
    elif store == "redis":
        executable = shutil.which("redis-server")
        if executable is None:
            raise ServerError("redis-server not found on PATH (Debian: apt-get install redis-server)")
        (work / "redis").mkdir()
        # Persistence only for the restart (so conversations survive it); otherwise Redis as a plain fast cache.
        persist = args.restart_redis and not args.lose_data
        redis = RedisProcess(executable, free_port(), work / "redis", persist=persist)
        redis.start()
        store_url = redis.url
    else:
        store_url = f"sqlite:///{work}/sessions.db"
    env = {"KYR_STORE": store_url, "KYR_SECRET": secrets.token_hex(16), "TWILIO_AUTH_TOKEN": TOKEN,
           "PUBLIC_BASE_URL": BASE, "KYR_RATE_LIMIT": RATE_LIMIT, "KYR_SMS_FOLD_ACCENTS": "",
           "TELEGRAM_BOT_TOKEN": ""}
    server: Gunicorn | None = None
    try:
        server = start_gunicorn(env, work, workers=args.workers, threads=args.threads)
        target = Target(server.url, TOKEN, BASE, *expected)
        restart = None
        if args.restart_redis and store == "redis":
            assert redis is not None, "--restart-redis needs a redis-server this script starts (no --redis-url)"
            restart = RedisRestart(redis, server.url, args.users * args.messages, args.restart_at, args.outage,
                                   args.signal)
        stats, wall = run_load(target, args.users, args.messages, args.concurrency, resend=restart is not None,
                               during=restart)
        result = summary(store, stats, wall, args.users, args.messages)
        if args.verbose:
            for line in stats.diffs:
                print(f"{store}: mismatch {line}", file=sys.stderr)
        if restart is not None:
            result["restart"] = restart.figures(stats)
            if args.lose_data:
                result["mismatched"] = None  # conversations restart at the greeting: nothing to compare
                result["restart"]["in_doubt"] = None
        return result
    finally:
        if server is not None:
            server.stop()
        if redis is not None:
            redis.kill()


def run_external(args: argparse.Namespace, expected: Expected) -> dict:
    """Load a server someone else started (its store unknown to us)."""
    target = Target(args.url.rstrip("/"), args.token, args.base.rstrip("/"), *expected)
    stats, wall = run_load(target, args.users, args.messages, args.concurrency, resend=False)
    return summary("external", stats, wall, args.users, args.messages)


def failed(result: dict) -> bool:
    """Any error, 5xx, mismatch, or a restart the service did not recover from."""
    restart = result.get("restart")
    if restart is not None:
        unexplained = 0 if result["mismatched"] is None else result["mismatched"] - restart["in_doubt"]
        return bool(result["errors"] or restart["5xx"] or unexplained or restart["first_ok_after_back_s"] is None
                    or restart["healthz_200_after_back_s"] is None)
    return bool(result["errors"] or result["mismatched"] or result["try_again"])


def print_table(results: list[dict]) -> None:
    """The figures, one line per store, then the restart figures."""
    columns = ["store", "users", "messages", "errors", "5xx", "try_again", "mismatched", "p50_ms", "p95_ms",
               "p99_ms", "req_per_s", "seconds"]
    print(" | ".join(columns))
    for result in results:
        print(" | ".join(str(result[c]) for c in columns))
    for result in results:
        if "restart" in result:
            print(f"redis restart ({result['store']}): " + ", ".join(f"{k}={v}" for k, v in result["restart"].items()))


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print, and exit 1 on any error or mismatch."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", choices=["redis", "sqlite", "both"], default="both")
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=10, help="messages per person")
    parser.add_argument("--concurrency", type=int, default=32, help="people sending at the same time")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (1: sync workers)")
    parser.add_argument("--redis-url", help="use this Redis instead of starting a throw-away redis-server")
    parser.add_argument("--restart-redis", action="store_true",
                        help="kill redis-server mid-run and restart it; people resend after 'try again'")
    parser.add_argument("--restart-at", type=float, default=0.3, help="fraction of requests done before the kill")
    parser.add_argument("--outage", type=float, default=3.0, help="seconds Redis stays down")
    parser.add_argument("--signal", choices=["kill", "term"], default="kill",
                        help="how Redis is stopped: kill (a crash, default) or term (a clean shutdown)")
    parser.add_argument("--lose-data", action="store_true",
                        help="run Redis without persistence: the restart loses every conversation")
    parser.add_argument("--url", help="target a running server instead of starting gunicorn")
    parser.add_argument("--token", default=TOKEN, help="with --url: its TWILIO_AUTH_TOKEN")
    parser.add_argument("--base", default=BASE, help="with --url: its PUBLIC_BASE_URL")
    parser.add_argument("--fold", default="", help="with --url: its KYR_SMS_FOLD_ACCENTS")
    parser.add_argument("--verbose", action="store_true",
                        help="print each mismatched transcript's script, first differing turn and request timeline")
    parser.add_argument("--json", action="store_true", help="print one JSON object per store instead of a table")
    args = parser.parse_args(argv)
    if args.restart_redis and (args.url or args.redis_url or args.store == "sqlite"):
        parser.error("--restart-redis needs the redis-server this script starts (no --url, --redis-url, sqlite)")
    if args.restart_redis and args.store == "both":
        args.store = "redis"
    results = []
    # Computed once for every store: the servers started here run with KYR_SMS_FOLD_ACCENTS empty.
    expected = expected_transcripts(args.messages, args.fold if args.url else "")
    if args.url:
        results.append(run_external(args, expected))
    else:
        for store in (["redis", "sqlite"] if args.store == "both" else [args.store]):
            with tempfile.TemporaryDirectory(prefix=f"kyr-load-{store}-") as work:
                try:
                    results.append(run_store(store, args, Path(work), expected))
                except ServerError as exc:
                    print(f"{store}: {exc}", file=sys.stderr)
                    return 2
    if args.json:
        for result in results:
            print(json.dumps(result))
    else:
        print_table(results)
    return 1 if any(failed(r) for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
