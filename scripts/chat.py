#!/usr/bin/env python3
"""Launcher for `python3 -m bot.cli.chat`: Chat with kyrbot in a terminal, or drive it line by line from another program."""
import runpy

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

runpy.run_module("bot.cli.chat", run_name="__main__", alter_sys=True)
