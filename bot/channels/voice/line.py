"""The phone line's logic, apart from HTTP: a call starts, a key or words come in, a step goes out.

What a caller presses or says is turned into one of: an engine text (an option's key, 'back', 'menu', or the
words they said, routed exactly as a text message), or a key action the line handles itself (* repeats, 0 asks
for a person, 8 texts the step, a language pick). The engine runs through a copy of the service that speaks
(speech.voice_service): the same store, the same hashed key as the caller's text messages. 0 goes to the person
line (person.py, caseline.py), 8 to the outbound queue (texting.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from flask import Flask, current_app
from twilio.twiml.voice_response import VoiceResponse

from bot.channels.base import Sender
from bot.channels.voice.calls import CALL_CHANNEL, Call, Calls, conversation
from bot.channels.voice.person import CallInfo, PersonLine
from bot.channels.voice.speech import LANGUAGES, PERSON, PERSON_KEY, PICK, REPEAT, TEXT_ME, Speaker, Step
from bot.channels.voice.twiml import Renderer
from bot.core.session import Inbound
from bot.service.handler import Outcome, Service
from bot.service.privacy import user_key

logger = logging.getLogger(__name__)

MAX_SILENCES = 3  # prompts in a row without an answer before the line says goodbye
EXTENSION = "kyrbot.voice"


def voice_line(app: Flask | None = None) -> VoiceLine:
    """The app's phone line (`.person` answers 0, `.texts` sends what 8 asks for)."""
    return (app or current_app).extensions[EXTENSION]


@dataclass(frozen=True)
class Request:
    """One request of a call, as Twilio posted it (what the caller pressed or said is never logged or kept)."""

    sid: str
    caller: str
    called: str
    now: float
    digits: str = ""
    speech: str = ""


@dataclass(frozen=True)
class Urls:
    """Where Twilio posts next: the answer to a prompt, and the way back to the current step."""

    gather: str
    resume: str
    dialed: str = ""


