"""Twilio Voice: `POST /voice` answers a call with TwiML; `/voice/gather` takes each key or spoken answer;
`/voice/resume` gives a caller back their step; `GET /voice/audio/<lang>/<id>.mp3` serves recordings.

Requests are checked like `/twilio` (bot/channels/twilio/messaging.py's signature check and proxy rules: the
same TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL): 503 while the channel is off, 413, 415, 403 on a forged
X-Twilio-Signature, 400 without CallSid or From. `/voice/dialed` is where a <Dial> of "press 0" ends. Settings
of this channel (docs/voice.md): KYR_VOICE_VOICES, KYR_VOICE_AUDIO, KYR_HOTLINE_DIAL; "press 8" and the cases of
"press 0" use the hand-off's queue and responders (docs/handoff.md).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask, Request, Response, request, send_file
from twilio.twiml.voice_response import VoiceResponse
from werkzeug.exceptions import NotFound

from bot.channels.base import Adapter, Incoming, Refusal, accept, kyr
from bot.channels.twilio.messaging import check as twilio_check
from bot.channels.twilio.messaging import (
    refuse,
    signed_url,
)
from bot.channels.voice import demo
from bot.channels.voice.calls import conversation
from bot.channels.voice.caseline import CaseLine
from bot.channels.voice.line import EXTENSION, Urls, VoiceLine, voice_line
from bot.channels.voice.line import Request as CallRequest
from bot.channels.voice.person import HotlineNumbers, PersonLine
from bot.channels.voice.recordings import SUFFIX, Recordings
from bot.channels.voice.speech import Piece, Speaker, voice_service
from bot.channels.voice.texting import queued_texts
from bot.channels.voice.twiml import Renderer
from bot.channels.voice.voices import Voice, load_voices, unknown_values
from bot.core.session import Inbound
from bot.handoff.config import HotlineDial
from bot.service.handler import Outcome, Service
from bot.store import StoreError

logger = logging.getLogger(__name__)

ROUTE, GATHER, RESUME, DIALED, AUDIO = "/voice", "/voice/gather", "/voice/resume", "/voice/dialed", "/voice/audio"
OFF = "Twilio Voice channel is off: set TWILIO_AUTH_TOKEN"
MAX_SPEECH = 500  # characters of SpeechResult passed on: nobody says more in one answer
clock = time.time  # when a request arrives (a seam for tests)


def init_app(app: Flask) -> None:
    """Build the line (voices, recordings, the speaking service) and register its routes; say whether it is on."""
    shared = kyr(app)
    get = lambda name: str(app.config.get(name, os.environ.get(name, ""))).strip()
    content = shared.engine.content
    voices = load_voices(get("KYR_VOICE_VOICES"), content.languages)
    recordings = Recordings(Path(get("KYR_VOICE_AUDIO") or shared.settings.content / "audio"))
    speaker = Speaker(content, shared.engine.view, voices, recordings)
    renderer = Renderer(voices, recordings, audio_url)
    person = _person_line(shared.service, shared.settings.handoff.hotline_dial)
    line = VoiceLine(voice_service(shared.service), speaker, renderer, person, queued_texts(shared.service))
    app.extensions[EXTENSION] = line
    app.add_url_rule(ROUTE, "voice", call_started, methods=["POST"])
    app.add_url_rule(GATHER, "voice_gather", call_answered, methods=["POST"])
    app.add_url_rule(RESUME, "voice_resume", call_resumed, methods=["POST"])
    app.add_url_rule(DIALED, "voice_dialed", call_dialed, methods=["POST"])
    app.add_url_rule(f"{AUDIO}/<lang>/<name>", "voice_audio", audio, methods=["GET"])
    if shared.settings.web_demo:  # the trainers' Voice view (GET /voice/demo, POST /api/voice): a demo like GET /
        app.register_blueprint(demo.bp)
    _announce(shared.settings.twilio_token, voices, line)


def _person_line(service: Service, hotlines: tuple[HotlineDial, ...]) -> PersonLine:
    """What 0 does: a case and <Dial> when volunteers or hotlines to dial are configured, else the numbers."""
    desk = getattr(service, "desk", None)
    return CaseLine(desk, hotlines) if desk is not None or hotlines else HotlineNumbers()


def _announce(token: str, voices: dict[str, Voice], line: VoiceLine) -> None:
    """One start-up line on the channel, the languages no voice speaks, and voices Twilio does not list."""
    if not token:
        logger.warning("channel voice: off (set TWILIO_AUTH_TOKEN to answer calls)")
        return
    texting = "on" if line.texts is not None else "off (no outbound queue: docs/voice.md)"
    person = line.person
    dial = len(person.hotlines) if isinstance(person, CaseLine) else 0
    cases = "cases" if isinstance(person, CaseLine) and person.desk is not None else "no cases"
    logger.info(
        "channel voice: on at POST %s; press 8 %s; press 0: %s, %d hotline(s) to dial", ROUTE, texting, cases, dial
    )
    silent = [lang for lang, v in voices.items() if not v.speaks]
    if silent:
        logger.info("channel voice: no Twilio voice for %s: recordings, else a notice", ",".join(silent))
    for problem in unknown_values(voices):
        logger.warning("channel voice: %s is not in Twilio's list (twilio_values.txt): check KYR_VOICE_VOICES", problem)


# --- the channel interface (bot.channels.base.Adapter) ------------------------------------------------------
class VoiceAdapter:
    """Twilio Voice as an Adapter: a signed form in, TwiML out."""

    name = "voice"

    def parse(self, req: Request) -> Incoming | Refusal:
        """Check a Twilio Voice request and read it: the caller's conversation, and what they keyed or said."""
        refusal = check(req)
        if refusal is not None:
            return refusal
        form = req.form
        channel, who = conversation(form["From"], form["CallSid"])
        digits, speech = form.get("Digits", "")[:20], form.get("SpeechResult", "")[:MAX_SPEECH]
        context = {"call": form["CallSid"], "caller": form["From"], "called": form.get("To", ""), "digits": digits}
        return Incoming(channel, who, Inbound(digits or speech, clock()), None, {**context, "speech": speech})

    def refuse(self, refusal: Refusal) -> Response:
        """A short plain-text refusal, as `/twilio` answers (the same checks, the same log line)."""
        return refuse(refusal.reason, refusal.status)

    def render(self, incoming: Incoming, outcome: Outcome) -> Response:
        """An engine outcome as the TwiML step a caller hears."""
        line = voice_line()
        step = line.speaker.step(outcome, can_text=incoming.channel == "sms" and line.texts is not None)
        return twiml(line.renderer.answer(step, urls().gather))


