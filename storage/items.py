"""Store tagged items once each: dedupe by id or normalised URL across all sources.

`store` is one transaction: new items, the sources that carried them, their tags, the source's
new validators and the outbox rows for alerts. A crash leaves either all of it or none of it, so
an item can neither be lost (validators saved before items) nor skip its alert (items saved
before their outbox rows).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from bot.records import Evidence, Item, TaggedItem, Tags
from storage.alerts import enqueue, enqueue_also_reported, enqueue_revision
from storage.archive import transaction
from storage.revisions import revise
from storage.stories import Keeper
from storage.stories import refresh as refresh_story

TAG_KINDS = ("actors", "sectors", "malware", "cves", "techniques", "advisories", "wallets")
# item_tags.kind is the singular: actor, sector, malware, cve, technique, advisory, wallet
TAG_KIND = dict(zip(TAG_KINDS, ("actor", "sector", "malware", "cve", "technique", "advisory", "wallet"), strict=True))


@dataclass(frozen=True)
class StoreResult:
    new: tuple[TaggedItem, ...]  # first time in the archive
    seen_again: int  # already archived (same id or URL), now also credited to this source
    alerts: int  # outbox rows created


def _row(tagged: TaggedItem, now: str) -> dict:
    item, tags = tagged.item, tagged.tags
    row = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "text": item.text,
        "published": item.published.isoformat() if item.published else None,
        "first_seen": now,
        "source": item.source,
        "language": item.language,
        "guid": item.guid,
        "dprk_cyber": int(tags.dprk_cyber),
        "dprk_related": int(tags.dprk_related),
        "score": round(tags.score, 3),
        "evidence": json.dumps([e.to_dict() for e in tags.evidence], ensure_ascii=False),
        "tagged_at": now,
    }
    for kind in TAG_KINDS:
        row[kind] = json.dumps(list(getattr(tags, kind)), ensure_ascii=False)
    return row


def existing_id(conn, item_id: str, url: str) -> str | None:
    """The archived id of this item: same id, else same normalised URL."""
    found = conn.execute("SELECT id FROM items WHERE id = ?", (item_id,)).fetchone()
    if found is None and url:
        # "url != ''" lets SQLite use the partial unique index items_url (without it: a full scan per item)
        found = conn.execute("SELECT id FROM items WHERE url = ? AND url != ''", (url,)).fetchone()
    return found[0] if found else None


def insert_tags(conn, item_id: str, tags) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO item_tags (item_id, kind, value) VALUES (?, ?, ?)",
        [(item_id, TAG_KIND[kind], value) for kind in TAG_KINDS for value in getattr(tags, kind)],
    )


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
                row = _row(t, now)
                cols = ", ".join(row)
                conn.execute(f"INSERT INTO items ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
                insert_tags(conn, item_id, t.tags)
            credited = conn.execute(
                "INSERT OR IGNORE INTO item_sources (item_id, source, seen_at, url, guid) VALUES (?, ?, ?, ?, ?)",
                (item_id, source, now, t.item.url, t.item.guid),
            ).rowcount
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
                story = conn.execute("SELECT story_id FROM items WHERE id = ?", (item_id,)).fetchone()[0]
                if story is not None:
                    refresh_story(conn, story, now)
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
    story = conn.execute("SELECT story_id FROM items WHERE id = ?", (item_id,)).fetchone()[0]
    replies = enqueue_revision(conn, item_id, story, version, what, now)
    return replies or enqueue(conn, item_id, routes(t), now, story)


def upsert_source(conn, row: dict) -> None:
    """Write the given columns of a sources row (inserting it if new)."""
    cols = list(row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "name")
    conn.execute(
        f"INSERT INTO sources ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        f" ON CONFLICT(name) DO UPDATE SET {updates}",
        [row[c] for c in cols],
    )


def sources_of(db: sqlite_utils.Database, item_id: str) -> list[str]:
    """Every source that carried the item, first one first."""
    rows = db.execute("SELECT source FROM item_sources WHERE item_id = ? ORDER BY seen_at, rowid", (item_id,))
    return [r[0] for r in rows]


def story_sources(db: sqlite_utils.Database, item_id: str) -> list[str]:
    """Every source that carried any item of this item's story, first one first."""
    rows = db.execute(
        "SELECT s.source, min(s.seen_at) AS first FROM item_sources s JOIN items i ON i.id = s.item_id"
        " WHERE i.story_id = (SELECT story_id FROM items WHERE id = ?) OR s.item_id = ?"
        " GROUP BY s.source ORDER BY first, s.source",
        (item_id, item_id),
    )
    return [r[0] for r in rows]


