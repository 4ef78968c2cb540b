"""The JSON Schema of sources.yaml: generated from bot.config.sources, shipped, and as strict as the loader."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from bot.cli import cli
from bot.config.schema import SCHEMA_LINE, SCHEMA_PATH, schema_text, sources_schema
from bot.config.sources import load_sources, parse_duration, parse_size
from bot.errors import ConfigError

ROOT = Path(__file__).parent.parent
SHIPPED_SOURCES = ROOT / "sources.yaml"


def json_schema_errors(text: str) -> list[str]:
    """The jsonschema library's complaints about a YAML text (as an editor would show them): 'path: message'."""
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))
    errors = [_own_complaint(e) for e in validator.iter_errors(YAML(typ="safe").load(text))]
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def _own_complaint(error):
    """A oneOf/anyOf error fails as a whole: show the complaint of the branch the entry meant, as an editor that reads
    the discriminator mapping does (not the branches whose `type` differs, nor the `null` of an optional section)."""
    if not error.context:
        return error
    wrong = {
        c.relative_schema_path[0] for c in error.context if c.validator == "const" and c.path and c.path[-1] == "type"
    }
    own = [c for c in error.context if c.relative_schema_path[0] not in wrong and c.validator != "type"]
    return _own_complaint(own[0]) if own else error


def test_shipped_schema_is_the_generated_one():
    assert SCHEMA_PATH == ROOT / "docs/sources.schema.json"
    assert SCHEMA_PATH.read_text() == schema_text(), "run `advisory-bot sources schema --write`"


def test_schema_is_valid_2020_12_with_help_and_no_extra_keys():
    schema = sources_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    objects = [schema, *schema["$defs"].values()]
    assert all(o["additionalProperties"] is False for o in objects)
    source = schema["$defs"]["RssSource"]["properties"]
    assert source["url"]["description"] == "the feed, page or JSON document"
    assert all(p.get("description") for o in objects for p in o["properties"].values())


def test_schema_text_is_stable_two_space_json_with_trailing_newline():
    text = schema_text()
    assert text == schema_text()
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.splitlines()[1].startswith('  "$schema"')


def test_shipped_sources_file_references_the_schema_on_its_first_line():
    assert SHIPPED_SOURCES.read_text().splitlines()[0] == SCHEMA_LINE


def test_shipped_sources_file_validates_both_ways():
    assert json_schema_errors(SHIPPED_SOURCES.read_text()) == []
    assert len(load_sources(SHIPPED_SOURCES)) >= 20


def test_sources_schema_command_prints_and_writes(tmp_path, monkeypatch):
    runner = CliRunner()
    printed = runner.invoke(cli, ["sources", "schema"])
    assert printed.exit_code == 0
    assert printed.output == schema_text()
    target = tmp_path / "sources.schema.json"
    monkeypatch.setattr("bot.config.schema.SCHEMA_PATH", target)
    written = runner.invoke(cli, ["sources", "schema", "--write"])
    assert written.exit_code == 0, written.output
    assert target.read_text() == schema_text()


HEAD = "defaults:\n  every: 1h\nsources:\n  - name: feed\n    type: rss\n    url: https://agency.example.org/feed.xml\n"
PAGE = "  - name: page\n    type: html\n    url: https://kr.example.org/board\n    selectors:\n      item: tr\n"


