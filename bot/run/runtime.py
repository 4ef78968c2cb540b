"""What every stage needs at run time, built once: archive path, tagger, routes, clocks.

Connections are per thread (SQLite and httpx objects are not shared across threads).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
import sqlite_utils

from bot.config.routes import DeliveryConfig
from bot.fetch.client import make_client
from bot.observe.metrics import NoMetrics
from storage import open_archive


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """The one timestamp format of the archive: ISO 8601, UTC, seconds."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass
class Runtime:
    db_path: Path
    tagger: object  # bot.tagging.Tagger (tag_many)
    routes: Callable | None  # (Item, Tags, now) -> [bot.delivery.route.Target]
    notifiers: dict  # name -> Notifier
    delivery: DeliveryConfig = field(default_factory=DeliveryConfig)
    ops: object | None = None  # bot.run.health.Ops: where source-health events go
    stories: object | None = None  # storage.stories.Keeper: story assignment with the actor families
    encoder: object | None = None  # bot.stories.encode_process.EncoderService, None without story vectors
    gate: object | None = None  # bot.fetch.politeness.HostGate shared by every fetch
    metrics: object = field(default_factory=NoMetrics)  # bot.observe.metrics.Metrics when --metrics-port is given
    now: Callable[[], datetime] = utcnow
    monotonic: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def ops_event(self, subject: str, title: str, lines: list[str], exclude: str | None = None) -> None:
        """Queue a source-health event for the ops route (nothing when no ops route is configured)."""
        if self.ops is not None:
            self.ops.event(self.db(), subject, title, lines, iso(self.now()), exclude=exclude)

    def db(self) -> sqlite_utils.Database:
        """This thread's archive connection."""
        if getattr(self._local, "db", None) is None:
            self._local.db = open_archive(self.db_path)
        return self._local.db

    def http(self, allow_private: bool = False) -> httpx.Client:
        """This thread's HTTP client for sources with this address policy. One per policy: a pooled connection
        opened for a source that may reach private addresses must never be reused by one that may not."""
        clients = getattr(self._local, "http", None)
        if clients is None:
            clients = self._local.http = {}
        if allow_private not in clients:
            clients[allow_private] = make_client()
        return clients[allow_private]
