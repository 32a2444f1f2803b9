"""The review trail: a lawyer's sign-off per flow and language, refused for stale translations, shown by the
bot only while it vouches for exactly the texts it reads, and flagged when it grows old."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.cli import review
from bot.content.loader import load_content
from bot.content.reviews import old_reviews
from bot.core.session import Inbound
from bot.service.runtime import ROOT, build_engine


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the content, with a 'checked' note in English and Spanish if the content lacks one."""
    for folder in ("flows", "translations"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    common = tmp_path / "flows" / "common.yaml"
    text = common.read_text(encoding="utf-8")
    if "checked_note:" not in text:
        common.write_text(text.replace("  menu_label:", '  checked_note: "Checked by a lawyer on {reviewed}. '
                                       'Not legal advice."\n  menu_label:', 1), encoding="utf-8")
    return tmp_path


def first_reply(root: Path, text: str, lang: str = "en") -> str:
    """The first reply of a new conversation in lang."""
    engine = build_engine(root, detector=False)
    start = engine.step(None, Inbound("", 0.0, lang_pick=lang))
    return engine.step(start.session, Inbound(text, 1.0)).replies[0].text


def test_unsigned_flow_says_written_not_checked(root: Path) -> None:
    """Until a reviewer signs, the note says when the text was written and that no lawyer checked it."""
    note = first_reply(root, "ICE is at my door").splitlines()[-1]
    assert "Checked by a lawyer" not in note and "Not legal advice." in note


def test_signoff_shows_checked_until_the_english_changes(root: Path, capsys: pytest.CaptureFixture) -> None:
    """sign -> 'Checked by a lawyer on <date>'; an English sentence changes -> the sign-off lapses."""
    assert review.main(["--root", str(root), "sign", "ice_at_door", "en", "--by", "Staff attorney",
                        "--date", "2026-12-10"]) == 0
    assert capsys.readouterr().out == "recorded: ice_at_door (en) checked by Staff attorney on 2026-12-10.\n"
    assert first_reply(root, "ICE is at my door").splitlines()[-1] == \
        "Checked by a lawyer on 2026-12-10. Not legal advice."
    flow = root / "flows" / "ice_at_door.yaml"
    flow.write_text(flow.read_text(encoding="utf-8").replace("Do not open the door.", "Keep the door shut.", 1),
                    encoding="utf-8")
    assert "Checked by a lawyer" not in first_reply(root, "ICE is at my door")


def test_translation_signoff_needs_current_texts_and_the_english(root: Path,
                                                                 capsys: pytest.CaptureFixture) -> None:
    """A translation is refused before the English is signed, and when one of its texts is stale."""
    args = ["--root", str(root), "sign", "ice_at_door", "es", "--by", "Abogada voluntaria", "--date", "2026-12-11"]
    assert review.main(args) == 1
    assert capsys.readouterr().err == ("refused: the English of ice_at_door has no current sign-off. "
                                       "Fix: sign 'en' first.\n")
    assert review.main(["--root", str(root), "sign", "ice_at_door", "en", "--by", "Staff attorney"]) == 0
    es = root / "translations" / "es.yaml"
    doc = es.read_text(encoding="utf-8")
    stale_id = "ice_at_door.after.text"
    start = doc.index(f"  {stale_id}:")
    source_at = doc.index("source:", start)
    es.write_text(doc[:source_at] + "source: '0000000000'" + doc[doc.index("\n", source_at):], encoding="utf-8")
    capsys.readouterr()
    assert review.main(args) == 1
    assert capsys.readouterr().err == (
        f"refused: ice_at_door (es) has 1 text(s) missing or older than the English: {stale_id}. "
        f"Fix: translate them, run 'python3 scripts/translations.py stamp es <id>', then sign.\n")


def test_status_and_old_reviews(root: Path, capsys: pytest.CaptureFixture) -> None:
    """status lists the date per language; a sign-off older than review_max_age is warned about."""
    assert review.main(["--root", str(root), "sign", "airport", "en", "--by", "Staff attorney",
                        "--date", "2026-01-05"]) == 0
    capsys.readouterr()
    assert review.main(["--root", str(root), "status", "en", "es"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["flow", "en", "es"]
    assert next(line for line in table if line.startswith("airport")).split() == ["airport", "2026-01-05", "-"]
    content = load_content(root)
    assert old_reviews(dict(content.reviews), date(2026, 12, 4), content.review_max_age) == [
        "flows/reviews.yaml: airport (en) was checked on 2026-01-05, over 6 months ago. "
        "Fix: have a lawyer review it again and record the new sign-off."]
    assert old_reviews(dict(content.reviews), date(2026, 3, 1), content.review_max_age) == []
