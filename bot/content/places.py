"""US states and the organisations directory, as the engine's views need them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.content.geo import Directory, StateIndex, load_directory


@dataclass(frozen=True)
class Places:
    """State names in every language and organisations by state, loaded once."""

    states: StateIndex
    directory: Directory

    @classmethod
    def load(cls, flows_dir: Path) -> Places:
        """Read flows/us_states.yaml and flows/organizations.yaml; a directory entry under a state code that
        us_states.yaml lacks is an error (GeoDataError names it)."""
        states = StateIndex.load(flows_dir)
        return cls(states, load_directory(flows_dir, states.codes()))

    def state_name(self, code: str, lang: str) -> str:
        """A state's name in the user's language."""
        return self.states.name(code, lang)

    def orgs(self, code: str) -> list[str]:
        """Organisations listed for one state."""
        return self.directory.for_state(code)

    def national(self) -> list[str]:
        """Organisations offered in every state."""
        return self.directory.national()
