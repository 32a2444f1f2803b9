"""Pure pieces of what is kept per user besides where the conversation stands: the delivery ids already handled
(48 hours), the replies to the newest two (an hour, in a record of their own) and the rate count (a record of
its own, so DELETE, STOP and START do not reset it).

The conversation record is {"s": session fields that differ from their defaults, "i": delivery entries}. An
entry is 20 characters: the first 12 hex characters of the delivery id's keyed hash, then the second it was
handled in 8 hex characters; "i" is the entries joined, oldest first. Entries of the previous format (a list
under "d": [hash, seconds, replies] or [hash, replies]) are read too, those without a time as handled now.

The replies record, {"h": [hash, ...], "r": [replies as data, ...]} (the newest two, oldest first), lives an
hour: Twilio and Telegram redeliver within minutes, and the bot's words need not sit beside the person's
record for the whole retention period. A redelivery after that is acknowledged silently, as an older one is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DEDUP_TTL = 48 * 3600.0  # Twilio and Telegram retry within minutes; a replayed request is refused for two days
DEDUP_MAX = 200  # bounds the record of a person who writes more than 200 messages in two days
DEDUP_REPLIES = 2
REPLIES_TTL = 3600.0
HASH_CHARS = 12  # 48 bits: two of a person's 200 deliveries collide once in 10^12
ENTRY_CHARS = HASH_CHARS + 8
RATE_WINDOW = 60.0
RATE_PREFIX = "r:"
REPLIES_PREFIX = "a:"

Entry = tuple[str, int]  # (hash, whole seconds when handled)


def entries(record: dict, now: float) -> list[Entry]:
    """The delivery entries of a record still within DEDUP_TTL at `now` (older formats read as well)."""
    packed = record.get("i", "")
    out = [(packed[i : i + HASH_CHARS], int(packed[i + HASH_CHARS : i + ENTRY_CHARS], 16)) for i in _starts(packed)]
    for entry in record.get("d", ()):  # the previous format, until each person's next message rewrites it
        out.append((entry[0][:HASH_CHARS], int(entry[1] if len(entry) == 3 else now)))
    return [(digest, at) for digest, at in out if now - at < DEDUP_TTL]


def _starts(packed: str) -> range:
    """Where each entry of a packed string starts."""
    return range(0, len(packed), ENTRY_CHARS)


def legacy_replies(record: dict) -> dict | None:
    """The replies kept inside a record of the previous format, as a replies record (None if there are none)."""
    kept = [(entry[0][:HASH_CHARS], entry[-1]) for entry in record.get("d", ()) if entry[-1]]
    return {"h": [h for h, _ in kept], "r": [r for _, r in kept]} if kept else None


def handled(kept: list[Entry], dedup: str | None) -> bool:
    """True when this delivery (its keyed hash) is among the kept entries."""
    return dedup is not None and any(digest == dedup[:HASH_CHARS] for digest, _ in kept)


def remember(kept: list[Entry], dedup: str | None, now: float) -> str:
    """The entries after handling a delivery, packed: at most DEDUP_MAX, the newest last."""
    added = kept + ([(dedup[:HASH_CHARS], int(now))] if dedup else [])
    return "".join(f"{digest}{at:08x}" for digest, at in added[-DEDUP_MAX:])


def replies_key(user: str) -> str:
    """The key of a user's replies record: their keyed hash under its own prefix."""
    return REPLIES_PREFIX + user


def replies_of(record: dict | None, dedup: str | None) -> list:
    """The stored replies of a handled delivery, or [] when they are no longer kept."""
    if not record or dedup is None:
        return []
    found = [replies for digest, replies in zip(record["h"], record["r"]) if digest == dedup[:HASH_CHARS]]
    return found[-1] if found else []


def with_replies(record: dict | None, dedup: str, replies: list) -> dict:
    """The replies record with this delivery's replies added, the newest DEDUP_REPLIES kept."""
    hashes, kept = (record or {}).get("h", []), (record or {}).get("r", [])
    return {"h": [*hashes, dedup[:HASH_CHARS]][-DEDUP_REPLIES:], "r": [*kept, replies][-DEDUP_REPLIES:]}


def pack_session(fields: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """The session's fields that differ from their defaults (Session.from_dict fills the rest back in)."""
    return {name: value for name, value in fields.items() if defaults.get(name, ...) != value}


def rate_key(user: str) -> str:
    """The key of a user's rate record: their keyed hash under its own prefix, apart from the conversation."""
    return RATE_PREFIX + user


def counted(record: dict | None, now: float) -> tuple[dict, list[float]]:
    """The rate record with this message counted, and [window start, messages in it]."""
    start, count = (record or {}).get("r", [now, 0])
    rate = [start, count + 1] if 0 <= now - start < RATE_WINDOW else [now, 1]
    return {"r": rate}, rate


def rate_lifetime(now: float) -> Callable[[dict], float]:
    """A rate record lives until its window ends: it holds a count and a time, and nothing else."""
    return lambda record: record["r"][0] + RATE_WINDOW - now
