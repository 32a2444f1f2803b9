"""Flow pictures: every flow drawn by the real Graphviz, node ids the web page highlights, escaping, routes, script."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from flask import Flask

from bot.channels.base import Kyr
from bot.channels.web import pictures
from bot.content.targets import resolve
from bot.pictures.diagrams import (
    INSTALL_HINT,
    Arrow,
    Box,
    Diagrams,
    DotMissing,
    Picture,
    dot,
    mermaid,
    mermaid_text,
    node_dom_id,
    picture,
    render_svg,
)
from bot.service.runtime import ROOT
from tests.require import missing
from webhook import create_app

SVG = "{http://www.w3.org/2000/svg}"
NASTY = 'He said "stop" <b>&amp; #1 | [x] {y} `z` \\n é 中 مرحبا'
SCRIPT = ROOT / "scripts" / "draw_flows.py"


@pytest.fixture(scope="session")
def dot_binary() -> str:
    """Graphviz's dot: the SVG tests fail under CI without it, and are skipped elsewhere."""
    found = shutil.which("dot")
    if found is None:
        message = f"dot not found on PATH: {INSTALL_HINT}"
        missing(message)
    return found


@pytest.fixture(scope="module")
def diagrams(content, dot_binary: str) -> Diagrams:
    """Pictures of the project's content."""
    return Diagrams(content, dot_binary)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The real app on a throw-away store."""
    store = tmp_path_factory.mktemp("pictures") / "kyr.db"
    return create_app({"KYR_STORE": f"sqlite:///{store}", "KYR_SECRET": "pictures"})


def svg_groups(svg: str) -> dict[str, ET.Element]:
    """Every <g> of an SVG by id (parsing also proves the SVG is well-formed XML)."""
    return {g.get("id"): g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("id")}


def texts(group: ET.Element) -> list[str]:
    """The text lines drawn inside a group."""
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def other_flows(content, flow_id: str) -> set[str]:
    """Flows (and the language menu) that options of this flow lead to."""
    out = set()
    for node in content.flows[flow_id].nodes.values():
        for option in node.options:
            key = resolve(content, flow_id, option.target)
            if key == "language":
                out.add(key)
            elif key and key != "back" and key.split(".")[0] != flow_id:
                out.add(key.split(".")[0])
    return out


@pytest.mark.parametrize("flow_id", sorted(["menu", "ice_at_door", "airport", "calling_911", "detainers",
                                            "find_detained", "stopped", "get_help", "take_action"]))
def test_every_flow_draws_with_an_id_on_every_node(diagrams: Diagrams, content, flow_id: str) -> None:
    groups = svg_groups(diagrams.flow_svg(flow_id))
    for node in content.flows[flow_id].nodes.values():
        group = groups.get(f"n-{flow_id}-{node.name}")
        assert group is not None, f"{node.key} has no <g id> in the SVG"
        assert "node" in group.get("class", "").split()
    for other in other_flows(content, flow_id):
        assert "node" in groups[f"f-{other}"].get("class", "").split()


def test_the_project_has_every_flow_drawn(diagrams: Diagrams, content) -> None:
    assert set(diagrams.flows()) == set(content.flows)
    assert next(diagrams.flows()) == "menu"


def test_node_label_is_the_first_line_of_its_english_message(diagrams: Diagrams) -> None:
    group = svg_groups(diagrams.flow_svg("ice_at_door"))["n-ice_at_door-start"]
    assert " ".join(texts(group)) == "Do not open the door. Talk through the door."


def test_option_edges_carry_the_number_the_bot_shows(diagrams: Diagrams) -> None:
    groups = svg_groups(diagrams.flow_svg("menu"))
    assert texts(groups["e-menu-start-1"]) == ["1 ICE is at my door"]
    assert texts(groups["e-menu-start-3"]) == ["3 Police or ICE stopped me"]
    assert texts(groups["e-menu-start-6"]) == ["6 Find legal help"]


def test_officer_nodes_are_marked(diagrams: Diagrams) -> None:
    group = svg_groups(diagrams.flow_svg("stopped"))["n-stopped-officer"]
    assert group.get("class") == "node officer"
    assert "+ English card for the officer" in texts(group)


def test_svg_is_drawn_once_per_flow(diagrams: Diagrams) -> None:
    assert diagrams.flow_svg("airport") is diagrams.flow_svg("airport")


def test_dom_id_of_a_session_position() -> None:
    assert node_dom_id("ice_at_door.warrant") == "n-ice_at_door-warrant"


def nasty_picture() -> Picture:
    """Shapes whose labels hold everything DOT and Mermaid treat specially."""
    return Picture("f", NASTY, (Box("n-f-a", NASTY + "\nsecond line", "start"), Box("f-g", "Other", "link")),
                   (Arrow("e-f-a-1", "n-f-a", "f-g", '1 "quoted" <label> & more'),))


def test_dot_escaping_survives_graphviz(dot_binary: str) -> None:
    groups = svg_groups(render_svg(dot(nasty_picture()), dot_binary))
    assert texts(groups["n-f-a"]) == [NASTY, "second line"]
    assert texts(groups["e-f-a-1"]) == ['1 "quoted" <label> & more']


def test_dot_text_is_escaped_in_source() -> None:
    source = dot(nasty_picture())
    assert r'label="He said \"stop\" <b>&amp;amp; #1 | [x] {y} `z` \\n é 中 مرحبا\nsecond line"' in source


def test_mermaid_text_escapes_markup_characters() -> None:
    assert mermaid_text(NASTY) == ("He said #quot;stop#quot; #lt;b#gt;#amp;amp; #35;1 #124; #91;x#93; #123;y#125; "
                                   "#96;z#96; #92;#8203;n é 中 مرحبا")
    assert mermaid_text("one\ntwo") == "one<br/>two"


MERMAID_LINE = re.compile(
    r'^  (%% .*'
    r'|[A-Za-z0-9_]+(\(\["[^"]*"\]\)|\["[^"]*"\]|\{\{"[^"]*"\}\}|\[\["[^"]*"\]\]|>"[^"]*"\])'
    r'|[A-Za-z0-9_]+ (-->|-\.->)(\|"[^"|]*"\|)? [A-Za-z0-9_]+'
    r'|classDef [a-z]+ [^;"]+;|class [A-Za-z0-9_,]+ [a-z]+;)$')


def check_mermaid(source: str) -> None:
    """Every line is one of the statements we emit, and every edge joins declared nodes."""
    lines = source.splitlines()
    assert lines[0] == "flowchart TD"
    declared = set()
    for line in lines[1:]:
        assert MERMAID_LINE.match(line), f"unexpected Mermaid line: {line!r}"
        if re.match(r"^  [A-Za-z0-9_]+[\[\(\{>]", line):
            declared.add(line.split()[0].split("[")[0].split("(")[0].split("{")[0].split(">")[0])
    for line in lines[1:]:
        edge = re.match(r"^  (\S+) -\.?->\S* (\S+)$", line) or re.match(r'^  (\S+) -\.?->\|"[^"]*"\| (\S+)$', line)
        if edge:
            assert {edge.group(1), edge.group(2)} <= declared, line


def test_mermaid_of_a_nasty_label_keeps_its_structure() -> None:
    check_mermaid(mermaid(nasty_picture()))


@pytest.mark.parametrize("flow_id", ["menu", "ice_at_door", "airport", "get_help", "detainers", "stopped"])
def test_mermaid_of_real_flows(content, flow_id: str) -> None:
    source = mermaid(picture(content, flow_id))
    check_mermaid(source)
    for node in content.flows[flow_id].nodes:
        assert f"  n_{flow_id}_{node}" in source


def test_missing_dot_is_a_clear_error(content) -> None:
    with pytest.raises(DotMissing, match=r"apt-get install graphviz"):
        Diagrams(content, "/nonexistent/dot").flow_svg("menu")


def test_unknown_flow_is_a_key_error(diagrams: Diagrams) -> None:
    with pytest.raises(KeyError):
        diagrams.flow_svg("nope")


# --- routes ---------------------------------------------------------------------------------------
def test_route_svg(app: Flask, dot_binary: str) -> None:
    response = app.test_client().get("/diagram/ice_at_door.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert "n-ice_at_door-warrant" in svg_groups(response.get_data(as_text=True))


def test_route_mermaid(app: Flask) -> None:
    response = app.test_client().get("/diagram/stopped.mmd")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True).startswith("flowchart TD\n")


@pytest.mark.parametrize("url", ["/diagram/nope.svg", "/diagram/nope.mmd", "/diagram/%3Cscript%3E.svg"])
def test_route_unknown_flow(app: Flask, url: str) -> None:
    response = app.test_client().get(url)
    assert response.status_code == 404
    assert response.mimetype == "text/plain"
    assert "unknown flow" in response.get_data(as_text=True) and "ice_at_door" in response.get_data(as_text=True)


def test_route_without_graphviz_says_what_to_install(app: Flask, content, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.extensions, pictures.EXTENSION, Diagrams(content, "/nonexistent/dot"))
    response = app.test_client().get("/diagram/menu.svg")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "install graphviz (Debian: apt-get install graphviz) to draw flows\n"
    assert app.test_client().get("/diagram/menu.mmd").status_code == 200


def test_config_names_the_dot_binary(engine) -> None:
    bare = Flask(__name__)
    bare.config["GRAPHVIZ_DOT"] = "/opt/graphviz/bin/dot"
    bare.extensions["kyrbot"] = Kyr(None, engine, None, None)  # type: ignore[arg-type]
    pictures.init_app(bare)
    assert bare.extensions[pictures.EXTENSION].binary == "/opt/graphviz/bin/dot"


# --- scripts/draw_flows.py ---------------------------------------------------------------------------
def run_script(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the script as a user would."""
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=ROOT, check=False)


