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
    "week": f"date(substr({DATE}, 1, 10), '-6 days', 'weekday 1')",  # the Monday on or before
    "month": f"substr({DATE}, 1, 7)",
}
BY = {
    "actor": "JOIN item_tags k ON k.item_id = i.id AND k.kind = 'actor'",
    "sector": "JOIN item_tags k ON k.item_id = i.id AND k.kind = 'sector'",
    "source": "JOIN item_sources k ON k.item_id = i.id",
}
KEY = {"actor": "k.value", "sector": "k.value", "source": "k.source"}


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
    where, params = ["1"], []
    if dprk_only:
        where.append("i.dprk_cyber = 1")
    if since:
        where.append(f"{DATE} >= ?")
        params.append(since)
    if until:
        where.append(f"{DATE} < ?")
        params.append(until)
    sql = (
        f"SELECT {PERIODS[period]} AS period, {KEY[by]} AS key, count(DISTINCT i.id) AS n FROM items i {BY[by]}"
        f" WHERE {' AND '.join(where)} GROUP BY period, key ORDER BY period, n DESC, key"
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
    """DPRK cyber items first seen in [start, end), with their story and the number of sources."""
    sql = (
        "SELECT i.id, i.title, i.url, i.source, i.score, i.first_seen, i.published, i.actors, i.sectors,"
        " i.story_id, s.title AS story_title, s.first_seen AS story_first_seen,"
        " (SELECT count(*) FROM item_sources x WHERE x.item_id = i.id) AS sources_count"
        " FROM items i LEFT JOIN stories s ON s.id = i.story_id"
        " WHERE i.dprk_cyber = 1 AND i.first_seen >= ? AND i.first_seen < ? ORDER BY i.first_seen"
    )
    cursor = db.execute(sql, (start, end))
    cols = [d[0] for d in cursor.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cursor]
    for row in rows:
        row["actors"], row["sectors"] = json.loads(row["actors"]), json.loads(row["sectors"])
    return rows
