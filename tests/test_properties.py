"""Property-based tests: any text in any state gets a valid reply; broken flow files are reported, never crash."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content.errors import ContentError
from bot.content.loader import load_content
from bot.core.engine import Engine
from bot.core.session import SEGMENTS, Inbound, Session
from bot.service.runtime import ROOT
from bot.text import pages
from bot.text.render import as_text, sms_text
from bot.text.sms import utf16_len

# Each channel's page, and the most one message can carry there (Twilio's 1600 characters, Telegram's 4096): the
# engine pages long replies; a menu may pass its page (options are never cut from their question), never the cap.
PAGES = {pages.sms(): 1600, pages.WHATSAPP: 1600, pages.TELEGRAM: 4096}


def node_keys(engine: Engine) -> list[str]:
    """Every node of the real content."""
    return sorted(n.key for f in engine.content.flows.values() for n in f.nodes.values())


texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.sampled_from(["", " ", "0", "1", "99", "menu", "MORE", "back", "stop", "start", "yes", "no", "delete",
                     "ICE is at my door", "la migra", "报警", "٣", "🙏", "<script>", "{state}", "%s%s", "\x00"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), text=texts, pending=st.sampled_from([None, "state", "state_confirm", "language", "clarify"]),
       kind=st.sampled_from(["text", "text", "media", "hello"]))
def test_any_text_in_any_state_gets_a_valid_reply(engine: Engine, data: st.DataObject, text: str,
                                                  pending: str | None, kind: str) -> None:
    """Non-empty replies within the channel's page, and a session that stands on a real node (or is erased)."""
    at = data.draw(st.sampled_from(node_keys(engine)))
    lang = data.draw(st.sampled_from(sorted(engine.content.languages)))
    choices = {"state_confirm": ["CO"], "language": list(engine.content.languages),
               "clarify": ["airport", "stopped"]}.get(pending or "", [])
    session = data.draw(st.sampled_from([None, Session(at=at, lang=lang, pending=pending, choices=choices,
                                                       state=data.draw(st.sampled_from([None, "MA", "CO"])),
                                                       seen=100.0)]))
    page = data.draw(st.sampled_from(list(PAGES)))
    result = engine.step(session, Inbound(text, 200.0, kind=kind, page=page))
    assert result.replies
    for reply in result.replies:
        assert reply.text.strip() and utf16_len(sms_text(reply) if page.unit == SEGMENTS else as_text(reply)) <= PAGES[page]
        assert all(o.key and o.label for o in reply.options)
    if result.session is not None:
        engine.content.node(result.session.at)   # raises if the node does not exist


def _mutate(text: str, data: st.DataObject) -> str:
    """Break a YAML file the ways people do: drop, repeat or re-indent a line, type stray characters."""
    lines = text.splitlines()
    i = data.draw(st.integers(0, len(lines) - 1))
    how = data.draw(st.sampled_from(["drop", "dup", "indent", "dedent", "junk", "tab", "truncate"]))
    if how == "drop":
        del lines[i]
    elif how == "dup":
        lines.insert(i, lines[i])
    elif how == "indent":
        lines[i] = " " + lines[i]
    elif how == "dedent":
        lines[i] = lines[i].lstrip()
    elif how == "junk":
        lines[i] = lines[i] + data.draw(st.sampled_from([":", " {", "- ", '"', "'", "&", "*x", "[", "é’"]))
    elif how == "tab":
        lines[i] = "\t" + lines[i]
    else:
        lines = lines[:i]
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(data=st.data(), flow=st.sampled_from(["ice_at_door", "get_help", "detainers", "common", "menu"]))
def test_broken_flow_is_reported_never_crashes(data: st.DataObject, flow: str) -> None:
    """A randomly broken file either still loads or gives ContentError with a located message."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "flows", Path(tmp) / "flows")
        (Path(tmp) / "translations").mkdir()
        path = Path(tmp) / "flows" / f"{flow}.yaml"
        path.write_text(_mutate(path.read_text(encoding="utf-8"), data), encoding="utf-8")
        try:
            load_content(Path(tmp))
        except ContentError as exc:
            assert exc.problems and all(p.startswith("flows/") and " Fix: " in p for p in exc.problems)
