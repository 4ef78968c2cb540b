"""One registry entry per source or notifier type drives the config, the JSON Schema and dispatch (issue 17, part 2).

A tiny source type and a tiny notifier type are registered in fixtures exactly as the built-ins are, seen by the
loader, the schema's `oneOf`, the request headers and dispatch, and removed again. Errors on the tagged unions keep
their file:line and wording; reading routes.yaml never imports slack_sdk or apprise.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Literal

import pytest
from pydantic import Field

import extractors
from bot.config import routes as routes_config
from bot.config import sources as sources_config
from bot.config.routes import NotifierBase, load_routes
from bot.config.schema import sources_schema
from bot.config.source_base import Source, SourceBase
from bot.config.sources import load_sources
from bot.errors import ConfigError
from bot.fetch.headers import request_headers
from bot.notify import build_notifiers, destination, notifier_class
from bot.notify.kinds import KINDS
from bot.records import FetchResult
from extractors import EXTRACTORS, extract
from extractors.entries import Entry, to_items

ROOT = Path(__file__).parent.parent


class LinesSource(SourceBase):
    """A text document, one entry per line that starts with `prefix`."""

    type: Literal["lines"] = Field(description="lines: one entry per matching line")
    prefix: str = Field(description="lines: only lines starting with this are entries")


def _extract_lines(result: FetchResult, source: Source):
    wanted = source.config.prefix
    lines = [line for line in result.body.decode().splitlines() if line.startswith(wanted)]
    return to_items([Entry(line, f"/{n}", "", None, "") for n, line in enumerate(lines)], source, result.url)


@pytest.fixture
def lines_type():
    """A source type registered like a built-in (one module, one `register` line), removed afterwards."""
    module = types.ModuleType("lines_extractor")
    module.CONFIG, module.ACCEPT, module.SAVED_TYPE = LinesSource, "text/plain", "text/plain"
    module.extract = _extract_lines
    extractors.register(module)
    try:
        yield module
    finally:
        del EXTRACTORS["lines"]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


LINES_FILE = (
    "sources:\n  - name: notes\n    type: lines\n    url: https://notes.example.org/all.txt\n    prefix: '* '\n"
)


def test_a_registered_source_type_is_accepted_by_config_schema_headers_and_dispatch(tmp_path, lines_type):
    (source,) = load_sources(write(tmp_path, "sources.yaml", LINES_FILE))
    assert (source.type, source.url, source.every) == ("lines", "https://notes.example.org/all.txt", 1800.0)
    assert isinstance(source.config, LinesSource) and source.config.prefix == "* "

    items = sources_schema()["properties"]["sources"]["items"]
    assert {"$ref": "#/$defs/LinesSource"} in items["oneOf"]
    assert items["discriminator"]["mapping"]["lines"] == "#/$defs/LinesSource"
    assert sources_schema()["$defs"]["LinesSource"]["required"] == ["name", "type", "url", "prefix"]

    assert request_headers(source)["Accept"] == "text/plain"
    body = b"* first advisory\nnoise\n* second advisory\n"
    found = extract(FetchResult(url=source.url, status=200, body=body), source)
    assert [i.title for i in found] == ["* first advisory", "* second advisory"]
    assert found[0].url == "https://notes.example.org/0"


def test_a_registered_source_type_has_the_same_clear_errors(tmp_path, lines_type):
    missing = LINES_FILE.replace("    prefix: '* '\n", "")
    with pytest.raises(ConfigError, match=r"sources.yaml:2 sources\[0\].prefix: required for type lines$"):
        load_sources(write(tmp_path, "sources.yaml", missing))
    on_rss = LINES_FILE.replace("type: lines", "type: rss")
    with pytest.raises(ConfigError, match=r"sources.yaml:5 sources\[0\].prefix: only for type lines, not rss$"):
        load_sources(write(tmp_path, "sources.yaml", on_rss))
    unknown = LINES_FILE.replace("type: lines", "type: gopher")
    with pytest.raises(ConfigError, match="type: must be one of 'rss', 'html', 'json' or 'lines'$"):
        load_sources(write(tmp_path, "sources.yaml", unknown))


def test_a_removed_source_type_is_gone_from_config_and_schema(tmp_path, lines_type):
    assert "lines" in sources_schema()["properties"]["sources"]["items"]["discriminator"]["mapping"]
    del EXTRACTORS["lines"]
    try:
        with pytest.raises(
            ConfigError, match=r"sources.yaml:3 sources\[0\].type: must be one of 'rss', 'html' or 'json'"
        ):
            load_sources(write(tmp_path, "sources.yaml", LINES_FILE))
        mapping = sources_schema()["properties"]["sources"]["items"]["discriminator"]["mapping"]
        assert set(mapping) == {"rss", "html", "json"}
    finally:
        EXTRACTORS["lines"] = lines_type


def test_a_type_is_registered_once():
    from extractors import rss

    class Twin(SourceBase):
        type: Literal["rss"]

    with pytest.raises(ValueError, match="source type 'rss' is registered already"):
        extractors.register(types.SimpleNamespace(CONFIG=Twin, extract=rss.extract))
    assert EXTRACTORS["rss"] is rss


def test_the_shipped_schema_is_a_oneof_with_a_discriminator_mapping_and_no_hand_rules():
    shipped = json.loads((ROOT / "docs/sources.schema.json").read_text())
    items = shipped["properties"]["sources"]["items"]
    assert items["oneOf"] == [
        {"$ref": "#/$defs/RssSource"},
        {"$ref": "#/$defs/HtmlSource"},
        {"$ref": "#/$defs/JsonSource"},
    ]
    assert items["discriminator"] == {
        "propertyName": "type",
        "mapping": {"rss": "#/$defs/RssSource", "html": "#/$defs/HtmlSource", "json": "#/$defs/JsonSource"},
    }
    defs = shipped["$defs"]
    assert [defs[name]["properties"]["type"]["const"] for name in ("RssSource", "HtmlSource", "JsonSource")] == [
        "rss",
        "html",
        "json",
    ]
    assert "selectors" in defs["HtmlSource"]["required"] and "fields" in defs["JsonSource"]["required"]
    assert "selectors" not in defs["RssSource"]["properties"]
    text = json.dumps(shipped)
    assert '"if"' not in text and '"allOf"' not in text  # the per-type if/then/else rules are gone


def test_each_source_type_is_declared_by_its_extractor_module():
    from extractors import html, jsonmap, rss

    assert [m.CONFIG for m in (rss, html, jsonmap)] == [rss.RssSource, html.HtmlSource, jsonmap.JsonSource]
    assert sources_config.Selectors is html.Selectors and sources_config.JsonFields is jsonmap.JsonFields
    assert {tag: e.CONFIG.__name__ for tag, e in EXTRACTORS.items()} == {
        "rss": "RssSource",
        "html": "HtmlSource",
        "json": "JsonSource",
    }


def test_resolved_sources_keep_their_fields_and_stay_hashable(tmp_path):
    text = (
        "defaults: {every: 1h}\nsources:\n  - name: board\n    type: html\n    url: https://kr.example.org/b\n"
        "    headers: {Referer: https://kr.example.org/}\n    selectors: {item: tr, date: td.date}\n"
    )
    (source,) = load_sources(write(tmp_path, "sources.yaml", text))
    assert (source.type, source.every, source.selectors.item, source.fields) == ("html", 3600.0, "tr", None)
    assert source.headers == (("Referer", "https://kr.example.org/"),)
    assert source.config.selectors is source.selectors
    assert hash(source) == hash(source.model_copy())  # the entry as written (a dict of headers) is outside the hash


# -- notifiers ---------------------------------------------------------------------------------------------------


class PagerConfig(NotifierBase):
    """A pager, for the registry test."""

    type: Literal["pager"] = Field(description="pager: a test pager")
    number_env: str = Field(description="pager: variable holding the number")


class Pager:
    name = "pager"

    @staticmethod
    def destination(config) -> str:
        return f"pager:{config.name}"

    def __init__(self, number: str):
        self.number, self.sent = number, []

    def send(self, message) -> str:
        self.sent.append(message)
        return str(len(self.sent))


@pytest.fixture
def pager_kind():
    """A notifier type registered like the built-ins (one kind module, one `register` line), removed afterwards."""
    from bot.notify import kinds

    kind = types.SimpleNamespace(
        CONFIG=PagerConfig,
        NOTIFIER="tests.test_config_union:Pager",
        build=lambda cfg, env, stream: Pager(env[cfg.number_env]),
    )
    kinds.register(kind)
    try:
        yield kind
    finally:
        del KINDS["pager"]


ROUTES = "notifiers:\n  - name: oncall\n    type: pager\n    number_env: PAGER_NUMBER\nroutes:\n  - {name: r, to: [oncall]}\n"


def test_a_registered_notifier_type_is_configured_and_built(tmp_path, pager_kind):
    config = load_routes(write(tmp_path, "routes.yaml", ROUTES))
    (cfg,) = config.notifiers
    assert isinstance(cfg, PagerConfig) and cfg.number_env == "PAGER_NUMBER"
    built = build_notifiers(config, env={"PAGER_NUMBER": "+82-2-0000"})
    assert isinstance(built["oncall"], Pager) and built["oncall"].number == "+82-2-0000"
    assert built["oncall"].name == "oncall"
    assert "pager" in routes_config.NOTIFIER_TYPES
    assert notifier_class("pager") is Pager and destination(cfg) == "pager:oncall"  # what routing asks
    missing = ROUTES.replace("    number_env: PAGER_NUMBER\n", "")
    with pytest.raises(ConfigError, match=r"routes.yaml:2 notifiers\[0\].number_env: required for type pager$"):
        load_routes(write(tmp_path, "routes.yaml", missing))


def test_each_notifier_type_is_declared_by_one_kind_module():
    from bot.notify.kinds import apprise, console, slack, webhook

    assert {tag: kind.__name__.rsplit(".", 1)[1] for tag, kind in KINDS.items()} == {
        "slack": "slack",
        "console": "console",
        "webhook": "webhook",
        **dict.fromkeys(["teams", "discord", "mattermost", "matrix", "email", "apprise"], "apprise"),
    }
    assert [k.CONFIG.__name__ for k in (slack, console, webhook, apprise)] == [
        "SlackConfig",
        "ConsoleConfig",
        "WebhookConfig",
        "AppriseConfig",
    ]


def test_the_apprise_kinds_are_the_ones_the_apprise_notifier_knows():
    from bot.notify.apprise_notifier import FLAVOURS, KIND_PROTOCOLS

    apprise_tags = {tag for tag, kind in KINDS.items() if kind.__name__.endswith(".apprise")}
    assert apprise_tags == set(KIND_PROTOCOLS) == set(FLAVOURS)


def test_default_routes_are_built_from_the_same_models():
    slack = routes_config.default_routes_file({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_CHANNEL": "C0123"})
    (cfg,) = slack.notifiers
    assert (type(cfg).__name__, cfg.channel, cfg.token_env, cfg.api_url_env) == (
        "SlackConfig",
        "C0123",
        "SLACK_BOT_TOKEN",
        "SLACK_API_URL",
    )
    (console,) = routes_config.default_routes_file({}).notifiers
    assert type(console).__name__ == "ConsoleConfig"


R = "routes:\n  - {name: r, to: [a]}\n"


@pytest.mark.parametrize(
    ("notifier", "error"),
    [
        ("{name: a, type: slack}", "routes.yaml:2 notifiers[0].channel: required for type slack"),
        ("{name: a, type: slack, channel: ''}", "routes.yaml:2 notifiers[0].channel: must not be empty"),
        ("{name: a, type: webhook}", "routes.yaml:2 notifiers[0].url_env: required for type webhook"),
        ("{name: a, type: matrix}", "routes.yaml:2 notifiers[0].url_env: required for type matrix"),
        (
            "{name: a, type: console, channel: C1}",
            "routes.yaml:2 notifiers[0].channel: only for type slack, not console",
        ),
        ("{name: a, type: slack, channel: C1, chanel: C2}", "notifiers[0].chanel: unknown key (did you mean channel?)"),
        ("{name: a}", "routes.yaml:2 notifiers[0].type: required"),
        (
            "{name: a, type: pager}",
            "routes.yaml:2 notifiers[0].type: must be one of 'slack', 'console', 'webhook', 'teams', 'discord', "
            "'mattermost', 'matrix', 'email' or 'apprise'",
        ),
    ],
)
def test_notifier_errors_name_the_line_the_key_and_the_type(tmp_path, notifier, error):
    with pytest.raises(ConfigError) as info:
        load_routes(write(tmp_path, "routes.yaml", f"notifiers:\n  - {notifier}\n" + R))
    assert error in str(info.value).replace(str(tmp_path) + "/", "")


def test_a_key_of_another_type_is_named_on_its_own_line(tmp_path):
    text = "notifiers:\n  - name: a\n    type: slack\n    channel: C1\n    allow_private: true\n" + R
    with pytest.raises(ConfigError) as info:
        load_routes(write(tmp_path, "routes.yaml", text))
    assert str(info.value).endswith("routes.yaml:5 notifiers[0].allow_private: only for type webhook, not slack")


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ("name: a\n    url: https://x.example.org/\n", "sources.yaml:2 sources[0].type: required"),
        ("name: a\n    type: html\n    url: https://x.example.org/\n    selectors: {item: li, titel: a}\n",
         "sources.yaml:5 sources[0].selectors.titel: unknown key (did you mean title?)"),
        ("name: a\n    type: rss\n    url: https://x.example.org/\n    evry: 1h\n",
         "sources.yaml:5 sources[0].evry: unknown key (did you mean every?)"),
        ("name: a\n    type: json\n    url: https://x.example.org/\n    selectors: {item: li}\n    fields: {items: a, title: b}\n",
         "sources.yaml:5 sources[0].selectors: only for type html, not json"),
    ],
)  # fmt: skip
def test_source_errors_inside_a_type_name_the_line_and_the_key(tmp_path, entry, error):
    with pytest.raises(ConfigError) as info:
        load_sources(write(tmp_path, "sources.yaml", "sources:\n  - " + entry))
    assert error in str(info.value).replace(str(tmp_path) + "/", "")


# -- reading routes.yaml stays light -----------------------------------------------------------------------------

PROBE = textwrap.dedent(
    """
    import json, sys
    from click.testing import CliRunner
    from bot.cli import cli
    from bot.config.routes import load_routes
    from bot.config.sources import load_sources

    config = load_routes(sys.argv[1])
    load_sources(sys.argv[2])
    checked = CliRunner().invoke(cli, ["routes", "check", "--routes", sys.argv[1]])
    assert checked.exit_code == 0 and "ok, 3 notifiers" in checked.output, checked.output
    heavy = lambda: sorted({m.split(".")[0] for m in sys.modules} & {"slack_sdk", "apprise"})
    before = heavy()
    from bot.notify import build_notifiers

    build_notifiers(config, env={"SLACK_BOT_TOKEN": "xoxb-test", "TEAMS_URL": "workflows://h.example.org:443/g/w/s/"})
    print(json.dumps({"types": sorted(n.type for n in config.notifiers), "before": before, "after": heavy()}))
    """
)


def test_loading_routes_with_slack_and_apprise_notifiers_imports_neither_library(tmp_path):
    routes = write(
        tmp_path,
        "routes.yaml",
        "notifiers:\n  - {name: intel, type: slack, channel: C0123}\n  - {name: kr, type: teams, url_env: TEAMS_URL}\n"
        "  - {name: out, type: console}\nroutes:\n  - {name: r, to: [intel, kr, out]}\n",
    )
    sources = ROOT / "sources.yaml"  # the shipped file: every source type
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(routes), str(sources)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["types"] == ["console", "slack", "teams"]
    assert seen["before"] == []  # reading and validating the files (and `routes check`) imported neither library
    assert seen["after"] == ["apprise", "slack_sdk"]  # building the notifiers does: the check can see them
