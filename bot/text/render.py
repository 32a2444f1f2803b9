"""Replies as each channel carries them: plain text with numbered options, and its SMS cost."""

from __future__ import annotations

import re
import unicodedata

from bot.core.session import Reply
from bot.text.sms import encoding, fold_accents, fold_typography, sms_info

RLM = "\u200f"  # right-to-left mark: an invisible strong right-to-left character
LRM = "\u200e"  # left-to-right mark: an invisible strong left-to-right character
# Marks, not isolates (FSI/PDI, Unicode 6.3): isolates are ignored by older Android SMS apps and WebKit (iOS);
# marks have been honoured everywhere for decades. Arabic and Urdu SMS are UCS-2 anyway, so a mark costs one
# unit and never changes the encoding.
# Latin tokens and numbers the bidi algorithm would break apart inside Arabic-script text: the final dot of
# U.S., the brackets of 287(g), and numbers joined by '-' (after an Arabic letter, digits become "Arabic
# numbers", and a '-' between two of them is neutral, so 1-844-363-1423 would show as 1423-363-844-1).
_LRM_WRAPPED = re.compile(
    r"(?<![A-Za-z0-9.-])(?:[A-Za-z](?:\.[A-Za-z])+\."
    r"|[A-Za-z0-9][A-Za-z0-9-]*\([A-Za-z0-9]+\)"
    r"|\+?\d[A-Za-z0-9]*(?:[-./][A-Za-z0-9]+)+(?![A-Za-z0-9]))"
)


def _first_strong(line: str) -> str:
    """The bidi class (L, R or AL) of the first strongly directional character, '' when there is none."""
    return next((c for c in map(unicodedata.bidirectional, line) if c in ("L", "R", "AL")), "")


def bidi_line(line: str) -> str:
    """One line of right-to-left text with the marks phones need; a line without Arabic-script (or Hebrew)
    letters is left alone, so English inside an Arabic reply (a name list, a fallback) stays left-to-right.

    - A line whose first strong letter is Latin ('ICE ...', '- I-407 ...') starts with RLM, or phones would
      lay the whole line out left-to-right.
    - U.S., 287(g), 1-844-363-1423 and 2026-11-23 are wrapped in LRM, so their dots, brackets and number
      groups stay in place.
    """
    if not any(unicodedata.bidirectional(c) in ("R", "AL") for c in line):
        return line
    line = _wrap_ltr(line)
    return line if _first_strong(line) in ("R", "AL") else RLM + line


def _wrap_ltr(text: str) -> str:
    """LRM on both sides of each token the bidi algorithm would break apart."""
    return _LRM_WRAPPED.sub(lambda m: LRM + m.group(0) + LRM, text)


def bidi_text(text: str) -> str:
    """Right-to-left text line by line (each line is a paragraph whose direction phones detect on its own)."""
    return "\n".join(bidi_line(line) for line in text.split("\n"))


def body_text(reply: Reply) -> str:
    """The reply's own text as sent, with bidi marks when it is right-to-left."""
    return bidi_text(reply.text) if reply.rtl else reply.text


def options_data(reply: Reply) -> list[dict[str, str]]:
    """A reply's options as plain data (the chat tool's JSON and the web demo's API)."""
    return [{"key": o.key, "label": o.label, "target": o.target} for o in reply.options]


def option_lines(reply: Reply) -> list[str]:
    """'1 Label' lines; in right-to-left text each line starts with RLM, so the number stands at the right-hand
    start even when the label starts with a Latin name or the phone lays the message out left-to-right."""
    if not reply.rtl:
        return [f"{o.key} {o.label}" for o in reply.options]
    return [f"{RLM}{o.key} {_wrap_ltr(o.label)}" for o in reply.options]


def as_text(reply: Reply) -> str:
    """The reply as one plain text: the message, then its numbered options (with bidi marks when RTL)."""
    return _joined(body_text(reply), option_lines(reply))


def whatsapp_text(reply: Reply) -> str:
    """A reply for WhatsApp: Unicode as written, option numbers in *bold*; Arabic and Urdu get the same bidi
    marks as SMS (bidi_text), so numbers, U.S. and 287(g) keep their order."""
    mark = RLM if reply.rtl else ""
    return _joined(body_text(reply), [f"{mark}*{o.key}* {o.label}" for o in reply.options])


def _joined(body: str, lines: list[str]) -> str:
    """The text, a blank line, the option lines; a page holding only the options is just its lines."""
    return "\n\n".join(part for part in (body, "\n".join(lines)) if part)


def sms_text(reply: Reply, accents: bool = False) -> str:
    """What an SMS carries: plain text, typographic punctuation folded to GSM-7, accents folded if asked.

    English is always folded: its own text is GSM-7 by validation, so only inserted proper nouns
    (an organisation named "...en Accion") change, and one such letter would double the cost.
    """
    plain = as_text(reply)
    text = fold_typography(plain)
    text = fold_accents(text) if accents or reply.lang == "en" else text
    # Folding only pays when the result is GSM-7; a Chinese or Arabic SMS is UCS-2 anyway, keep its “quotes”.
    return text if encoding(text) == "GSM-7" else plain


def sms_cost(text: str) -> dict[str, object]:
    """The encoding and segment count of an SMS body, as the chat tool and web demo report them."""
    enc, parts = sms_info(text)
    return {"segments": parts, "encoding": enc}
