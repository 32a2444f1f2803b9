"""Emergency contacts (issue 17): the service side of flows/family_alert.yaml. The engine asks the questions and
emits events (bot/core/family.py); this package keeps the answers sealed, sends the alerts and tests through the
outbound queue, and runs the check-in timers on it.

    config.py    settings (KYR_FAMILY_ALERT, KYR_ALERT_RETENTION)
    numbers.py   phone numbers read and checked with phonenumbers (U.S. by default)
    records.py   the person's sealed record, the contacts' first-message and opt-out marks
    texts.py     what contacts and the person are sent, in their languages
    alerts.py    FamilyDesk: before and after each turn, the alert, tests, timers, erasure
"""
