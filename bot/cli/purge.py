"""Delete every conversation older than the retention period (KYR_RETENTION, default 7 days).

Usage:
  python scripts/purge.py            purge the configured store (KYR_STORE); run it from cron, e.g. hourly
The running service also purges by itself, in a background thread of each process (KYR_PURGE_EVERY seconds,
default hourly); Redis expires records on its own.
"""

from __future__ import annotations

import sys
import time

from bot.service.housekeeping import purge_in_batches
from bot.service.runtime import ConfigError, settings_from
from bot.store import open_store


def main() -> int:
    """Purge and say how many conversations were deleted."""
    try:
        settings = settings_from()
    except ConfigError as exc:
        print(f"cannot purge: {exc}", file=sys.stderr)
        return 2
    store = open_store(settings.store)
    try:
        count = purge_in_batches(store, time.time())
    finally:
        store.close()
    print(f"purged {count} expired conversation(s) from {settings.store.split('://')[0]} store")
    return 0


if __name__ == "__main__":
    sys.exit(main())
