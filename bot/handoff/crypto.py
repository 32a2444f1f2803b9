"""Sealing case data: Fernet tokens under one or more keys (KYR_CASE_KEY, newest first, comma-separated).

Everything a case knows about a person (reply address, answers, the responder who claimed it) is stored only as
a token; the keys live in the environment, never beside the data. Rotation: put a new key first, restart; old
tokens still open with the old key, and new writes use the new one. Once every case written under the old key
has passed its retention, drop it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.handoff.config import KEY_HELP


class SealError(Exception):
    """A token that none of the keys opens (a wrong key, or damaged data)."""


class Sealer:
    """Encrypts and decrypts small JSON records."""

    def __init__(self, keys: Sequence[str]) -> None:
        """ValueError names which key is malformed (never the key itself)."""
        fernets = []
        for i, key in enumerate(keys, start=1):
            try:
                fernets.append(Fernet(key.encode()))
            except (ValueError, TypeError):
                raise ValueError(
                    f"KYR_CASE_KEY: key {i} of {len(keys)} is not a Fernet key (44 url-safe base64 characters; "
                    f"make one with {KEY_HELP})"
                ) from None
        if not fernets:
            raise ValueError(f"set KYR_CASE_KEY ({KEY_HELP})")
        self._keys = MultiFernet(fernets)

    def seal(self, data: Any) -> str:
        """A token holding `data` (JSON-serialisable)."""
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        return self._keys.encrypt(text.encode()).decode("ascii")

    def open(self, token: str) -> Any:
        """The data in a token; SealError when no key opens it."""
        try:
            return json.loads(self._keys.decrypt(token.encode("ascii")))
        except (InvalidToken, ValueError) as exc:
            raise SealError("no KYR_CASE_KEY key opens this record") from exc

    def rotate(self, token: str) -> str:
        """The same data under the newest key."""
        try:
            return self._keys.rotate(token.encode("ascii")).decode("ascii")
        except InvalidToken as exc:
            raise SealError("no KYR_CASE_KEY key opens this record") from exc
