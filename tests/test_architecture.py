"""The shape of the code: no import cycle anywhere in bot/, and a pure core that reads no clock, environment,
network or database — checked over every module by path, so a new module is covered without a list to keep."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from bot.service.runtime import ROOT

BOT = ROOT / "bot"
PURE = ("core", "nlu", "content", "text")          # packages the engine's purity covers
NO_FILES = ("core", "nlu", "text")                 # ...of which these read no file either (content loads files)
IO_PACKAGES = {"flask", "telegram", "twilio", "sqlite3", "redis", "requests", "httpx", "socket", "http",
               "urllib", "subprocess", "time", "huey", "werkzeug", "asyncio", "threading"}
BANNED_CALLS = {"os.getenv", "os.environ", "datetime.now", "datetime.utcnow", "date.today", "time.time",
                "time.monotonic", "time.perf_counter"}
FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes"}


def module_name(path: Path) -> str:
    """bot/core/engine.py -> bot.core.engine; bot/core/__init__.py -> bot.core."""
    parts = path.relative_to(ROOT if path.is_relative_to(ROOT) else path.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(BOT.rglob("*.py"))}


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (inside functions too), as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES}
    return found


def bot_graph() -> dict[str, set[str]]:
    """Module -> the bot modules it imports."""
    return {name: {m for m in imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the list of modules around it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_no_import_cycle_in_bot() -> None:
    """Every import of every module under bot/, inside functions included, forms no cycle."""
    cycle = find_cycle(bot_graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_cycle_finder_finds_a_cycle() -> None:
    """The check above can fail: a two-module loop is reported."""
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


PURE_FILES = [p for name, p in MODULES.items() if len(name.split(".")) > 1 and name.split(".")[1] in PURE]


def dotted(node: ast.AST) -> str:
    """'os.environ' for an attribute chain, '' for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = dotted(node.value)
        return f"{head}.{node.attr}" if head else ""
    return ""


def impurities(path: Path) -> list[str]:
    """What makes a module impure: an I/O or clock import, a clock or environment read, a file read."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = sorted(f"imports {m}" for m in imports(path) if m.split(".")[0] in IO_PACKAGES)
    for node in ast.walk(tree):
        name = dotted(node) if isinstance(node, ast.Attribute) else ""
        if name in BANNED_CALLS or any(name.endswith("." + b) for b in BANNED_CALLS):
            found.append(f"uses {name}")
        if isinstance(node, ast.ImportFrom) and node.module in ("os", "datetime", "time"):
            found += [f"imports {node.module}.{a.name}" for a in node.names if a.name in ("getenv", "environ")]
        if path.parent.name in NO_FILES and isinstance(node, ast.Call):
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func in FILE_CALLS:
                found.append(f"calls {func}()")
    return sorted(found)


@pytest.mark.parametrize("path", PURE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_modules_are_pure(path: Path) -> None:
    """bot/core, nlu, content and text: no web framework, SDK, database, socket, clock or environment."""
    assert impurities(path) == []


def test_purity_check_can_fail(tmp_path: Path) -> None:
    """The check above catches each kind of impurity."""
    bad = tmp_path / "core" / "bad.py"
    bad.parent.mkdir()
    bad.write_text("import os\nfrom time import sleep\nimport redis\n"
                   "def f():\n    import flask\n    return os.getenv('X'), datetime.now(), open('x')\n")
    assert impurities(bad) == ["calls open()", "imports flask", "imports redis", "imports time",
                               "uses datetime.now", "uses os.getenv"]


def test_importing_the_pure_core_loads_no_io_library() -> None:
    """Importing every pure module loads none of the I/O packages, directly or through a dependency."""
    names = [module_name(p) for p in PURE_FILES]
    # the standard library loads time, threading and urllib.parse (pathlib) itself: watch what does I/O
    stdlib = {"time", "threading", "asyncio", "urllib", "http"}
    watched = sorted(IO_PACKAGES - stdlib | {"urllib.request", "http.client"})
    code = (f"import sys; import {', '.join(names)}; "
            f"print(','.join(m for m in {watched!r} if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""
