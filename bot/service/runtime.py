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
from bot.content.routing_model import load_model
from bot.core.engine import DEFAULT_IDLE, Engine
from bot.core.session import Page
from bot.family.config import FamilySettings, read_family
from bot.handoff.config import HandoffSettings, read_handoff
from bot.service.handler import DEFAULT_RETENTION, Service
from bot.service.housekeeping import PURGE_EVERY
from bot.service.values import positive
from bot.store import RedisStore, Store, StoreError, StoreUnavailable, open_store
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
    purge_every: float
    fold_accents: frozenset[str]
    sms_page_segments: int
    public_base_url: str
    twilio_token: str
    telegram_token: str
    telegram_secret: str
    web_demo: bool
    demo_max_sessions: int
    demo_new_per_minute: int
    handoff: HandoffSettings = HandoffSettings()  # talking to a person (bot/handoff): off unless responders are set
    family: FamilySettings = FamilySettings()  # emergency contacts (bot/family): on where they can work

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
    try:
        return _read_or_create_secret(path)
    except OSError as exc:
        raise ConfigError(
            f"cannot keep the hashing key in {path.resolve()} ({exc.strerror}): make its directory writable "
            "by the user running kyrbot, or set KYR_SECRET"
        ) from exc


def _read_or_create_secret(path: Path) -> bytes:
    """The secret in the file, written first (random) if the file does not exist yet."""
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
        return positive(name, text, kind)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


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
    try:
        handoff = read_handoff(get)
        family = read_family(get)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    page_default = str(pages.SMS_SEGMENTS)
    return Settings(
        store=store,
        secret=secret,
        retention=_number("KYR_RETENTION", get("KYR_RETENTION", str(DEFAULT_RETENTION))),
        idle=_number("KYR_IDLE", get("KYR_IDLE", str(DEFAULT_IDLE))),
        content=Path(get("KYR_CONTENT", str(ROOT))),
        rate_limit=int(_number("KYR_RATE_LIMIT", get("KYR_RATE_LIMIT", "30"), int)),
        purge_every=_number("KYR_PURGE_EVERY", get("KYR_PURGE_EVERY", str(PURGE_EVERY))),
        fold_accents=_fold_languages(get("KYR_SMS_FOLD_ACCENTS")),
        sms_page_segments=int(_number("KYR_SMS_PAGE_SEGMENTS", get("KYR_SMS_PAGE_SEGMENTS", page_default), int)),
        public_base_url=get("PUBLIC_BASE_URL").rstrip("/"),
        twilio_token=get("TWILIO_AUTH_TOKEN"),
        telegram_token=get("TELEGRAM_BOT_TOKEN"),
        telegram_secret=get("TELEGRAM_WEBHOOK_SECRET"),
        web_demo=_switch("KYR_WEB_DEMO", get("KYR_WEB_DEMO", "0")),
        demo_max_sessions=int(_number("KYR_DEMO_MAX_SESSIONS", get("KYR_DEMO_MAX_SESSIONS", "500"), int)),
        demo_new_per_minute=int(_number("KYR_DEMO_NEW_PER_MINUTE", get("KYR_DEMO_NEW_PER_MINUTE", "30"), int)),
        handoff=handoff,
        family=family,
    )


def _switch(name: str, text: str) -> bool:
    """1 (on) or 0 (off; also when empty), or a ConfigError that names the setting."""
    if text.strip() not in ("", "0", "1"):
        raise ConfigError(f"{name} must be 1 (on) or 0 (off), got {text!r}")
    return text.strip() == "1"


def build_engine(
    root: Path = ROOT, detector: bool = True, idle: float = DEFAULT_IDLE, background: bool = False
) -> Engine:
    """Load and validate the content (exactly what `validate` checks), and build every index once.
    `background`: load the language model in a thread (the service answers meanwhile: bot/service/langmodel.py)."""
    bundle = load_bundle(root)
    lang = None
    if detector:
        from bot.nlu.langid import LanguageDetector, latin_of  # loads a model: only when asked for

        started, languages = time.perf_counter(), list(bundle.content.languages)
        if background:
            from bot.service.langmodel import BackgroundModel

            lang = LanguageDetector(languages, model=BackgroundModel(latin_of(languages)))
        else:
            lang = LanguageDetector(languages)
            logger.info("language model loaded for %s in %.2f s", ",".join(lang.latin), time.perf_counter() - started)
    return Engine(bundle.content, lang, bundle.places, bundle.places.states, idle, model=load_model())


def open_checked_store(url: str) -> Store:
    """Open the store and prove it takes a write (a tiny health record) before any user depends on it. A SQLite
    file that cannot be written is a setting to fix: ConfigError, one line naming the file and the fix. A Redis
    that does not answer yet is only a warning: it may start after us, /healthz says 503 until it does."""
    try:
        store = open_store(url)
    except ValueError as exc:
        raise ConfigError(f"KYR_STORE: {exc}") from exc
    except StoreError as exc:
        raise ConfigError(_unwritable(url, exc)) from exc
    try:
        store.ping()
    except StoreError as exc:
        if isinstance(store, RedisStore) and type(exc) is StoreUnavailable:
            logger.warning("Redis store not reachable at start-up (%s): /healthz answers 503 until it is", exc)
            return store
        store.close()
        raise ConfigError(_unwritable(url, exc)) from exc
    return store


def _unwritable(url: str, exc: StoreError) -> str:
    """The one line that says which store cannot be written, why, and what to do."""
    if not url.startswith("sqlite:"):
        return f"the store cannot be written ({exc}): check that Redis is a writable primary with free memory"
    path = os.path.abspath(url.removeprefix("sqlite:///"))
    return (
        f"cannot write the SQLite store {path} ({exc}): make the file, and the directory that holds it, writable "
        "by the user running kyrbot (and free some disk space if it is full), or set KYR_STORE to another file"
    )


def build_service(settings: Settings, engine: Engine | None = None, store: Store | None = None) -> Service:
    """The engine plus the configured store (checked to take writes)."""
    store = store or open_checked_store(settings.store)
    engine = engine or build_engine(settings.content, idle=settings.idle)
    service = Service(engine, store, settings.secret, settings.retention, settings.rate_limit)
    family = family_channels(settings)
    if not settings.handoff.on and not family:
        return service
    from bot.handoff.service import with_desk  # hand-off and emergency contacts: the queue (only when configured)

    try:
        h, content = settings.handoff, settings.content
        return with_desk(service, h, settings.store, content, settings.family, family, settings.fold_accents)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def family_channels(settings: Settings) -> frozenset[str]:
    """Where emergency contacts work: SMS, WhatsApp and Telegram when contacts can be texted (a case key and
    Twilio's REST API), and the web demo beside the demo's fake responders (its contacts' phone is on the page)."""
    h = settings.handoff
    if not settings.family.wanted:
        return frozenset()
    real = bool(h.case_keys and h.twilio_sid and h.sms_from)
    channels = {"sms", "whatsapp", "telegram"} if real else set()
    if settings.web_demo and (h.demo or real):
        channels.add("web")
    return frozenset(channels)
