"""What every stage needs at run time, built once: archive path, tagger, routing, clocks.

Connections are per thread (SQLite and httpx objects are not shared across threads). Everything routes.yaml
decides is one frozen `Routing`, held in one attribute: a hot reload swaps it whole, and a stage that reads
`rt.routing` once works with one configuration from start to end, never half the old and half the new.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import InitVar, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import httpx
import sqlite_utils

from bot.config.routes import DeliveryConfig
from bot.fetch.client import make_client
from bot.observe.metrics import NoMetrics
from storage import open_archive

if TYPE_CHECKING:
    from bot.fetch.politeness import HostGate
    from bot.stories.assign import Keeper
    from bot.stories.encode_process import EncoderService


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """The one timestamp format of the archive: ISO 8601, UTC, seconds."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class Tagger(Protocol):
    def tag_many(self, items: Sequence) -> list:
        """Tags for each item (bot.tagging.Tagger, the lazy one of bot.run.assemble, or the worker pool)."""


class OpsRoute(Protocol):
    failures: int  # consecutive failures of a source that make an event

    def event(self, db, subject: str, title: str, lines: list[str], now: str, exclude: str | None = None) -> int:
        """Queue one source-health event for the ops notifiers (bot.run.health.Ops); the rows made."""


class MetricsSink(Protocol):
    def fetched(self, source: str, outcome: str, seconds: float) -> None: ...
    def stored(self, source: str, new: int) -> None: ...
    def tagged(self, tags) -> None: ...
    def alert(self, notifier: str, outcome: str, rows: int = 1) -> None: ...
    def page(self, source: str, outcome: str) -> None: ...


@dataclass(frozen=True)
class Routing:
    """Everything routes.yaml decides, built and validated together (swapped whole on a hot reload)."""

    routes: Callable | None  # (Item, Tags, now) -> [bot.delivery.route.Target]
    notifiers: dict  # name -> Notifier
    delivery: DeliveryConfig = field(default_factory=DeliveryConfig)
    ops: OpsRoute | None = None  # where source-health events go


@dataclass
class Runtime:
    db_path: Path
    tagger: Tagger | None
    routes: InitVar[Callable | None]  # the parts of the first `routing`
    notifiers: InitVar[dict]
    delivery: InitVar[DeliveryConfig | None] = None
    ops: InitVar[OpsRoute | None] = None
    stories: Keeper | None = None  # story assignment with the actor families
    encoder: EncoderService | None = None  # None without story vectors
    gate: HostGate | None = None  # per-host politeness shared by every fetch
    metrics: MetricsSink = field(default_factory=NoMetrics)  # bot.observe.metrics.Metrics with --metrics-port
    now: Callable[[], datetime] = utcnow
    monotonic: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)
    routing: Routing = field(init=False)
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def __post_init__(self, routes, notifiers, delivery, ops) -> None:
        self.routing = Routing(routes, notifiers, delivery or DeliveryConfig(), ops)

    def ops_event(self, subject: str, title: str, lines: list[str], exclude: str | None = None) -> None:
        """Queue a source-health event for the ops route (nothing when no ops route is configured)."""
        ops = self.routing.ops
        if ops is not None:
            ops.event(self.db(), subject, title, lines, iso(self.now()), exclude=exclude)

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


# An InitVar's default stays behind as a class attribute: `rt.ops` would read None whatever the routing says.
# Only `rt.routing` holds these, so reading them anywhere else fails loudly.
del Runtime.delivery, Runtime.ops
