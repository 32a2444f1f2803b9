"""The trainers' demo responders (KYR_DEMO_RESPONDERS=1): fake volunteers on the web demo page, local to this
machine, so a trainer can show a whole hand-off without any account. Only web demo conversations reach them.

    case:demo              the demo's case numbers (the page lists them)
    case:inbox:<user key>  what the volunteer side sent a web demo conversation, until the page fetches it
    the case's own thread  (Private.demo: who wrote what), sealed like the rest of the case

Nothing here is sent anywhere: the page polls for it.
"""

from __future__ import annotations

import base64
import hashlib

from bot.handoff.cases import Case, CaseStore
from bot.handoff.crypto import Sealer

INDEX = "case:demo"
KEEP_CASES = 20  # the newest demo cases the page lists
NAME = "Demo volunteer"
DEFAULT_ORG = "Demo organisation (fake)"


def demo_key(secret: bytes) -> str:
    """A case key for the demo alone, derived from KYR_SECRET (stable across restarts, never configured)."""
    digest = hashlib.sha256(b"kyrbot demo responders\x00" + secret).digest()
    return base64.urlsafe_b64encode(digest).decode()


class DemoBoard:
    """The demo's case list, thread and inbox, on the session store, sealed with the case key."""

    def __init__(self, cases: CaseStore, sealer: Sealer) -> None:
        self.cases, self.sealer, self.store = cases, sealer, cases.store

    def opened(self, case: Case, now: float) -> None:
        """List a new demo case."""
        keep = lambda r: ({"n": [*(r or {}).get("n", []), case.number][-KEEP_CASES:]}, None)
        self.store.transact(INDEX, keep, self.cases.retention + self.cases.idle, now)

    def listed(self, now: float) -> list[Case]:
        """The demo's cases, newest first (erased or expired ones left out)."""
        numbers = (self.store.get(INDEX, now) or {}).get("n", [])
        return [c for n in reversed(numbers) if (c := self.cases.get(int(n), now)) is not None]

    def thread(self, number: int, who: str, text: str, now: float) -> None:
        """Add a line to a case's thread as the demo's responder panel shows it."""
        self.cases.update(number, lambda c: setattr(c.private, "demo", [*c.private.demo, [who, text]][-100:]), now)

    def deliver(self, case: Case, text: str, lang: str, rtl: bool, now: float) -> None:
        """Keep a message for the person's web page until it asks."""
        token = self.sealer.seal([text, lang, rtl])
        add = lambda r: ({"m": [*(r or {}).get("m", []), token][-50:]}, None)
        self.store.transact(f"case:inbox:{case.user}", add, self.cases.idle, now)

    def fetch(self, user: str, now: float) -> list[tuple[str, str, bool]]:
        """What the volunteer side sent this web conversation since the page last asked (then forgotten)."""
        tokens = self.store.transact(f"case:inbox:{user}", lambda r: (None, (r or {}).get("m", [])), None, now)
        opened = [self.sealer.open(t) for t in tokens]
        return [(str(text), str(lang), bool(rtl)) for text, lang, rtl in opened]
