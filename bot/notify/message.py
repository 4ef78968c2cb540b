"""Turn a tagged item into a Message: a plain `Card` of facts, rendered once as Slack Block Kit.

Rules: every feed string is escaped (bot.notify.escape) before it enters mrkdwn; only http(s) titles become links;
each text object stays within Slack's limits; the metadata carries alert and item ids so a restarted process can
find its own posts (SlackNotifier.find_posted) instead of posting twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC

from bot.notify.escape import FIELD_LIMIT, SECTION_LIMIT, clean, escape, fit_blocks, link, safe_url, truncate
from bot.notify.snippet import snippet
from bot.records import Item, Tags

EVENT_TYPE = "advisory_alert"
FALLBACK_LIMIT = 3000  # the notification text; Slack allows 40,000 but only the start is ever shown
TITLE_LIMIT = 300
WALLETS_SHOWN = 5  # wallets listed in an alert; `advisory-bot show` lists them all


@dataclass(frozen=True)
class Card:
    """The alert's facts as cleaned, unescaped single-line text: what every notifier renders."""

    title: str
    url: str  # http(s) URL or ""
    sources: tuple[str, ...]
    published: str  # ISO date (UTC) or ""
    actors: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    malware: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()  # CVEs, then advisory ids
    wallets: tuple[str, ...] = ()  # cryptocurrency addresses named by the item
    score: float = 0.0  # the tagger's confidence that this is DPRK cyber activity: not a severity
    dprk_cyber: bool = True
    snippet: tuple[tuple[str, bool], ...] = ()  # (text, highlighted) segments
    matched: tuple[tuple[str, str], ...] = ()  # (canonical actor, the alias the text used) when they differ
    item_id: str = ""  # the archive id: `advisory-bot show ID`

    @property
    def headline(self) -> str:
        return "DPRK cyber alert" if self.dprk_cyber else "DPRK-related item"

    @property
    def confidence(self) -> str:
        """The score for people: how sure the tagger is that this is DPRK cyber activity (docs/notifiers.md)."""
        return f"{self.score:.2f}"

    @property
    def wallets_shown(self) -> tuple[str, ...]:
        """The first WALLETS_SHOWN wallets, then how many more as "and N more"."""
        more = len(self.wallets) - WALLETS_SHOWN
        return self.wallets[:WALLETS_SHOWN] + ((f"and {more} more",) if more > 0 else ())

    @property
    def show_command(self) -> str:
        """The command that prints the whole archived item."""
        return f"advisory-bot show {self.item_id}" if self.item_id else ""

    @property
    def actors_shown(self) -> tuple[str, ...]:
        """Canonical actors, each with the alias the text used: "APT38 (as BlueNoroff)"."""
        aliases = dict(self.matched)
        return tuple(f"{a} (as {aliases[a]})" if a in aliases else a for a in self.actors)


@dataclass(frozen=True)
class Message:
    """One chat message: mrkdwn fallback `text`, Block Kit `blocks`, Slack metadata, and the card behind them."""

    text: str
    blocks: list[dict] = field(default_factory=list)
    metadata: dict | None = None
    channel: str | None = None  # None: the notifier's default channel
    thread_ts: str | None = None
    card: Card | None = None
    plain: str = ""  # the same content as plain unescaped text, for services that are not Slack (digests, ops)

    def to(self, channel: str | None = None, thread_ts: str | None = None) -> Message:
        """The same message for another channel or thread."""
        return replace(self, channel=channel, thread_ts=thread_ts)


def card(item: Item, tags: Tags, sources: Sequence[str] = ()) -> Card:
    """The facts of one tagged item, cleaned of control and bidi characters."""
    published = ""
    if item.published is not None:
        when = item.published if item.published.tzinfo else item.published.replace(tzinfo=UTC)
        published = when.astimezone(UTC).date().isoformat()
    names = [clean(s, single_line=True) for s in (item.source, *sources)]

    def line(values) -> tuple[str, ...]:
        return tuple(v for v in (clean(x, single_line=True) for x in values) if v)

    return Card(
        title=clean(item.title, single_line=True) or "(untitled)",
        url=safe_url(item.url) or "",
        sources=tuple(dict.fromkeys(n for n in names if n)),
        published=published,
        actors=line(tags.actors),
        sectors=line(tags.sectors),
        malware=line(tags.malware),
        ids=line((*tags.cves, *tags.advisories)),
        wallets=line(tags.wallets),
        score=tags.score,
        dprk_cyber=tags.dprk_cyber,
        snippet=snippet(item, tags.evidence),
        matched=_matched(tags),
        item_id=clean(item.id, single_line=True),
    )


def _matched(tags: Tags) -> tuple[tuple[str, str], ...]:
    """For each actor, the first alias the text named it by, when that was not its canonical name."""
    out: dict[str, str] = {}
    for e in tags.evidence:
        if e.label == "actor" and e.value in tags.actors and e.value not in out:
            text = clean(e.text, single_line=True)
            if text and text.casefold() != e.value.casefold():
                out[e.value] = text
    return tuple(out.items())


def _mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


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


def render_blocks(c: Card) -> list[dict]:
    """Slack Block Kit for a card: title link, context line, fact fields, evidence snippet, archive id."""
    title = link(c.url, c.title, label_limit=TITLE_LIMIT)
    context = [c.headline, f"Tagger confidence: {c.confidence}", f"Source: {_join(c.sources)}"]
    if c.published:
        context.append(f"Published: {c.published}")
    if len(c.sources) > 1:
        context.append(f"Reported by {len(c.sources)} sources")
    blocks = [
        {"type": "section", "text": _mrkdwn(truncate(f"*{title}*", SECTION_LIMIT))},
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
        blocks.append({"type": "section", "text": _mrkdwn(truncate(_snippet_mrkdwn(c.snippet), SECTION_LIMIT))})
    if c.show_command:
        archive = f"Archive: {_code(c.show_command)}"
        blocks.append({"type": "context", "elements": [_mrkdwn(truncate(archive, SECTION_LIMIT))]})
    return fit_blocks(blocks)


def fallback_text(c: Card) -> str:
    """The notification / screen-reader text: headline, title, actors, source."""
    parts = [f"{c.headline}: {escape(c.title)}"]
    if c.actors:
        parts.append(f"({_join(c.actors)})")
    parts.append(f"[{_join(c.sources)}]")
    return truncate(" ".join(parts), FALLBACK_LIMIT)


def build_alert(item: Item, tags: Tags, sources: Sequence[str] = (), alert_id: int | None = None) -> Message:
    """The Slack message for one tagged item; `sources` are other sources that carried the same story."""
    c = card(item, tags, sources)
    payload = {"item_id": item.id} if alert_id is None else {"alert_id": alert_id, "item_id": item.id}
    metadata = {"event_type": EVENT_TYPE, "event_payload": payload}
    return Message(text=fallback_text(c), blocks=render_blocks(c), metadata=metadata, card=c)
