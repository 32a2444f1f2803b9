"""Recorded audio for languages no Twilio voice speaks: audio/<lang>/<id>.mp3, served at /voice/audio/.

<id> is a node's key ("ice_at_door.start": its text, then its options, as `python3 -m bot.cli.voice_recordings`
prints them to read) or a ui message id ("ui.voice_repeat"). Machine drafts (espeak-ng) go to audio/drafts/ and
are never played on a call.
"""

from __future__ import annotations

import re
from pathlib import Path

SUFFIX = ".mp3"
AUDIO_ID = re.compile(r"^[a-z0-9_]+(?:\.[a-z0-9_]+)+$")  # flow.node or ui.name: no slashes, no '..'
LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")
DRAFTS = "drafts"


class Recordings:
    """Where recordings live on disk; a file is looked for when a call needs it, so adding one needs no restart."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, lang: str, audio_id: str) -> Path | None:
        """The file for a recording id, or None when lang or id are not well-formed (never outside the root)."""
        if not LANG.match(lang) or not AUDIO_ID.match(audio_id) or lang == DRAFTS:
            return None
        return self.root / lang / f"{audio_id}{SUFFIX}"

    def has(self, lang: str, audio_id: str) -> bool:
        """True when the organisation has recorded this."""
        path = self.path(lang, audio_id)
        return path is not None and path.is_file()
