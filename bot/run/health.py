"""Source-health events for the ops route: a source failing N times in a row, back to health, or gone empty.

Events are outbox rows (kind 'ops') keyed by a subject that names the episode, so one failure streak
is reported once however many cycles it lasts; intelligence alerts never go to these notifiers by this path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.alerts import enqueue_event
from storage.archive import transaction


@dataclass(frozen=True)
class Ops:
    targets: tuple[tuple[str, str], ...]  # (notifier, channel)
    failures: int = 3

    def event(self, db, subject: str, title: str, lines: list[str], now: str, exclude: str | None = None) -> int:
        payload = json.dumps({"title": title, "lines": lines}, ensure_ascii=False)
        created = 0
        with transaction(db) as conn:
            for notifier, channel in self.targets:
                if notifier != exclude:
                    created += enqueue_event(conn, notifier, channel, subject, payload, now)
        return created


def after_failure(rt, source, count: int, error: str, last_success_at: str | None) -> None:
    """Report a streak of failures once, when it reaches the threshold."""
    if rt.routing.ops is not None and count == rt.routing.ops.failures:
        rt.ops_event(
            f"source-failing:{source.name}:{last_success_at or 'never'}",
            f"Source {source.name} failed {count} times in a row",
            [error, f"Last success: {last_success_at or 'never'}", f"URL: {source.url}"],
        )


def after_success(rt, source, previous_failures: int, items: int | None, previous_items: int | None, now: str) -> None:
    """Report a recovery after a reported streak, and a source that stopped producing items."""
    route = rt.routing.ops
    if route is None:
        return
    if previous_failures >= route.failures:
        rt.ops_event(
            f"source-recovered:{source.name}:{now}",
            f"Source {source.name} is back to health",
            [f"after {previous_failures} consecutive failures"],
        )
    if items == 0 and previous_items:
        kind = "selectors match nothing" if source.selectors is not None else "the feed has no entries"
        rt.ops_event(
            f"source-empty:{source.name}:{now[:10]}",
            f"Source {source.name} stopped producing items",
            [f"{kind} (last fetch before had {previous_items})", f"URL: {source.url}"],
        )
