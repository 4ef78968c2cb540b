"""Messages about several items or none: digests, burst summaries and their thread parts, follow-ups, ops events.

Same rules as single alerts (bot.notify.message): feed text escaped for mrkdwn, http(s) links only, Slack
limits respected; `plain` carries the same content for services that are not Slack; metadata carries the
delivery key so a restarted process finds the post instead of repeating it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.notify.escape import SECTION_LIMIT, escape, fit_blocks, link, truncate
from bot.notify.message import EVENT_TYPE, Card, Message

LIST_LIMIT = 20  # items listed in one message


def _meta(key: str, kind: str) -> dict:
    return {"event_type": EVENT_TYPE, "event_payload": {"alert_id": key, "kind": kind}}


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, SECTION_LIMIT)}}


def _line(c: Card) -> str:
    """One item in a list: linked title, actors, date, and the source that carried it (named in every reply)."""
    actors = f" ({', '.join(escape(a) for a in c.actors)})" if c.actors else ""
    date = f" {c.published}" if c.published else ""
    source = f" — {escape(c.sources[0])}" if c.sources else ""
    return f"• {link(c.url, c.title, label_limit=200)}{actors}{date}{source}"


def _plain_line(c: Card) -> str:
    actors = f" ({', '.join(c.actors)})" if c.actors else ""
    source = f" [{c.sources[0]}]" if c.sources else ""
    return f"- {c.title}{actors}{source} {c.url}".rstrip()


def _listing(cards: Sequence[Card]) -> list[dict]:
    """Sections of bullet lines, split so each stays within Slack's section limit."""
    sections, current = [], ""
    for c in cards:
        line = _line(c)
        if current and len(current) + len(line) + 1 > SECTION_LIMIT - 100:
            sections.append(_section(current))
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        sections.append(_section(current))
    return sections


def digest(key: str, route: str, window: str, cards: Sequence[Card]) -> Message:
    """One message per digest window: items grouped by actor, with counts and links."""
    groups: dict[str, list[Card]] = {}
    for c in cards:
        for actor in c.actors or ("DPRK (no group named)",):
            groups.setdefault(actor, []).append(c)
    head = f"*DPRK digest ({escape(route)})*: {len(cards)} item(s), window ending {escape(window)}"
    blocks, plain = [_section(head)], [f"DPRK digest ({route}): {len(cards)} item(s), window ending {window}"]
    for actor in sorted(groups, key=lambda a: (-len(groups[a]), a)):
        members = groups[actor]
        blocks.append(_section(f"*{escape(actor)}* ({len(members)})"))
        blocks.extend(_listing(members[:LIST_LIMIT]))
        plain.append(f"{actor} ({len(members)})")
        plain.extend(_plain_line(c) for c in members[:LIST_LIMIT])
    return Message(
        text=truncate(head, 3000), blocks=fit_blocks(blocks), metadata=_meta(key, "digest"), plain="\n".join(plain)
    )


def burst_summary(key: str, cards: Sequence[Card], top: int = 5) -> Message:
    """The top-level message of a burst: counts by actor and the highest-scored items; the rest go in its thread."""
    counts = Counter(a for c in cards for a in (c.actors or ("no group named",)))
    by_actor = ", ".join(f"{escape(a)} {n}" for a, n in counts.most_common(8))
    best = sorted(cards, key=lambda c: -c.score)[:top]
    head = f"*{len(cards)} new DPRK cyber items* ({by_actor}). Top items below; all of them in the thread."
    blocks = [_section(head), *_listing(best)]
    plain = [f"{len(cards)} new DPRK cyber items. Top items:", *(_plain_line(c) for c in best)]
    return Message(
        text=truncate(f"{len(cards)} new DPRK cyber items", 3000),
        blocks=fit_blocks(blocks),
        metadata=_meta(key, "burst"),
        plain="\n".join(plain),
    )


def listing(key: str, kind: str, heading: str, cards: Sequence[Card], thread_ts: str | None = None) -> Message:
    """A thread reply listing items: a part of a burst, or follow-ups of an alerted story."""
    blocks = [_section(f"*{escape(heading)}*"), *_listing(cards)]
    plain = [heading, *(_plain_line(c) for c in cards)]
    return Message(
        text=truncate(escape(heading), 3000),
        blocks=fit_blocks(blocks),
        metadata=_meta(key, kind),
        thread_ts=thread_ts,
        plain="\n".join(plain),
    )


def ops_event(key: str, title: str, lines: Sequence[str]) -> Message:
    """A source-health event for the ops route."""
    body = "\n".join(escape(line) for line in lines)
    blocks = [_section(f"*{escape(title)}*" + (f"\n{body}" if body else ""))]
    return Message(
        text=truncate(escape(title), 3000), blocks=blocks, metadata=_meta(key, "ops"), plain="\n".join([title, *lines])
    )
