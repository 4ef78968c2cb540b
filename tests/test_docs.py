"""The docs cover what users configure and run: every sources.yaml key, type, notifier and CLI command."""

import importlib
import re
from pathlib import Path

import click
import pytest

from bot.cli import cli
from bot.config.routes import DeliveryConfig, Digest, Match, OpsConfig, RouteConfig, RoutesFile
from bot.config.sources import Defaults, Fetching, JsonFields, Selectors, SourcesFile
from bot.notify.kinds import KINDS
from extractors import EXTRACTORS

SOURCE_MODELS = list(dict.fromkeys(e.CONFIG for e in EXTRACTORS.values()))
NOTIFIER_MODELS = list(dict.fromkeys(k.CONFIG for k in KINDS.values()))

ROOT = Path(__file__).parent.parent
SOURCES_DOC = (ROOT / "docs/sources.md").read_text()
README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize(
    ("model", "prefix"),
    [(SourcesFile, ""), (Defaults, ""), (Fetching, ""), (Selectors, ""), (JsonFields, "")]
    + [(model, "") for model in SOURCE_MODELS],
)
def test_every_sources_key_is_documented(model, prefix):
    missing = [key for key in model.model_fields if f"`{prefix}{key}" not in SOURCES_DOC]
    assert missing == [], f"{model.__name__} keys missing from docs/sources.md: {missing}"


@pytest.mark.parametrize("model", [RoutesFile, *NOTIFIER_MODELS, RouteConfig, Match, Digest, OpsConfig, DeliveryConfig])
def test_every_routes_key_is_documented(model):
    doc = (ROOT / "docs/routes.md").read_text()
    missing = [key for key in model.model_fields if f"`{key}`" not in doc and f"`{key}:`" not in doc]
    assert missing == [], f"{model.__name__} keys missing from docs/routes.md: {missing}"


def test_routes_example_is_valid(monkeypatch):
    from bot.config.routes import load_routes

    config = load_routes(ROOT / "routes.example.yaml")
    assert {n.type for n in config.notifiers} >= {"slack", "webhook"}


@pytest.mark.parametrize("kind", sorted(EXTRACTORS))
def test_every_extractor_type_is_documented(kind):
    assert f"### {kind}" in SOURCES_DOC


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_notifier_type_is_documented(kind):
    doc = (ROOT / "docs/notifiers.md").read_text()
    assert re.search(rf"^##+ {kind}$", doc, re.M), f"docs/notifiers.md has no section for {kind}"
    assert f"type: {kind}" in doc, f"docs/notifiers.md shows no `type: {kind}` example"
    assert re.search(rf"\b{kind}\b", README, re.I)


def commands(group: click.Group, prefix: str = "advisory-bot"):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}"


@pytest.mark.parametrize("command", sorted(commands(cli)))
def test_every_cli_command_is_in_the_readme(command):
    short = command.replace("advisory-bot kb ", "kb ")
    assert f"`{command}" in README or f"`{short}" in README or f"{short}`" in README, command


@pytest.mark.parametrize("variable", ["SLACK_BOT_TOKEN", "SLACK_CHANNEL", "SLACK_API_URL"])
def test_environment_variables_are_documented(variable):
    assert variable in README and variable in (ROOT / "docs/slack.md").read_text()


def test_every_command_module_is_listed_for_the_lazy_cli():
    import pkgutil

    import bot.commands
    from bot.commands import COMMAND_MODULES

    listed = {}
    for info in pkgutil.iter_modules(bot.commands.__path__):
        module = importlib.import_module(f"bot.commands.{info.name}")
        for c in getattr(module, "COMMANDS", ()):
            listed[c.name] = info.name
    assert listed == COMMAND_MODULES
