"""A new user's language: the channel's hint, a global word, the script, the words of a short message, romanised
Urdu, Arabic or Chinese (answered in their script, with English offered in one line), an exact phrase, the
detector."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from bot.core.kit import Guess, Kit, Turn
from bot.core.output import reply, show_picker
from bot.nlu.hanzi import han_script

SURE_DETECTOR = 0.9  # a detector guess this sure beats the lexicons' guess for a short message
SUPPORTED_SCRIPTS = ("LATIN", "CJK", "ARABIC")
# Languages people often type in Latin letters (romanised Urdu, Arabizi, pinyin, romanised Cantonese): the bot
# answers in their own script and offers English in one line.
ROMANISED = ("ur", "ar", "zh", "zh-Hant")
OFFER_ID = "ui.script_offer"
TRADITIONAL_HINTS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")  # channel hints for Traditional Chinese readers


def _scripts(text: str) -> set[str]:
    """The scripts of the letters in a text, by the first word of their Unicode names."""
    out = set()
    for c in text:
        if c.isalpha():
            name = unicodedata.name(c, "")
            out.add("CJK" if name.startswith("CJK") else name.split(" ")[0])
    return out


def detect_language(kit: Kit, turn: Turn, text: str) -> None:
    """Pick a new user's language: the channel's hint, a global word, the script, the words of a short message,
    romanised Urdu, Arabic or Chinese, an exact phrase, the detector; an unsupported script gets the picker."""
    s, supported = turn.s, kit.content.languages
    hint = _hinted(turn.msg.lang_hint or "", supported)
    word_lang = kit.words.language(text)  # 'empezar', 'شروع': a global word says its language
    if hint or word_lang in supported:
        s.lang = chinese_script(hint or word_lang or "en", text, supported)
        return
    scripts = _scripts(text)
    if scripts and not scripts & set(SUPPORTED_SCRIPTS):
        turn.events.append("picker")
        show_picker(kit, turn)
        return
    guess = kit.detector.detect(text) if kit.detector else None
    found = guess.lang if guess and guess.lang in supported else None
    short = kit.router.short_language(text) if scripts == {"LATIN"} else None  # other scripts: the script decides
    sure, _ = kit.route_turn(turn)  # text is turn.text: the flow step reuses this verdict
    if found and getattr(guess, "method", "") == "romanised":
        s.lang = found  # 'police ne mujhe roka', 'wo bei jingcha lanzhu le': answered in its script, English offered
        turn.events.append("romanised")
    elif short in supported and not (found and found != short and guess and _listed_or_sure(guess)):
        s.lang = short or "en"
        if s.lang in ROMANISED:
            turn.events.append("romanised")
    elif sure and sure.lang in supported and sure.score >= 95:
        s.lang = chinese_script(sure.lang, text, supported)
    elif sure and sure.lang in supported and _unsure(guess):
        # The words that opened a flow are the phrases' of one language; the detector has no clear view
        # ('a e bi ICE bat, h e ko bt a o dau': texting Vietnamese it cannot place).
        s.lang = chinese_script(sure.lang, text, supported)
    elif found:
        s.lang = found


def _listed_or_sure(guess: Guess) -> bool:
    """The detector is sure, or found the language's own words ('quero ser voluntario': quero is Portuguese,
    though 'voluntario' is in the Spanish lexicon too)."""
    return guess.confidence >= SURE_DETECTOR or getattr(guess, "method", "") == "wordlist"


def _unsure(guess: Guess | None) -> bool:
    """The detector abstained, or only its statistical model guessed, and not surely."""
    method = getattr(guess, "method", "")
    return guess is None or guess.lang is None or method == "model" and guess.confidence < SURE_DETECTOR


def _hinted(hint: str, supported: Mapping[str, object]) -> str | None:
    """A channel's language hint ('es', 'pt-BR', 'zh-TW') as one of our languages, or None."""
    code = hint.lower()
    if code in TRADITIONAL_HINTS and "zh-Hant" in supported:
        return "zh-Hant"
    code = code.split("-")[0]
    return code if code in supported else None


def chinese_script(lang: str, text: str, supported: Mapping[str, object]) -> str:
    """zh or zh-Hant by the characters of the text itself (a shared word like 你好 says neither)."""
    if lang not in ("zh", "zh-Hant") or han_script(text) is None:
        return lang
    return "zh-Hant" if han_script(text) == "Hant" and "zh-Hant" in supported else "zh"


def offer_english(kit: Kit, turn: Turn) -> None:
    """After a first message in romanised Urdu, Arabic or Chinese, answered in its script: one line, in the
    language and in English, offering English ('EN' answers it)."""
    s = turn.s
    if s.lang not in ROMANISED:
        return
    english = kit.view.t(OFFER_ID, "en")
    own = kit.content.texts.get(s.lang, {}).get(OFFER_ID)
    reply(kit, turn, f"{own} / {english}" if own else english)
    if s.pending is None:
        s.pending, s.choices = "english_offer", ["en"]
