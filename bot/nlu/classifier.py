"""A linear model of the flows over character n-grams, trained offline on the phrases and the dev set
(`scripts/train_router.py`, with scikit-learn) and run here with numpy alone (bot/content/routing_model.py
reads and writes its file).

Word lists miss the forms nobody listed ('deteined', 'arrestaron', 'ma7jouz', 'quay video'); n-grams of letters
carry them over from the examples, and the model weighs a whole message at once. The router asks it only where
its own evidence is unsure or loose (see Router.route). The file holds a stamp of the phrases it was trained on:
edited phrases make `validate` warn, and a test fail, until the model is trained again.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from bot.content.model import Phrase
from bot.nlu.textnorm import is_han, word_tokens

FEATURES = "grams-1"  # names grams(): a change to it needs a model trained again
MAX_WORDS = 120  # a long story is read on its first words (Chinese: characters): bounded time
NGRAMS = (3, 4, 5)  # letter n-grams of a word with its edges ('<detained>' -> ' de', 'det', ...)
HAN_NGRAMS = (1, 2, 3)  # Chinese has no spaces: runs of characters


def grams(text: str) -> list[str]:
    """The features of a text: each word and its letter n-grams; runs of 1-3 Chinese characters."""
    out: list[str] = []
    han: list[str] = []
    for token in word_tokens(text)[:MAX_WORDS]:
        if is_han(token):
            han.append(token)
            continue
        out += _han_grams(han)
        han = []
        edged = f" {token} "
        out.append("w:" + token)
        for n in NGRAMS:
            out += [edged[i : i + n] for i in range(max(1, len(edged) - n + 1))]
    return out + _han_grams(han)


def _han_grams(chars: list[str]) -> list[str]:
    """Runs of one to three Chinese characters."""
    run = "".join(chars)
    return [run[i : i + n] for n in HAN_NGRAMS for i in range(len(run) - n + 1)]


def taught(phrases: Iterable[Phrase]) -> list[tuple[str, str]]:
    """What the phrases teach the model: (text, flow); a node's phrase teaches its flow."""
    return [(p.text, p.target.split(".")[0]) for p in phrases]


def stamp(lines: Iterable[tuple[str, str]]) -> str:
    """A short hash of training examples (text, label) and of the feature version, order aside."""
    digest = hashlib.sha256(FEATURES.encode())
    for text, label in sorted(set(lines)):
        digest.update(f"{label}\t{text}\n".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Guess:
    """The model's best flow for a message ('none': no topic of ours) and its probability."""

    flow: str
    p: float


class FlowModel:
    """Tf-idf of the n-grams (sublinear, l2-normalised, as scikit-learn computes it), then a softmax layer."""

    def __init__(
        self, vocabulary: list[str], idf: np.ndarray, weights: np.ndarray, bias: np.ndarray, classes: list[str]
    ) -> None:
        self.index = {g: i for i, g in enumerate(vocabulary)}
        self.idf = idf.astype(np.float32)
        self.weights = weights.astype(np.float32)  # n-grams x classes
        self.bias = bias.astype(np.float32)
        self.classes = list(classes)
        self.stamps: dict[str, str] = {}

    def guess(self, text: str) -> Guess:
        """The most likely flow and its probability; 'none' at p=0 for text with no known n-gram."""
        counts = Counter(i for g in grams(text) if (i := self.index.get(g)) is not None)
        if not counts:
            return Guess("none", 0.0)
        ids = np.fromiter(counts, dtype=np.int64, count=len(counts))
        x = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32) * self.idf[ids]
        x /= float(np.linalg.norm(x))
        z = x @ self.weights[ids] + self.bias
        z = np.exp(z - z.max())
        best = int(z.argmax())
        return Guess(self.classes[best], float(z[best] / z.sum()))

    def arrays(self) -> dict[str, np.ndarray]:
        """The model as arrays to store: weights as float16 (half the size, the same answers), the n-grams as
        one UTF-8 text (read back in milliseconds)."""
        vocabulary = "\n".join(sorted(self.index, key=self.index.__getitem__)).encode()
        return {
            "vocabulary": np.frombuffer(vocabulary, dtype=np.uint8),
            "idf": self.idf.astype(np.float16),
            "weights": self.weights.astype(np.float16),
            "bias": self.bias,
            "classes": np.array(self.classes),
            "stamps": np.array([f"{k}={v}" for k, v in sorted(self.stamps.items())]),
        }

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray]) -> FlowModel:
        """The model from what arrays() stored."""
        vocabulary = data["vocabulary"].tobytes().decode().split("\n")
        model = cls(vocabulary, data["idf"], data["weights"], data["bias"], data["classes"].tolist())
        model.stamps = dict(s.split("=", 1) for s in data["stamps"].tolist())
        return model
