"""scripts/translations.py and bot.i18n_check / bot.i18n_po on the fixtures in tests/data/i18n, and the
right-to-left rendering of bot.render: every message of the tool asserted exactly."""
from __future__ import annotations

import ctypes
import shutil
from pathlib import Path

import polib
import pytest

from bot.cli.translations import main
from bot.content.loader import load_content
from bot.content.translations import ACTIONS, fingerprint
from bot.core.session import Choice, Reply
from bot.i18n.check import check_doc, format_report, load_allowed, mixed_words, read_raw, summary_table
from bot.i18n.files import source_order
from bot.i18n.po import PoImportError, export_po, import_po, read_doc, save_doc
from bot.service.runtime import ROOT
from bot.text.render import LRM, RLM, as_text, bidi_line, option_lines, sms_text
from tests.require import missing

FIXTURE = Path(__file__).parent / "data" / "i18n"
FIX = "Fix: translate them; a name that must stay in English goes in translations/_allowed.yaml."
PH = "Fix: keep every {placeholder} exactly as in the English."

BROKEN = {
    "missing": ("es", ["es: ice_at_door.warrant.title: not translated yet."]),
    "extra": ("es", ["es: ice_at_door.gone.text: not in the English source any more. Fix: run "
                     "'python scripts/translations.py update es' to drop it."]),
    "placeholder": ("es", [
        f"es: ice_at_door.start.text: placeholders differ from the English: unexpected {{phone:migrawatch}}. {PH}",
        f"es: ice_at_door.warrant.text: placeholders differ from the English: missing {{state}}; "
        f"unexpected {{estado}}. {PH}"]),
    "mixed_es": ("es", [f"es: ice_at_door.start.text: English words in the text: 'the', 'door', 'judge'. {FIX}"]),
    "mixed_zh": ("zh", ["zh: ice_at_door.start.text: Latin-script words in the text: 'When', 'ans', 'live', 'in', "
                        f"'fear', 'of', 'deportation'. {FIX}"]),
    "keywords": ("es", [
        "es: keywords: 'menus' is not a global word. Fix: use one of: menu, back, help, language, stop, start, "
        "delete, more, yes, no, hello, person, skip, close, contacts, alert, checkin.",
        "es: keywords: 'menu1' (menu) has a digit. Fix: remove it; numbers choose options.",
        "es: keywords: no words for 'back'. Fix: add 'back: [...]' under 'keywords:', the most natural first.",
        "es: keywords: 'ayuda' is listed for both 'help' and 'more'. Fix: keep it under one of them.",
        "es: keywords: 'other' (yes) is the English word for 'no', which wins. Fix: use another word."]),
    "keywords_bool": ("es", [
        "es: keywords: 'true:' is not a global word. Fix: write 'yes:' instead (or run "
        "'python scripts/translations.py stamp es', which repairs it).",
        "es: keywords: 'false:' is not a global word. Fix: write 'no:' instead (or run "
        "'python scripts/translations.py stamp es', which repairs it).",
        "es: keywords: no words for 'yes'. Fix: add 'yes: [...]' under 'keywords:', the most natural first.",
        "es: keywords: no words for 'no'. Fix: add 'no: [...]' under 'keywords:', the most natural first."]),
    "stale": ("es", [
        "es: ui.welcome: no 'source' fingerprint. Fix: once the translation is checked, run "
        "'python scripts/translations.py stamp es'.",
        "es: ice_at_door.warrant.text: stale: the English changed since it was translated. Fix: update it to the "
        "new 'en', then run 'python scripts/translations.py stamp es ice_at_door.warrant.text'."]),
}


@pytest.fixture(scope="module")
def content():
    """The fixture content: a menu, one flow of two nodes, four ui messages."""
    return load_content(FIXTURE, check=False, required=("ice_at_door",))


@pytest.fixture(scope="module")
def english(content) -> dict[str, str]:
    """The fixture English in reading order."""
    return {k: content.texts["en"][k] for k in source_order(content)}


def check(content, english, path: Path, lang: str, budget: int = 7):
    """The report for one fixture file."""
    return check_doc(english, content.keywords["en"], read_raw(path), lang, load_allowed(FIXTURE), budget)


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A copy of the fixture content root that a test may change."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    return tmp_path


# --- check -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_fixture_gives_its_exact_messages(content, english, case: str) -> None:
    lang, expected = BROKEN[case]
    report = check(content, english, FIXTURE / "broken" / f"{case}.yaml", lang)
    assert [f.message for f in report.findings] == expected


@pytest.mark.parametrize("lang", ["es", "zh"])
def test_clean_fixtures_have_no_findings(content, english, lang: str) -> None:
    report = check(content, english, FIXTURE / "translations" / f"{lang}.yaml", lang)
    assert (report.findings, report.translated, report.total) == ([], 10, 10)


