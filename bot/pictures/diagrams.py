"""Flow pictures: a flow's nodes and options as Mermaid source, Graphviz DOT, and SVG drawn by Debian's `dot`.

In the SVG every node's <g> has the id `n-<flow>-<node>` (class "node"), a link to another flow `f-<flow>`, so the
trainers' page can highlight where a conversation stands. 'Back' and '0 Main menu' are on nearly every node and
are left out to keep the picture readable; option numbers stay those the bot shows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from bot.content.model import Content, Node
from bot.content.targets import SPECIAL, resolve
from bot.core import family
from bot.core.views import View

DOT_TIMEOUT = 20.0  # seconds; the largest flow draws in well under one
WRAP = 30  # characters per label line
LINES = 2  # label lines kept from a node's first line
EDGE_CHARS = 34  # an option label longer than this is shortened
INSTALL_HINT = "install graphviz (Debian: apt-get install graphviz) to draw flows"


class DiagramError(RuntimeError):
    """A flow could not be drawn."""


class DotMissing(DiagramError):
    """Graphviz's `dot` is not installed."""

    def __init__(self, binary: str) -> None:
        super().__init__(f"'{binary}' was not found: {INSTALL_HINT}.")


@dataclass(frozen=True)
class Box:
    """One shape in the picture."""

    id: str  # the SVG id: n-<flow>-<node>, f-<flow>, p-<flow>-<node>
    label: str  # may hold '\n' between lines
    kind: str  # start | node | officer | link | phrases


@dataclass(frozen=True)
class Arrow:
    """One edge: an option's number and label, or the step after a question."""

    id: str
    src: str
    dst: str
    label: str
    dashed: bool = False


@dataclass(frozen=True)
class Picture:
    """A flow as shapes and arrows, independent of the drawing language."""

    flow: str
    title: str
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]


def node_dom_id(key: str) -> str:
    """The SVG id of the node at 'flow.node' (what the web page highlights)."""
    flow, _, node = key.partition(".")
    return f"n-{flow}-{node}"


def shorten(text: str, width: int) -> str:
    """Cut at a word boundary and mark the cut with '...'."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 2].rsplit(" ", 1)[0] if " " in text[: width - 2] else text[: width - 3]
    return cut.rstrip(" .,;:-") + "..."


def first_line(text: str) -> str:
    """A message's first non-empty line, without a list dash."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line[2:] if line.startswith("- ") else line


def node_label(text: str) -> str:
    """A node's message as at most two wrapped lines."""
    lines = textwrap.wrap(" ".join(first_line(text).split()), WRAP) or [""]
    if len(lines) > LINES:
        lines = lines[: LINES - 1] + [shorten(" ".join(lines[LINES - 1 :]), WRAP)]
    return "\n".join(lines)


