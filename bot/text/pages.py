"""Each channel's page: how much one message holds before the engine cuts a reply and keeps the rest for MORE.

A page is measured on the text exactly as the channel sends it: on SMS in segments of the encoding the page
will really use (typography folded, accents folded for the languages the operator folds, bidi marks added),
the numbered options included; on WhatsApp in UTF-16 units with its '*1*' option lines; on Telegram in UTF-16
units of the text alone (its options are buttons). The engine gets the page with each Inbound and never needs
to know the channel.
"""

from __future__ import annotations

from functools import lru_cache

from bot.core.session import BOLD, BUTTONS, CHARS, SEGMENTS, Page, Reply
from bot.text.render import as_text, body_text, sms_text, whatsapp_text
from bot.text.sms import segments, utf16_len

SMS_SEGMENTS = 3  # default SMS page: 3 segments (459 GSM-7 or 201 UCS-2 characters), KYR_SMS_PAGE_SEGMENTS
DEFAULT_FOLD = frozenset({"es", "pt", "fr"})  # KYR_SMS_FOLD_ACCENTS by default: checked by `sms_cost fold-check`
NEVER_FOLD = frozenset({"vi"})  # its tone marks carry meaning: never folded, whatever the setting says
WHATSAPP = Page(1600, CHARS, BOLD)  # Twilio's limit for one WhatsApp body
TELEGRAM = Page(4096, CHARS, BUTTONS)  # Telegram's limit for one message; options are buttons under it


def sms(limit: int = SMS_SEGMENTS, fold: frozenset[str] = DEFAULT_FOLD) -> Page:
    """The SMS page: `limit` segments, counted after folding the languages in `fold`."""
    return Page(limit, SEGMENTS, fold=fold)


def for_channel(channel: str, sms_segments: int = SMS_SEGMENTS, fold: frozenset[str] = DEFAULT_FOLD) -> Page | None:
    """The page of a channel by name; the web demo and the terminal chat read like Telegram; None: unknown."""
    if channel == "sms":
        return sms(sms_segments, fold)
    return {"whatsapp": WHATSAPP, "telegram": TELEGRAM, "web": TELEGRAM}.get(channel)


COST_CACHE = 8192  # replies whose size is remembered: a few thousand cover the content's nodes, pages, languages


@lru_cache(maxsize=COST_CACHE)
def cost(page: Page, reply: Reply) -> int:
    """The size of a reply in the page's unit, as the channel would send it. Cached: the engine measures about
    a dozen candidate pages a turn, each rendered and walked grapheme by grapheme (1.4 ms a turn in UCS-2 text,
    most of the webhook's time), and replies are the content's (no words a person typed), so they repeat."""
    if page.unit == SEGMENTS:
        return segments(sms_text(reply, accents=reply.lang in page.fold))
    if page.options == BUTTONS:
        return utf16_len(body_text(reply))
    return utf16_len(whatsapp_text(reply) if page.options == BOLD else as_text(reply))
