"""SMS text helpers: GSM-7 folding, encoding, Twilio-exact segment counting, splitting and paging.

Pure functions: no I/O, no logging of text (message bodies must never reach logs).

Segment counting follows Twilio's open-source message-segment-calculator: a segment carries 140 octets;
a message that does not fit in one gets a 6-octet User Data Header in every part (160 -> 153 GSM-7
septets, 70 -> 67 UCS-2 code units); a character (grapheme) is never split across two segments, so a
GSM-7 escape pair (``^{}\\[~]|€`` and form feed) or a UTF-16 surrogate pair (emoji) that would straddle
a boundary moves whole to the next segment, leaving a hole.
"""

from __future__ import annotations

import contextlib
import logging
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

import gsm0338  # noqa: F401  -- importing it registers the "gsm03.38" codec

logger = logging.getLogger(__name__)

GSM7 = "GSM-7"
UCS2 = "UCS-2"
_SEGMENT_UNITS = {GSM7: (160, 153), UCS2: (70, 67)}  # (single message, per part of a long one)


def _codec_table(prefix: bytes) -> frozenset[str]:
    """The characters the gsm0338 codec decodes from prefix + one byte (the codec stays the single truth)."""
    chars = set()
    for byte in range(128):
        with contextlib.suppress(UnicodeDecodeError):
            chars.add((prefix + bytes([byte])).decode("gsm03.38"))
    return frozenset(c for c in chars if len(c) == 1)


# Looked up per character instead of encoding through the pure-Python codec: 100x faster per reply.
_GSM_EXTENSION = _codec_table(b"\x1b") - _codec_table(b"")  # two septets each: { } [ ] ~ \\ | ^ €
_GSM_ALL = (_codec_table(b"") | _GSM_EXTENSION) - {"\x1b"}  # a bare ESC is refused: Twilio's table lacks it

# Twilio Smart Encoding's idea, for punctuation only. Deliberately left out: letters (fullwidth/small-capital
# Latin), combining marks (they belong to letters: n + U+0303 is an ñ, not "n~"), ZWJ/ZWNJ (emoji and
# Persian-script spelling need them), and CJK fullwidth/ideographic punctuation (，。？ only occur in CJK
# text, which is UCS-2 anyway, so folding would only spoil its typography). No-break spaces become ONE
# space (Twilio's table gives two, which only wastes a septet).
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys(
            "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u02b9\u02bb\u02bc\u02bd\u02c8\u02ca\u02cb\u275b\u275c", "'"
        ),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u02ba\u02ee\u275d\u275e", '"'),
        "\u2039": "<",
        "\u203a": ">",
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u23bc\u23bd\ufe63", "-"),
        **dict.fromkeys("\u2022\u2023\u25e6\u2219\u2027", "-"),  # bullets: "- item" reads the same
        "\u2026": "...",
        "\u203c": "!!",
        "\u2017": "_",
        **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t", " "),
        "\u2028": "\n",
        "\u2029": "\n",  # line/paragraph separators keep the layout they stand for
        **dict.fromkeys("\u200b\u2060\ufeff\u00ad", ""),  # invisible: zero-width space, word joiner, BOM, soft hyphen
        "\u00f7": "/",
        "\u2044": "/",
        "\u2215": "/",
        "\u29f8": "/",
        "\u29f9": "\\",
        "\u29f5": "\\",
        "\u00bc": "1/4",
        "\u00bd": "1/2",
        "\u00be": "3/4",
        "\u2223": "|",
        "\u02c6": "^",
        "\u02dc": "~",
        "\u223c": "~",
        "\u2217": "*",
        "\u204e": "*",
    }
)

# Latin letters with no useful decomposition (NFKD handles the rest: á -> a, ﬁ -> fi).
_LETTER_EXTRAS = {
    "œ": "oe",
    "Œ": "OE",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "Th",
    "ł": "l",
    "Ł": "L",
    "ı": "i",
    "ſ": "s",
    "º": "o",
    "ª": "a",
}
# Letters only Vietnamese uses among our languages (â ê ô are shared with pt/fr, so they do not count).
_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")


def fold_typography(text: str) -> str:
    """Replace typographic punctuation and spaces by GSM-7 equivalents; letters are never changed."""
    return text.translate(_TYPOGRAPHY)


