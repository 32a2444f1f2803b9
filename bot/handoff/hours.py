"""Responder hours: 'Mon-Fri 09:00-18:00 America/New_York' (several spans: 'Mon-Fri 09:00-18:00, Sat 10:00-14:00
America/New_York'). Outside them a person is told at once that an answer may be slow; the phone line's hotlines
(KYR_HOTLINE_DIAL) are rung only within theirs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPAN = re.compile(r"^([A-Za-z]{3})(?:-([A-Za-z]{3}))?\s+(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")
EXAMPLE = "Mon-Fri 09:00-18:00 America/New_York"


@dataclass(frozen=True)
class Span:
    """Days of the week (0 = Monday) and minutes of the day [start, end)."""

    days: frozenset[int]
    start: int
    end: int


@dataclass(frozen=True)
class Hours:
    """When volunteers are on call, in one time zone."""

    spans: tuple[Span, ...]
    zone: str
    text: str

    def open_at(self, now: float) -> bool:
        """True when `now` (a Unix time) falls inside a span."""
        local = datetime.fromtimestamp(now, ZoneInfo(self.zone))
        minute = local.hour * 60 + local.minute
        return any(local.weekday() in s.days and s.start <= minute < s.end for s in self.spans)


def parse_hours(text: str, setting: str = "KYR_RESPONDER_HOURS") -> Hours:
    """Parse hours (KYR_RESPONDER_HOURS, or a hotline's in KYR_HOTLINE_DIAL); ValueError names the setting and
    shows the form."""
    words = text.strip().rsplit(maxsplit=1)
    if len(words) != 2:
        raise ValueError(f"{setting} must look like {EXAMPLE!r}, got {text!r}")
    body, zone = words
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{setting}: {zone!r} is not a time zone like America/New_York") from None
    return Hours(tuple(_span(part.strip(), text, setting) for part in body.split(",")), zone, text.strip())


def _span(part: str, text: str, setting: str) -> Span:
    """'Mon-Fri 09:00-18:00' -> Span."""
    m = _SPAN.match(part)
    first, last = (m.group(1).lower(), (m.group(2) or m.group(1)).lower()) if m else ("", "")
    if not m or first not in DAYS or last not in DAYS:
        raise ValueError(f"{setting} must look like {EXAMPLE!r}, got {text!r}")
    a, b = DAYS.index(first), DAYS.index(last)
    days = frozenset(range(a, b + 1)) if a <= b else frozenset([*range(a, 7), *range(0, b + 1)])
    start, end = int(m.group(3)) * 60 + int(m.group(4)), int(m.group(5)) * 60 + int(m.group(6))
    if not 0 <= start < end <= 24 * 60:
        raise ValueError(f"{setting}: {part!r} must start before it ends, within one day")
    return Span(days, start, end)
