"""Store a source's tagged items once each, in one transaction: new items, the sources that carried them, their
tags, their stories, the source's new validators and the outbox rows for alerts.

A crash leaves either all of it or none of it, so an item can neither be lost (validators saved before items)
nor skip its alert (items saved before their outbox rows). Dedupe is by id or normalised URL across all sources.
The writes are storage's named queries; the policies are bot.stories' (which story an item joins: assign;
alert or follow-up: alerting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from bot.records import TaggedItem, Tags
from bot.stories.alerting import enqueue, enqueue_also_reported, enqueue_revision
from bot.stories.assign import Keeper
from storage import stories as story_rows
from storage.archive import transaction
from storage.items import credit_source, existing_id, insert_item, load_tagged, set_tags, upsert_source
from storage.revisions import revise


@dataclass(frozen=True)
class StoreResult:
    new: tuple[TaggedItem, ...]  # first time in the archive
    seen_again: int  # already archived (same id or URL), now also credited to this source
    alerts: int  # outbox rows created


def store(
    db: sqlite_utils.Database,
    source: str,
    tagged: Sequence[TaggedItem],
    now: str,
    *,
    routes=None,
    source_update: dict | None = None,
    stories: Keeper | None = None,
) -> StoreResult:
    """Insert what is new, credit what is known, enqueue alerts for what `routes(tagged_item)` targets.

    `routes` maps a TaggedItem to targets (notifier, channel, route, mode, due_at); None stores silently
    (a source's backlog). `source_update` is the sources-table row written in the same transaction. Each
    new item joins a story (`stories`; by default actors are compared by name only).
    """
    stories = stories or Keeper()
    new: list[TaggedItem] = []
    seen_again = alerts = 0
    with transaction(db) as conn:
        batch_ids: set[str] = set()
        for t in tagged:
            if t.item.id in batch_ids:
                continue
            batch_ids.add(t.item.id)
            known = existing_id(conn, t.item.id, t.item.url)
            item_id = known or t.item.id
            if known is None:
                insert_item(conn, t, now)
            credited = credit_source(conn, item_id, source, now, t.item.url, t.item.guid)
            if known is None:
                new.append(t)
                story_id, _match = stories.assign(conn, t, now)
                if routes is not None:
                    alerts += enqueue(conn, item_id, routes(t), now, story_id)
                continue
            seen_again += 1
            revised = revise(conn, item_id, t, source, now)
            if revised is not None:
                alerts += _apply_revision(conn, item_id, t, revised, now, routes)
            if credited:
                story = story_rows.story_id_of(conn, item_id)
                if story is not None:
                    story_rows.refresh(conn, story, now)
                if routes is not None:
                    alerts += enqueue_also_reported(conn, item_id, source, now)
        if source_update is not None:
            upsert_source(conn, source_update)
    return StoreResult(new=tuple(new), seen_again=seen_again, alerts=alerts)


def _apply_revision(conn, item_id: str, t: TaggedItem, revised: tuple[int, str], now: str, routes) -> int:
    """Write a revision's content and tags; queue "updated:" replies, or an alert if it is news only now."""
    version, what = revised
    published = t.item.published.isoformat() if t.item.published else None
    set_tags(
        conn,
        item_id,
        t.tags,
        now,
        title=t.item.title,
        text=t.item.text,
        **({"published": published} if published else {}),
    )
    if routes is None:
        return 0
    story = story_rows.story_id_of(conn, item_id)
    replies = enqueue_revision(conn, item_id, story, version, what, now)
    return replies or enqueue(conn, item_id, routes(t), now, story)


def update_tags(db: sqlite_utils.Database, changes: Sequence[tuple[str, Tags]], now: str, routes=None) -> int:
    """Replace the tags of archived items in one transaction; enqueue what `routes(tagged)` targets."""
    alerts = 0
    with transaction(db) as conn:
        for item_id, tags in changes:
            set_tags(conn, item_id, tags, now)
            if routes is not None:
                tagged = load_tagged(db, item_id)
                story = story_rows.story_id_of(conn, item_id)
                alerts += enqueue(conn, item_id, routes(TaggedItem(tagged.item, tags)), now, story)
    return alerts
