"""The neutral cards delivery hands to notifiers: facts as raw, unescaped text, with no chat markup at all.

Rules: every feed string is cleaned (bot.notify.escape.clean: controls, ANSI, bidi overrides and invisible
characters removed) when the card is built, but never escaped: escaping is the job of the renderer of each
output (Slack mrkdwn, Markdown, a terminal, JSON), so no notifier ever undoes another's escaping. A link is an
http(s) URL or "". A `Message` is one card on its way to one channel (or thread).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC

from bot.notify.escape import clean, safe_url
from bot.notify.snippet import snippet
from bot.records import Item, Tags

EVENT_TYPE = "advisory_alert"  # the event every post is filed under (Slack metadata, the webhook's `event`)
LIST_LIMIT = 20  # items listed in one message
WALLETS_SHOWN = 5  # wallets listed in an alert; `advisory-bot show` lists them all


@dataclass(frozen=True)
class Card:
    """One item's facts as cleaned, unescaped single-line text: what every notifier renders."""

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
class AlertCard:
    """One item, alerted on its own. `key` is the delivery key (None before the outbox gave one)."""

    item: Card
    key: str | int | None = None
    kind = "alert"


@dataclass(frozen=True)
class ListCard:
    """Items listed under a heading: one part of a burst, in the burst's thread."""

    key: str
    heading: str
    items: tuple[Card, ...]
    kind: str = "burst"


@dataclass(frozen=True)
class FollowupCard:
    """A story's news since its alert, as a reply in the alert's thread."""

    key: str
    revisions: tuple[str, ...] = ()  # what changed in reports already alerted
    also_reported_by: tuple[str, ...] = ()  # sources newly carrying the story
    related: int = 0  # related reports listed in `items`
    lead_changed: bool = False  # an agency advisory now leads the story; the first report is listed last
    items: tuple[Card, ...] = ()
    kind = "followup"

    @property
    def heading(self) -> str:
        """The reply's first line, as plain text."""
        parts = [f"Updated: {summary}" for summary in self.revisions]
        if self.also_reported_by:
            parts.append(f"Also reported by {', '.join(self.also_reported_by)}")
        if self.lead_changed:
            parts.append("an agency advisory now leads this story (the alert above shows it); first report below")
        elif self.related:
            parts.append(f"{self.related} related report(s) on this story")
        return "; ".join(parts)


@dataclass(frozen=True)
class BurstCard:
    """The top message of a burst: how many items, by actor, and the highest-scored ones."""

    key: str
    items: tuple[Card, ...]
    top: int = 5
    kind = "burst"

    @property
    def best(self) -> tuple[Card, ...]:
        """The `top` highest-scored items."""
        return tuple(sorted(self.items, key=lambda c: -c.score)[: self.top])

    def by_actor(self, most: int = 8) -> list[tuple[str, int]]:
        """The most named actors with their counts ("no group named" for items naming none)."""
        return Counter(a for c in self.items for a in (c.actors or ("no group named",))).most_common(most)


@dataclass(frozen=True)
class DigestCard:
    """One digest window of a route: its items, grouped by actor when rendered."""

    key: str
    route: str
    window: str  # the window's end, "YYYY-MM-DD HH:MM UTC"
    items: tuple[Card, ...]
    kind = "digest"

    def groups(self) -> list[tuple[str, list[Card]]]:
        """(actor, its items) with the largest group first; items naming no group under "DPRK (no group named)"."""
        groups: dict[str, list[Card]] = {}
        for c in self.items:
            for actor in c.actors or ("DPRK (no group named)",):
                groups.setdefault(actor, []).append(c)
        return [(a, groups[a]) for a in sorted(groups, key=lambda a: (-len(groups[a]), a))]


@dataclass(frozen=True)
class OpsCard:
    """A source-health (or notifier-health) event for the ops route."""

    key: str
    title: str
    lines: tuple[str, ...] = ()
    kind = "ops"


AnyCard = AlertCard | ListCard | FollowupCard | BurstCard | DigestCard | OpsCard


@dataclass(frozen=True)
class Message:
    """One card on its way to a channel (None: the notifier's default) and maybe a thread."""

    card: AnyCard
    channel: str | None = None
    thread_ts: str | None = None

    @property
    def kind(self) -> str:
        return self.card.kind

    @property
    def key(self) -> str | None:
        """The delivery key (alert id or post key) as text, or None."""
        key = self.card.key
        return None if key is None else str(key)

    def to(self, channel: str | None = None, thread_ts: str | None = None) -> Message:
        """The same message for another channel or thread."""
        return replace(self, channel=channel, thread_ts=thread_ts)


def _line(values) -> tuple[str, ...]:
    return tuple(v for v in (clean(x, single_line=True) for x in values) if v)


def card(item: Item, tags: Tags, sources: Sequence[str] = ()) -> Card:
    """The facts of one tagged item, cleaned of control and bidi characters; `sources` carried it too."""
    published = ""
    if item.published is not None:
        when = item.published if item.published.tzinfo else item.published.replace(tzinfo=UTC)
        published = when.astimezone(UTC).date().isoformat()
    return Card(
        title=clean(item.title, single_line=True) or "(untitled)",
        url=safe_url(item.url) or "",
        sources=tuple(dict.fromkeys(_line((item.source, *sources)))),
        published=published,
        actors=_line(tags.actors),
        sectors=_line(tags.sectors),
        malware=_line(tags.malware),
        ids=_line((*tags.cves, *tags.advisories)),
        wallets=_line(tags.wallets),
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


def build_alert(item: Item, tags: Tags, sources: Sequence[str] = (), alert_id: str | int | None = None) -> Message:
    """The alert for one tagged item; `sources` are other sources that carried the same story."""
    return Message(AlertCard(card(item, tags, sources), alert_id))


def ops_event(key: str, title: str, lines: Sequence[str] = ()) -> Message:
    """A source-health event; its text is cleaned like feed text (it may quote a server's answer)."""
    return Message(OpsCard(key, clean(title, single_line=True), tuple(clean(x, single_line=True) for x in lines)))


def followup(key: str, revisions=(), also_reported_by=(), items: Sequence[Card] = (), lead_changed=False) -> Message:
    """A story's follow-up reply; `items` are the related reports (and the first report when the lead changed)."""
    related = len(items) - (1 if lead_changed else 0)
    return Message(
        FollowupCard(key, _line(revisions), tuple(dict.fromkeys(_line(also_reported_by))), related, lead_changed,
                     tuple(items))
    )  # fmt: skip
