"""What a call hears: the engine's replies in ear form, as pieces of speech, and the keys that answer them.

The engine runs unchanged; the voice line gives it a VoiceView, so a node's `voice:` text and the ear versions
of ui messages ("ui.voice_<name>" for "ui.<name>") replace the eye texts wherever they are translated. What is
left for the eye (bullets, phone numbers, URLs) is fixed by ear.for_the_ear. A Step is one TwiML answer: the
body, the prompt (options and keys, replayed alone after a side trip), the key map and what 8 texts.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.channels.voice.ear import for_the_ear
from bot.channels.voice.recordings import Recordings
from bot.channels.voice.voices import Voice
from bot.content.model import MENU, Content, Node
from bot.content.targets import PLACEHOLDER
from bot.core.engine import Engine
from bot.core.session import Choice, Reply, Session
from bot.core.views import View
from bot.service.handler import Outcome, Service

EAR = "ui.voice_"  # "ui.voice_<name>" is how "ui.<name>" is said on the phone
MAX_OPTIONS = 7  # keys 1-7; 8 texts, 9 goes back, 0 is a person, * repeats, # is the main menu
MAX_LANGUAGES = 9  # keys 1-9 in the language menu
# A language's written name can name its script (简体中文, Simplified); a listener needs the language: 中文.
SPOKEN_NAMES = {"zh": "中文"}
PER_CALLER = ("state", "orgs")  # placeholders that differ per caller: a node with them cannot be recorded
# What a language without a Twilio voice plays from recordings, besides one recording per node.
RECORDED_UI = (
    "ui.welcome",
    "ui.disclaimer",
    "ui.voice_language",
    "ui.voice_not_available",
    "ui.voice_not_understood",
    "ui.voice_repeat",
    "ui.voice_back",
    "ui.voice_person",
    "ui.voice_text_me",
    "ui.voice_no_input",
    "ui.voice_no_person",
    "ui.voice_texted",
    "ui.voice_no_text",
    "ui.voice_goodbye",
    "ui.voice_text_off",
    "ui.voice_connecting",
    "ui.voice_no_answer",
    "ui.voice_hotlines",
)
# Key actions that do not go to the engine (everything else in a key map is text for the engine).
REPEAT, PERSON, TEXT_ME, LANGUAGES = "!repeat", "!person", "!sms", "!languages"
PICK = "lang:"  # "lang:es": the language menu's pick
PERSON_KEY = PERSON + ":"  # "!person:<choice>": a key at one of the person line's own questions (caseline.py)


class VoiceView(View):
    """The engine's view, speaking: ear texts wherever they exist in the caller's language."""

    def t(self, msg_id: str, lang: str) -> str:
        """The ear version of a ui message when it is translated, else the message itself."""
        if msg_id.startswith("ui.") and not msg_id.startswith(EAR):
            ear = EAR + msg_id[3:]
            if ear in self.content.texts.get(lang, {}):
                return super().t(ear, lang)
        return super().t(msg_id, lang)

    def node_text(self, node: Node, s: Session) -> str:
        """The node's `voice:` text when it has one in this language (a per-state text wins: it is the law)."""
        ear = node.voice_id
        if ear and (s.state or "") not in node.state_text_ids and ear in self.content.texts.get(s.lang, {}):
            return self.fill(self.t(ear, s.lang), s, node.flow)
        return super().node_text(node, s)


def voice_service(service: Service) -> Service:
    """The same service, store and secret, with an engine that speaks (a shallow copy: the content, router and
    language model are shared, not rebuilt)."""
    engine: Engine = copy.copy(service.engine)
    engine.view = VoiceView(engine.content, engine.view.places)
    clone = copy.copy(service)
    clone.engine = engine
    return clone


@dataclass(frozen=True)
class Piece:
    """One thing said: its text in `lang`; for a language without a voice, the recording to play (`audio`) or,
    without one, the English said instead (`english`)."""

    text: str
    lang: str
    audio: str | None = None
    english: str | None = None
    pause: int = 0  # seconds of silence after it


@dataclass
class Step:
    """One answer to the caller: what is said, the prompt that asks for a key, and what each key does."""

    lang: str
    body: list[Piece]
    prompt: list[Piece] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    mode: str = "node"  # node | state (digits until #) | menu (languages) | keys (keypad only) | unavailable | end
    sms: list[dict[str, Any]] = field(default_factory=list)  # what 8 sends: the current node, for the eye
    at: str = ""  # the node the conversation stands at

    def texts(self) -> tuple[Reply, ...]:
        """What 8 sends, as replies for a text channel to render."""
        return tuple(
            Reply(d["text"], tuple(Choice(**o) for o in d["options"]), d["lang"], d["rtl"], d["kind"]) for d in self.sms
        )

    def to_data(self) -> dict[str, Any]:
        """Plain data for the call record."""
        return asdict(self)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Step:
        """The inverse of to_data."""
        pieces = lambda items: [Piece(**p) for p in items]
        return cls(
            data["lang"],
            pieces(data["body"]),
            pieces(data["prompt"]),
            dict(data["keys"]),
            data["mode"],
            list(data["sms"]),
            data.get("at", ""),
        )


