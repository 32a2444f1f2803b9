"""The voices table: which Twilio voice speaks each language, and which language speech recognition hears.

Defaults live in voices.yaml beside this module; KYR_VOICE_VOICES overrides entries (a YAML file's path, or the
same YAML inline). A language of the content that the table does not name gets no voice and no speech: the line
plays recordings for it, or says in English that spoken help is not available yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.service.runtime import ConfigError

DEFAULTS = Path(__file__).resolve().parent / "voices.yaml"
SETTING = "KYR_VOICE_VOICES"
FIELDS = ("name", "voice", "say", "speech")
NONE = "none"


@dataclass(frozen=True)
class Voice:
    """How the line speaks and listens in one language."""

    lang: str
    name: str  # in English
    voice: str | None = None  # a Twilio <Say> voice; None: no voice speaks this language
    say: str | None = None  # its <Say language>
    speech: str | None = None  # the <Gather language> for speech; None: keypad only

    @property
    def speaks(self) -> bool:
        """True when a Twilio voice can read this language aloud."""
        return self.voice is not None


def _value(raw: Any) -> str | None:
    """A table value: text, or None for 'none' / empty."""
    text = "" if raw is None else str(raw).strip()
    return None if text.lower() in ("", NONE) else text


def _entries(data: Any, where: str) -> dict[str, dict[str, str | None]]:
    """{lang: {field: value}} from parsed YAML, or a ConfigError naming where and how to fix it."""
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a mapping of languages, e.g. {{es: {{voice: Polly.Lupe-Neural}}}}")
    out: dict[str, dict[str, str | None]] = {}
    for lang, entry in data.items():
        if not isinstance(entry, Mapping):
            raise ConfigError(f"{where}: '{lang}' must map fields ({', '.join(FIELDS)}) to values")
        unknown = [str(k) for k in entry if k not in FIELDS]
        if unknown:
            raise ConfigError(f"{where}: '{lang}' has unknown field(s) {', '.join(unknown)}: use {', '.join(FIELDS)}")
        out[str(lang)] = {str(k): _value(v) for k, v in entry.items()}
    return out


def _parse(text: str, where: str) -> dict[str, dict[str, str | None]]:
    """Parse YAML text into entries."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where} is not valid YAML: {exc}".replace("\n", " ")) from None
    return _entries(data or {}, where)


def _override(setting: str) -> dict[str, dict[str, str | None]]:
    """KYR_VOICE_VOICES: a file's path, or inline YAML."""
    setting = setting.strip()
    if not setting:
        return {}
    path = Path(setting)
    if setting.endswith((".yaml", ".yml")):
        if not path.is_file():
            raise ConfigError(f"{SETTING} names {setting}, which is not a file: give a YAML file's path")
        return _parse(path.read_text(encoding="utf-8"), setting)
    return _parse(setting, SETTING)


def _voice(lang: str, entry: Mapping[str, str | None], where: str) -> Voice:
    """One checked entry: a voice needs its <Say language>."""
    voice, say = entry.get("voice"), entry.get("say")
    if voice and not say:
        raise ConfigError(f"{where}: '{lang}' has voice {voice} but no 'say:' language: add the locale it speaks")
    return Voice(lang, entry.get("name") or lang, voice, say if voice else None, entry.get("speech"))


def load_voices(setting: str, languages: Iterable[str]) -> dict[str, Voice]:
    """The table for the content's languages, in menu order (the table's, then languages it does not name)."""
    table = _parse(DEFAULTS.read_text(encoding="utf-8"), str(DEFAULTS.name))
    for lang, entry in _override(setting).items():
        table[lang] = {**table.get(lang, {}), **entry}
    wanted = list(languages)
    order = [lang for lang in table if lang in wanted] + [lang for lang in wanted if lang not in table]
    return {lang: _voice(lang, table.get(lang, {}), SETTING) for lang in order}


TWILIO_VALUES = Path(__file__).resolve().parent / "twilio_values.txt"


def twilio_values() -> dict[str, set[str]]:
    """{'say-voice': {...}, 'say-language': {...}, 'gather-language': {...}}: what Twilio's TwiML spec lists."""
    out: dict[str, set[str]] = {"say-voice": set(), "say-language": set(), "gather-language": set()}
    for line in TWILIO_VALUES.read_text(encoding="utf-8").splitlines():
        kind, _, value = line.partition(" ")
        if kind in out:
            out[kind].add(value)
    return out


def unknown_values(voices: Mapping[str, Voice]) -> list[str]:
    """'es: voice Polly.Mia-Neurall' for each value of the table that Twilio's spec does not list."""
    known, found = twilio_values(), []
    for v in voices.values():
        for kind, label, value in (("say-voice", "voice", v.voice), ("say-language", "say", v.say)):
            if value and value not in known[kind]:
                found.append(f"{v.lang}: {label} {value}")
        if v.speech and v.speech not in known["gather-language"]:
            found.append(f"{v.lang}: speech {v.speech}")
    return found
