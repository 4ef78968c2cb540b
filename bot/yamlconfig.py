"""Load a YAML file into a pydantic model, with errors that name the file, the line and the YAML path.

`sources.yaml:14 sources[3].url: not an http(s) URL` - one line per problem, all problems at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from bot.errors import ConfigError

M = TypeVar("M", bound=BaseModel)


def load_model(path: str | Path, model: type[M], what: str = "a mapping") -> M:
    """Parse and validate `path` as `model`; raise ConfigError listing every problem with its line."""
    path = Path(path)
    try:
        raw_text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"config: cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = YAML(typ="rt").load(raw_text)
    except MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark  # where the broken construct starts is the useful line
        line = mark.line + 1 if mark else 0
        problem = f"{exc.context}: {exc.problem}" if exc.context else exc.problem
        raise ConfigError(f"{path}:{line} invalid YAML: {problem}") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1 the file must be {what}")
    try:
        return model.model_validate(_plain(data))
    except ValidationError as exc:
        messages = [_describe(str(path), data, err) for err in exc.errors()]
        raise ConfigError("\n".join(messages)) from None


def _plain(node):
    """ruamel's round-trip types to plain dicts/lists (pydantic wants plain values)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _describe(filename: str, data, err: dict) -> str:
    """One line per validation error: file:line yaml.path: message."""
    loc = [part for part in err["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
    # pydantic adds union/annotated branch names (e.g. 'str', 'int') after the real path; drop them
    path_parts: list[str | int] = []
    node = data
    for part in loc:
        if (
            isinstance(node, dict)
            and part in node
            or isinstance(node, list)
            and isinstance(part, int)
            and part < len(node)
        ):
            path_parts.append(part)
            node = node[part]
        elif isinstance(node, dict) and err["type"] in ("extra_forbidden", "missing"):
            path_parts.append(part)
            break
        else:
            break
    line = _line_of(data, path_parts)
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message = "unknown key"
    elif err["type"] == "missing":
        message = "required"
    elif err["type"] == "literal_error":
        message = f"must be one of {err['ctx']['expected']}"
    message = message.removeprefix("Value error, ")
    # a model validator's "key: problem" is about that key of the object: put it in the path
    key_problem = re.match(r"^([a-z_]+): (.+)$", message, re.S)
    if err["type"] == "value_error" and key_problem:
        key, message = key_problem.groups()
        path_parts.append(key)
        if isinstance(node, dict) and key in node:
            line = _line_of(data, path_parts)
    return f"{filename}:{line} {_dotted(path_parts) or '(top level)'}: {message}"


def _dotted(parts: list[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _line_of(data, parts: list[str | int]) -> int:
    """1-based line of the deepest node on `parts` that the YAML has (ruamel keeps positions)."""
    line = 1
    node = data
    for part in parts:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, dict) and part in node:
                if lc is not None:
                    line = lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                if lc is not None:
                    line = lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        except (KeyError, AttributeError, TypeError):
            break
    return line