def item_ids(db: sqlite_utils.Database, since: str | None = None) -> list[str]:
    """Ids of the items dated (published, else first seen) on or after `since` (all: None), in archive order."""
    sql, params = "SELECT id FROM items", []
    if since:
        sql += " WHERE coalesce(published, first_seen) >= ?"
        params.append(since)
    return [row[0] for row in db.execute(sql + " ORDER BY rowid", params)]


def load_json_lists(row: dict, kinds: Iterable[str] = TAG_KINDS) -> dict:
    """A row with its JSON-array columns decoded."""
    out = dict(row)
    for kind in (*kinds, "evidence"):
        if isinstance(out.get(kind), str):
            out[kind] = json.loads(out[kind])
    return out


def load_tagged(db: sqlite_utils.Database, item_id: str) -> TaggedItem | None:
    """An archived item as the records the notifiers take."""
    row = db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        return None
    cols = [d[0] for d in db.execute("SELECT * FROM items LIMIT 0").description]
    data = load_json_lists(dict(zip(cols, row, strict=True)))
    item = Item(
        source=data["source"],
        id=data["id"],
        url=data["url"],
        title=data["title"],
        published=datetime.fromisoformat(data["published"]) if data["published"] else None,
        text=data["text"],
        language=data["language"],
        guid=data["guid"],
    )
    tags = Tags(
        dprk_cyber=bool(data["dprk_cyber"]),
        dprk_related=bool(data["dprk_related"]),
        score=data["score"],
        evidence=tuple(Evidence(**e) for e in data["evidence"]),
        **{kind: tuple(data[kind]) for kind in TAG_KINDS},
    )
    return TaggedItem(item, tags)


def set_tags(conn, item_id: str, tags: Tags, now: str, **columns) -> None:
    """Replace an archived item's tags (and any other given columns, e.g. a revision's title and text)."""
    values = {kind: json.dumps(list(getattr(tags, kind)), ensure_ascii=False) for kind in TAG_KINDS}
    values.update(
        dprk_cyber=int(tags.dprk_cyber),
        dprk_related=int(tags.dprk_related),
        score=round(tags.score, 3),
        evidence=json.dumps([e.to_dict() for e in tags.evidence], ensure_ascii=False),
        tagged_at=now,
        **columns,
    )
    assignments = ", ".join(f"{col} = ?" for col in values)
    conn.execute(f"UPDATE items SET {assignments} WHERE id = ?", [*values.values(), item_id])
    conn.execute("DELETE FROM item_tags WHERE item_id = ?", (item_id,))
    insert_tags(conn, item_id, tags)


def update_tags(db: sqlite_utils.Database, changes: Sequence[tuple[str, Tags]], now: str, routes=None) -> int:
    """Replace the tags of archived items in one transaction; enqueue what `routes(tagged)` targets."""
    alerts = 0
    with transaction(db) as conn:
        for item_id, tags in changes:
            set_tags(conn, item_id, tags, now)
            if routes is not None:
                tagged = load_tagged(db, item_id)
                story = conn.execute("SELECT story_id FROM items WHERE id = ?", (item_id,)).fetchone()[0]
                alerts += enqueue(conn, item_id, routes(TaggedItem(tagged.item, tags)), now, story)
    return alerts
