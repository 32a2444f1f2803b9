"""What each channel does to a reply's text before it is sent: on SMS, the languages whose accents are folded.

One á, ã, ê or ç makes a whole SMS UCS-2 (70 characters a segment instead of 160), so Spanish, Portuguese and
French SMS drop the accents GSM-7 lacks by default; `python3 scripts/sms_cost.py fold-check` keeps their
content readable without them (bot/i18n/folding.py).
"""

from __future__ import annotations

DEFAULT_FOLD = frozenset({"es", "pt", "fr"})  # KYR_SMS_FOLD_ACCENTS by default: checked by `sms_cost fold-check`
NEVER_FOLD = frozenset({"vi"})  # its tone marks carry meaning: never folded, whatever the setting says
