"""Check every flow, translation and data file with the very code start-up runs, and print each problem with its fix.

Usage:
  python scripts/validate.py            check the project's content
  python scripts/validate.py DIR        check the content under DIR (a folder with flows/ and translations/)
Exit code 0 when everything is fine, 1 when there are problems.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bot.content.bundle import load_bundle
from bot.content.errors import ContentError
from bot.content.model import Content
from bot.content.reviews import old_reviews
from bot.content.routing_model import MODEL, load_model
from bot.nlu.classifier import stamp, taught
from bot.service.runtime import ROOT


def main(argv: list[str] | None = None) -> int:
    """Validate and report."""
    parser = argparse.ArgumentParser(description="check the content as start-up does; exit 1 on problems")
    parser.add_argument("root", nargs="?", type=Path, default=ROOT, help="a folder with flows/ and translations/")
    root = parser.parse_args(argv).root
    try:
        content = load_bundle(root).content
    except ContentError as exc:
        print(f"{len(exc.problems)} problem(s) found:")
        for problem in exc.problems:
            print(f"- {problem}")
        return 1
    nodes = sum(len(f.nodes) for f in content.flows.values())
    print(
        f"OK: {len(content.flows)} flows, {nodes} nodes, {len(content.texts['en'])} English messages, "
        f"{len(content.languages)} language(s)."
    )
    for hotline in content.hotlines.values():
        if hotline.verified in ("no", "", "False", "false"):
            print(
                f"warning: flows/hotlines.yaml: {hotline.key} ({hotline.number}) is not verified yet: "
                "call it and set 'verified:' to the date before launch."
            )
    for warning in old_reviews(dict(content.reviews), date.today(), content.review_max_age):
        print(f"warning: {warning}")
    if root == ROOT and (stale := model_warning(content)):
        print(f"warning: {stale}")
    return 0


def model_warning(content: Content) -> str | None:
    """A warning when the routing model was trained on other phrases than today's: it still works, but new
    phrases reach it only when it is trained again."""
    model = load_model()
    if model is None:
        return f"{MODEL} is missing: run python3 scripts/train_router.py"
    if model.stamps.get("phrases") != stamp(taught(content.phrases)):
        return f"{MODEL.name} was trained on other phrases: run python3 scripts/train_router.py (needs scikit-learn)"
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
