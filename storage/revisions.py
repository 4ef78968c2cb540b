"""Revisions: an item its own source republishes with changed content is a new version, not a new item.

Only the source that first published an item can revise it (other sources' summaries of the same URL
differ by nature). Whitespace-only changes are not revisions. Versions keep the old and new text; the
summary says what changed, for the "updated:" reply in the story's thread.
"""

from __future__ import annotations

import hashlib
import re

from bot.records import TaggedItem

_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+")
QUOTE_MAX = 200


def _norm(text: str) -> str:
    return " ".join(text.split())


def _sentences(text: str) -> list[str]:
    return [s for s in (_norm(p) for p in _SENTENCE.split(text)) if s]


def summary(old_title: str, old_text: str, new_title: str, new_text: str) -> str | None:
    """What changed, in one line; None when nothing but whitespace did."""
    parts = []
    if _norm(old_title) != _norm(new_title):
        parts.append(f"title now “{_norm(new_title)[:QUOTE_MAX]}”")
    old, new = _sentences(old_text), _sentences(new_text)
    old_set, new_set = set(old), set(new)
    added = [s for s in new if s not in old_set]
    removed = [s for s in old if s not in new_set]
    if added or removed:
        counts = ", ".join(
            p
            for p in (f"{len(added)} sentence(s) added" if added else "", f"{len(removed)} removed" if removed else "")
            if p
        )
        parts.append(counts + (f": “{added[0][:QUOTE_MAX]}”" if added else ""))
    return "; ".join(parts) or None


def content_hash(title: str, text: str) -> str:
    return hashlib.sha256(f"{_norm(title)}\n{_norm(text)}".encode()).hexdigest()


def revise(conn, item_id: str, tagged: TaggedItem, source: str, now: str) -> tuple[int, str] | None:
    """Record a new version when `source` (the item's own) republished it changed: (version, summary)."""
    row = conn.execute("SELECT title, text, published, source FROM items WHERE id = ?", (item_id,)).fetchone()
    if row is None or row[3] != source:
        return None
    old_title, old_text, old_published, _ = row
    new = tagged.item
    what = summary(old_title, old_text, new.title, new.text)
    if what is None:
        return None
    last = conn.execute("SELECT max(version) FROM item_versions WHERE item_id = ?", (item_id,)).fetchone()[0]
    if last is None:
        conn.execute(
            "INSERT INTO item_versions (item_id, version, title, text, published, content_hash, seen_at, source)"
            " SELECT id, 1, title, text, published, ?, first_seen, source FROM items WHERE id = ?",
            (content_hash(old_title, old_text), item_id),
        )
        last = 1
    version = last + 1
    published = new.published.isoformat() if new.published else old_published
    conn.execute(
        "INSERT INTO item_versions (item_id, version, title, text, published, content_hash, seen_at, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (item_id, version, new.title, new.text, published, content_hash(new.title, new.text), now, source),
    )
    return version, what
