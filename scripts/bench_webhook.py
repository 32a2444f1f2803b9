"""Signed /twilio against its floor, both under gunicorn -w 2 (sync), loaded by wrk: printed, never asserted.

Usage:
    python3 scripts/bench_webhook.py [--store redis,sqlite] [--pairs 3] [--seconds 5] [--connections 32] [--profile]

The floor (scripts/bench_floor.py) does what any correct implementation must: parse the Twilio form, check the
signature with twilio's RequestValidator, read and write one 1 KB record, answer fixed TwiML. The real app is
`webhook:app`, the Twilio channel on, no rate limit. Both run at once on free loopback ports (only the one
being loaded works), on a private redis-server (no persistence) or a fresh SQLite file each.
wrk (Debian's `wrk`) posts signed forms from a file (scripts/bench_wrk.lua): a distinct MessageSid per request,
so none takes the de-dup shortcut, and `--users` people, each going through a scripted conversation. Runs are
interleaved floor/real (the order alternates), after a warm-up run of each; the ratio printed is the median
of the pairs' real/floor ratios, with the CPU time each request cost the workers (steadier than throughput on
a machine shared with other jobs). Needs wrk, gunicorn and (for Redis) redis-server.

--profile then loads the real app once more with cProfile (CPU time) in each worker, from its 500th request,
and prints the functions that took the most time of their own and the bot's own functions by cumulative time.
"""

from __future__ import annotations

import argparse
import glob
import io
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import _bootstrap  # noqa: F401  (puts the repository on sys.path)
from twilio.request_validator import RequestValidator

from tests.gunicorn_server import RedisProcess, ServerError, free_port, health, stop_process
from tests.payloads import encode_twilio, load_twilio, with_fields

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-auth-token"
BASE = "https://kyr.example.org"
CONVERSATION = ["hi", "1", "2", "back", "3", "menu", "7", "no", "california", "more", "0", "help", "language", "2",
                "1", "menu"]
MAX_RATE = 8000  # requests per second no app here reaches on 2 cores: sizes each run's file of distinct sids


class Requests:
    """Files of signed forms, each MessageSid new; every person's conversation goes on from file to file."""

    def __init__(self, workdir: Path, users: int) -> None:
        self.workdir, self.users, self.sent = workdir, users, 0
        self.validator, self.template = RequestValidator(TOKEN), load_twilio("sms")

    def file(self, count: int) -> Path:
        """A new file of `count` requests."""
        path = self.workdir / f"requests-{uuid.uuid4().hex[:8]}.txt"
        with path.open("w") as out:
            for _ in range(count):
                i, self.sent = self.sent, self.sent + 1
                form = with_fields(self.template, From=f"+1555{i % self.users:07d}", FromState="",
                                   MessageSid=f"SM{uuid.uuid4().hex}",
                                   Body=CONVERSATION[(i // self.users) % len(CONVERSATION)])
                out.write(f"{self.validator.compute_signature(BASE + '/twilio', form)}\t{encode_twilio(form)}\n")
        return path


class Server:
    """A running gunicorn: its URL and the CPU seconds its workers have used so far."""

    def __init__(self, url: str, master: int) -> None:
        self.url, self.master = url, master

    def cpu(self) -> float:
        """User + system CPU seconds of the master's children (the workers), from /proc."""
        children = Path(f"/proc/{self.master}/task/{self.master}/children").read_text().split()
        total = 0
        for pid in children:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(app: str, env: dict[str, str], workdir: Path, name: str, workers: int,
             ready: str = "", options: Sequence[str] = ()) -> Iterator[Server]:
    """`gunicorn -w N app` on a free port until the block ends; yields its URL once it answers and each worker
    has logged `ready` (every worker has loaded the app: the first one answers while the second still loads)."""
    port = free_port()
    args = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
            "--pythonpath", str(ROOT / "scripts"), *options, app]
    log = workdir / f"{name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ, **env}, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):
            if health(url) is not None and log.read_text(errors="replace").count(ready) >= workers * bool(ready):
                break
            if proc.poll() is not None:
                raise ServerError(f"{name} exited: {log.read_text(errors='replace')[-2000:]}")
            subprocess.run(["sleep", "0.05"], check=True)
        yield Server(url, proc.pid)
    finally:
        stop_process(proc, timeout=15)


def wrk(server: Server, requests: Path, seconds: int, connections: int, threads: int = 2) -> tuple[float, float]:
    """Requests per second wrk measured, and the workers' CPU microseconds per request; exits if any answer was
    not 2xx or a thread ran out of requests."""
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(ROOT / "scripts" / "bench_wrk.lua"),
            server.url + "/twilio", "--", str(requests), str(threads)]
    cpu = server.cpu()
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    cpu = server.cpu() - cpu
    requests.unlink()
    if "Non-2xx" in out or "exhausted_threads 0" not in out:
        raise SystemExit(f"invalid run of {server.url}:\n{out}")
    count = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), cpu / count * 1e6  # type: ignore[union-attr]


Run = tuple[float, float]  # requests per second, worker CPU microseconds per request


