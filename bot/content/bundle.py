"""Everything start-up loads from the content folder, checked in one pass: what `validate` and start-up share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.content.errors import ContentError, Problems
from bot.content.geo import GeoDataError
from bot.content.loader import load_content
from bot.content.model import Content
from bot.content.places import Places


@dataclass(frozen=True)
class Bundle:
    """The validated content (flows, translations, phrases, hotlines) and the places (states, directory)."""

    content: Content
    places: Places


def load_bundle(root: Path) -> Bundle:
    """Load and check all content under root; raise ContentError listing every problem (files, states, directory)."""
    problems = Problems()
    content = places = None
    try:
        content = load_content(root)
    except ContentError as exc:
        problems.items += exc.problems
    try:
        places = Places.load(root / "flows")
    except GeoDataError as exc:
        problems.items.append(f"flows/{exc}")
    problems.raise_if_any()
    assert content is not None and places is not None  # every failure above was raised as a problem
    return Bundle(content, places)
