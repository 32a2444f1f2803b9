#!/usr/bin/env python3
"""Launcher for `python3 -m bot.cli.validate` (see that module's docstring for usage)."""
import runpy

import _bootstrap  # noqa: F401  (puts the repository on sys.path)

runpy.run_module("bot.cli.validate", run_name="__main__", alter_sys=True)
