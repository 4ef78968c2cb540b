"""The daemon: APScheduler 3.x, one job per source at its interval, delivery, hot reload, a heartbeat.

Rules: jobs never overlap for one source (max_instances=1) and missed runs collapse into one (coalesce) with a
grace of half the interval, so a suspended laptop does not fire a burst; first runs are spread over the first
minute, and each run gets a small jitter (2% of the interval, at most a minute) so sources keep drifting apart
without delaying news: at a 1-minute interval an item waits at most 61.2 s plus its own processing. Edited
sources.yaml and routes.yaml are picked up without a restart: validated first, an invalid edit is logged and
sent to the ops route while the last good configuration keeps running. SIGINT/SIGTERM stop scheduling and wait
for running jobs, so the current write (one transaction) finishes and no item is half-stored.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import threading
from datetime import timedelta
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from bot.config.sources import load_sources_file, resolve, warnings
from bot.delivery.deliver import deliver_due
from bot.errors import ConfigError
from bot.run.assemble import DEFAULT_ROUTES, apply_routing, routing
from bot.run.refresh import refresh
from bot.run.runtime import Runtime, iso
from bot.run.waits import log_waiting
from storage.probe import probe_write
from storage.sources import get_state

log = logging.getLogger(__name__)
DELIVERY_EVERY_S = 30
RELOAD_EVERY_S = 10
HEARTBEAT_EVERY_S = 15
STUCK_AFTER_S = 120  # /healthz: no job finished for this long means the scheduler is stuck
JITTER_SHARE = 0.02  # of the interval: a 1-minute source runs every 60-61.2 s
MAX_JITTER_S = 60


class Daemon:
    def __init__(self, rt: Runtime, sources_path: Path, routes_path: Path | None = None, env=os.environ):
        self.rt, self.sources_path, self.routes_path, self.env = rt, Path(sources_path), routes_path, env
        config = load_sources_file(self.sources_path)
        self.sources = {s.name: s for s in resolve(config) if s.enabled}
        self.digests = self._digests()
        self.rejected: str | None = None  # digest of the last invalid edit (reported once)
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(config.fetching.workers)},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone="UTC",
        )
        self._deliver_lock = threading.Lock()
        self.stopped = threading.Event()
        self.last_beat = rt.monotonic()

    # -- scheduling -------------------------------------------------------------------------------------------
    def start(self) -> None:
        self.start_jobs()
        self.scheduler.start()
        log.info("daemon started", extra={"sources": len(self.sources)})
        log_waiting(log, self.rt.db(), iso(self.rt.now()), set(self.sources))  # a restart never waits silently

    def start_jobs(self) -> None:
        """One job per source, first runs spread over the first minute, plus delivery, reload and heartbeat."""
        start = self.rt.now()
        for index, source in enumerate(self.sources.values()):
            self._schedule(source, start + timedelta(seconds=index * 60 / max(1, len(self.sources))))
        housekeeping = (
            ("deliver", self.deliver, DELIVERY_EVERY_S),
            ("reload", self.reload, RELOAD_EVERY_S),
            ("heartbeat", self.beat, HEARTBEAT_EVERY_S),
        )
        for job_id, func, every in housekeeping:
            self.scheduler.add_job(
                func,
                "interval",
                id=job_id,
                seconds=every,
                misfire_grace_time=every,
                next_run_time=start,
                replace_existing=True,
            )

    def _schedule(self, source, first_run) -> None:
        self.scheduler.add_job(
            self._source_job,
            "interval",
            args=[source],
            id=source.name,
            name=source.name,
            seconds=source.every,
            jitter=min(source.every * JITTER_SHARE, MAX_JITTER_S),
            next_run_time=first_run,
            misfire_grace_time=max(1, int(source.every / 2)),
            replace_existing=True,
        )

    def _source_job(self, source) -> None:
        if self.stopped.is_set():
            return
        state = get_state(self.rt.db(), source.name)
        if state.next_check_at and state.next_check_at > iso(self.rt.now()):
            log.debug("source backing off", extra={"source_id": source.name, "until": state.next_check_at})
            return
        report = refresh(source, self.rt)
        self.beat()
        if report.alerts:
            self.deliver()

    def deliver(self) -> None:
        if self.stopped.is_set() or not self._deliver_lock.acquire(blocking=False):
            return
        try:
            deliver_due(self.rt, sleep=self.stopped.wait, should_stop=self.stopped.is_set)
        finally:
            self._deliver_lock.release()
            self.beat()

    def beat(self) -> None:
        self.last_beat = self.rt.monotonic()

    # -- hot reload -----------------------------------------------------------------------------------------------
    def _digests(self) -> tuple[str, str]:
        def digest(path: Path | None) -> str:
            try:
                return hashlib.sha256(path.read_bytes()).hexdigest() if path else ""
            except OSError:
                return "missing"

        routes = self.routes_path or (DEFAULT_ROUTES if DEFAULT_ROUTES.exists() else None)
        return digest(self.sources_path), digest(routes)

    def reload(self) -> str:
        """Apply edited configuration files: 'unchanged', 'applied' or 'invalid' (the old one keeps running)."""
        digests = self._digests()
        if digests == self.digests:
            if self.rejected is not None:  # the rejected edit was undone: the files are the running configuration
                self.rejected = None
                log.info("configuration files restored to the running configuration; the rejected edit is gone")
            return "unchanged"
        try:
            config = load_sources_file(self.sources_path)
            new_routing = routing(self.routes_path, self.env) if digests[1] != self.digests[1] else None
        except ConfigError as exc:
            key = hashlib.sha256("".join(digests).encode()).hexdigest()[:16]
            if self.rejected != key:
                self.rejected = key
                log.error(
                    "configuration edit rejected; the last good configuration keeps running", extra={"error": str(exc)}
                )
                self.rt.ops_event(
                    f"config-invalid:{key}",
                    "Configuration edit rejected",
                    [str(exc)[:1500], "The last good configuration keeps running."],
                )
            return "invalid"
        for warning in warnings(config):
            log.warning("sources: %s", warning)
        if new_routing is not None:
            apply_routing(self.rt, new_routing)
        self._apply_sources({s.name: s for s in resolve(config) if s.enabled})
        self.digests, self.rejected = digests, None
        return "applied"

    def _apply_sources(self, new: dict) -> None:
        now = self.rt.now()
        for name in self.sources.keys() - new.keys():
            self.scheduler.remove_job(name)
        for name, source in new.items():
            old = self.sources.get(name)
            if old == source:
                continue
            # a new or changed URL runs now; an interval change alone waits for the new interval
            moved = old is None or old.model_dump(exclude={"every"}) != source.model_dump(exclude={"every"})
            self._schedule(source, now if moved else now + timedelta(seconds=source.every))
        added, removed = sorted(new.keys() - self.sources.keys()), sorted(self.sources.keys() - new.keys())
        changed = sorted(n for n in new.keys() & self.sources.keys() if new[n] != self.sources[n])
        self.sources = new
        log.info("configuration reloaded", extra={"added": added, "removed": removed, "changed": changed})

    # -- health and lifecycle ---------------------------------------------------------------------------------------
    def health(self) -> dict:
        since = self.rt.monotonic() - self.last_beat
        scheduler_ok = self.scheduler.running and not self.stopped.is_set() and since < STUCK_AFTER_S
        checks = {"scheduler": {"ok": scheduler_ok, "seconds_since_last_job": round(since, 1)}}
        try:  # this thread's connection, with a short busy timeout: answer the probe quickly
            probe_write(self.rt.db(), iso(self.rt.now()), busy_timeout_ms=2000)
            checks["archive"] = {"ok": True}
        except Exception as exc:  # noqa: BLE001 - any failure to write is the answer
            checks["archive"] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        return checks

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
