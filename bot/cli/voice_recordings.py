"""What the phone line plays from recordings, for languages no Twilio voice speaks (docs/voice.md).

Usage:
  python3 -m bot.cli.voice_recordings [list] [--lang LANG ...] [--missing]
        for each language (default: those without a Twilio voice, e.g. ur and ht), every recording the line
        can play, recorded or missing, with the text to read; a node that differs per caller cannot be recorded
  python3 -m bot.cli.voice_recordings draft LANG [--out DIR] [--all]
        machine-voice drafts of the missing recordings with Debian's espeak-ng (WAV files named
        <id>.machine-voice.wav), for trainers and for checking length and wording. Never played on a call:
        a person records the real audio/<lang>/<id>.mp3.
Recordings live in audio/<lang>/<id>.mp3 under the content root, or in KYR_VOICE_AUDIO.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bot.channels.voice.recordings import DRAFTS, Recordings
from bot.channels.voice.speech import Speaker
from bot.channels.voice.voices import load_voices
from bot.service.runtime import ROOT, ConfigError, build_engine

ESPEAK = "espeak-ng"
ESPEAK_VOICES = {"en": "en-us", "zh": "cmn", "pt": "pt-br", "es": "es-419"}  # else the language code itself
DRAFT_SUFFIX = ".machine-voice.wav"
DRAFT_NOTE = (
    "MACHINE VOICE DRAFTS made by espeak-ng from the text to read. For trainers and for checking only: the phone\n"
    "line never plays them. A person records each one as audio/{lang}/<id>.mp3.\n"
)


def _parser() -> argparse.ArgumentParser:
    """The command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--audio", type=Path, help="the recordings folder (default: KYR_VOICE_AUDIO, else audio/)")
    sub = ap.add_subparsers(dest="command")
    listing = sub.add_parser("list", help="recorded and missing recordings, with the text to read")
    listing.add_argument("--lang", action="append", help="a language (repeatable); default: those without a voice")
    listing.add_argument("--missing", action="store_true", help="only the missing ones")
    draft = sub.add_parser("draft", help="machine-voice drafts of the missing recordings (espeak-ng)")
    draft.add_argument("lang")
    draft.add_argument("--out", type=Path, help="where to write them (default: <audio>/drafts/<lang>/)")
    draft.add_argument("--all", action="store_true", help="draft every recording, not only the missing ones")
    return ap


def speaker(audio: Path | None) -> Speaker:
    """The line's speaker on the content, with the voices table of this deployment."""
    engine = build_engine(ROOT, detector=False)
    voices = load_voices(os.environ.get("KYR_VOICE_VOICES", ""), engine.content.languages)
    folder = audio or Path(os.environ.get("KYR_VOICE_AUDIO") or ROOT / "audio")
    return Speaker(engine.content, engine.view, voices, Recordings(folder))


def cmd_list(sp: Speaker, langs: list[str] | None, missing_only: bool) -> int:
    """One block per language: a count, then one line per recording."""
    langs = langs or [lang for lang, v in sp.voices.items() if not v.speaks]
    for lang in langs:
        if lang not in sp.content.languages:
            print(f"unknown language {lang!r}: use one of {', '.join(sp.content.languages)}", file=sys.stderr)
            return 2
        needed = sp.recordings_needed(lang)
        have = [i for i, text in needed if text is not None and sp.recordings.has(lang, i)]
        recordable = [i for i, text in needed if text is not None]
        print(
            f"{lang} ({sp.voices[lang].name}): {len(have)} of {len(recordable)} recorded, in "
            f"{sp.recordings.root / lang}/<id>.mp3"
        )
        for msg_id, text in needed:
            state = "cannot" if text is None else "recorded" if msg_id in have else "missing"
            if missing_only and state != "missing":
                continue
            what = text if text is not None else "(differs per caller: callers get it by text message, key 8)"
            print(f"  {state:8}  {msg_id}  {what}")
    return 0


def cmd_draft(sp: Speaker, lang: str, out: Path | None, every: bool) -> int:
    """WAV drafts with espeak-ng, named so nobody takes them for a person's recording."""
    if shutil.which(ESPEAK) is None:
        print(f"{ESPEAK} is not installed: apt-get install espeak-ng (Debian), then run this again", file=sys.stderr)
        return 2
    if lang not in sp.content.languages:
        print(f"unknown language {lang!r}: use one of {', '.join(sp.content.languages)}", file=sys.stderr)
        return 2
    folder = out or sp.recordings.root / DRAFTS / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.txt").write_text(DRAFT_NOTE.format(lang=lang), encoding="utf-8")
    made = 0
    for msg_id, text in sp.recordings_needed(lang):
        if text is None or (sp.recordings.has(lang, msg_id) and not every):
            continue
        target = folder / f"{msg_id}{DRAFT_SUFFIX}"
        voice = ESPEAK_VOICES.get(lang, lang)
        subprocess.run([ESPEAK, "-v", voice, "-w", str(target), text], check=True, capture_output=True)
        made += 1
    print(f"{made} machine-voice draft(s) in {folder} (never played on a call)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command."""
    args = _parser().parse_args(argv)
    try:
        sp = speaker(args.audio)
    except ConfigError as exc:
        print(f"cannot read the voices table: {exc}", file=sys.stderr)
        return 2
    if args.command == "draft":
        return cmd_draft(sp, args.lang, args.out, args.all)
    return cmd_list(sp, getattr(args, "lang", None), getattr(args, "missing", False))


if __name__ == "__main__":
    sys.exit(main())
