"""The routing test sets: the dev set (tuned on) and the held-out sets (never tuned on), one line per message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.service.runtime import ROOT

DEFAULT_DEVSET = ROOT / "tests" / "data" / "routing_devset.tsv"
DEFAULT_HELDOUT = ROOT / "tests" / "data" / "routing_heldout.tsv"
# written after the fourth round of tuning, from the same brief as its dev batch: a second, later measure
DEFAULT_HELDOUT2 = ROOT / "tests" / "data" / "routing_heldout2.tsv"


@dataclass(frozen=True)
class Case:
    """One line: the language the bot must answer in, the flow that must open, the text (and a style tag)."""

    lang: str
    expected: str
    text: str
    style: str = ""


def read_cases(path: Path) -> list[Case]:
    """Lines 'lang<TAB>expected<TAB>text', or with a style column when the header names one ('lang expected
    style text'); '#' comments and the header are skipped."""
    cases, columns = [], 3
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("lang\t"):
            columns = len(line.split("\t"))
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        parts = line.split("\t", columns - 1)
        style = parts[2].strip() if columns == 4 else ""
        cases.append(Case(parts[0].strip(), parts[1].strip(), parts[-1], style))
    return cases
