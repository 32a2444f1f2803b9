"""Shared fixtures: the real content, one engine for the whole run, and the redis-server fixture."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from bot.core.engine import Engine
from bot.service.runtime import ROOT, build_engine

pytest_plugins = ["tests.conftest_redis", "tests.conftest_browser", "tests.conftest_fakes"]

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The engine on the project's real content, built once (the language detector takes a second)."""
    return build_engine(ROOT)


@pytest.fixture(scope="session")
def content(engine: Engine):
    """The project's loaded content."""
    return engine.content


# Hypothesis: no per-example deadline (a timing assertion in disguise: it fails on a busy CI machine), and in CI
# a fixed sequence of examples, so a red run is reproducible and never a roll of the dice.
settings.register_profile("kyrbot", deadline=None, derandomize=os.environ.get("CI") == "true", print_blob=True)
settings.load_profile("kyrbot")
