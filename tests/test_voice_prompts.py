"""What the phone line says, checked over every node and every language: within Twilio's <Say> limits, never a
URL or a raw phone number, every prompt waits a set time; text for the ear; the voices table."""
from __future__ import annotations

import re
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
from cryptography.fernet import Fernet

from bot.channels.voice.caseline import CaseLine
from bot.channels.voice.ear import SAY_MAX_BYTES, digits, for_the_ear, pieces
from bot.channels.voice.line import VoiceLine
from bot.channels.voice.person import CallInfo
from bot.channels.voice.speech import Step
from bot.channels.voice.voices import DEFAULTS, load_voices, twilio_values, unknown_values
from bot.channels.voice.webhook import voice_line
from bot.core.engine import Engine
from bot.core.session import Inbound, Session
from bot.handoff.cases import Case
from bot.service.handler import Outcome
from bot.service.runtime import ConfigError
from webhook import create_app

ACTION = "https://kyr.example.org/voice/gather"
# Twilio's limits for the text of one <Say> (error 13521): basic voices 4,096 characters, Amazon Polly 3,000,
# Google 5,000, and 4,500 characters URL-encoded. "Well under": the line keeps each one far below.
SAY_CHARS, POLLY_BYTES, URL_ENCODED = 4096, 3000, 4500
URL = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(?:gov|org|com|net)\b", re.IGNORECASE)
RAW_PHONE = re.compile(r"\d{3}[-.)]\s?\d{3}[-.]\d{4}")


@pytest.fixture(scope="module")
def line(tmp_path_factory: pytest.TempPathFactory, engine: Engine) -> VoiceLine:
    """The phone line of an app on the real content."""
    tmp = tmp_path_factory.mktemp("prompts")
    config = {"KYR_STORE": f"sqlite:///{tmp}/kyr.db", "KYR_SECRET": "s", "TWILIO_AUTH_TOKEN": "t",
              "KYR_VOICE_AUDIO": str(tmp / "audio")}
    return voice_line(create_app(config, engine=engine))


def states_for(engine: Engine, key: str) -> list[str | None]:
    """No state, each state the node has its own text for, and every state where the text lists its groups."""
    node = engine.content.node(key)
    texts = [engine.content.texts["en"][node.text_id]]
    every = any("{orgs}" in t or "{state}" in t for t in texts) and engine.states is not None
    return [None, *node.state_text_ids, *(engine.states.codes() if every and engine.states else [])]


def shown(line: VoiceLine, key: str, lang: str, state: str | None) -> Outcome:
    """The engine's turn that shows a node (BACK from the menu onto it), through the speaking service."""
    now = time.time()
    session = Session(at="menu.start", lang=lang, trail=[key], state=state, seen=now)
    result = line.service.engine.step(session, Inbound("back", now))
    return Outcome(result.replies, result.events, False, result.session)


def every_step(line: VoiceLine, engine: Engine):
    """Every step a caller can reach: each node in each language (and state), the language menu, the notices."""
    yield "language menu", line.speaker.language_menu()
    for lang in engine.content.languages:
        for flow in engine.content.flows.values():
            for node in flow.nodes.values():
                for state in states_for(engine, node.key):
                    yield f"{lang} {node.key} {state}", line.speaker.step(shown(line, node.key, lang, state), True)
        yield f"{lang} notice", line.speaker.unavailable(Session(lang=lang), True)


def check_twiml(where: str, xml: str) -> None:
    """Each <Say> within the limits, for the ear, and a set timeout on every <Gather>."""
    root = ElementTree.fromstring(xml)
    for gather in root.iter("Gather"):
        assert gather.get("timeout") in ("6", "8") and gather.get("actionOnEmptyResult") == "true", where
    for say in root.iter("Say"):
        text = say.text or ""
        assert text.strip(), f"{where}: an empty <Say>"
        assert len(text) < SAY_CHARS and len(text.encode()) <= min(POLLY_BYTES, SAY_MAX_BYTES), (where, len(text))
        assert len(quote(text)) <= URL_ENCODED, where
        assert not URL.search(text), f"{where}: reads a URL: {text}"
        assert not RAW_PHONE.search(text), f"{where}: reads a phone number as a number: {text}"
        assert "\n" not in text and not text.startswith("- "), f"{where}: reads a bullet: {text}"


