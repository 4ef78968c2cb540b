"""Routing: which notifier and channel an item goes to.

Issue-2 rule, the default: items with `dprk_cyber` go to the default notifier's channel; nothing
else alerts.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.records import Tags

Route = tuple[str, str]  # (notifier name, channel)


def default_routes(notifier_name: str, channel: str) -> Callable[[Tags], list[Route]]:
    def routes(tags: Tags) -> list[Route]:
        return [(notifier_name, channel)] if tags.dprk_cyber else []

    return routes
