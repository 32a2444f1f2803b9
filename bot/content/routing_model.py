"""The routing model's file (bot/nlu/classifier.py): read once per process, written by scripts/train_router.py."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import numpy as np

from bot.nlu.classifier import FlowModel

logger = logging.getLogger(__name__)

MODEL = Path(__file__).resolve().parent.parent / "nlu" / "data" / "flows.npz"


def save_model(model: FlowModel, path: Path = MODEL) -> None:
    """Write the model uncompressed (start-up reads it in milliseconds)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        np.savez(f, allow_pickle=False, **model.arrays())


def read_model(path: Path = MODEL) -> FlowModel | None:
    """The trained model in a file, or None (logged) when there is none: the router then works without it."""
    if not path.exists():
        logger.warning("no routing model at %s: run scripts/train_router.py", path)
        return None
    with np.load(path) as data:
        return FlowModel.from_arrays(data)


# The project's model, read once per process: the file never changes while the bot runs.
load_model = functools.cache(read_model)
