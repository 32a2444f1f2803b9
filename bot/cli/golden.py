"""Record golden conversation transcripts (tests/golden/*.yaml) from the bot's current behaviour.

Usage:
  python scripts/golden.py new tests/golden/NAME.yaml [--channel sms] [--lang es] [--lang-hint es] -- "hi" "1" "2"
  python scripts/golden.py new tests/golden/NAME.yaml --org "Example Org" -- person 1   volunteers configured
  python scripts/golden.py new tests/golden/NAME.yaml --family -- contacts 1           emergency contacts on
  python scripts/golden.py record tests/golden/*.yaml      re-record after a content change; review `git diff`
A transcript is the messages sent ('send'), where the conversation stood after each ('at'), its language,
and the exact replies. tests/test_golden.py replays each file and fails on any difference.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from bot.core.engine import Engine
from bot.service.runtime import build_engine
from bot.service.transcript import replay


class _Literal(str):
    """A string dumped as a YAML block, so reviewers read replies as they appear on a phone."""


yaml.add_representer(_Literal, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|"))


def write(
    engine: Engine,
    path: Path,
    about: str,
    channel: str,
    lang: str | None,
    sends: list[str],
    state: str | None,
    lang_hint: str | None = None,
    org: str | None = None,
    family: bool = False,
) -> None:
    """Replay and write one transcript file (lang_hint and org only when set: the channel's own language hint,
    the organisation whose volunteers answer)."""
    turns = replay(engine, sends, channel, lang, state, lang_hint, org, family)
    doc = {
        "about": about,
        "channel": channel,
        "lang": lang,
        "state_hint": state,
        **({"lang_hint": lang_hint} if lang_hint else {}),
        **({"org": org} if org else {}),
        **({"family": True} if family else {}),
        "turns": [
            {"send": t.send, "at": t.at, "lang": t.lang, "replies": [_Literal(r) for r in t.replies]} for t in turns
        ],
    }
    path.write_text(yaml.dump(doc, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    print(f"wrote {path} ({len(turns)} turns)")


def main(argv: list[str]) -> int:
    """new / record."""
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("new", "record"))
    ap.add_argument("files", nargs="+")
    ap.add_argument("--channel", default="sms")
    ap.add_argument("--lang")
    ap.add_argument("--state-hint")
    ap.add_argument("--lang-hint", help="the channel's language hint, e.g. Telegram's language_code")
    ap.add_argument("--about", default="")
    ap.add_argument("--org", help="the organisation whose volunteers answer (talking to a person)")
    ap.add_argument("--family", action="store_true", help="emergency contacts on, one contact saved")
    args, sends = ap.parse_known_args(argv)
    engine = build_engine()
    if args.mode == "new":
        write(
            engine,
            Path(args.files[0]),
            args.about,
            args.channel,
            args.lang,
            [s for s in sends if s != "--"],
            args.state_hint,
            args.lang_hint,
            args.org,
            args.family,
        )
        return 0
    for name in args.files:
        doc = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        write(
            engine,
            Path(name),
            doc.get("about", ""),
            doc["channel"],
            doc.get("lang"),
            [t["send"] for t in doc["turns"]],
            doc.get("state_hint"),
            doc.get("lang_hint"),
            doc.get("org"),
            bool(doc.get("family")),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
