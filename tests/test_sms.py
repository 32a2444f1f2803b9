"""Tests for bot.sms: folding, encoding, Twilio-exact segment counts, splitting and paging."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.text.sms import (
    GSM7,
    UCS2,
    _graphemes,
    encoding,
    fold_accents,
    fold_typography,
    segments,
    sms_info,
    split_message,
    utf16_len,
)

# GSM 03.38 default alphabet (without ESC) and its extension table, written out from the standard.
GSM_BASIC = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
             "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENSION = "\f^{}\\[]~|€"
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # 👨‍👩‍👧: one grapheme, 8 UTF-16 code units



def reference_segments(text: str) -> int:
    """Twilio's calculator, bit for bit: 1120-bit segments, a 48-bit header added when a second is needed."""
    bits_per_unit = 7 if encoding(text) == GSM7 else 16
    sizes = [bits_per_unit * (len(g.encode("gsm03.38")) if bits_per_unit == 7 else utf16_len(g))
             for g in _graphemes(text)]
    segs: list[list[int]] = [[]]
    headers = [False]
    for size in sizes:
        if 1120 - sum(segs[-1]) - 48 * headers[-1] < size:
            segs.append([])
            headers.append(True)
            if not headers[-2]:
                headers[-2] = True
                moved: list[int] = []
                while 1120 - 48 - sum(segs[-2]) < 0:
                    moved.insert(0, segs[-2].pop())
                segs[-1].extend(moved)
        segs[-1].append(size)
    return len(segs)


# ---------------------------------------------------------------- encoding

def test_gsm_alphabet_is_exactly_the_standard_one() -> None:
    accepted = {chr(cp) for cp in range(0x10000)
                if not 0xD800 <= cp <= 0xDFFF and encoding(chr(cp)) == GSM7}
    assert accepted == set(GSM_BASIC + GSM_EXTENSION)


@pytest.mark.parametrize(("text", "expected"), [
    ("No abra la puerta.", GSM7),
    ("é ñ ü ¿ ¡ à è ò ù ì Ç Ä Ö Ü ß Å Æ Ø", GSM7),
    ("[{~}] | ^ \\ €", GSM7),
    ("á", UCS2), ("í", UCS2), ("ó", UCS2), ("ú", UCS2), ("ã", UCS2), ("õ", UCS2),
    ("â", UCS2), ("ê", UCS2), ("ô", UCS2), ("ç", UCS2),
    ("Don’t", UCS2),
    ("e\u0301", UCS2),  # decomposed é is two code points, and U+0301 is not GSM-7
    ("\x1b", UCS2),  # the codec accepts a bare ESC; Twilio does not
    ("`", UCS2),
    ("请不要开门。", UCS2),
    ("لا تفتح الباب", UCS2),
    ("دروازہ نہ کھولیں", UCS2),
    ("Đừng mở cửa", UCS2),
    ("😀", UCS2),
    ("", GSM7),
])
def test_encoding(text: str, expected: str) -> None:
    assert encoding(text) == expected


# ---------------------------------------------------------------- segments

@pytest.mark.parametrize(("text", "expected"), [
    ("", 1),
    ("a", 1),
    ("a" * 160, 1),
    ("a" * 161, 2),
    ("a" * 306, 2),
    ("a" * 307, 3),
    ("a" * 459, 3),
    ("a" * 460, 4),
    ("a" * 1600, 11),
    # extension characters cost two septets
    ("a" * 158 + "€", 1),
    ("a" * 159 + "€", 2),
    ("[" * 80, 1),
    ("[" * 81, 2),
    # an escape pair is never split: part 1 ends with a 1-septet hole
    ("a" * 152 + "[" + "a" * 152, 3),
    ("a" * 152 + "[" + "a" * 151, 2),
    ("a" * 151 + "[" + "a" * 153, 2),
    # UCS-2
    ("á" * 70, 1),
    ("á" * 71, 2),
    ("á" * 134, 2),
    ("á" * 135, 3),
    ("á" * 68 + "😀", 1),
    ("á" * 69 + "😀", 2),
    # an emoji at position 67 of a part moves whole to the next part
    ("á" * 66 + "😀" + "á" * 66, 3),
    ("á" * 65 + "😀" + "á" * 67, 2),
    # a ZWJ emoji sequence is one grapheme and moves whole too
    ("á" * 63 + FAMILY + "á" * 63, 3),
    ("á" * 59 + FAMILY + "á" * 67, 2),
    ("请" * 70, 1),
    ("请" * 71, 2),
    ("ب" * 134, 2),
])
def test_segments(text: str, expected: int) -> None:
    assert segments(text) == expected
    assert segments(text) == reference_segments(text)


def test_one_curly_quote_turns_a_whole_message_into_ucs2() -> None:
    text = "Don’t open the door. " + "a" * 100
    assert sms_info(text) == (UCS2, 2)
    assert sms_info(fold_typography(text)) == (GSM7, 1)


