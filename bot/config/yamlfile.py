"""Load a YAML file into a pydantic model, with errors that name the file, the line and the YAML path.

`sources.yaml:14 sources[3].url: not an http(s) URL` - one line per problem, all problems at once (worded by
bot.config.yaml_errors); a block whose indentation breaks is reported at the line that breaks it.
Aliases (`*name`) may add at most ALIAS_BUDGET nodes to what the file spells out, so a "billion laughs" alias
bomb is a config error in milliseconds, not minutes of expansion and a MemoryError; recursive aliases too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from bot.config.yaml_errors import describe
from bot.errors import ConfigError

M = TypeVar("M", bound=BaseModel)


class StrictModel(BaseModel):
    """The base of every configuration model: unknown keys are errors, values are frozen, defaults validated."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


ALIAS_BUDGET = 10_000  # nodes that aliases may add: merge keys and shared lists in a real file add a few hundred


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
        raise ConfigError(f"{path}:{_yaml_problem(exc)}") from exc
    except RecursionError:
        raise ConfigError(f"{path}:1 invalid YAML: nested too deeply") from None
    _check_aliases(path, data)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1 the file must be {what}")
    try:
        return model.model_validate(_plain(data))
    except ValidationError as exc:
        messages = [describe(str(path), data, err, model) for err in exc.errors()]
        raise ConfigError("\n".join(messages)) from None


def _yaml_problem(exc: MarkedYAMLError) -> str:
    """`LINE invalid YAML: ...`: an unclosed bracket or quote at the line it opens; a block broken by indentation at
    the line that breaks it (the block's start is named too)."""
    context, problem = exc.context_mark, exc.problem_mark
    if context and problem and (exc.context or "").startswith("while parsing a block") and problem.line > context.line:
        return (
            f"{problem.line + 1} invalid YAML: {exc.problem} (check the indentation of this line; the block it "
            f"breaks starts at line {context.line + 1})"
        )
    mark = context or problem  # where an unclosed construct starts is the useful line
    text = f"{exc.context}: {exc.problem}" if exc.context else exc.problem
    return f"{mark.line + 1 if mark else 0} invalid YAML: {text}"


def _check_aliases(path: Path, data) -> None:
    """ConfigError when aliases would expand the document by more than ALIAS_BUDGET nodes, or refer to themselves."""
    sizes: dict[int, int] = {}  # id(container) -> nodes once expanded; ruamel shares one object per anchor
    open_: set[int] = set()
    spelled = 0  # nodes as written: a repeated container counts once, like the `*alias` that names it

    def size(node) -> int:
        nonlocal spelled
        if not isinstance(node, dict | list):
            spelled += 1
            return 1
        key = id(node)
        if key in open_:
            raise ConfigError(f"{path}:{_node_line(node)} invalid YAML: an alias refers to a node that contains it")
        if key in sizes:
            spelled += 1
            return sizes[key]
        open_.add(key)
        spelled += 1
        children = [c for pair in node.items() for c in pair] if isinstance(node, dict) else node
        total = 1 + sum(size(child) for child in children)
        open_.discard(key)
        sizes[key] = total
        return total

    try:
        expanded = size(data)
    except RecursionError:
        raise ConfigError(f"{path}:1 invalid YAML: nested too deeply") from None
    if expanded - spelled > ALIAS_BUDGET:
        raise ConfigError(
            f"{path}:1 invalid YAML: aliases would expand the file to {expanded:,} nodes"
            f" (at most {ALIAS_BUDGET:,} more than it spells out)"
        )


def _node_line(node) -> int:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None and lc.line is not None else 1


def _plain(node):
    """ruamel's round-trip types to plain dicts/lists (pydantic wants plain values)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node
