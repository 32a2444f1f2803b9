"""What kyrbot's SMS replies cost: segments per reply in every language, and whether accent folding is safe.

Usage:
  python3 scripts/sms_cost.py report [--price 0.0083] [--carrier-fee 0.003] [--segments N] [--fold es,pt,fr]
      per language: mean and max segments per SMS over every node (each node shown and read to its end with
      MORE, as a crawler reads them), the first page of urgent nodes, a typical urgent conversation
      (hi -> ICE at the door -> their warrant -> the officer card) and its price; each figure against its goal
  python3 scripts/sms_cost.py fold-check
      every word of the es/pt/fr content whose accent-folded form is another word; exit 1 when one is not
      listed as harmless (bot/i18n/folding.py)

Every SMS is the body POST /twilio would send (bot/channels/twilio/messaging.sms_bodies), cut to the SMS page
(KYR_SMS_PAGE_SEGMENTS, default 3) and folded as KYR_SMS_FOLD_ACCENTS says (default es,pt,fr), unless
--segments or --fold say otherwise. Prices are assumptions the operator sets; nothing here asks Twilio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from bot.channels.twilio.messaging import sms_bodies
from bot.content.model import MENU
from bot.core.engine import Engine
from bot.core.kit import Turn
from bot.core.output import show
from bot.core.session import Inbound, Page, Reply, Session
from bot.i18n.folding import check_content, format_findings
from bot.service.runtime import build_engine, settings_from
from bot.text import pages
from bot.text.sms import UCS2, sms_info

PRICE = 0.0083  # assumed: Twilio's U.S. list price per SMS segment, each way (check your own contract)
CARRIER_FEE = 0.003  # assumed: a typical U.S. carrier pass-through fee per segment (it differs by carrier)
GOALS = {
    "en": 2.0,
    "es": 3.0,
    "pt": 3.0,
    "fr": 3.0,
    "ht": 3.0,
    "zh": 2.5,
    "zh-Hant": 2.5,
    "ar": 4.0,
    "ur": 4.0,
    "vi": 4.0,
}
URGENT_FIRST_PAGE = 3  # goal: segments of the first page of every node of an urgent flow


@dataclass(frozen=True)
class Sms:
    """One SMS the bot sends: where it came from, its page number (1 = as shown), segments and encoding."""

    key: str
    page: int
    segments: int
    encoding: str
    officer: bool = False


def sent(key: str, page: int, replies: tuple[Reply, ...], fold: frozenset[str]) -> list[Sms]:
    """The SMS bodies of one turn, measured; an officer card is a body of its own."""
    out = []
    for card, group in groupby(replies, key=lambda r: r.kind == "officer"):
        for body in sms_bodies(group, fold):
            encoding, segments = sms_info(body)
            out.append(Sms(key, page, segments, encoding, card))
    return out


def read_node(engine: Engine, lang: str, key: str, page: Page) -> list[Sms]:
    """One node shown as a user reaches it (a flow's first node with its review note), then MORE to its end."""
    flow = engine.content.flows[key.split(".")[0]]
    turn = Turn(Session(at=engine.menu, lang=lang, lang_picked=True), Inbound("", 0.0, page=page))
    show(engine, turn, key, entering=key.split(".")[1] == flow.start and flow.id != MENU)
    out, number = sent(key, 1, tuple(turn.replies), page.fold), 1
    session: Session | None = turn.s
    while session is not None and session.pages:
        number += 1
        result = engine.step(session, Inbound("more", 0.0, page=page))
        out += sent(key, number, result.replies, page.fold)
        session = result.session
    return out


def crawl(engine: Engine, lang: str, page: Page) -> list[Sms]:
    """Every node of every flow, read to its end."""
    return [
        sms
        for flow in engine.content.flows.values()
        for n in flow.nodes
        for sms in read_node(engine, lang, f"{flow.id}.{n}", page)
    ]


@dataclass(frozen=True)
class Exchange:
    """A conversation's SMS: what the person typed (segments in) and what the bot sent."""

    typed: list[str]
    inbound: int
    outbound: list[Sms]

    @property
    def segments(self) -> int:
        """Segments billed both ways."""
        return self.inbound + sum(s.segments for s in self.outbound)


def conversation(engine: Engine, lang: str, page: Page) -> Exchange:
    """hi -> 'ICE is at my door' (the flow's first phrase in the language) -> their warrant -> the officer card,
    each typed in the language; the person reads each reply to its end (MORE) before choosing."""
    typed, outbound = [], []
    session: Session | None = None
    for i, text in enumerate(_typed(engine, lang)):
        while True:
            msg = Inbound(text, 0.0, lang_pick=lang if i == 0 else None, page=page)
            result = engine.step(session, msg)
            session = result.session
            typed.append(text)
            outbound += sent(session.at if session else "-", 1, result.replies, page.fold)
            if not (session and session.pages):
                break
            text = engine.content.keywords[lang]["more"][0]
    inbound = sum(sms_info(t)[1] for t in typed)
    return Exchange(typed, inbound, outbound)


def _typed(engine: Engine, lang: str) -> Iterator[str]:
    """The messages of the typical urgent conversation, in the language."""
    content = engine.content
    yield content.keywords[lang]["hello"][0]
    yield next(p.text for p in content.phrases if p.target == "ice_at_door" and p.lang == lang)
    for at, target in (("ice_at_door.start", "warrant"), ("ice_at_door.warrant", "officer")):
        yield str(1 + [o.target for o in content.node(at).options].index(target))


def report(engine: Engine, page: Page, price: float, fee: float) -> list[str]:
    """The report's lines; a goal missed is marked MISSED."""
    per = price + fee
    langs = list(engine.content.languages)
    crawled = {lang: crawl(engine, lang, page) for lang in langs}
    talks = {lang: conversation(engine, lang, page) for lang in langs}
    return [
        f"SMS page: {page.limit} segments; accents folded for: {', '.join(sorted(page.fold)) or 'none'}",
        f"Price per segment, each way: ${price:.4f} (Twilio U.S. list price, assumed) + ${fee:.4f} (carrier fee, "
        f"assumed) = ${per:.4f}",
        "",
        "Every node read to its end (shown, then MORE to its last page); each SMS sent:",
        f"{'lang':<6}{'SMS':>5}{'mean':>7}  {'goal':<13}{'max':>4}  {'longest':<24}{'UCS-2':>6}{'segments':>10}"
        f"{'$':>8}",
        *(_node_row(lang, crawled[lang], per) for lang in langs),
        "",
        f"First page of every node of an urgent flow (goal: at most {URGENT_FIRST_PAGE} segments):",
        f"{'lang':<6}{'nodes':>6}{'largest':>9}  {'node':<24}{'over':>5}",
        *(_urgent_row(engine, lang, crawled[lang]) for lang in langs),
        "",
        "Typical urgent conversation: hi, ICE at the door, their warrant, the officer card; typed in the language,",
        "each reply read to its end (MORE) before choosing:",
        f"{'lang':<6}{'typed':>6}{'SMS':>5}{'segments out':>14}{'in':>5}{'total':>7}{'$':>8}",
        *(_talk_row(lang, talks[lang], per) for lang in langs),
    ]


def _node_row(lang: str, sms: list[Sms], per: float) -> str:
    """Mean and max segments per SMS over every node, against the goal; UCS-2 count (goal 0 in English)."""
    counts = [s.segments for s in sms]
    mean, longest, goal = statistics.mean(counts), max(sms, key=lambda s: s.segments), GOALS.get(lang, 4.0)
    ucs2 = sum(s.encoding == UCS2 for s in sms)
    verdict = f"<= {goal:.1f}" + ("" if mean <= goal else " MISSED")
    ucs2_cell = f"{ucs2}{' MISSED' if lang == 'en' and ucs2 else ''}"
    return (
        f"{lang:<6}{len(sms):>5}{mean:>7.2f}  {verdict:<13}{longest.segments:>4}  {longest.key:<24}"
        f"{ucs2_cell:>6}{sum(counts):>10}{sum(counts) * per:>8.2f}"
    )


def _urgent_row(engine: Engine, lang: str, sms: list[Sms]) -> str:
    """The largest first page of a node of an urgent flow, and how many are over the goal."""
    urgent = {f.id for f in engine.content.flows.values() if f.urgent}
    first = [s for s in sms if s.page == 1 and not s.officer and s.key.split(".")[0] in urgent]
    top = max(first, key=lambda s: s.segments)
    over = sum(s.segments > URGENT_FIRST_PAGE for s in first)
    return f"{lang:<6}{len(first):>6}{top.segments:>9}  {top.key:<24}{over:>5}{' MISSED' if over else ''}"


def _talk_row(lang: str, talk: Exchange, per: float) -> str:
    """The conversation's messages and segments both ways, and its price."""
    out = sum(s.segments for s in talk.outbound)
    return (
        f"{lang:<6}{len(talk.typed):>6}{len(talk.outbound):>5}{out:>14}{talk.inbound:>5}{talk.segments:>7}"
        f"{talk.segments * per:>8.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    """report / fold-check."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="segments per reply, per language, and their price")
    rep.add_argument("--price", type=float, default=PRICE, help=f"per segment (default {PRICE}, assumed)")
    rep.add_argument("--carrier-fee", type=float, default=CARRIER_FEE, help=f"per segment (default {CARRIER_FEE})")
    rep.add_argument("--segments", type=int, help="SMS page in segments (default: KYR_SMS_PAGE_SEGMENTS or 3)")
    rep.add_argument("--fold", help="languages to fold, or 'none' (default: KYR_SMS_FOLD_ACCENTS or es,pt,fr)")
    sub.add_parser("fold-check", help="words whose folded form is another word; exit 1 on any not harmless")
    args = ap.parse_args(argv)
    engine = build_engine(detector=False)
    if args.command == "fold-check":
        findings = check_content(engine.content)
        print(format_findings(findings))
        return 1 if any(not f.harmless for f in findings) else 0
    overrides = {"KYR_SMS_FOLD_ACCENTS": args.fold, "KYR_SMS_PAGE_SEGMENTS": args.segments}
    settings = settings_from({"KYR_STORE": "sqlite:///:memory:", **{k: v for k, v in overrides.items() if v}})
    page = pages.sms(settings.sms_page_segments, settings.fold_accents)
    print("\n".join(report(engine, page, args.price, args.carrier_fee)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
