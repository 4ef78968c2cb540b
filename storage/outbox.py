"""The alert outbox: pending -> sending -> sent. A row is marked sent only after the chat service said ok.

A row left in 'sending' means the process died between asking the chat service and hearing back;
delivery then checks the channel's history before sending again (bot.deliver).
"""

from __future__ import annotations

import sqlite_utils

from storage.archive import transaction


def due(db: sqlite_utils.Database, now: str, limit: int = 500) -> list[dict]:
    """Rows to deliver now, oldest first."""
    return list(
        db.query(
            "SELECT * FROM outbox WHERE status IN ('pending', 'sending')"
            " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?",
            (now, limit),
        )
    )


def mark_sending(db: sqlite_utils.Database, row_id: int, now: str) -> None:
    with transaction(db) as conn:
        conn.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?",
            (now, row_id),
        )


def mark_sent(db: sqlite_utils.Database, row_id: int, message_id: str, now: str) -> None:
    with transaction(db) as conn:
        conn.execute(
            "UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, updated_at = ?, last_error = NULL"
            " WHERE id = ?",
            (message_id, now, now, row_id),
        )


def mark_retry(db: sqlite_utils.Database, row_id: int, error: str, now: str, next_attempt_at: str) -> None:
    """The post failed: keep the row pending and try again at `next_attempt_at`."""
    with transaction(db) as conn:
        conn.execute(
            "UPDATE outbox SET status = 'pending', last_error = ?, updated_at = ?, next_attempt_at = ? WHERE id = ?",
            (error, now, next_attempt_at, row_id),
        )


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    return dict(db.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())
