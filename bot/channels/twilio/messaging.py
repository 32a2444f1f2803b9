"""Twilio channel: SMS and WhatsApp share one webhook, `POST /twilio`, answered with TwiML.

Each request is checked (channel on, form-encoded, X-Twilio-Signature, From and MessageSid present), parsed
to an Inbound, run through the service (which hashes From, de-duplicates on MessageSid and keeps opt-outs),
and answered in the same HTTP response. The replies of one turn go out as ONE message body, because Twilio
sends several <Message> elements as separate messages that may arrive in any order; the one exception is the
English card for an officer, a second <Message> of its own, headed "TO THE OFFICER:", so it can be shown on
its own and an SMS card stays GSM-7 whatever the language before it. The engine cuts long replies to the
channel's page (bot/text/pages.py: 3 SMS segments by default, KYR_SMS_PAGE_SEGMENTS) and keeps the rest for
MORE; a body over Twilio's 1600-character limit is still split, at sentence boundaries, as a safety net.

A store outage is answered with the service's "try again" text and HTTP 200, not 5xx: Twilio does not
retry a message webhook that answered 5xx (it logs error 11200 and calls the fallback URL, if any), so a
5xx would leave the person with silence, while the text tells them to send again.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from xml.sax.saxutils import escape as xml_escape

from flask import Flask, Request, Response, current_app, request
from twilio.request_validator import RequestValidator
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wsgi import get_current_url

from bot.channels.base import Adapter, Incoming, Refusal, body_too_large, dispatch, kyr
from bot.core.session import Inbound, Reply
from bot.service.handler import Outcome
from bot.text.render import sms_text, whatsapp_text
from bot.text.sms import split_message, utf16_len

logger = logging.getLogger(__name__)
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>'

ROUTE = "/twilio"
MAX_BODY = 1600  # Twilio's limit for one message body (error 21617), in and out
FORM = "application/x-www-form-urlencoded"
SIGNATURE_HEADER = "X-Twilio-Signature"
WHATSAPP = "whatsapp:"
# Twilio's own opt-out words (whole message, any case). Twilio answers them itself, blocks the number and
# still forwards them: any SMS we send back would fail with error 21610. English only, as Twilio matches.
CARRIER_OPT_OUT = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"})

# What the refused sender reads (plain text, no user data).
OFF = "Twilio channel is off: set TWILIO_AUTH_TOKEN"
NOT_FORM = "Twilio webhooks must be application/x-www-form-urlencoded"
NO_SIGNATURE = "Missing X-Twilio-Signature header"
BAD_SIGNATURE = "Invalid X-Twilio-Signature: check TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL"
MISSING_FIELD = "Missing form field: {}"
TOO_LARGE = "Request body over {} bytes: Twilio never sends one this large"

clock = time.time  # the time a message arrives (a seam: tests move it past the rate-limit window)

# Only this route trusts one proxy's X-Forwarded-* headers, to rebuild the URL Twilio signed; a forged
# header cannot help a forger, who still lacks the auth token that keys the signature.
# The wrapped "app" only hands back the environ ProxyFix rewrote (it is never served).
_PROXY_FIX = ProxyFix(lambda environ, start_response: environ, x_proto=1, x_host=1, x_port=1, x_prefix=1)  # type: ignore[arg-type,return-value]


def init_app(app: Flask) -> None:
    """Register POST /twilio, and say at start-up whether the channel is on."""
    settings = kyr(app).settings
    if not settings.twilio_token:
        logger.warning("channel twilio: off (set TWILIO_AUTH_TOKEN to answer SMS and WhatsApp)")
    elif not settings.public_base_url:
        logger.info(
            "channel twilio: on at POST %s; no PUBLIC_BASE_URL, so the signed URL is taken from the "
            "request and X-Forwarded-* headers",
            ROUTE,
        )
    else:
        logger.info("channel twilio: on at POST %s%s", settings.public_base_url, ROUTE)
    app.add_url_rule(ROUTE, "twilio", twilio_webhook, methods=["POST"])


def twilio_webhook() -> Response:
    """Check, parse and answer one inbound SMS or WhatsApp message with TwiML."""
    return dispatch(ADAPTER)


# --- the channel interface (bot.channels.base.Adapter) ------------------------------------------------------
class TwilioAdapter:
    """SMS and WhatsApp as an Adapter: a signed form in, TwiML out; refusals in plain text."""

    name = "twilio"

    def parse(self, req: Request) -> Incoming | Refusal:
        """Check the request and read it: the channel, the sender, the message and its MessageSid."""
        refusal = check(req)
        if refusal is not None:
            return refusal
        channel, inbound = parse_form(req.form)
        inbound = replace(inbound, page=kyr().settings.page(channel))
        return Incoming(channel, req.form["From"], inbound, req.form["MessageSid"])

    def refuse(self, refusal: Refusal) -> Response:
        """A short plain-text refusal, logged by its reason only."""
        return refuse(refusal.reason, refusal.status)

    def render(self, incoming: Incoming, outcome: Outcome) -> Response:
        """The turn's bodies as one TwiML document (none after a carrier opt-out on SMS)."""
        fold = kyr().settings.fold_accents
        return twiml(render(incoming.channel, incoming.inbound.text, outcome, fold))


ADAPTER: Adapter = TwilioAdapter()


