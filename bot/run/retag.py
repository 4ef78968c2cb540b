"""Re-tag the archive after the knowledge base or the rules change, and say what changed.

Nothing is alerted retroactively unless asked: with `routes`, items that newly became DPRK cyber get
outbox rows (once: the outbox is unique per item, notifier and channel).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.run.store import update_tags
from storage.items import item_ids, load_tagged

BATCH = 256


@dataclass
class RetagReport:
    items: int = 0
    changed: int = 0
    gained: list[tuple[str, str]] = field(default_factory=list)  # (id, title) that became dprk_cyber
    lost: list[tuple[str, str]] = field(default_factory=list)  # (id, title) that stopped being dprk_cyber
    alerts: int = 0


def retag(db, tagger, now: str, since: str | None = None, routes=None, progress=None) -> RetagReport:
    """Re-tag the items dated on or after `since` (all: None); `progress(done, total)` after each batch."""
    report = RetagReport()
    ids = item_ids(db, since)
    for start in range(0, len(ids), BATCH):
        batch = [load_tagged(db, item_id) for item_id in ids[start : start + BATCH]]
        fresh = tagger.tag_many([(t.item.title, t.item.text, t.item.language) for t in batch])
        changes = []
        for old, tags in zip(batch, fresh, strict=True):
            report.items += 1
            if tags.to_contract("") == old.tags.to_contract(""):  # as stored: score rounded
                continue
            report.changed += 1
            changes.append((old.item.id, tags))
            if tags.dprk_cyber and not old.tags.dprk_cyber:
                report.gained.append((old.item.id, old.item.title))
            elif old.tags.dprk_cyber and not tags.dprk_cyber:
                report.lost.append((old.item.id, old.item.title))
        if changes:
            gained = {item_id for item_id, _ in report.gained}
            report.alerts += update_tags(db, [c for c in changes if c[0] in gained], now, routes=routes)
            update_tags(db, [c for c in changes if c[0] not in gained], now)
        if progress is not None:
            progress(report.items, len(ids))
    return report
