"""Pytest plugin: headless Chromium from Debian's packages, driven by Playwright, and a live app to point it at.

Fixtures: `browser` (module; a Playwright Browser launched with executable_path = the system's chromium, never
a browser Playwright downloads) and `live_server(app)` (a context manager: the app on a free port in a thread,
yielding its base URL). Without chromium or the playwright package the browser tests are skipped, or fail when
the environment variable CI is "true" (so CI can never silently skip them).
Register from tests/conftest.py with `pytest_plugins = [..., "tests.conftest_browser"]`.
"""
from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

from tests.require import missing

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"   # screenshots; gitignored
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--no-first-run", "--no-default-browser-check"]
NO_CHROMIUM = ("chromium not found on PATH or at /usr/bin/chromium: install it (Debian: apt-get install "
               "chromium) to run the browser tests; never 'playwright install'")
NO_PLAYWRIGHT = "the playwright package is missing: pip install -r requirements-dev.txt"


def chromium_path() -> str | None:
    """The system's Chromium, or None."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


_missing = missing   # fail under CI (a skipped browser test there would hide a broken page), skip elsewhere


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium for one test module; each test opens its own context (cookies, storage).

    Module scope, not session: while Playwright's sync API is open it keeps an asyncio loop running in the main
    thread, and every later test that calls asyncio.run (the Telegram fakes) would fail."""
    executable = chromium_path()
    if executable is None:
        _missing(NO_CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing(NO_PLAYWRIGHT)
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


WAIT = 15_000  # ms: the longest a step may take on a loaded CI machine before the test fails


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve the WSGI app on 127.0.0.1 and a free port in a thread; yield 'http://127.0.0.1:PORT'."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@contextmanager
def watched_page(browser: Any, base_url: str, height: int = 900, width: int = 1280) -> Iterator[Any]:
    """A fresh page (own storage) with script errors and CSP violations collected in page.problems."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=base_url)
    context.set_default_timeout(WAIT)
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda exc: tab.problems.append(f"page error: {exc}"))
    tab.on("console", lambda msg: tab.problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The directory for screenshots, kept by CI as test artifacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
