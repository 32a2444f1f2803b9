"""Romanised text (bot.nlu.romanised): Roman Urdu with texting shorthand, pinyin, romanised Cantonese, and what
must stay its own language (English with one Urdu word, Haitian, Vietnamese texting, the Romance languages)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.language import OFFER_ID, ROMANISED
from bot.core.session import Inbound
from bot.nlu.langid import SUPPORTED
from bot.nlu.romanised import romanised_guess

ROMAN_URDU = [
    "911 krna safe h?",
    "ICE hold lag gaya",
    "police ne rok lia",
    "cop ne pull over kia h, meri jeb ki talashi le skta h kia??",
    "mere bhai ko ICE le gayi, kya karun",
    "wo log darwaze pe khade hain",
    "mujhe lawyer chahiye",
    "meri wife airport pe phans gayi h",
    "papers nahi hain, police bula skta hu?",
    "ICE ne pakad lia",
    "mera bhai jail me h aur ICE ka hold laga h",
    "kia main volunteer kr skta hu",
    # Code-switched: a clearly Urdu clause, then English.
    "bond kitna hota h? my brother is in detention in Texas, we want to get him out",
]
PINYIN = [
    "wo laogong bei yiminju zhua le, zenme ban",
    "you mianfei de lushi ma",
    "jingcha lanzhu wo, wo yao huida ma",
    "wo bu hui shuo yingwen, qing bangzhu wo",
    "yiminju zai wo jia menkou qiaomen, wo yao kaimen ma",
    "ta men yao kan wo de shou ji",  # syllables spaced
    "wo mei you shen fen, keyi bao jing ma",
]
CANTONESE = [
    "ngo lo gung bei yi man guk jook jo",
    "chai lo hai ngo uk kei mun hau, ngo sai m sai hoi mun",
    "nei ho, ngo seung man ngo yau mat kuen lei",
    "keoi hai gei cheung bei kau jo",
    "ngo5 m ji dim syun",  # a Jyutping tone digit
]
NOT_ROMANISED = [
    # English, with an Urdu greeting or word, or pinyin-shaped words ('you', 'men', 'ban', 'he').
    "thanks bhai",
    "ok bhai thanks a lot",
    "Assalam alaikum bhai, my husband was arrested by ICE yesterday, what should I do",
    "my main concern is the ICE hold on my brother",
    "the men at the door have a warrant, do i open",
    "you can ban me but he is in the van with a gun",
    "I ran to the hotel, she was in the car with my son, the man said no",
    # Vietnamese texting without accents ('h' now, 'ko' not, 'hai' two, 'thi', 'tha' released).
    "a e bi ICE bat, h e ko bt a o dau",
    "ko biet lam gi, anh toi bi bat roi",
    "hai nguoi thi sao",
    "bao lau thi duoc tha",
    "toi co hen voi luat su ngay mai",
    "mai ban di dau",
    "xin chao ban, toi can giup do",
    "cảm ơn nhiều",
    # Haitian Creole ('ki', 'ka', 'se', 'ap', 'pe', 'm', 'di', 'men').
    "m pa konn ki sa pou m fe, yo pran li nan kay la",
    "ki sa m ka fe si lapolis kanpe m",
    "mwen pe ICE ap vin lakay mwen",
    "li di m pa gen anyen pou m di",
    "men papye a, yo di m se pou m siyen l",
    # Spanish, French, Portuguese ('me', 'se', 'le', 'ne', 'de', 'ya', 'ni', 'nao', 'sao', 'dou').
    "me pararon en la calle y me pidieron papeles",
    "ya me dijo que no hay nada que hacer, ni modo",
    "le policier m'a arrêté, je ne sais pas quoi faire",
    "j'ai le droit de garder le silence ?",
    "nao sei o que fazer, meu marido ta preso",
    "sao 3 homens na porta, nao abri",
    "o juiz me deu uma data, dou meu endereco?",
]


@pytest.mark.parametrize("text", ROMAN_URDU)
def test_roman_urdu_with_texting_shorthand_is_urdu(text: str) -> None:
    assert romanised_guess(text, SUPPORTED) == ("ur", pytest.approx(0.85))


@pytest.mark.parametrize("text", PINYIN)
def test_pinyin_is_simplified_chinese(text: str) -> None:
    assert romanised_guess(text, SUPPORTED) == ("zh", pytest.approx(0.85))


@pytest.mark.parametrize("text", CANTONESE)
def test_romanised_cantonese_is_traditional_chinese(text: str) -> None:
    assert romanised_guess(text, SUPPORTED) == ("zh-Hant", pytest.approx(0.85))


@pytest.mark.parametrize("text", NOT_ROMANISED)
def test_other_languages_and_one_borrowed_word_are_not_romanised(text: str) -> None:
    assert romanised_guess(text, SUPPORTED) is None


@pytest.mark.parametrize("text", ["ni hao", "xiexie", "wo shi", "lo gung"])
def test_a_word_or_two_of_pinyin_is_too_little_to_say(text: str) -> None:
    assert romanised_guess(text, SUPPORTED) is None


def test_a_language_the_bot_does_not_serve_is_not_guessed() -> None:
    assert romanised_guess(PINYIN[0], ("en", "es")) is None
    assert romanised_guess(CANTONESE[0], ("en", "zh-Hant")) == ("zh-Hant", pytest.approx(0.85))


def test_chinese_is_among_the_romanised_languages() -> None:
    assert {"ur", "ar", "zh", "zh-Hant"} <= set(ROMANISED)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("police ne rok lia", "ur"),
        ("wo baba zai jichang bei haiguan kou le hen jiu, zenme ban", "zh"),
        ("ngo bei lo gung da, seung bo ging, dan ngo mo sun fun", "zh-Hant"),
    ],
)
def test_a_romanised_first_message_is_answered_in_its_script_with_english_offered(
    engine: Engine, text: str, lang: str
) -> None:
    result = engine.step(None, Inbound(text, 1000.0))
    assert result.session.lang == lang
    assert "romanised" in result.events
    own, english = engine.view.t(OFFER_ID, lang), engine.view.t(OFFER_ID, "en")
    assert own != english
    assert any(r.text == f"{own} / {english}" for r in result.replies)
    switched = engine.step(result.session, Inbound("EN", 1010.0))
    assert switched.session.lang == "en"


def test_chinese_characters_get_no_english_offer(engine: Engine) -> None:
    result = engine.step(None, Inbound("移民局在我家门口", 1000.0))
    assert result.session.lang == "zh"
    assert "romanised" not in result.events


def test_pinyin_forms_are_in_the_chinese_lexicon_and_no_other_languages_words() -> None:
    from bot.nlu.lexicon import LEXICONS, pinyin

    others = {
        form
        for lang, forms in LEXICONS.items()
        if lang != "zh"
        for value in forms.values()
        for form in value.split("|")
    }
    for concept, value in pinyin.FORMS.items():
        for form in value.split("|"):
            assert form in LEXICONS["zh"][concept].split("|")
            assert form not in others, form
