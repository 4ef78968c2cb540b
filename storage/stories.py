"""Stories in the archive: the named queries the story rules (bot.stories.assign) look candidates up with, and the
writes that put an item into a story, keep its counts and name its lead.

Everything runs on the caller's connection, inside the store transaction, so an item, its story membership and
its alert are written together. The near-duplicate index is in SQLite (MinHash signatures and LSH band hashes,
storage.signatures), so memory stays flat however large the archive grows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence


def _marks(values: Sequence) -> str:
    return ", ".join("?" * len(values))


def advisory_candidates(conn, wanted: Sequence[str], exclude: str, since: str, until: str) -> list[tuple]:
    """(item id, advisory id, title, url, advisory ids as JSON) of items in a story tagged with any `wanted`
    advisory id and dated within [since, until], first seen first (at most 50)."""
    return conn.execute(
        f"SELECT t.item_id, t.value, i.title, i.url, i.advisories FROM item_tags t JOIN items i ON i.id = t.item_id"
        f" WHERE t.kind = 'advisory' AND t.value IN ({_marks(wanted)}) AND t.item_id != ? AND i.story_id IS NOT NULL"
        f" AND coalesce(i.published, i.first_seen) BETWEEN ? AND ? ORDER BY i.first_seen LIMIT 50",
        [*wanted, exclude, since, until],
    ).fetchall()


def linked_item(conn, urls: Sequence[str], exclude: str, dprk_cyber: bool, since: str) -> tuple[str, str] | None:
    """(id, url) of the first-seen item in a story at one of `urls` whose DPRK cyber verdict is `dprk_cyber` or
    that is dated on or after `since`, or None."""
    return conn.execute(
        f"SELECT id, url FROM items WHERE url IN ({_marks(urls)}) AND url != '' AND id != ? AND story_id IS NOT NULL"
        f" AND (dprk_cyber = ? OR coalesce(published, first_seen) >= ?) ORDER BY first_seen LIMIT 1",
        [*urls, exclude, int(dprk_cyber), since],
    ).fetchone()


def bucket(conn, band: int, value: int, limit: int) -> list[str]:
    """Ids of (at most `limit`) items whose signature has this hash in this LSH band."""
    rows = conn.execute("SELECT item_id FROM item_bands WHERE band = ? AND hash = ? LIMIT ?", (band, value, limit))
    return [r[0] for r in rows.fetchall()]


def signature_of(conn, item_id: str) -> bytes | None:
    """An item's stored MinHash signature, or None."""
    row = conn.execute("SELECT minhash FROM item_signatures WHERE item_id = ?", (item_id,)).fetchone()
    return row[0] if row else None


def add_signature(conn, item_id: str, sig: bytes, bands: Sequence[tuple[int, int]]) -> None:
    """Store an item's signature and its (band, hash) pairs in the near-duplicate index."""
    conn.execute("INSERT OR REPLACE INTO item_signatures (item_id, minhash) VALUES (?, ?)", (item_id, sig))
    conn.executemany(
        "INSERT INTO item_bands (band, hash, item_id) VALUES (?, ?, ?)",
        [(band, value, item_id) for band, value in bands],
    )


def event_candidates(conn, exclude: str, since: str, actors: Sequence[str], limit: int) -> list[tuple]:
    """(id, title, actors, cves, wallets, malware as JSON, published, first_seen) of the DPRK cyber items in a
    story first seen on or after `since`, newest first (at most `limit`): those tagged with one of `actors` or with
    no actor, or every one when `actors` is empty."""
    if actors:
        # EXISTS per row of the time window (index on first_seen), not IN over every item of the actor;
        # an archived report that names no group may be about this event too
        where = (
            f"(i.actors = '[]' OR EXISTS (SELECT 1 FROM item_tags t WHERE t.item_id = i.id AND t.kind = 'actor'"
            f" AND t.value IN ({_marks(actors)})))"
        )
    else:
        where = "1"  # a report that names no group may be about any group's event
    return conn.execute(
        f"SELECT i.id, i.title, i.actors, i.cves, i.wallets, i.malware, i.published, i.first_seen FROM items i"
        f" WHERE i.dprk_cyber = 1 AND i.id != ? AND i.first_seen >= ? AND i.story_id IS NOT NULL AND {where}"
        f" ORDER BY i.first_seen DESC LIMIT {int(limit)}",
        [exclude, since, *actors],
    ).fetchall()


def item_text(conn, item_id: str) -> str:
    """An archived item's text."""
    return conn.execute("SELECT text FROM items WHERE id = ?", (item_id,)).fetchone()[0]


def story_id_of(conn, item_id: str) -> int | None:
    """The story an archived item is in (None for an item archived before stories existed)."""
    return conn.execute("SELECT story_id FROM items WHERE id = ?", (item_id,)).fetchone()[0]


