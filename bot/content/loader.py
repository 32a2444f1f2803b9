"""Load flows/*.yaml and flows/common.yaml into immutable Content, checking everything a reviewer can get wrong."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.content.errors import Problems
from bot.content.model import (
    INPUT_KINDS,
    MENU,
    Content,
    Flow,
    Hotline,
    Language,
    Node,
    OptionSpec,
    Phrase,
    Review,
    SignOff,
    frozen_map,
)
from bot.content.reviews import DEFAULT_MAX_AGE, REVIEWS_FILE, max_age_days, parse_signoffs, valid
from bot.content.translations import load_translations, read_keywords
from bot.content.yamlsrc import LineDict, YamlError, line_of, load_yaml

DATA_FILES = {"common", "hotlines", "us_states", "organizations", "zip_prefixes", "reviews", "airports"}
FLOW_FIELDS = (
    "flow",
    "title",
    "urgent",
    "wins_ties",
    "reviewed",
    "sources",
    "jurisdiction",
    "phrases",
    "start",
    "nodes",
    "messages",
)
NODE_FIELDS = ("title", "text", "options", "input", "next", "states", "officer", "phrases", "voice", "answers")
OPTION_FIELDS = ("go", "label")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STATE = re.compile(r"^[A-Z]{2}$")


def _strings(value: Any) -> tuple[str, ...]:
    """A list of non-empty strings, or () when the value is not one."""
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return ()


class _FlowReader:
    """Turns one parsed flow file into a Flow and English texts, reporting problems as it goes."""

    def __init__(self, data: LineDict, file: str, problems: Problems, texts: dict[str, str]) -> None:
        self.data, self.file, self.problems, self.texts = data, file, problems, texts
        self.flow = str(data.get("flow", ""))
        self.phrases: list[Phrase] = []

    def fail(self, line: int, problem: str, fix: str, node: str = "") -> None:
        """Record a problem in this file."""
        self.problems.add(self.file, line, problem, fix, self.flow, node)

    def text(self, msg_id: str, value: Any, line: int, field: str, node: str = "") -> str | None:
        """Register an English message under msg_id; refuse empty or non-text values."""
        if not isinstance(value, str) or not value.strip():
            self.fail(line, f"'{field}' must be a non-empty text.", f"write the message after '{field}:'.", node)
            return None
        if msg_id in self.texts:
            self.fail(line, f"message id '{msg_id}' is used twice.", "give each node a different name.", node)
        self.texts[msg_id] = value.strip()
        return msg_id

    def unknown_fields(self, data: dict, allowed: tuple[str, ...], what: str, node: str = "") -> None:
        """Catch typos such as 'optoins' that YAML would otherwise ignore."""
        for key in data:
            if key not in allowed:
                self.fail(
                    line_of(data, key), f"unknown field '{key}' in {what}.", f"use one of: {', '.join(allowed)}.", node
                )

    def read(self) -> Flow | None:
        """Read the whole flow; None when it is too broken to use."""
        d = self.data
        self.unknown_fields(d, FLOW_FIELDS, "the flow")
        title_id = self.text(f"{self.flow}.title", d.get("title"), line_of(d, "title"), "title")
        review = self.review(d.get("reviewed"))
        sources = _strings(d.get("sources"))
        raw = d.get("sources")
        if isinstance(raw, list) and any(not isinstance(item, str) for item in raw):
            self.fail(
                line_of(d, "sources"),
                "a source is not plain text (a ': ' inside it makes YAML read it as a field).",
                'put that source in double quotes, e.g. - "ACLU: know your rights".',
            )
            sources = ()
        elif not sources:
            self.fail(
                line_of(d, "sources") or d.line,
                "no sources.",
                "add 'sources:' with at least one source from FACTS.md (one per line, starting with '- ').",
            )
        self.phrases += [Phrase(p, self.flow, "en", self.file) for p in _strings(d.get("phrases"))]
        nodes = d.get("nodes")
        if not isinstance(nodes, dict) or not nodes:
            self.fail(line_of(d, "nodes") or d.line, "no nodes.", "add 'nodes:' with at least a 'start' node.")
            return None
        start = str(d.get("start", "start"))
        self.messages(d.get("messages"))
        built = {name: self.node(str(name), body) for name, body in nodes.items()}
        if start not in built:
            self.fail(
                line_of(d, "start") or line_of(d, "nodes"),
                f"the start node '{start}' does not exist.",
                f"name a node 'start' or set 'start:' to one of: {', '.join(map(str, built))}.",
            )
        if title_id is None or review is None or not sources or None in built.values() or start not in built:
            return None
        return Flow(
            self.flow,
            title_id,
            start,
            frozen_map(built),
            sources,
            review,
            bool(d.get("urgent")),
            bool(d.get("wins_ties")),
            _strings(d.get("jurisdiction")),
            self.file,
        )

    def review(self, value: Any) -> Review | None:
        """The 'reviewed' record: a date and who reviewed (honestly 'awaiting legal review')."""
        line = line_of(self.data, "reviewed") or self.data.line
        if not isinstance(value, dict) or not isinstance(value.get("by"), str) or not value.get("by"):
            self.fail(
                line,
                "no review record.",
                "add 'reviewed:' with 'date: YYYY-MM-DD' and 'by: <reviewer>' "
                "(write 'by: awaiting legal review' until a lawyer signs).",
            )
            return None
        date = str(value.get("date", ""))
        if not _DATE.match(date):
            self.fail(line, f"review date '{date}' is not a date.", "write it as YYYY-MM-DD, e.g. 2026-11-23.")
            return None
        return Review(date, value["by"])

    def node(self, name: str, body: Any) -> Node | None:
        """Read one node; None when it is unusable."""
        line = line_of(self.data.get("nodes"), name)
        if not isinstance(body, dict):
            self.fail(
                line,
                "a node must have fields such as 'text:' and 'options:'.",
                "indent 'text:' and 'options:' under the node name.",
                name,
            )
            return None
        self.unknown_fields(body, NODE_FIELDS, "a node", name)
        key = f"{self.flow}.{name}"
        text_id = self.text(f"{key}.text", body.get("text"), line_of(body, "text") or line, "text", name)
        title_id = None
        if "title" in body:
            title_id = self.text(f"{key}.title", body["title"], line_of(body, "title"), "title", name)
        officer_id = None
        if "officer" in body:
            officer_id = self.text(f"{key}.officer", body["officer"], line_of(body, "officer"), "officer", name)
        voice_id = None
        if "voice" in body:  # the phone line's version of 'text' (bot/channels/voice)
            voice_id = self.text(f"{key}.voice", body["voice"], line_of(body, "voice"), "voice", name)
        line_phrases = line_of(body, "phrases")
        self.phrases += [Phrase(p, key, "en", self.file, line_phrases) for p in _strings(body.get("phrases"))]
        options = self.options(name, body.get("options", []), line_of(body, "options") or line)
        states = self.states(name, body.get("states") or {}, key)
        kind = body.get("input")
        if kind is not None and kind not in INPUT_KINDS:
            self.fail(
                line_of(body, "input"), f"unknown input '{kind}'.", f"use one of: {', '.join(INPUT_KINDS)}.", name
            )
        answers = self.answers(name, body.get("answers"), line_of(body, "answers") or line) if "answers" in body else ()
        if text_id is None or options is None or answers is None:
            return None
        nxt = body.get("next")
        return Node(
            self.flow,
            name,
            text_id,
            title_id,
            options,
            kind,
            str(nxt) if nxt else None,
            frozen_map(states),
            officer_id,
            line,
            voice_id,
            answers,
        )

    def messages(self, block: Any) -> None:
        """A flow's own messages outside its nodes (what the service says for it): ids '<flow>.msg.<name>'."""
        if block is None:
            return
        if not isinstance(block, dict):
            self.fail(line_of(self.data, "messages"), "'messages' must map names to texts.", "write 'name: text'.")
            return
        for name, value in block.items():
            self.text(f"{self.flow}.msg.{name}", value, line_of(block, name), f"messages: {name}")

    def answers(self, node: str, block: Any, line: int) -> tuple[OptionSpec, ...] | None:
        """An 'answer' question's listed answers, {id: label}, numbered in order: ids '<flow>.<node>.answer.<id>'."""
        if not isinstance(block, dict) or not block:
            self.fail(line, "'answers' must map answer ids to labels.", "write e.g. 'me: Me' under 'answers:'.", node)
            return None
        out = []
        for key, label in block.items():
            msg_id = self.text(f"{self.flow}.{node}.answer.{key}", label, line_of(block, key), f"answers: {key}", node)
            if msg_id:
                out.append(OptionSpec(str(key), msg_id))
        return tuple(out)

    def options(self, node: str, items: Any, line: int) -> tuple[OptionSpec, ...] | None:
        """Options are targets ('warrant', 'get_help', 'flow.node') or {go: target, label: text}."""
        if not isinstance(items, list):
            self.fail(line, "'options' must be a list.", "write each option on its own line starting with '- '.", node)
            return None
        out: list[OptionSpec] = []
        for item in items:
            spec = self.option(node, item, line)
            if spec and any(o.target == spec.target for o in out):
                self.fail(line, f"option '{spec.target}' is listed twice.", "remove one of them.", node)
            elif spec:
                out.append(spec)
        return tuple(out)

    def option(self, node: str, item: Any, line: int) -> OptionSpec | None:
        """Read one option; its label is the target's title unless it gives its own."""
        if isinstance(item, str) and item.strip():
            return OptionSpec(item.strip(), "")
        if isinstance(item, dict) and isinstance(item.get("go"), str):
            self.unknown_fields(item, OPTION_FIELDS, "an option", node)
            target = item["go"].strip()
            label_id = ""
            if "label" in item:
                label_id = (
                    self.text(f"{self.flow}.{node}.to.{target}", item["label"], line_of(item, "label"), "label", node)
                    or ""
                )
            return OptionSpec(target, label_id)
        self.fail(
            line,
            f"option {item!r} is not a target.",
            "write a node name, a flow id or 'flow.node', or 'go: <target>' with 'label: <text>'.",
            node,
        )
        return None

    def states(self, node: str, states: Any, key: str) -> dict[str, str]:
        """Per-state versions of the text: {MA: text, CO: text}."""
        out: dict[str, str] = {}
        if not isinstance(states, dict):
            self.fail(
                line_of(self.data.get("nodes"), node),
                "'states' must map state codes to texts.",
                "write e.g. 'MA: <text for Massachusetts>' under 'states:'.",
                node,
            )
            return out
        for code, value in states.items():
            if not _STATE.match(str(code)):
                self.fail(
                    line_of(states, code),
                    f"'{code}' is not a two-letter state code.",
                    "use the postal code in capitals, e.g. MA or CO.",
                    node,
                )
                continue
            msg = self.text(f"{key}.text.{code}", value, line_of(states, code), f"states: {code}", node)
            if msg:
                out[str(code)] = msg
        return out


