"""Talking to a person: cases, the intake's answers, the relay between a person and the organisation's
volunteers, escalation. Service-level (it does I/O through the store and the outbound queue); the engine only
asks the questions and emits events (intake_answer:<node>, handoff_consent:<node>, handoff_message, ...).

    config.py    settings (KYR_RESPONDERS_*, KYR_CASE_*, KYR_ORG_NAME, ...)
    hours.py     responder hours (KYR_RESPONDER_HOURS)
    crypto.py    sealing case data with KYR_CASE_KEY (Fernet, several keys for rotation)
    cases.py     the case records on the session store's backend
    airports.py  which airport an answer names (flows/airports.yaml)
    intake.py    recording the intake's answers; the card's lines
    cards.py     what volunteers read (English): case cards, notes
    desk.py      the person's side of a case, the timers, the queue's callbacks
    responders.py  claim, write, close: from the Telegram group or by SMS
    telegram_group.py  the responders' group: Claim / Close buttons, replies to a case's messages
    service.py   DeskService (the Service with a desk) and how it is built
"""
