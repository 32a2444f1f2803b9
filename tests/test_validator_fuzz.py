"""Randomly broken content (tests/data/mini, mutated): the loader either accepts it or raises ContentError whose
every problem names a content file; never any other exception."""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content.errors import ContentError
from bot.content.loader import load_content

MINI = Path(__file__).parent / "data" / "mini"
FILES = sorted(p.name for p in (MINI / "flows").glob("*.yaml"))
NAMES_A_FILE = re.compile(r"^flows/[\w.-]+\.yaml(:\d+)?: ")

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["", " ", "{phone:nowhere}", "{orgs}", "2026-13-45",
                                                           "menu", "back", "start", "ice_at_door.start", "x" * 600]))
values = st.recursive(scalars, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(
    st.one_of(st.text(max_size=8), st.integers(), st.booleans()), kids, max_size=3), max_leaves=8)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path (keys and indexes) inside a parsed YAML tree."""
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, prefix + (i,))
    return out


def _mutate_tree(tree: Any, data: st.DataObject) -> Any:
    """Delete a key or item, change a value's type, rename a key or add a stray one, somewhere in the tree."""
    path = data.draw(st.sampled_from(_paths(tree)))
    if not path:
        return data.draw(values)
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    how = data.draw(st.sampled_from(["delete", "retype", "rename", "add"]))
    if how == "delete":
        del parent[last]
    elif how == "retype":
        parent[last] = data.draw(values)
    elif how == "rename" and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=10))] = parent.pop(last)
    elif isinstance(parent, dict):
        parent[data.draw(st.text(max_size=10))] = data.draw(values)
    else:
        parent.insert(last, data.draw(values))
    return tree


def _broken(raw: bytes, data: st.DataObject) -> bytes | None:
    """A broken version of one file's bytes (None: the file is deleted)."""
    how = data.draw(st.sampled_from(["tree", "tree", "tree", "truncate", "insert_bytes", "random_bytes",
                                     "random_yaml", "not_utf8", "delete_file", "empty"]))
    if how == "tree":
        tree = _mutate_tree(yaml.safe_load(raw), data)
        return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")
    if how == "truncate":
        return raw[:data.draw(st.integers(0, len(raw)))]
    if how == "insert_bytes":
        at = data.draw(st.integers(0, len(raw)))
        return raw[:at] + data.draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    if how == "random_bytes":
        return data.draw(st.binary(max_size=200))
    if how == "random_yaml":
        return yaml.safe_dump(data.draw(values)).encode()
    if how == "not_utf8":
        at = data.draw(st.integers(0, len(raw)))
        return raw[:at] + b"\xff\xfe\xc3" + raw[at:]
    return None if how == "delete_file" else b""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=st.sampled_from(FILES))
def test_randomly_broken_content_is_reported_never_crashes(data: st.DataObject, name: str) -> None:
    """Whatever is done to one file, the result is valid content or a ContentError naming content files."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(MINI, root, dirs_exist_ok=True)
        path = root / "flows" / name
        broken = _broken(path.read_bytes(), data)
        if broken is None:
            path.unlink()
        else:
            path.write_bytes(broken)
        try:
            load_content(root, required=())
        except ContentError as exc:
            assert exc.problems, "a ContentError must list its problems"
            for problem in exc.problems:
                assert NAMES_A_FILE.match(problem), f"problem does not start with a file name: {problem!r}"
            # The broken file is named, or (a flow's node removed) the menu that refers to what is gone.
            text = "\n".join(exc.problems)
            assert f"flows/{name}" in text or "flows/menu.yaml" in text, exc.problems


def test_mutations_do_break_the_content() -> None:
    """The mutations are not all harmless: one deleted key gives a ContentError that names its file."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(MINI, root, dirs_exist_ok=True)
        path = root / "flows" / "ice_at_door.yaml"
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        del tree["sources"]
        path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            load_content(root, required=())
        except ContentError as exc:
            assert any(p.startswith("flows/ice_at_door.yaml") and "source" in p for p in exc.problems)
        else:
            raise AssertionError("a flow without sources was accepted")


def _load_with(name: str, raw: bytes) -> list[str]:
    """The problems reported for the mini content with one file replaced by raw bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(MINI, root, dirs_exist_ok=True)
        (root / "flows" / name).write_bytes(raw)
        try:
            load_content(root, required=())
        except ContentError as exc:
            return exc.problems
        return []


def test_a_control_character_is_reported_with_the_file() -> None:
    """A NUL or other control character (a bad copy-paste) is a ContentError naming the file, not a ReaderError."""
    raw = (MINI / "flows" / "menu.yaml").read_bytes()
    for junk in (b"\x00", b"\x11"):
        problems = _load_with("menu.yaml", junk + raw)
        assert problems and problems[0].startswith("flows/menu.yaml"), problems


def test_hotlines_that_are_not_a_mapping_are_reported() -> None:
    """flows/hotlines.yaml holding a list or a word instead of named numbers is a ContentError naming it."""
    for raw in (b"- 1-844-363-1423\n", b"migrawatch\n", b"7\n"):
        problems = _load_with("hotlines.yaml", raw)
        assert any(p.startswith("flows/hotlines.yaml") for p in problems), (raw, problems)