def test_segments_over_the_budget_are_a_warning(content, english) -> None:
    report = check(content, english, FIXTURE / "translations" / "es.yaml", "es", budget=1)
    assert [(f.kind, f.error, f.message) for f in report.findings] == [
        ("segments", False, "es: ice_at_door.warrant.text: 2 SMS segments, over the budget of 1. Fix: shorten it.")]


def test_report_and_summary_table(content, english) -> None:
    report = check(content, english, FIXTURE / "broken" / "stale.yaml", "es")
    assert format_report(report).splitlines() == [
        "== es (Español): 10/10 translated (100.0%), 1 stale, 1 not stamped, 0 errors",
        f"warning: {BROKEN['stale'][1][0]}", f"warning: {BROKEN['stale'][1][1]}"]
    missing = check(content, english, FIXTURE / "broken" / "missing.yaml", "es")
    assert format_report(missing).splitlines()[-1] == \
        "error: es: not translated yet (1): ice_at_door.warrant.title"
    assert summary_table([report], {"a": "x" * 161}).splitlines() == [
        "lang  name     translated  coverage  stale  unstamped  errors  seg mean  seg max",
        "en    English  1/1         source    -      -          -       2.00      2",
        "es    Español  10/10       100.0%    1      1          0       1.10      2"]


def test_cli_check_exit_codes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(root), "check", "es", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== es (Español): 10/10 translated (100.0%), 0 stale, 0 not stamped, 0 errors\n")
    assert main(["--root", str(root), "check", "fr"]) == 1
    assert capsys.readouterr().out.startswith(
        "translations/fr.yaml does not exist. Fix: run 'python scripts/translations.py update fr'.\n")
    shutil.copy(FIXTURE / "broken" / "mixed_es.yaml", root / "translations" / "es.yaml")
    assert main(["--root", str(root), "check"]) == 1


# --- mixed languages, with the repository's real allow list -------------------------------------------------
@pytest.fixture(scope="module")
def allowed():
    """translations/_allowed.yaml of the repository (plus US state names)."""
    return load_allowed(ROOT)


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("zh", "When 科罗拉多州ans live in fear of deportation at the hands of our local law enforcement, 政府官员",
     ["When", "ans", "live", "in", "fear", "of", "deportation", "at", "the", "hands", "our", "local", "law",
      "enforcement"]),
    ("zh", "不要签署Form I-407。科罗拉多州法律（HB19-1124）；Lunn v. Commonwealth；287(g)；locator.ice.gov/odls；"
           "ACLU of Massachusetts；United We Dream MigraWatch：{phone:migrawatch}。U签证。回复MENU。", []),
    ("ar", "اتصل بـ ICE أو CBP، أو راجع Form I-918 Supplement B في Colorado.", []),
    ("ur", "یہ Notice to Appear ہے، please call", ["please", "call"]),
    ("vi", "Ở California, Đạo luật TRUST (2014) và Đạo luật Values, tức SB 54. Thị thực U.", []),
    ("vi", "Khi người dân live in fear, hãy gọi lawyer.", ["live", "fear", "lawyer"]),
    ("es", "No, a me no me importa. Si puede, done dinero. La policía no entra sin orden.", []),
    ("es", "No abra la puerta until they show the warrant.", ["until", "they", "the", "warrant"]),
    ("pt", "Se você for preso, peça um advogado. O nome do juiz.", []),
    ("fr", "On ne parle pas à la police sans avocat. Voir les pages. Un délai court.", []),
    ("ht", "Pa siyen anyen. Done ou yo. To a. Kote manda a make.", []),
    ("ht", "Pa siyen anyen without a lawyer.", ["without", "lawyer"]),
])
def test_mixed_words(allowed, lang: str, text: str, words: list[str]) -> None:
    assert mixed_words(text, lang, allowed) == words


# --- .po export and import ----------------------------------------------------------------------------------
def test_export_po_entries(content) -> None:
    po = export_po(content, read_doc(FIXTURE / "broken" / "stale.yaml"), "es")
    assert po.metadata["Language"] == "es"
    first = po[0]
    assert (first.msgctxt, first.msgid, first.msgstr, first.comment, first.flags) == (
        "ui.welcome", "Hi, I am kyrbot. I give free information about your rights.",
        "Hola, soy kyrbot. Doy información gratis sobre sus derechos.", "fingerprint: ", ["fuzzy"])
    stale = next(e for e in po if e.msgctxt == "ice_at_door.warrant.text")
    assert (stale.comment, stale.flags) == ("fingerprint: abcdef0123", ["fuzzy"])
    fresh = next(e for e in po if e.msgctxt == "ice_at_door.title")
    assert (fresh.comment, fresh.flags) == (f"fingerprint: {fingerprint('ICE is at my door')}", [])
    yes = next(e for e in po if e.msgctxt == "keyword.yes")
    assert (yes.msgid, yes.msgstr) == ("yes, ok", "sí, si")
    assert [e.msgctxt for e in po][-len(ACTIONS) :] == [f"keyword.{w}" for w in ACTIONS]  # every global word, in order


