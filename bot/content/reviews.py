"""Legal review sign-offs per flow and language (flows/reviews.yaml), and what they still vouch for.

A sign-off records who reviewed a flow in one language, when, what (the English content or a translation), and
a fingerprint of exactly the texts they read. It vouches for the flow only while those texts are unchanged: a
changed English sentence (or a changed translation) makes it lapse, and the bot says "not yet checked" again.
A translation's sign-off also needs the English one. Pure: the caller reads the file and passes today's date.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from bot.content.model import Content, SignOff

REVIEWS_FILE = "reviews.yaml"
ENGLISH_CONTENT, TRANSLATION = "English content", "translation"
DEFAULT_MAX_AGE = "6 months"
_AGE = re.compile(r"^\s*(\d+)\s*(day|week|month|year)s?\s*$")
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def flow_texts(content: Content, flow: str, lang: str) -> dict[str, str]:
    """A flow's messages in one language (every id under 'flow.')."""
    prefix = f"{flow}."
    return {k: v for k, v in content.texts.get(lang, {}).items() if k.startswith(prefix)}


def fingerprint(content: Content, flow: str, lang: str) -> str:
    """A short hash of what a reviewer of (flow, lang) reads: the English, plus the translation if not English."""
    parts = sorted(flow_texts(content, flow, "en").items())
    if lang != "en":
        parts += sorted((f"{lang}:{k}", v) for k, v in flow_texts(content, flow, lang).items())
    canonical = "\n".join(f"{k}={' '.join(v.split())}" for k, v in parts)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def parse_signoffs(data: Any) -> tuple[list[SignOff], list[str]]:
    """Sign-offs from the parsed reviews file ({flow: {lang: {by, date, what, source}}}), and problems."""
    out, problems = [], []
    for flow, langs in (data or {}).items() if isinstance(data, dict) else ():
        for lang, entry in (langs or {}).items() if isinstance(langs, dict) else ():
            fields = entry if isinstance(entry, dict) else {}
            values = [str(fields.get(k, "")).strip() for k in ("by", "date", "what", "source")]
            if not all(values) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", values[1]):
                problems.append(
                    f"flows/{REVIEWS_FILE}: {flow} ({lang}): a sign-off needs by, date (YYYY-MM-DD), "
                    "what and source. Fix: record it with 'python3 scripts/review.py sign'."
                )
                continue
            out.append(SignOff(str(flow), str(lang), *values))
    return out, problems


def stale_ids(content: Content, sources: dict[str, str], flow: str, lang: str) -> list[str]:
    """Message ids of a flow that are missing in lang or translate an older English (their source fingerprint)."""
    from bot.content.translations import fingerprint as text_fingerprint

    english = flow_texts(content, flow, "en")
    have = flow_texts(content, flow, lang)
    return [k for k, v in english.items() if k not in have or sources.get(k) != text_fingerprint(v)]


def valid(content: Content, signoffs: list[SignOff]) -> dict[tuple[str, str], SignOff]:
    """The sign-offs that still vouch for what the bot says: same texts, and for a translation the English
    signed off too."""
    current = {
        (s.flow, s.lang): s
        for s in signoffs
        if s.flow in content.flows and s.lang in content.languages and s.source == fingerprint(content, s.flow, s.lang)
    }
    return {k: s for k, s in current.items() if k[1] == "en" or (k[0], "en") in current}


def max_age_days(text: str) -> int:
    """'6 months' -> 180; raises ValueError naming the format."""
    m = _AGE.match(text)
    if not m:
        raise ValueError(f"review_max_age '{text}' is not like '6 months', '90 days' or '1 year'")
    return int(m.group(1)) * _DAYS[m.group(2)]


def old_reviews(reviews: dict[tuple[str, str], SignOff], today: date, max_age: str) -> list[str]:
    """Warnings for sign-offs older than max_age (the content setting review_max_age)."""
    limit = max_age_days(max_age)
    return [
        f"flows/{REVIEWS_FILE}: {s.flow} ({s.lang}) was checked on {s.date}, over {max_age} ago. "
        "Fix: have a lawyer review it again and record the new sign-off."
        for s in sorted(reviews.values(), key=lambda s: (s.flow, s.lang))
        if (today - date.fromisoformat(s.date)).days > limit
    ]
