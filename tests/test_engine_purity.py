"""The engine is pure: it imports no web framework, channel SDK, database driver or clock of its own."""
from __future__ import annotations

import subprocess
import sys

from bot.runtime import ROOT

ENGINE_MODULES = ["bot.engine", "bot.turns", "bot.pending", "bot.views", "bot.router", "bot.words",
                  "bot.session", "bot.model", "bot.targets", "bot.textnorm", "bot.sms"]
FORBIDDEN = ["flask", "telegram", "twilio", "sqlite3", "redis", "requests", "httpx"]


def test_engine_imports_no_io_library() -> None:
    """Importing and running the engine modules loads none of the forbidden packages."""
    code = (f"import sys; import {', '.join(ENGINE_MODULES)}; "
            f"print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""


def test_engine_source_reads_no_clock_or_environment() -> None:
    """No module of the engine asks for the time, the environment or a file."""
    for name in ENGINE_MODULES:
        source = (ROOT / (name.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        for banned in ("time.time(", "datetime.now(", "os.environ", "open("):
            assert banned not in source, f"{name} uses {banned}"
