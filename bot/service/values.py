"""A setting's value read and checked: one place for the checks every settings reader shares (runtime, hand-off,
emergency contacts), each failure a ValueError of one line that names the setting."""

from __future__ import annotations


def positive(name: str, text: str, kind: type = float, above: float = 0.0, must: str = "") -> float:
    """The number in `text`, when greater than `above`; else ValueError '<name> must be <must>, got '<text>''
    (by default 'a positive number', or 'a positive whole number' for int)."""
    try:
        value = kind(text)
    except ValueError:
        value = above - 1
    if not value > above:  # NaN too
        must = must or f"a positive {'whole ' if kind is int else ''}number"
        raise ValueError(f"{name} must be {must}, got {text!r}")
    return float(value)
