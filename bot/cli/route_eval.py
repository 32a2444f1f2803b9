"""Measure routing: each message is a NEW user's first message through the real engine; flow AND language.

Usage:
    python scripts/route_eval.py [--devset PATH] [--heldout PATH] [--errors] [--no-detector] [--cv K] [--no-model]

Three files are read: the dev set (`lang expected text`, tuned on) and the two frozen held-out sets
(`lang expected style text`, never tuned on; see bot/cli/cases.py). A line is right when the flow the engine
opened equals the expected flow (for `none`: no flow opened; for `clarify`: a "Did you mean" question) AND the
bot answers in the line's language. Per language it prints flow, language and both. --errors prints the dev
set's wrong lines (dev-set text only: never run it on user messages); of a held-out set only the figures are
printed (no lines, no confusions), so that it stays held out. The routing model (bot/nlu/classifier.py) is
trained on the dev set, so its figures there say little: --cv K routes each dev line with a model trained on
the other folds (the honest dev figure); --no-model shows what the phrases and lexicons do alone.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.cli.cases import DEFAULT_DEVSET, DEFAULT_HELDOUT, DEFAULT_HELDOUT2, Case, read_cases
from bot.content.model import MENU
from bot.core.engine import Engine
from bot.core.session import Inbound
from bot.service.runtime import build_engine


@dataclass(frozen=True)
class Outcome:
    """What the engine did with a case: the flow it opened ('none' if none), whether it asked, its language."""

    case: Case
    got: str
    asked: bool
    lang: str = ""

    @property
    def flow_ok(self) -> bool:
        """Right flow; for 'none' no flow; for 'clarify' a clarifying question."""
        if self.case.expected == "clarify":
            return self.asked
        return self.got == self.case.expected

    @property
    def lang_ok(self) -> bool:
        """The bot answers in the language of the line."""
        return self.lang == self.case.lang

    @property
    def correct(self) -> bool:
        """Flow and language both right."""
        return self.flow_ok and self.lang_ok


read_devset = read_cases  # the older name
__all__ = ["DEFAULT_DEVSET", "DEFAULT_HELDOUT", "DEFAULT_HELDOUT2", "Case", "read_cases", "read_devset"]


def run_case(engine: Engine, case: Case) -> Outcome:
    """The case as a new user's first message."""
    result = engine.step(None, Inbound(case.text, now=1000.0))
    session = result.session
    flow = (session.at if session else MENU).split(".")[0]
    return Outcome(case, "none" if flow == MENU else flow, "clarify" in result.events, session.lang if session else "")


def evaluate(engine: Engine, cases: list[Case]) -> list[Outcome]:
    """Every case through the engine."""
    return [run_case(engine, c) for c in cases]


def cross_validated(engine: Engine, cases: list[Case], folds: int) -> list[Outcome]:
    """Every dev-set case through the engine with a routing model trained without the case's fold: the model
    learns the dev set, so only lines it never saw say how it does on new ones (needs scikit-learn)."""
    from bot.cli.train_router import examples, train

    phrases, _ = examples()
    kept = engine.router.model
    outcomes: dict[int, Outcome] = {}
    try:
        for k in range(folds):
            taught = [(c.text, c.expected) for n, c in enumerate(cases) if n % folds != k and c.expected != "clarify"]
            engine.router.model = train(phrases + taught)
            outcomes.update((n, run_case(engine, c)) for n, c in enumerate(cases) if n % folds == k)
    finally:
        engine.router.model = kept
    return [outcomes[n] for n in range(len(cases))]


def accuracy(outcomes: list[Outcome], what: str = "correct") -> float:
    """Share of outcomes right in `what`: 'correct' (flow and language), 'flow_ok' or 'lang_ok'."""
    return sum(getattr(o, what) for o in outcomes) / len(outcomes) if outcomes else 0.0


def by(outcomes: list[Outcome], key: str) -> dict[str, list[Outcome]]:
    """Outcomes grouped by 'lang', 'expected' or 'style'."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[getattr(o.case, key)].append(o)
    return dict(sorted(groups.items()))


def _line(name: str, group: list[Outcome]) -> str:
    """'name  both (n/m)  flow x  language y'."""
    right = sum(o.correct for o in group)
    return (
        f"  {name:14} {accuracy(group):.3f} ({right}/{len(group)})"
        f"   flow {accuracy(group, 'flow_ok'):.3f}  language {accuracy(group, 'lang_ok'):.3f}"
    )


def report(outcomes: list[Outcome], errors: bool, out: Callable[[str], None] = print, confusions: bool = True) -> None:
    """Accuracy overall, per language, per flow, per style, the confusions and (optionally) the wrong lines."""
    out(_line("overall", outcomes).strip().replace("overall", "overall (flow and language)", 1))
    for key, title in (("lang", "language"), ("expected", "flow"), ("style", "style")):
        groups = by(outcomes, key)
        if key == "style" and list(groups) == [""]:
            continue
        out(f"\nper {title}:")
        for name, group in groups.items():
            out(_line(name, group))
    if not confusions:
        return  # the held-out set: which flow its misses went to would be a hint to tune on
    confused = Counter((o.case.expected, o.got + ("+ask" if o.asked else "")) for o in outcomes if not o.flow_ok)
    out("\nflow confusions (expected -> got):")
    for (expected, got), n in confused.most_common():
        out(f"  {expected:14} -> {got:18} {n}")
    languages = Counter((o.case.lang, o.lang) for o in outcomes if not o.lang_ok)
    out("\nlanguage confusions (expected -> answered in):")
    for (expected, got), n in languages.most_common():
        out(f"  {expected:8} -> {got:8} {n}")
    if errors:
        out("\nwrong:")
        for o in outcomes:
            if not o.correct:
                asked = " (asked)" if o.asked else ""
                out(f"  [{o.case.lang}->{o.lang}] {o.case.expected} -> {o.got}{asked}: {o.case.text}")


def main() -> None:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    ap.add_argument(
        "--heldout",
        type=Path,
        action="append",
        help=f"(repeat) default: {DEFAULT_HELDOUT.name} and {DEFAULT_HELDOUT2.name}; '-' to skip them",
    )
    ap.add_argument("--errors", action="store_true", help="print the dev set's wrong lines (never the held-out's)")
    ap.add_argument("--no-detector", action="store_true", help="skip the language detector (faster start)")
    ap.add_argument(
        "--cv", type=int, default=0, metavar="K", help="route each dev line with a model trained without it"
    )
    ap.add_argument("--no-model", action="store_true", help="route without the n-gram model (phrases and lexicons)")
    args = ap.parse_args()
    engine = build_engine(detector=not args.no_detector)
    if args.no_model:
        engine.router.model = None
    print(f"== dev set ({args.devset.name}: tuned on)")
    report(evaluate(engine, read_cases(args.devset)), args.errors)
    if args.cv:
        print(f"\n== dev set, {args.cv}-fold: each line routed by a model trained without it")
        report(cross_validated(engine, read_cases(args.devset), args.cv), args.errors)
    for heldout in args.heldout or [DEFAULT_HELDOUT, DEFAULT_HELDOUT2]:
        if str(heldout) != "-":
            print(f"\n== held-out set ({heldout.name}: never tuned on; figures only)")
            report(evaluate(engine, read_cases(heldout)), errors=False, confusions=False)


if __name__ == "__main__":
    main()
