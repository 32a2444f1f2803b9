"""One rule for a test whose real part (redis-server, chromium, a font, a library) is missing here."""
from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def missing(why: str) -> NoReturn:
    """Skip on a developer's machine, but fail under CI=true: CI installs everything, so it never skips."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(why)
    pytest.skip(why)


def required(binary: str, why: str) -> str:
    """The binary's path, or skip (fail under CI) without it."""
    path = shutil.which(binary)
    if path is None:
        missing(why)
    return str(path)
