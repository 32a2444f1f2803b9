"""The docs cannot rot: every command marked ```sh tested runs, every relative link leads somewhere, and the
README stays short. How to mark a command: docs/development.md, "The docs and their tested commands"."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]
README_MAX_LINES = 250
TIMEOUT = 60  # seconds per command
# docs/*.md pages that have no tested command on purpose, with the reason. Every other page needs one.
NO_TESTED_COMMANDS: dict[str, str] = {"responders.md": "a guide for volunteers: no commands to run"}
# Settings a command must not inherit from the machine running the tests: credentials and deployment choices.
NOT_INHERITED = ("KYR_", "TWILIO_", "TELEGRAM_", "PUBLIC_BASE_URL", "HOST", "PORT")
TIP_LINE = re.compile(r"866[-. ]?(DHS|347)|DHS-2-ICE", re.IGNORECASE)  # as in tests/test_content.py

FENCE = re.compile(r"^(\s*)(`{3,})\s*(.*)$")
HEREDOC = re.compile(r"<<-?\s*(['\"]?)(\w+)\1")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def rel(path: Path) -> str:
    """A page's path from the repository root, for messages and test ids."""
    return path.relative_to(ROOT).as_posix()


def blocks(text: str) -> list[tuple[str, int, list[str]]]:
    """Every fenced block: its info string, the (1-based) line number of its first line, and its lines with the
    fence's indent removed (a block inside a list item is indented)."""
    found, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        i += 1
        if not opening:
            continue
        indent, fence, info = opening.groups()
        first, body = i + 1, []
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i].lstrip())
            i += 1
        found.append((info.strip(), first, body))
        i += 1
    return found


def prose(text: str) -> str:
    """The page without its fenced blocks and inline code, where links and headings live."""
    kept, inside = [], ""
    for line in text.splitlines():
        opening = FENCE.match(line)
        if opening and (not inside or line.strip() == inside):
            inside = "" if inside else opening.group(2)
            kept.append("")
            continue
        kept.append("" if inside else re.sub(r"`[^`]*`", "", line))
    return "\n".join(kept)


def commands(body: list[str], first_line: int) -> list[tuple[int, str]]:
    """The commands of one block: one per line, a trailing backslash continues it, a heredoc runs whole."""
    found, i = [], 0
    while i < len(body):
        line, start = body[i], first_line + i
        i += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        while line.endswith("\\") and i < len(body):
            line, i = line[:-1] + "\n" + body[i], i + 1
        heredoc = HEREDOC.search(line)
        if heredoc:
            while i < len(body) and body[i].strip() != heredoc.group(2):
                line, i = line + "\n" + body[i], i + 1
            line, i = line + "\n" + heredoc.group(2), i + 1
        found.append((start, line))
    return found


def marked_commands(page: Path) -> list[tuple[int, str]]:
    """Every command of the page's ```sh tested blocks, with its line number."""
    return [
        cmd
        for info, first, body in blocks(page.read_text(encoding="utf-8"))
        if info.split() == ["sh", "tested"]
        for cmd in commands(body, first)
    ]


TESTED = [(page, line, cmd) for page in PAGES for line, cmd in marked_commands(page)]


def clean_env(tmp: Path) -> dict[str, str]:
    """The machine's environment without credentials or deployment settings, a throw-away HOME and store, and
    `python3` meaning the interpreter running the tests."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(NOT_INHERITED)}
    (tmp / "home").mkdir()
    env.update(HOME=str(tmp / "home"), KYR_STORE=f"sqlite:///{tmp}/t.db", PYTHONDONTWRITEBYTECODE="1")
    here = Path(sys.executable).parent
    if (here / "python3").exists():
        env["PATH"] = f"{here}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.mark.parametrize(("page", "line", "command"), TESTED, ids=[f"{rel(p)}:{n}" for p, n, _ in TESTED])
def test_documented_command_runs(page: Path, line: int, command: str, tmp_path: Path) -> None:
    """A command the docs mark as tested exits 0 from the repository root, with no input and no credentials."""
    try:
        done = subprocess.run(
            ["bash", "-c", "set -o pipefail\n" + command],
            cwd=ROOT,
            env=clean_env(tmp_path),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{rel(page)}:{line}: still running after {TIMEOUT} s: {command}")
    assert done.returncode == 0, (
        f"{rel(page)}:{line}: exit {done.returncode}: {command}\n"
        f"--- stdout (end)\n{done.stdout[-2000:]}\n--- stderr (end)\n{done.stderr[-2000:]}\n"
        "Fix the command or the code; if it cannot run on a fresh checkout, use a plain ```sh block."
    )


def test_the_docs_have_tested_commands() -> None:
    """The extractor finds the tested blocks (a change of fence style must not silently test nothing)."""
    assert len(TESTED) >= 10, [f"{rel(p)}:{n}" for p, n, _ in TESTED]


def test_command_extraction() -> None:
    """Comments and blank lines are skipped, a backslash continues a line, a heredoc is one command."""
    body = ["# a comment", "", "echo one \\", "  two", "python3 - <<'EOF'", "print(1)", "EOF", "echo three"]
    assert commands(body, 10) == [
        (12, "echo one \n  two"),
        (14, "python3 - <<'EOF'\nprint(1)\nEOF"),
        (17, "echo three"),
    ]


def test_readme_is_short() -> None:
    """The README says what kyrbot is, the two commands, the folders and the links; the rest is in docs/."""
    count = len(README.read_text(encoding="utf-8").splitlines())
    assert count <= README_MAX_LINES, f"README.md has {count} lines (at most {README_MAX_LINES}): move some to docs/"


def test_readme_keeps_the_two_commands() -> None:
    """CI runs `bash scripts/test.sh` because the README says so (.ci/run); the run command stays too."""
    text = README.read_text(encoding="utf-8")
    for command in ("python3 -m pip install -r requirements.txt && python3 webhook.py", "bash scripts/test.sh"):
        assert f"```sh\n{command}\n```" in text, command


def test_every_docs_page_has_a_tested_command() -> None:
    """Each page in docs/ runs at least one of its commands, or says here why it has none."""
    assert not set(NO_TESTED_COMMANDS) - {p.name for p in DOCS}, "NO_TESTED_COMMANDS names a page that is gone"
    untested = [rel(p) for p in DOCS if p.name not in NO_TESTED_COMMANDS and not marked_commands(p)]
    assert not untested, f"no ```sh tested block in {untested} (add one, or list the page in NO_TESTED_COMMANDS)"


def slugs(page: Path) -> set[str]:
    """The anchors GitHub gives the page's headings (lower case, punctuation dropped, spaces to hyphens)."""
    seen: dict[str, int] = {}
    for line in prose(page.read_text(encoding="utf-8")).splitlines():
        heading = HEADING.match(line)
        if heading:
            slug = re.sub(r"[^\w\- ]", "", heading.group(2).strip().lower()).replace(" ", "-")
            seen[slug] = seen.get(slug, -1) + 1
            if seen[slug]:
                seen[f"{slug}-{seen[slug]}"] = 0
    return set(seen)


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_relative_links_lead_somewhere(page: Path) -> None:
    """Every relative link in README.md and docs/*.md names a file that exists, and a heading that exists."""
    broken = []
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in slugs(file):
            broken.append(f"{target}: no heading '#{anchor}' in {file.name}")
    assert not broken, f"{rel(page)}: " + "; ".join(broken)


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_docs_never_name_the_ice_tip_line(page: Path) -> None:
    """ICE's tip line (used to report people) is in no page we ship, as for the flows."""
    assert not TIP_LINE.search(page.read_text(encoding="utf-8")), rel(page)
