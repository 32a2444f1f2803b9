"""The chat tool's machine mode, exactly as DESIGN.md fixes it (other tools and checks rely on it)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.content.loader import load_content
from bot.content.targets import public_target
from bot.service.runtime import ROOT


def chat(lines: list[str], *args: str) -> list[dict]:
    """Run scripts/chat.py --json over the lines; one JSON object per line back."""
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "chat.py"), "--json", *args],
                         input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(out) == len(lines)
    return out


@pytest.fixture(scope="module")
def sms_run() -> list[dict]:
    """One run over several users and messages, on the sms channel."""
    return chat(["hi", json.dumps({"user": "u2", "text": "ICE is at my door"}), "1", "more",
                 json.dumps({"user": "u3", "text": "hola", "lang": "en"}), "menu"], "--channel", "sms")


def test_hi_gets_disclaimer_and_menu_of_all_flows(sms_run: list[dict]) -> None:
    """'hi' is answered with the disclaimer and a menu of the eight flows."""
    first = sms_run[0]
    assert (first["user"], first["lang"], first["flow"], first["node"]) == ("local", "en", "menu", "start")
    reply = first["replies"][0]
    assert "not legal advice" in reply["text"]
    content = load_content(ROOT)
    menu = [public_target(content, "menu", o.target) for o in content.node("menu").options]
    assert [o["target"] for o in reply["options"]] == menu
    assert [o["key"] for o in reply["options"]] == [str(i) for i in range(1, len(menu) + 1)]


def test_object_shape_and_sms_cost(sms_run: list[dict]) -> None:
    """Every object has the fixed keys; sms replies carry segments and encoding."""
    for obj in sms_run:
        assert set(obj) == {"user", "lang", "flow", "node", "replies"}
        for reply in obj["replies"]:
            assert set(reply) == {"text", "options", "segments", "encoding"}
            assert reply["encoding"] == "GSM-7" and reply["segments"] >= 1
            for option in reply["options"]:
                assert set(option) == {"key", "label", "target"}
    assert sms_run[0]["replies"][0]["segments"] == 3   # welcome, disclaimer and the short main menu


def test_users_are_separate_conversations(sms_run: list[dict]) -> None:
    """u2 jumps to the door guidance; 'local' goes on from its own menu, and MORE gives it the options that did
    not fit the first 3-segment page."""
    assert (sms_run[1]["user"], sms_run[1]["flow"], sms_run[1]["node"]) == ("u2", "ice_at_door", "start")
    assert (sms_run[2]["user"], sms_run[2]["flow"], sms_run[2]["node"]) == ("local", "ice_at_door", "start")
    assert sms_run[2]["replies"][0]["options"] == [] and sms_run[2]["replies"][0]["segments"] == 3
    assert sms_run[3]["replies"][0]["options"][0]["target"] == "ice_at_door.warrant"


def test_web_channel_has_no_sms_fields() -> None:
    """segments and encoding are for the sms channel only."""
    out = chat(["hi"], "--channel", "web")
    assert "segments" not in out[0]["replies"][0]


def test_non_json_line_is_plain_text() -> None:
    """A line that looks like JSON but is not is taken as text, never a crash."""
    out = chat(["{not json", ""])
    assert out[0]["user"] == "local" and out[0]["replies"]
    assert out[1]["replies"][0]["text"].startswith("Your message was empty.")