@pytest.mark.parametrize("name", ["translations/es.yaml", "translations/zh.yaml", "broken/stale.yaml"])
def test_export_then_import_gives_the_identical_file(content, tmp_path: Path, name: str) -> None:
    source = FIXTURE / name
    po_path = tmp_path / "x.po"
    export_po(content, read_doc(source), "es").save(str(po_path))
    out = tmp_path / "out.yaml"
    save_doc(out, import_po(content, read_doc(source), polib.pofile(str(po_path))))
    header = source.read_text(encoding="utf-8").split("# Español translation")[0].split("# 中文 translation")[0]
    assert header + out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


def test_import_of_an_old_export_stays_stale(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(root), "export", "es", "-o", str(root / "old.po")]) == 0
    flow = root / "flows" / "ice_at_door.yaml"
    flow.write_text(flow.read_text(encoding="utf-8").replace("Groups in {state} can help.",
                                                            "Local groups in {state} can help."), encoding="utf-8")
    po = polib.pofile(str(root / "old.po"))
    entry = po.find("ice_at_door.warrant.text", by="msgctxt")
    entry.msgstr = "Una orden de ICE (Form I-205) no la firma un juez. Los grupos de {state} pueden ayudar."
    po.save()
    assert main(["--root", str(root), "import", "es", str(root / "old.po")]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "check", "es"]) == 0   # stale is a warning, not an error
    assert "warning: es: ice_at_door.warrant.text: stale: the English changed" in capsys.readouterr().out
    entry = read_doc(root / "translations" / "es.yaml")["messages"]["ice_at_door.warrant.text"]
    assert entry["source"] == fingerprint("An ICE warrant (Form I-205) is not signed by a judge. "
                                          "Groups in {state} can help.")
    assert entry["text"].startswith("Una orden de ICE (Form I-205) no la firma un juez.")


def test_confirmed_fuzzy_entry_records_the_english_it_translates(content) -> None:
    doc = read_doc(FIXTURE / "broken" / "stale.yaml")
    po = export_po(content, doc, "es")
    po.find("ice_at_door.warrant.text", by="msgctxt").flags.remove("fuzzy")
    merged = import_po(content, doc, po)
    assert merged["messages"]["ice_at_door.warrant.text"]["source"] == \
        fingerprint(content.texts["en"]["ice_at_door.warrant.text"])
    assert merged["messages"]["ui.welcome"]["source"] == ""   # still fuzzy: still unstamped


