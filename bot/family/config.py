"""Emergency contacts' settings, read once at start-up (KYR_FAMILY_ALERT, KYR_ALERT_RETENTION)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.service.values import positive

Get = Callable[..., str]

DEFAULT_RETENTION = 180 * 86400.0  # contacts unused this long are erased (a reminder goes a week before)
REMIND_BEFORE = 7 * 86400.0


@dataclass(frozen=True)
class FamilySettings:
    """Whether emergency contacts are offered, and how long an unused set-up is kept."""

    wanted: bool = True  # KYR_FAMILY_ALERT=off switches it off
    retention: float = DEFAULT_RETENTION


def read_family(get: Get) -> FamilySettings:
    """The settings; ValueError (one line, with the fix) for a value that cannot work."""
    switch = get("KYR_FAMILY_ALERT", "on").strip().lower()
    if switch not in ("on", "off", "1", "0", ""):
        raise ValueError(f"KYR_FAMILY_ALERT must be on or off, got {switch!r}")
    text = get("KYR_ALERT_RETENTION", str(DEFAULT_RETENTION))
    retention = positive("KYR_ALERT_RETENTION", text, above=REMIND_BEFORE, must="seconds, more than a week (604800)")
    return FamilySettings(switch not in ("off", "0"), retention)
