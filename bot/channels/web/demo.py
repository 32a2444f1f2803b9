"""The trainers' web demo: `GET /`, a phone-like chat page, and the small JSON API it talks to.

The page (templates/chat.html and static/ beside this module) runs on the same service and session store as the
other channels, as the channel "web" keyed by a random id the page makes. Each API route is a `WebAdapter`
(bot/channels/base.py) through `dispatch`; it answers each turn with where the conversation stands and every
reply twice over, as Telegram shows it and as the SMS adapter would send it (bot/channels/web/turns.py).

  POST /api/message   {"session", "text", "lang"?, "channel"?}  one message, as typed or as an option's key
  POST /api/language  {"session", "lang", "channel"?}           the switcher: as if picked in the language menu
  POST /api/reset     {"session", "lang"?, "channel"?}          forget the conversation and start again

Bad input gets a 4xx with {"error": "..."}, never a 500. Nothing the user types is logged.

Off unless KYR_WEB_DEMO=1 (`python webhook.py` turns it on): its API is open to anyone. When on, its sessions
live apart from people's (keys "d:..."), for DEMO_RETENTION, and new ones are bounded (bot/service/admission.py):
at most KYR_DEMO_MAX_SESSIONS at a time and KYR_DEMO_NEW_PER_MINUTE a minute, refused with 429.
"""

from __future__ import annotations

import copy
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, Request, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from bot.channels.base import Adapter, Incoming, Refusal, dispatch, kyr
from bot.channels.twilio.messaging import MAX_BODY
from bot.channels.web.security import CSP as CSP  # re-exported: the page's policy, asserted by tests
from bot.channels.web.security import security_headers
from bot.channels.web.turns import turn_json
from bot.core.session import Inbound, Page
from bot.service.admission import Admission
from bot.service.handler import Outcome, Service
from bot.store import StoreError, StoreFull

logger = logging.getLogger(__name__)

CHANNEL = "web"  # the service channel: one conversation whichever view the page shows
VIEWS = ("sms", "telegram")  # how the page shows replies
MAX_TEXT = MAX_BODY  # Twilio's limit for one body: the demo takes no more than an SMS would
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
WEB_DIR = Path(__file__).resolve().parent

# What a caller of the API reads when its request is refused (asserted by tests/test_web_api.py).
NOT_JSON = "send a JSON object with Content-Type: application/json"
NOT_OBJECT = "the request body must be a JSON object"
BAD_SESSION = "session must be a string of 16 to 64 letters, digits, '-' or '_'"
BAD_TEXT = "text must be a string"
TOO_LONG = f"text is longer than {MAX_TEXT} characters (the most one SMS body can carry): shorten it"
BAD_LANG = "lang must be one of: {}"
BAD_VIEW = 'channel must be "sms" or "telegram"'
TOO_LARGE = "the request body is too large"
STORE_DOWN = "the session store is unavailable: try again in a moment"
STORE_FULL = "the session store is full: nothing new can be kept until the operators make room; try again later"
EXTENSION = "kyrbot.demo"
clock = time.time  # the time a request arrives (a seam: tests move it past the minute of new sessions)
NAMESPACE = "d"  # demo sessions' keys: apart from people's conversations ("u:")
DEMO_RETENTION = 2 * 3600.0  # a trainer's session; a forgotten page's session goes soon

bp = Blueprint(
    "web",
    __name__,
    static_folder=str(WEB_DIR / "static"),
    static_url_path="/assets/web",
    template_folder=str(WEB_DIR / "templates"),
)


bp.after_request(security_headers)  # CSP on the page; no sniffing, framing or referrers anywhere in the demo


class BadRequest(Exception):
    """A request the API refuses, with the status and the message the caller reads."""

    def __init__(self, message: str, status: int = 400) -> None:
        """Keep the message and status."""
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True)
class Demo:
    """The demo's own service (its sessions' namespace and retention) and its bounds on new sessions."""

    service: Service
    admission: Admission


