"""Build the engine and the service from configuration: environment variables, overridden by a mapping."""

from __future__ import annotations

import logging
import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.content.bundle import load_bundle
from bot.core.engine import DEFAULT_IDLE, Engine
from bot.core.session import Page
from bot.service.handler import DEFAULT_RETENTION, Service
from bot.store import open_store
from bot.text import pages

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_STORE = "sqlite:///var/kyrbot.db"


class ConfigError(ValueError):
    """A setting that cannot work; the message names the variable and the fix."""


@dataclass(frozen=True)
class Settings:
    """Every setting, read once at start-up."""

    store: str
    secret: bytes
    retention: float
    idle: float
    content: Path
    rate_limit: int
    fold_accents: frozenset[str]
    sms_page_segments: int
    public_base_url: str
    twilio_token: str
    telegram_token: str
    telegram_secret: str

    def page(self, channel: str) -> Page | None:
        """The page a channel's replies are cut to (the engine pages longer ones with MORE)."""
        return pages.for_channel(channel, self.sms_page_segments, self.fold_accents)


def _local_secret(store_url: str) -> bytes:
    """With no KYR_SECRET, keep a random one beside the SQLite file, so hashed keys survive restarts."""
    path = (
        Path(store_url.removeprefix("sqlite:///")).with_suffix(".secret")
        if store_url.startswith("sqlite:///") and ":memory:" not in store_url
        else None
    )
    if path is None:
        return secrets.token_bytes(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: two workers starting at once on a fresh file agree on the one written first
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as out:
        out.write(secrets.token_hex(32).encode())
    return path.read_bytes().strip()


def _number(name: str, text: str, kind: type = float) -> float:
    """A positive number from a setting, or a ConfigError that names it."""
    try:
        value = kind(text)
    except ValueError:
        value = -1
    if value <= 0:
        raise ConfigError(f"{name} must be a positive {'whole ' if kind is int else ''}number, got {text!r}")
    return value


def _fold_languages(text: str) -> frozenset[str]:
    """KYR_SMS_FOLD_ACCENTS: comma-separated languages, empty for the default, 'none' for none; never vi."""
    if not text.strip():
        return pages.DEFAULT_FOLD
    codes = frozenset(x.strip().lower() for x in text.split(",") if x.strip()) - {"none"}
    never = sorted(codes & pages.NEVER_FOLD)
    if never:
        raise ConfigError(
            f"KYR_SMS_FOLD_ACCENTS lists {','.join(never)}, which is never folded: its accents carry meaning. "
            "Remove it (Vietnamese SMS stays UCS-2)"
        )
    return codes


def settings_from(config: Mapping[str, object] | None = None) -> Settings:
    """Environment variables, overridden by a mapping with the same names (tests pass their own)."""
    get = lambda key, default="": str((config or {}).get(key, os.environ.get(key, default)))
    store = get("KYR_STORE", DEFAULT_STORE)
    if not get("KYR_SECRET") and store.startswith("redis"):
        # A random secret per worker would hash one phone number to a different key in each worker.
        raise ConfigError(
            "set KYR_SECRET: with Redis every worker must share it "
            '(python3 -c "import secrets; print(secrets.token_hex(32))")'
        )
    secret = get("KYR_SECRET").encode() or _local_secret(store)
    page_default = str(pages.SMS_SEGMENTS)
    return Settings(
        store=store,
        secret=secret,
        retention=_number("KYR_RETENTION", get("KYR_RETENTION", str(DEFAULT_RETENTION))),
        idle=_number("KYR_IDLE", get("KYR_IDLE", str(DEFAULT_IDLE))),
        content=Path(get("KYR_CONTENT", str(ROOT))),
        rate_limit=int(_number("KYR_RATE_LIMIT", get("KYR_RATE_LIMIT", "30"), int)),
        fold_accents=_fold_languages(get("KYR_SMS_FOLD_ACCENTS")),
        sms_page_segments=int(_number("KYR_SMS_PAGE_SEGMENTS", get("KYR_SMS_PAGE_SEGMENTS", page_default), int)),
        public_base_url=get("PUBLIC_BASE_URL").rstrip("/"),
        twilio_token=get("TWILIO_AUTH_TOKEN"),
        telegram_token=get("TELEGRAM_BOT_TOKEN"),
        telegram_secret=get("TELEGRAM_WEBHOOK_SECRET"),
    )


def build_engine(root: Path = ROOT, detector: bool = True, idle: float = DEFAULT_IDLE) -> Engine:
    """Load and validate the content (exactly what `validate` checks), and build every index once."""
    bundle = load_bundle(root)
    lang = None
    if detector:
        from bot.nlu.langid import LanguageDetector  # loads a model: only when asked for

        started = time.perf_counter()
        lang = LanguageDetector(list(bundle.content.languages))
        logger.info("language model loaded for %s in %.2f s", ",".join(lang.latin), time.perf_counter() - started)
    return Engine(bundle.content, lang, bundle.places, bundle.places.states, idle)


def build_service(settings: Settings, engine: Engine | None = None) -> Service:
    """The engine plus the configured store."""
    engine = engine or build_engine(settings.content, idle=settings.idle)
    store = open_store(settings.store)
    return Service(engine, store, settings.secret, settings.retention, settings.rate_limit)
