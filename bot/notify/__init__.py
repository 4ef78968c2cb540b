"""The notifier extension point: the `Notifier` protocol, the `FACTORIES` registry and the default choice.

A notifier delivers one Message (a neutral card, bot.notify.card) to one chat service, rendering the card in that
service's own format, and returns the service's message id. Types are declared once, in bot.notify.kinds (type ->
its routes.yaml model, its factory and its notifier class), built-ins exactly like an add-on, each importing its
service's library only when a notifier of its type is built or its class is needed; `NOTIFIERS` is the view
type -> class path. The outbox looks notifiers up by name, never by an if-chain, and routing asks a notifier's
class where it posts (`destination`), never tests its type.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol, TextIO, runtime_checkable

from bot.config.routes import default_routes_file
from bot.notify.card import Card, Message, build_alert
from bot.notify.console import ConsoleNotifier

if TYPE_CHECKING:
    from bot.config.routes import NotifierBase, RoutesFileBase

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


def notifier_class(kind: str) -> type:
    """The class of a notifier type (its kind's NOTIFIER, "module:Class"), importing its module."""
    from bot.notify.kinds import KINDS

    module, _, name = KINDS[kind].NOTIFIER.partition(":")
    return getattr(importlib.import_module(module), name)


def destination(config: NotifierBase) -> str:
    """Where the configured notifier posts (Slack: its channel; the others: the notifier's name)."""
    return notifier_class(config.type).destination(config)


def __getattr__(name: str):
    if name == "SlackNotifier":
        from bot.notify.slack import SlackNotifier

        return SlackNotifier
    if name == "NOTIFIERS":  # type -> "module:Class" of its notifier, as the kinds declare it now
        from bot.notify.kinds import KINDS

        return {tag: kind.NOTIFIER for tag, kind in KINDS.items()}
    raise AttributeError(name)


def default_notifier(env: Mapping[str, str] = os.environ, stream: TextIO | None = None) -> Notifier:
    """The notifier of the built-in routing (no routes.yaml): Slack when SLACK_BOT_TOKEN is set, else the console.

    `stream` defaults to sys.stdout as it is at call time (so pytest's capture and redirections apply).
    """
    (notifier,) = build_notifiers(default_routes_file(env), env, stream).values()
    return notifier


def build_notifiers(config: RoutesFileBase, env: Mapping[str, str] = os.environ, stream: TextIO | None = None) -> dict:
    """One notifier per routes.yaml entry, keyed by its name; missing secrets are ConfigErrors now, not later."""
    from bot.notify.kinds import KINDS

    notifiers = {}
    for cfg in config.notifiers:
        notifier = KINDS[cfg.type].build(cfg, env, stream)
        notifier.name = cfg.name
        notifiers[cfg.name] = notifier
    return notifiers
