"""Train the routing model (bot/nlu/classifier.py) on the phrases of every language and the dev set.

Usage:
    python scripts/train_router.py            write bot/nlu/data/flows.npz
    python scripts/train_router.py --check    exit 1 when the model is older than the phrases or the dev set

Needs scikit-learn (requirements-dev.txt); the bot reads the model with numpy alone. Training is deterministic.
How the bot does with a model that never saw a dev line: `python3 scripts/route_eval.py --cv 5`.
The held-out set (tests/data/routing_heldout.tsv) is never read here: it measures the model, never teaches it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

from bot.cli.cases import DEFAULT_DEVSET, read_cases
from bot.content.bundle import load_bundle
from bot.content.routing_model import MODEL, read_model, save_model
from bot.nlu.classifier import FlowModel, grams, stamp, taught
from bot.service.runtime import ROOT

C = 30.0  # weak regularisation: on the fourth round's new dev batch, unseen, 30 did best (10: -0.006, 100: -0.003)
MIN_COUNT = 1  # n-grams seen once still count: keeping only those seen twice lost 0.005 in 5-fold on the dev set


def examples(root: Path = ROOT, devset: Path = DEFAULT_DEVSET) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(phrases, dev-set lines) as (text, flow); a phrase's node is its flow's, 'clarify' lines are left out."""
    phrases = taught(load_bundle(root).content.phrases)
    dev = [(c.text, c.expected) for c in read_cases(devset) if c.expected != "clarify"]
    return phrases, dev


def stamps(phrases: list[tuple[str, str]], dev: list[tuple[str, str]]) -> dict[str, str]:
    """What the model was trained on, as stamps to compare with today's files."""
    return {"phrases": stamp(phrases), "devset": stamp(dev)}


def fit(lines: list[tuple[str, str]]) -> Any:
    """Tf-idf and a logistic regression fitted by scikit-learn, as one pipeline."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
    except ImportError:
        sys.exit("training needs scikit-learn: pip install -r requirements-dev.txt")
    vectorizer = TfidfVectorizer(analyzer=grams, sublinear_tf=True, min_df=MIN_COUNT, dtype=np.float32)
    pipeline = make_pipeline(vectorizer, LogisticRegression(C=C, max_iter=5000))
    return pipeline.fit([text for text, _ in lines], [flow for _, flow in lines])


def train(lines: list[tuple[str, str]]) -> FlowModel:
    """Fit, and keep what inference needs."""
    return as_model(fit(lines))


def as_model(pipeline: Any) -> FlowModel:
    """The fitted pipeline's numbers as a FlowModel."""
    vectorizer, fitted = pipeline[0], pipeline[-1]
    vocabulary = vectorizer.get_feature_names_out().tolist()
    return FlowModel(vocabulary, vectorizer.idf_, fitted.coef_.T, fitted.intercept_, fitted.classes_.tolist())


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 when the model is out of date")
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args(argv)
    phrases, dev = examples()
    wanted = stamps(phrases, dev)
    if args.check:
        model = read_model(args.out)
        if model is None or model.stamps != wanted:
            print(f"{args.out} is older than the phrases or the dev set: run python3 scripts/train_router.py")
            return 1
        print(f"{args.out} is up to date")
        return 0
    model = train(phrases + dev)
    model.stamps = wanted
    save_model(model, args.out)
    taught = len(phrases) + len(dev)
    print(f"wrote {args.out}: {len(model.index)} n-grams, {len(model.classes)} classes, {taught} examples")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
