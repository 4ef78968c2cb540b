"""Put each new item into a story: the first rule that finds an archived report of the same story decides
(bot.stories.match), else the item starts a story of its own; an agency's own advisory leads its story.

A new report close in meaning to reports of two stories bridges them: they become one, so the grouping does not
depend on which report came first (sources are refreshed in parallel). While one story's alerts still wait for
delivery, they become replies in the other's thread; two stories whose alerts delivery has both taken up stay
apart: merging them would hide one alert's follow-ups in the other's thread.

Runs inside the store transaction (bot.run.store) on its connection, so an item, its story membership and its
alert are written together; the reads and writes are storage.stories' named queries.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.records import TaggedItem
from bot.stories import alerting, match, meaning, rules
from storage import alerts, signatures, stories, vectors


class Keeper:
    """Assigns stories with a given notion of actor family (bot.run.assemble passes the knowledge base's)."""

    def __init__(self, family: Callable[[str], str] = str, members: Callable[[str], set[str]] = lambda f: {f}):
        self.family, self.members = family, members

    def assign(self, conn, tagged: TaggedItem, now: str) -> tuple[int, rules.Match | None]:
        return assign(conn, tagged, now, self.family, self.members)

    def clues(self, tagged: TaggedItem) -> meaning.Clues:
        item = tagged.item
        return meaning.clues(item.title, item.text, item.language, tagged.tags, self.family)


def assign(
    conn, tagged: TaggedItem, now: str, family: Callable[[str], str], members: Callable[[str], set[str]]
) -> tuple[int, rules.Match | None]:
    """Put a newly inserted item into a story; returns (story id, the match that decided it or None)."""
    item, tags = tagged.item, tagged.tags
    sig = tagged.signature if tagged.signature is not None else signatures.signature(f"{item.title}\n{item.text}")
    sig = sig or None  # b"": signed before, too short
    clues = None
    if tagged.vector:  # computed with the vector, outside the writer lock, where the pipeline encodes
        clues = (
            meaning.Clues.from_json(tagged.clues)
            if tagged.clues
            else meaning.clues(item.title, item.text, item.language, tags, family)
        )
    found = (
        match.by_advisory(conn, item, tags.advisories, now)
        or match.by_link(conn, item, tags.dprk_cyber, now)
        or (match.by_near_duplicate(conn, item.id, sig) if sig is not None else None)
        or match.by_event(conn, match.profile(tagged, now, family), members, now)
    )
    bridged: list[rules.Match] = []
    if found is None and clues:
        found, *bridged = match.by_meaning(conn, tagged, clues, now) or [None]
    if clues is not None:
        at = match.when(item, now).isoformat(timespec="seconds")
        vectors.add(conn, item.id, tagged.model, at, tagged.vector, tagged.clues or clues.to_json(), clues.language)
    if sig is not None:
        stories.add_signature(conn, item.id, sig, signatures.band_hashes(sig))
    if found is None:
        return stories.new_story(conn, item.id, item.title, now, now), None
    story_id = stories.story_of(conn, found.item_id, now)
    stories.join(conn, story_id, item.id, found.rule, found.score, found.reason, now)
    if match.own_advisories(item.title, item.url, tags.advisories):
        _lead_with_advisory(conn, story_id, item.id)
    for other in bridged:
        story_id = _merge(conn, story_id, stories.story_of(conn, other.item_id, now), now)
    return story_id, found


def _merge(conn, story_id: int, other: int, now: str) -> int:
    """One story of two that a new report bridges; the story it is in now. The one whose alerts delivery has
    taken up keeps its id and lead, else the one with alerts queued, else the earlier one; the other's waiting
    alerts become replies in its threads (alerting.fold). Both taken up: they stay apart."""
    if other == story_id:
        return story_id
    mine, theirs = _standing(conn, story_id), _standing(conn, other)
    if mine == theirs == OUT:
        return story_id  # both alerts are out: merging would hide one alert's replies in the other's thread
    other_first = stories.earlier(conn, other, story_id)
    keep_other = theirs > mine or (theirs == mine and other_first)
    into, gone = (other, story_id) if keep_other else (story_id, other)
    alerting.fold(conn, gone, into, now)
    gone_first = other_first if gone == other else not other_first
    lead, lead_id = stories.lead_item(conn, gone), stories.lead_item_id(conn, gone)
    stories.absorb(conn, into, gone, now, gone_first=gone_first)
    if lead is not None and match.own_advisories(*lead):
        _lead_with_advisory(conn, into, lead_id)
    return into


NONE, QUEUED, OUT = 0, 1, 2  # a story's alerts: none, queued and waiting, taken up by delivery


def _standing(conn, story_id: int) -> int:
    """How far a story's alerts have gone: the further one keeps its id and lead when two merge."""
    if not alerts.story_queued(conn, story_id):
        return NONE
    return OUT if alerts.story_claimed(conn, story_id) else QUEUED


def _lead_with_advisory(conn, story_id: int, item_id: str) -> None:
    """An agency's own advisory leads its story (the alert shows it) unless an advisory leads already."""
    lead = stories.lead_item(conn, story_id)
    if lead is None or not match.own_advisories(*lead):
        stories.set_lead(conn, story_id, item_id)
