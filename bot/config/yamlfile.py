"""Load a YAML file into a pydantic model, with errors that name the file, the line and the YAML path.

`sources.yaml:14 sources[3].url: not an http(s) URL` - one line per problem, all problems at once. An unknown
key names the model's closest keys ("did you mean every?"); a model validator may name the exact place of its
problem as `sources[3].name: ...`; a block whose indentation breaks is reported at the line that breaks it.
Aliases (`*name`) may add at most ALIAS_BUDGET nodes to what the file spells out, so a "billion laughs" alias
bomb is a config error in milliseconds, not minutes of expansion and a MemoryError; recursive aliases too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar, get_args

from pydantic import BaseModel, ConfigDict, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from bot.config.tagged import TAG, branches
from bot.errors import ConfigError
from bot.suggest import closest

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
        messages = [_describe(str(path), data, err, model) for err in exc.errors()]
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


def _describe(filename: str, data, err: dict, model: type[BaseModel] | None = None) -> str:
    """One line per validation error: file:line yaml.path: message."""
    loc = [part for part in err["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
    # pydantic adds union/annotated branch names (e.g. 'str', 'int') after the real path; drop them. A tagged
    # union's branch name (the entry's own `type`, bot.config.tagged) is read as "this entry is of that type".
    path_parts: list[str | int] = []
    node, where = data, _Where(model)
    owner = where  # the model of the mapping that holds the last key on the path
    for part in loc:
        if where.choice and isinstance(node, dict) and node.get(TAG) == part and part in where.choice:
            where = _Where(where.choice[part], tag=part, others=where.choice)
        elif (
            isinstance(node, dict)
            and part in node
            or isinstance(node, list)
            and isinstance(part, int)
            and part < len(node)
        ):
            path_parts.append(part)
            node = node[part]
            owner, where = where, where.down(part)
        elif isinstance(node, dict) and err["type"] in ("extra_forbidden", "missing"):
            path_parts.append(part)
            owner = where
            break
        else:
            break
    line = _line_of(data, path_parts)
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message = owner.unknown_key(str(path_parts[-1])) if path_parts else "unknown key"
    elif err["type"] == "missing":
        message = owner.required(str(path_parts[-1])) if path_parts else "required"
    elif err["type"] == "literal_error":
        message = f"must be one of {err['ctx']['expected']}"
    elif err["type"] == "string_too_short" and err["ctx"].get("min_length") == 1:
        message = "must not be empty"
    elif err["type"] in ("union_tag_invalid", "union_tag_not_found") and isinstance(node, dict):
        path_parts.append(TAG)
        line = _line_of(data, path_parts)
        known = list(where.choice) or re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected_tags", "")))
        message = "required" if err["type"] == "union_tag_not_found" else f"must be one of {_one_of(known)}"
    message = message.removeprefix("Value error, ")
    # a model validator's "key: problem" (or "key[3].name: problem") is about that place of the object: put it in
    # the path, and its line when the YAML has it
    key_problem = re.match(r"^([a-z_]+(?:\[\d+\]|\.[a-z_]+)*): (.+)$", message, re.S)
    if err["type"] == "value_error" and key_problem:
        place, message = key_problem.groups()
        parts = [int(p) if p.isdigit() else p for p in re.findall(r"[a-z_]+|\d+", place)]
        if isinstance(node, dict) and parts[0] in node:
            line = _line_of(data, path_parts + parts)
        path_parts += parts
    return f"{filename}:{line} {_dotted(path_parts) or '(top level)'}: {message}"


def _one_of(names: list[str], quote=repr) -> str:
    """'a', 'b' or 'c' (pydantic's own wording for a Literal)."""
    quoted = [quote(n) for n in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


class _Where:
    """The model of the node an error walks through; for an entry of a tagged union, its type and all the types."""

    def __init__(self, model, tag: str | None = None, others: dict | None = None, choice: dict | None = None):
        self.model, self.tag, self.others, self.choice = model, tag, others or {}, choice or {}

    def down(self, part: str | int) -> _Where:
        """The model one step further: a key's field, or an item of a list (whose model the list's key found)."""
        if isinstance(part, int):
            return _Where(self.model, choice=self.choice)
        field = self.model.model_fields.get(part) if self.model is not None else None
        if field is None:
            return _Where(None)
        choice = branches(field.annotation)
        return _Where(None if choice else _model_in(field.annotation), choice=choice)

    def _types_with(self, key: str) -> list[str]:
        return [tag for tag, model in self.others.items() if key in model.model_fields]

    def unknown_key(self, key: str) -> str:
        owners = [t for t in self._types_with(key) if t != self.tag]
        if self.tag and owners:
            return f"only for type {_one_of(owners, str)}, not {self.tag}"
        near = closest(key, list(self.model.model_fields), cutoff=0.75) if self.model is not None else []
        return "unknown key" + (f" (did you mean {' or '.join(near)}?)" if near else "")

    def required(self, key: str) -> str:
        if self.tag and len(self._types_with(key)) < len(self.others):
            return f"required for type {self.tag}"
        return "required"


def _model_in(annotation) -> type[BaseModel] | None:
    """The pydantic model inside `annotation` (Model, Model | None, list[Model] ...), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


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
