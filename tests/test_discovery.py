"""Content is discovered from disk: a new flow file and a new language file need no Python change, and every
tool (validate, start-up, the translation check, the web page, the diagrams) sees them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import validate
from bot.content.bundle import load_bundle
from bot.content.errors import ContentError
from bot.core.session import Inbound
from bot.i18n.check import check_root
from bot.pictures.diagrams import Diagrams
from bot.service.runtime import ROOT, build_engine
from webhook import create_app

NEW_FLOW = """\
flow: tenants
title: Trouble with my landlord
reviewed:
  date: 2026-12-04
  by: awaiting legal review
sources:
  - a test source
phrases:
  - my landlord threatens to call immigration
nodes:
  start:
    text: "A landlord may not threaten to call immigration to make you leave."
    options:
      - back
"""

NEW_LANGUAGE = """\
language: de
name: Deutsch
status: machine draft, awaiting review by a native-speaking legal reviewer
keywords:
  menu: [menü]
messages:
  ui.welcome:
    text: Hallo, ich bin kyrbot.
"""


def copy_content(dest: Path) -> Path:
    """A copy of the project's flows/ and translations/ under dest, to break or grow."""
    for folder in ("flows", "translations"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the content with a new flow file (listed in the menu) and a new language file."""
    root = copy_content(tmp_path_factory.mktemp("content"))
    (root / "flows" / "tenants.yaml").write_text(NEW_FLOW, encoding="utf-8")
    menu = root / "flows" / "menu.yaml"
    text = menu.read_text(encoding="utf-8")
    first_option = next(line for line in text.splitlines() if line.strip().startswith("- ") and "options" not in line
                        and line.startswith("      - "))
    menu.write_text(text.replace(first_option, f"{first_option}\n      - tenants", 1), encoding="utf-8")
    (root / "translations" / "de.yaml").write_text(NEW_LANGUAGE, encoding="utf-8")
    return root


def test_validate_and_start_up_see_the_new_flow_and_language(grown: Path, capsys: pytest.CaptureFixture) -> None:
    """validate passes and counts them; the engine built at start-up opens the flow and speaks the language."""
    assert validate.main([str(grown)]) == 0
    assert f"{len(load_bundle(grown).content.flows)} flows" in capsys.readouterr().out
    engine = build_engine(grown, detector=True)
    assert "tenants" in engine.content.flows and "de" in engine.content.languages
    opened = engine.step(None, Inbound("my landlord threatens to call immigration", 0.0))
    assert opened.session is not None and opened.session.at == "tenants.start"
    picked = engine.step(None, Inbound("", 0.0, lang_pick="de"))
    assert picked.session is not None and picked.session.lang == "de"


def test_translation_check_reports_the_new_flow_missing_in_every_language(grown: Path) -> None:
    """Every language's report lists the new flow's messages as not translated."""
    reports = {r.lang: r for r in check_root(grown)}
    assert set(reports) >= {"es", "zh", "ar", "de"}
    for report in reports.values():
        missing = {f.msg_id for f in report.findings if f.kind == "missing"}
        assert {"tenants.title", "tenants.start.text"} <= missing, report.lang


def test_web_page_and_diagrams_list_them(grown: Path) -> None:
    """The trainers' page offers the new language; the diagrams draw the new flow."""
    app = create_app({"KYR_STORE": "sqlite:///:memory:", "KYR_SECRET": "x", "KYR_CONTENT": str(grown),
                      "KYR_WEB_DEMO": "1"})
    page = app.test_client().get("/").get_data(as_text=True)
    assert "Deutsch" in page
    assert "tenants" in list(Diagrams(load_bundle(grown).content).flows())
    assert "Trouble with my landlord" in Diagrams(load_bundle(grown).content).mermaid("tenants")


def test_broken_directory_is_refused_by_validate_as_by_start_up(tmp_path: Path) -> None:
    """An unknown state in organizations.yaml: validate and start-up give the same one-line problem."""
    copy_content(tmp_path)
    orgs = tmp_path / "flows" / "organizations.yaml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace("\nstates:\n", "\nstates:\n  ZZ:\n    - Nobody\n", 1),
                    encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_bundle(tmp_path)
    assert err.value.problems == ["flows/organizations.yaml, states: ZZ: is not a state code in us_states.yaml. "
                                  "Fix: use the postal code in capitals, e.g. MA."]
    assert validate.main([str(tmp_path)]) == 1


def test_a_language_option_in_the_menu_opens_the_picker(tmp_path: Path) -> None:
    """`- language` as a menu option (the validator accepts it) shows the language picker, not 'try again'."""
    copy_content(tmp_path)
    menu = tmp_path / "flows" / "menu.yaml"
    menu.write_text(menu.read_text(encoding="utf-8").replace("      - more\n", "      - more\n      - language\n", 1),
                    encoding="utf-8")
    engine = build_engine(tmp_path, detector=False)
    start = engine.step(None, Inbound("hi", 0.0))
    options = start.replies[-1].options
    key = next(o.key for o in options if o.target == "language")
    picker = engine.step(start.session, Inbound(key, 1.0))
    assert picker.session is not None and picker.session.pending == "language"
    labels = [o.label for o in picker.replies[-1].options]
    assert labels[0] == "English" and engine.content.languages["es"].name in labels


def test_a_digit_in_a_phrase_never_takes_an_option_number(tmp_path: Path) -> None:
    """An urgent flow's phrase 'proof of 2 years here' must not turn the reply '2' into that flow."""
    copy_content(tmp_path)
    flow = tmp_path / "flows" / "ice_at_door.yaml"
    flow.write_text(flow.read_text(encoding="utf-8").replace("phrases:\n", "phrases:\n  - proof of 2 years here\n", 1),
                    encoding="utf-8")
    engine = build_engine(tmp_path, detector=False)
    menu = engine.step(None, Inbound("hi", 0.0)).session
    second = engine.content.node("menu").options[1].target
    picked = engine.step(menu, Inbound("2", 1.0)).session
    assert picked is not None and picked.at.split(".")[0] == second
    assert engine.step(menu, Inbound("proof of 2 years here", 1.0)).session.at == "ice_at_door.start"


def test_gunicorn_start_up_on_broken_content_says_why_in_one_line_without_a_traceback(tmp_path: Path) -> None:
    """`webhook:app` (what gunicorn imports) on a bad directory entry: exit 2, the problem and its fix."""
    import subprocess
    import sys

    copy_content(tmp_path)
    orgs = tmp_path / "flows" / "organizations.yaml"
    orgs.write_text(orgs.read_text(encoding="utf-8").replace("\nstates:\n", "\nstates:\n  ZZ:\n    - Nobody\n", 1),
                    encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "KYR_CONTENT": str(tmp_path), "KYR_STORE": f"sqlite:///{tmp_path}/k.db",
           "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", "import webhook; webhook.app"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("kyrbot cannot start: the content has problems.\n"
                               "flows/organizations.yaml, states: ZZ: is not a state code in us_states.yaml. "
                               "Fix: use the postal code in capitals, e.g. MA.\n")
