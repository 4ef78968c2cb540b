"""Delivery: post due outbox rows through their notifiers, oldest first; mark sent only on success.

Rules: a row tried before (left 'sending' by a crash, or failed with a timeout after the service may
have stored it) is first looked up in the channel (message metadata carries the alert id) so it is
not posted twice; a transient failure keeps the row pending with backoff; a
permanent one (bad token, unknown channel) keeps it pending too, and stops that notifier for this
round. At most one post per second per channel (Slack's limit).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from bot.errors import NotifyError
from bot.notify.message import build_alert
from bot.runtime import Runtime, iso
from storage import outbox
from storage.items import load_tagged, sources_of

log = logging.getLogger("advisory_bot.deliver")
MIN_INTERVAL_S = 1.0
LOOKBACK = timedelta(days=2)


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    recovered: int = 0  # rows found already posted after a crash
    broken: set[str] = field(default_factory=set)


def deliver_due(rt: Runtime, sleep=time.sleep) -> DeliveryReport:
    db = rt.db()
    report = DeliveryReport()
    last_post: dict[tuple[str, str], float] = {}
    for row in outbox.due(db, iso(rt.now())):
        notifier = rt.notifiers.get(row["notifier"])
        if notifier is None or row["notifier"] in report.broken:
            continue
        if row["attempts"] > 0 and _already_posted(notifier, row, rt):  # an earlier try may have landed
            report.recovered += 1
            continue
        tagged = load_tagged(db, row["item_id"])
        message = build_alert(tagged.item, tagged.tags, sources_of(db, row["item_id"]), alert_id=row["id"])
        message = message.to(channel=row["channel"])
        key = (row["notifier"], row["channel"])
        wait = MIN_INTERVAL_S - (rt.monotonic() - last_post.get(key, float("-inf")))
        if wait > 0:
            sleep(wait)
        outbox.mark_sending(db, row["id"], iso(rt.now()))
        try:
            message_id = notifier.send(message)
        except NotifyError as exc:
            report.failed += 1
            retry = timedelta(seconds=exc.retry_after or min(60 * 2 ** row["attempts"], 3600))
            outbox.mark_retry(db, row["id"], str(exc), iso(rt.now()), iso(rt.now() + retry))
            log.warning(
                "alert not delivered",
                extra={
                    "alert_id": row["id"],
                    "notifier": row["notifier"],
                    "error": str(exc),
                    "permanent": exc.permanent,
                },
            )
            if exc.permanent:
                report.broken.add(row["notifier"])
            continue
        finally:
            last_post[key] = rt.monotonic()
        outbox.mark_sent(db, row["id"], message_id, iso(rt.now()))
        report.sent += 1
        log.info("alert sent", extra={"alert_id": row["id"], "item_id": row["item_id"], "notifier": row["notifier"]})
    return report


def _already_posted(notifier, row, rt: Runtime) -> bool:
    """After a crash mid-post: did the chat service get it? Mark it sent if so."""
    find = getattr(notifier, "find_posted", None)
    if find is None:
        return False
    try:
        message_id = find(row["id"], (rt.now() - LOOKBACK).timestamp(), channel=row["channel"])
    except NotifyError as exc:
        log.warning("cannot check for an earlier post", extra={"alert_id": row["id"], "error": str(exc)})
        return False
    if message_id:
        outbox.mark_sent(rt.db(), row["id"], message_id, iso(rt.now()))
        log.info("alert found already posted", extra={"alert_id": row["id"], "message_id": message_id})
        return True
    return False
