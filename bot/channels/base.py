"""Channel adapters: thin layers that verify, parse, de-duplicate, call the service and render.

Each adapter module has `init_app(app)` that registers its routes, and says at start-up when it is off.
They reach the engine and the service through `kyr(app)`, never through module globals.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app

from bot.core.engine import Engine
from bot.service.handler import Service
from bot.service.housekeeping import Housekeeper
from bot.service.runtime import Settings


@dataclass(frozen=True)
class Kyr:
    """What every channel of one app shares: settings, the engine and the service."""

    settings: Settings
    engine: Engine
    service: Service
    housekeeper: Housekeeper


def kyr(app: Flask | None = None) -> Kyr:
    """The app's shared parts."""
    return (app or current_app).extensions["kyrbot"]