def init_app(app: Flask) -> None:
    """Register GET /, the API and the page's assets, when KYR_WEB_DEMO=1; say at start-up whether it is on."""
    shared = kyr(app)
    settings = shared.settings
    if not settings.web_demo:
        logger.info("channel web: the trainers' demo is off (set KYR_WEB_DEMO=1 to serve it at GET /)")
        return
    store = shared.service.store
    # The app's own service, hand-off desk included, with the demo's namespace and short retention.
    service = copy.copy(shared.service)
    service.retention, service.namespace = DEMO_RETENTION, NAMESPACE
    admission = Admission(store, settings.demo_max_sessions, settings.demo_new_per_minute, DEMO_RETENTION)
    app.extensions[EXTENSION] = Demo(service, admission)
    app.register_blueprint(bp)
    # Routing errors never reach a blueprint's handlers: answer them as JSON for API paths at the app.
    app.register_error_handler(404, api_routing_error)
    app.register_error_handler(405, api_routing_error)
    logger.info("channel web: the trainers' demo is on at GET /")


@bp.errorhandler(BadRequest)
def refused(exc: BadRequest) -> Response:
    """A refusal raised during a turn (the store, the bounds on new sessions), answered as the adapter refuses."""
    return ADAPTER.refuse(Refusal(exc.status, exc.message))


def api_routing_error(exc: HTTPException) -> Response | HTTPException | tuple[Response, int]:
    """An unknown /api/ path (404) or a wrong method (405, e.g. GET /api/message) as a JSON error; other
    paths keep Flask's own answer."""
    if not request.path.startswith("/api/"):
        return exc
    message = "no such API endpoint" if exc.code == 404 else f"use POST for {request.path}"
    return jsonify(error=message), exc.code or 500


@bp.errorhandler(413)
def too_large(exc: HTTPException) -> tuple[Response, int]:
    """A body over the app's limit, refused before it is read."""
    return jsonify(error=TOO_LARGE), 413


# --- the page -----------------------------------------------------------------------------------------
@bp.get("/")
def page() -> str:
    """The chat page: languages named in themselves, in the language menu's order (English, the source, first)."""
    return render_template("chat.html", languages=kyr().engine.content.languages.values(), max_text=MAX_TEXT)


# --- the API ------------------------------------------------------------------------------------------
@bp.post("/api/message")
def api_message() -> Response:
    """One message from the page: typed text or an option's key."""
    return dispatch(ADAPTER, handle)


@bp.post("/api/language")
def api_language() -> Response:
    """The switcher: open the language menu and pick from it, so the change reads as it does in a chat."""
    return dispatch(LANGUAGE, handle)


@bp.post("/api/reset")
def api_reset() -> Response:
    """Forget this page's conversation and greet again (in the page's language, if given)."""
    return dispatch(RESET, reset)


# --- the channel interface (bot.channels.base.Adapter) ------------------------------------------------------
Read = Callable[[dict[str, Any], str | None, Page | None], Inbound]  # the body, lang, page -> the message


class WebAdapter:
    """One route of the demo's API as an Adapter: a JSON object in, the turn or a refusal as JSON out."""

    name = CHANNEL

    def __init__(self, read: Read, lang_required: bool = False) -> None:
        """Keep how this route reads its message."""
        # The routes differ only in the message they read and whether `lang` is required: one class, three uses.
        self.read, self.lang_required = read, lang_required

    def parse(self, req: Request) -> Incoming | Refusal:
        """The page's session, view and message, or a refusal that says what is wrong with the body."""
        try:
            data = body(req)
            session, view, lang = session_id(data), view_of(data), lang_of(data, required=self.lang_required)
            inbound = self.read(data, lang, view_page(view))
        except BadRequest as exc:
            return Refusal(exc.status, exc.message)
        return Incoming(CHANNEL, session, inbound, None, {"view": view})

    def refuse(self, refusal: Refusal) -> Response:
        """The reason as {"error": ...}; the log names the reason only, never what was sent."""
        logger.info("web api: refused with %s: %s", refusal.status, refusal.reason)
        response = jsonify(error=refusal.reason)
        response.status_code = refusal.status
        return response

    def render(self, incoming: Incoming, outcome: Outcome) -> Response:
        """Where the conversation stands and the replies, in the view the page shows."""
        return jsonify(turn_json(incoming.inbound.text, outcome, incoming.context["view"]))


