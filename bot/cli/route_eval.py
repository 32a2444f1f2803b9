"""Measure routing on the dev set: each message is a NEW user's first message through the real engine.

Usage:
    python scripts/route_eval.py [--devset tests/data/routing_devset.tsv] [--errors] [--no-detector]

A line is correct when the flow the engine opened equals the expected flow; for `none`, when no flow opened
(a clarifying question, "not understood" or the greeting are fine); for `clarify`, when the bot asked a
"Did you mean" question. --errors prints the wrong lines (dev-set text only: never run it on user messages).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from bot.content.model import MENU
from bot.core.engine import Engine
from bot.core.session import Inbound
from bot.service.runtime import ROOT, build_engine

DEFAULT_DEVSET = ROOT / "tests" / "data" / "routing_devset.tsv"


@dataclass(frozen=True)
class Case:
    """One dev-set line."""

    lang: str
    expected: str
    text: str


@dataclass(frozen=True)
class Outcome:
    """What the engine did with a case: the flow it opened ('none' if none) and whether it asked."""

    case: Case
    got: str
    asked: bool

    @property
    def correct(self) -> bool:
        """Right flow; for 'none' no flow; for 'clarify' a clarifying question."""
        if self.case.expected == "clarify":
            return self.asked
        return self.got == self.case.expected


def read_devset(path: Path) -> list[Case]:
    """Lines 'lang<TAB>expected<TAB>text'; '#' comments and the header are skipped."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        lang, expected, text = line.split("\t", 2)
        cases.append(Case(lang.strip(), expected.strip(), text))
    return cases


def run_case(engine: Engine, case: Case) -> Outcome:
    """The case as a new user's first message."""
    result = engine.step(None, Inbound(case.text, now=1000.0))
    at = result.session.at if result.session else MENU
    flow = at.split(".")[0]
    return Outcome(case, "none" if flow == MENU else flow, "clarify" in result.events)


def evaluate(engine: Engine, cases: list[Case]) -> list[Outcome]:
    """Every case through the engine."""
    return [run_case(engine, c) for c in cases]


def accuracy(outcomes: list[Outcome]) -> float:
    """Share of correct outcomes."""
    return sum(o.correct for o in outcomes) / len(outcomes) if outcomes else 0.0


def by(outcomes: list[Outcome], key: str) -> dict[str, list[Outcome]]:
    """Outcomes grouped by 'lang' or 'expected'."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[getattr(o.case, key)].append(o)
    return dict(sorted(groups.items()))


def report(outcomes: list[Outcome], errors: bool) -> None:
    """Print accuracy overall, per language, per flow, the confusions and (optionally) the wrong lines."""
    print(f"overall {accuracy(outcomes):.3f} ({sum(o.correct for o in outcomes)}/{len(outcomes)})")
    for key in ("lang", "expected"):
        print(f"\nper {'language' if key == 'lang' else 'flow'}:")
        for name, group in by(outcomes, key).items():
            print(f"  {name:14} {accuracy(group):.3f}  ({sum(o.correct for o in group)}/{len(group)})")
    confusions = Counter((o.case.expected, o.got + ("+ask" if o.asked else "")) for o in outcomes if not o.correct)
    print("\nconfusions (expected -> got):")
    for (expected, got), n in confusions.most_common():
        print(f"  {expected:14} -> {got:18} {n}")
    if errors:
        print("\nwrong:")
        for o in outcomes:
            if not o.correct:
                print(f"  [{o.case.lang}] {o.case.expected} -> {o.got}{' (asked)' if o.asked else ''}: {o.case.text}")


def main() -> None:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-detector", action="store_true", help="skip the language detector (faster start)")
    args = ap.parse_args()
    engine = build_engine(detector=not args.no_detector)
    report(evaluate(engine, read_devset(args.devset)), args.errors)


if __name__ == "__main__":
    main()