def fold_accents(text: str) -> str:
    """Replace Latin letters outside GSM-7 by their closest GSM-7 letter (á -> a, ç -> c; é ñ ü Ç stay).

    Non-Latin scripts (Arabic, Chinese, Greek...) are left exactly as they are. Text containing a letter only
    Vietnamese uses (ă đ ơ ư, ạ ả ấ...) is returned unchanged, because its tone marks carry meaning; a short
    Vietnamese text may hold only â ê ô, though, so the caller must decide by language and never fold 'vi'.
    Whether Spanish/Portuguese/French/Haitian text may lose its accents is likewise the caller's decision.
    """
    if text.isascii() or _VIETNAMESE.search(unicodedata.normalize("NFC", text)):
        return text  # ASCII has nothing to fold (most English replies: skip the grapheme walk)
    return "".join(_fold_cluster(cluster) for cluster in _graphemes(text))


def encoding(text: str) -> str:
    """Return "GSM-7" if every character is in the GSM 03.38 alphabet (with extension), else "UCS-2"."""
    return GSM7 if _is_gsm(text) else UCS2


def segments(text: str) -> int:
    """Return how many SMS segments Twilio bills for this text (an empty text counts as 1)."""
    enc = encoding(text)
    if enc == GSM7 and "\r" not in text:  # every GSM-7 character is its own grapheme (but CR LF is one)
        costs = [2 if c in _GSM_EXTENSION else 1 for c in text]
    else:
        costs = [_cost(cluster, enc) for cluster in _graphemes(text)]
    single, per_part = _SEGMENT_UNITS[enc]
    if sum(costs) <= single:
        return 1  # also for "": a segment is the unit of billing, never 0 (Twilio's calculator agrees)
    count, used = 1, 0
    for cost in costs:
        if used + cost > per_part:  # the whole character moves on: escape and surrogate pairs never split
            count, used = count + 1, 0
        used += cost
    return count


def sms_info(text: str) -> tuple[str, int]:
    """Return (encoding, segments) for the text as it would be sent."""
    return encoding(text), segments(text)


def utf16_len(text: str) -> int:
    """Return the length in UTF-16 code units (what Telegram counts; an emoji is 2)."""
    return len(text.encode("utf-16-le")) // 2


def split_message(
    text: str, limit: int = 1600, measure: Callable[[str], int] = utf16_len, fill: bool = False
) -> list[str]:
    """Split text into non-empty parts with measure(part) <= limit, at the most natural boundaries.

    Boundaries tried in order: paragraphs, lines, sentences (. ? ! 。 ？ ！ ؟ ۔), whitespace, and only for
    a single word longer than the limit, between characters (graphemes). Whitespace at the edges of parts is
    dropped; nothing else is. The default measure (UTF-16 code units) is never less than len(), so parts also
    fit Twilio's 1600-character and Telegram's 4096-character limits; pass measure=segments to bound SMS
    segments instead (measure must not decrease when text is appended). An empty text gives [].

    With fill, a paragraph or line that does not fit the rest of a part starts on it with as many whole
    sentences as fit, instead of starting the next part (SMS pages: every segment paid for is used).
    """
    return _split(text, limit, measure, 0, fill)


# Boundaries from coarsest to finest. Latin full stops need following whitespace ("3.5", "e.g." stay
# whole); CJK and Arabic-script stops are boundaries by themselves (Chinese puts no space after 。).
_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.?!])\s+|(?<=[.?!][\"')\]»”’])\s+|(?<=[。？！؟۔])\s*"),
    re.compile(r"\s+"),
)
_SENTENCES = 2  # the finest level `fill` cuts at: a sentence is never cut to fill a part


def _split(text: str, limit: int, measure: Callable[[str], int], level: int, fill: bool = False) -> list[str]:
    """Split text at boundary level `level`, going finer only for pieces that still do not fit."""
    body = text.strip()
    if measure(body) <= limit:
        return [body] if body else []
    if level == len(_BOUNDARIES):
        return _hard_split(body, limit, measure)
    parts: list[str] = []
    current = ""
    for piece in _pieces(text, _BOUNDARIES[level]):
        if measure((current + piece).strip()) <= limit:
            current += piece
            continue
        if fill and current.strip():
            current, piece = _fill(current, piece, limit, measure, level + 1)
        _append(parts, current)
        sub = _split(piece, limit, measure, level + 1, fill)
        parts.extend(sub[:-1])
        # The tail of a piece split finer may still share a part with what follows.
        current = sub[-1] + piece[len(piece.rstrip()) :] if sub else ""
    _append(parts, current)
    return parts


