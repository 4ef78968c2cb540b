"""One full cycle over all enabled sources (`run --once`): refresh them in parallel, then deliver."""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bot.delivery.deliver import DeliveryReport, deliver_due
from bot.run.refresh import SourceReport, refresh
from bot.run.runtime import Runtime, iso
from bot.run.workers import TagPool, wanted
from storage.sources import get_state

log = logging.getLogger(__name__)
WORKERS = 8


@dataclass(frozen=True)
class CycleReport:
    sources: tuple[SourceReport, ...]
    delivery: DeliveryReport


def run_cycle(sources, rt: Runtime, workers: int = WORKERS, sleep=None, pool: bool | None = None) -> CycleReport:
    """One cycle; `pool` forces worker processes on or off (default: bot.run.workers.wanted).

    A source still backing off (after failures, a Retry-After, or parked as gone) is not fetched: it is reported
    as "backoff", as the daemon skips it, so a cron job does not hammer a failing or vanished source.
    """
    enabled = [s for s in sources if s.enabled]
    waiting = backing_off(rt, enabled)
    for name, until in waiting.items():
        log.info("source backing off", extra={"source_id": name, "until": until})
    due = [s for s in enabled if s.name not in waiting]
    tagger = rt.tagger
    if tagger is not None and due and (wanted(enabled) if pool is None else pool):
        rt.tagger = TagPool(os.cpu_count() or 1)  # parse and tag on every core (see bot.run.workers)
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(due))), thread_name_prefix="source") as threads:
            fetched = {r.source: r for r in threads.map(lambda s: refresh(s, rt), due)}
    finally:
        if rt.tagger is not tagger:
            rt.tagger.close()
            rt.tagger = tagger
    reports = tuple(
        fetched.get(s.name) or SourceReport(s.name, "backoff", error=f"backing off until {waiting[s.name]}")
        for s in enabled
    )
    delivery = deliver_due(rt) if sleep is None else deliver_due(rt, sleep=sleep)
    log.info(
        "cycle done",
        extra={
            "sources": len(reports),
            "failed": sum(r.outcome not in ("ok", "not_modified", "backoff") for r in reports),
            "backing_off": len(waiting),
            "new_items": sum(r.new for r in reports),
            "alerts_sent": delivery.sent,
            "alerts_failed": delivery.failed,
        },
    )
    return CycleReport(reports, delivery)


def backing_off(rt: Runtime, sources) -> dict[str, str]:
    """Sources whose next check is still in the future, with that time."""
    now, db = iso(rt.now()), rt.db()
    out = {}
    for source in sources:
        until = get_state(db, source.name).next_check_at
        if until and until > now:
            out[source.name] = until
    return out
