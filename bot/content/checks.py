"""Checks that need the whole content: targets, reachability, dead ends, placeholders, SMS budget."""

from __future__ import annotations

import gsm0338  # noqa: F401  (registers the gsm03.38 codec)

from bot.content.errors import Problems
from bot.content.model import MENU, NEEDS_NEXT, Content, Flow, Node
from bot.content.targets import (
    FAMILY_FLOW,
    FAMILY_PLACEHOLDERS,
    PLACEHOLDER,
    SERVICE_PLACEHOLDERS,
    SIMPLE_PLACEHOLDERS,
    resolve,
)

SMS_BUDGET = 480


def _texts_of(node: Node) -> list[str]:
    """Every message id a node owns."""
    ids = [node.text_id, node.title_id, node.officer_id, node.voice_id, *node.state_text_ids.values()]
    return [i for i in ids if i] + [o.label_id for o in node.options + node.answers if o.label_id]


def _check_text(
    content: Content, flow: Flow, node: Node | None, msg_id: str, problems: Problems, known: tuple[str, ...] = ()
) -> None:
    """Placeholders known, length within the SMS budget, English in GSM-7 only (node None: a flow's message)."""
    text = content.texts["en"][msg_id]
    line, name_ = (node.line, node.name) if node else (0, "")
    add = lambda problem, fix: problems.add(flow.file, line, problem, fix, flow.id, name_)
    names = SIMPLE_PLACEHOLDERS + known
    for match in PLACEHOLDER.finditer(text):
        name, arg = match.group(1), match.group(2)
        if name == "phone" and arg not in content.hotlines:
            add(
                f"'{match.group(0)}' names no hotline.",
                f"use one of: {', '.join(content.hotlines)} (see flows/hotlines.yaml).",
            )
        elif name != "phone" and (name not in names or arg):
            add(
                f"unknown placeholder '{match.group(0)}'.",
                f"use {{{'}, {'.join(names)}}} or {{phone:<hotline>}}.",
            )
    stray = PLACEHOLDER.sub("", text)
    if "{" in stray or "}" in stray:
        add(f"'{msg_id}' has a stray brace.", "write placeholders as {state} or {phone:name}; remove lone { or }.")
    if len(text) > SMS_BUDGET:
        add(
            f"'{msg_id}' is {len(text)} characters, over the SMS budget of {SMS_BUDGET}.",
            "shorten it, or move details to a new node behind a 'more' option.",
        )
    try:
        text.encode("gsm03.38")
    except UnicodeEncodeError as exc:
        add(
            f"'{msg_id}' has '{text[exc.start]}', which is not a GSM-7 character and makes SMS cost more.",
            "use straight quotes ' and \", a plain hyphen -, and no emoji.",
        )


def _check_node(content: Content, flow: Flow, node: Node, problems: Problems) -> None:
    """Targets exist, the node leads somewhere, texts pass."""
    add = lambda problem, fix: problems.add(flow.file, node.line, problem, fix, flow.id, node.name)
    if node.name in content.flows:
        add(f"a node may not share its name with the flow '{node.name}'.", "rename the node.")
    for opt in node.options:
        if resolve(content, flow.id, opt.target) is None:
            add(
                f"option '{opt.target}' leads to no node or flow.",
                f"name a node of this flow ({', '.join(flow.nodes)}), a flow ({', '.join(content.flows)}), "
                "'flow.node', or back.",
            )
        elif not opt.label_id and _label_missing(content, flow, opt.target):
            add(
                f"option '{opt.target}' has no label.",
                f"give node '{opt.target}' a 'title:', or write the option as 'go: {opt.target}' with 'label:'.",
            )
    if node.input in NEEDS_NEXT and not node.next:
        add(f"input '{node.input}' has no 'next'.", "add 'next: <node>' to say where to go after the answer.")
    if node.input in ("consent", "confirm") and len(node.options) != 2:
        add("a consent question needs two options.", "list where YES leads first, then where NO leads.")
    if node.answers and node.input != "answer":
        add("'answers' belong to a question.", "add 'input: answer', or write the answers as options.")
    if node.next and resolve(content, flow.id, node.next) is None:
        add(f"next '{node.next}' leads to no node or flow.", f"name a node of this flow ({', '.join(flow.nodes)}).")
    if not node.options and not node.input:
        add("dead end: no options.", "add 'options:' (for example the next step, 'back' or 'menu').")
    for msg_id in _texts_of(node):
        _check_text(content, flow, node, msg_id, problems)


def _label_missing(content: Content, flow: Flow, target: str) -> bool:
    """True when an option's target has no title to use as its label."""
    key = resolve(content, flow.id, target)
    if key in ("back", "language") or target in content.flows:
        return False
    return content.node(key).title_id is None  # type: ignore[arg-type]


def _reachable(content: Content) -> set[str]:
    """Node keys reachable by numbered options from the main menu, or from a flow a global word opens (PERSON)."""
    seen: set[str] = set()
    words = content.keywords.get("en", {})
    todo = [f"{MENU}.{content.flows[MENU].start}"] + [
        f"{f.id}.{f.start}" for f in content.flows.values() if f.id in words
    ]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        node = content.node(key)
        targets = [o.target for o in node.options] + ([node.next] if node.next else [])
        todo += [k for t in targets if (k := resolve(content, node.flow, t)) and "." in k]
    return seen


def _service_placeholders(flow: Flow) -> tuple[str, ...]:
    """What the service fills in a flow's own messages (the emergency contacts' flow has a few of its own)."""
    return SERVICE_PLACEHOLDERS + (FAMILY_PLACEHOLDERS if flow.id == FAMILY_FLOW else ())


def check_content(content: Content, problems: Problems) -> None:
    """Run every whole-content check, adding to problems."""
    for flow in content.flows.values():
        for node in flow.nodes.values():
            _check_node(content, flow, node, problems)
        for msg_id in [k for k in content.texts["en"] if k.startswith(f"{flow.id}.msg.")]:
            _check_text(content, flow, None, msg_id, problems, _service_placeholders(flow))
    if problems.items:
        return  # reachability on a broken graph only adds noise
    reached = _reachable(content)
    for flow in content.flows.values():
        for node in flow.nodes.values():
            if node.key not in reached:
                problems.add(
                    flow.file,
                    node.line,
                    "unreachable: no option leads here from the menu.",
                    "add it to the 'options' of another node, or delete it.",
                    flow.id,
                    node.name,
                )
    for phrase in content.phrases:
        flow_id = phrase.target.split(".")[0]
        if flow_id not in content.flows or resolve(content, flow_id, phrase.target) is None:
            problems.add(
                phrase.file or f"flows/phrases/{phrase.lang}.yaml",
                phrase.line,
                f"phrase '{phrase.text}' leads to '{phrase.target}', which does not exist.",
                "use a flow id or 'flow.node'.",
            )
