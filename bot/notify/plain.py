"""Render any card as plain text: the console's layout, the webhook's `text`, and plain-text Apprise services.

Rules: no markup of any chat service; card text is already cleaned, and every value goes through
bot.terminal.printable once more so nothing a terminal would execute can reach one. Styling (bold, dim) is a
caller's choice (`style`), applied after that, so only the caller's own escape codes are ever written.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.notify.card import LIST_LIMIT, AlertCard, AnyCard, BurstCard, Card, DigestCard, FollowupCard, ListCard, OpsCard
from bot.terminal import printable

Style = Callable[[str, str], str]  # (style name: "bold" | "dim", text) -> styled text


def no_style(name: str, text: str) -> str:
    return text


def alert_lines(card: Card, style: Style = no_style) -> list[str]:
    """The lines of one alert block: title, link, then one labelled row per fact, then the quoted snippet."""

    def row(label: str, values) -> list[str]:
        padded = f"{label}:".ljust(12)  # pad before styling: escape codes have no width
        return [f"  {style('dim', padded)} {', '.join(printable(v) for v in values)}"] if values else []

    lines = [style("bold", printable(f"[{card.headline}] {card.title}"))]
    if card.url:
        lines.append(f"  {printable(card.url)}")
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
        text = "".join(style("bold", printable(t)) if hit else printable(t) for t, hit in card.snippet)
        lines.append(f"  > {text}")
    return lines


def list_line(card: Card) -> str:
    """One item in a list: title, actors, the source that carried it, link."""
    actors = f" ({', '.join(card.actors)})" if card.actors else ""
    source = f" [{card.sources[0]}]" if card.sources else ""
    return printable(f"- {card.title}{actors}{source} {card.url}".rstrip())


def lines(card: AnyCard, style: Style = no_style) -> list[str]:
    """Any card as lines of plain text."""
    if isinstance(card, AlertCard):
        return alert_lines(card.item, style)
    if isinstance(card, DigestCard):
        out = [style("bold", printable(f"DPRK digest ({card.route}): {len(card.items)} item(s), window ending "
                                       f"{card.window}"))]  # fmt: skip
        for actor, members in card.groups():
            out.append(printable(f"{actor} ({len(members)})"))
            out.extend(list_line(c) for c in members[:LIST_LIMIT])
        return out
    if isinstance(card, BurstCard):
        return [style("bold", f"{len(card.items)} new DPRK cyber items. Top items:"), *map(list_line, card.best)]
    if isinstance(card, ListCard | FollowupCard):
        return [style("bold", printable(card.heading)), *map(list_line, card.items)]
    if isinstance(card, OpsCard):
        return [style("bold", printable(card.title)), *(printable(x) for x in card.lines)]
    raise TypeError(f"notify: no plain rendering for {type(card).__name__}")


def text(card: AnyCard) -> str:
    """Any card as one plain-text string."""
    return "\n".join(lines(card))
