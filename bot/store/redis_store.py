"""Redis session store: for several workers or machines sharing one conversation state.

transact is an optimistic compare-and-set in two round trips: MGET the keys, run fn (ordinary Python), then one
Lua script writes the new records only if every key still holds what was read (compared by SHA-1); if another
client changed one first, re-read and re-run fn. WATCH/GET/MULTI/EXEC took three round trips per key.
Expiry is Redis's own (SET ... PX, on the Redis server's clock from the moment of writing): the `now`
arguments are not used, and purge_expired has nothing to do. Connection and timeout errors become
StoreUnavailable; the client reconnects by itself on the next call once Redis is back.
"""

from __future__ import annotations

import hashlib
import logging
import math
import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import redis
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError, OutOfMemoryError, ReadOnlyError, RedisError, WatchError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from bot.store.base import (
    StoreError,
    StoreFull,
    StoreUnavailable,
    TransactFn,
    TransactManyFn,
    Ttl,
    check_transact_ttl,
    check_ttl,
    decode,
    encode,
    expires_now,
    split_many,
    split_outcome,
    ttl_for,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")
HEALTH_KEY = "health"  # written by ping(); not a user key (those start with u:, d: or r:)
HEALTH_TTL_MS = 60_000
# KEYS: the records; ARGV: per key the SHA-1 of what was read ('' for absent), then per key the new value and
# its PX in ms (-1: delete the key, 0: no expiry). Returns 0, writing nothing, if any key changed meanwhile.
COMPARE_AND_SET = """
local n = #KEYS
for i = 1, n do
  local now = redis.call('GET', KEYS[i])
  if (now and redis.sha1hex(now) or '') ~= ARGV[i] then return 0 end
end
for i = 1, n do
  local value, px = ARGV[n + 2 * i - 1], tonumber(ARGV[n + 2 * i])
  if px < 0 then redis.call('DEL', KEYS[i])
  elseif px == 0 then redis.call('SET', KEYS[i], value)
  else redis.call('SET', KEYS[i], value, 'PX', px) end
end
return 1
"""


class RedisStore:
    """The Store contract on a Redis database; keys are stored under `prefix`."""

    def __init__(self, url: str, prefix: str = "kyr:", socket_timeout: float = 1.5, max_attempts: int = 100) -> None:
        """Create a client for `url` (redis-py connects lazily, on the first call)."""
        self._prefix = prefix
        self._max_attempts = max_attempts
        self._closed = False
        # One quick retry, so the first call after a Redis restart transparently reconnects a stale socket;
        # redis-py's default (10 retries, up to 1 s apart) would keep a user waiting for seconds. The pause is
        # tiny: reconnecting needs none, and while Redis is down a sync gunicorn worker sleeping here holds up
        # the queue (scripts/loadtest.py --restart-redis: up to 3x more "try again" answers served in an outage).
        retry = Retry(ExponentialWithJitterBackoff(base=0.005, cap=0.02), retries=1)
        self._client = redis.Redis.from_url(
            url, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout, retry=retry
        )
        self._cas = hashlib.sha1(COMPARE_AND_SET.encode()).hexdigest()  # EVALSHA's name for the script

    def __repr__(self) -> str:
        kwargs = self._client.connection_pool.connection_kwargs
        return f"RedisStore(host={kwargs.get('host')!r}, port={kwargs.get('port')!r}, db={kwargs.get('db')!r})"

    def get(self, key: str, now: float) -> dict | None:
        """Return the record, or None if absent or expired (`now` unused: Redis expires by itself)."""
        with self._errors():
            raw = self._client.get(self._name(key))
        return None if raw is None else decode(raw)

    def put(self, key: str, value: dict, ttl: float | None, now: float) -> None:
        """Write the record with SET ... PX (ttl None: no expiry; ttl <= 0: delete it)."""
        check_ttl(ttl)
        text = encode(value)
        with self._errors():
            if expires_now(ttl):
                self._client.delete(self._name(key))
            else:
                self._client.set(self._name(key), text, px=_milliseconds(ttl))

    def delete(self, key: str) -> None:
        """Remove the record if present."""
        with self._errors():
            self._client.delete(self._name(key))

    def transact(self, key: str, fn: TransactFn[T], ttl: Ttl, now: float) -> T:
        """Read, fn, compare-and-set; re-run on a conflicting write, up to max_attempts times."""
        return self.transact_many([key], lambda records: _one(fn(records[0])), [ttl], now)

    def transact_many(self, keys: Sequence[str], fn: TransactManyFn[T], ttls: Sequence[Ttl], now: float) -> T:
        """MGET, fn, compare-and-set of every key at once; re-run on a conflicting write, up to max_attempts."""
        for ttl in ttls:
            check_transact_ttl(ttl)
        names = [self._name(key) for key in keys]
        for attempt in range(1, self._max_attempts + 1):
            try:
                with self._errors():
                    return self._transact_once(names, fn, list(ttls))
            except WatchError:
                # Jittered backoff so clients colliding on one key stop colliding in lockstep.
                time.sleep(random.uniform(0, min(0.05, 0.0005 * 2**attempt)))
        logger.warning("Redis transact gave up after %s conflicting attempts", self._max_attempts)
        raise StoreUnavailable(f"Redis store busy: key changed by others {self._max_attempts} times in a row")

    def purge_expired(self, now: float, limit: int | None = None) -> int:
        """Return 0: Redis deletes expired keys itself."""
        self._check_open()
        return 0

    def ping(self) -> None:
        """Write a tiny health key (no user data, expiring): a read-only replica or a full Redis fails here."""
        with self._errors():
            self._client.set(self._name(HEALTH_KEY), repr(time.time()), px=HEALTH_TTL_MS)

    def close(self) -> None:
        """Disconnect; later calls raise StoreError."""
        self._closed = True
        self._client.close()

    def __enter__(self) -> RedisStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transact_once(self, names: list[str], fn: TransactManyFn[T], ttls: list[Ttl]) -> T:
        """One optimistic attempt; raises WatchError if a key changed between the read and the write."""
        raws: list[bytes | None] = self._client.mget(names)  # type: ignore[assignment]
        news, result = split_many(fn([None if raw is None else decode(raw) for raw in raws]), len(names))
        writes: list[str | int] = []
        for new, ttl in zip(news, ttls):
            text, lifetime = (None, None) if new is None else (encode(new), ttl_for(ttl, new))
            gone = text is None or expires_now(lifetime)
            writes += ["", -1] if gone else [text, _milliseconds(lifetime) or 0]  # type: ignore[list-item]
        digests = ["" if raw is None else hashlib.sha1(raw).hexdigest() for raw in raws]
        if not self._compare_and_set(names, [*digests, *writes]):
            raise WatchError("a key changed between the read and the write")
        return result  # type: ignore[return-value]

    def _compare_and_set(self, names: list[str], args: list[str | int]) -> bool:
        """Run COMPARE_AND_SET by its SHA-1, loading it first if this Redis does not know it (e.g. restarted)."""
        try:
            return bool(self._client.evalsha(self._cas, len(names), *names, *args))
        except NoScriptError:
            self._client.script_load(COMPARE_AND_SET)
            return bool(self._client.evalsha(self._cas, len(names), *names, *args))

    def _name(self, key: str) -> str:
        """The Redis key for a store key."""
        return self._prefix + key

    def _check_open(self) -> None:
        """Raise StoreError after close() (redis-py would silently reconnect)."""
        if self._closed:
            raise StoreError("the store is closed")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Refuse use after close(); translate redis-py errors (WatchError passes through for the retry loop)."""
        self._check_open()
        try:
            yield
        except WatchError:
            raise
        except OutOfMemoryError as exc:  # maxmemory reached with noeviction (the right policy for sessions)
            raise StoreFull(f"Redis store full: {exc}") from exc
        except (RedisConnectionError, RedisTimeoutError, ReadOnlyError) as exc:  # incl. BusyLoadingError
            raise StoreUnavailable(f"Redis store unavailable: {exc}") from exc
        except RedisError as exc:
            raise StoreError(f"Redis store error: {exc}") from exc


def _one(outcome: tuple[dict | None, T]) -> tuple[list[dict | None], T]:
    """A transact fn's outcome as a transact_many fn's (checked like any)."""
    new, result = split_outcome(outcome)
    return [new], result  # type: ignore[return-value]


def _milliseconds(ttl: float | None) -> int | None:
    """PX value for a ttl in seconds (rounded up, at least 1 ms), or None for no expiry."""
    return None if ttl is None else max(1, math.ceil(ttl * 1000))
