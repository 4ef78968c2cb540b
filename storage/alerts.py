"""Queue outbox rows (the named writes) and find the alerts a reply goes under (the named lookups).

Which rows to queue (an alert, or a follow-up in the thread of its story's alert) is bot.stories.alerting's
decision; these run on the caller's connection, inside its transaction. A row is unique per (kind, item,
notifier, channel, subject): queuing it again creates nothing.
"""

from __future__ import annotations


def _insert(conn, now: str, **row) -> int:
    row = {"created_at": now, "updated_at": now, **row}
    cols = ", ".join(row)
    cur = conn.execute(
        f"INSERT OR IGNORE INTO outbox ({cols}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return cur.rowcount


def add_alert(
    conn, item_id: str, notifier: str, channel: str, route: str, mode: str, due_at: str | None, now: str
) -> int:
    """An alert row for an item (immediate, or a digest's line due at `due_at`); the rows created (0 or 1)."""
    row = {"item_id": item_id, "notifier": notifier, "channel": channel, "route": route}
    return _insert(conn, now, kind="alert", mode=mode, due_at=due_at, **row)


def add_followup(
    conn,
    item_id: str,
    notifier: str,
    channel: str,
    route: str,
    parent_id: int,
    now: str,
    subject: str | None = None,
    payload: str | None = None,
) -> int:
    """A reply in the thread of the alert row `parent_id`: `subject` is the new source or `revision-N` (none for a
    related report), `payload` a revision's JSON; the rows created (0 or 1)."""
    row = {"item_id": item_id, "notifier": notifier, "channel": channel}
    if subject is not None:
        row["subject"] = subject
    row.update(route=route, parent_id=parent_id)
    if payload is not None:
        row["payload"] = payload
    return _insert(conn, now, kind="followup", **row)


def story_alert(conn, story_id: int, notifier: str, channel: str) -> int | None:
    """The first immediate alert row queued for any item of a story in this channel, if any."""
    row = conn.execute(
        "SELECT o.id FROM outbox o JOIN items i ON i.id = o.item_id WHERE i.story_id = ? AND o.kind = 'alert'"
        " AND o.mode = 'immediate' AND o.notifier = ? AND o.channel = ? ORDER BY o.id LIMIT 1",
        (story_id, notifier, channel),
    ).fetchone()
    return row[0] if row else None


def item_alerts(conn, item_id: str) -> list[tuple[int, str, str, str]]:
    """(id, notifier, channel, route) of the immediate alert rows of an item."""
    return conn.execute(
        "SELECT id, notifier, channel, route FROM outbox WHERE item_id = ? AND kind = 'alert' AND mode = 'immediate'",
        (item_id,),
    ).fetchall()


def story_queued(conn, story_id: int) -> bool:
    """Whether any outbox row (an alert, a follow-up, a digest line) was ever queued for an item of a story."""
    row = conn.execute(
        "SELECT 1 FROM outbox o JOIN items i ON i.id = o.item_id WHERE i.story_id = ? LIMIT 1", (story_id,)
    ).fetchone()
    return row is not None


def story_claimed(conn, story_id: int) -> bool:
    """Whether delivery has taken up any outbox row of a story: sent, being sent, or tried (an attempt or a post's
    key). A story whose rows are all still waiting can yet be folded into another (bot.stories.alerting.fold)."""
    row = conn.execute(
        "SELECT 1 FROM outbox o JOIN items i ON i.id = o.item_id WHERE i.story_id = ?"
        " AND (o.status != 'pending' OR o.attempts > 0 OR o.batch_key IS NOT NULL) LIMIT 1",
        (story_id,),
    ).fetchone()
    return row is not None


def make_reply(conn, row_id: int, parent_id: int, now: str) -> None:
    """A waiting alert row becomes a reply in the thread of the alert row `parent_id`, and the replies queued under
    it move there too; when that reply is queued already, the alert row is dropped (it was never taken up)."""
    changed = conn.execute(
        "UPDATE OR IGNORE outbox SET kind = 'followup', parent_id = ?, updated_at = ?"
        " WHERE id = ? AND kind = 'alert' AND status = 'pending' AND attempts = 0 AND batch_key IS NULL",
        (parent_id, now, row_id),
    ).rowcount
    if not changed:
        conn.execute(
            "DELETE FROM outbox WHERE id = ? AND kind = 'alert' AND status = 'pending' AND attempts = 0"
            " AND batch_key IS NULL",
            (row_id,),
        )
    conn.execute(
        "UPDATE outbox SET parent_id = ?, updated_at = ? WHERE parent_id = ? AND status = 'pending'",
        (parent_id, now, row_id),
    )


def story_alerts(conn, story_id: int) -> list[tuple[int, str, str, str]]:
    """(id, notifier, channel, route) of the immediate alert rows of every item of a story, oldest first."""
    return conn.execute(
        "SELECT o.id, o.notifier, o.channel, o.route FROM outbox o JOIN items i ON i.id = o.item_id"
        " WHERE i.story_id = ? AND o.kind = 'alert' AND o.mode = 'immediate' ORDER BY o.id",
        (story_id,),
    ).fetchall()


def enqueue_event(conn, notifier: str, channel: str, subject: str, payload: str, now: str) -> int:
    """An ops event (no item): subject is its unique key, payload its JSON."""
    return _insert(
        conn, now, kind="ops", notifier=notifier, channel=channel, subject=subject, route="ops", payload=payload
    )