def _read_common(root: Path, problems: Problems, texts: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """flows/common.yaml: the engine's own messages (ui.*) and the English global words."""
    data = _load(root / "flows" / "common.yaml", root, problems)
    if not isinstance(data, dict):
        return {}
    for key, value in (data.get("messages") or {}).items():
        if isinstance(value, str) and value.strip():
            texts[f"ui.{key}"] = value.strip()
        else:
            problems.add(
                "flows/common.yaml",
                line_of(data.get("messages"), key),
                f"message '{key}' is empty.",
                "write its text after the colon.",
            )
    return read_keywords("flows/common.yaml", data, problems)


def _read_hotlines(root: Path, problems: Problems) -> dict[str, Hotline]:
    """flows/hotlines.yaml: numbers an organisation checks before launch."""
    data = _load(root / "flows" / "hotlines.yaml", root, problems) or {}
    out: dict[str, Hotline] = {}
    if not isinstance(data, dict):
        problems.add(
            "flows/hotlines.yaml",
            0,
            "the file must list hotlines by name.",
            "write each hotline as 'name:' with 'name:' and 'number:' under it.",
        )
        return out
    for key, item in data.items():
        if not isinstance(item, dict) or not item.get("number") or not item.get("name"):
            problems.add(
                "flows/hotlines.yaml",
                line_of(data, key),
                f"hotline '{key}' needs a name and a number.",
                "add 'name:' and 'number:' under it, or delete it.",
            )
            continue
        states = item.get("states") or []
        if not isinstance(states, list) or not all(isinstance(c, str) and _STATE.match(c) for c in states):
            problems.add(
                "flows/hotlines.yaml",
                line_of(item, "states"),
                f"hotline '{key}': 'states' must list two-letter state codes.",
                "write e.g. 'states: [CO, WY]', or leave it out for a national line.",
            )
            states = []
        out[key] = Hotline(
            key,
            str(item["name"]),
            str(item["number"]),
            str(item.get("area", "")),
            str(item.get("verified", "no")),
            tuple(states),
            item.get("help_line", True) is not False,
        )
    return out


def _load(path: Path, root: Path, problems: Problems) -> Any:
    """Parse a YAML file, turning syntax errors into problems."""
    try:
        return load_yaml(path, root)
    except FileNotFoundError:
        problems.add(str(path.relative_to(root)), 0, "file is missing.", "restore it from git.")
    except YamlError as exc:
        problems.items.append(str(exc))
    return None


def flow_ids(root: Path) -> list[str]:
    """The flows on disk: every flows/*.yaml that is not a data file (the menu included)."""
    return sorted(p.stem for p in (root / "flows").glob("*.yaml") if p.stem not in DATA_FILES)


def _read_flows(
    root: Path, problems: Problems, texts: dict[str, str], required: tuple[str, ...]
) -> tuple[dict[str, Flow], list[Phrase]]:
    """Every flows/*.yaml that is not a data file is a flow."""
    flows: dict[str, Flow] = {}
    phrases: list[Phrase] = []
    for path in (root / "flows" / f"{fid}.yaml" for fid in flow_ids(root)):
        file = str(path.relative_to(root))
        data = _load(path, root, problems)
        if data is None:
            continue
        if not isinstance(data, LineDict) or data.get("flow") != path.stem:
            problems.add(
                file,
                line_of(data, "flow"),
                f"the file must start with 'flow: {path.stem}'.",
                f"write 'flow: {path.stem}' on the first line (the id must match the file name).",
            )
            continue
        reader = _FlowReader(data, file, problems, texts)
        flow = reader.read()
        if flow:
            flows[flow.id] = flow
            phrases += reader.phrases
    for fid in (MENU, *required):
        if fid not in flows and not any(f"flows/{fid}.yaml" in p for p in problems.items):
            problems.add(
                f"flows/{fid}.yaml",
                0,
                f"the flow '{fid}' is missing.",
                f"create flows/{fid}.yaml (see docs/content.md, 'Writing a flow').",
            )
    return flows, phrases


def _read_phrases(root: Path, problems: Problems) -> list[Phrase]:
    """flows/phrases/<lang>.yaml: what people type in each language, by flow or 'flow.node'."""
    out: list[Phrase] = []
    for path in sorted((root / "flows" / "phrases").glob("*.yaml")):
        data = _load(path, root, problems)
        if not isinstance(data, dict):
            continue
        for target, items in data.items():
            if target in ("language",):
                continue
            if not _strings(items):
                problems.add(
                    str(path.relative_to(root)),
                    line_of(data, target),
                    f"'{target}' must list phrases.",
                    "write each phrase on its own line starting with '- '.",
                )
            file, line = str(path.relative_to(root)), line_of(data, target)
            out += [Phrase(p, str(target), path.stem, file, line) for p in _strings(items)]
    return out


def load_content(root: Path, check: bool = True, required: tuple[str, ...] = ()) -> Content:
    """Load and validate all content under root; raise ContentError listing every problem."""
    from bot.content.checks import check_content  # late import: checks need the built Content

    problems = Problems()
    english: dict[str, str] = {}
    keywords = _read_common(root, problems, english)
    hotlines = _read_hotlines(root, problems)
    flows, phrases = _read_flows(root, problems, english, required)
    phrases += _read_phrases(root, problems)
    problems.raise_if_any()
    tr = load_translations(root, english, problems)
    problems.raise_if_any()
    content = Content(
        flows=frozen_map(flows),
        texts=frozen_map({"en": frozen_map(english), **{k: frozen_map(v) for k, v in tr.texts.items()}}),
        keywords=frozen_map({"en": frozen_map(keywords), **tr.keywords}),
        phrases=tuple(phrases) + tr.phrases,
        languages=frozen_map({"en": Language("en", "English"), **tr.languages}),
        hotlines=frozen_map(hotlines),
        sources=frozen_map({k: frozen_map(v) for k, v in tr.sources.items()}),
    )
    content = _with_reviews(root, content, problems)
    if check:
        check_content(content, problems)
    problems.raise_if_any()
    return content


def _with_reviews(root: Path, content: Content, problems: Problems) -> Content:
    """Add the translations' source fingerprints, the sign-offs that still hold and the review_max_age setting."""
    path = root / "flows" / REVIEWS_FILE
    signoffs: list[SignOff] = []
    if path.exists():
        signoffs, found = parse_signoffs(_load(path, root, problems))
        problems.items.extend(found)
    common = _load(root / "flows" / "common.yaml", root, Problems())  # its problems are already reported
    settings = common.get("settings") if isinstance(common, dict) else None
    settings = settings if isinstance(settings, dict) else {}
    max_age = str(settings.get("review_max_age", DEFAULT_MAX_AGE))
    try:
        max_age_days(max_age)
    except ValueError as exc:
        problems.add(
            "flows/common.yaml",
            line_of(settings, "review_max_age"),
            f"{exc}.",
            "write e.g. 'review_max_age: 6 months'.",
        )
        max_age = DEFAULT_MAX_AGE
    content = replace(content, review_max_age=max_age)
    return replace(content, reviews=frozen_map(valid(content, signoffs)))
