"""The recordings tool: what volunteers still have to record per language, and machine-voice drafts (espeak-ng,
installed by scripts/test.sh: under CI=true a missing espeak-ng fails the draft test instead of skipping it)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import voice_recordings
from tests.require import missing


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    """Run the tool; its exit code, stdout and stderr."""
    code = voice_recordings.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_says_what_is_recorded_and_what_is_missing_with_the_text_to_read(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "ur").mkdir()
    (tmp_path / "ur" / "menu.start.mp3").write_bytes(b"ID3")
    code, out, _ = run(capsys, "--audio", str(tmp_path), "list", "--lang", "ur")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("ur (Urdu): 1 of ") and lines[0].endswith(f"{tmp_path}/ur/<id>.mp3")
    assert any(line.startswith("  recorded  menu.start  کس چیز میں مدد چاہیے؟") for line in lines)
    start = next(line for line in lines if " ice_at_door.start " in line)
    assert start.startswith("  missing   ice_at_door.start  ") and "1 دبائیں" in start      # its options too
    assert "  missing   ui.voice_language  اردو کے لیے 9 دبائیں۔" in lines                 # its key in the menu
    assert any(line.startswith("  cannot    get_help.orgs  (differs per caller") for line in lines)


def test_by_default_it_lists_the_languages_no_twilio_voice_speaks(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, _ = run(capsys, "--audio", str(tmp_path), "list", "--missing")
    headings = [line.split(" ")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert code == 0 and headings == ["ht", "ur"]
    assert all(line.startswith("  missing ") for line in out.splitlines() if line.startswith(" "))


def test_an_unknown_language_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, _, err = run(capsys, "--audio", str(tmp_path), "list", "--lang", "xx")
    assert code == 2 and err.startswith("unknown language 'xx': use one of en, ")


def test_drafts_are_machine_voice_files_beside_never_inside_the_served_recordings(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    if shutil.which("espeak-ng") is None:
        missing("espeak-ng is not installed: apt-get install espeak-ng (scripts/test.sh installs it)")
    (tmp_path / "ht").mkdir()
    (tmp_path / "ht" / "ui.voice_repeat.mp3").write_bytes(b"ID3")
    code, out, _ = run(capsys, "--audio", str(tmp_path), "draft", "ht")
    drafts = tmp_path / "drafts" / "ht"
    made = sorted(drafts.glob("*.machine-voice.wav"))
    assert code == 0 and out.startswith(f"{len(made)} machine-voice draft(s) in ") and len(made) > 100
    assert out.rstrip().endswith("(never played on a call)")
    wav = drafts / "ice_at_door.start.machine-voice.wav"
    assert wav.read_bytes()[:4] == b"RIFF" and wav.stat().st_size > 10_000
    assert not (drafts / "ui.voice_repeat.machine-voice.wav").exists()          # recorded already
    assert "MACHINE VOICE DRAFTS" in (drafts / "README.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "ht").iterdir()) == ["ui.voice_repeat.mp3"]


def test_drafting_without_espeak_says_how_to_install_it(
        tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(voice_recordings.shutil, "which", lambda name: None)
    code, _, err = run(capsys, "--audio", str(tmp_path), "draft", "ur")
    assert code == 2 and err == "espeak-ng is not installed: apt-get install espeak-ng (Debian), then run this again\n"