class _Builder:
    """Collects the boxes and arrows of one flow."""

    def __init__(self, content: Content, flow_id: str) -> None:
        self.content, self.flow = content, content.flows[flow_id]
        self.en = content.texts["en"]
        self.view = View(content, None)  # option labels as the bot shows them, in English
        self.boxes: dict[str, Box] = {}
        self.arrows: list[Arrow] = []

    def build(self) -> Picture:
        """Every node, its options, its free-text phrases."""
        for node in self.flow.nodes.values():
            self.add_node(node)
        for node in self.flow.nodes.values():
            self.add_options(node)
        self.add_phrases()
        self.add_words()
        return Picture(self.flow.id, self.en[self.flow.title_id], tuple(self.boxes.values()), tuple(self.arrows))

    def add_node(self, node: Node) -> None:
        """A node's box: its first line, with what makes it special."""
        label = node_label(self.en[node.text_id])
        extras = []
        if node.state_text_ids:
            extras.append("states: " + ", ".join(sorted(node.state_text_ids)))
        if node.officer_id:
            extras.append("+ English card for the officer")
        kind = "officer" if node.officer_id else "start" if node.name == self.flow.start else "node"
        self.boxes[node.key] = Box(node_dom_id(node.key), "\n".join([label, *extras]), kind)

    def add_options(self, node: Node) -> None:
        """Numbered options (as the bot numbers them) and the step after a state question."""
        src = self.boxes[node.key].id
        for key, option in enumerate(node.options, start=1):
            if option.target == "back":
                continue
            label = self.view.label(node, option.target, option.label_id, "en")
            self.arrows.append(
                Arrow(
                    f"e-{self.flow.id}-{node.name}-{key}",
                    src,
                    self.target_id(node, option.target),
                    f"{key} {shorten(label, EDGE_CHARS)}",
                )
            )
        if node.input and node.next:
            dst = self.target_id(node, node.next)
            self.arrows.append(
                Arrow(f"e-{self.flow.id}-{node.name}-{node.input}", src, dst, f"({node.input} given)", dashed=True)
            )

    def target_id(self, node: Node, target: str) -> str:
        """The box an option points at; another flow (or the language menu) becomes a link box."""
        key = resolve(self.content, node.flow, target) or target
        other = key.partition(".")[0]
        if key in SPECIAL or other != self.flow.id:
            name = key if key in SPECIAL else other
            box_id = f"f-{name}"
            if box_id not in self.boxes:  # link boxes are keyed by their id, node boxes by 'flow.node'
                title = self.en[self.content.flows[name].title_id] if name in self.content.flows else name.title()
                self.boxes[box_id] = Box(box_id, f"{shorten(title, WRAP)}\n({name})", "link")
            return box_id
        return self.boxes[key].id

    def add_phrases(self) -> None:
        """What people type that opens a node of this flow directly (English phrases)."""
        found: dict[str, list[str]] = {}
        for phrase in self.content.phrases:
            if phrase.lang != "en" or phrase.target.split(".")[0] != self.flow.id:
                continue
            key = resolve(self.content, self.flow.id, phrase.target)
            if key in self.boxes:
                found.setdefault(key, []).append(phrase.text)
        for key, texts in found.items():
            more = f" (+{len(texts) - 1} more)" if len(texts) > 1 else ""
            box_id = "p-" + self.boxes[key].id[2:]
            self.boxes[box_id] = Box(box_id, f'typed: "{shorten(texts[0], WRAP)}"{more}', "phrases")
            self.arrows.append(Arrow(f"e-{box_id}", box_id, self.boxes[key].id, "", dashed=True))

    def add_words(self) -> None:
        """Global words that act in this flow (emergency contacts: CONTACTS, CHECKIN, ALERT), as typed entries."""
        english = self.content.keywords.get("en", {})
        for action, (node, does) in (family.WORDS if self.flow.id == family.FLOW else {}).items():
            if action not in english:
                continue
            box_id = f"w-{self.flow.id}-{action}"
            self.boxes[box_id] = Box(box_id, f"{english[action][0].upper()}: {shorten(does, WRAP * 2)}", "phrases")
            if node:
                self.arrows.append(Arrow(f"e-{box_id}", box_id, self.boxes[f"{self.flow.id}.{node}"].id, "", True))


def picture(content: Content, flow_id: str) -> Picture:
    """The shapes and arrows of a flow (KeyError for an unknown flow)."""
    return _Builder(content, flow_id).build()


# --- Mermaid ----------------------------------------------------------------------------------
_MERMAID_ESC = {
    "&": "#amp;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "#": "#35;",
    "|": "#124;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
    "`": "#96;",
    "\\": "#92;#8203;",
}  # a zero-width space after it, or Mermaid reads a backslash-n as a line break
_MERMAID_SHAPES = {
    "start": '(["{}"])',
    "node": '["{}"]',
    "officer": '{{{{"{}"}}}}',
    "link": '[["{}"]]',
    "phrases": '>"{}"]',
}


def mermaid_text(label: str) -> str:
    """A label safe inside Mermaid quotes: entity codes for markup characters, <br/> between lines."""
    lines = ("".join(_MERMAID_ESC.get(ch, ch) for ch in line) for line in label.split("\n"))
    return "<br/>".join(lines)


def mermaid_id(box_id: str) -> str:
    """Mermaid ids allow letters, digits and '_' only."""
    return re.sub(r"[^A-Za-z0-9_]", "_", box_id)


