"""Press 0 for a person: the seam where the hand-off plugs in.

A PersonLine answers the key 0 with TwiML, or with a Step of its own (a keypad question: the line keeps it in the
call record and sends its keys back to `key`). HotlineNumbers, the default when nobody is configured, says that
this line cannot connect to a person yet and reads the hotline numbers slowly (digit by digit, a pause between
groups), twice, then gives the caller back the step they were at. With volunteers (KYR_RESPONDERS_*) or hotlines
to dial (KYR_HOTLINE_DIAL), bot.channels.voice.caseline.CaseLine takes its place and reads through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from twilio.twiml.voice_response import VoiceResponse

from bot.channels.voice.speech import Piece, Speaker, Step
from bot.channels.voice.twiml import Renderer
from bot.core.session import Session
from bot.service.handler import Service

HOTLINES_NODE = "get_help.hotlines"  # the vetted text that names the hotlines, in every language
READINGS = 2
PAUSE = 2  # seconds between the two readings


@dataclass(frozen=True)
class CallInfo:
    """What a person line may use: the call, the caller's number when not withheld (never stored by the line),
    where they are in the conversation, and the URL that gives them back their step."""

    sid: str
    caller: str | None
    called: str
    lang: str
    at: str
    resume: str
    dialed: str = ""  # where Twilio posts when a <Dial> ends


class Line(Protocol):
    """What a person line may use of the phone line (bot.channels.voice.line.VoiceLine passes itself)."""

    service: Service
    speaker: Speaker
    renderer: Renderer


class PersonLine(Protocol):
    """Answers '0': TwiML that connects or says how to reach a person, or a Step that asks the caller a question."""

    def answer(self, call: CallInfo, line: Line) -> VoiceResponse | Step:
        """The caller pressed 0."""
        ...

    def key(self, call: CallInfo, choice: str, line: Line) -> VoiceResponse | Step:
        """The caller answered one of this line's own Steps ('!person:<choice>' in its key map)."""
        ...

    def dialed(self, call: CallInfo, status: str, line: Line) -> VoiceResponse:
        """A <Dial> of this line ended with Twilio's DialCallStatus."""
        ...


class HotlineNumbers:
    """The default: no person on this line yet, so the numbers of people who answer, twice, slowly."""

    def answer(self, call: CallInfo, line: Line) -> VoiceResponse:
        """'This line cannot connect you to a person yet. Write down these numbers: ...' twice, then resume."""
        return self.read(call, line, "ui.voice_no_person")

    def key(self, call: CallInfo, choice: str, line: Line) -> VoiceResponse:
        """This line asks nothing: the numbers."""
        return self.answer(call, line)

    def dialed(self, call: CallInfo, status: str, line: Line) -> VoiceResponse:
        """This line dials nobody: the numbers."""
        return self.answer(call, line)

    def read(self, call: CallInfo, line: Line, lead: str, before: list[Piece] | None = None) -> VoiceResponse:
        """`before`, then the lead sentence and the hotline numbers, twice, slowly; then the caller's step again."""
        speaker, lang = line.speaker, call.lang
        # No recording id: a node's recording reads its options too; without a voice the numbers are in English.
        numbers = Piece(self.numbers(line, lang), lang, None, self.numbers(line, "en"), PAUSE)
        response = VoiceResponse()
        line.renderer.add(response, [*(before or []), *[speaker.piece(lead, lang), numbers] * READINGS])
        response.redirect(call.resume, method="POST")
        return response

    def numbers(self, line: Line, lang: str) -> str:
        """The hotlines node, for the ear; without it (other content), each hotline's name and number."""
        content, speaker = line.speaker.content, line.speaker
        flow, _, name = HOTLINES_NODE.partition(".")
        if flow in content.flows and name in content.flows[flow].nodes:
            node = content.node(HOTLINES_NODE)
            return speaker.ear(speaker.view.node_text(node, Session(at=node.key, lang=lang)), lang, False)
        return " ".join(speaker.ear(f"{h.name}: {h.number}.", lang, False) for h in content.hotlines.values())
