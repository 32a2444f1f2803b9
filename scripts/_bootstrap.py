"""The one place that puts the repository on sys.path, so `python3 scripts/<tool>.py` works from a plain checkout.

Each script in this folder is a launcher for a module under bot/cli (or a developer benchmark); with the project
installed (`pip install -e .`) or from the repository root, `python3 -m bot.cli.<tool>` does the same.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
