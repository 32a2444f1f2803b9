"""The Service with a desk: each message of a person runs through the engine as before, told whether they have
an open case; afterwards the desk acts on the engine's hand-off events. Built by runtime.build_service only when
responders are configured, so a deployment without them runs exactly the plain Service."""

from __future__ import annotations

import time
from dataclasses import dataclass, fields

from bot.handoff.cases import CaseStore
from bot.handoff.config import HandoffSettings
from bot.handoff.crypto import Sealer
from bot.service.handler import Service


@dataclass
class DeskService(Service):
    """A Service whose people can talk to the organisation's volunteers."""

    cases: CaseStore | None = None


def with_desk(service: Service, settings: HandoffSettings, store_url: str) -> DeskService:
    """The service with cases sealed under KYR_CASE_KEY; ValueError (one line) when the key is wrong."""
    cases = CaseStore(service.store, Sealer(settings.case_keys), settings.retention, settings.idle)
    cases.check_key(time.time())
    base = {f.name: getattr(service, f.name) for f in fields(service) if f.init}
    return DeskService(**base, cases=cases)
