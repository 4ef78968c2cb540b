"""Render a card as a Slack message: Block Kit blocks, mrkdwn fallback text and metadata (the Slack notifier's own).

Rules: every card string is escaped (bot.notify.escape) as it enters mrkdwn; only http(s) titles become links;
each text object stays within Slack's limits; the metadata carries the delivery key (and an alert's item id) so a
restarted process can find its own posts (SlackNotifier.find_posted) instead of posting twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.notify.card import (
    EVENT_TYPE,
    LIST_LIMIT,
    WALLETS_SHOWN,
    AlertCard,
    AnyCard,
    BurstCard,
    Card,
    DigestCard,
    FollowupCard,
    ListCard,
    Message,
    OpsCard,
)
from bot.notify.escape import FIELD_LIMIT, SECTION_LIMIT, escape, fit_blocks, link, truncate

FALLBACK_LIMIT = 3000  # the notification text; Slack allows 40,000 but only the start is ever shown
TITLE_LIMIT = 300


@dataclass(frozen=True)
class SlackPayload:
    """What chat.postMessage gets: mrkdwn fallback `text`, Block Kit `blocks`, message `metadata`."""

    text: str
    blocks: list[dict]
    metadata: dict | None = None


def _mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def _section(text: str) -> dict:
    return {"type": "section", "text": _mrkdwn(truncate(text, SECTION_LIMIT))}


def _join(values) -> str:
    return ", ".join(escape(v) for v in values)


def _code(value: str) -> str:
    """Inline code, so Slack neither links nor formats it; plain escaped text if it holds a backtick."""
    safe = escape(value)
    return f"`{safe}`" if "`" not in safe else safe


def _snippet_mrkdwn(segments) -> str:
    """A quoted line; highlighted spans in bold where mrkdwn can render it."""
    out = []
    for i, (text, highlighted) in enumerate(segments):
        safe = escape(text, strip=False)
        before = segments[i - 1][0][-1:] if i else ""
        after = segments[i + 1][0][:1] if i + 1 < len(segments) else ""
        # mrkdwn bold needs word boundaries: Korean particles (김수키가) would otherwise leave stray asterisks.
        bold = highlighted and "*" not in safe and safe == safe.strip()
        bold = bold and not before.isalnum() and not after.isalnum()
        out.append(f"*{safe}*" if bold else safe)
    return "> " + "".join(out)


def alert_blocks(c: Card) -> list[dict]:
    """Block Kit for one item: title link, context line, fact fields, evidence snippet, archive id."""
    title = link(c.url, c.title, label_limit=TITLE_LIMIT)
    context = [c.headline, f"Tagger confidence: {c.confidence}", f"Source: {_join(c.sources)}"]
    if c.published:
        context.append(f"Published: {c.published}")
    if len(c.sources) > 1:
        context.append(f"Reported by {len(c.sources)} sources")
    blocks = [
        _section(f"*{title}*"),
        {"type": "context", "elements": [_mrkdwn(truncate(" | ".join(context), SECTION_LIMIT))]},
    ]
    facts = [("Actors", c.actors_shown), ("Sectors", c.sectors), ("Malware", c.malware), ("CVEs / advisories", c.ids)]
    fields = [_mrkdwn(truncate(f"*{label}*\n{_join(values)}", FIELD_LIMIT)) for label, values in facts if values]
    if c.wallets:
        shown = [_code(w) for w in c.wallets[:WALLETS_SHOWN]] + list(c.wallets_shown[WALLETS_SHOWN:])
        fields.append(_mrkdwn(truncate("*Wallets*\n" + "\n".join(shown), FIELD_LIMIT)))
    if fields:
        blocks.append({"type": "section", "fields": fields})
    if c.snippet:
        blocks.append(_section(_snippet_mrkdwn(c.snippet)))
    if c.show_command:
        archive = f"Archive: {_code(c.show_command)}"
        blocks.append({"type": "context", "elements": [_mrkdwn(truncate(archive, SECTION_LIMIT))]})
    return fit_blocks(blocks)


def alert_text(c: Card) -> str:
    """The notification / screen-reader text: headline, title, actors, source."""
    parts = [f"{c.headline}: {escape(c.title)}"]
    if c.actors:
        parts.append(f"({_join(c.actors)})")
    parts.append(f"[{_join(c.sources)}]")
    return truncate(" ".join(parts), FALLBACK_LIMIT)


def _list_line(c: Card) -> str:
    """One item in a list: linked title, actors, date, and the source that carried it (named in every reply)."""
    actors = f" ({', '.join(escape(a) for a in c.actors)})" if c.actors else ""
    date = f" {c.published}" if c.published else ""
    source = f" — {escape(c.sources[0])}" if c.sources else ""
    return f"• {link(c.url, c.title, label_limit=200)}{actors}{date}{source}"


def _listing(cards) -> list[dict]:
    """Sections of bullet lines, split so each stays within Slack's section limit."""
    sections, current = [], ""
    for c in cards:
        line = _list_line(c)
        if current and len(current) + len(line) + 1 > SECTION_LIMIT - 100:
            sections.append(_section(current))
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        sections.append(_section(current))
    return sections


def _digest(c: DigestCard) -> tuple[str, list[dict]]:
    head = f"*DPRK digest ({escape(c.route)})*: {len(c.items)} item(s), window ending {escape(c.window)}"
    blocks = [_section(head)]
    for actor, members in c.groups():
        blocks.append(_section(f"*{escape(actor)}* ({len(members)})"))
        blocks.extend(_listing(members[:LIST_LIMIT]))
    return truncate(head, FALLBACK_LIMIT), blocks


def _burst(c: BurstCard) -> tuple[str, list[dict]]:
    by_actor = ", ".join(f"{escape(a)} {n}" for a, n in c.by_actor())
    head = f"*{len(c.items)} new DPRK cyber items* ({by_actor}). Top items below; all of them in the thread."
    return truncate(f"{len(c.items)} new DPRK cyber items", FALLBACK_LIMIT), [_section(head), *_listing(c.best)]


def _list(heading: str, items) -> tuple[str, list[dict]]:
    return truncate(escape(heading), FALLBACK_LIMIT), [_section(f"*{escape(heading)}*"), *_listing(items)]


def _ops(c: OpsCard) -> tuple[str, list[dict]]:
    body = "\n".join(escape(line) for line in c.lines)
    return truncate(escape(c.title), FALLBACK_LIMIT), [_section(f"*{escape(c.title)}*" + (f"\n{body}" if body else ""))]


def _metadata(message: Message) -> dict:
    c = message.card
    if isinstance(c, AlertCard):
        payload = {"item_id": c.item.item_id} if c.key is None else {"alert_id": c.key, "item_id": c.item.item_id}
    else:
        payload = {"alert_id": c.key, "kind": c.kind}
    return {"event_type": EVENT_TYPE, "event_payload": payload}


def render(message: Message) -> SlackPayload:
    """The Slack message for any card."""
    c: AnyCard = message.card
    if isinstance(c, AlertCard):
        text, blocks = alert_text(c.item), alert_blocks(c.item)
    elif isinstance(c, DigestCard):
        text, blocks = _digest(c)
    elif isinstance(c, BurstCard):
        text, blocks = _burst(c)
    elif isinstance(c, ListCard | FollowupCard):
        text, blocks = _list(c.heading, c.items)
    elif isinstance(c, OpsCard):
        text, blocks = _ops(c)
    else:
        raise TypeError(f"notify: no Slack rendering for {type(c).__name__}")
    return SlackPayload(text, fit_blocks(blocks), _metadata(message))
