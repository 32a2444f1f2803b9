"""Chat with kyrbot in a terminal, or drive it line by line from another program.

Usage:
  python scripts/chat.py                      a readable chat for trainers (type MENU, LANGUAGE, ...; Ctrl-D quits)
  python scripts/chat.py --lang es            start in Spanish
  python scripts/chat.py --json [--channel sms|telegram|web]
      machine mode (DESIGN.md): one input line -> one JSON object per line, flushed.
      An input line is plain text (user "local") or {"user": "u1", "text": "hi", "channel": "sms", "lang": "es"}.

Conversations are kept in memory only, unless --store names a store URL.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any, TextIO

from bot.content.errors import ContentError
from bot.core.session import Inbound
from bot.service.handler import Outcome, Service
from bot.service.runtime import Settings, build_engine, settings_from
from bot.store import open_store
from bot.text.render import as_text, options_data, sms_cost, sms_text

CHANNELS = ("sms", "telegram", "web", "whatsapp")


def parse_line(line: str, channel: str) -> dict[str, Any]:
    """An input line as {user, text, channel, lang}; plain text is the user 'local'."""
    stripped = line.rstrip("\n")
    if stripped.lstrip().startswith("{"):
        try:
            data = json.loads(stripped)
            if isinstance(data, dict):
                return {
                    "user": str(data.get("user", "local")),
                    "text": str(data.get("text", "")),
                    "channel": str(data.get("channel") or channel),
                    "lang": data.get("lang"),
                }
        except json.JSONDecodeError:
            pass  # not JSON after all: treat it as text someone typed
    return {"user": "local", "text": stripped, "channel": channel, "lang": None}


def machine_output(user: str, channel: str, outcome: Outcome, fold: frozenset[str]) -> dict[str, Any]:
    """The JSON object DESIGN.md fixes for one handled message."""
    flow, node, lang = outcome.where
    replies = []
    for r in outcome.replies:
        item: dict[str, Any] = {"text": r.text, "options": options_data(r)}
        if channel == "sms":
            item.update(sms_cost(sms_text(r, accents=r.lang in fold)))
        replies.append(item)
    return {"user": user, "lang": lang, "flow": flow, "node": node, "replies": replies}


def run_json(service: Service, settings: Settings, channel: str, inp: TextIO, out: TextIO) -> None:
    """Machine mode: one JSON line out per line in; replies are cut to each line's channel's page."""
    for line in inp:
        msg = parse_line(line, channel)
        inbound = Inbound(msg["text"], time.time(), lang_pick=msg["lang"], page=settings.page(msg["channel"]))
        outcome = service.handle(msg["channel"], msg["user"], inbound)
        result = machine_output(msg["user"], msg["channel"], outcome, settings.fold_accents)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()


def run_chat(service: Service, settings: Settings, channel: str, lang: str | None) -> None:
    """The trainers' terminal chat."""
    fold = settings.fold_accents
    print("kyrbot terminal chat. Type a message; MENU, BACK, LANGUAGE, HELP work any time. Ctrl-D to quit.\n")
    first = True
    while True:
        try:
            text = input("you> ")
        except EOFError:
            print()
            return
        inbound = Inbound(text, time.time(), lang_pick=lang if first else None, page=settings.page(channel))
        outcome = service.handle(channel, "local", inbound)
        first = False
        where = outcome.session.at if outcome.session else "(no session)"
        for r in outcome.replies:
            body = sms_text(r, r.lang in fold) if channel == "sms" else as_text(r)
            cost = f" · SMS {sms_cost(body)['segments']} seg {sms_cost(body)['encoding']}" if channel == "sms" else ""
            print(f"\nbot [{r.lang}{' officer' if r.kind == 'officer' else ''}]{cost}\n{body}\n")
        print(f"   ({where})\n")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, load content, run the chosen mode."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="machine mode (see DESIGN.md)")
    ap.add_argument("--channel", choices=CHANNELS, default="web")
    ap.add_argument("--lang", help="start in this language (terminal chat)")
    ap.add_argument("--store", default="sqlite:///:memory:", help="store URL (default: memory only)")
    args = ap.parse_args(argv)
    settings = settings_from({"KYR_STORE": args.store})
    try:
        engine = build_engine(settings.content, idle=settings.idle)
    except ContentError as exc:
        print("The content has problems:\n" + str(exc), file=sys.stderr)
        return 2
    service = Service(engine, open_store(args.store), settings.secret, settings.retention, 10**6)
    if args.json:
        run_json(service, settings, args.channel, sys.stdin, sys.stdout)
    else:
        run_chat(service, settings, args.channel, args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
