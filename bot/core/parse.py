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
# An amount, a unit, and optionally minutes after hours ('1h30', '1 hora 30 minutos'), spaces removed first.
DURATION = re.compile(r"^(\d{1,4}(?:[.,]\d{1,2})?)([^\W\d_]*)(?:(\d{1,2})([^\W\d_]*))?$")
MINUTES: tuple[str, ...] = (
    "m",
    "min",
    "mins",
    "minute",
    "minutes",
    "minuto",
    "minutos",
    "minit",
    "phút",
    "phut",
    "分",
    "分钟",
    "分鐘",
)
MINUTES += ("دقيقة", "دقائق", "دقيقه", "منٹ")
HOURS: tuple[str, ...] = (
    "",
    "h",
    "hr",
    "hrs",
    "hour",
    "hours",
    "hora",
    "horas",
    "heure",
    "heures",
    "è",
    "èdtan",
    "edtan",
    "giờ",
    "gio",
)
HOURS += ("tiếng", "tieng", "小时", "小時", "个小时", "個小時", "个钟头", "個鐘頭", "钟头", "鐘頭")
HOURS += ("ساعة", "ساعات", "ساعه")
HOURS += ("گھنٹے", "گھنٹہ", "گھنٹا")
# How people write a time without digits: Chinese numerals before a unit, half an hour, Arabic duals.
WORDS = {"半小时": "30分", "半小時": "30分", "半个小时": "30分", "半個小時": "30分"}
WORDS |= {"نصساعة": "30دقيقة", "نصفساعة": "30دقيقة"}
WORDS |= {"ساعتين": "2ساعة", "ساعتان": "2ساعة", "ساعة": "1ساعة", "آدھاگھنٹہ": "30منٹ", "آدھےگھنٹے": "30منٹ"}
CHINESE = dict(zip("一二两兩三四五六七八九十", ["1", "2", "2", "2", "3", "4", "5", "6", "7", "8", "9", "10"]))


def _plain(text: str) -> str:
    """Lower case, no spaces, every script's digits as ASCII ('٢ ساعة' -> '2ساعة'), written-out forms as digits."""
    text = "".join(str(unicodedata.digit(c)) if unicodedata.digit(c, -1) >= 0 else c for c in text.lower())
    text = "".join(text.split()).replace("٫", ".")
    text = WORDS.get(text, text)
    if text[:1] in CHINESE and (len(text) == 1 or text[1] not in CHINESE):  # 两小时, 三个钟头; not 十二
        text = CHINESE[text[0]] + text[1:]
    return text


def duration(text: str) -> int | None:
    """Seconds in '2h', '2 hours', '90m', '1.5h', '1h30', '2小时', '半小時', '٢ ساعة', 'ساعتين' (a bare number is
    hours), within LEAST..MOST; None otherwise."""
    found = DURATION.match(_plain(text) if len(text) < 24 else "")
    if not found:
        return None
    amount, unit, extra, extra_unit = found.groups()
    if unit not in MINUTES + HOURS or (extra and (unit not in HOURS or extra_unit not in ("",) + MINUTES)):
        return None  # '2 months' is no check-in; '30m 2' is not a time
    seconds = int(float(amount.replace(",", ".")) * (60 if unit in MINUTES else 3600)) + int(extra or 0) * 60
    return seconds if LEAST <= seconds <= MOST else None
