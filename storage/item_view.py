"""One archived item with everything known about it: tags, evidence, sources, story, alert history.

Rules: the item is found by its id, a unique id prefix (at least 6 characters) or its normalised URL; a
shorter or ambiguous prefix raises PrefixError naming the items it matches; read-only.
"""

from __future__ import annotations

import json

import sqlite_utils

from bot.errors import AdvisoryBotError
from storage.items import load_json_lists

MIN_PREFIX = 6
SHOWN_MATCHES = 5


class PrefixError(AdvisoryBotError):
    """An id prefix too short or matching several items; `matches` holds (id, title) of some of them."""

    def __init__(self, message: str, matches: list[tuple[str, str]]):
        super().__init__(message)
        self.matches = matches


def _dicts(cursor) -> list[dict]:
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row, strict=True)) for row in cursor]


def find_id(db: sqlite_utils.Database, key: str) -> str | None:
    """The id of the item `key` names (id, unique id prefix, or URL); None when there is none."""
    row = db.execute("SELECT id FROM items WHERE id = ? OR (url = ? AND url != '')", (key, key)).fetchone()
    if row:
        return row[0]
    if not key:
        return None
    rows = db.execute(
        "SELECT id, title FROM items WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
        (key, key + "\uffff", SHOWN_MATCHES + 1),
    ).fetchall()
    if not rows:
        return None
    matches = [(r[0], r[1]) for r in rows]
    if len(key) < MIN_PREFIX:
        raise PrefixError(f"show: id prefix {key!r} is too short: give at least {MIN_PREFIX} characters", matches)
    if len(rows) > 1:
        raise PrefixError(f"show: id prefix {key!r} matches several items; give more characters", matches)
    return rows[0][0]


def item_detail(db: sqlite_utils.Database, key: str) -> dict | None:
    """The item as a dict: its columns, `sources`, `tags`, `story` (or None) and `alerts`."""
    item_id = find_id(db, key)
    if item_id is None:
        return None
    item = load_json_lists(_dicts(db.execute("SELECT * FROM items WHERE id = ?", (item_id,)))[0])
    item["sources"] = _dicts(
        db.execute(
            "SELECT source, seen_at, url, guid FROM item_sources WHERE item_id = ? ORDER BY seen_at, rowid", (item_id,)
        )
    )
    item["story"] = story_of(db, item_id, item.get("story_id"))
    item["alerts"] = _dicts(
        db.execute(
            "SELECT id, kind, notifier, channel, route, mode, status, attempts, last_error, message_id,"
            " created_at, sent_at FROM outbox WHERE item_id = ? ORDER BY id",
            (item_id,),
        )
    )
    return item


def story_of(db: sqlite_utils.Database, item_id: str, story_id: int | None) -> dict | None:
    """The item's story with its members (the membership row of this item as `membership`)."""
    if story_id is None:
        found = db.execute("SELECT story_id FROM story_members WHERE item_id = ?", (item_id,)).fetchone()
        story_id = found[0] if found else None
    if story_id is None:
        return None
    rows = _dicts(db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)))
    if not rows:
        return None
    story = rows[0]
    story["actors"] = json.loads(story["actors"] or "[]")
    story["members"] = _dicts(
        db.execute(
            "SELECT m.item_id, m.rule, m.score, m.reason, m.joined_at, i.title, i.source FROM story_members m"
            " JOIN items i ON i.id = m.item_id WHERE m.story_id = ? ORDER BY m.joined_at, m.item_id",
            (story_id,),
        )
    )
    story["membership"] = next((m for m in story["members"] if m["item_id"] == item_id), None)
    return story
