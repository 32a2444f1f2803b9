"""Text written for the eye, made fit for the ear: no bullets, phone numbers digit by digit with pauses, never a
URL, and cut into <Say> pieces well inside Twilio's limits. Pure functions, no I/O.

Twilio's limits for the text of one <Say> (error 13521): 4,096 characters for basic voices, 3,000 for Amazon
Polly, 5,000 for Google, and at most 4,500 characters URL-encoded. A piece here is at most SAY_MAX_BYTES of UTF-8,
so even fully percent-encoded (3 characters a byte) it stays under every one of them.
"""

from __future__ import annotations

import re

SAY_MAX_BYTES = 1400
BIDI_MARKS = re.compile("[\u200e\u200f\u2066\u2067\u2068\u2069\u202a-\u202e]")
BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+", re.MULTILINE)
URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|org|com|net|edu|us|info|io)(?:/[^\s)]*)?",
    re.IGNORECASE,
)
# 1-844-363-1423, (555) 555-0142, +1 555 555 0142, 844.363.1423; and 911, 211, 311 on their own.
PHONE = re.compile(
    r"(?<![\w/])(?:\+?1[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w/])|(?<![\w.-])[239]11(?![\w.-])"
)
SENTENCE_END = ".!?:;\u3002\uff01\uff1f\u061f\u06d4"  # . ! ? : ; and the Chinese, Arabic and Urdu ones
CLOSERS = "\"'\u201d\u2019\u00bb)\uff09\u300d"  # " ' ” ’ » ) ） 」
SENTENCE = re.compile(r"(?<=[.!?\u061f\u06d4])\s+|(?<=[\u3002\uff01\uff1f])\s*")  # CJK: no space after


def digits(number: str) -> str:
    """A phone number read digit by digit, a pause between groups: '1-844-363-1423' -> '1, 8 4 4, 3 6 3, 1 4 2 3'."""
    groups = [g for g in re.split(r"\D+", number) if g]
    return ", ".join(" ".join(group) for group in groups)


def for_the_ear(text: str, link: str) -> str:
    """Eye text as it should be spoken; `link` replaces each URL (e.g. 'a web page we can text to you')."""
    text = BIDI_MARKS.sub("", text)
    text = BULLET.sub("", text)
    text = URL.sub(lambda m: link + _trailing(m.group(0)), text)
    text = PHONE.sub(lambda m: digits(m.group(0)), text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    spoken = [line if _ends(line) else line + "." for line in lines[:-1]] + lines[-1:]
    return re.sub(r"[ \t]+", " ", " ".join(spoken)).strip()


def _ends(line: str) -> bool:
    """True when a line ends a sentence, a closing quote or bracket after the stop included ('...lawyer."')."""
    bare = line.rstrip(CLOSERS)
    return bool(bare) and bare[-1] in SENTENCE_END


def _trailing(url: str) -> str:
    """The sentence punctuation a URL pattern swallowed ('see justice.gov/eoir.' keeps its final dot)."""
    return url[-1] if url[-1] in ".,;:" else ""


def pieces(text: str, limit: int = SAY_MAX_BYTES) -> list[str]:
    """The text cut at sentence ends (else at spaces, else anywhere) into parts of at most `limit` UTF-8 bytes."""
    out: list[str] = []
    current = ""
    for sentence in _units(text, limit):
        joined = f"{current} {sentence}" if current else sentence
        if len(joined.encode()) <= limit:
            current = joined
        else:
            out.append(current)
            current = sentence
    return out + ([current] if current else [])


def _units(text: str, limit: int) -> list[str]:
    """Sentences, each cut further when it alone is over the limit."""
    units: list[str] = []
    for sentence in SENTENCE.split(text.strip()):
        while len(sentence.encode()) > limit:
            cut = _cut(sentence, limit)
            units.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            units.append(sentence)
    return units


def _cut(text: str, limit: int) -> int:
    """Where to cut text to keep at most `limit` bytes: the last space that fits, else the last character."""
    end = len(text.encode()[:limit].decode(errors="ignore"))
    space = text.rfind(" ", 0, end)
    return space if space > 0 else end
