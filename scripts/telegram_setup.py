#!/usr/bin/env python3
"""Launcher for `python3 -m bot.cli.telegram_setup`: Point Telegram at kyrbot's webhook, or remove the webhook to go back to polling."""
import runpy

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

runpy.run_module("bot.cli.telegram_setup", run_name="__main__", alter_sys=True)
