"""The notifier extension point: the `Notifier` protocol, the `FACTORIES` registry and the default choice.

A notifier delivers one Message (a neutral card, bot.notify.card) to one chat service, rendering the card in that
service's own format, and returns the service's message id. Built-ins register in FACTORIES (type -> factory)
exactly like an add-on would, each importing its service's library only when a notifier of its type is built;
`NOTIFIERS` names the class of every type. The outbox looks notifiers up by name, never by an if-chain, and
routing asks a notifier's class where it posts (`destination`), never tests its type.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from typing import Protocol, TextIO, runtime_checkable

from bot.config.routes import APPRISE_TYPES, NotifierConfig, RoutesFile, default_routes_file
from bot.errors import ConfigError
from bot.notify.card import Card, Message, build_alert
from bot.notify.console import ConsoleNotifier

__all__ = ["NOTIFIERS", "Card", "ConsoleNotifier", "Message", "Notifier", "SlackNotifier", "build_alert",
           "build_notifiers", "default_notifier", "destination", "notifier_class"]  # fmt: skip


@runtime_checkable
class Notifier(Protocol):
    """Delivers Messages to one chat service, rendering each card in the service's own format."""

    name: str  # the notifier's configured name, stored with each outbox row

    @staticmethod
    def destination(config) -> str:
        """Where a notifier so configured posts, as the outbox, status and `routes explain` name it."""
        ...

    def send(self, message: Message) -> str:
        """Render and post the message; return the service's id for it; raise NotifyError (permanent or transient)."""
        ...


# the class of each notifier type, by where it lives: a service's library is imported only when its class is needed
_APPRISE = "bot.notify.apprise_notifier:AppriseNotifier"
NOTIFIERS: dict[str, str] = {"slack": "bot.notify.slack:SlackNotifier", "console": "bot.notify.console:ConsoleNotifier",
                             "webhook": "bot.notify.webhook:WebhookNotifier",
                             **{kind: _APPRISE for kind in APPRISE_TYPES}}  # fmt: skip


def notifier_class(kind: str) -> type:
    """The class of a built-in notifier type, importing its module."""
    module, _, name = NOTIFIERS[kind].partition(":")
    return getattr(importlib.import_module(module), name)


def destination(config: NotifierConfig) -> str:
    """Where the configured notifier posts (Slack: its channel; the others: the notifier's name)."""
    return notifier_class(config.type).destination(config)


def __getattr__(name: str):
    if name == "SlackNotifier":
        from bot.notify.slack import SlackNotifier

        return SlackNotifier
    raise AttributeError(name)


def default_notifier(env: Mapping[str, str] = os.environ, stream: TextIO | None = None) -> Notifier:
    """The notifier of the built-in routing (no routes.yaml): Slack when SLACK_BOT_TOKEN is set, else the console.

    `stream` defaults to sys.stdout as it is at call time (so pytest's capture and redirections apply).
    """
    (notifier,) = build_notifiers(default_routes_file(env), env, stream).values()
    return notifier


def _slack(cfg: NotifierConfig, env: Mapping[str, str], stream: TextIO | None):
    from bot.notify.slack import SlackNotifier

    token_env = cfg.token_env or "SLACK_BOT_TOKEN"
    token = (env.get(token_env) or "").strip()
    if not token:
        raise ConfigError(f"notify: notifier {cfg.name}: environment variable {token_env} is not set")
    base_url = env.get(cfg.api_url_env or "SLACK_API_URL") or None
    return SlackNotifier(token, cfg.channel, base_url=base_url)


def _console(cfg: NotifierConfig, env: Mapping[str, str], stream: TextIO | None) -> ConsoleNotifier:
    return ConsoleNotifier(stream)


def _lazy(path: str) -> Callable:
    """A factory in a module imported only when a notifier of that type is configured."""

    def factory(cfg: NotifierConfig, env: Mapping[str, str], stream: TextIO | None):
        module, _, function = path.partition(":")
        return getattr(importlib.import_module(module), function)(cfg, env)

    return factory


# type -> factory(config, env, stream); the outbox finds notifiers by their configured name
FACTORIES: dict[str, Callable] = {
    "slack": _slack,
    "console": _console,
    "webhook": _lazy("bot.notify.webhook:from_config"),
    **{kind: _lazy("bot.notify.apprise_notifier:from_config") for kind in APPRISE_TYPES},
}


def build_notifiers(config: RoutesFile, env: Mapping[str, str] = os.environ, stream: TextIO | None = None) -> dict:
    """One notifier per routes.yaml entry, keyed by its name; missing secrets are ConfigErrors now, not later."""
    notifiers = {}
    for cfg in config.notifiers:
        notifier = FACTORIES[cfg.type](cfg, env, stream)
        notifier.name = cfg.name
        notifiers[cfg.name] = notifier
    return notifiers