class VoiceLine:
    """The phone line of one app: builds every answer; holds no per-call state (that is in the call record)."""

    def __init__(
        self,
        service: Service,
        speaker: Speaker,
        renderer: Renderer,
        person: PersonLine,
        texts: Sender | None = None,
    ) -> None:
        self.service, self.speaker, self.renderer, self.person, self.texts = service, speaker, renderer, person, texts
        self.calls = Calls(service.store, service.secret, service.retention)

    # --- a call starts ------------------------------------------------------------------------------------
    def start(self, req: Request, urls: Urls) -> VoiceResponse:
        """The language menu for a new caller; a caller whose number has a conversation goes straight on, in
        its language. A number that opted out of texts still gets help, in a conversation of this call only."""
        channel, who = conversation(req.caller, req.sid)
        can_text = channel == "sms" and self.texts is not None
        step = self.speaker.language_menu()
        if channel != CALL_CHANNEL and self._known(channel, who, req.now):
            outcome = self.service.handle(channel, who, Inbound("", req.now, kind="hello"))
            if "opted_out" in outcome.events:
                channel, can_text = CALL_CHANNEL, False
            else:
                step = self.speaker.step(outcome, can_text)
        return self._say(req, Call(channel, can_text, step), urls)

    def _known(self, channel: str, who: str, now: float) -> bool:
        """True when this number already has a conversation (and so a language) in the store."""
        service = self.service
        return service.store.get(user_key(service.secret, channel, who), now) is not None

    # --- a key or words ---------------------------------------------------------------------------------
    def answer(self, req: Request, urls: Urls) -> VoiceResponse:
        """What the caller pressed or said, answered."""
        call = self.calls.load(req.sid, req.now)
        if call is None:  # the record expired (a very long call) or Twilio skipped /voice: start over
            return self.start(req, urls)
        key, words = req.digits.strip(), req.speech.strip()
        if not key and not words:
            return self._silence(req, call, urls)
        call.silences = 0
        if words and self.service.engine.words.action(words) == "stop":
            # 'stop' on the phone means 'hang up', never the SMS opt-out the engine would record
            return self._goodbye(req, call)
        if not key:  # words go to the engine as they are, like a text message
            return self._engine(req, call, Inbound(words, req.now), urls)
        return self._do(req, call, self._action(call.step, key), urls)

    def _action(self, step: Step, key: str) -> str:
        """What a key does in this step; an unknown key goes to the engine (it answers 'not understood') where
        the step asks the engine, else it repeats the step."""
        if key in step.keys:
            return step.keys[key]
        if key == "8" and step.mode == "node":  # 8 not offered (no queue, a withheld number): say why
            return TEXT_ME
        return key if step.mode in ("node", "state") else REPEAT

    def _do(self, req: Request, call: Call, action: str, urls: Urls) -> VoiceResponse:
        """Carry out a key action, or run the engine on a text."""
        if action == REPEAT:
            return self._say(req, call, urls)
        if action == PERSON or action.startswith(PERSON_KEY):
            return self._person(req, call, action, urls)
        if action == TEXT_ME:
            return self._text(req, call, urls)
        if action == LANGUAGES:
            return self._say(req, replace(call, step=self.speaker.language_menu()), urls)
        if action.startswith(PICK):
            return self._engine(req, call, Inbound("", req.now, kind="hello", lang_pick=action[len(PICK) :]), urls)
        return self._engine(req, call, Inbound(action, req.now), urls)

    def _engine(self, req: Request, call: Call, inbound: Inbound, urls: Urls) -> VoiceResponse:
        """One turn of the engine in the caller's conversation, answered as the next step; a deleted
        conversation ends the call."""
        outcome = self.service.handle(call.channel, call.who(req.caller, req.sid), inbound)
        step = self.speaker.step(outcome, call.can_text)
        if step.mode == "end":
            self.calls.forget(req.sid)
            return self.renderer.answer(step, urls.gather)
        return self._say(req, replace(call, step=step), urls)

    # --- side trips ---------------------------------------------------------------------------------------
    def _person(self, req: Request, call: Call, action: str, urls: Urls) -> VoiceResponse:
        """0, or a key at one of the person line's own questions: its next question (kept in the call record, with
        the step to come back to), or its last word (the record gets the caller's step back for /voice/resume)."""
        back = call.back or call.step
        got = (
            self.person.answer(self._info(req, call, urls), self)
            if action == PERSON
            else self.person.key(self._info(req, call, urls), action[len(PERSON_KEY) :], self)
        )
        if isinstance(got, Step):
            return self._say(req, replace(call, step=got, back=back), urls)
        self.calls.save(req.sid, replace(call, step=back, back=None), req.now)
        return got

    def dialed(self, req: Request, status: str, urls: Urls) -> VoiceResponse:
        """A person line's <Dial> ended (Twilio's DialCallStatus): goodbye after a talk, else what it offers instead."""
        call = self.calls.load(req.sid, req.now)
        if call is None:
            return self.start(req, urls)
        return self.person.dialed(self._info(req, call, urls), status, self)

    def _text(self, req: Request, call: Call, urls: Urls) -> VoiceResponse:
        """8: the current node by SMS to the calling number (through the outbound queue), then the prompt again."""
        step, sent = call.step, False
        if self.texts is None:  # no queue or no Twilio REST account: say so rather than fail silently
            logger.info("voice: text message not sent: no outbound queue (docs/voice.md, press 8)")
            said = self.speaker.piece("ui.voice_text_off", step.lang)
            return self.renderer.answer(step, urls.gather, before=[said], prompt_only=True)
        if call.can_text and step.sms:
            sent = self.texts.send(req.caller, Outcome(step.texts()))
        said = self.speaker.piece("ui.voice_texted" if sent else "ui.voice_no_text", step.lang)
        logger.info("voice: text message %s", "queued" if sent else "not sent")
        return self.renderer.answer(step, urls.gather, before=[said], prompt_only=True)

    def _silence(self, req: Request, call: Call, urls: Urls) -> VoiceResponse:
        """No key, no words: say so and ask again; after MAX_SILENCES, goodbye."""
        call.silences += 1
        if call.silences >= MAX_SILENCES:
            return self._goodbye(req, call)
        self.calls.save(req.sid, call, req.now)
        heard = self.speaker.piece("ui.voice_no_input", call.step.lang)
        return self.renderer.answer(call.step, urls.gather, before=[heard])

    def _goodbye(self, req: Request, call: Call) -> VoiceResponse:
        """Thank the caller and hang up; the call's record goes (the conversation stays, as for SMS)."""
        self.calls.forget(req.sid)
        return self.renderer.hang_up([self.speaker.piece("ui.voice_goodbye", call.step.lang)])

    def resume(self, req: Request, urls: Urls) -> VoiceResponse:
        """Back from a side trip (the person line): the step the caller was at."""
        call = self.calls.load(req.sid, req.now)
        return self._say(req, call, urls) if call else self.start(req, urls)

    # --- helpers ------------------------------------------------------------------------------------------
    def _say(self, req: Request, call: Call, urls: Urls) -> VoiceResponse:
        """Keep the call's record and say its step."""
        self.calls.save(req.sid, call, req.now)
        return self.renderer.answer(call.step, urls.gather)

    def _info(self, req: Request, call: Call, urls: Urls) -> CallInfo:
        """What the person line may know of this call: its step (before 0 was pressed) and language."""
        back = call.back or call.step
        at = back.at or "menu.start"
        return CallInfo(req.sid, self._caller(req, call), req.called, back.lang, at, urls.resume, urls.dialed)

    def _caller(self, req: Request, call: Call) -> str | None:
        """The caller's number for a person line, None when withheld."""
        return None if call.channel == CALL_CHANNEL else req.caller
