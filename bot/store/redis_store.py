"""Redis session store: for several workers or machines sharing one conversation state.

transact uses WATCH/MULTI/EXEC (optimistic: re-read and re-run fn if another client changed the key first).
A Lua script would need fn written in Lua; fn is ordinary Python, so WATCH is the only way to keep it so.
Expiry is Redis's own (SET ... PX, on the Redis server's clock from the moment of writing): the `now`
arguments are not used, and purge_expired has nothing to do. Connection and timeout errors become
StoreUnavailable; the client reconnects by itself on the next call once Redis is back.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import redis
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError, ReadOnlyError, RedisError, WatchError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from bot.store.base import (
    StoreError,
    StoreFull,
    StoreUnavailable,
    TransactFn,
    Ttl,
    check_transact_ttl,
    check_ttl,
    decode,
    encode,
    expires_now,
    split_outcome,
    ttl_for,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")
HEALTH_KEY = "health"  # written by ping(); not a user key (those start with u:, d: or r:)
HEALTH_TTL_MS = 60_000


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
        """WATCH, read, fn, MULTI/EXEC; re-run on a conflicting write, up to max_attempts times."""
        check_transact_ttl(ttl)
        for attempt in range(1, self._max_attempts + 1):
            try:
                with self._errors():
                    return self._transact_once(self._name(key), fn, ttl)
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

    def _transact_once(self, name: str, fn: TransactFn[T], ttl: Ttl) -> T:
        """One optimistic attempt; raises WatchError if the key changed after WATCH."""
        with self._client.pipeline(transaction=True) as pipe:
            pipe.watch(name)
            raw = pipe.get(name)
            new, result = split_outcome(fn(None if raw is None else decode(raw)))
            text, lifetime = (None, None) if new is None else (encode(new), ttl_for(ttl, new))
            pipe.multi()
            if text is None or expires_now(lifetime):
                pipe.delete(name)
            else:
                pipe.set(name, text, px=_milliseconds(lifetime))
            pipe.execute()
        return result  # type: ignore[return-value]

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


def _milliseconds(ttl: float | None) -> int | None:
    """PX value for a ttl in seconds (rounded up, at least 1 ms), or None for no expiry."""
    return None if ttl is None else max(1, math.ceil(ttl * 1000))
