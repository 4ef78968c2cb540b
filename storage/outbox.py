"""The outbox: pending -> sending -> sent, one row per (kind, item, notifier, channel, subject).

A row is marked sent only after the chat service said ok. Before a post, its rows get the post's
`batch_key` and `batch_kind` (in the same statement that counts the attempt), so after a crash the same rows
form the same post again, of the same kind (a burst stays a burst), and the chat service's history can be
searched for that key (bot.delivery.deliver).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlite_utils

from storage.archive import transaction


def due(db: sqlite_utils.Database, now: str, limit: int = 2000) -> list[dict]:
    """Rows to deliver now, oldest first: digests once their window ended, follow-ups once their parent is out."""
    return list(
        db.query(
            "SELECT o.*, p.message_id AS parent_ts, p.thread_ts AS parent_thread_ts FROM outbox o"
            " LEFT JOIN outbox p ON p.id = o.parent_id"
            " WHERE o.status IN ('pending', 'sending')"
            " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= :now)"
            " AND (o.mode != 'digest' OR o.due_at <= :now)"
            " AND (o.kind != 'followup' OR p.status = 'sent')"
            " ORDER BY o.id LIMIT :limit",
            {"now": now, "limit": limit},
        )
    )


def row(db: sqlite_utils.Database, row_id: int | None) -> dict | None:
    """One outbox row by id (a follow-up's parent alert), or None."""
    if row_id is None:
        return None
    cursor = db.execute("SELECT * FROM outbox WHERE id = ?", (row_id,))
    found = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], found, strict=True)) if found else None


def _ids(ids: Sequence[int]) -> tuple[str, list[int]]:
    return ", ".join("?" * len(ids)), list(ids)


def mark_sending(db: sqlite_utils.Database, ids: Sequence[int], batch_key: str, now: str, *, kind: str) -> bool:
    """A post of `kind` (alert, burst, digest, followup, ops) is about to go out with these rows: count the attempt
    and give them its key and kind, so after a crash they form the same post again. False, and nothing written,
    when a row is no longer of that kind: a waiting alert that became a reply after the rows were read (its story
    merged into another, bot.stories.alerting.fold) must not go out as an alert."""
    marks, params = _ids(ids)
    row_kind = kind if kind in ("followup", "ops") else "alert"
    with transaction(db) as conn:
        (same,) = conn.execute(
            f"SELECT count(*) FROM outbox WHERE id IN ({marks}) AND kind = ?", [*params, row_kind]
        ).fetchone()
        if same != len(set(ids)):
            return False
        conn.execute(
            f"UPDATE outbox SET status = 'sending', attempts = attempts + 1, batch_key = ?, batch_kind = ?,"
            f" updated_at = ? WHERE id IN ({marks})",
            [batch_key, kind, now, *params],
        )
    return True


def mark_sent(db: sqlite_utils.Database, ids: Sequence[int], message_id: str, now: str) -> None:
    marks, params = _ids(ids)
    with transaction(db) as conn:
        conn.execute(
            "UPDATE outbox SET status = 'sent', message_id = ?, sent_at = ?, updated_at = ?, last_error = NULL"
            f" WHERE id IN ({marks})",
            [message_id, now, now, *params],
        )


def mark_retry(db: sqlite_utils.Database, ids: Sequence[int], error: str, now: str, next_attempt_at: str) -> None:
    """The post failed: keep the rows pending and try again at `next_attempt_at`."""
    marks, params = _ids(ids)
    with transaction(db) as conn:
        conn.execute(
            f"UPDATE outbox SET status = 'pending', last_error = ?, updated_at = ?, next_attempt_at = ?"
            f" WHERE id IN ({marks})",
            [error, now, next_attempt_at, *params],
        )


def defer_channel(db: sqlite_utils.Database, notifier: str, channel: str, until: str) -> int:
    """Hold every pending row of a channel until `until` (after a failure): later alerts never overtake earlier."""
    with transaction(db) as conn:
        return conn.execute(
            "UPDATE outbox SET next_attempt_at = ? WHERE notifier = ? AND channel = ? AND status IN"
            " ('pending', 'sending') AND (next_attempt_at IS NULL OR next_attempt_at < ?)",
            (until, notifier, channel, until),
        ).rowcount


def set_thread(db: sqlite_utils.Database, ids: Sequence[int], thread_ts: str) -> None:
    """Remember the thread a group of rows is posted under (a burst's summary message)."""
    marks, params = _ids(ids)
    with transaction(db) as conn:
        conn.execute(f"UPDATE outbox SET thread_ts = ? WHERE id IN ({marks})", [thread_ts, *params])


def note_shown(db: sqlite_utils.Database, ids: Sequence[int], sources: Sequence[str]) -> None:
    """Remember the sources an alert names (its payload), so that its thread replies never repeat them."""
    marks, params = _ids(ids)
    with transaction(db) as conn:
        conn.execute(
            f"UPDATE outbox SET payload = ? WHERE id IN ({marks}) AND kind = 'alert'",
            [json.dumps({"shown_sources": list(sources)}), *params],
        )


def shown(db: sqlite_utils.Database, alert_id: int | None) -> set[str]:
    """The sources an alert named when it was posted."""
    row = db.execute("SELECT payload FROM outbox WHERE id = ?", (alert_id,)).fetchone() if alert_id else None
    try:
        return set(json.loads(row[0]).get("shown_sources", [])) if row and row[0] else set()
    except (ValueError, AttributeError):
        return set()


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    return dict(db.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())


def unsent(db: sqlite_utils.Database, now: str) -> tuple[int, int]:
    """(rows not sent yet, those of them waiting: for their retry time, a digest's window or a parent post)."""
    total = db.execute("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')").fetchone()[0]
    return total, total - len(due(db, now, limit=-1))