def test_script_draws_every_flow(tmp_path: Path, content, dot_binary: str) -> None:
    done = run_script("--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for flow_id in content.flows:
        assert (tmp_path / f"{flow_id}.mmd").read_text(encoding="utf-8").startswith("flowchart TD")
        groups = svg_groups((tmp_path / f"{flow_id}.svg").read_text(encoding="utf-8"))
        assert f"n-{flow_id}-{content.flows[flow_id].start}" in groups
        assert f"wrote {tmp_path / flow_id}.svg" in done.stdout


def test_script_one_flow_mermaid_only(tmp_path: Path) -> None:
    done = run_script("--out", str(tmp_path), "--flow", "airport", "--format", "mmd")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["airport.mmd"]


def test_script_without_dot_writes_mermaid_and_fails(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    done = run_script("--out", str(tmp_path / "out"), "--flow", "menu", env={**os.environ, "PATH": str(empty)})
    assert done.returncode == 1
    assert "apt-get install graphviz" in done.stderr
    assert (tmp_path / "out" / "menu.mmd").exists() and not (tmp_path / "out" / "menu.svg").exists()


def test_script_unknown_flow(tmp_path: Path) -> None:
    done = run_script("--out", str(tmp_path), "--flow", "nope")
    assert done.returncode == 1
    assert "unknown flow(s): nope" in done.stderr
