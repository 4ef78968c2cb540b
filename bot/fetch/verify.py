"""Verifying every enabled source now (`sources verify`): one probe each, in parallel, polite per host.

What an operator runs on deployment day and from a weekly cron: each source is fetched and extracted exactly as
`sources test` does (bot.fetch.probe), and judged `ok`, `warn` (items came, with problems such as dates that do not
parse) or `fail` (the fetch or extract failed, or nothing came: no items, or selectors that match nothing).
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from bot.config.sources import Source
from bot.fetch.politeness import HostGate
from bot.fetch.probe import Probe, probe

FAILING = frozenset({"fetch", "extract", "no_items", "no_match"})  # problems that mean nothing usable came


@dataclass(frozen=True)
class Check:
    """One source's verdict."""

    probe: Probe
    state: str  # ok | warn | fail

    @property
    def newest(self) -> datetime | None:
        return max((i.published for i in self.probe.items if i.published), default=None)


def judge(found: Probe) -> Check:
    """The verdict on one probe (see module docstring)."""
    kinds = {p.kind for p in found.problems}
    state = "fail" if kinds & FAILING or not found.items else "warn" if kinds else "ok"
    return Check(found, state)


def verify(sources: Iterable[Source], workers: int = 8, gate: HostGate | None = None) -> list[Check]:
    """Probe every source (in the given order), `workers` at a time, through `gate`."""
    gate = gate or HostGate()
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="verify") as pool:
        return [judge(found) for found in pool.map(lambda s: probe(s, gate=gate), list(sources))]


def line(check: Check, width: int = 28) -> str:
    """`ok    name   12 items  newest 2026-09-04  -` : one line per source, problems last."""
    found = check.probe
    newest = check.newest.date().isoformat() if check.newest else "-"
    problems = "; ".join(p.message for p in found.problems) or "-"
    return (
        f"{check.state.upper() if check.state == 'fail' else check.state:<5} {found.source.name:<{width}} "
        f"{len(found.items):>4} items  newest {newest:<10}  {problems}"
    )


def as_json(check: Check) -> dict:
    """One source's verdict as a JSON object (`sources verify --json`, one per line)."""
    found = check.probe
    return {
        "source": found.source.name,
        "state": check.state,
        "url": found.source.url,
        "status": found.result.status if found.result else None,
        "items": len(found.items),
        "newest": check.newest.isoformat() if check.newest else None,
        "problems": [{"kind": p.kind, "count": p.count, "message": p.message} for p in found.problems],
    }
