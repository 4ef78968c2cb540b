"""Query the archive: FTS5 full text plus filters on tags, source and date."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import sqlite_utils

from bot.errors import AdvisoryBotError
from storage.items import load_json_lists, sources_of


@dataclass(frozen=True)
class Query:
    text: str = ""  # FTS5 syntax: phrases, OR, NOT, prefix*
    actors: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: str | None = None  # ISO date or datetime, compared with published (first_seen when unknown)
    until: str | None = None
    dprk_cyber: bool | None = None
    limit: int = 50


def search(db: sqlite_utils.Database, q: Query) -> list[dict]:
    """Matching items, newest first (by relevance first when there is text)."""
    where, params = [], []
    sql = "SELECT items.* FROM items"
    order = "coalesce(items.published, items.first_seen) DESC"
    if q.text:
        sql += " JOIN items_fts ON items_fts.rowid = items.rowid"
        where.append("items_fts MATCH ?")
        params.append(q.text)
        order = "items_fts.rank, " + order
    for kind, values in (("actor", q.actors), ("sector", q.sectors)):
        for value in values:  # every given actor/sector must be present
            where.append("items.id IN (SELECT item_id FROM item_tags WHERE kind = ? AND value = ?)")
            params += [kind, value]
    if q.sources:
        marks = ", ".join("?" * len(q.sources))
        where.append(f"items.id IN (SELECT item_id FROM item_sources WHERE source IN ({marks}))")
        params += list(q.sources)
    if q.since:
        where.append("coalesce(items.published, items.first_seen) >= ?")
        params.append(q.since)
    if q.until:
        where.append("coalesce(items.published, items.first_seen) < ?")
        params.append(q.until)
    if q.dprk_cyber is not None:
        where.append("items.dprk_cyber = ?")
        params.append(int(q.dprk_cyber))
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT ?"
    params.append(q.limit)
    try:
        rows = list(db.query(sql, params))
    except sqlite3.OperationalError as exc:
        if q.text:  # FTS5 reports query mistakes as OperationalError: syntax, unterminated string, column
            raise AdvisoryBotError(f"search: invalid full-text query {q.text!r}: {exc}") from None
        raise
    for row in rows:
        row["sources"] = sources_of(db, row["id"])
    return [load_json_lists(r) for r in rows]
