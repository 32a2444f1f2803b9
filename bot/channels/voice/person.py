"""Press 0 for a person: the seam where the hand-off plugs in.

A PersonLine answers the key 0 with TwiML. Until the hand-off lands, HotlineNumbers says that this line cannot
connect to a person yet and reads the hotline numbers slowly (digit by digit, a pause between groups), twice,
then gives the caller back the step they were at. The hand-off replaces it (`voice_line(app).person = ...`)
with one that opens a case by keypad and, within the configured hours, connects the call with <Dial>.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from twilio.twiml.voice_response import VoiceResponse

from bot.channels.voice.speech import Piece, Speaker
from bot.channels.voice.twiml import Renderer
from bot.core.session import Session

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


class Line(Protocol):
    """What a person line may use of the phone line (bot.channels.voice.line.VoiceLine passes itself)."""

    speaker: Speaker
    renderer: Renderer


class PersonLine(Protocol):
    """Answers '0': TwiML that connects, takes an intake, or says how to reach a person."""

    def answer(self, call: CallInfo, line: Line) -> VoiceResponse:
        """The TwiML for the caller who pressed 0."""
        ...


class HotlineNumbers:
    """The default: no person on this line yet, so the numbers of people who answer, twice, slowly."""

    def answer(self, call: CallInfo, line: Line) -> VoiceResponse:
        """'This line cannot connect you to a person yet. Write down these numbers: ...' twice, then resume."""
        speaker, lang = line.speaker, call.lang
        # No recording id: a node's recording reads its options too; without a voice the numbers are in English.
        numbers = Piece(self.numbers(line, lang), lang, None, self.numbers(line, "en"), PAUSE)
        response = VoiceResponse()
        line.renderer.add(response, [speaker.piece("ui.voice_no_person", lang), numbers] * READINGS)
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