def mermaid(pic: Picture) -> str:
    """The picture as a Mermaid flowchart (GitHub and GitLab draw it in Markdown)."""
    out = ["flowchart TD", f"  %% {mermaid_text(pic.title)} ({pic.flow}); Back and 0 Main menu not drawn"]
    out += [f"  {mermaid_id(b.id)}" + _MERMAID_SHAPES[b.kind].format(mermaid_text(b.label)) for b in pic.boxes]
    for a in pic.arrows:
        arrow = "-.->" if a.dashed else "-->"
        label = f'|"{mermaid_text(a.label)}"|' if a.label else ""
        out.append(f"  {mermaid_id(a.src)} {arrow}{label} {mermaid_id(a.dst)}")
    out += [
        "  classDef link fill:#eef,stroke:#446;",
        "  classDef officer fill:#fee,stroke:#a33,stroke-width:2px;",
        "  classDef phrases fill:#fff,stroke:#999,color:#555;",
    ]
    for kind in ("link", "officer", "phrases"):
        ids = [mermaid_id(b.id) for b in pic.boxes if b.kind == kind]
        if ids:
            out.append(f"  class {','.join(ids)} {kind};")
    return "\n".join(out) + "\n"


# --- Graphviz ---------------------------------------------------------------------------------
_DOT_SHAPES = {
    "start": 'shape=box, style="rounded,filled,bold", fillcolor="#eef7ee"',
    "node": 'shape=box, style="rounded"',
    "officer": 'shape=box, style="rounded,filled,bold", fillcolor="#fdeaea", color="#aa3333"',
    "link": 'shape=folder, style=filled, fillcolor="#eeeeff", color="#444466"',
    "phrases": 'shape=note, fontcolor="#555555", color="#999999"',
}


def dot_text(text: str) -> str:
    """A DOT double-quoted string: backslash and quote escaped, '&' kept literal (DOT reads entities)."""
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + text.replace("\r", "").replace("\n", "\\n") + '"'


def dot(pic: Picture) -> str:
    """The picture as Graphviz DOT; node ids and classes become SVG attributes."""
    out = [
        "digraph flow {",
        f"  graph [label={dot_text(pic.title + ' (' + pic.flow + ')')}, labelloc=t, "
        'fontname="Helvetica,Arial,sans-serif", fontsize=16, rankdir=TB, nodesep=0.3, ranksep=0.45];',
        '  node [fontname="Helvetica,Arial,sans-serif", fontsize=11, margin="0.12,0.06"];',
        '  edge [fontname="Helvetica,Arial,sans-serif", fontsize=9, color="#555555"];',
    ]
    for b in pic.boxes:
        ident = dot_text(b.id)
        out.append(
            f"  {ident} [id={ident}, class={dot_text(b.kind)}, label={dot_text(b.label)}, {_DOT_SHAPES[b.kind]}];"
        )
    for a in pic.arrows:
        style = ", style=dashed" if a.dashed else ""
        out.append(f"  {dot_text(a.src)} -> {dot_text(a.dst)} [id={dot_text(a.id)}, label={dot_text(a.label)}{style}];")
    out.append("}")
    return "\n".join(out) + "\n"


def render_svg(source: str, binary: str = "dot", timeout: float = DOT_TIMEOUT) -> str:
    """Run `dot -Tsvg` on DOT source; DotMissing when Graphviz is not installed."""
    exe = shutil.which(binary)
    if exe is None:
        raise DotMissing(binary)
    try:
        done = subprocess.run(
            [exe, "-Tsvg"], input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise DiagramError(f"dot took longer than {timeout:.0f} s") from exc
    if done.returncode != 0:
        raise DiagramError("dot failed: " + done.stderr.decode("utf-8", "replace").strip()[:500])
    return done.stdout.decode("utf-8")


class Diagrams:
    """Pictures of one loaded content; SVGs are drawn on first use and kept in memory (content is immutable)."""

    def __init__(self, content: Content, binary: str = "dot") -> None:
        self.content, self.binary = content, binary
        self._svgs: dict[str, str] = {}
        self._lock = threading.Lock()

    def flows(self) -> Iterator[str]:
        """Every flow id, the menu first."""
        yield from sorted(self.content.flows, key=lambda f: (f != "menu", f))

    def mermaid(self, flow_id: str) -> str:
        """Mermaid source of a flow (KeyError when unknown)."""
        return mermaid(picture(self.content, flow_id))

    def dot(self, flow_id: str) -> str:
        """DOT source of a flow (KeyError when unknown)."""
        return dot(picture(self.content, flow_id))

    def flow_svg(self, flow_id: str) -> str:
        """The flow drawn as SVG (KeyError when unknown, DotMissing without Graphviz)."""
        with self._lock:  # one drawing per flow, even when several requests ask at once
            if flow_id not in self._svgs:
                self._svgs[flow_id] = render_svg(self.dot(flow_id), self.binary)
            return self._svgs[flow_id]
