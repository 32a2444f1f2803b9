"""Pure pieces of what is kept per user besides the conversation: the delivery ids already handled (for 48 hours)
and the rate count (in a record of its own, so DELETE, STOP and START do not reset it).

A delivery entry is [keyed hash of the delivery id, whole seconds when handled, replies as data]; only the newest
DEDUP_REPLIES keep their replies (a retry is nearly always of the last message; an older one is acknowledged
silently). Entries written before timestamps existed ([hash, replies]) count as handled now, and so expire 48 hours
after the first message that reads them.
"""

from __future__ import annotations

from collections.abc import Callable

DEDUP_TTL = 48 * 3600.0  # Twilio and Telegram retry within minutes; a replayed request is refused for two days
DEDUP_MAX = 200  # bounds the record of a person who writes more than 200 messages in two days
DEDUP_REPLIES = 2
RATE_WINDOW = 60.0
RATE_PREFIX = "r:"

Entry = list  # [hash, seconds, replies]


def entries(record: dict, now: float) -> list[Entry]:
    """The delivery entries of a record still within DEDUP_TTL at `now` (older formats read as handled now)."""
    out = []
    for entry in record.get("d", []):
        digest, at, replies = entry if len(entry) == 3 else (entry[0], now, entry[1])
        if now - at < DEDUP_TTL:
            out.append([digest, at, replies])
    return out


def replies_of(kept: list[Entry], dedup: str | None) -> list | None:
    """The stored replies of an already handled delivery ([] when too old to keep them), or None if it is new."""
    if dedup is None:
        return None
    return next((replies for digest, _, replies in kept if digest == dedup), None)


def remember(kept: list[Entry], dedup: str | None, replies: list, now: float) -> list[Entry]:
    """The entries after handling a delivery: at most DEDUP_MAX, replies only on the newest DEDUP_REPLIES."""
    added = kept + ([[dedup, int(now), replies]] if dedup else [])
    added = added[-DEDUP_MAX:]
    return [[digest, at, []] for digest, at, _ in added[:-DEDUP_REPLIES]] + added[-DEDUP_REPLIES:]


def rate_key(user: str) -> str:
    """The key of a user's rate record: their keyed hash under its own prefix, apart from the conversation."""
    return RATE_PREFIX + user


def counted(record: dict | None, now: float) -> tuple[dict, list[float]]:
    """The rate record with this message counted, and [window start, messages in it]."""
    start, count = (record or {}).get("r", [now, 0])
    rate = [start, count + 1] if 0 <= now - start < RATE_WINDOW else [now, 1]
    return {"r": rate}, rate


def uncounted(record: dict | None) -> tuple[dict | None, None]:
    """The rate record with one message taken back (a redelivery is not a new message)."""
    if record is None:
        return None, None
    start, count = record["r"]
    return {"r": [start, max(0, count - 1)]}, None


def rate_lifetime(now: float) -> Callable[[dict], float]:
    """A rate record lives until its window ends: it holds a count and a time, and nothing else."""
    return lambda record: record["r"][0] + RATE_WINDOW - now
