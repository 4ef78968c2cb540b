"""Encoder vectors of archived items and their clues (bot.stories.meaning), looked up by time.

Only items that could alert or join an alerted story are encoded, so the table stays small; lookups read the
rows of a time window through the `at` index and compare them in numpy. Vectors are stored as float16.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Window:
    """The vectors of one model dated within a window: ids, dates and one matrix (a row per item)."""

    item_ids: list[str]
    at: list[str]
    matrix: np.ndarray

    def __add__(self, other: Window) -> Window:
        if not other.item_ids:
            return self
        if not self.item_ids:
            return other
        return Window(self.item_ids + other.item_ids, self.at + other.at, np.vstack([self.matrix, other.matrix]))


def add(conn, item_id: str, model: str, at: str, vector: bytes, clues: str, language: str = "") -> None:
    """Store a float32 vector as float16: half the bytes to read per lookup; cosines move by about 1e-3."""
    half = np.frombuffer(vector, dtype="<f4").astype("<f2").tobytes()
    conn.execute(
        "INSERT OR REPLACE INTO item_vectors (item_id, model, at, language, vector, clues) VALUES (?, ?, ?, ?, ?, ?)",
        (item_id, model, at, language, half, clues),
    )


def window(
    conn, model: str, since: str, until: str, exclude: str = "", outside: tuple[str, str] | None = None, languages=None
) -> Window:
    """Vectors of one model for items dated within [since, until], less those within `outside` (a window read
    already), only of `languages` when given; their clues are read apart, when needed."""
    where, params = ["at BETWEEN ? AND ?", "model = ?", "item_id != ?"], [since, until, model, exclude]
    if outside:
        where.append("at NOT BETWEEN ? AND ?")
        params += list(outside)
    if languages is not None:
        where.append(f"language IN ({', '.join('?' * len(languages))})")
        params += list(languages)
    rows = conn.execute(f"SELECT item_id, at, vector FROM item_vectors WHERE {' AND '.join(where)}", params).fetchall()
    if not rows:
        return Window([], [], np.zeros((0, 0), dtype="<f4"))
    matrix = np.frombuffer(b"".join(r[2] for r in rows), dtype="<f2").reshape(len(rows), -1).astype(np.float32)
    return Window([r[0] for r in rows], [r[1] for r in rows], matrix)


def clues_of(conn, item_id: str) -> str:
    return conn.execute("SELECT clues FROM item_vectors WHERE item_id = ?", (item_id,)).fetchone()[0]


def recent_clues(conn, since: str, until: str) -> list[str]:
    """Clues of the items of a time window about the DPRK (which other reports may join by evidence)."""
    rows = conn.execute("SELECT clues FROM item_vectors WHERE at BETWEEN ? AND ?", (since, until)).fetchall()
    return [r[0] for r in rows]
