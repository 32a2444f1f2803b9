"""Benchmarks (printed, never asserted): engine step, start-up, memory per session, webhook vs bare Flask.

Usage:
  python scripts/bench.py [--quick] [--profile]
Figures go into docs/measurements.md and the release notes; the tests never time anything.

The /twilio figure: the real app (signature check, parsing, engine, SQLite transaction, TwiML) and a bare Flask
app whose one route returns a fixed TwiML reply, both served the same way in the same run: werkzeug's threaded
server (`python webhook.py`'s server) on loopback, one keep-alive HTTP/1.1 client sending the same signed form
bodies one after the other. The ratio real/bare is the share of a bare Flask request's throughput the bot keeps
(goal: at least 0.8). --profile prints where the /twilio path spends its time (cProfile, in-process).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

from bot.core.engine import Engine
from bot.core.session import Inbound, Session
from bot.service.runtime import ROOT, build_engine
from bot.store import open_store

SAMPLE_TEXTS = ["1", "2", "3", "back", "menu", "MORE", "ICE is at my door", "me detuvieron en el aeropuerto",
                "报警会被问身份吗", "الشرطة عند الباب", "xyzzy", "help", "Texas", "0"]


TOKEN = "bench-auth-token"
BASE = "https://kyr.example.org"
CONVERSATION = ["hi", "1", "2", "back", "3", "menu", "7", "no", "california", "more", "0", "help", "language", "2",
                "1", "menu"]
FIXED_TWIML = ('<?xml version="1.0" encoding="UTF-8"?><Response><Message>Hi, I am kyrbot. I give free, short '
               'information about your rights.</Message></Response>')


def pct(values: list[float], q: float) -> float:
    """The q-th percentile of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def bench_startup() -> None:
    """Time to load and validate all content and build every index, in a fresh process."""
    code = ("import time; t=time.perf_counter(); from bot.service.runtime import build_engine; "
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


def signed_forms(n: int, users: int = 50) -> list[tuple[str, str]]:
    """n signed Twilio form bodies: `users` people each going through CONVERSATION, interleaved."""
    from twilio.request_validator import RequestValidator

    from tests.payloads import encode_twilio, load_twilio, with_fields

    validator, out = RequestValidator(TOKEN), []
    for i in range(n):
        form = with_fields(load_twilio("sms"), From=f"+1555000{i % users:04d}", MessageSid=f"SM{uuid.uuid4().hex}",
                           Body=CONVERSATION[(i // users) % len(CONVERSATION)])
        out.append((encode_twilio(form), validator.compute_signature(BASE + "/twilio", form)))
    return out


def bare_app() -> object:
    """The yardstick: a Flask app whose only route returns a fixed TwiML reply."""
    from flask import Flask, Response

    app = Flask("bare")
    app.config.update(MAX_CONTENT_LENGTH=64 * 1024)
    app.add_url_rule("/twilio", "twilio", lambda: Response(FIXED_TWIML, mimetype="application/xml"),
                     methods=["POST"])
    return app


def real_app(tmp: str, engine: Engine) -> object:
    """The bot's app on a SQLite file (the embedded default), the Twilio channel on, no rate limit."""
    import webhook

    config = {"KYR_STORE": f"sqlite:///{tmp}/bench.db", "KYR_SECRET": "bench", "TWILIO_AUTH_TOKEN": TOKEN,
              "PUBLIC_BASE_URL": BASE, "KYR_RATE_LIMIT": "1000000000"}
    return webhook.create_app(config, engine)   # content is loaded once for the whole run


def requests_per_second(app: object, warm: list[tuple[str, str]], forms: list[tuple[str, str]]) -> float:
    """Serve app with werkzeug's threaded server on loopback; POST every form over one keep-alive connection,
    after `warm` (other message ids: a repeated MessageSid would take the cheap 'already handled' path)."""
    import logging

    import requests
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)   # no access log line per request
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/twilio"
    try:
        with requests.Session() as http:
            for body, signature in warm + forms:   # the warm-up, then every form timed
                if (body, signature) == forms[0]:
                    start = time.perf_counter()
                response = http.post(url, data=body, headers={
                    "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})
                if response.status_code != 200:
                    raise SystemExit(f"/twilio answered {response.status_code}: {response.text[:200]}")
            return len(forms) / (time.perf_counter() - start)
    finally:
        server.shutdown()
        thread.join(5)


def bench_twilio(engine: Engine, n: int, profile: bool) -> None:
    """Signed /twilio requests per second through the real app, over a bare Flask endpoint, same setup."""
    tmp = tempfile.mkdtemp()
    try:
        forms = signed_forms(n)
        bare, real = [], []
        for _ in range(3):   # alternate, best of three each: both see the same machine load
            bare.append(requests_per_second(bare_app(), signed_forms(n // 10), forms))
            real.append(requests_per_second(real_app(tempfile.mkdtemp(dir=tmp), engine), signed_forms(n // 10),
                                            signed_forms(n)))
        print(f"/twilio over loopback (werkzeug threaded server, one keep-alive client, {n} signed requests, "
              f"SQLite): real {max(real):.0f} req/s, bare Flask fixed TwiML {max(bare):.0f} req/s, "
              f"ratio {max(real) / max(bare):.2f}")
        if profile:
            profile_twilio(real_app(tmp, engine), forms)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def profile_twilio(app: object, forms: list[tuple[str, str]]) -> None:
    """Where one /twilio request spends its time: cProfile over the Flask test client, top functions."""
    client = app.test_client()  # type: ignore[attr-defined]
    profiler = cProfile.Profile()
    profiler.enable()
    for body, signature in forms:
        client.post("/twilio", data=body, content_type="application/x-www-form-urlencoded",
                    headers={"X-Twilio-Signature": signature})
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
    print(out.getvalue())


def main(argv: list[str]) -> int:
    """Run every benchmark."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--profile", action="store_true", help="cProfile the /twilio path")
    args = ap.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    bench_startup()
    engine = build_engine()
    bench_engine(engine, 2000 if args.quick else 20000)
    bench_memory(engine, 1000 if args.quick else 10000)
    bench_twilio(engine, 500 if args.quick else 3000, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
