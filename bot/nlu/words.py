"""Global words (menu, back, help, ...) in every language, matched on the whole message."""

from __future__ import annotations

from collections.abc import Mapping

from bot.nlu.hanzi import to_simplified
from bot.nlu.textnorm import fold, normalize


class Words:
    """Maps a whole message to a global action, whatever the language it is written in."""

    def __init__(self, keywords: Mapping[str, Mapping[str, tuple[str, ...]]]) -> None:
        self.table: dict[str, tuple[str, str]] = {}  # spelling -> (action, language), the first one listed wins
        # Exact spellings first, in every language, then their normalised forms: Arabic 'عليكم' normalises to
        # the Urdu spelling 'علیکم', which must still say Urdu when an Urdu speaker types it.
        # ...and last in Simplified characters: 菜單 finds 菜单 when no Traditional file lists it.
        for form in (lambda w: w.strip().casefold(), normalize, fold, _simplified):
            for lang, words in keywords.items():
                for action, spellings in words.items():
                    for word in spellings:
                        key = form(word)
                        if key:  # '?' normalises to nothing: an empty key would make every emoji a HELP
                            self.table.setdefault(key, (action, lang))

    def _find(self, text: str) -> tuple[str, str] | None:
        """(action, language) of a whole message, trying it as typed, then normalised, then folded."""
        return (
            self.table.get(text.strip().casefold())
            or self.table.get(normalize(text))
            or self.table.get(fold(text))
            or self.table.get(_simplified(text))
        )

    def action(self, text: str) -> str | None:
        """The global action a whole message names, or None."""
        found = self._find(text)
        return found[0] if found else None

    def language(self, text: str) -> str | None:
        """The language whose word a whole message is ('empezar' -> es), English first when shared."""
        found = self._find(text)
        return found[1] if found else None


def _simplified(text: str) -> str:
    """fold() in Simplified characters."""
    return to_simplified(fold(text))