def read_text(data: dict[str, Any], lang: str | None, page: Page | None) -> Inbound:
    """The typed text (or an option's key), at most what one SMS body carries."""
    text = data.get("text", "")
    if not isinstance(text, str):
        raise BadRequest(BAD_TEXT)
    if len(text) > MAX_TEXT:
        raise BadRequest(TOO_LONG, 413)
    return Inbound(text, clock(), lang_pick=lang, page=page)


def read_pick(data: dict[str, Any], lang: str | None, page: Page | None) -> Inbound:
    """A language picked as from the bot's menu: 'OK, I will write in ...', then the same step in it."""
    return Inbound("", clock(), lang_pick=lang, page=page)


def read_hello(data: dict[str, Any], lang: str | None, page: Page | None) -> Inbound:
    """A greeting, as a new conversation starts (in the page's language, if given)."""
    return Inbound("", clock(), kind="hello", lang_pick=lang, page=page)


ADAPTER: Adapter = WebAdapter(read_text)
LANGUAGE: Adapter = WebAdapter(read_pick, lang_required=True)
RESET: Adapter = WebAdapter(read_hello)


def demo() -> Demo:
    """The app's demo parts."""
    return current_app.extensions[EXTENSION]


def handle(incoming: Incoming) -> Outcome:
    """Run one message through the demo's service, as the channel 'web', once the session is admitted."""
    admit(incoming.sender, incoming.inbound.now)
    outcome = demo().service.handle(CHANNEL, incoming.sender, incoming.inbound, None)
    if "store_full" in outcome.events:
        raise BadRequest(STORE_FULL, 503)
    return outcome


def reset(incoming: Incoming) -> Outcome:
    """Forget the page's conversation, then greet it as new."""
    service = demo().service
    try:
        service.store.delete(service.key(CHANNEL, incoming.sender))
    except StoreError as exc:
        raise BadRequest(STORE_DOWN, 503) from exc
    return handle(incoming)


def admit(session: str, now: float) -> None:
    """A session the store does not hold yet is new: admitted within the demo's bounds, or refused with 429."""
    parts = demo()
    key = parts.service.key(CHANNEL, session)
    try:
        refusal = None if parts.service.store.get(key, now) is not None else parts.admission.admit(key, now)
    except StoreFull as exc:
        raise BadRequest(STORE_FULL, 503) from exc
    except StoreError as exc:
        raise BadRequest(STORE_DOWN, 503) from exc
    if refusal is not None:
        raise BadRequest(refusal, 429)


def view_page(view: str) -> Page | None:
    """The page of the channel the demo shows: replies are cut (and continued with MORE) as that channel cuts them."""
    return kyr().settings.page(view)


# --- checking -----------------------------------------------------------------------------------------
def body(req: Request) -> dict[str, Any]:
    """The JSON object sent, or a BadRequest that says what is wrong with it."""
    if not req.is_json:
        raise BadRequest(NOT_JSON)
    data = req.get_json(silent=True)
    if data is None:
        raise BadRequest(NOT_JSON)
    if not isinstance(data, dict):
        raise BadRequest(NOT_OBJECT)
    return data


def session_id(data: dict[str, Any]) -> str:
    """The page's random conversation id (only ever stored hashed, like a phone number)."""
    value = data.get("session")
    if not isinstance(value, str) or not SESSION_ID.fullmatch(value):
        raise BadRequest(BAD_SESSION)
    return value


def lang_of(data: dict[str, Any], required: bool) -> str | None:
    """A supported language code, or None when it may be left out."""
    value = data.get("lang")
    codes = kyr().engine.content.languages
    if value is None and not required:
        return None
    if not isinstance(value, str) or value not in codes:
        raise BadRequest(BAD_LANG.format(", ".join(sorted(codes))))
    return value


def view_of(data: dict[str, Any]) -> str:
    """The channel view the page shows ('telegram' when not given)."""
    value = data.get("channel", "telegram")
    if value not in VIEWS:
        raise BadRequest(BAD_VIEW)
    return value
