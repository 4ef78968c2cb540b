"""Print alerts to a terminal or a log file: one readable plain-text block per alert.

Rules: card fields are already cleaned of control and bidi characters (no terminal escape injection from feeds);
ANSI styling only when the stream is a TTY; the returned id is synthetic (`console:<n>`).
"""

from __future__ import annotations

import html
import itertools
import sys
from typing import TextIO

from bot.notify.escape import clean
from bot.notify.message import Card, Message

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


class ConsoleNotifier:
    """Writes each Message as a plain-text block to a stream (stdout by default)."""

    name = "console"

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream if stream is not None else sys.stdout
        self._ids = itertools.count(1)

    def send(self, message: Message) -> str:
        """Write the message; return a synthetic id."""
        tty = bool(getattr(self.stream, "isatty", lambda: False)())
        lines = render(message.card, tty) if message.card else [_plain(message.text)]
        self.stream.write("\n".join(lines) + "\n\n")
        self.stream.flush()
        return f"console:{next(self._ids)}"

    def find_posted(self, alert_id: int, oldest: float, channel: str | None = None) -> str | None:
        """A console keeps no history to search."""
        return None


def _plain(mrkdwn: str) -> str:
    """A message without a card: undo Slack's three entities, keep it free of control characters."""
    return clean(html.unescape(mrkdwn))


def render(card: Card, tty: bool = False) -> list[str]:
    """The lines of one alert block; bold title and dim labels on a TTY."""

    def style(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if tty else text

    def row(label: str, values) -> list[str]:
        padded = f"{label}:".ljust(12)  # pad before styling: escape codes have no width
        return [f"  {style(DIM, padded)} {', '.join(values)}"] if values else []

    lines = [style(BOLD, f"[{card.headline}] {card.title}")]
    if card.url:
        lines.append(f"  {card.url}")
    lines += row("source", card.sources)
    lines += row("published", [card.published] if card.published else [])
    lines += row("confidence", [f"{card.confidence} (tagger)"])
    lines += row("actors", card.actors_shown)
    lines += row("sectors", card.sectors)
    lines += row("malware", card.malware)
    lines += row("ids", card.ids)
    lines += row("wallets", card.wallets_shown)
    lines += row("archive", [card.show_command] if card.show_command else [])
    if card.snippet:
        text = "".join(style(BOLD, t) if hit else t for t, hit in card.snippet)
        lines.append(f"  > {text}")
    return lines
