"""Global words (menu, back, help, ...) in every language, matched on the whole message."""
from __future__ import annotations

from typing import Mapping

from .i18n import ACTIONS, OPTIONAL_ACTIONS  # noqa: F401  (the global words' names, checked when content is loaded)
from .textnorm import fold, normalize


class Words:
    """Maps a whole message to a global action, whatever the language it is written in."""

    def __init__(self, keywords: Mapping[str, Mapping[str, tuple[str, ...]]]) -> None:
        self.table: dict[str, str] = {}
        self.by_lang: dict[tuple[str, str], str] = {}
        # Exact spellings first, in every language, then their normalised forms: Arabic 'عليكم' normalises to
        # the Urdu spelling 'علیکم', which must still say Urdu when an Urdu speaker types it.
        for form in (lambda w: w.strip().casefold(), normalize, fold):
            for lang, words in keywords.items():
                for action, spellings in words.items():
                    for word in spellings:
                        key = form(word)
                        self.table.setdefault(key, action)
                        self.by_lang.setdefault((key, action), lang)

    def action(self, text: str) -> str | None:
        """The global action a whole message names, or None."""
        raw = text.strip().casefold()
        return self.table.get(raw) or self.table.get(normalize(text)) or self.table.get(fold(text))

    def language(self, text: str) -> str | None:
        """The language whose word a whole message is ('empezar' -> es), English first when shared."""
        action = self.action(text)
        if action is None:
            return None
        for key in (text.strip().casefold(), normalize(text), fold(text)):
            if (key, action) in self.by_lang:
                return self.by_lang[(key, action)]
        return None

    def spelling(self, keywords: Mapping[str, tuple[str, ...]], action: str) -> str:
        """How to write an action's word in one language (its first spelling), upper-cased for SMS."""
        words = keywords.get(action) or ()
        return words[0].upper() if words else action.upper()
