"""Normalise what people type so that matching ignores case, accents, letter forms and stretched letters."""
from __future__ import annotations

import re
import unicodedata

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ی", "ة": "ه",
                               "ك": "ک", "ي": "ی", "ۀ": "ه", "ؤ": "و", "ئ": "ی"})
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")   # letters only: "000" in a ZIP code stays "000"
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Drop Latin combining marks (é → e) but keep the letters of other scripts whole."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")
    return unicodedata.normalize("NFC", kept)


def normalize(text: str) -> str:
    """NFKC (full-width → ASCII), casefold, Arabic marks and forms unified, 3+ repeated letters cut to 2."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FORMS)
    text = _REPEATS.sub(r"\1\1", text)
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """normalize() and then accents removed: the key most matching uses."""
    return strip_accents(normalize(text))


def has_letters(text: str) -> bool:
    """True when the text holds at least one letter or digit of any script."""
    return any(c.isalnum() for c in text)
