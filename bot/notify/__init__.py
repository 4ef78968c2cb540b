"""The notifier extension point: the `Notifier` protocol, building the configured notifiers, the default choice.

A notifier delivers one Message to one chat service and returns that service's message id. Types are declared
once, in bot.notify.kinds (type -> its routes.yaml model and factory), built-ins exactly like an add-on, each
importing its service's library only when a notifier of its type is built; `NOTIFIERS` names the built-in
classes. The outbox looks notifiers up by name, never by an if-chain.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol, TextIO, runtime_checkable

from bot.config.routes import default_routes_file
from bot.notify.console import ConsoleNotifier
from bot.notify.message import Card, Message, build_alert

if TYPE_CHECKING:
    from bot.config.routes import RoutesFile

__all__ = ["NOTIFIERS", "Card", "ConsoleNotifier", "Message", "Notifier", "SlackNotifier", "build_alert",
           "build_notifiers", "default_notifier", "notifier_class"]  # fmt: skip


@runtime_checkable
class Notifier(Protocol):
    """Delivers Messages to one chat service."""

    name: str  # the registry key, stored with each outbox row

    def send(self, message: Message) -> str:
        """Post the message and return the service's id for it; raise NotifyError (permanent or transient)."""
        ...


# the built-in notifier classes, by where they live: slack_sdk is imported only when a Slack notifier is built
NOTIFIERS: dict[str, str] = {"slack": "bot.notify.slack:SlackNotifier", "console": "bot.notify.console:ConsoleNotifier"}


def notifier_class(kind: str) -> type:
    """The class of a built-in notifier type, importing its module."""
    module, _, name = NOTIFIERS[kind].partition(":")
    return getattr(importlib.import_module(module), name)


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


def build_notifiers(config: RoutesFile, env: Mapping[str, str] = os.environ, stream: TextIO | None = None) -> dict:
    """One notifier per routes.yaml entry, keyed by its name; missing secrets are ConfigErrors now, not later."""
    from bot.notify.kinds import KINDS

    notifiers = {}
    for cfg in config.notifiers:
        notifier = KINDS[cfg.type].build(cfg, env, stream)
        notifier.name = cfg.name
        notifiers[cfg.name] = notifier
    return notifiers
