"""Enqueue outbox rows for stored items: alerts, or follow-ups in the thread of an earlier alert.

Rules: a new item whose story (storage.stories) was already alerted in a channel becomes a follow-up in
that alert's thread, not a second alert; an already-alerted item carried by one
more source gets a follow-up naming that source. Targets are duck-typed (notifier, channel, route,
mode, due_at) so storage does not depend on the router.
"""

from __future__ import annotations

import json
from datetime import datetime


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _insert(conn, now: str, **row) -> int:
    row = {"created_at": now, "updated_at": now, **row}
    cols = ", ".join(row)
    cur = conn.execute(
        f"INSERT OR IGNORE INTO outbox ({cols}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return cur.rowcount


def _alerted_in_story(conn, story_id: int | None, notifier: str, channel: str) -> int | None:
    """The alert already queued for this story in this channel, if any."""
    if story_id is None:
        return None
    row = conn.execute(
        "SELECT o.id FROM outbox o JOIN items i ON i.id = o.item_id WHERE i.story_id = ? AND o.kind = 'alert'"
        " AND o.mode = 'immediate' AND o.notifier = ? AND o.channel = ? ORDER BY o.id LIMIT 1",
        (story_id, notifier, channel),
    ).fetchone()
    return row[0] if row else None


def enqueue(conn, item_id: str, targets, now: str, story_id: int | None = None) -> int:
    """Outbox rows for a new item: an alert, or a follow-up when its story was alerted; returns rows created."""
    created = 0
    for target in targets:
        row = {"item_id": item_id, "notifier": target.notifier, "channel": target.channel, "route": target.route}
        parent = _alerted_in_story(conn, story_id, target.notifier, target.channel)
        if parent is not None:
            created += _insert(conn, now, kind="followup", parent_id=parent, **row)
        else:
            created += _insert(conn, now, kind="alert", mode=target.mode, due_at=_iso(target.due_at), **row)
    return created


def enqueue_also_reported(conn, item_id: str, source: str, now: str) -> int:
    """Follow-ups for an item already alerted (immediately) that one more source now carries."""
    created = 0
    alerts = conn.execute(
        "SELECT id, notifier, channel, route FROM outbox WHERE item_id = ? AND kind = 'alert' AND mode = 'immediate'",
        (item_id,),
    ).fetchall()
    for parent, notifier, channel, route in alerts:
        created += _insert(
            conn,
            now,
            kind="followup",
            item_id=item_id,
            notifier=notifier,
            channel=channel,
            subject=source,
            route=route,
            parent_id=parent,
        )
    return created


def enqueue_revision(conn, item_id: str, story_id: int | None, version: int, what: str, now: str) -> int:
    """ "Updated:" replies in the thread of every alert of the item's story; 0 when the story was never alerted."""
    if story_id is None:
        return 0
    alerts = conn.execute(
        "SELECT o.id, o.notifier, o.channel, o.route FROM outbox o JOIN items i ON i.id = o.item_id"
        " WHERE i.story_id = ? AND o.kind = 'alert' AND o.mode = 'immediate' ORDER BY o.id",
        (story_id,),
    ).fetchall()
    created, seen = 0, set()
    for parent, notifier, channel, route in alerts:
        if (notifier, channel) in seen:
            continue
        seen.add((notifier, channel))
        created += _insert(
            conn,
            now,
            kind="followup",
            item_id=item_id,
            notifier=notifier,
            channel=channel,
            subject=f"revision-{version}",
            route=route,
            parent_id=parent,
            payload=json.dumps({"summary": what}, ensure_ascii=False),
        )
    return created


def enqueue_event(conn, notifier: str, channel: str, subject: str, payload: str, now: str) -> int:
    """An ops event (no item): subject is its unique key, payload its JSON."""
    return _insert(
        conn, now, kind="ops", notifier=notifier, channel=channel, subject=subject, route="ops", payload=payload
    )