def test_every_node_in_every_language_fits_twilios_limits(line: VoiceLine, engine: Engine) -> None:
    checked = 0
    for where, step in every_step(line, engine):
        check_twiml(where, str(line.renderer.answer(step, ACTION)))
        checked += 1
    nodes = sum(len(f.nodes) for f in engine.content.flows.values())
    assert checked > nodes * len(engine.content.languages)


def test_the_person_line_fits_too(line: VoiceLine, engine: Engine) -> None:
    for lang in engine.content.languages:
        info = CallInfo("CA1", None, "+15555550100", lang, "menu.start", "https://kyr.example.org/voice/resume")
        check_twiml(f"person {lang}", str(line.person.answer(info, line)))


def test_press_0_with_volunteers_and_hotlines_fits_in_every_language(tmp_path: Path, engine: Engine) -> None:
    config = {"KYR_STORE": f"sqlite:///{tmp_path}/kyr.db", "KYR_SECRET": "s", "TWILIO_AUTH_TOKEN": "t",
              "KYR_VOICE_AUDIO": str(tmp_path / "audio"), "KYR_QUEUE": "memory", "KYR_ORG_NAME": "Example Rights Org",
              "KYR_CASE_KEY": Fernet.generate_key().decode(), "KYR_RESPONDERS_SMS": "+15555550901",
              "TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_FROM": "+15555550100",
              "KYR_RESPONDER_HOURS": "Mon-Fri 09:00-18:00 America/New_York",
              "KYR_HOTLINE_DIAL": "+15555550177 Mon-Sun 00:00-24:00 America/New_York"}
    line = voice_line(create_app(config, engine=engine))
    person = line.person
    assert isinstance(person, CaseLine)
    sunday = datetime(2026, 12, 6, 12, 0, tzinfo=ZoneInfo("America/New_York")).timestamp()
    hotlines = person.hotlines
    for lang in engine.content.languages:
        info = CallInfo("CA1", "+15555550142", "+15555550100", lang, "menu.start", ACTION, ACTION)
        about = person.answer(info, line)
        assert isinstance(about, Step) and len(about.prompt) == 6, lang          # 4 situations, star, 9
        check_twiml(f"0 {lang}", str(line.renderer.answer(about, ACTION)))
        consent = person.key(info, "kind:airport", line)
        assert isinstance(consent, Step)
        check_twiml(f"consent {lang}", str(line.renderer.answer(consent, ACTION)))
        told = person._told(line, lang, Case(1234, "u"), sunday)                  # the case number and 'slow'
        assert len(told) == 2
        check_twiml(f"dial {lang}", str(person.connect(info, line, told)))
        for status in ("completed", "no-answer"):
            check_twiml(f"dialed {status} {lang}", str(person.dialed(info, status, line)))
        person.hotlines = ()                                                      # none to dial: the numbers
        check_twiml(f"numbers {lang}", str(person.connect(info, line, told)))
        person.hotlines = hotlines


def test_no_node_offers_more_keys_than_the_keypad_has(line: VoiceLine, engine: Engine) -> None:
    for lang in ("en", "es"):
        for flow in engine.content.flows.values():
            for node in flow.nodes.values():
                step = line.speaker.step(shown(line, node.key, lang, None), True)
                options = [k for k, v in step.keys.items() if k.isdigit() and not v.startswith("!")]
                assert set(options) <= set("1234567") | {"9"}, (node.key, step.keys)


def test_a_step_survives_the_call_record() -> None:
    step = Step("es", [], keys={"1": "2"}, mode="state", at="get_help.start")
    assert Step.from_data(step.to_data()) == step


# --- text for the ear -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("eye", "heard"), [
    ("- Ask who they are.\n- Do not open the door", "Ask who they are. Do not open the door"),
    ("Call United We Dream MigraWatch: 1-844-363-1423.", "Call United We Dream MigraWatch: 1, 8 4 4, 3 6 3, 1 4 2 3."),
    ("Call 911 now", "Call 9 1 1 now"),
    ("(555) 555-0142 or +1 555 555 0199", "5 5 5, 5 5 5, 0 1 4 2 or 1, 5 5 5, 5 5 5, 0 1 9 9"),
    ("Look them up on locator.ice.gov/odls.", "Look them up on a web page."),
    ("See https://www.justice.gov/eoir, updated", "See a web page, updated"),
    ("Form I-205, 287(g), 8 U.S.C. 1304(e)", "Form I-205, 287(g), 8 U.S.C. 1304(e)"),
    ("\u20661-844-363-1423\u2069 \u200fنص", "1, 8 4 4, 3 6 3, 1 4 2 3 نص"),
    ("Line one\nLine two.\nLine three", "Line one. Line two. Line three"),
    ("第一行。\n第二行", "第一行。 第二行"),
])
def test_eye_text_is_made_for_the_ear(eye: str, heard: str) -> None:
    assert for_the_ear(eye, "a web page") == heard


