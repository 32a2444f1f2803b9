"""Shared fixtures: the real content, one engine for the whole run, and the redis-server fixture."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.runtime import ROOT, build_engine

pytest_plugins = ["tests.conftest_redis"]

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The engine on the project's real content, built once (the language detector takes a second)."""
    return build_engine(ROOT)


@pytest.fixture(scope="session")
def content(engine: Engine):
    """The project's loaded content."""
    return engine.content
