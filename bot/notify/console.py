"""Print alerts to a terminal or a log file: one readable plain-text block per card (bot.notify.plain).

Rules: card text is cleaned when the card is built and made printable again by the plain renderer (no terminal
escape injection from feeds); ANSI styling only when the stream is a TTY; the returned id is synthetic
(`console:<n>`).
"""

from __future__ import annotations

import itertools
import sys
from typing import TextIO

from bot.notify import plain
from bot.notify.card import Message

STYLES = {"bold": "\x1b[1m", "dim": "\x1b[2m"}
RESET = "\x1b[0m"


def _ansi(name: str, text: str) -> str:
    return f"{STYLES[name]}{text}{RESET}"


class ConsoleNotifier:
    """Writes each Message as a plain-text block to a stream (stdout by default)."""

    name = "console"

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream if stream is not None else sys.stdout
        self._ids = itertools.count(1)

    @staticmethod
    def destination(config) -> str:
        """A console has no channels: the notifier's name."""
        return config.name

    def send(self, message: Message) -> str:
        """Write the message; return a synthetic id."""
        tty = bool(getattr(self.stream, "isatty", lambda: False)())
        lines = plain.lines(message.card, _ansi if tty else plain.no_style)
        self.stream.write("\n".join(lines) + "\n\n")
        self.stream.flush()
        return f"console:{next(self._ids)}"

    def find_posted(
        self, alert_id: int, oldest: float, channel: str | None = None, thread_ts: str | None = None
    ) -> str | None:
        """A console keeps no history to search."""
        return None