def _fill(current: str, piece: str, limit: int, measure: Callable[[str], int], level: int) -> tuple[str, str]:
    """Move the leading lines or sentences of piece onto current while they fit; return both."""
    if level > _SENTENCES:
        return current, piece
    smalls = _pieces(piece, _BOUNDARIES[level])
    for i, small in enumerate(smalls):
        if measure((current + small).strip()) > limit:
            current, rest = _fill(current, small, limit, measure, level + 1)
            return current, rest + "".join(smalls[i + 1 :])
        current += small
    return current, ""


def _pieces(text: str, boundary: re.Pattern[str]) -> list[str]:
    """Cut text after each boundary match; each piece keeps its trailing separator."""
    pieces, start = [], 0
    for match in boundary.finditer(text):
        if match.end() > start:
            pieces.append(text[start : match.end()])
            start = match.end()
    return pieces + [text[start:]] if start < len(text) else pieces


def _append(parts: list[str], text: str) -> None:
    """Append text stripped of edge whitespace, unless nothing is left."""
    if text.strip():
        parts.append(text.strip())


def _hard_split(word: str, limit: int, measure: Callable[[str], int]) -> list[str]:
    """Cut a word longer than the limit between graphemes (between code points for a giant grapheme)."""
    clusters, parts = _graphemes(word), []
    while clusters:
        # Binary search for the longest prefix that fits: measure may cost O(n) (segments), so no linear scan.
        fit = bisect_right(range(1, len(clusters) + 1), limit, key=lambda n: measure("".join(clusters[:n])))
        if fit == 0 and len(clusters[0]) == 1:
            raise ValueError(
                f"split_message: the character {clusters[0]!r} alone exceeds the limit of "
                f"{limit}; use a limit of at least 2 (an emoji is 2 UTF-16 code units)"
            )
        if fit == 0:
            clusters[0:1] = list(clusters[0])  # last resort: a grapheme too long for any part
            continue
        parts.append("".join(clusters[:fit]))
        del clusters[:fit]
    return parts


def _is_gsm(text: str) -> bool:
    """Tell whether the codec can encode text; a bare ESC is refused because Twilio's table lacks it."""
    return _GSM_ALL.issuperset(text)


def _cost(cluster: str, enc: str) -> int:
    """Return the size of one grapheme: septets in GSM-7, UTF-16 code units in UCS-2."""
    return sum(2 if c in _GSM_EXTENSION else 1 for c in cluster) if enc == GSM7 else utf16_len(cluster)


def _graphemes(text: str) -> list[str]:
    """Split text into user-perceived characters (a close approximation of Unicode extended graphemes)."""
    clusters: list[str] = []
    for char in text:
        if clusters and _joins(clusters[-1], char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _joins(cluster: str, char: str) -> bool:
    """Tell whether char continues the cluster: marks, ZWJ sequences, modifiers, flag pairs."""
    code = ord(char)
    if cluster[-1] == "\u200d" or unicodedata.category(char) in ("Mn", "Me", "Mc"):
        return True
    if char == "\u200d" or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:
        return True  # ZWJ, variation selectors, skin tones, tag characters (subdivision flags)
    return _is_regional(char) and len(cluster) == 1 and _is_regional(cluster)


def _is_regional(char: str) -> bool:
    """Tell whether char is a regional indicator (two of them make a flag)."""
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


@lru_cache(maxsize=4096)
def _fold_cluster(cluster: str) -> str:
    """Fold one grapheme if it is a Latin letter outside GSM-7; leave anything else untouched."""
    composed = unicodedata.normalize("NFC", cluster)
    if _is_gsm(composed):
        return composed  # e + U+0301 composes to é, which GSM-7 has
    if composed in _LETTER_EXTRAS:
        return _LETTER_EXTRAS[composed]
    if not _is_latin_letter(composed[0]):
        return cluster
    base = "".join(c for c in unicodedata.normalize("NFKD", composed) if not unicodedata.combining(c))
    return base if base and _is_gsm(base) else cluster


def _is_latin_letter(char: str) -> bool:
    """Tell whether char is a letter of the Latin script."""
    return unicodedata.category(char).startswith("L") and "LATIN" in unicodedata.name(char, "")
