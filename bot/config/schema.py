"""The JSON Schema of sources.yaml, generated from the pydantic models in bot.config.sources (docs/sources.schema.json).

Rules: generated, never hand-edited (`advisory-bot sources schema --write`; a test compares the shipped file);
pydantic gives the structure, titles, descriptions and `additionalProperties: false` (extra="forbid"); this
module adds what pydantic cannot see inside the validator functions (duration, size, URL and name patterns)
and the per-type keys of a source, so an editor flags `every: soon` or `selectors` on an rss source. What a
schema cannot say (unique names, positive values written as strings) stays with `sources check`.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from bot.config import sources as config

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "sources.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=./docs/sources.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# the key each source type requires and the other types refuse (bot.config.sources.SourceConfig._type_options)
TYPE_OPTIONS = {"selectors": "html", "fields": "json"}
_HTTP_URL = r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+"  # bot.config.sources._http_url, spelled case-insensitively


def _any_case(pattern: str) -> str:
    """A Python re.I pattern as an ECMA-262 pattern (JSON Schema has no flags): letters become [xX]."""
    out, escaped = [], False
    for char in pattern:
        if escaped or not char.isalpha() or not char.isascii():
            out.append(char)
        else:
            out.append(f"[{char.lower()}{char.upper()}]")
        escaped = char == "\\" and not escaped
    return "".join(out)


def _number(pattern: str, kind: str, help_: str) -> dict:
    return {
        "anyOf": [{"type": "string", "pattern": pattern}, {"type": kind, "exclusiveMinimum": 0}],
        "description": help_,
    }


# validator function (bot.config.sources) -> the JSON Schema of the values it accepts
_BY_VALIDATOR = {
    config.parse_duration: _number(config._DURATION.pattern, "number", "duration: 90s, 30m, 2h, 1d; number = seconds"),
    config.parse_size: _number(_any_case(config._SIZE.pattern), "integer", "size: 512KB, 10MB; number = bytes"),
    config._http_url: {"type": "string", "pattern": _HTTP_URL},
    config._kebab: {"type": "string", "pattern": config._NAME.pattern},
}


class _SourcesSchema(GenerateJsonSchema):
    def function_after_schema(self, schema):
        known = _BY_VALIDATOR.get(schema["function"]["function"])
        return dict(known) if known is not None else super().function_after_schema(schema)

    def model_schema(self, schema):
        json_schema = super().model_schema(schema)
        if schema["cls"] is config.SourceConfig:
            json_schema["allOf"] = [_type_rule(key, kind) for key, kind in TYPE_OPTIONS.items()]
        return json_schema

    def generate(self, schema, mode="validation"):
        json_schema = super().generate(schema, mode)
        return {"$schema": DIALECT, **json_schema}


def _type_rule(key: str, kind: str) -> dict:
    """`key` is required when type is `kind`, and absent (or null, as pydantic allows) otherwise."""
    return {
        "if": {"properties": {"type": {"const": kind}}, "required": ["type"]},
        "then": {"properties": {key: {"type": "object"}}, "required": [key]},
        "else": {"properties": {key: {"type": "null"}}},
    }


def sources_schema() -> dict:
    """The JSON Schema of sources.yaml."""
    return config.SourcesFile.model_json_schema(schema_generator=_SourcesSchema)


def schema_text() -> str:
    """The schema as shipped: 2-space indent, pydantic's stable key order, a trailing newline."""
    return json.dumps(sources_schema(), indent=2, ensure_ascii=False) + "\n"
