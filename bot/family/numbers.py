"""Phone numbers, read and checked with phonenumbers (U.S. by default). It cannot tell a U.S. cell phone from a
landline (both are FIXED_LINE_OR_MOBILE): the person is told so rather than promised a text will arrive."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

REGION = "US"
DIGITS = re.compile(r"\d")
CHANNEL_PREFIX = re.compile(r"^\s*(whatsapp|sms|tel)\s*:", re.IGNORECASE)


def normalise(text: str) -> str | None:
    """The number in E.164 (+12015550123), or None when it is not a valid number."""
    text = CHANNEL_PREFIX.sub("", text)  # phonenumbers reads 'whatsapp:+1...' silently: strip it ourselves
    if len(text) > 40 or len(DIGITS.findall(text)) < 7:
        return None
    try:
        number = phonenumbers.parse(text, REGION)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number) or number.extension:
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def shown(e164: str) -> str:
    """A number as people write it: (201) 555-0123 in the U.S., +509 34 12 3456 elsewhere."""
    number = phonenumbers.parse(e164, REGION)
    fmt = PhoneNumberFormat.NATIONAL if number.country_code == 1 else PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)
