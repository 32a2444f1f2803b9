"""Replies as each channel carries them: plain text with numbered options, and its SMS cost."""
from __future__ import annotations

from .session import Reply
from .sms import fold_accents, fold_typography, sms_info

RLM = "\u200f"   # right-to-left mark: keeps "1" at the right-hand start of an Arabic or Urdu option line


def option_lines(reply: Reply) -> list[str]:
    """'1 Label' lines; in right-to-left text each line starts with a RLM so numbers stay in place."""
    mark = RLM if reply.rtl else ""
    return [f"{mark}{o.key} {o.label}" for o in reply.options]


def as_text(reply: Reply) -> str:
    """The reply as one plain text: the message, then its numbered options."""
    lines = option_lines(reply)
    return reply.text + ("\n\n" + "\n".join(lines) if lines else "")


def sms_text(reply: Reply, accents: bool = False) -> str:
    """What an SMS carries: plain text, typographic punctuation folded to GSM-7, accents folded if asked.

    English is always folded: its own text is GSM-7 by validation, so only inserted proper nouns
    (an organisation named "...en Accion") change, and one such letter would double the cost.
    """
    text = fold_typography(as_text(reply))
    return fold_accents(text) if accents or reply.lang == "en" else text


def sms_cost(text: str) -> dict[str, object]:
    """The encoding and segment count of an SMS body, as the chat tool and web demo report them."""
    enc, parts = sms_info(text)
    return {"segments": parts, "encoding": enc}
