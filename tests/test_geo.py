"""bot.geo: finding a US state in what people type, ZIP prefixes, names by language, the help directory."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.content.geo import GeoDataError, State, StateIndex, load_directory, normalise
from bot.content.places import Places

FLOWS = Path(__file__).resolve().parent.parent / "flows"
LANGS = ("en", "es", "zh", "ar", "ur", "ht", "pt", "vi", "fr")


@pytest.fixture(scope="module")
def index() -> StateIndex:
    return StateIndex.load(FLOWS)


FOUND = [
    # codes: alone (any case unless the code is also a word), or in capitals inside a sentence
    ("MA", "MA"), ("ma", "MA"), ("Ma", "MA"), ("tx", "TX"), (" NY ", "NY"), ("MA.", "MA"), ("PA", "PA"),
    ("IN", "IN"), ("ME", "ME"), ("CO", "CO"), ("I live in MA", "MA"), ("we are in TX now", "TX"),
    ("I LIVE IN TX", "TX"), ("I live in OR", "OR"), ("Boston, MA", "MA"),
    # English names, nicknames, longest name wins
    ("i live in texas", "TX"), ("Massachusetts", "MA"), ("NEW YORK", "NY"), ("new york city", "NY"),
    ("I'm in NYC", "NY"), ("i live in ny", "NY"), ("newyork", "NY"), ("cali", "CA"), ("Cali", "CA"),
    ("mass", "MA"), ("jersey", "NJ"), ("i live in jersey", "NJ"), ("DC", "DC"), ("dc", "DC"),
    ("washington dc", "DC"), ("Washington, D.C.", "DC"), ("I live in D.C.", "DC"), ("washington", "WA"),
    ("washington state", "WA"), ("West Virginia", "WV"), ("virginia", "VA"), ("North Carolina", "NC"),
    ("south dakota", "SD"), ("Hawaiʻi", "HI"), ("Maine", "ME"), ("I live in Maine", "ME"), ("Kansas", "KS"),
    ("Arkansas", "AR"), ("Puerto Rico", "PR"), ("Calif.", "CA"), ("socal", "CA"),
    # misspellings (names of 5+ letters)
    ("massachusets", "MA"), ("massachussetts", "MA"), ("Masachusetts", "MA"), ("calfornia", "CA"),
    ("californa", "CA"), ("pensilvannia", "PA"), ("pennsylvannia", "PA"), ("floridaa", "FL"), ("Flordia", "FL"),
    ("texass", "TX"), ("Tennesee", "TN"), ("missisippi", "MS"), ("conneticut", "CT"), ("illinoise", "IL"),
    ("virgina", "VA"), ("west virgina", "WV"), ("New Yrok", "NY"), ("new yorl", "NY"), ("nueva yrok", "NY"),
    ("carolina del nort", "NC"), ("north carolia", "NC"), ("georiga", "GA"), ("arizonna", "AZ"),
    ("new jersy", "NJ"), ("i live in new jersy", "NJ"), ("michigann", "MI"), ("minesota", "MN"),
    ("washinton", "WA"), ("colorad", "CO"), ("oregonn", "OR"),
    # Spanish, Portuguese, French, Haitian Creole, Vietnamese
    ("Nueva York", "NY"), ("vivo en nueva york", "NY"), ("Carolina del Norte", "NC"), ("carolina del sur", "SC"),
    ("Nuevo México", "NM"), ("nuevo mexico", "NM"), ("Pensilvania", "PA"), ("Tejas", "TX"), ("Luisiana", "LA"),
    ("Míchigan", "MI"), ("Hawái", "HI"), ("Virginia Occidental", "WV"), ("estoy en Florida", "FL"),
    ("Nova York", "NY"), ("nova iorque", "NY"), ("Califórnia", "CA"), ("Carolina do Norte", "NC"),
    ("moro em Massachusetts", "MA"), ("Havaí", "HI"), ("Califonia", "CA"),
    ("Californie", "CA"), ("Caroline du Nord", "NC"), ("j'habite en Floride", "FL"), ("Géorgie", "GA"),
    ("Virginie-Occidentale", "WV"), ("Nouveau-Mexique", "NM"), ("Louisiane", "LA"), ("Pennsylvanie", "PA"),
    ("Nouyòk", "NY"), ("mwen rete Nouyòk", "NY"), ("Florid", "FL"), ("Masachousèt", "MA"), ("Kalifòni", "CA"),
    ("Nữu Ước", "NY"), ("Hoa Thịnh Đốn", "DC"), ("tôi sống ở Cali", "CA"), ("Bắc Carolina", "NC"),
    ("Tây Virginia", "WV"),
    # Chinese (anywhere in the text; the longest name wins)
    ("加州", "CA"), ("我住在加州", "CA"), ("加利福尼亚", "CA"), ("纽约州", "NY"), ("纽约", "NY"), ("我在纽约。", "NY"),
    ("麻省", "MA"), ("德州", "TX"), ("华盛顿州", "WA"), ("华盛顿特区", "DC"), ("我住在西弗吉尼亚州", "WV"),
    ("弗吉尼亚", "VA"), ("北卡", "NC"), ("南卡罗来纳州", "SC"), ("宾州", "PA"), ("佛罗里达", "FL"),
    # Arabic (letter forms, diacritics and a leading و/ب/ل do not matter)
    ("نيويورك", "NY"), ("نيو يورك", "NY"), ("أعيش في كاليفورنيا", "CA"), ("اعيش في كاليفورنيا", "CA"),
    ("بكاليفورنيا", "CA"), ("وتكساس", "TX"), ("كارولاينا الشمالية", "NC"), ("كارولاينا الشماليه", "NC"),
    ("فرجينيا الغربية", "WV"), ("فرجينيا", "VA"), ("إلينوي", "IL"), ("إلينوى", "IL"), ("الينوي", "IL"),
    ("واشنطن العاصمة", "DC"), ("ولاية واشنطن", "WA"), ("ولاية مين", "ME"), ("نُيُويُورْك", "NY"),
    # Urdu
    ("نیویارک", "NY"), ("میں نیویارک میں رہتا ہوں", "NY"), ("کیلیفورنیا", "CA"), ("ٹیکساس", "TX"),
    ("شمالی کیرولائنا", "NC"), ("مشی گن", "MI"), ("ہوائی", "HI"), ("ریاست مین", "ME"),
    # ZIP codes (ZIP+4, in a sentence, in other digit forms)
    ("02139", "MA"), ("10001", "NY"), ("90210", "CA"), ("60601", "IL"), ("80202", "CO"), ("33101", "FL"),
    ("77001", "TX"), ("20001", "DC"), ("96813", "HI"), ("99501", "AK"), ("00501", "NY"), ("05501", "MA"),
    ("05401", "VT"), ("06320", "CT"), ("20101", "VA"), ("20601", "MD"), ("56901", "DC"), ("73301", "TX"),
    ("88510", "TX"), ("00901", "PR"), ("98101", "WA"), ("02139-4307", "MA"), ("my zip is 10001", "NY"),
    ("zip: 94110.", "CA"), ("٠٢١٣٩", "MA"), ("۱۰۰۰۱", "NY"), ("１０００１", "NY"),
    # a name wins over a ZIP or a code in the same message
    ("I live in Texas, zip 10001", "TX"),
]


@pytest.mark.parametrize(("text", "code"), FOUND)
def test_find(index: StateIndex, text: str, code: str) -> None:
    found = index.find(text)
    assert found is not None and found.code == code


NOT_FOUND = [
    # everyday words that are also codes: "pa" is Haitian "not" (and Spanish "para"), so only "PA" is Pennsylvania
    "in", "me", "ok", "OK", "Ok", "hi", "HI", "or", "oh", "OH", "pa", "la", "de", "al", "va", "co", "wi", "mo",
    "id", "ID", "I have my ID", "OK thanks", "OK I understand", "I AM IN", "ME TOO",
    # greetings, answers and questions in our languages
    "", "   ", "hello", "help", "yes", "no", "thanks", "menu", "stop", "I don't know", "hola", "gracias", "sí",
    "no sé", "mwen pa konnen", "pa gen pwoblèm", "wi", "non", "oui", "sim", "não sei", "có", "không biết",
    "你好", "不知道", "帮助", "نعم", "لا", "مساعدة", "مين", "جی ہاں", "نہیں", "مدد", "میں", "مین",
    "ICE is at my door", "la migra esta en mi casa", "what are my rights", "I want to call 911",
    # words close to a state name, countries, the US as a whole, bare "Washington" in Chinese/Arabic
    "I am Indian", "indiano", "soy de méxico", "vivo en mexico", "Mexico", "Haiti", "Canada", "Guatemala",
    "USA", "United States", "Estados Unidos", "美国", "أمريكا", "امریکہ", "华盛顿", "واشنطن",
    "carolina", "dakota", "new", "north", "virgin", "the mountains", "mass deportation", "go to mass",
    "ہوائی اڈے پر روکا گیا", "ہوائی جہاز",
    # several different states: ask again rather than guess
    "texas or california", "kansas city missouri", "I moved from Georgia to Ohio",
    # numbers that are not a ZIP with a known prefix
    "1234", "617-555-1234", "6175551234", "+1 (617) 555 1234", "09012", "34001", "2026",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_not_found(index: StateIndex, text: str) -> None:
    assert index.find(text) is None


def test_codes_are_fifty_states_dc_and_pr(index: StateIndex) -> None:
    codes = index.codes()
    assert len(codes) == 52 and len(set(codes)) == 52
    assert {"DC", "PR", "MA", "WY"} <= set(codes)
    assert codes[:3] == ["AL", "AK", "AZ"]


def test_every_code_and_english_name_round_trips(index: StateIndex) -> None:
    never = {"OK", "HI", "OH", "ID"}  # also words people type in capitals; see us_states.yaml
    for code in index.codes():
        state = index.get(code)
        assert state is not None and state.code == code
        assert index.find(state.name) == state, state.name
        assert index.find(state.name.lower()) == state, state.name
        assert index.find(code) == (None if code in never else state), code
        assert index.find(f"I live in {code}") == (None if code in never else state), code


def test_every_shown_name_is_found_again(index: StateIndex) -> None:
    for code in index.codes():
        for lang in LANGS:
            shown = index.name(code, lang)
            found = index.find(shown)
            assert found is not None and found.code == code, (code, lang, shown)


@pytest.mark.parametrize(("code", "lang", "name"), [
    ("NY", "en", "New York"), ("NY", "es", "Nueva York"), ("NY", "zh", "纽约州"), ("NY", "ar", "نيويورك"),
    ("NY", "ur", "نیویارک"), ("NY", "pt", "Nova York"), ("NY", "fr", "New York"), ("NY", "vi", "New York"),
    ("CA", "fr", "Californie"), ("CA", "pt", "Califórnia"), ("CA", "es", "California"), ("CA", "zh", "加利福尼亚州"),
    ("NC", "es", "Carolina del Norte"), ("NC", "fr", "Caroline du Nord"), ("NC", "pt", "Carolina do Norte"),
    ("DC", "en", "District of Columbia"), ("DC", "es", "Washington D. C."), ("DC", "zh", "华盛顿特区"),
    ("TX", "vi", "Texas"), ("TX", "ht", "Texas"), ("TX", "xx", "Texas"), ("ma", "en", "Massachusetts"),
    ("ME", "ar", "ولاية مين"), ("WA", "zh", "华盛顿州"), ("XX", "en", "XX"),
])
def test_name(index: StateIndex, code: str, lang: str, name: str) -> None:
    assert index.name(code, lang) == name


def test_get_takes_any_code_even_word_like_ones(index: StateIndex) -> None:
    assert index.get("HI") == State("HI", "Hawaii")
    assert index.get(" ok ") == State("OK", "Oklahoma")
    assert index.get("XX") is None


@pytest.mark.parametrize(("text", "key"), [
    ("Washington, D.C.", "washington dc"), ("MÍCHIGAN", "michigan"), ("Hoa Thịnh Đốn", "hoa thinh don"),
    ("أريزونا", "اریزونا"), ("إلينوى", "الینوی"), ("نُيُويُورْك", "نیویورک"), ("ہوائی", "هوایی"),
    ("Virginie-Occidentale", "virginie occidentale"),
])
def test_normalise(text: str, key: str) -> None:
    assert normalise(text) == key


# --- broken data files: each error names the file, the entry and the fix ---

def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "us_states.yaml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("text", "message"), [
    ("states: []\n", "us_states.yaml, top level: has no 'states:' list. "
     "Fix: start the file with 'states:' and '- code: XX' blocks."),
    ("states:\n  - code: ma\n    en: [Massachusetts]\n", "us_states.yaml, state #1: code 'ma' is missing, "
     "not two capitals, or used twice. Fix: write e.g. 'code: MA'."),
    ("states:\n  - code: MA\n    es: [Massachusetts]\n", "us_states.yaml, state #1 (MA): has no English name. "
     "Fix: add e.g. 'en: [Massachusetts]'."),
    ("states:\n  - code: MA\n    en: [Massachusetts]\n  - code: NY\n    en: [New York]\n    other: [massachusetts]\n",
     "us_states.yaml, state #2 (NY): the name 'massachusetts' also belongs to MA. Fix: keep it in one state only."),
    ("states:\n  - code: MA\n    en: [Massachusetts]\n    zip: \"010-0x7\"\n", "us_states.yaml, state #1 (MA): "
     "zip part '010-0x7' is not a 3-digit prefix or range. Fix: write e.g. zip: \"010-027, 055\"."),
    ("states:\n  - code: MA\n    en: [Massachusetts]\n    zip: \"010\"\n  - code: NY\n    en: [New York]\n"
     "    zip: \"005-010\"\n", "us_states.yaml, state #2 (NY): ZIP prefix 010 is also given to MA. "
     "Fix: keep it in one state."),
    ("states:\n  - code: MA\n    en: {name: Massachusetts}\n", "us_states.yaml, state #1 (MA): 'en' must be a "
     "list of names. Fix: write e.g. 'en: [Name one, Name two]'."),
    ("states:\n  - code: MA\n    en: [Massachusetts]\ncodes:\n  never: [OKK]\n", "us_states.yaml, codes: never: "
     "'OKK' is not a state code in this file. Fix: write codes in capitals, e.g. OK."),
])
def test_broken_states_file(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(GeoDataError) as err:
        StateIndex.load(_write(tmp_path, text))
    assert str(err.value) == message


def test_missing_states_file(tmp_path: Path) -> None:
    with pytest.raises(GeoDataError, match=r"^us_states.yaml: cannot read it \(No such file or directory\)"):
        StateIndex.load(tmp_path)


# --- the directory (flows/organizations.yaml, from seed 002) ---

def test_directory_codes_are_states_and_lists_have_content(index: StateIndex) -> None:
    directory = load_directory(FLOWS, index.codes())
    assert len(directory.national()) == 39   # Latino Policy Forum is a Chicago group: moved to IL (2026-12-04)
    assert directory.national()[0] == "American Civil Liberties Union"
    assert sorted(directory.by_state) == sorted([
        "AK", "AZ", "CA", "CO", "CT", "DC", "FL", "GA", "IL", "IA", "KS", "LA", "MD", "MA", "MI", "MN", "MS",
        "MO", "NJ", "NM", "NY", "NC", "OH", "OR", "PA", "TN", "TX", "UT", "VA", "WA", "WI"])
    assert sum(len(v) for v in directory.by_state.values()) == 115
    assert directory.for_state("ma") == ["Chelsea Collaborative",
                                         "Massachusetts Immigrant and Refugee Advocacy Coalition"]
    assert directory.for_state("PR") == [] and directory.for_state("XX") == []
    assert "Cobb Immigrant Alliance" in directory.for_state("GA")  # the seed filed it under IL: fixed
    assert "Latino Policy Forum" in directory.for_state("IL") and "Latino Policy Forum" not in directory.national()


def test_directory_text_is_sms_safe_and_has_no_contacts() -> None:
    directory = load_directory(FLOWS)
    names = directory.national() + [n for v in directory.by_state.values() for n in v]
    for name in names:
        assert not re.search(r"[‘’“”–—]", name), name
        assert not re.search(r"\d[\d\s().-]{5,}\d", name), name  # nothing like a phone number
        assert not re.search(r"https?:|www\.|\.org\b|\.com\b|@", name), name
    assert "Lawyers' Committee for Civil Rights of the San Francisco Bay Area" in directory.for_state("CA")
    assert "Jobs with Justice - Portland" in directory.for_state("OR")


def test_directory_keeps_review_flags() -> None:
    text = (FLOWS / "organizations.yaml").read_text(encoding="utf-8")
    assert re.search(r"- Cobb Immigrant Alliance +# moved from IL: Marietta, Georgia", text)
    assert "2026-12-04" in text and "seed 002" in text


def test_directory_refuses_unknown_code(tmp_path: Path) -> None:
    (tmp_path / "organizations.yaml").write_text("national: [A]\nstates:\n  ZZ: [B]\n", encoding="utf-8")
    with pytest.raises(GeoDataError) as err:
        load_directory(tmp_path, ["MA"])
    assert str(err.value) == ("organizations.yaml, states: ZZ: is not a state code in us_states.yaml. "
                              "Fix: use the postal code in capitals, e.g. MA.")


def test_places_combines_names_and_directory() -> None:
    places = Places.load(FLOWS)
    assert isinstance(places, Places)
    assert places.state_name("NY", "es") == "Nueva York"
    assert places.orgs("WI") == ["Voces de la Frontera"]
    assert places.national()[-1] == "We Belong Together"