# (text, the loader's "file:line path: message", a fragment of jsonschema's message)
INVALID = [
    (HEAD + "    colour: red\n", "sources.yaml:7 sources[0].colour: unknown key", "'colour' was unexpected"),
    (HEAD + "    every: soon\n", "sources.yaml:7 sources[0].every: not a duration: 'soon'", "'soon'"),
    (HEAD + "    every: 0\n", "sources.yaml:7 sources[0].every: must be positive", "0"),
    (HEAD + "    timeout: 5 weeks\n", "sources.yaml:7 sources[0].timeout: not a duration", "'5 weeks'"),
    (HEAD + "    max_bytes: lots\n", "sources.yaml:7 sources[0].max_bytes: not a size: 'lots'", "'lots'"),
    (HEAD.replace("every: 1h", "every: soon"), "sources.yaml:2 defaults.every: not a duration", "'soon'"),
    (HEAD.replace("every: 1h", "colour: red"), "sources.yaml:2 defaults.colour: unknown key", "'colour'"),
    (HEAD.replace("https://agency", "ftp://agency"), "sources.yaml:6 sources[0].url: not an http(s) URL", "ftp://"),
    (HEAD.replace("name: feed", "name: Feed_One"), "sources.yaml:4 sources[0].name: must be kebab-case", "Feed_One"),
    (HEAD.replace("type: rss", "type: atom"), "sources.yaml:5 sources[0].type: must be one of", "'atom'"),
    (HEAD.replace("    url: https://agency.example.org/feed.xml\n", ""), "sources[0].url: required", "'url'"),
    (HEAD + PAGE.replace("    selectors:\n      item: tr\n", ""), "sources[1].selectors: required", "'selectors'"),
    (HEAD + PAGE + "      colour: red\n", "sources.yaml:12 sources[1].selectors.colour: unknown key", "'colour'"),
    (HEAD + PAGE.replace("      item: tr\n", "      title: td\n"), "sources[1].selectors.item: required", "'item'"),
    (
        HEAD + "    selectors: {item: li}\n",
        "sources.yaml:7 sources[0].selectors: only for type html, not rss",
        "'selectors' was unexpected",
    ),
    (
        HEAD + "    fields: {items: x, title: y}\n",
        "sources.yaml:7 sources[0].fields: only for type json, not rss",
        "'fields' was unexpected",
    ),
    (HEAD.replace("type: rss", "type: json"), "sources[0].fields: required for type json", "'fields'"),
    # each type has only its own keys: even an explicit null of another type's key is named (a typed model each)
    (HEAD + "    selectors: null\n", "sources.yaml:7 sources[0].selectors: only for type html, not rss", "selectors"),
    (HEAD.replace("    type: rss\n", ""), "sources.yaml:4 sources[0].type: required", "'type'"),
    (HEAD + "extra: 1\n", "sources.yaml:7 extra: unknown key", "'extra'"),
]


@pytest.mark.parametrize(("text", "loader_error", "schema_error"), INVALID)
def test_invalid_cases_give_path_and_line_and_fail_the_json_schema_too(tmp_path, text, loader_error, schema_error):
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_sources(path)
    assert loader_error in str(info.value).replace(str(tmp_path) + "/", "")
    errors = json_schema_errors(text)
    assert errors, "the JSON Schema accepted what the loader refuses"
    assert any(schema_error in e for e in errors), errors


VALID = [
    HEAD,
    HEAD + "    every: 90\n    timeout: 1.5m\n    max_bytes: 512kb\n    enabled: false\n    allow_private: true\n",
    HEAD + "    max_bytes: 2048\n    language: ko\n",
    HEAD + PAGE + "      title: td a\n      date: td.date\n",
    HEAD + "  - name: kev\n    type: json\n    url: https://x.example.org/kev.json\n    fields: {items: v, title: t}\n",
]


@pytest.mark.parametrize("text", VALID)
def test_valid_cases_pass_both(tmp_path, text):
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    load_sources(path)
    assert json_schema_errors(text) == []


@pytest.mark.parametrize(
    ("value", "parse"),
    [
        *[(v, parse_duration) for v in ["90s", "30m", "2h", "1d", "1.5h", "20 sec", "10min", "45", "soon", "5 weeks"]],
        *[(v, parse_duration) for v in ["30M", "1 h ", "h", "-5m", "2hours"]],
        *[(v, parse_size) for v in ["512KB", "10MB", "10mb", "1g", "2048", "7 B", "lots", "10 TB", "MB", "-1KB"]],
    ],
)
def test_patterns_agree_with_the_parsers(value, parse):
    key = "every" if parse is parse_duration else "max_bytes"
    try:
        parse(value)
        accepted = True
    except ValueError:
        accepted = False
    text = f"defaults:\n  {key}: '{value}'\nsources: []\n"
    assert (json_schema_errors(text) == []) is accepted, value
