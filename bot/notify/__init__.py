"""The notifier extension point: the `Notifier` protocol, the `NOTIFIERS` registry and the default choice.

A notifier delivers one Message to one chat service and returns that service's message id. Built-ins register
in NOTIFIERS exactly like an add-on would; the outbox looks notifiers up by name, never by an if-chain.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Protocol, TextIO, runtime_checkable

from bot.errors import ConfigError
from bot.notify.console import ConsoleNotifier
from bot.notify.message import Card, Message, build_alert
from bot.notify.slack import SlackNotifier

__all__ = ["NOTIFIERS", "Card", "ConsoleNotifier", "Message", "Notifier", "SlackNotifier", "build_alert",
           "default_notifier"]  # fmt: skip


@runtime_checkable
class Notifier(Protocol):
    """Delivers Messages to one chat service."""

    name: str  # the registry key, stored with each outbox row

    def send(self, message: Message) -> str:
        """Post the message and return the service's id for it; raise NotifyError (permanent or transient)."""
        ...


NOTIFIERS: dict[str, type] = {"slack": SlackNotifier, "console": ConsoleNotifier}


def default_notifier(env: Mapping[str, str] = os.environ, stream: TextIO | None = None) -> Notifier:
    """Slack when SLACK_BOT_TOKEN is set (SLACK_CHANNEL required, SLACK_API_URL optional), else the console.

    `stream` defaults to sys.stdout as it is at call time (so pytest's capture and redirections apply).
    """
    token = (env.get("SLACK_BOT_TOKEN") or "").strip()
    if not token:
        return ConsoleNotifier(stream)
    channel = (env.get("SLACK_CHANNEL") or "").strip()
    if not channel:
        raise ConfigError("notify: SLACK_CHANNEL is required when SLACK_BOT_TOKEN is set (a channel id like C0123)")
    return SlackNotifier(token, channel, base_url=env.get("SLACK_API_URL") or None)
