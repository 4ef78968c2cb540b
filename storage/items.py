"""Archived items: the named writes and reads of items, the sources that carried them and their tags.

Dedupe is by id or normalised URL across all sources (`existing_id`); bot.run.store calls these inside its one
transaction per source (items, sources, tags, stories, validators and outbox rows together).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

import sqlite_utils

from bot.records import Evidence, Item, TaggedItem, Tags

TAG_KINDS = ("actors", "sectors", "malware", "cves", "techniques", "advisories", "wallets")
# item_tags.kind is the singular: actor, sector, malware, cve, technique, advisory, wallet
TAG_KIND = dict(zip(TAG_KINDS, ("actor", "sector", "malware", "cve", "technique", "advisory", "wallet"), strict=True))


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


def insert_item(conn, tagged: TaggedItem, now: str) -> None:
    """Archive a new item with its tags, first seen `now`."""
    row = _row(tagged, now)
    cols = ", ".join(row)
    conn.execute(f"INSERT INTO items ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    insert_tags(conn, tagged.item.id, tagged.tags)


def credit_source(conn, item_id: str, source: str, now: str, url: str, guid: str) -> bool:
    """Record that `source` carried an archived item (with its URL and GUID there); False when it was known to."""
    return bool(
        conn.execute(
            "INSERT OR IGNORE INTO item_sources (item_id, source, seen_at, url, guid) VALUES (?, ?, ?, ?, ?)",
            (item_id, source, now, url, guid),
        ).rowcount
    )


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
