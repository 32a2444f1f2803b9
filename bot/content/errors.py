"""Content errors that name the file, line, flow, node and the fix."""

from __future__ import annotations

from dataclasses import dataclass, field


class ContentError(Exception):
    """The flows or translations cannot be used; `problems` lists every error found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Problems:
    """Collects every problem in one pass, so a reviewer fixes them all at once."""

    items: list[str] = field(default_factory=list)

    def add(self, where: str, line: int, problem: str, fix: str, flow: str = "", node: str = "") -> None:
        """Record one problem as 'file:line: flow 'f', node 'n': problem Fix: fix'."""
        place = f"{where}:{line}" if line else where
        scope = ", ".join(p for p in (f"flow '{flow}'" if flow else "", f"node '{node}'" if node else "") if p)
        self.items.append(f"{place}: {scope + ': ' if scope else ''}{problem} Fix: {fix}")

    def raise_if_any(self) -> None:
        """Stop here when anything was wrong."""
        if self.items:
            raise ContentError(self.items)
