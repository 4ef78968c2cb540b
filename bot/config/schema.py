"""The JSON Schema of sources.yaml, generated from the pydantic models in bot.config.sources (docs/sources.schema.json).

Rules: generated, never hand-edited (`advisory-bot sources schema --write`; a test compares the shipped file);
pydantic gives the structure, titles, descriptions, `additionalProperties: false` (extra="forbid") and, from the
tagged union of the registered source types, a `oneOf` with a discriminator mapping (each type's own keys, so an
editor flags `selectors` on an rss source); this module adds only what pydantic cannot see inside the validator
functions of bot.config.values (duration, size, URL and name patterns), so an editor flags `every: soon`. What a
schema cannot say (unique names, positive values written as strings) stays with `sources check`.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from bot.config import values
from bot.config.sources import sources_file_model

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "sources.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=./docs/sources.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
_HTTP_URL = r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+"  # bot.config.values.http_url, spelled case-insensitively


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


# validator function (bot.config.values) -> the JSON Schema of the values it accepts
_BY_VALIDATOR = {
    values.parse_duration: _number(values.DURATION.pattern, "number", "duration: 90s, 30m, 2h, 1d; number = seconds"),
    values.parse_size: _number(_any_case(values.SIZE.pattern), "integer", "size: 512KB, 10MB; number = bytes"),
    values.http_url: {"type": "string", "pattern": _HTTP_URL},
    values.kebab: {"type": "string", "pattern": values.NAME.pattern},
    values.full_text: {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": _any_case("^auto$")}]},
}


class _SourcesSchema(GenerateJsonSchema):
    def function_after_schema(self, schema):
        known = _BY_VALIDATOR.get(schema["function"]["function"])
        return dict(known) if known is not None else super().function_after_schema(schema)

    def generate(self, schema, mode="validation"):
        json_schema = super().generate(schema, mode)
        return {"$schema": DIALECT, **json_schema}


def sources_schema() -> dict:
    """The JSON Schema of sources.yaml."""
    return sources_file_model().model_json_schema(schema_generator=_SourcesSchema)


def schema_text() -> str:
    """The schema as shipped: 2-space indent, pydantic's stable key order, a trailing newline."""
    return json.dumps(sources_schema(), indent=2, ensure_ascii=False) + "\n"
