"""Pseudonymous keys: user and message ids are stored only as keyed hashes."""

from __future__ import annotations

import hashlib
import hmac


def user_key(secret: bytes, channel: str, raw_id: str) -> str:
    """HMAC-SHA256 of channel and id: the only form in which a user is stored or logged."""
    digest = hmac.new(secret, f"{channel}:{raw_id}".encode(), hashlib.sha256).hexdigest()
    return f"u:{digest}"


def message_key(secret: bytes, channel: str, message_id: str) -> str:
    """A short keyed hash of a delivery id (MessageSid, update_id), for de-duplication."""
    return hmac.new(secret, f"m:{channel}:{message_id}".encode(), hashlib.sha256).hexdigest()[:20]


def log_id(key: str) -> str:
    """A short prefix of a user key, enough to follow one conversation in logs."""
    return key[2:10]
