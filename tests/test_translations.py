"""The CI gate over every translations/<lang>.yaml that exists, staleness when the English changes, and the
English fallback of a missing translation."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content.loader import load_content
from bot.core.views import View
from bot.i18n.check import check_root
from bot.i18n.po import read_doc, save_doc
from bot.service.runtime import ROOT

GATE = ("missing", "extra", "placeholder", "mixed", "keyword")   # stale and segments are only reported
LANGS = sorted(p.stem for p in (ROOT / "translations").glob("*.yaml") if not p.stem.startswith("_"))
FIXTURE = Path(__file__).parent / "data" / "i18n"
CHANGED = "ice_at_door.start.text"
# Talking to a person (flows/person.yaml, issue 16) is written in English first; its drafts in the nine languages
# follow in their own change. Until then `scripts/translations.py check` reports these ids missing, and this gate
# lets them through (missing only). Remove this line when translations/ has them.
ENGLISH_FIRST: tuple[str, ...] = ()   # ids allowed to wait for their translations (none now)


@pytest.fixture(scope="module")
def reports() -> dict:
    """The check of every language, run once."""
    return {r.lang: r for r in check_root(ROOT)}


@pytest.mark.parametrize("lang", LANGS)
def test_translation_passes_the_gate(reports: dict, lang: str) -> None:
    report = reports[lang]
    for finding in report.findings:
        if not finding.error:
            print(f"warning: {finding.message}")   # stale entries and long messages: reported, not failed
    waiting = lambda f: f.kind == "missing" and f.msg_id.startswith(ENGLISH_FIRST)
    assert [f.message for f in report.findings if f.kind in GATE and not waiting(f)] == []


def test_changing_one_english_sentence_marks_it_stale_everywhere(tmp_path: Path) -> None:
    for folder in ("flows", "translations"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    before = {r.lang: _stale(r) for r in check_root(tmp_path)}
    fresh = [r.lang for r in check_root(tmp_path) if _fresh(r, CHANGED)]
    flow = tmp_path / "flows" / "ice_at_door.yaml"
    text = flow.read_text(encoding="utf-8")
    assert "Do not open the door. Talk through the door." in text
    flow.write_text(text.replace("Do not open the door. Talk through the door.",
                                 "Never open the door. Talk through the door."), encoding="utf-8")
    after = {r.lang: r for r in check_root(tmp_path)}
    for lang in fresh:
        assert [f.message for f in after[lang].findings if f.msg_id == CHANGED] == [
            f"{lang}: {CHANGED}: stale: the English changed since it was translated. Fix: update it to the new "
            f"'en', then run 'python scripts/translations.py stamp {lang} {CHANGED}'."]
        assert _stale(after[lang]) == before[lang] | {CHANGED}   # that sentence only
    assert (ROOT / "flows" / "ice_at_door.yaml").read_text(encoding="utf-8") != flow.read_text(encoding="utf-8")


def _stale(report) -> set[str]:
    """The ids reported stale."""
    return {f.msg_id for f in report.findings if f.kind == "stale"}


def _fresh(report, msg_id: str) -> bool:
    """True when the language translates msg_id, records the current English and has no other finding on it."""
    return msg_id in report.segments and not any(f.msg_id == msg_id for f in report.findings)


# --- fallback --------------------------------------------------------------------------------------------------
@pytest.fixture()
def gap(tmp_path: Path) -> Path:
    """The fixture content with one Spanish entry removed."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "translations" / "es.yaml"
    doc = read_doc(path)
    del doc["messages"]["ice_at_door.warrant.text"]
    save_doc(path, doc)
    return tmp_path


def test_missing_translation_falls_back_to_english_with_the_note(gap: Path) -> None:
    content = load_content(gap, required=("ice_at_door",))
    view = View(content, None)
    english = "An ICE warrant (Form I-205) is not signed by a judge. Groups in {state} can help."
    assert view.t("ice_at_door.warrant.text", "es") == f"(Aún sin traducir. En inglés:) {english}"
    assert view.t("ice_at_door.warrant.title", "es") == "Cómo revisar su orden"
    assert view.t("ice_at_door.warrant.text", "fr") == f"(Not translated yet. In English:) {english}"


def test_check_reports_the_gap(gap: Path) -> None:
    [report] = check_root(gap, ["es"])
    assert [(f.kind, f.message) for f in report.findings] == [
        ("missing", "es: ice_at_door.warrant.text: not translated yet.")]


def test_changing_one_english_sentence_marks_it_stale_in_the_fixture(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    flow = tmp_path / "flows" / "ice_at_door.yaml"
    flow.write_text(flow.read_text(encoding="utf-8").replace("Do not open the door.", "Never open the door."),
                    encoding="utf-8")
    assert {r.lang: [f.message for f in r.findings] for r in check_root(tmp_path)} == {
        lang: [f"{lang}: {CHANGED}: stale: the English changed since it was translated. Fix: update it to the new "
               f"'en', then run 'python scripts/translations.py stamp {lang} {CHANGED}'."] for lang in ("es", "zh")}
