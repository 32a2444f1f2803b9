"""Reading what a message is, apart from its words: a number in any script's digits."""

from __future__ import annotations

import unicodedata


def number(text: str) -> int | None:
    """The number a message is, in any script's digits (1, １, ١, ۱), or None."""
    text = text.strip().rstrip(".)")
    if not text or len(text) > 3 or not all(unicodedata.digit(c, -1) >= 0 for c in text):
        return None
    return int("".join(str(unicodedata.digit(c)) for c in text))
