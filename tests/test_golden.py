"""Golden conversation transcripts: every file under tests/golden/ replays exactly; every flow has one."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.content.loader import flow_ids
from bot.core.engine import Engine
from bot.service.runtime import ROOT
from bot.service.transcript import replay

GOLDEN = Path(__file__).parent / "golden"
FILES = sorted(GOLDEN.glob("*.yaml"))


def _load(path: Path) -> dict:
    """One transcript file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_transcript_replays_exactly(engine: Engine, path: Path) -> None:
    """Same messages in, same places and replies out (re-record with scripts/golden.py after a change)."""
    doc = _load(path)
    turns = replay(engine, [t["send"] for t in doc["turns"]], doc["channel"], doc.get("lang"), doc.get("state_hint"),
                   doc.get("lang_hint"), doc.get("org"), bool(doc.get("family")))
    for expected, got in zip(doc["turns"], turns, strict=True):
        assert (got.at, got.lang) == (expected["at"], expected["lang"]), f"after {expected['send']!r}"
        assert got.replies == expected["replies"], f"after {expected['send']!r}"


def test_every_flow_has_a_transcript() -> None:
    """A flow without a golden transcript fails here."""
    visited = {t["at"].split(".")[0] for p in FILES for t in _load(p)["turns"]}
    missing = [f for f in flow_ids(ROOT) if f not in visited and f != "menu"]
    assert not missing, f"flows with no golden transcript in tests/golden/: {missing}"