def test_import_refuses_unknown_ids(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = load_content(root, check=False, required=("ice_at_door",))
    po = export_po(content, read_doc(root / "translations" / "es.yaml"), "es")
    po.append(polib.POEntry(msgctxt="ice_at_door.gone.text", msgid="Gone.", msgstr="Ido."))
    po.save(str(root / "bad.po"))
    before = (root / "translations" / "es.yaml").read_bytes()
    assert main(["--root", str(root), "import", "es", str(root / "bad.po")]) == 1
    line = polib.pofile(str(root / "bad.po")).find("ice_at_door.gone.text", by="msgctxt").linenum
    assert capsys.readouterr().err == (
        f"{root / 'bad.po'}: not imported, translations/es.yaml is unchanged:\n"
        f"line {line}: unknown message id 'ice_at_door.gone.text'. Fix: remove this entry, or export the file "
        "again: the English source has no such id.\n")
    assert (root / "translations" / "es.yaml").read_bytes() == before
    with pytest.raises(PoImportError):
        import_po(content, {}, po)


def test_stamp_with_ids_restamps_stale_entries_and_repairs_yes_no(root: Path) -> None:
    shutil.copy(FIXTURE / "broken" / "stale.yaml", root / "translations" / "es.yaml")
    assert main(["--root", str(root), "stamp", "es", "ice_at_door.warrant.text"]) == 0
    messages = read_raw(root / "translations" / "es.yaml")["messages"]
    assert messages["ice_at_door.warrant.text"]["source"] == \
        fingerprint("An ICE warrant (Form I-205) is not signed by a judge. Groups in {state} can help.")
    assert messages["ui.welcome"]["source"] == fingerprint("Hi, I am kyrbot. I give free information about your "
                                                           "rights.")
    shutil.copy(FIXTURE / "broken" / "keywords_bool.yaml", root / "translations" / "es.yaml")
    assert main(["--root", str(root), "stamp", "es"]) == 0
    assert list(read_raw(root / "translations" / "es.yaml")["keywords"])[-2:] == ["yes", "no"]


# --- right-to-left rendering --------------------------------------------------------------------------------
AR_OPTIONS = (Choice("1", "كيف أتحقق من مذكرتهم", "x.warrant"), Choice("2", "Form I-407 لا توقع", "x.i407"),
              Choice("0", "القائمة الرئيسية", "menu"))


@pytest.mark.parametrize(("line", "expected"), [
    ("لا تفتح الباب.", "لا تفتح الباب."),                                   # Arabic first: nothing to add
    ("ICE يطرق الباب.", RLM + "ICE يطرق الباب."),                            # Latin first: RLM
    ("- I-407: لا توقع", RLM + "- I-407: لا توقع"),
    ("اتصل بـ 1-844-363-1423.", f"اتصل بـ {LRM}1-844-363-1423{LRM}."),        # digit groups kept in order
    ("ما هو 287(g)؟", f"ما هو {LRM}287(g){LRM}؟"),
    ("في U.S. اليوم", f"في {LRM}U.S.{LRM} اليوم"),
    ("تمت المراجعة 2026-11-23.", f"تمت المراجعة {LRM}2026-11-23{LRM}."),
    ("ادخل locator.ice.gov/odls الآن", "ادخل locator.ice.gov/odls الآن"),
    ("يحتجزهم حتى 48 ساعة", "يحتجزهم حتى 48 ساعة"),
    ("- ACLU of Colorado", "- ACLU of Colorado"),                           # no Arabic: left as it is
    ("Do not open the door. Call 1-844-363-1423.", "Do not open the door. Call 1-844-363-1423."),
])
def test_bidi_line(line: str, expected: str) -> None:
    assert bidi_line(line) == expected


def test_rtl_reply_as_text_and_sms() -> None:
    reply = Reply("ICE على الباب.\nلا تفتح الباب. اتصل بـ 1-844-363-1423.", AR_OPTIONS, "ar", True)
    assert option_lines(reply) == [f"{RLM}1 كيف أتحقق من مذكرتهم", f"{RLM}2 Form I-407 لا توقع",
                                   f"{RLM}0 القائمة الرئيسية"]
    expected = (f"{RLM}ICE على الباب.\nلا تفتح الباب. اتصل بـ {LRM}1-844-363-1423{LRM}.\n\n"
                f"{RLM}1 كيف أتحقق من مذكرتهم\n{RLM}2 Form I-407 لا توقع\n{RLM}0 القائمة الرئيسية")
    assert as_text(reply) == expected
    assert sms_text(reply) == expected   # the marks survive the GSM folding (Arabic is UCS-2 anyway)


def test_ltr_reply_is_unchanged() -> None:
    reply = Reply("Call 1-844-363-1423.", (Choice("1", "U.S. citizens", "x"),), "en", False)
    assert as_text(reply) == "Call 1-844-363-1423.\n\n1 U.S. citizens"


def _fribidi():
    """libfribidi (the Unicode bidi algorithm as GNOME/Android-like renderers apply it), when installed."""
    try:
        return ctypes.CDLL("libfribidi.so.0")
    except OSError:
        return None


def _visual(lib, text: str) -> str:
    """The characters of text in display order, left to right, paragraph direction from the first strong one."""
    n = len(text)
    v2l = (ctypes.c_int * n)()
    base = ctypes.c_uint32(0x40)   # FRIBIDI_PAR_ON: detect, as phones do
    lib.fribidi_log2vis((ctypes.c_uint32 * n)(*map(ord, text)), n, ctypes.byref(base),
                        (ctypes.c_uint32 * (n + 1))(), None, v2l, None)
    return "".join(text[v2l[i]] for i in range(n)).replace(LRM, "").replace(RLM, "")


def test_marks_give_the_right_display_order() -> None:
    if _fribidi() is None:
        missing("libfribidi is not installed (Debian: libfribidi0)")
    lib = _fribidi()
    # Without marks: the number's groups come out reversed and the line starting with ICE runs left to right.
    assert _visual(lib, "اتصل بـ 1-844-363-1423.") == ".1423-363-844-1 ـب لصتا"
    assert _visual(lib, bidi_line("اتصل بـ 1-844-363-1423.")) == ".1-844-363-1423 ـب لصتا"
    assert _visual(lib, "ICE يطرق") == "ICE قرطي"
    assert _visual(lib, bidi_line("ICE يطرق")) == "قرطي ICE"
    assert _visual(lib, bidi_line("ما هو 287(g)؟")) == "؟287(g) وه ام"
    assert _visual(lib, option_lines(Reply("", (Choice("2", "Form I-407 لا توقع", "x"),), "ar", True))[0]) == \
        "عقوت ال Form I-407 2"
