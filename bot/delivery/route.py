"""Routing: which notifiers and channels an item goes to, and why (routes.yaml, see docs/routes.md).

Rules: a route takes an item when every condition of its `match` holds (lists mean any of); an item that
several routes send to the same channel is posted there once (immediate wins over digest); digest
routes give the end of the current window, when the digest is due.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.config.routes import Digest, Match, NotifierConfig, RoutesFile
from bot.notify import destination
from bot.records import Item, Tags


@dataclass(frozen=True)
class Target:
    notifier: str
    channel: str
    route: str
    mode: str = "immediate"  # immediate | digest
    due_at: datetime | None = None  # digest: end of the window


def channel_of(notifier: NotifierConfig) -> str:
    """The outbox channel of a notifier: where its class says it posts (Notifier.destination)."""
    return destination(notifier)


def mismatch(match: Match, item: Item, tags: Tags, resolve: Callable[[str], str] = str) -> str | None:
    """Why `match` does not take the item, or None when it does."""
    if match.dprk_cyber is not None and tags.dprk_cyber != match.dprk_cyber:
        return f"dprk_cyber is {str(tags.dprk_cyber).lower()}"
    if match.dprk_related is not None and tags.dprk_related != match.dprk_related:
        return f"dprk_related is {str(tags.dprk_related).lower()}"
    if tags.score < match.min_score:
        return f"score {tags.score:.2f} < {match.min_score:.2f}"
    wanted_actors = {resolve(a) for a in match.actors}
    if wanted_actors and not wanted_actors & set(tags.actors):
        return f"no actor of {sorted(wanted_actors)}"
    if match.sectors and not set(match.sectors) & set(tags.sectors):
        return f"no sector of {sorted(match.sectors)}"
    if match.sources and item.source not in match.sources:
        return f"source {item.source} not in {match.sources}"
    if match.languages and item.language not in match.languages:
        return f"language {item.language} not in {match.languages}"
    return None


def window_end(digest: Digest, now: datetime) -> datetime:
    """The end of the digest window that contains `now`, in UTC (the next hour, or the next `at`)."""
    local = now.astimezone(ZoneInfo(digest.timezone))
    if digest.every == "hourly":
        end = local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    else:
        hour, minute = (int(part) for part in digest.at.split(":"))
        end = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if end <= local:
            end = (local + timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return end.astimezone(UTC)


class Router:
    """Applies routes.yaml to tagged items."""

    def __init__(self, config: RoutesFile, resolve: Callable[[str], str] = str):
        self.config = config
        self.resolve = resolve
        self.channels = {n.name: channel_of(n) for n in config.notifiers}

    def explain(self, item: Item, tags: Tags) -> list[tuple[str, str | None]]:
        """(route name, why not or None) for every route, in file order."""
        return [(r.name, mismatch(r.match, item, tags, self.resolve)) for r in self.config.routes]

    def targets(self, item: Item, tags: Tags, now: datetime) -> list[Target]:
        chosen: dict[tuple[str, str], Target] = {}
        for route in self.config.routes:
            if mismatch(route.match, item, tags, self.resolve) is not None:
                continue
            due = window_end(route.digest or Digest(), now) if route.mode == "digest" else None
            for name in route.to:
                key = (name, self.channels[name])
                target = Target(name, self.channels[name], route.name, route.mode, due)
                if key not in chosen or (chosen[key].mode == "digest" and route.mode == "immediate"):
                    chosen[key] = target
        return list(chosen.values())
