"""The trainers' Voice view: the phone line in a browser, offline, for demonstrating it without a phone.

`GET /voice/demo` is a keypad page; `POST /api/voice` runs the real line (the same code a Twilio call runs, with
no signature: nothing leaves the machine) and answers with the TwiML and what it says. The page speaks the
prompts with the browser's Web Speech API, in each prompt's language. A demo call is a conversation of its own,
like a call from a withheld number: it never touches anyone's texts, opens no case (0 goes straight to the hotlines
or their <Dial>), and 8 says that it cannot text. Nobody is ever rung: the page shows the <Dial>, then asks the line
what a caller hears when nobody answers ("do": "dialed").

  POST /api/voice  {"call": "<16-64 of A-Za-z0-9_->", "do": "call" | "key" | "say" | "resume" | "dialed",
                    "key"?, "words"?, "status"?}
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any
from xml.dom import minidom
from xml.etree import ElementTree

from flask import Blueprint, Response, jsonify, render_template, request
from twilio.twiml.voice_response import VoiceResponse

from bot.channels.voice.line import Request as CallRequest
from bot.channels.voice.line import Urls, VoiceLine, voice_line
from bot.channels.web.security import security_headers

CALL_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
ACTIONS = ("call", "key", "say", "resume", "dialed")
DIAL_STATUSES = ("completed", "busy", "no-answer", "failed", "canceled")  # Twilio's DialCallStatus
KEYS = re.compile(r"[0-9*#]{1,8}")
MAX_WORDS = 500
HERE = Path(__file__).resolve().parent
# The chat demo's policy, plus media-src for recordings; no fonts are loaded here.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
BAD = {
    "json": "send a JSON object with Content-Type: application/json",
    "call": "call must be 16 to 64 letters, digits, '-' or '_'",
    "do": f"do must be one of: {', '.join(ACTIONS)}",
    "key": "key must be 1 to 8 of 0-9, * and #",
    "words": f"words must be a string of at most {MAX_WORDS} characters",
    "status": f"status must be one of: {', '.join(DIAL_STATUSES)}",
}

bp = Blueprint(
    "voice_demo",
    __name__,
    static_folder=str(HERE / "static"),
    static_url_path="/assets/voice",
    template_folder=str(HERE / "templates"),
)


@bp.after_request
def headers(response: Response) -> Response:
    """The chat demo's protections, with this page's CSP (it plays audio)."""
    return security_headers(response, CSP)


@bp.get("/voice/demo")
def page() -> str:
    """The keypad page."""
    return render_template("voice.html")


@bp.post("/api/voice")
def api() -> tuple[Response, int] | Response:
    """One step of a demo call: the TwiML the line answers, and what it says, plays and waits for."""
    data = request.get_json(silent=True) if request.is_json else None
    problem = _problem(data)
    if problem:
        return jsonify(error=BAD[problem]), 400
    assert isinstance(data, dict)
    call, action = data["call"], data["do"]
    req = CallRequest("WEB" + call, "web:" + call, "", time.time(), data.get("key", ""), data.get("words", ""))
    line, base = voice_line(), request.host_url.rstrip("/")  # shown only: nothing calls these URLs
    urls = Urls(base + "/voice/gather", base + "/voice/resume", base + "/voice/dialed")
    return jsonify(describe(_run(line, action, req, urls, data.get("status", ""))))


def _problem(data: Any) -> str | None:
    """Which field of the request is wrong, if any."""
    if not isinstance(data, dict):
        return "json"
    if not isinstance(data.get("call"), str) or not CALL_ID.fullmatch(data["call"]):
        return "call"
    if data.get("do") not in ACTIONS:
        return "do"
    if data["do"] == "key" and not (isinstance(data.get("key"), str) and KEYS.fullmatch(data["key"])):
        return "key"
    if data["do"] == "dialed" and data.get("status") not in DIAL_STATUSES:
        return "status"
    words = data.get("words", "")
    return "words" if not isinstance(words, str) or len(words) > MAX_WORDS else None


def _run(line: VoiceLine, action: str, req: CallRequest, urls: Urls, status: str) -> VoiceResponse:
    """The line's own answer to the action."""
    if action == "call":
        return line.start(req, urls)
    if action == "resume":
        return line.resume(req, urls)
    if action == "dialed":
        return line.dialed(req, status, urls)
    return line.answer(req, urls)


def describe(response: VoiceResponse) -> dict[str, Any]:
    """The TwiML, indented for reading, and what it does: says (text, voice, language), plays, how it listens."""
    xml = str(response)
    root = ElementTree.fromstring(xml)
    gather = root.find("Gather")
    redirect = root.find("Redirect")
    return {
        "twiml": minidom.parseString(xml).toprettyxml(indent="  "),
        "says": [
            {"text": e.text or "", "voice": e.get("voice"), "language": e.get("language")} for e in root.iter("Say")
        ],
        "plays": [e.text or "" for e in root.iter("Play")],
        "gather": dict(gather.attrib) if gather is not None else None,
        "resume": redirect is not None and bool(redirect.text),
        "dial": [e.text or "" for e in root.iter("Number")],
        "hangup": root.find("Hangup") is not None,
    }
