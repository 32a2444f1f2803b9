"""Which airport a person means ("JFK", "Logan", "aeropuerto de Denver"), from flows/airports.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.nlu.textnorm import fold

_CODE = re.compile(r"\b[A-Z]{3}\b")


@dataclass(frozen=True)
class Airport:
    """A major U.S. airport."""

    code: str
    name: str
    city: str
    state: str

    def label(self) -> str:
        """'JFK - John F. Kennedy International, New York, NY'."""
        return f"{self.code} - {self.name}, {self.city}, {self.state}"


@dataclass(frozen=True)
class Found:
    """What an answer names: an airport, or only a state (a city with several airports), or nothing."""

    airport: Airport | None = None
    state: str | None = None


class Airports:
    """The airports file, indexed by code, by name and by city."""

    def __init__(self, airports: dict[str, Airport], names: dict[str, str], cities: dict[str, str]) -> None:
        self.airports, self.cities = airports, cities
        self.names = sorted(names.items(), key=lambda kv: -len(kv[0]))  # longest first: 'new orleans' before 'new'

    @classmethod
    def load(cls, path: Path) -> Airports:
        """Read flows/airports.yaml (a missing file: no airport is recognised)."""
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
        airports, names = {}, {}
        for code, item in (data.get("airports") or {}).items():
            airport = Airport(str(code), str(item["name"]), str(item["city"]), str(item["state"]))
            airports[airport.code] = airport
            for name in [item["name"], *(item.get("names") or [])]:
                names[fold(str(name))] = airport.code
        cities = {fold(str(k)): str(v) for k, v in (data.get("cities") or {}).items()}
        return cls(airports, names, cities)

    def match(self, text: str) -> Found:
        """The airport an answer names: a code in capitals or alone, else a name, else a city's state."""
        alone = text.strip().upper()
        if alone in self.airports:
            return self._found(alone)
        for code in _CODE.findall(text):
            if code in self.airports:
                return self._found(code)
        padded = f" {fold(text)} "
        for name, code in self.names:
            if f" {name} " in padded:
                return self._found(code)
        for city, state in self.cities.items():
            if f" {city} " in padded:
                return Found(None, state)
        return Found()

    def _found(self, code: str) -> Found:
        """An airport and its state."""
        airport = self.airports[code]
        return Found(airport, airport.state)