def test_digits_are_read_one_by_one_with_a_pause_between_groups() -> None:
    assert digits("1-844-363-1423") == "1, 8 4 4, 3 6 3, 1 4 2 3"


@pytest.mark.parametrize("text", ["Short.", "A sentence. " * 400, "x" * 5000, "中文句子。" * 600, "ا" * 3000])
def test_long_text_is_cut_into_says_within_the_limit(text: str) -> None:
    parts = pieces(text)
    assert all(0 < len(p.encode()) <= SAY_MAX_BYTES for p in parts)
    assert "".join(parts).replace(" ", "") == text.strip().replace(" ", "")


# --- the voices table -----------------------------------------------------------------------------------------
LANGS = ["en", "ar", "es", "fr", "ht", "pt", "ur", "vi", "zh"]


def test_default_voices_are_all_in_twilios_lists_and_none_speaks_urdu_or_haitian_creole() -> None:
    voices = load_voices("", LANGS)
    assert unknown_values(voices) == []
    assert list(voices) == ["en", "es", "fr", "pt", "zh", "ar", "vi", "ht", "ur"]      # the language menu's order
    assert [lang for lang, v in voices.items() if not v.speaks] == ["ht", "ur"]
    assert (voices["ur"].speech, voices["ht"].speech) == ("ur-PK", None)
    known = twilio_values()
    assert not [v for v in known["say-voice"] if v.startswith(("Polly.ur", "Google.ur-", "Google.ht-"))]
    assert not [v for v in known["say-language"] if v.startswith(("ur", "ht"))]
    assert not [v for v in known["gather-language"] if v.startswith("ht")] and "ur-PK" in known["gather-language"]


def test_an_operator_overrides_a_voice_inline_or_from_a_file(tmp_path: Path) -> None:
    inline = load_voices("{es: {voice: Polly.Mia-Neural, say: es-MX, speech: es-MX}}", LANGS)
    assert (inline["es"].voice, inline["es"].say, inline["es"].speech, inline["es"].name) == (
        "Polly.Mia-Neural", "es-MX", "es-MX", "Spanish")
    path = tmp_path / "voices.yaml"
    path.write_text("ur: {voice: Polly.Imaginary, say: ur-PK}\nxx: {name: A new language}\n")
    table = load_voices(str(path), [*LANGS, "xx"])
    assert table["ur"].speaks and list(table)[-1] == "xx" and not table["xx"].speaks   # a language with no entry
    assert unknown_values(table) == ["ur: voice Polly.Imaginary", "ur: say ur-PK"]


@pytest.mark.parametrize(("setting", "message"), [
    ("[es]", "KYR_VOICE_VOICES: expected a mapping of languages, e.g. {es: {voice: Polly.Lupe-Neural}}"),
    ("{es: Polly.Mia}", "KYR_VOICE_VOICES: 'es' must map fields (name, voice, say, speech) to values"),
    ("{es: {voyce: x}}", "KYR_VOICE_VOICES: 'es' has unknown field(s) voyce: use name, voice, say, speech"),
    ("{es: {voice: Polly.Mia-Neural, say: none}}",
     "KYR_VOICE_VOICES: 'es' has voice Polly.Mia-Neural but no 'say:' language: add the locale it speaks"),
    ("/no/such/voices.yaml", "KYR_VOICE_VOICES names /no/such/voices.yaml, which is not a file: give a YAML file's path"),
    ("{es: [", "KYR_VOICE_VOICES is not valid YAML"),
])
def test_a_broken_voices_setting_says_what_to_fix(setting: str, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_voices(setting, LANGS)
    assert str(raised.value).startswith(message)


def test_the_defaults_file_documents_every_field() -> None:
    text = DEFAULTS.read_text(encoding="utf-8")
    assert all(f"#   {name}:" in text for name in ("name", "voice", "say", "speech"))
