"""Recorded channel payloads (Twilio form bodies, Telegram updates) and helpers to load and vary them.

Usage:
    form = load_twilio("sms")                       # dict[str, str] in wire order
    form = with_fields(form, Body="hola", From="+15555550199")
    update = load_telegram("message")               # dict as Telegram sends it
    update = with_fields(update, update_id=7, **{"message.text": "hola"})

Where each file comes from is noted in README.md beside this module.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

__all__ = [
    "PAYLOAD_DIR",
    "encode_twilio",
    "load_telegram",
    "load_twilio",
    "load_twilio_raw",
    "telegram_names",
    "twilio_names",
    "with_fields",
]

PAYLOAD_DIR = Path(__file__).resolve().parent
_TWILIO_DIR = PAYLOAD_DIR / "twilio"
_TELEGRAM_DIR = PAYLOAD_DIR / "telegram"


def _existing(path: Path) -> Path:
    """Return `path`, or raise a FileNotFoundError that lists the files one could use instead."""
    if path.is_file():
        return path
    known = sorted(p.stem for p in path.parent.glob(f"*{path.suffix}"))
    raise FileNotFoundError(f"no payload {path.name!r} in {path.parent}; known payloads: {known}")


def twilio_names() -> list[str]:
    """Names of the recorded Twilio form bodies (file stems), sorted."""
    return sorted(p.stem for p in _TWILIO_DIR.glob("*.urlencoded"))


def telegram_names() -> list[str]:
    """Names of the recorded Telegram updates (file stems), sorted."""
    return sorted(p.stem for p in _TELEGRAM_DIR.glob("*.json"))


def load_twilio_raw(name: str) -> str:
    """The form body exactly as Twilio posts it (application/x-www-form-urlencoded, UTF-8)."""
    text = _existing(_TWILIO_DIR / f"{name}.urlencoded").read_text(encoding="utf-8")
    # A real body never ends in a raw newline (it would be %0A), so this strips only editor artefacts.
    return text.rstrip("\r\n")


def load_twilio(name: str) -> dict[str, str]:
    """Parse a recorded Twilio webhook body into a dict that keeps the wire order of the fields."""
    # keep_blank_values: an MMS or voice note really arrives with `Body=` and the key must survive.
    pairs = parse_qsl(load_twilio_raw(name), keep_blank_values=True, strict_parsing=True)
    return dict(pairs)


def encode_twilio(fields: dict[str, str]) -> str:
    """Encode form fields the way Twilio does (`+` for spaces, UTF-8 percent-escapes)."""
    return urlencode(list(fields.items()))


def load_telegram(name: str) -> dict[str, Any]:
    """Load a recorded Telegram update (the JSON object Telegram posts to a webhook)."""
    return json.loads(_existing(_TELEGRAM_DIR / f"{name}.json").read_text(encoding="utf-8"))


def with_fields(payload: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Return a deep copy of `payload` with fields overridden; dotted keys reach nested fields.

    A new key is appended, so a Twilio form keeps its wire order. For nested Telegram updates pass
    dotted paths through a dict: ``with_fields(u, **{"message.text": "hola", "update_id": 9})``.
    """
    result = copy.deepcopy(payload)
    for dotted, value in fields.items():
        _set_path(result, dotted.split("."), value)
    return result


def _set_path(target: dict[str, Any], path: list[str], value: Any) -> None:
    """Set target[a][b]...[z] = value; every intermediate object must already exist."""
    for i, key in enumerate(path[:-1]):
        child = target.get(key)
        if not isinstance(child, dict):
            where = ".".join(path[: i + 1])
            raise KeyError(f"cannot set {'.'.join(path)!r}: {where!r} is not an object in this payload")
        target = child
    target[path[-1]] = value
