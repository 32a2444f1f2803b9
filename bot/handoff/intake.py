"""The intake's answers: recorded from the engine's events and the message that carried them, and shown to the
volunteers on the case card in English labels, with the person's own words quoted as typed."""

from __future__ import annotations

from bot.content.model import Node
from bot.core.engine import Engine
from bot.core.person import choice_of
from bot.handoff.airports import Airports
from bot.handoff.cases import Case

TYPED, CHOSEN, SKIPPED = "t", "c", "s"


def split_event(event: str) -> tuple[str, str, str] | None:
    """'intake_answer:airport_where' -> ('intake_answer', 'airport', 'where'); None for other events."""
    name, _, node = event.partition(":")
    if name not in ("intake_answer", "intake_skip", "handoff_consent", "handoff_declined") or "_" not in node:
        return None
    kind, _, field = node.partition("_")
    return name, kind, field


def question(engine: Engine, flow: str, kind: str, field: str) -> Node | None:
    """The question node of one intake field."""
    return engine.content.flows[flow].nodes.get(f"{kind}_{field}") if flow in engine.content.flows else None


def answer(engine: Engine, node: Node, text: str, lang: str) -> list[str]:
    """How an answer is recorded: a listed answer's id, or the words as typed."""
    chosen = choice_of(engine, node, text, lang) if node.answers else None
    return [CHOSEN, chosen] if chosen else [TYPED, text.strip()]


def fields(engine: Engine, flow: str, kind: str) -> list[Node]:
    """The questions of one intake, in the order the flow asks them."""
    nodes = engine.content.flows[flow].nodes.values() if flow in engine.content.flows else []
    return [n for n in nodes if n.name.startswith(f"{kind}_") and n.input == "answer"]


def kind_title(engine: Engine, flow: str, kind: str) -> str:
    """The English label of the start option that opens this intake ('Someone is held at an airport')."""
    start = engine.content.flows[flow].start_node if flow in engine.content.flows else None
    for option in start.options if start else ():
        if option.target.startswith(f"{kind}_") and option.label_id:
            return engine.view.t(option.label_id, "en")
    return kind


def card_lines(engine: Engine, flow: str, case: Case, airports: Airports) -> list[str]:
    """'Label: answer' for each question of the case's intake, in English, typed words quoted."""
    lines = []
    for node in fields(engine, flow, case.kind):
        label = engine.view.t(node.title_id, "en") if node.title_id else node.name
        recorded = case.private.answers.get(node.name.partition("_")[2], [SKIPPED, ""])
        lines.append(f"{label}: {_shown(engine, node, recorded, airports)}")
    return lines


def _shown(engine: Engine, node: Node, recorded: list[str], airports: Airports) -> str:
    """One answer as the card shows it."""
    how, value = recorded
    if how == SKIPPED:
        return "(skipped)"
    if how == CHOSEN:
        spec = next((a for a in node.answers if a.target == value), None)
        return engine.view.t(spec.label_id, "en") if spec else value
    found = airports.match(value) if node.name.endswith("_where") and node.name.startswith("airport") else None
    if found and found.airport:
        return f'{found.airport.label()} (typed: "{value}")'
    return f'"{value}"'


def state_of(engine: Engine, case: Case, airports: Airports, session_state: str | None) -> str:
    """The US state the answers name (an airport, a city or ZIP, a state), else the one the session knows."""
    for field, (how, value) in case.private.answers.items():
        if how != TYPED:
            continue
        if field == "where" and case.kind == "airport" and (found := airports.match(value).state):
            return found
        place = engine.states.find(value) if engine.states and field in ("where", "state", "when") else None
        if place is not None:
            return place.code
    return session_state or ""
