"""One full cycle over all enabled sources (`run --once`): refresh them in parallel, then deliver."""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bot.deliver import DeliveryReport, deliver_due
from bot.pipeline import SourceReport, refresh
from bot.runtime import Runtime
from bot.tagpool import TagPool, wanted

log = logging.getLogger("advisory_bot.cycle")
WORKERS = 8


@dataclass(frozen=True)
class CycleReport:
    sources: tuple[SourceReport, ...]
    delivery: DeliveryReport


def run_cycle(sources, rt: Runtime, workers: int = WORKERS, sleep=None, pool: bool | None = None) -> CycleReport:
    """One cycle; `pool` forces worker processes on or off (default: bot.tagpool.wanted)."""
    enabled = [s for s in sources if s.enabled]
    tagger = rt.tagger
    if tagger is not None and (wanted(enabled) if pool is None else pool):
        rt.tagger = TagPool(os.cpu_count() or 1)  # parse and tag on every core (see bot.tagpool)
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(enabled))), thread_name_prefix="source") as pool:
            reports = tuple(pool.map(lambda s: refresh(s, rt), enabled))
    finally:
        if rt.tagger is not tagger:
            rt.tagger.close()
            rt.tagger = tagger
    delivery = deliver_due(rt) if sleep is None else deliver_due(rt, sleep=sleep)
    log.info(
        "cycle done",
        extra={
            "sources": len(reports),
            "failed": sum(r.outcome not in ("ok", "not_modified") for r in reports),
            "new_items": sum(r.new for r in reports),
            "alerts_sent": delivery.sent,
            "alerts_failed": delivery.failed,
        },
    )
    return CycleReport(reports, delivery)
