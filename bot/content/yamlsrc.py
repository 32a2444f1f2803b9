"""Read YAML files for people who are not programmers: line numbers kept, duplicate keys refused.

Files are parsed by libyaml when PyYAML has it (5x faster: most of start-up was PyYAML's pure-Python scanner),
with the same constructors and resolvers; a file libyaml refuses is parsed again by the pure-Python parser,
whose error messages (the ones people read, and tests pin) are the ones shown.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml


class YamlError(Exception):
    """A YAML file that cannot be read; the message names file, line and the fix."""


class LineDict(dict):
    """A mapping that remembers the line (1-based) of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    """SafeLoader that records lines and refuses a key written twice."""


_CParser: Any = getattr(yaml.cyaml, "CParser", None)  # None when PyYAML was built without libyaml

if _CParser is not None:

    class _FastLoader(_CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """libyaml's parser with _Loader's constructors and resolvers (set below, after _Loader's)."""

        name: str

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> LineDict:
    """Build a LineDict; a repeated key is an error, since YAML would silently keep the last one."""
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            raise YamlError(
                f"{loader.name}:{line}: '{key}' is written twice (first on line {result.key_lines[key]}). "
                "Fix: keep one of them; each name may appear once at the same level."
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text: reviewers write 2026-11-23 and expect to read back the same thing. And only true/false
# are booleans (YAML 1.2): in YAML 1.1 the words yes, no, on and off turn into booleans, a trap for a
# list of words such as "yes: [yes, si]".
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
if _CParser is not None:
    _FastLoader.yaml_constructors = _Loader.yaml_constructors
    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def load_yaml(path: Path, root: Path | None = None, fast: bool = True) -> Any:
    """Parse one YAML file; syntax errors become YamlError with the file and line. `fast`: libyaml if present."""
    name = str(path.relative_to(root)) if root else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(f"{name}: not UTF-8 text ({exc.reason}). Fix: save the file as UTF-8.") from None
    if fast and _CParser is not None:
        loader = _FastLoader(text)
        loader.name = name
        try:
            return loader.get_single_data()
        except YamlError:
            raise
        except yaml.YAMLError:
            pass  # parsed again below, for the pure-Python parser's message
        finally:
            loader.dispose()
    return _load_slowly(text, name)


def _load_slowly(text: str, name: str) -> Any:
    """Parse with the pure-Python parser, whose errors say what is wrong in words people can act on."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # a control character (NUL, ...) that YAML does not allow anywhere
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise YamlError(
            f"{name}:{line}: the invisible character U+{exc.character:04X} is not allowed. "
            "Fix: delete it (retype the line if you cannot see it)."
        ) from None
    loader.name = name
    try:
        return loader.get_single_data()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "unreadable YAML"
        raise YamlError(
            f"{name}:{line}: YAML syntax error: {problem}. "
            "Fix: check the indentation and quotes on that line and the one above."
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{name}: unreadable YAML ({exc}). Fix: check the file's indentation and quotes.") from None
    finally:
        loader.dispose()


def line_of(data: Any, key: str | None = None) -> int:
    """The line of a mapping (or of one of its keys), 0 when unknown."""
    if isinstance(data, LineDict):
        return data.key_lines.get(key, data.line) if key else data.line
    return 0
