"""Reading what a message is, apart from its words: a number in any script's digits."""

from __future__ import annotations

import re
import unicodedata


def number(text: str) -> int | None:
    """The number a message is, in any script's digits (1, １, ١, ۱), or None."""
    text = text.strip().rstrip(".)")
    if not text or len(text) > 3 or not all(unicodedata.digit(c, -1) >= 0 for c in text):
        return None
    return int("".join(str(unicodedata.digit(c)) for c in text))


LEAST, MOST = 600, 86400  # a check-in timer (core/family.py) lasts from 10 minutes to a day
DURATION = re.compile(r"^(\d{1,4}(?:[.,]\d{1,2})?)\s*([^\W\d_]*)$")
MINUTES = ("m", "min", "mins", "minute", "minutes", "minuto", "minutos", "minit")
HOURS = ("", "h", "hr", "hrs", "hour", "hours", "hora", "horas", "heure", "heures", "è", "giờ")


def duration(text: str) -> int | None:
    """Seconds in '2h', '2 hours', '90m', '1.5h' (a bare number is hours), within LEAST..MOST; None otherwise."""
    found = DURATION.match(text.strip().lower().replace(" ", "") if len(text) < 20 else "")
    if not found:
        return None
    amount, unit = float(found.group(1).replace(",", ".")), found.group(2)
    if unit not in MINUTES + HOURS:
        return None  # '2 months' is no check-in
    seconds = int(amount * (60 if unit in MINUTES else 3600))
    return seconds if LEAST <= seconds <= MOST else None
