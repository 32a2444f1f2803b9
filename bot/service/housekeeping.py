"""Housekeeping off the request path: a daemon thread per process purges expired records every PURGE_EVERY
seconds, in batches, so no person's message waits for it (and retention holds without cron).

The thread starts with the app and purges at once (a process restarted more often than hourly still purges),
then sleeps. A forked worker (gunicorn --preload) has no thread of its parent's: `ensure_running` starts its own.
`scripts/purge.py` does the same once, for cron.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable

from bot.store.base import Store, StoreError

logger = logging.getLogger(__name__)

PURGE_EVERY = 3600.0  # seconds between two purges in one process
PURGE_BATCH = 500  # records deleted per statement: each batch holds SQLite's write lock only briefly
BATCH_PAUSE = 0.05  # seconds between batches, so users' writes get the lock in between


def purge_in_batches(
    store: Store, now: float, batch: int = PURGE_BATCH, pause: Callable[[float], object] = time.sleep
) -> int:
    """Delete every record expired at `now`, `batch` at a time; return how many."""
    total = 0
    while True:
        count = store.purge_expired(now, batch)
        total += count
        if count < batch:
            return total
        pause(BATCH_PAUSE)


class Housekeeper:
    """The purge thread of one process for one store."""

    def __init__(self, store: Store, every: float = PURGE_EVERY, clock: Callable[[], float] = time.time) -> None:
        """Describe the thread; start() runs it."""
        self.store, self.every, self.clock = store, every, clock
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = 0

    def ensure_running(self) -> None:
        """Start the thread unless this process already runs it (cheap: called on every request)."""
        if self._pid == os.getpid() or self._stop.is_set():
            return
        with self._lock:
            if self._pid != os.getpid():
                self._thread = threading.Thread(target=self._run, name="kyrbot-purge", daemon=True)
                self._thread.start()
                self._pid = os.getpid()

    def stop(self) -> None:
        """Stop the thread (at shutdown and in tests) and wait for a batch in progress."""
        self._stop.set()
        if self._thread is not None and self._pid == os.getpid():
            self._thread.join(10)

    def purge_once(self) -> int:
        """One purge of everything expired now; a store problem is logged and waits for the next round."""
        try:
            count = purge_in_batches(self.store, self.clock(), pause=self._stop.wait)
        except StoreError as exc:
            logger.warning("purge failed: %s: %s", type(exc).__name__, exc)
            return 0
        logger.info("purged records=%d", count)
        return count

    def _run(self) -> None:
        """Purge now, then every `every` seconds until stopped."""
        while not self._stop.is_set():
            self.purge_once()
            self._stop.wait(self.every)
