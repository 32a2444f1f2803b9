"""kyrbot: a multilingual Know-Your-Rights chatbot. The public API, imported on first use (importing `bot`
loads nothing heavy):

    from bot import build_engine, Inbound
    engine = build_engine()                       # content validated, indexes built
    result = engine.step(None, Inbound("ICE is at my door", now=0.0))

Packages: core (the pure engine), nlu (routing, words, language), content (flows, translations, places),
i18n (translation tools), text (SMS and rendering), service (the store-backed turn, settings), store,
channels (twilio, telegram, web), pictures (diagrams, officer card), cli (the tools).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Engine": "bot.core.engine",
    "Inbound": "bot.core.session",
    "Reply": "bot.core.session",
    "Result": "bot.core.session",
    "Session": "bot.core.session",
    "Content": "bot.content.model",
    "ContentError": "bot.content.errors",
    "load_bundle": "bot.content.bundle",
    "Service": "bot.service.handler",
    "Outcome": "bot.service.handler",
    "Settings": "bot.service.runtime",
    "ConfigError": "bot.service.runtime",
    "build_engine": "bot.service.runtime",
    "build_service": "bot.service.runtime",
    "settings_from": "bot.service.runtime",
    "open_store": "bot.store",
    "Store": "bot.store",
    "StoreError": "bot.store",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'bot' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
