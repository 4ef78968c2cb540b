"""The daemon: APScheduler 3.x, one job per source at its interval, plus a delivery job.

Rules: jobs never overlap for one source (max_instances=1) and missed runs collapse into one
(coalesce) with a grace of half the interval, so a suspended laptop does not fire a burst; each
job gets jitter so sources on one host are not hit at the same second; the first run of each
source is spread over the first minute. SIGINT/SIGTERM stop scheduling and wait for running jobs,
so the current write (one transaction) finishes and no item is half-stored.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from bot.deliver import deliver_due
from bot.pipeline import refresh
from bot.runtime import Runtime, iso
from storage.sources import get_state

log = logging.getLogger("advisory_bot.daemon")
DELIVERY_EVERY_S = 30


class Daemon:
    def __init__(self, sources, rt: Runtime, workers: int = 8):
        self.rt = rt
        self.sources = [s for s in sources if s.enabled]
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(workers)},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone="UTC",
        )
        self._deliver_lock = threading.Lock()
        self.stopped = threading.Event()

    def start(self) -> None:
        self.start_jobs()
        self.scheduler.start()
        log.info("daemon started", extra={"sources": len(self.sources)})

    def start_jobs(self) -> None:
        """Schedule one job per source, first runs spread over the first minute, and the delivery job."""
        start = self.rt.now()
        for index, source in enumerate(self.sources):
            first = start + timedelta(seconds=(index * 60 / max(1, len(self.sources))))
            self.scheduler.add_job(
                self._source_job,
                "interval",
                args=[source],
                id=source.name,
                name=source.name,
                seconds=source.every,
                jitter=min(source.every * 0.1, 300),
                next_run_time=first,
                misfire_grace_time=max(1, int(source.every / 2)),
            )
        self.scheduler.add_job(
            self.deliver,
            "interval",
            id="deliver",
            seconds=DELIVERY_EVERY_S,
            misfire_grace_time=DELIVERY_EVERY_S,
            next_run_time=start,
        )

    def _source_job(self, source) -> None:
        if self.stopped.is_set():
            return
        state = get_state(self.rt.db(), source.name)
        if state.next_check_at and state.next_check_at > iso(self.rt.now()):
            log.debug("source backing off", extra={"source_id": source.name, "until": state.next_check_at})
            return
        report = refresh(source, self.rt)
        if report.alerts:
            self.deliver()

    def deliver(self) -> None:
        if self.stopped.is_set() or not self._deliver_lock.acquire(blocking=False):
            return
        try:
            deliver_due(self.rt, sleep=self._interruptible_sleep, should_stop=self.stopped.is_set)
        finally:
            self._deliver_lock.release()

    def _interruptible_sleep(self, seconds: float) -> None:
        self.stopped.wait(seconds)

    def stop(self, *_signal) -> None:
        """Stop scheduling; running jobs finish their current transaction."""
        if not self.stopped.is_set():
            log.info("daemon stopping")
            self.stopped.set()

    def run_forever(self) -> None:
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGTERM, self.stop)
        self.start()
        while not self.stopped.wait(1.0):
            pass
        self.scheduler.shutdown(wait=True)
        log.info("daemon stopped")
