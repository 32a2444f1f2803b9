"""Normalise what people type so that matching ignores case, accents, letter forms and stretched letters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.nlu.hanzi import SIMPLIFIED, TRADITIONAL

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_ARABIC_FORMS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ی", "ة": "ه", "ك": "ک", "ي": "ی", "ۀ": "ه", "ؤ": "و", "ئ": "ی"}
)
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")  # letters only: "000" in a ZIP code stays "000"
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


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """normalize() and then accents removed: the key most matching uses. Remembered: the phrase index, the
    concept lexicon and the words table fold the same texts, and so do the router's steps for one message."""
    return strip_accents(normalize(text))


def has_letters(text: str) -> bool:
    """True when the text holds at least one letter or digit of any script."""
    return any(c.isalnum() for c in text)


# --- matching tokens (the router's view of a message) ------------------------------------------------------
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]|\d+|[^\W\d_{_HAN}]+")
# Arabic-Indic and Urdu/Persian digits as ASCII digits.
ARABIC_DIGITS = str.maketrans({chr(base + i): str(i) for base in (0x660, 0x6F0) for i in range(10)})
# Letters typed both ways in the same language that fold() leaves apart: Urdu heh forms, Vietnamese đ without
# its stroke.
LETTER_FORMS = {"ہ": "ه", "ۃ": "ه", "ھ": "ه", "ۂ": "ه", "đ": "d"}
# Traditional Chinese is matched in its Simplified form (bot.nlu.hanzi: a full one-to-one character table).
_FORMS = str.maketrans({**LETTER_FORMS, **dict(zip(TRADITIONAL, SIMPLIFIED))})
_ARABIC_ARTICLES = ("وال", "بال", "فال", "کال", "لل", "ال")


def strip_article(token: str) -> str:
    """Arabic writes 'the/and the/in the' onto the word (الشرطة, بالمطار): match the bare word."""
    for article in _ARABIC_ARTICLES:
        if token.startswith(article) and len(token) - len(article) >= 3:
            return token[len(article) :]
    return token


def is_han(token: str) -> bool:
    """True for a Chinese character token."""
    return len(token) == 1 and "\u3400" <= token <= "\ufaff"


def match_tokens(text: str) -> list[str]:
    """fold() split into words, numbers and single Chinese characters, with spelling variants unified."""
    key = fold(text.translate(ARABIC_DIGITS)).translate(_FORMS)
    return [strip_article(t) for t in _TOKEN.findall(key)]


_WORD = re.compile(rf"[{_HAN}]|[^\W_{_HAN}]+")


def word_tokens(text: str) -> list[str]:
    """Like match_tokens, but digits inside a word stay in it: Arabizi writes letters with them ('wa2afni')."""
    key = fold(text.translate(ARABIC_DIGITS)).translate(_FORMS)
    return [strip_article(t) for t in _WORD.findall(key)]
