"""A pydantic validation error as the line a user reads: `FILE:LINE yaml.path: message`, in the file's own terms.

Rules: the path is the key's place in the YAML and the line the line of that key (of its entry when the key is
missing); an unknown key names the model's closest keys ("did you mean every?"); a model validator may name the
exact place of its problem as `sources[3].name: ...`. An entry of a tagged union (bot.config.tagged) is worded by
its `type`: pydantic's branch name in the location is dropped, an unknown or missing `type` is reported at that
key with the registered types, a missing key is "required for type html" when other types lack it, and a key of
another type is "only for type html, not rss".
"""

from __future__ import annotations

import re
from typing import get_args

from pydantic import BaseModel

from bot.config.tagged import TAG, branches
from bot.suggest import closest


def describe(filename: str, data, err: dict, model: type[BaseModel] | None = None) -> str:
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
