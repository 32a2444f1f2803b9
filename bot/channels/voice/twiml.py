"""Steps as TwiML, built with the twilio package's VoiceResponse and Gather.

Every prompt sits inside a <Gather>, so a caller who knows what they want presses a key without waiting for the
end. Twilio's <Gather> defaults (docs, "TwiML Voice: <Gather>"): input dtmf, timeout 5 s, finishOnKey '#',
language en-US; actionOnEmptyResult makes a silent caller come back to the action URL too. The helper library
writes the attributes and does not check voice or language values (they come from the voices table).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from twilio.twiml.voice_response import Gather, VoiceResponse

from bot.channels.voice.ear import pieces as say_parts
from bot.channels.voice.recordings import Recordings
from bot.channels.voice.speech import Piece, Step
from bot.channels.voice.voices import Voice

KEY_TIMEOUT = 6  # seconds of silence after the prompt before Twilio posts an empty result
DIGITS_TIMEOUT = 8  # while keying in a ZIP code: seconds allowed between two keys
ENGLISH = "en"


class Renderer:
    """Says pieces in the right voice, plays recordings, and wraps a step's prompt in a <Gather>."""

    def __init__(
        self, voices: Mapping[str, Voice], recordings: Recordings, audio_url: Callable[[str, str], str]
    ) -> None:
        self.voices, self.recordings, self.audio_url = voices, recordings, audio_url

    def add(self, verb: VoiceResponse | Gather, pieces: Iterable[Piece]) -> None:
        """Each piece: its language's voice; else its recording; else the English; then its pause."""
        for piece in pieces:
            voice = self.voices.get(piece.lang)
            if voice and voice.speaks and piece.text:
                self._say(verb, piece.text, voice)
            elif piece.audio and self.recordings.has(piece.lang, piece.audio):
                verb.play(self.audio_url(piece.lang, piece.audio))
            elif piece.english and ENGLISH in self.voices:
                self._say(verb, piece.english, self.voices[ENGLISH])
            if piece.pause:
                verb.pause(length=piece.pause)

    def _say(self, verb: VoiceResponse | Gather, text: str, voice: Voice) -> None:
        """One <Say> per part, each well under Twilio's limits (see ear.py)."""
        for part in say_parts(text):
            verb.say(part, voice=voice.voice, language=voice.say)

    def answer(self, step: Step, action: str, before: Iterable[Piece] = (), prompt_only: bool = False) -> VoiceResponse:
        """The TwiML for a step: `before` (e.g. 'I did not hear anything'), the body unless only the prompt is
        asked for, the prompt; a step that ends the call hangs up instead of listening."""
        response = VoiceResponse()
        said = list(before) + ([] if prompt_only and step.prompt else step.body) + step.prompt
        if step.mode == "end":
            self.add(response, said)
            response.hangup()
            return response
        gather = Gather(action=action, method="POST", action_on_empty_result=True, **self.listening(step))
        self.add(gather, said)
        response.append(gather)
        return response

    def listening(self, step: Step) -> dict[str, Any]:
        """The <Gather> attributes for a step: one key (# included) or, for a ZIP code, digits until #; speech
        in the caller's language where Twilio recognises it, keypad only where it does not (Haitian Creole)."""
        voice = self.voices.get(step.lang)
        speech = voice.speech if voice and step.mode not in ("menu", "keys") else None
        attrs: dict[str, Any] = {"input": "dtmf speech" if speech else "dtmf", "timeout": KEY_TIMEOUT}
        if speech:
            attrs.update(language=speech, speech_timeout="auto")
        if step.mode == "state":
            attrs.update(finish_on_key="#", timeout=DIGITS_TIMEOUT)
        else:
            attrs.update(num_digits=1, finish_on_key="")  # '' : # and * arrive as keys of their own
        return attrs

    def hang_up(self, pieces: Iterable[Piece]) -> VoiceResponse:
        """Say the pieces and end the call."""
        response = VoiceResponse()
        self.add(response, pieces)
        response.hangup()
        return response