def story_of(conn, item_id: str, now: str) -> int:
    """The story of an archived item (made on the spot for items archived before stories existed)."""
    row = conn.execute("SELECT story_id, title, first_seen FROM items WHERE id = ?", (item_id,)).fetchone()
    if row[0] is not None:
        return row[0]
    return new_story(conn, item_id, row[1], row[2] or now, now)


def new_story(conn, item_id: str, title: str, first_seen: str, now: str) -> int:
    """A story of one item, led by it; its id."""
    story_id = conn.execute(
        "INSERT INTO stories (title, first_item_id, lead_item_id, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
        (title, item_id, item_id, first_seen, first_seen),
    ).lastrowid
    join(conn, story_id, item_id, "first", 1.0, "first item of the story", now)
    return story_id


def join(conn, story_id: int, item_id: str, rule: str, score: float, reason: str, now: str) -> None:
    """Make an item a member of a story, with the rule that decided it and why; recount the story."""
    conn.execute("UPDATE items SET story_id = ? WHERE id = ?", (story_id, item_id))
    conn.execute(
        "INSERT OR REPLACE INTO story_members (item_id, story_id, rule, score, reason, joined_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (item_id, story_id, rule, score, reason, now),
    )
    refresh(conn, story_id, now)


def refresh(conn, story_id: int, now: str) -> None:
    """Recount a story's items, sources and actors."""
    conn.execute(
        "UPDATE stories SET last_seen = :now,"
        " items_count = (SELECT count(*) FROM story_members WHERE story_id = :id),"
        " sources_count = (SELECT count(DISTINCT source) FROM item_sources WHERE item_id IN"
        "   (SELECT item_id FROM story_members WHERE story_id = :id)),"
        " actors = (SELECT coalesce(json_group_array(value), '[]') FROM (SELECT DISTINCT value FROM item_tags"
        # +kind: look the tags up by item (primary key), not by scanning every actor tag of the archive
        "   WHERE +kind = 'actor' AND item_id IN (SELECT item_id FROM story_members WHERE story_id = :id)"
        "   ORDER BY value)) WHERE id = :id",
        {"now": now, "id": story_id},
    )


def lead_item_id(conn, story_id: int) -> str | None:
    """The id of the item that leads a story, or None."""
    row = conn.execute("SELECT coalesce(lead_item_id, first_item_id) FROM stories WHERE id = ?", (story_id,)).fetchone()
    return row[0] if row else None


def earlier(conn, story_id: int, other: int) -> bool:
    """Whether a story began before another: first seen, then its first report's date, then that report's id (so
    two stories begun in one cycle compare the same whichever source was stored first)."""
    query = (
        "SELECT s.first_seen, coalesce(i.published, ''), s.first_item_id FROM stories s"
        " JOIN items i ON i.id = s.first_item_id WHERE s.id = ?"
    )
    return tuple(conn.execute(query, (story_id,)).fetchone()) < tuple(conn.execute(query, (other,)).fetchone())


def absorb(conn, into: int, gone: int, now: str, *, gone_first: bool) -> None:
    """Move every item of story `gone` into story `into` and delete `gone`; when `gone` began first its first
    report becomes the story's first (its title names the story). The lead of `into` stays its lead."""
    conn.execute("UPDATE items SET story_id = ? WHERE story_id = ?", (into, gone))
    conn.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (into, gone))
    if gone_first:
        conn.execute(
            "UPDATE stories SET (title, first_item_id, first_seen) = (SELECT g.title, g.first_item_id, g.first_seen"
            " FROM stories g WHERE g.id = :gone) WHERE id = :into",
            {"into": into, "gone": gone},
        )
    conn.execute("DELETE FROM stories WHERE id = ?", (gone,))
    refresh(conn, into, now)


def lead_item(conn, story_id: int) -> tuple[str, str, list[str]] | None:
    """(title, url, advisory ids) of the item that leads a story, or None."""
    row = conn.execute(
        "SELECT i.title, i.url, i.advisories FROM stories s JOIN items i ON i.id = coalesce(s.lead_item_id,"
        " s.first_item_id) WHERE s.id = ?",
        (story_id,),
    ).fetchone()
    return (row[0], row[1], json.loads(row[2] or "[]")) if row else None


def set_lead(conn, story_id: int, item_id: str) -> None:
    """Make an item the one that leads its story (its alert shows it)."""
    conn.execute("UPDATE stories SET lead_item_id = ? WHERE id = ?", (item_id, story_id))


def lead_of(conn, item_id: str) -> str:
    """The item that leads the story of `item_id` (its alert shows it): an agency advisory, else the first report."""
    row = conn.execute(
        "SELECT coalesce(s.lead_item_id, s.first_item_id) FROM items i JOIN stories s ON s.id = i.story_id"
        " WHERE i.id = ?",
        (item_id,),
    ).fetchone()
    return row[0] if row and row[0] else item_id
