"""The `console` notifier type: its routes.yaml entry (a name, nothing else) and a ConsoleNotifier."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TextIO

from pydantic import Field

from bot.config.routes import NotifierBase


class ConsoleConfig(NotifierBase):
    """Prints alerts as plain text on standard output."""

    type: Literal["console"] = Field(description="console: plain text on standard output")


CONFIG = ConsoleConfig
NOTIFIER = "bot.notify.console:ConsoleNotifier"  # its class, imported when needed


def build(cfg: ConsoleConfig, env: Mapping[str, str], stream: TextIO | None):
    from bot.notify.console import ConsoleNotifier

    return ConsoleNotifier(stream)
