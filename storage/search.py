"""Query the archive: FTS5 full text plus filters on tags, source, language and date; one row per story on demand.

Rules: the text is FTS5 syntax as the analyst wrote it (phrases, OR, NOT, prefix*), reported as an
AdvisoryBotError when FTS5 rejects it; actors and sectors are canonical values (the CLI resolves aliases);
"date" is `published`, else `first_seen` (the expression the v4 index `items_date` covers).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils

from bot.errors import AdvisoryBotError
from storage.items import load_json_lists

DATE = "coalesce(items.published, items.first_seen)"
STORY_KEY = "coalesce('story:' || items.story_id, items.id)"  # an item without a story is its own story
SORTS = ("auto", "date", "relevance")


@dataclass(frozen=True)
class Query:
    text: str = ""  # FTS5 syntax: phrases, OR, NOT, prefix*
    actors: tuple[str, ...] = ()  # every one must be tagged
    sectors: tuple[str, ...] = ()  # every one must be tagged
    sources: tuple[str, ...] = ()  # any of (any source that carried the item)
    languages: tuple[str, ...] = ()  # any of
    since: str | None = None  # ISO date or datetime, inclusive
    until: str | None = None  # exclusive
    dprk_cyber: bool | None = None
    sort: str = "auto"  # auto: relevance when there is text, else date (newest first)
    by_story: bool = False  # one row per story: its best item, with story_hits and the story's title
    limit: int | None = 50


def _filters(q: Query) -> tuple[str, list[str], list]:
    """FROM clause, WHERE conditions and parameters of a query."""
    source, where, params = "items", [], []
    if q.text:
        source += " JOIN items_fts ON items_fts.rowid = items.rowid"
        where.append("items_fts MATCH ?")
        params.append(q.text)
    for kind, values in (("actor", q.actors), ("sector", q.sectors)):
        for value in values:
            where.append("items.id IN (SELECT item_id FROM item_tags WHERE kind = ? AND value = ?)")
            params += [kind, value]
    if q.sources:
        marks = ", ".join("?" * len(q.sources))
        where.append(f"items.id IN (SELECT item_id FROM item_sources WHERE source IN ({marks}))")
        params += list(q.sources)
    if q.languages:
        where.append(f"items.language IN ({', '.join('?' * len(q.languages))})")
        params += list(q.languages)
    if q.since:
        where.append(f"{DATE} >= ?")
        params.append(q.since)
    if q.until:
        where.append(f"{DATE} < ?")
        params.append(q.until)
    if q.dprk_cyber is not None:
        where.append("items.dprk_cyber = ?")
        params.append(int(q.dprk_cyber))
    return source, where, params


def _order(q: Query, rank: str, date: str) -> str:
    if q.sort not in SORTS:
        raise AdvisoryBotError(f"search: unknown sort {q.sort!r} (one of {', '.join(SORTS)})")
    if q.text and q.sort in ("auto", "relevance"):
        return f"{rank}, {date} DESC"
    return f"{date} DESC"


def build_sql(q: Query) -> tuple[str, list]:
    """The SELECT for a query (rows of `items` plus `_date`, `_rank` and, by story, story columns)."""
    source, where, params = _filters(q)
    rank = "items_fts.rank" if q.text else "0"
    where_sql = (" WHERE " + " AND ".join(where)) if where else ""
    if not q.by_story:
        order = _order(q, "_rank", "_date")
        sql = (
            f"SELECT items.*, stories.title AS story_title, {DATE} AS _date, {rank} AS _rank FROM {source}"
            f" LEFT JOIN stories ON stories.id = items.story_id{where_sql} ORDER BY {order}"
        )
    else:
        sql = (
            "SELECT m.*, stories.title AS story_title, stories.items_count AS story_items FROM ("
            f"SELECT items.*, {DATE} AS _date, {rank} AS _rank,"
            f" row_number() OVER (PARTITION BY {STORY_KEY} ORDER BY {_order(q, rank, DATE)}) AS _n,"
            f" count(*) OVER (PARTITION BY {STORY_KEY}) AS story_hits"
            f" FROM {source}{where_sql}) AS m LEFT JOIN stories ON stories.id = m.story_id"
            f" WHERE m._n = 1 ORDER BY {_order(q, 'm._rank', 'm._date')}"
        )
    if q.limit is not None:
        sql += " LIMIT ?"
        params.append(q.limit)
    return sql, params


def _execute(db: sqlite_utils.Database, q: Query) -> sqlite3.Cursor:
    sql, params = build_sql(q)
    try:
        return db.execute(sql, params)
    except sqlite3.OperationalError as exc:
        if q.text:  # FTS5 reports query mistakes as OperationalError: syntax, unterminated string, column
            raise AdvisoryBotError(f"search: invalid full-text query {q.text!r}: {exc}") from None
        raise


def _rows(cursor: sqlite3.Cursor) -> Iterator[dict]:
    cols = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(cols, values, strict=True))
        for private in ("_rank", "_n"):
            row.pop(private, None)
        row["date"] = row.pop("_date")
        yield row


def sources_by_item(db: sqlite_utils.Database, ids: list[str]) -> dict[str, list[str]]:
    """Every source that carried each item, first one first."""
    found: dict[str, list[str]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = (
            f"SELECT item_id, source FROM item_sources WHERE item_id IN ({', '.join('?' * len(chunk))})"
            " ORDER BY item_id, seen_at, rowid"
        )
        for item_id, source in db.execute(sql, chunk):
            found[item_id].append(source)
    return found


def iter_items(db: sqlite_utils.Database, q: Query, batch: int = 500) -> Iterator[dict]:
    """Matching items (JSON lists decoded, `sources` added), streamed: for exports of any size.

    The query runs (and an invalid one raises) at the call, before the first row is read.
    """
    return _decoded(db, _rows(_execute(db, q)), batch)


def _decoded(db: sqlite_utils.Database, rows: Iterator[dict], batch: int) -> Iterator[dict]:
    while True:
        chunk = [r for _, r in zip(range(batch), rows, strict=False)]
        if not chunk:
            return
        sources = sources_by_item(db, [r["id"] for r in chunk])
        for row in chunk:
            row["sources"] = sources[row["id"]]
            yield load_json_lists(row)


def search(db: sqlite_utils.Database, q: Query) -> list[dict]:
    """Matching items, best first: by relevance when there is text (unless sort="date"), else newest first."""
    return list(iter_items(db, q))
