"""The outbound queue's consumer as its own process, beside gunicorn (same environment as the app):

    huey_consumer bot.outbound.worker.huey -k thread -w 2

Importing this module builds the service from the environment (as `webhook:app` does, without the language
model), so the tasks find the same store, keys and senders. With no responders configured there is no queue.
"""

from __future__ import annotations

import logging

from huey.api import Huey

from bot.service.runtime import build_engine, build_service, settings_from


def _huey() -> Huey:
    """The app's queue, built from the environment."""
    settings = settings_from()
    engine = build_engine(settings.content, detector=False, idle=settings.idle)
    outbound = getattr(build_service(settings, engine), "outbound", None)
    if outbound is None:
        raise SystemExit(
            "kyrbot queue: neither responders (KYR_RESPONDERS_*) nor emergency contacts (KYR_CASE_KEY with "
            "TWILIO_ACCOUNT_SID and TWILIO_FROM) are configured, so there is nothing to send"
        )
    logging.getLogger(__name__).info("kyrbot queue: consumer for %s", type(outbound.huey).__name__)
    return outbound.huey


huey = _huey()
