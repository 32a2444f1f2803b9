"""The webhook benchmark's floor: what any correct /twilio must do, and nothing else (served by gunicorn).

Usage (scripts/bench_webhook.py starts it; by hand):
    KYR_STORE=redis://127.0.0.1:6379/0 TWILIO_AUTH_TOKEN=t PUBLIC_BASE_URL=https://x \\
        gunicorn -w 2 --pythonpath scripts bench_floor:app

Per request: parse the Twilio form, check X-Twilio-Signature with twilio's RequestValidator (one signature, as
/twilio does first), read the sender's 1 KB record and write it back (Redis: GET then SET with an expiry;
SQLite: one BEGIN IMMEDIATE transaction in WAL mode, as the bot's store), and answer a fixed TwiML reply.
"""

from __future__ import annotations

import hmac
import os
import sqlite3
from collections.abc import Callable

import redis
from flask import Flask, Response, request
from twilio.request_validator import RequestValidator

RECORD = b"x" * 1024
TTL_MS = 7 * 86400 * 1000
FIXED_TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Hi, I am kyrbot. I give free, short '
    "information about your rights.</Message></Response>"
)


def redis_read_write(url: str) -> Callable[[str], None]:
    """GET the record, then SET it with an expiry: two round trips."""
    client = redis.Redis.from_url(url)

    def read_write(key: str) -> None:
        client.get(key)
        client.set(key, RECORD, px=TTL_MS)

    return read_write


def sqlite_read_write(path: str) -> Callable[[str], None]:
    """SELECT, then INSERT OR REPLACE, in one BEGIN IMMEDIATE transaction (WAL, synchronous=NORMAL)."""
    conns: dict[int, sqlite3.Connection] = {}

    def connection() -> sqlite3.Connection:
        conn = conns.get(os.getpid())  # one per worker process: a connection never crosses fork()
        if conn is None:
            conn = sqlite3.connect(path, timeout=5.0, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS floor (key TEXT PRIMARY KEY, value BLOB, expires_at REAL)")
            conns[os.getpid()] = conn
        return conn

    def read_write(key: str) -> None:
        conn = connection()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("SELECT value, expires_at FROM floor WHERE key = ?", (key,)).fetchone()
        conn.execute("INSERT OR REPLACE INTO floor (key, value, expires_at) VALUES (?, ?, ?)", (key, RECORD, 0.0))
        conn.execute("COMMIT")

    return read_write


def create_floor_app(store: str, token: str, base: str) -> Flask:
    """The floor app for a store URL (redis://... or sqlite:///path)."""
    read_write = redis_read_write(store) if store.startswith("redis") else sqlite_read_write(store[len("sqlite:///") :])
    validator = RequestValidator(token)
    app = Flask("floor")
    app.config.update(MAX_CONTENT_LENGTH=64 * 1024)

    def twilio() -> Response:
        form = request.form
        expected = validator.compute_signature(base + request.path, form)
        if not hmac.compare_digest(expected.encode(), request.headers.get("X-Twilio-Signature", "").encode()):
            return Response("bad signature\n", status=403)
        read_write("floor:" + form["From"])
        return Response(FIXED_TWIML, mimetype="application/xml")

    app.add_url_rule("/twilio", "twilio", twilio, methods=["POST"])
    return app


def __getattr__(name: str) -> Flask:
    """`bench_floor:app` for gunicorn, configured from the environment."""
    if name != "app":
        raise AttributeError(name)
    env = os.environ
    globals()["app"] = create_floor_app(env["KYR_STORE"], env["TWILIO_AUTH_TOKEN"], env["PUBLIC_BASE_URL"])
    return globals()["app"]
