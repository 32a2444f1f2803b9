"""Press 0 with volunteers or hotlines configured: a keypad intake that opens a hand-off case, then <Dial>.

    0 -> "What is it about? Press 1 for Someone is held at an airport, ..."  (the person flow's own intakes)
      -> "Press 1 to let a volunteer of <org> call or text you back at this number. Press 2 to share nothing."
      -> 1: a case opens as a text intake's YES opens one (bot.handoff.desk.Desk.open_case): the reply address
            is the calling number, sealed with KYR_CASE_KEY; volunteers get the card in their group or by SMS
      -> within a hotline's hours (KYR_HOTLINE_DIAL): <Dial> to every hotline open now, the caller's number
         shown, nothing recorded, DIAL_TIMEOUT seconds; nobody answers, outside the hours or no hotline to dial:
         the hotline numbers read twice (person.HotlineNumbers), then the caller's step again.

A withheld number (or a number that opted out of texts) is asked nothing: nobody could call it back, so no case,
straight to <Dial> or the numbers. The language of the case is the call's language.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from twilio.twiml.voice_response import Dial, VoiceResponse

from bot.channels.voice.calls import E164, conversation
from bot.channels.voice.ear import digits
from bot.channels.voice.person import CallInfo, HotlineNumbers, Line
from bot.channels.voice.speech import PERSON, PERSON_KEY, REPEAT, Piece, Step
from bot.core.session import Session
from bot.handoff.cases import Case
from bot.handoff.config import HotlineDial
from bot.handoff.crypto import SealError
from bot.handoff.desk import Desk
from bot.service.handler import Outcome
from bot.store.base import StoreError

logger = logging.getLogger(__name__)

DIAL_TIMEOUT = 25  # seconds a hotline rings before the caller hears the numbers instead (about 5 rings)
MAX_NUMBERS = 10  # Twilio rings at most ten <Number>s of one <Dial> at once (docs, "TwiML Voice: <Number>")
TALKED = ("completed", "answered")  # DialCallStatus after a talk; busy, no-answer, failed, canceled: nobody
KIND, YES, NO, BACK = "kind:", "yes:", "no", "back"
VIA = "voice"  # the card says the case came by phone (its replies go by SMS to the calling number)


class CaseLine:
    """Press 0: the keypad intake and case when volunteers can text back, <Dial> within hotline hours."""

    def __init__(
        self, desk: Desk | None, hotlines: tuple[HotlineDial, ...], clock: Callable[[], float] = time.time
    ) -> None:
        self.desk, self.hotlines, self.clock = desk, hotlines, clock
        self.fallback = HotlineNumbers()

    # --- the PersonLine protocol ------------------------------------------------------------------------
    def answer(self, call: CallInfo, line: Line) -> VoiceResponse | Step:
        """The situation question when a volunteer could text back; else straight to a person or the numbers."""
        kinds = self.kinds(line, call.lang)
        if not kinds or self.address(call) is None:
            return self.connect(call, line, [])
        sp, lang = line.speaker, call.lang
        prompt = [self._press(line, lang, n, kind_label) for n, (_, kind_label) in enumerate(kinds, start=1)]
        keys = {str(n): f"{PERSON_KEY}{KIND}{kind}" for n, (kind, _) in enumerate(kinds, start=1)}
        about = sp.piece("ui.voice_person_about", lang, org=self._org())
        return self._ask(call, line, [about], prompt, keys)

    def key(self, call: CallInfo, choice: str, line: Line) -> VoiceResponse | Step:
        """A situation picked (the consent question), YES (a case, then a person), NO (a person), or back."""
        if choice.startswith(KIND):
            kind = choice[len(KIND) :]
            consent = line.speaker.piece("ui.voice_person_consent", call.lang, org=self._org())
            keys = {"1": f"{PERSON_KEY}{YES}{kind}", "2": f"{PERSON_KEY}{NO}"}
            return self._ask(call, line, [consent], [], keys)
        if choice.startswith(YES):
            return self.connect(call, line, self.open_case(call, line, choice[len(YES) :]))
        if choice == NO:
            return self.connect(call, line, [])
        response = VoiceResponse()  # back: the step the caller was at
        response.redirect(call.resume, method="POST")
        return response

    def dialed(self, call: CallInfo, status: str, line: Line) -> VoiceResponse:
        """After a talk with a hotline, goodbye; nobody answered (busy, no-answer, failed...): the numbers."""
        if status in TALKED:
            return line.renderer.hang_up([line.speaker.piece("ui.voice_goodbye", call.lang)])
        logger.info("voice: hotline not reached: %s", status or "no status")
        nobody = line.speaker.piece("ui.voice_no_answer", call.lang)
        return self.fallback.read(call, line, "ui.voice_hotlines", [nobody])

    # --- connecting -----------------------------------------------------------------------------------
    def connect(self, call: CallInfo, line: Line, before: list[Piece]) -> VoiceResponse:
        """<Dial> every hotline open now (several ring at once; the first to answer takes the call), else the
        numbers twice."""
        now = self.clock()
        numbers = [h.number for h in self.hotlines if h.open_at(now)][:MAX_NUMBERS]
        if not numbers:
            lead = "ui.voice_hotlines" if self.responders() or self.hotlines else "ui.voice_no_person"
            return self.fallback.read(call, line, lead, before)
        response = VoiceResponse()
        line.renderer.add(response, [*before, line.speaker.piece("ui.voice_connecting", call.lang)])
        # The hotline sees who calls (so it can call back); a withheld caller shows this line's own number.
        shown = call.caller if call.caller and E164.fullmatch(call.caller) else (call.called or None)
        dial = Dial(caller_id=shown, timeout=DIAL_TIMEOUT, action=call.dialed or None, method="POST")
        for number in numbers:
            dial.number(number)
        response.append(dial)
        logger.info("voice: dialling %d hotline(s)", len(numbers))
        return response

    # --- the case -------------------------------------------------------------------------------------
    def open_case(self, call: CallInfo, line: Line, kind: str) -> list[Piece]:
        """Open the case (the calling number as its reply address, sealed); what the caller is told."""
        desk, address = self.desk, self.address(call)
        if desk is None or address is None or kind not in dict(self.kinds(line, call.lang)):
            return []
        channel, _ = conversation(address, call.sid)
        now = self.clock()
        try:
            user = line.service.key(channel, address)
            case = desk.cases.start(user, kind, now)
            desk.cases.update(case.number, lambda c: setattr(c.private, "via", VIA), now)
            record = line.service.store.get(user, now) or {}
            session = Session.from_dict(record["s"]) if "s" in record else None
            desk.open_case(user, kind, channel, address, call.lang, Outcome((), session=session), now)
        except (StoreError, SealError) as exc:
            logger.warning("voice: case not opened: %s", type(exc).__name__)
            return []
        logger.info("voice: case opened by keypad case=%s kind=%s", case.number, kind)
        return self._told(line, call.lang, case, now)

    def _told(self, line: Line, lang: str, case: Case, now: float) -> list[Piece]:
        """'Your case number is 1 0 1. A volunteer will call or text you back ...' (and, outside the volunteers'
        hours, that an answer may take longer)."""
        assert self.desk is not None
        sp, settings, flow = line.speaker, self.desk.settings, self.desk.flow
        values = {"case": digits(str(case.number)), "minutes": str(settings.response_minutes), "org": self._org()}
        told = [_both(line, lang, lambda lang_: sp.t("ui.voice_case_opened", lang_, **values))]
        hours = settings.hours
        if hours is not None and not hours.open_at(now):
            slow = lambda lang_: sp.view.t(f"{flow}.msg.slow", lang_).replace("{hours}", hours.text)
            told.append(_both(line, lang, lambda lang_: sp.ear(slow(lang_), lang_, False)))
        return told

    # --- helpers --------------------------------------------------------------------------------------
    def kinds(self, line: Line, lang: str) -> list[tuple[str, str]]:
        """(intake kind, its label id) from the person flow's first question, when volunteers can text back."""
        desk = self.desk
        if desk is None or not self.responders():
            return []
        flow = line.speaker.content.flows.get(desk.flow)
        start = flow.start_node if flow else None
        targets = [(o.target.rpartition(".")[2], o.label_id) for o in (start.options if start else ())]
        return [(target.partition("_")[0], label) for target, label in targets if "_" in target and label][:7]

    def responders(self) -> bool:
        """True when real volunteers answer cases (the web demo's fake ones never see a phone call)."""
        settings = self.desk.settings if self.desk is not None else None
        return settings is not None and (settings.telegram_chat is not None or bool(settings.sms))

    def address(self, call: CallInfo) -> str | None:
        """The number a volunteer may text back (through the bot): the caller's, unless withheld or opted out."""
        return call.caller if call.caller and conversation(call.caller, call.sid)[0] in ("sms", "whatsapp") else None

    def _org(self) -> str:
        """The organisation's name: the caller is told whose volunteers will text them."""
        return self.desk.settings.org if self.desk is not None else ""

    def _press(self, line: Line, lang: str, n: int, label_id: str) -> Piece:
        """'Press 1 for <label>' in the caller's language, and in English where no voice speaks it."""
        sp = line.speaker
        label = lambda lang_: sp.ear(sp.view.t(label_id, lang_), lang_, False)
        return _both(line, lang, lambda lang_: sp.t("ui.voice_press", lang_, key=str(n), label=label(lang_)))

    def _ask(self, call: CallInfo, line: Line, body: list[Piece], prompt: list[Piece], keys: dict[str, str]) -> Step:
        """A keypad question of this line: * repeats, 9 goes back to the caller's step, 0 starts again."""
        sp, lang = line.speaker, call.lang
        footer = [sp.piece("ui.voice_repeat", lang), sp.piece("ui.voice_back", lang)]
        all_keys = {"*": REPEAT, "0": PERSON, "9": f"{PERSON_KEY}{BACK}", **keys}
        return Step(lang, body, prompt + footer, all_keys, "keys", [], call.at)


def _both(line: Line, lang: str, text: Callable[[str], str]) -> Piece:
    """A piece that differs per call (no recording can say it): in `lang`, and in English where no voice does."""
    return Piece(text(lang), lang, None, None if line.speaker.speaks(lang) else text("en"))
