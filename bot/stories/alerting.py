"""Alert or reply: a story is alerted once per channel; what comes later about it goes in that alert's thread.

Rules: a new item whose story was already alerted (immediately) in a channel becomes a follow-up in that
alert's thread, not a second alert; an already-alerted item carried by one more source gets a follow-up naming
that source; a revised item gets one "Updated:" reply per channel its story was alerted in; a story merged into
another before delivery took up its alert (`fold`) replies in the other's thread instead. Targets are
duck-typed (notifier, channel, route, mode, due_at) so this does not depend on the router. The rows are
written with storage.alerts' named queries, in the caller's transaction.
"""

from __future__ import annotations

import json
from datetime import datetime

from storage import alerts


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def enqueue(conn, item_id: str, targets, now: str, story_id: int | None = None) -> int:
    """Outbox rows for a new item: an alert, or a follow-up when its story was alerted; returns rows created."""
    created = 0
    for target in targets:
        where = (target.notifier, target.channel)
        parent = alerts.story_alert(conn, story_id, *where) if story_id is not None else None
        if parent is not None:
            created += alerts.add_followup(conn, item_id, *where, target.route, parent, now)
        else:
            created += alerts.add_alert(conn, item_id, *where, target.route, target.mode, _iso(target.due_at), now)
    return created


def enqueue_also_reported(conn, item_id: str, source: str, now: str) -> int:
    """Follow-ups for an item already alerted (immediately) that one more source now carries."""
    created = 0
    for parent, notifier, channel, route in alerts.item_alerts(conn, item_id):
        created += alerts.add_followup(conn, item_id, notifier, channel, route, parent, now, subject=source)
    return created


def enqueue_revision(conn, item_id: str, story_id: int | None, version: int, what: str, now: str) -> int:
    """ "Updated:" replies in the thread of every alert of the item's story; 0 when the story was never alerted."""
    if story_id is None:
        return 0
    payload = json.dumps({"summary": what}, ensure_ascii=False)
    created, seen = 0, set()
    for parent, notifier, channel, route in alerts.story_alerts(conn, story_id):
        if (notifier, channel) in seen:
            continue
        seen.add((notifier, channel))
        created += alerts.add_followup(
            conn, item_id, notifier, channel, route, parent, now, subject=f"revision-{version}", payload=payload
        )
    return created


def fold(conn, gone: int, into: int, now: str) -> None:
    """Story `gone` is merging into story `into` while its alerts still wait (storage.alerts.story_claimed is
    false): in each channel where `into` has an alert, `gone`'s alert becomes a reply in that thread (with the
    replies queued under it); in a channel `into` never alerted, `gone`'s alert stays and is the story's there."""
    parents: dict[tuple[str, str], int] = {}
    for row_id, notifier, channel, _ in alerts.story_alerts(conn, into):
        parents.setdefault((notifier, channel), row_id)
    for row_id, notifier, channel, _ in alerts.story_alerts(conn, gone):
        parent = parents.get((notifier, channel))
        if parent is None:
            parents[(notifier, channel)] = row_id
        else:
            alerts.make_reply(conn, row_id, parent, now)
