"""Read stories back: the list for `advisory-bot stories`, and each story's members with why they joined."""

from __future__ import annotations

import json

import sqlite_utils


def list_stories(
    db: sqlite_utils.Database, since: str | None = None, actor: str | None = None, min_items: int = 1, limit: int = 50
) -> list[dict]:
    where, params = ["s.items_count >= ?"], [min_items]
    if since:
        where.append("s.last_seen >= ?")
        params.append(since)
    if actor:
        where.append("EXISTS (SELECT 1 FROM json_each(s.actors) WHERE json_each.value = ?)")
        params.append(actor)
    rows = db.query(
        f"SELECT s.*, i.url AS first_url FROM stories s JOIN items i ON i.id = s.first_item_id"
        f" WHERE {' AND '.join(where)} ORDER BY s.last_seen DESC, s.id DESC LIMIT ?",
        [*params, limit],
    )
    return [{**row, "actors": json.loads(row["actors"])} for row in rows]


def members(db: sqlite_utils.Database, story_id: int) -> list[dict]:
    return list(
        db.query(
            "SELECT m.item_id, m.rule, m.score, m.reason, m.joined_at, i.title, i.url, i.source"
            " FROM story_members m JOIN items i ON i.id = m.item_id WHERE m.story_id = ? ORDER BY m.joined_at, i.rowid",
            (story_id,),
        )
    )
