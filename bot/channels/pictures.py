"""Placeholder: this channel is being built."""
from __future__ import annotations

import logging

from flask import Flask

logger = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    """Register this channel's routes."""
    logger.info("channel %s: not built yet", __name__)
