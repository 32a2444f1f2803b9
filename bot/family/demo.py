"""The trainers' web demo for emergency contacts: nothing is sent anywhere. What a web demo conversation's contacts
would get by SMS (and the check-in question the person would get later) waits here, sealed, until the page fetches
it and shows it on a second phone, the contact's.

    fam:demo:<user key>   [[who, name, text], ...]: who is "contact" (a contact's phone) or "person"
"""

from __future__ import annotations

import time

from bot.handoff.crypto import Sealer
from bot.store.base import Store

KEEP = 7200.0  # as long as a demo session
MOST = 50


class FamilyDemo:
    """The demo's inbox on the session store, sealed with the case key."""

    def __init__(self, store: Store, sealer: Sealer) -> None:
        self.store, self.sealer = store, sealer

    def deliver(self, user: str, who: str, name: str, text: str) -> None:
        """Keep a message for the page ("contact": for the contact's phone, "person": for the person's)."""
        if not user.startswith("d:"):
            return  # only the web demo's own sessions ever reach here
        token = self.sealer.seal([who, name, text])
        add = lambda r: ({"m": [*(r or {}).get("m", []), token][-MOST:]}, None)
        self.store.transact(f"fam:demo:{user}", add, KEEP, time.time())

    def fetch(self, user: str, now: float) -> list[tuple[str, str, str]]:
        """What arrived for this web conversation since the page last asked (then forgotten)."""
        tokens = self.store.transact(f"fam:demo:{user}", lambda r: (None, (r or {}).get("m", [])), None, now)
        return [(str(w), str(n), str(t)) for w, n, t in (self.sealer.open(tok) for tok in tokens)]
