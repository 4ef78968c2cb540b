"""Prometheus metrics: fetches by outcome, items by source, tags, alerts by outcome, full-text pages, outbox and
source health.

One registry per process run (not the library's global one), so tests and several daemons do not collide.
Counters are bumped by the stages through `Runtime.metrics`; gauges that live in the archive (outbox
pending, consecutive failures) are read from SQLite at scrape time, so they are never stale; the outbox gauge has
a sample (0) for every configured notifier and every notifier in the outbox even when nothing is pending, so
an alert rule sees "0", not "no data".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

from storage import readonly

PREFIX = "advisory_bot"


class NoMetrics:
    """What the stages call when no metrics port is open: nothing."""

    def fetched(self, source: str, outcome: str, seconds: float) -> None: ...
    def stored(self, source: str, new: int) -> None: ...
    def tagged(self, tags) -> None: ...
    def alert(self, notifier: str, outcome: str, rows: int = 1) -> None: ...
    def page(self, source: str, outcome: str) -> None: ...


class Metrics(NoMetrics):
    def __init__(self, db_path: Path, notifiers: Callable[[], Iterable[str]] = tuple):
        self.registry = CollectorRegistry()
        self.fetches = Counter(
            f"{PREFIX}_fetches", "Source fetches by outcome", ["source", "outcome"], registry=self.registry
        )
        self.cycle = Histogram(
            f"{PREFIX}_source_cycle_seconds",
            "Time of one source's cycle",
            ["source"],
            registry=self.registry,
            buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
        )
        self.items = Counter(f"{PREFIX}_items_new", "New items archived by source", ["source"], registry=self.registry)
        self.tags = Counter(f"{PREFIX}_tags", "Tags given to new items", ["kind", "value"], registry=self.registry)
        self.alerts = Counter(
            f"{PREFIX}_alerts", "Outbox rows by delivery outcome", ["notifier", "outcome"], registry=self.registry
        )
        self.pages = Counter(
            f"{PREFIX}_fulltext_pages",
            "Article pages fetched for full text, by outcome (read, failed)",
            ["source", "outcome"],
            registry=self.registry,
        )
        self.registry.register(_ArchiveCollector(db_path, notifiers))

    def fetched(self, source: str, outcome: str, seconds: float) -> None:
        self.fetches.labels(source, outcome).inc()
        self.cycle.labels(source).observe(seconds)

    def stored(self, source: str, new: int) -> None:
        self.items.labels(source).inc(new)

    def tagged(self, tags) -> None:
        for t in tags:
            self.tags.labels("dprk_cyber", str(t.dprk_cyber).lower()).inc()
            for actor in t.actors:
                self.tags.labels("actor", actor).inc()
            for sector in t.sectors:
                self.tags.labels("sector", sector).inc()

    def alert(self, notifier: str, outcome: str, rows: int = 1) -> None:
        self.alerts.labels(notifier, outcome).inc(rows)

    def page(self, source: str, outcome: str) -> None:
        self.pages.labels(source, outcome).inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


class _ArchiveCollector:
    """Gauges read from the archive at scrape time, through a read-only connection."""

    def __init__(self, db_path: Path, notifiers: Callable[[], Iterable[str]] = tuple):
        self.db_path, self.notifiers = db_path, notifiers

    def collect(self):
        pending = GaugeMetricFamily(f"{PREFIX}_outbox_pending", "Alerts not yet delivered", labels=["notifier"])
        failures = GaugeMetricFamily(
            f"{PREFIX}_source_consecutive_failures", "Consecutive failures of a source", labels=["source"]
        )
        counts = dict.fromkeys(self.notifiers(), 0)
        try:
            conn = readonly.connect(self.db_path, timeout=2)
            try:
                for notifier, count in readonly.unsent_by_notifier(conn):
                    counts[notifier] = count
                for notifier, count in sorted(counts.items()):
                    pending.add_metric([notifier], count)
                for name, count in readonly.error_counts(conn):
                    failures.add_metric([name], count)
            finally:
                conn.close()
        except sqlite3.Error:
            pass  # the archive is unreadable: /healthz says so; the scrape still answers
        yield pending
        yield failures
