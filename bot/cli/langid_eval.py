"""Measure bot.langid on the dev set: accuracy per language, confusions, load time, memory, speed.

Usage:
    python scripts/langid_eval.py [--devset tests/data/langid_devset.tsv] [--compare] [--errors]

--compare also scores the detector without its word lists (model + script rules only).
--errors prints the misclassified dev-set lines (dev-set text only: never run this on user messages).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bot.nlu.langid import LanguageDetector
from bot.service.runtime import ROOT

DEFAULT_DEVSET = ROOT / "tests" / "data" / "langid_devset.tsv"
Pairs = list[tuple[str | None, str]]


def iter_devset(path: str) -> Iterator[tuple[str | None, str]]:
    """(expected lang or None, text) pairs of a dev-set TSV: header line, '#' comments, lang 'none'."""
    with open(path, encoding="utf-8") as handle:
        next(handle)  # header
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            lang, _, text = line.partition("\t")
            yield (None if lang == "none" else lang), text


def rss_mb() -> float:
    """Current resident set size in MB (VmRSS), or peak RSS where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def label(lang: str | None) -> str:
    """Printable language label."""
    return lang or "none"


def evaluate(detector: LanguageDetector, pairs: Pairs, show_errors: bool) -> float:
    """Print accuracy per language and confusion pairs; return overall accuracy."""
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for expected, text in pairs:
        got = detector.detect(text).lang
        total[label(expected)] += 1
        if got == expected:
            right[label(expected)] += 1
        else:
            confusions[(label(expected), label(got))] += 1
            if show_errors:
                print(f"  miss: expected {label(expected)} got {label(got)}: {text}")
    for lang in sorted(total):
        print(f"  {lang:5} {right[lang]:3}/{total[lang]:3} = {right[lang] / total[lang]:.3f}")
    overall = sum(right.values()) / sum(total.values())
    print(f"  overall {sum(right.values())}/{sum(total.values())} = {overall:.3f}")
    for (expected, got), n in confusions.most_common():
        print(f"  confusion {expected} -> {got}: {n}")
    return overall


def timing_us(detector: LanguageDetector, pairs: Pairs, rounds: int = 20) -> tuple[float, float]:
    """Median and p99 of detect() wall time in microseconds over the dev set."""
    samples: list[float] = []
    for _ in range(rounds):
        for _, text in pairs:
            start = time.perf_counter()
            detector.detect(text)
            samples.append((time.perf_counter() - start) * 1e6)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99)]


def main() -> None:
    """Run the evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--compare", action="store_true", help="also score without the word lists")
    parser.add_argument("--errors", action="store_true", help="print misclassified dev-set lines")
    args = parser.parse_args()
    pairs = list(iter_devset(str(args.devset)))
    rss_before, start = rss_mb(), time.perf_counter()
    detector = LanguageDetector()
    load_s, rss_delta = time.perf_counter() - start, rss_mb() - rss_before
    print(f"dev set: {len(pairs)} messages ({args.devset})")
    print("with word lists:")
    evaluate(detector, pairs, args.errors)
    if args.compare:
        print("without word lists (script rules + py3langid):")
        evaluate(LanguageDetector(use_wordlists=False), pairs, args.errors)
    median, p99 = timing_us(detector, pairs)
    print(f"load time: {load_s:.2f} s; RSS increase after load: {rss_delta:.0f} MB")
    print(f"detect(): median {median:.0f} µs, p99 {p99:.0f} µs")


if __name__ == "__main__":
    main()
