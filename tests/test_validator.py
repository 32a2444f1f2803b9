"""Each kind of content error has a broken fixture and its exact expected message."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.loader import flow_ids, load_content
from bot.content.yamlsrc import LineDict, YamlError, load_yaml
from bot.service.runtime import ROOT

DATA = Path(__file__).parent / "data"
CASES = sorted(p.name for p in (DATA / "broken").iterdir())


def _with_case(tmp_path: Path, case: str) -> Path:
    """The minimal valid content with one broken file laid over it."""
    shutil.copytree(DATA / "mini", tmp_path, dirs_exist_ok=True)
    shutil.copytree(DATA / "broken" / case / "flows", tmp_path / "flows", dirs_exist_ok=True)
    return tmp_path


def test_minimal_content_is_valid() -> None:
    """The base the broken cases start from has no problem of its own."""
    load_content(DATA / "mini", required=())


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_gives_exact_message(tmp_path: Path, case: str) -> None:
    """The validator names file, line, flow, node and the fix, exactly as expected."""
    expected = (DATA / "broken" / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    with pytest.raises(ContentError) as err:
        load_content(_with_case(tmp_path, case), required=())
    assert err.value.problems == expected


def test_every_error_kind_has_a_fixture() -> None:
    """The kinds the issue names each have a case."""
    kinds = {"yaml_syntax", "unknown_target", "unreachable", "dead_end", "duplicate_node", "missing_text",
             "unknown_placeholder", "too_long", "no_sources", "no_review", "not_gsm"}
    assert kinds <= set(CASES)


def test_missing_flow_is_named(tmp_path: Path) -> None:
    """A required flow that has no file is reported with the file to create."""
    shutil.copytree(DATA / "mini", tmp_path, dirs_exist_ok=True)
    with pytest.raises(ContentError) as err:
        load_content(tmp_path, required=("airport",))
    assert err.value.problems == [
        "flows/airport.yaml: the flow 'airport' is missing. Fix: create flows/airport.yaml "
        "(see docs/content.md, 'Writing a flow')."]


def test_validate_script_ok_on_project_content() -> None:
    """python scripts/validate.py passes on the shipped content and warns about unverified numbers."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert run.stdout.startswith(f"OK: {len(flow_ids(ROOT))} flows, ")   # the menu and every flow file
    assert "warning: flows/hotlines.yaml: migrawatch (1-844-363-1423) is not verified yet" in run.stdout


def test_validate_script_fails_on_broken_content(tmp_path: Path) -> None:
    """A broken flow makes the script exit 1 and print the problem."""
    shutil.copytree(ROOT / "flows", tmp_path / "flows")
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    shutil.copytree(DATA / "broken" / "dead_end" / "flows", tmp_path / "flows", dirs_exist_ok=True)
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "node 'judge': dead end: no options." in run.stdout


def yaml_files() -> list[Path]:
    """Every YAML file of the content, the broken fixtures' included."""
    return sorted([*ROOT.glob("flows/**/*.yaml"), *ROOT.glob("translations/**/*.yaml"),
                   *(ROOT / "tests" / "data").glob("**/*.yaml")])


def with_lines(data: object) -> object:
    """Parsed YAML with the line of every mapping and key, to compare two parses exactly."""
    if isinstance(data, LineDict):
        return (data.line, data.key_lines, {k: with_lines(v) for k, v in data.items()})
    if isinstance(data, list):
        return [with_lines(v) for v in data]
    return data


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_libyaml_reads_every_file_as_the_python_parser_does(path: Path) -> None:
    """Start-up parses with libyaml; the data, the lines and any error must be the pure-Python parser's."""
    results = []
    for fast in (True, False):
        try:
            results.append(with_lines(load_yaml(path, ROOT, fast=fast)))
        except YamlError as exc:
            results.append(str(exc))
    assert results[0] == results[1]