def test_accents_that_gsm_has_stay_cheap_and_a_single_a_acute_does_not() -> None:
    assert sms_info("Señor, ¿qué pasa? " + "a" * 140) == (GSM7, 1)
    assert sms_info("Señor, ¿qué pasa? Está " + "a" * 140) == (UCS2, 3)
    assert sms_info(fold_accents("Señor, ¿qué pasa? Está " + "a" * 140)) == (GSM7, 2)


# ---------------------------------------------------------------- folding

@pytest.mark.parametrize(("text", "expected"), [
    ("‘single’ “double” ‚low‚ „low“ «guillemets» ‹one›", "'single' \"double\" 'low' \"low\" \"guillemets\" <one>"),
    ("a–b—c‒d―e‐f−g", "a-b-c-d-e-f-g"),
    ("Wait…", "Wait..."),
    ("a\u00a0b\u2009c\u202fd\u2007e\tf", "a b c d e f"),
    ("• one\n‣ two", "- one\n- two"),
    ("zero\u200bwidth\u2060joined\ufeff", "zerowidthjoined"),
    ("½ ¼ ¾ 6÷3", "1/2 1/4 3/4 6/3"),
    ("line\u2028next\u2029para", "line\nnext\npara"),
    ("‼", "!!"),
])
def test_fold_typography(text: str, expected: str) -> None:
    assert fold_typography(text) == expected


@pytest.mark.parametrize("text", [
    "áéíóúãõâêôçÁÇÑ", "n\u0303", "ＡＢＣ", "你好，世界。请回复？", "دروازہ نہ کھولیں۔", "مرحبا، كيف حالك؟",
    "Đừng mở cửa", FAMILY, "🇺🇸", "نمی\u200cخواهم",
])
def test_fold_typography_never_touches_letters_or_cjk_punctuation(text: str) -> None:
    assert fold_typography(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Não abra a porta. Peça que passem a ordem por baixo.", "Nao abra a porta. Peca que passem a ordem por baixo."),
    ("Você tem direito de ficar calado.", "Voce tem direito de ficar calado."),
    ("ÁÍÓÚ ÃÕ ÂÊÔ Ç ç", "AIOU AO AEO Ç c"),
    ("é ñ ü ¿ ¡ à è ò ù ì Ç Ä Ö Ü ß Å Æ Ø æ ø å", "é ñ ü ¿ ¡ à è ò ù ì Ç Ä Ö Ü ß Å Æ Ø æ ø å"),
    ("Usted tiene derecho a guardar silencio. ¿Qué hago?", "Usted tiene derecho a guardar silencio. ¿Qué hago?"),
    ("Vous avez le droit de garder le silence. Ne signez rien, même à l'hôpital.",
     "Vous avez le droit de garder le silence. Ne signez rien, meme à l'hopital."),
    ("Noël, œuvre, Œil, naïve, 1º, 2ª", "Noel, oeuvre, OEil, naive, 1o, 2a"),
    ("Pa ouvri pòt la. Ou gen dwa pou w rete an silans.", "Pa ouvri pòt la. Ou gen dwa pou w rete an silans."),
    ("e\u0301 a\u0301 n\u0303", "é a ñ"),
    ("ΔΦΓ αβγ", "ΔΦΓ αβγ"),
])
def test_fold_accents(text: str, expected: str) -> None:
    assert fold_accents(text) == expected


@pytest.mark.parametrize("text", [
    "لا تفتح الباب. اطلب منهم تمرير الأمر من تحت الباب.",
    "ا\u0654 أُ إِ",  # decomposed and composed hamza, harakat: byte for byte untouched
    "دروازہ نہ کھولیں۔",
    "不要开门。请他们把搜查令从门下递进来。",
    "Không mở cửa. Bạn có quyền giữ im lặng.",
    "Đi",
    "Don’t — “quotes” stay for fold_typography",
    FAMILY + " 🇺🇸",
])
def test_fold_accents_leaves_other_scripts_vietnamese_and_punctuation_alone(text: str) -> None:
    assert fold_accents(text) == text


# ---------------------------------------------------------------- split_message

@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("", 10, []),
    ("   \n\n  ", 10, []),
    ("Short.", 10, ["Short."]),
    ("First para.\n\nSecond para.", 20, ["First para.", "Second para."]),
    ("First para.\n\nSecond para.", 40, ["First para.\n\nSecond para."]),
    ("1. Yes\n2. No\n3. Menu", 13, ["1. Yes\n2. No", "3. Menu"]),
    ("One two. Three four? Five six!", 21, ["One two. Three four?", "Five six!"]),
    ("Costs 3.5 dollars e.g. today", 12, ["Costs 3.5", "dollars e.g.", "today"]),
    ("one two three four", 9, ["one two", "three", "four"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ("不要开门。请他们把搜查令从门下递进来。保持沉默。", 12, ["不要开门。", "请他们把搜查令从门下递进", "来。保持沉默。"]),
    ("لا تفتح الباب؟ اطلب الأمر. ابق صامتا۔ شكرا", 16, ["لا تفتح الباب؟", "اطلب الأمر.", "ابق صامتا۔ شكرا"]),
    ("ab" + FAMILY + "cd", 9, ["ab", FAMILY + "c", "d"]),
])
def test_split_message(text: str, limit: int, expected: list[str]) -> None:
    assert split_message(text, limit) == expected


