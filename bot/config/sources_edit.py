"""Editing sources.yaml in place (`sources add`): append one entry, keep every comment and the layout.

Rules: ruamel.yaml round-trip with the file's own indentation (the shipped file dumps back byte for byte);
the new text is written next to the file and validated with bot.config.sources exactly as `run` would; only a valid
file replaces the old one (os.replace), so an invalid result leaves the file untouched.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from bot.config.sources import load_sources
from bot.errors import ConfigError


def _yaml(text: str) -> YAML:
    """A round-trip YAML that writes `text` back as it was (indentation guessed from the file)."""
    _, indent, dash = load_yaml_guess_indent(text) if text.strip() else (None, 4, 2)
    yaml = YAML(typ="rt")
    yaml.indent(mapping=max(indent - dash, 2) if dash else indent, sequence=indent, offset=dash)
    yaml.width = 4096  # never re-wrap long lines (URLs, comments)
    yaml.preserve_quotes = True
    return yaml


def entry_text(entry: dict, like: str = "") -> str:
    """`entry` as one YAML list item, indented as the file `like` would indent it."""
    out = io.StringIO()
    _yaml(like).dump([_commented(entry)], out)
    return out.getvalue()


def append_source(path: Path, entry: dict, comment: str = "") -> None:
    """Append `entry` to the `sources:` list of `path` with `comment` above it; ConfigError if the result is invalid."""
    text = path.read_text(encoding="utf-8")
    yaml = _yaml(text)
    data = yaml.load(text)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), CommentedSeq):
        raise ConfigError(f"{path}:1 no 'sources:' list to append to")
    sources = data["sources"]
    sources.append(_commented(entry))
    if comment:
        indent = sources.lc.col if sources.lc.col is not None else 0
        sources.yaml_set_comment_before_after_key(len(sources) - 1, before="\n" + comment, indent=indent)
    out = io.StringIO()
    yaml.dump(data, out)
    scratch = path.with_name(f".{path.name}.new")
    scratch.write_text(out.getvalue(), encoding="utf-8")
    try:
        load_sources(scratch)
    except ConfigError as exc:
        scratch.unlink()
        raise ConfigError(str(exc).replace(str(scratch), str(path))) from None
    shutil.copymode(path, scratch)
    os.replace(scratch, path)


def _commented(value):
    """Plain dicts as CommentedMaps, so they dump in block style like the rest of the file."""
    if isinstance(value, dict):
        return CommentedMap((k, _commented(v)) for k, v in value.items())
    return value