# --- checking ---------------------------------------------------------------------------------------
def check(req: Request, required: tuple[str, ...] = ("From", "MessageSid"), off: str = OFF) -> Refusal | None:
    """A refusal (503, 413, 415, 403 or 400 with a short reason), or None when the request may be handled.
    Shared by every Twilio webhook (messages, calls): only the fields they require and the 'off' reason differ."""
    settings = kyr().settings
    if not settings.twilio_token:
        return Refusal(503, off)
    if body_too_large():  # said plainly, before a byte of it is read (a chunked one: no byte past the limit)
        return Refusal(413, TOO_LARGE.format(current_app.config["MAX_CONTENT_LENGTH"]))
    if req.mimetype != FORM:
        return Refusal(415, NOT_FORM)
    problem = signature_problem(settings.twilio_token, settings.public_base_url)
    if problem:
        return Refusal(403, problem)
    missing = next((name for name in required if not req.form.get(name, "").strip()), None)
    return Refusal(400, MISSING_FIELD.format(missing)) if missing else None


def signature_problem(token: str, public_base_url: str) -> str | None:
    """Why X-Twilio-Signature does not prove Twilio sent this request, or None when it does."""
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not signature:
        return NO_SIGNATURE
    validator, url = RequestValidator(token), signed_url(public_base_url)
    # validate() always computes two signatures (the URL with and without its port); the URL as given matches
    # almost always, so try it alone first. (Twilio's JSON-body bodySHA256 check never applies: we post forms.)
    if hmac.compare_digest(validator.compute_signature(url, request.form).encode(), signature.encode()):
        return None
    if not validator.validate(url, request.form, signature):
        return BAD_SIGNATURE
    return None


def signed_url(public_base_url: str) -> str:
    """The URL Twilio signed: PUBLIC_BASE_URL + path + query when set, else the request's URL through
    ProxyFix (behind a TLS proxy, set PUBLIC_BASE_URL: the proxy may not forward scheme and host)."""
    if public_base_url:
        query = request.query_string.decode("latin-1")
        return public_base_url + request.path + (f"?{query}" if query else "")
    environ = dict(request.environ)  # a copy: ProxyFix rewrites the dict it is given
    return get_current_url(_PROXY_FIX(environ, lambda *args: None))  # type: ignore[arg-type]


def refuse(reason: str, status: int) -> Response:
    """A short plain-text refusal; the log names the reason only, never what was sent."""
    logger.warning("twilio: refused with %s: %s", status, reason)
    return Response(reason + "\n", status=status, mimetype="text/plain")


# --- parsing ----------------------------------------------------------------------------------------
def parse_form(form: Mapping[str, str]) -> tuple[str, Inbound]:
    """The channel ("sms" or "whatsapp") and the message, from Twilio's form fields."""
    channel = "whatsapp" if form["From"].lower().startswith(WHATSAPP) else "sms"
    text = form.get("Body", "")[:MAX_BODY]  # Twilio never sends more; a forged long body is cut
    kind = "media" if not text.strip() and _has_media(form) else "text"
    state = form.get("FromState", "").strip() or None  # to offer ("Are you in CA?"), never to trust
    return channel, Inbound(text, clock(), kind=kind, state_hint=state)


def _has_media(form: Mapping[str, str]) -> bool:
    """A photo, voice note, sticker or location rather than text (NumMedia, or WhatsApp's MessageType)."""
    try:
        count = int(form.get("NumMedia", "0") or 0)
    except ValueError:
        count = 0
    return count > 0 or form.get("MessageType", "text") not in ("", "text")


def is_carrier_opt_out(text: str) -> bool:
    """True when Twilio itself treats this SMS as an opt-out (STOP, UNSUBSCRIBE, ...)."""
    return text.strip().casefold() in CARRIER_OPT_OUT


# --- rendering --------------------------------------------------------------------------------------
def render(channel: str, text: str, outcome: Outcome, fold: frozenset[str]) -> list[str]:
    """The message bodies to send back for one turn (none after a carrier opt-out on SMS)."""
    if channel == "whatsapp":
        return whatsapp_bodies(outcome.replies)
    if is_carrier_opt_out(text):
        return []  # Twilio has already confirmed and blocked the number; the opt-out is kept by the service
    return sms_bodies(outcome.replies, fold)


def sms_bodies(replies: Iterable[Reply], fold: frozenset[str] = frozenset()) -> list[str]:
    """The SMS bodies of a turn: its replies as one (blank line between), each officer card its own; a body is
    split only past 1600 characters."""
    return _bodies(replies, lambda r: sms_text(r, accents=r.lang in fold))


def whatsapp_bodies(replies: Iterable[Reply]) -> list[str]:
    """The WhatsApp bodies of a turn, grouped as on SMS."""
    return _bodies(replies, whatsapp_text)


def _bodies(replies: Iterable[Reply], text: Callable[[Reply], str]) -> list[str]:
    """Consecutive replies joined into one body; an officer card is always a body of its own, in its place."""
    bodies: list[str] = []
    run: list[str] = []
    for r in replies:
        if r.kind != "officer":
            run.append(text(r))
            continue
        bodies += _fit("\n\n".join(run)) + _fit(text(r))
        run = []
    return bodies + _fit("\n\n".join(run))


def _fit(body: str) -> list[str]:
    """The body unchanged when Twilio takes it whole (so its cost is exactly what the chat tool reports),
    else parts of at most 1600 UTF-16 units cut at paragraph, line or sentence boundaries."""
    if not body.strip():
        return []
    return [body] if utf16_len(body) <= MAX_BODY else split_message(body, MAX_BODY)


def twiml(bodies: list[str]) -> Response:
    """A TwiML <Response> with one <Message> per body; no body gives an empty response (no reply).

    Written directly, byte for byte what twilio's MessagingResponse writes (tests compare the two): building
    its element tree cost a quarter of a millisecond per request."""
    inner = "".join(f"<Message>{xml_escape(body)}</Message>" for body in bodies)
    xml = f"{XML_HEAD}<Response>{inner}</Response>" if inner else f"{XML_HEAD}<Response />"
    return Response(xml, status=200, mimetype="application/xml")