def test_split_message_counts_utf16_units_so_emoji_count_twice() -> None:
    assert split_message("😀😀😀", 4) == ["😀😀", "😀"]


def test_split_message_refuses_a_limit_too_small_for_one_character() -> None:
    with pytest.raises(ValueError) as info:
        split_message("a😀", 1)
    assert str(info.value) == ("split_message: the character '😀' alone exceeds the limit of 1; "
                               "use a limit of at least 2 (an emoji is 2 UTF-16 code units)")


def test_split_message_by_segments() -> None:
    text = " ".join(["Usted tiene derecho a guardar silencio."] * 12)
    parts = split_message(text, 2, segments)
    # 7 sentences of 39 + 6 spaces = 279 septets fit in 2 segments (306); 8 would be 319
    assert [(len(part), segments(part)) for part in parts] == [(279, 2), (199, 2)]
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")


def test_split_message_fill_starts_a_line_that_does_not_fit_on_the_part_before() -> None:
    """Without fill a line that does not fit starts the next part; with fill its first whole sentences use up
    the room left (an SMS page pays for its segments either way); a sentence is never cut to fill."""
    text = "Do not open the door.\nAsk for a warrant. Ask them to slide it under the door. Stay silent."
    assert split_message(text, 60) == ["Do not open the door.", "Ask for a warrant. Ask them to slide it under the door.",
                                       "Stay silent."]
    assert split_message(text, 60, fill=True) == ["Do not open the door.\nAsk for a warrant.",
                                                  "Ask them to slide it under the door. Stay silent."]
    assert split_message("Short.\nOne long sentence that cannot share a part.", 30, fill=True) == [
        "Short.", "One long sentence that cannot", "share a part."]


# ---------------------------------------------------------------- properties

_CHARS = st.sampled_from(list("ab .?!\n€[á😀请。؟ب ") + [FAMILY, "\u00a0", "e\u0301", "\t"])
_SHORT = st.lists(_CHARS | st.characters(exclude_categories=("Cs",)), max_size=400).map("".join)
# Repeated chunks reach the 2-, 3- and 10-segment boundaries that short random texts rarely do.
_TEXT = _SHORT | st.tuples(_SHORT, st.integers(1, 200)).map(lambda pair: (pair[0] * pair[1])[:2000])


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=300)
@given(text=_TEXT, limit=st.integers(min_value=2, max_value=200))
def test_split_message_properties(text: str, limit: int) -> None:
    parts = split_message(text, limit)
    assert all(part and part == part.strip() for part in parts)
    assert all(utf16_len(part) <= limit and len(part) <= limit for part in parts)
    assert _squash("".join(parts)) == _squash(text)


@settings(max_examples=300)
@given(text=_TEXT, limit=st.integers(min_value=2, max_value=200))
def test_split_message_fill_properties(text: str, limit: int) -> None:
    parts = split_message(text, limit, fill=True)
    assert all(part and part == part.strip() and utf16_len(part) <= limit for part in parts)
    assert _squash("".join(parts)) == _squash(text)
    assert len(parts) <= len(split_message(text, limit))


@settings(max_examples=500)
@given(text=_TEXT, more=_TEXT)
def test_segments_properties(text: str, more: str) -> None:
    count = segments(text)
    assert count >= 1
    assert count == reference_segments(text)
    assert segments(text + more) >= count


def test_typography_is_folded_only_when_that_makes_the_sms_gsm7() -> None:
    """Curly quotes cost double in a Latin SMS, so they are folded; a Chinese SMS is UCS-2 anyway: kept."""
    from bot.core.session import Reply
    from bot.text.render import sms_text

    assert sms_text(Reply("Say “no” – politely.", (), "en", False)) == 'Say "no" - politely.'
    assert sms_text(Reply("请说“不”。", (), "zh", False)) == "请说“不”。"


def test_the_fast_tables_agree_with_the_gsm0338_codec_on_every_bmp_character() -> None:
    """The per-character lookup that replaced encoding through the codec decides exactly as the codec does."""
    from bot.text import sms

    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        char = chr(cp)
        try:
            septets = len(char.encode("gsm03.38")) if char != "\x1b" else 0
        except UnicodeEncodeError:
            septets = 0
        assert (char in sms._GSM_ALL, char in sms._GSM_EXTENSION) == (septets > 0, septets == 2), hex(cp)
