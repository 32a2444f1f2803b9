"""Session store: one small contract (bot.store.base.Store), SQLite by default, Redis to scale out.

`open_store(url)` picks the backend from the URL (the KYR_STORE setting):

    sqlite:///relative/path.db     a file relative to the working directory
    sqlite:////absolute/path.db    an absolute path (four slashes)
    sqlite:///:memory:             in memory, private to this store object: for tests and demos
    redis://host:port/db           Redis (rediss:// for TLS; redis-py query options are passed through)
"""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.store.base import Store, StoreError, StoreFull, StoreUnavailable, describe
from bot.store.redis_store import RedisStore
from bot.store.sqlite_store import MEMORY, SQLiteStore

__all__ = [
    "Store",
    "StoreError",
    "StoreFull",
    "StoreUnavailable",
    "describe",
    "SQLiteStore",
    "RedisStore",
    "open_store",
    "VALID_URLS",
]

VALID_URLS = "sqlite:///relative/path.db, sqlite:////absolute/path.db, sqlite:///:memory: or redis://host:port/db"


def open_store(url: str) -> Store:
    """Open the store a URL names; ValueError says which URLs are valid."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise ValueError(f"store URL {_redact(url)!r} has no scheme: use {VALID_URLS}")
    if scheme == "sqlite":
        return SQLiteStore(_sqlite_path(url, rest))
    if scheme in ("redis", "rediss"):
        _check_redis_url(url)
        return RedisStore(url)
    raise ValueError(f"unsupported store URL scheme {scheme!r}: use {VALID_URLS}")


def _sqlite_path(url: str, rest: str) -> str:
    """The file path in a sqlite:/// URL (everything after the third slash)."""
    if not rest.startswith("/"):
        raise ValueError(
            f"SQLite URL {url!r} needs three slashes before a relative path and four before an absolute one: "
            "sqlite:///relative/path.db or sqlite:////absolute/path.db"
        )
    path = rest[1:]
    if not path or path.endswith("/"):
        raise ValueError(f"SQLite URL {url!r} names no file: use {VALID_URLS}")
    if "?" in path or "#" in path:
        raise ValueError(f"SQLite URL {url!r} has a query or fragment: SQLite store options are not supported")
    return MEMORY if path == MEMORY else path


def _check_redis_url(url: str) -> None:
    """Reject Redis URLs without a host or with a database that is not a number, before redis-py does worse."""
    parts = urlsplit(url)
    try:
        _ = parts.port  # urlsplit checks the port only when asked for it
    except ValueError:
        raise ValueError(f"Redis URL {_redact(url)!r} has an invalid port: use redis://host:port/db") from None
    if not parts.hostname:
        raise ValueError(f"Redis URL {_redact(url)!r} names no host: use redis://host:port/db")
    db = parts.path.strip("/")
    if db and not db.isdigit():
        raise ValueError(
            f"Redis URL {_redact(url)!r} has database {db!r}: it must be a number, as in redis://host:6379/0"
        )


def _redact(url: str) -> str:
    """The URL with any password replaced by ***, safe to show in errors and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()