ADAPTER: Adapter = VoiceAdapter()


def check(req: Request) -> Refusal | None:
    """A refusal (503, 413, 415, 403 or 400), or None when the request may be handled: `/twilio`'s checks."""
    return twilio_check(req, ("CallSid", "From"), OFF)


# --- routes -------------------------------------------------------------------------------------------------
def call_started() -> Response:
    """A call comes in."""
    return _handle(lambda line, req: line.start(req, urls()))


def call_answered() -> Response:
    """A <Gather> ends: a key, words, or silence."""
    return _handle(lambda line, req: line.answer(req, urls()))


def call_resumed() -> Response:
    """Back from a side trip: the caller's step again."""
    return _handle(lambda line, req: line.resume(req, urls()))


def call_dialed() -> Response:
    """A <Dial> of 'press 0' ended: Twilio says how (DialCallStatus: completed, busy, no-answer, failed...)."""
    status = request.form.get("DialCallStatus", "")[:20]
    return _handle(lambda line, req: line.dialed(req, status, urls()))


def _handle(run: Callable[[VoiceLine, CallRequest], VoiceResponse]) -> Response:
    """Parse, run, answer; a store outage ends the call kindly (Twilio would only play an error tone)."""
    got = accept(ADAPTER)
    if isinstance(got, Response):
        return got
    c = got.context
    req = CallRequest(c["call"], c["caller"], c["called"], got.inbound.now, c["digits"], c["speech"])
    line = voice_line()
    try:
        return twiml(run(line, req))
    except StoreError:
        logger.warning("voice: store unavailable")
        return twiml(line.renderer.hang_up([Piece(line.speaker.t("ui.voice_try_again", "en"), "en")]))


def audio(lang: str, name: str) -> Response:
    """A recording for <Play>: public (it is the same vetted content as the flows), cached for an hour."""
    path = voice_line().speaker.recordings.path(lang, name.removesuffix(SUFFIX)) if name.endswith(SUFFIX) else None
    if path is None or not path.is_file():
        raise NotFound()
    return send_file(path, mimetype="audio/mpeg", max_age=3600)


# --- URLs and TwiML ---------------------------------------------------------------------------------------
def base_url() -> str:
    """The public base URL Twilio calls: PUBLIC_BASE_URL, else this request's own (through the proxy rules)."""
    url = signed_url(kyr().settings.public_base_url).split("?")[0]
    return url[: -len(request.path)] if url.endswith(request.path) else url.rstrip("/")


def urls() -> Urls:
    """Absolute URLs, so a proxy's path prefix is kept and Twilio signs exactly what it calls."""
    base = base_url()
    return Urls(base + GATHER, base + RESUME, base + DIALED)


def audio_url(lang: str, audio_id: str) -> str:
    """Where Twilio fetches a recording."""
    return f"{base_url()}{AUDIO}/{lang}/{audio_id}{SUFFIX}"


def twiml(response: VoiceResponse) -> Response:
    """A TwiML document."""
    return Response(str(response), status=200, mimetype="application/xml")
