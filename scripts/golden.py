#!/usr/bin/env python3
"""Launcher for `python3 -m bot.cli.golden`: Record golden conversation transcripts (tests/golden/*.yaml) from the bot's current behaviour."""
import runpy

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

runpy.run_module("bot.cli.golden", run_name="__main__", alter_sys=True)
