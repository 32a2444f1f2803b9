"""Admission of new web-demo sessions, so a script cannot fill the store through the demo's open API.

Anyone may open the demo page, and each page makes its own session: without a bound, a loop could create
sessions until the store is full, and then no one could be answered on any channel. One small record, the
demo's index, counts the sessions admitted in the last `retention` seconds (at most `cap`) and the new ones in
the current minute (at most `per_minute`). It holds short hashes of session keys and times, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.base import Store

INDEX_KEY = "demo:index"
MINUTE = 60.0
HASH_CHARS = 16  # enough to tell 500 sessions apart; the index stays a few kilobytes

# What a refused page reads (asserted by tests/test_web_api.py).
TOO_MANY = "the demo already has {} open sessions, its limit: try again later, or reuse an open page"
TOO_FAST = "too many new demo sessions this minute: try again in a minute"


@dataclass(frozen=True)
class Admission:
    """The demo's bounds on new sessions, kept in the store (so every worker shares them)."""

    store: Store
    cap: int
    per_minute: int
    retention: float

    def admit(self, key: str, now: float) -> str | None:
        """None when the session may go on (admitted before, or now); else why it may not."""
        short = key.split(":", 1)[-1][:HASH_CHARS]
        return self.store.transact(INDEX_KEY, lambda rec: self._decide(rec, short, now), self.retention, now)

    def _decide(self, record: dict | None, short: str, now: float) -> tuple[dict | None, str | None]:
        """Pure: the index with this session admitted (or unchanged), and the refusal, if any."""
        sessions = {k: at for k, at in (record or {}).get("s", {}).items() if now - at < self.retention}
        start, count = (record or {}).get("m", [now, 0])
        if not 0 <= now - start < MINUTE:
            start, count = now, 0
        if short in sessions:
            return record, None
        if len(sessions) >= self.cap:
            return {"s": sessions, "m": [start, count]}, TOO_MANY.format(self.cap)
        if count >= self.per_minute:
            return {"s": sessions, "m": [start, count]}, TOO_FAST
        return {"s": {**sessions, short: int(now)}, "m": [start, count + 1]}, None
