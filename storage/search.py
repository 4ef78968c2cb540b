"""Query the archive: FTS5 full text plus filters on tags, source, language and date; one row per story on demand.

Rules: the text is FTS5 syntax used on purpose (phrases, OR, NOT, prefix*, column:, NEAR) or words searched as
typed (advisory and CVE ids, dotted names: storage.fts_query), reported as an AdvisoryBotError when FTS5 rejects
it; actors and sectors are canonical values (the CLI resolves aliases);
"date" is `published`, else `first_seen` (the expression the v4 index `items_date` covers).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils

from bot.errors import AdvisoryBotError
from storage.fts_query import to_fts5
from storage.items import load_json_lists

DATE = "coalesce(items.published, items.first_seen)"
STORY_KEY = "coalesce('story:' || items.story_id, items.id)"  # an item without a story is its own story
SORTS = ("auto", "date", "relevance")


@dataclass(frozen=True)
class Query:
    text: str = ""  # FTS5 syntax (phrases, OR, NOT, prefix*) or plain words, ids included
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


# a tag or source filter as a set of items.rowid, the key of items_fts: full-text hits are checked against it
# without reading their (long) items rows
TAGGED_ROWIDS = "SELECT item_rowid FROM item_tags WHERE kind = ? AND value = ?"  # index item_tags_rowid (v5)
SOURCE_ROWIDS = (
    "SELECT items.rowid FROM item_sources JOIN items ON items.id = item_sources.item_id"
    " WHERE item_sources.source IN ({marks})"
)


def _set_filters(q: Query, rowid: str | None = None) -> tuple[list[str], list]:
    """Tag and source filters: conditions on items.id (the planner may start from the set), or, given `rowid`,
    on that rowid (`+`: checked per row, never used to look rows up)."""
    where, params = [], []
    for kind, values in (("actor", q.actors), ("sector", q.sectors)):
        for value in values:
            if rowid:
                where.append(f"+{rowid} IN ({TAGGED_ROWIDS})")
            else:
                where.append("items.id IN (SELECT item_id FROM item_tags WHERE kind = ? AND value = ?)")
            params += [kind, value]
    if q.sources:
        marks = ", ".join("?" * len(q.sources))
        if rowid:
            where.append(f"+{rowid} IN ({SOURCE_ROWIDS.format(marks=marks)})")
        else:
            where.append(f"items.id IN (SELECT item_id FROM item_sources WHERE source IN ({marks}))")
        params += list(q.sources)
    return where, params


def _row_filters(q: Query) -> tuple[list[str], list]:
    """Filters on the columns of `items`."""
    where, params = [], []
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
    return where, params


def _hits(q: Query) -> tuple[str, list]:
    """The full-text matches that pass every filter, as a materialized `hits(item_rowid, rank)`.

    FTS5 hands out rowids; tag and source filters are rowid sets, so only hits that pass them are ranked
    (bm25 per row) and only those that pass them read their items row, for the other filters.
    """
    rank = "items_fts.rank" if q.sort != "date" else "0"
    sets, params = _set_filters(q, "items_fts.rowid")
    rows, row_params = _row_filters(q)
    source = "items_fts JOIN items ON items.rowid = items_fts.rowid" if rows else "items_fts"
    where = " AND ".join(["items_fts MATCH ?", *sets, *rows])
    hits = f"SELECT items_fts.rowid AS item_rowid, {rank} AS rank FROM {source} WHERE {where}"
    return f"WITH hits AS MATERIALIZED ({hits}) ", [to_fts5(q.text), *params, *row_params]


def _filters(q: Query) -> tuple[str, str, list[str], list]:
    """WITH clause, FROM clause, WHERE conditions and parameters of a query."""
    if q.text:
        with_sql, params = _hits(q)
        return with_sql, "hits JOIN items ON items.rowid = hits.item_rowid", [], params
    where, params = _set_filters(q)
    rows, row_params = _row_filters(q)
    return "", "items", where + rows, params + row_params


def _order(q: Query, rank: str, date: str) -> str:
    if q.sort not in SORTS:
        raise AdvisoryBotError(f"search: unknown sort {q.sort!r} (one of {', '.join(SORTS)})")
    if q.text and q.sort in ("auto", "relevance"):
        return f"{rank}, {date} DESC"
    return f"{date} DESC"


def build_sql(q: Query) -> tuple[str, list]:
    """The SELECT for a query (rows of `items` plus `_date`, `_rank` and, by story, story columns)."""
    order = _order(q, "_rank", "_date")  # checks the sort first
    with_sql, source, where, params = _filters(q)
    rank = "hits.rank" if q.text else "0"
    if not q.by_story and q.limit is not None and order.startswith("_rank"):
        # only hits ranked at or above the limit-th can be in the page: the others never read their date
        where = [*where, "hits.rank <= (SELECT max(rank) FROM (SELECT rank FROM hits ORDER BY rank LIMIT ?))"]
        params.append(q.limit)
    where_sql = (" WHERE " + " AND ".join(where)) if where else ""
    if not q.by_story:
        sql = (
            f"{with_sql}SELECT items.*, stories.title AS story_title, {DATE} AS _date, {rank} AS _rank FROM {source}"
            f" LEFT JOIN stories ON stories.id = items.story_id{where_sql} ORDER BY {order}"
        )
    else:
        sql = (
            f"{with_sql}SELECT m.*, stories.title AS story_title, stories.items_count AS story_items FROM ("
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