def voice_options(options: tuple[Choice, ...]) -> list[Choice]:
    """The options a caller hears, in order: not 'back' (9 does it) nor '0 Main menu' (# does it), at most 7."""
    kept = [c for c in options if c.target != "back" and c.key != "0"]
    return kept[:MAX_OPTIONS]


class Speaker:
    """Builds Steps from the engine's outcomes; holds no per-call state."""

    def __init__(self, content: Content, eye: View, voices: Mapping[str, Voice], recordings: Recordings) -> None:
        self.content, self.eye, self.voices, self.recordings = content, eye, voices, recordings
        self.view = VoiceView(content, eye.places)

    def t(self, msg_id: str, lang: str, **values: str) -> str:
        """A message in `lang` with {placeholders} filled."""
        text = self.view.t(msg_id, lang)
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text

    def piece(self, msg_id: str, lang: str, **values: str) -> Piece:
        """A ui message as a piece: the recording and the English stand in where no voice speaks `lang`."""
        english = None if self.speaks(lang) else self.t(msg_id, "en", **values)
        return Piece(self.t(msg_id, lang, **values), lang, msg_id, english)

    def speaks(self, lang: str) -> bool:
        """True when a Twilio voice reads `lang`."""
        voice = self.voices.get(lang)
        return bool(voice and voice.speaks)

    def ear(self, text: str, lang: str, can_text: bool) -> str:
        """Eye text for the ear; a URL becomes 'a web page we can text to you' (or just 'a web page')."""
        return for_the_ear(text, self.t("ui.voice_link" if can_text else "ui.voice_web_page", lang))

    # --- the language menu ------------------------------------------------------------------------------
    def language_menu(self, before: tuple[Piece, ...] = ()) -> Step:
        """'For English press 1, para espanol oprima 2, ...': each language in its own voice (or recording)."""
        body, keys = list(before), {"*": REPEAT, "0": PERSON}
        for n, (lang, voice) in enumerate(list(self.voices.items())[:MAX_LANGUAGES], start=1):
            own = SPOKEN_NAMES.get(lang, self.content.languages[lang].name)
            english = self.t("ui.voice_language", "en", language=voice.name, key=str(n))
            text = self.t("ui.voice_language", lang, language=own, key=str(n))
            body.append(Piece(text, lang, "ui.voice_language", None if voice.speaks else english))
            keys[str(n)] = PICK + lang
        return Step("en", body, [], keys, "menu")

    # --- a turn of the engine -----------------------------------------------------------------------------
    def step(self, outcome: Outcome, can_text: bool) -> Step:
        """What the caller hears after the engine's turn."""
        s = outcome.session
        if s is None:  # deleted: say so, then goodbye
            lang = outcome.where[2]
            body = [Piece(self.ear(r.text, r.lang, False), r.lang) for r in outcome.replies]
            return Step(lang, body + [self.piece("ui.voice_goodbye", lang)], mode="end")
        if s.pending == "language":
            return self.language_menu()
        if not self.speaks(s.lang):
            return self.recorded(outcome, s, can_text)
        body = [self._said(r, s, can_text) for r in outcome.replies]
        options = next((r.options for r in reversed(outcome.replies) if r.options), ())
        return self._asking(s, body, voice_options(options), can_text)

    def _said(self, reply: Reply, s: Session, can_text: bool) -> Piece:
        """One reply as a piece: the officer's English card in the English voice; a paged reply whole."""
        if reply.kind == "officer":
            return Piece(self.ear(reply.text, "en", can_text), "en")
        text, hint = reply.text, "\n" + self.view.t("ui.more_hint", s.lang)
        if s.pages and text.endswith(hint):  # the phone reads on: there is no MORE to press
            text = text[: -len(hint)] + "\n" + "\n".join(s.pages)
        return Piece(self.ear(text, s.lang, can_text), s.lang)

    def _asking(self, s: Session, body: list[Piece], options: list[Choice], can_text: bool) -> Step:
        """A step that waits for a key: options read as 'press 1 for ...', then the keys that work everywhere."""
        lang, keys = s.lang, {"*": REPEAT, "0": PERSON}
        prompt = []
        for n, choice in enumerate(options, start=1):
            label = self.ear(choice.label, lang, can_text)
            prompt.append(Piece(self.t("ui.voice_press", lang, key=str(n), label=label), lang))
            keys[str(n)] = choice.key
        prompt += self.footer(s, can_text, keys)
        mode = "state" if s.pending == "state" else "node"
        return Step(lang, body, prompt, keys, mode, self.sms_text(s), s.at)

    def footer(self, s: Session, can_text: bool, keys: dict[str, str]) -> list[Piece]:
        """Star repeats, 9 goes back (not at the main menu), 8 texts this, 0 is a person; # is the main menu."""
        lang, at_menu = s.lang, s.at.split(".")[0] == MENU
        pieces = [self.piece("ui.voice_repeat", lang)]
        if not at_menu:
            pieces.append(self.piece("ui.voice_back", lang))
            keys["9"], keys["#"] = "back", "menu"
        if can_text:
            pieces.append(self.piece("ui.voice_text_me", lang))
            keys["8"] = TEXT_ME
        return pieces + [self.piece("ui.voice_person", lang)]

    # --- languages without a voice ------------------------------------------------------------------------
    def recorded(self, outcome: Outcome, s: Session, can_text: bool) -> Step:
        """Recordings of this node (and of the prompts) when the organisation has them; else the notice."""
        node = self.content.node(s.at)
        if s.pending is not None or not self.recordings.has(s.lang, node.key):
            return self.unavailable(s, can_text)
        body = []
        if "new" in outcome.events:
            body += [self.piece("ui.welcome", s.lang), self.piece("ui.disclaimer", s.lang)]
        if "not_understood" in outcome.events:
            body.append(self.piece("ui.voice_not_understood", s.lang))
        body.append(Piece(self.script(node, s.lang, can_text) or "", s.lang, node.key))
        if node.officer_id:
            body.append(Piece(self.ear(self.content.texts["en"][node.officer_id], "en", can_text), "en"))
        keys: dict[str, str] = {"*": REPEAT, "0": PERSON}
        for n, choice in enumerate(voice_options(self.eye.choices(node, s.lang)), start=1):
            keys[str(n)] = choice.key  # read inside the node's recording
        return Step(s.lang, body, self.footer(s, can_text, keys), keys, "node", self.sms_text(s), s.at)

    def unavailable(self, s: Session, can_text: bool) -> Step:
        """'Spoken help in Urdu is not available yet': the recorded notice when there is one, always in English
        too; 8 texts the current step in the caller's language, 1 English, 2 another language, 0 a person."""
        lang, voice = s.lang, self.voices.get(s.lang)
        own, english_name = self.content.languages[lang].name, voice.name if voice else lang
        body = [
            Piece(self.t("ui.voice_not_available", lang, language=own), lang, "ui.voice_not_available"),
            Piece(self.t("ui.voice_not_available", "en", language=english_name), "en"),
        ]
        keys = {"*": REPEAT, "0": PERSON, "1": PICK + "en", "2": LANGUAGES, "8": TEXT_ME}
        return Step(lang, body, [], keys, "unavailable", self.sms_text(s), s.at)

    def script(self, node: Node, lang: str, can_text: bool = True) -> str | None:
        """What a recording of this node says in `lang` (text, then its options), or None when the text
        differs per caller (their state, the groups there) and cannot be recorded once for all."""
        s = Session(at=node.key, lang=lang)
        source = self.view.t(node.voice_id or node.text_id, lang)
        if any(m.group(1) in PER_CALLER for m in PLACEHOLDER.finditer(source)):
            return None
        lines = [self.ear(self.view.node_text(node, s), lang, can_text)]
        for n, choice in enumerate(voice_options(self.eye.choices(node, lang)), start=1):
            label = self.ear(choice.label, lang, can_text)
            lines.append(self.t("ui.voice_press", lang, key=str(n), label=label))
        return " ".join(lines)

    def recordings_needed(self, lang: str) -> list[tuple[str, str | None]]:
        """(recording id, what to read) for everything a caller in `lang` may hear from recordings; the text is
        None for a node that differs per caller (it is texted instead)."""
        own, keys = self.content.languages[lang].name, list(self.voices)
        key = str(keys.index(lang) + 1) if lang in keys[:MAX_LANGUAGES] else ""
        needed: list[tuple[str, str | None]] = [
            (msg_id, self.ear(self.t(msg_id, lang, language=own, key=key), lang, True)) for msg_id in RECORDED_UI
        ]
        for flow in self.content.flow_order():
            needed += [(node.key, self.script(node, lang)) for node in self.content.flows[flow].nodes.values()]
        return needed

    # --- what 8 sends -------------------------------------------------------------------------------------
    def sms_text(self, s: Session) -> list[dict[str, Any]]:
        """The current node as a text message shows it (URLs and all), with the officer's English card."""
        node = self.content.node(s.at)
        reply = Reply(self.eye.node_text(node, s), self.eye.choices(node, s.lang), s.lang, self.eye.rtl(s.lang))
        replies = [reply] + ([Reply(self.content.texts["en"][node.officer_id])] if node.officer_id else [])
        return [asdict(r) for r in replies]
