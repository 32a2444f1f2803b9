"""Pseudonymous keys: user and message ids are stored only as keyed hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def user_key(secret: bytes, channel: str, raw_id: str, namespace: str = "u") -> str:
    """HMAC-SHA256 of channel and id: the only form in which a user is stored. The namespace keeps kinds of
    records apart: "u" for people, "d" for the web demo's sessions."""
    digest = hmac.new(secret, f"{channel}:{raw_id}".encode(), hashlib.sha256).hexdigest()
    return f"{namespace}:{digest}"


def message_key(secret: bytes, channel: str, message_id: str) -> str:
    """A short keyed hash of a delivery id (MessageSid, update_id), for de-duplication."""
    return hmac.new(secret, f"m:{channel}:{message_id}".encode(), hashlib.sha256).hexdigest()[:20]


class DailyTags:
    """Short log tags that follow one person for one UTC day, and no longer.

    Each day's tags are keyed by a random key made that day and held only in memory (never stored, never
    logged): once the day is over no one can tie a tag to a stored record, to a person, or to another day's
    tag, not even with KYR_SECRET. Used at DEBUG only; INFO lines carry no per-user tag at all.
    """

    def __init__(self) -> None:
        """No key until the first tag is asked for."""
        self._day, self._key = -1, b""

    def tag(self, user: str, now: float) -> str:
        """8 hex characters for this user key today (each process has its own, so workers' tags differ)."""
        day = int(now // 86400)
        if day != self._day:
            self._day, self._key = day, secrets.token_bytes(32)
        return hmac.new(self._key, user.encode(), hashlib.sha256).hexdigest()[:8]
