"""Encoder vectors of archived items and their clues (bot.stories.meaning), looked up by time.

Only items that could alert or join an alerted story are encoded, so the table stays small; lookups read the
rows of a time window through the `at` index and compare them in numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Stored:
    item_id: str
    at: str
    vector: np.ndarray
    clues: str  # JSON of bot.stories.meaning.Clues


def add(conn, item_id: str, model: str, at: str, vector: bytes, clues: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO item_vectors (item_id, model, at, vector, clues) VALUES (?, ?, ?, ?, ?)",
        (item_id, model, at, vector, clues),
    )


def window(conn, model: str, since: str, until: str, exclude: str = "") -> list[Stored]:
    """Vectors of one model for items dated within [since, until] that belong to a story."""
    rows = conn.execute(
        "SELECT v.item_id, v.at, v.vector, v.clues FROM item_vectors v JOIN items i ON i.id = v.item_id"
        " WHERE v.at BETWEEN ? AND ? AND v.model = ? AND v.item_id != ? AND i.story_id IS NOT NULL",
        (since, until, model, exclude),
    ).fetchall()
    return [Stored(r[0], r[1], np.frombuffer(r[2], dtype="<f4"), r[3]) for r in rows]


def recent_clues(conn, since: str, until: str) -> list[str]:
    """Clues of the items of a time window about the DPRK (which other reports may join by evidence)."""
    rows = conn.execute("SELECT clues FROM item_vectors WHERE at BETWEEN ? AND ?", (since, until)).fetchall()
    return [r[0] for r in rows]
