"""The trainers' demo, volunteer side: fake local responders beside the phone (KYR_DEMO_RESPONDERS=1), so a trainer
can show a hand-off without any account. On only when the desk has the demo's board; the page shows a panel
labelled as fake, and nothing it does leaves this machine.

  GET  /api/inbox?session=…   what the volunteer side sent this web conversation since the page last asked
  GET  /api/demo/cases        the demo's cases: card, status, thread
  POST /api/demo/claim  {"case"}          claim it as the demo volunteer
  POST /api/demo/write  {"case", "text"}  write to the person
  POST /api/demo/close  {"case"}          close it
  GET  /api/demo/family?session=…   emergency contacts: what this conversation's contacts got (the contact's
                                    phone beside the person's), and what the person got later (the check-in)
"""

from __future__ import annotations

import logging
import time
from typing import Any

from flask import Blueprint, Flask, Response, jsonify, request

from bot.channels.base import kyr
from bot.channels.web.demo import CHANNEL, BadRequest, demo, refused, session_id
from bot.channels.web.turns import turn_json
from bot.core.session import Reply
from bot.handoff import responders
from bot.handoff.cases import Case, Claimer
from bot.handoff.demo import NAME
from bot.service.handler import Outcome

logger = logging.getLogger(__name__)
DEMO_VOLUNTEER = Claimer("demo", "trainer", NAME)
BAD_CASE = "case must be a case number"
BAD_WRITE = "text must be a non-empty string"

bp = Blueprint("demo_responders", __name__)
bp.register_error_handler(BadRequest, refused)


def init_app(app: Flask) -> None:
    """Register the panel's API and tell the page to show it, when the demo's responders are on."""
    desk = getattr(kyr(app).service, "desk", None)
    on = desk is not None and desk.board is not None
    app.context_processor(lambda: {"demo_responders": on})
    if on:
        app.register_blueprint(bp)
        logger.info("web demo: fake local responders are on (KYR_DEMO_RESPONDERS)")


def _desk() -> Any:
    """The desk (this blueprint is registered only when it has the demo's board)."""
    return kyr().service.desk  # type: ignore[attr-defined]


@bp.get("/api/inbox")
def inbox() -> Response:
    """The volunteer side's messages for this page's conversation, each as a bot turn."""
    session = session_id({"session": request.args.get("session")})
    desk = _desk()
    messages = desk.board.fetch(demo().service.key(CHANNEL, session), time.time())  # the demo's namespace
    view = "sms" if request.args.get("channel") == "sms" else "telegram"
    turns = [turn_json("", Outcome((Reply(text, (), lang, rtl),)), view) for text, lang, rtl in messages]
    return jsonify(turns=turns)


@bp.get("/api/demo/family")
def family_phone() -> Response:
    """The contacts' SMS of this page's conversation, for the second phone; the person's later messages as turns."""
    session = session_id({"session": request.args.get("session")})
    family = getattr(kyr().service, "family", None)
    if family is None or family.board is None:
        return jsonify(contact=[], turns=[])
    got = family.board.fetch(demo().service.key(CHANNEL, session), time.time())  # the demo's namespace
    view = "sms" if request.args.get("channel") == "sms" else "telegram"
    contact = [{"name": name, "text": text} for who, name, text in got if who == "contact"]
    turns = [turn_json("", Outcome((Reply(text),)), view) for who, _, text in got if who == "person"]
    return jsonify(contact=contact, turns=turns)


@bp.get("/api/demo/cases")
def cases() -> Response:
    """The demo's cases as the panel shows them."""
    desk = _desk()
    return jsonify(cases=[_case_json(desk, c) for c in desk.board.listed(time.time())])


@bp.post("/api/demo/<action>")
def act(action: str) -> tuple[Response, int] | Response:
    """Claim, write or close, as the demo volunteer; the answer says what happened."""
    data = request.get_json(silent=True) if request.is_json else None
    number = data.get("case") if isinstance(data, dict) else None
    if not isinstance(number, int) or isinstance(number, bool):
        raise BadRequest(BAD_CASE)
    desk, now = _desk(), time.time()
    if action == "claim":
        answer = responders.claim(desk, number, DEMO_VOLUNTEER, now)
    elif action == "close":
        answer = responders.close(desk, number, DEMO_VOLUNTEER, now)
    elif action == "write":
        text = data.get("text") if isinstance(data, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise BadRequest(BAD_WRITE)
        answer = responders.write(desk, number, DEMO_VOLUNTEER, text, now)
    else:
        return jsonify(error="no such API endpoint"), 404
    return jsonify(ok=answer.ok, message=answer.text)


def _case_json(desk: Any, case: Case) -> dict[str, Any]:
    """One case for the panel: its card (English, as volunteers read it), status and thread."""
    claimer = case.private.claimer
    return {
        "case": case.number,
        "status": case.status,
        "claimed_by": claimer.name if claimer else None,
        "card": desk.card_text(case),
        "thread": [{"from": who, "text": text} for who, text in case.private.demo],
    }
