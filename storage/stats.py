"""Counts over time for trends: mentions per actor, sector or source per week or month; the week's stories.

Rules: "date" is `published`, else `first_seen` (as in search); weeks start on Monday and are labelled by
that Monday (YYYY-MM-DD), months by YYYY-MM; only DPRK cyber items count unless `dprk_only=False`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from bot.errors import AdvisoryBotError

DATE = "coalesce(i.published, i.first_seen)"
PERIODS = {
    "week": "date(substr({date}, 1, 10), '-6 days', 'weekday 1')",  # the Monday on or before
    "month": "substr({date}, 1, 7)",
}
# (rows, their date, their verdict, the key): item_tags rows carry their item's date and verdict (migration v5),
# so actor and sector counts read one index, not items; count(*) counts items, as (item, key) pairs are unique
BY = {
    "actor": ("item_tags k WHERE k.kind = 'actor'", "k.date", "k.dprk_cyber", "k.value"),
    "sector": ("item_tags k WHERE k.kind = 'sector'", "k.date", "k.dprk_cyber", "k.value"),
    "source": ("items i JOIN item_sources k ON k.item_id = i.id WHERE 1", DATE, "i.dprk_cyber", "k.source"),
}


@dataclass(frozen=True)
class Count:
    period: str
    key: str
    items: int


def counts(
    db: sqlite_utils.Database,
    by: str,
    period: str,
    since: str | None = None,
    until: str | None = None,
    dprk_only: bool = True,
) -> list[Count]:
    """Items per (period, actor|sector|source), oldest period first."""
    if by not in BY or period not in PERIODS:
        raise AdvisoryBotError(f"stats: cannot count by {by!r} per {period!r}")
    rows, date, verdict, key = BY[by]
    where, params = [], []
    if dprk_only:
        where.append(f" AND {verdict} = 1")
    if since:
        where.append(f" AND {date} >= ?")
        params.append(since)
    if until:
        where.append(f" AND {date} < ?")
        params.append(until)
    sql = (
        f"SELECT {PERIODS[period].format(date=date)} AS period, {key} AS key, count(*) AS n FROM {rows}{''.join(where)}"
        " GROUP BY period, key ORDER BY period, n DESC, key"
    )
    return [Count(*row) for row in db.execute(sql, params)]


def pivot(rows: list[Count], top: int = 8) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """(periods, the `top` keys by total, {(period, key): items}) for a table or a chart."""
    totals: dict[str, int] = {}
    cells: dict[tuple[str, str], int] = {}
    for r in rows:
        totals[r.key] = totals.get(r.key, 0) + r.items
        cells[(r.period, r.key)] = r.items
    keys = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    periods = sorted({r.period for r in rows})
    return periods, keys, cells


def week_items(db: sqlite_utils.Database, start: str, end: str) -> list[dict]:
    """The week's news: DPRK cyber items dated (published, else first seen) in [start, end), with their story, the
    date the story began and the number of sources.

    A source's backlog is not news: an item read on the source's first contact counts in the week it was published,
    and one without a publication date does not count at all (its first-seen date is the day the source was added).
    """
    sql = (
        f"SELECT i.id, i.title, i.url, i.source, i.score, i.first_seen, i.published, {DATE} AS date, i.actors,"
        " i.sectors, i.story_id, s.title AS story_title,"
        f" (SELECT min({DATE.replace('i.', 'm.')}) FROM items m WHERE m.story_id = i.story_id) AS story_began,"
        " (SELECT count(*) FROM item_sources x WHERE x.item_id = i.id) AS sources_count"
        " FROM items i LEFT JOIN stories s ON s.id = i.story_id"
        f" WHERE i.dprk_cyber = 1 AND {DATE} >= ? AND {DATE} < ?"
        "  AND NOT (i.published IS NULL AND i.first_seen <= coalesce("
        "   (SELECT c.first_success_at FROM sources c WHERE c.name = i.source), ''))"
        f" ORDER BY {DATE}, i.id"
    )
    cursor = db.execute(sql, (start, end))
    cols = [d[0] for d in cursor.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cursor]
    for row in rows:
        row["actors"], row["sectors"] = json.loads(row["actors"]), json.loads(row["sectors"])
    return rows
