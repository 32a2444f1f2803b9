#!/usr/bin/env python3
"""Launcher for `python3 -m bot.cli.telegram_polling`: Run kyrbot on Telegram by long polling: the simplest deployment, no public URL or TLS needed."""
import runpy

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

runpy.run_module("bot.cli.telegram_polling", run_name="__main__", alter_sys=True)
