"""Talking to a person: cases, the intake's answers, the relay between a person and the organisation's
volunteers, escalation. Service-level (it does I/O through the store and the outbound queue); the engine only
asks the questions and emits events (intake_answer:<node>, handoff_consent:<node>, handoff_message, ...).

    config.py    settings (KYR_RESPONDERS_*, KYR_CASE_*, KYR_ORG_NAME, ...)
    hours.py     responder hours (KYR_RESPONDER_HOURS)
    crypto.py    sealing case data with KYR_CASE_KEY (Fernet, several keys for rotation)
    cases.py     the case records on the session store's backend
"""