def compare(store: str, floor_store: str, args: argparse.Namespace, work: Path) -> tuple[list[Run], list[Run]]:
    """Interleaved runs of floor and real on one store: (floor runs, real runs), one pair per entry."""
    common = {"TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_BASE_URL": BASE, "KYR_SECRET": "bench-secret",
              "KYR_RATE_LIMIT": "1000000000"}
    requests = Requests(work, args.users)
    size = int(args.seconds * MAX_RATE)
    with gunicorn("bench_floor:app", {**common, "KYR_STORE": floor_store}, work, "floor", args.workers) as floor, \
            gunicorn("webhook:app", {**common, "KYR_STORE": store}, work, "real", args.workers,
                     "channel twilio: on") as real:
        for server in (floor, real):  # warm-up: first requests load lazily built indexes, connect to the store
            wrk(server, requests.file(size // 4), 1, args.connections)
        floors: list[Run] = []
        reals: list[Run] = []
        for pair in range(args.pairs):
            order = [(floor, floors), (real, reals)]
            for server, into in order if pair % 2 == 0 else order[::-1]:
                into.append(wrk(server, requests.file(size), args.seconds, args.connections))
    return floors, reals


PROFILE_HOOKS = """
import cProfile, os, time
preload_app = True  # as gunicorn.conf.py, which -c replaces
state = {"n": 0, "profile": None}
def pre_request(worker, req):
    state["n"] += 1
    if state["n"] == 500:
        state["profile"] = cProfile.Profile(time.process_time)
        state["profile"].enable()
def worker_exit(server, worker):
    if state["profile"]:
        state["profile"].disable()
        state["profile"].dump_stats(os.path.join(os.environ["KYR_PROFILE_DIR"], f"{os.getpid()}.prof"))
"""


def profile(store: str, args: argparse.Namespace, work: Path) -> None:
    """cProfile the real app's workers under wrk; print where their CPU time goes."""
    (work / "profile.conf.py").write_text(PROFILE_HOOKS)
    (work / "profiles").mkdir(exist_ok=True)
    env = {"TWILIO_AUTH_TOKEN": TOKEN, "PUBLIC_BASE_URL": BASE, "KYR_SECRET": "bench-secret", "KYR_STORE": store,
           "KYR_RATE_LIMIT": "1000000000", "KYR_PROFILE_DIR": str(work / "profiles")}
    requests = Requests(work, args.users)
    options = ["-c", str(work / "profile.conf.py")]
    with gunicorn("webhook:app", env, work, "profiled", args.workers, "channel twilio: on", options) as real:
        wrk(real, requests.file(2000), 1, args.connections)
        wrk(real, requests.file(args.seconds * MAX_RATE), args.seconds, args.connections)
    stats = pstats.Stats(*glob.glob(str(work / "profiles" / "*.prof")), stream=(out := io.StringIO()))
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(r"/bot/|twilio_webhook|full_dispatch|handle_request", 25)
    print(out.getvalue().replace(sys.prefix, "").replace(str(ROOT) + "/", ""))


def report(name: str, floors: list[Run], reals: list[Run]) -> None:
    """The median ratio of throughputs, each pair, and the CPU a request costs each app's workers."""
    ratios = [r[0] / f[0] for f, r in zip(floors, reals)]
    pairs = ", ".join(f"{r[0]:.0f}/{f[0]:.0f}" for f, r in zip(floors, reals))
    cpu = lambda runs: statistics.median(run[1] for run in runs)
    print(f"{name}: signed /twilio {statistics.median(r[0] for r in reals):.0f} req/s, floor "
          f"{statistics.median(f[0] for f in floors):.0f} req/s; ratio {statistics.median(ratios):.2f} "
          f"(median of {len(ratios)} pairs; real/floor: {pairs})")
    print(f"  worker CPU per request: /twilio {cpu(reals):.0f} us, floor {cpu(floors):.0f} us "
          f"(ratio {cpu(floors) / cpu(reals):.2f})")


def main(argv: list[str]) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", default="redis,sqlite")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--users", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--profile", action="store_true", help="then cProfile the real app's workers")
    args = ap.parse_args(argv)
    for tool in ("wrk", "redis-server"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed: apt-get install {tool}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; gunicorn -w {args.workers} "
          f"(sync), wrk -t2 -c{args.connections} -d{args.seconds}s, {args.users} people")
    work = Path(tempfile.mkdtemp(prefix="kyr-bench-"))
    try:
        for store in args.store.split(","):
            if store == "redis":
                server = RedisProcess(shutil.which("redis-server") or "", free_port(), work, persist=False)
                server.start()
                try:
                    report("Redis", *compare(server.url, server.url.replace("/0", "/1"), args, work))
                    if args.profile:
                        profile(server.url.replace("/0", "/2"), args, work)
                finally:
                    server.kill()
            else:
                report("SQLite", *compare(f"sqlite:///{work}/real.db", f"sqlite:///{work}/floor.db", args, work))
                if args.profile:
                    profile(f"sqlite:///{work}/profiled.db", args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
