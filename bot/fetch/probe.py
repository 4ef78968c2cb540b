"""Probing one source now (`sources test`, `sources add`): fetch or read, extract, name the problems.

Rules: the fetch is the bot's own (bot.fetch.client: the source's allow_private, timeout and size cap) without
conditional headers, so the answer is always a full body; a `fulltext` source's shown items get their article pages
as the run would read them (read_pages); a saved page is the body, with the content type
its source type implies. Nothing is stored and nothing is posted. Problems are named with counts: an html
`item` selector that matches nothing, no items, dates that do not parse, items without an http(s) link, and
fetch or extract errors (`fatal`: nothing else could be checked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.config.sources import Source
from bot.delivery.route import Router, Target
from bot.errors import ExtractError, FetchError
from bot.fetch.client import fetch, make_client
from bot.observe.metrics import NoMetrics
from bot.records import FetchResult, Item, Tags
from extractors import EXTRACTORS, extract, html


@dataclass(frozen=True)
class Problem:
    kind: str  # fetch | extract | no_match | no_items | bad_dates | no_dates | bad_links
    message: str
    count: int = 1
    fatal: bool = False


@dataclass(frozen=True)
class Probe:
    """What one source gave now."""

    source: Source
    result: FetchResult | None  # None when the fetch failed
    items: tuple[Item, ...]
    problems: tuple[Problem, ...]

    @property
    def failed(self) -> bool:
        return any(p.fatal for p in self.problems)


@dataclass(frozen=True)
class Verdict:
    """How one item would be tagged and where it would go."""

    item: Item
    tags: Tags
    targets: tuple[Target, ...]


def read_saved(source: Source, page: Path) -> FetchResult:
    """A saved copy of the source's document, as if fetched from its URL (read as its type's SAVED_TYPE)."""
    body = page.read_bytes()
    saved_type = getattr(EXTRACTORS.get(source.type), "SAVED_TYPE", "")
    return FetchResult(url=source.url, status=200, body=body, content_type=saved_type)


def fetch_now(source: Source, gate=None) -> FetchResult:
    """One unconditional fetch of `source` (raises FetchError); `gate` (bot.fetch.politeness.HostGate) spaces hosts."""
    with make_client() as client:
        return fetch(client, source, gate=gate)


def probe(source: Source, page: Path | None = None, gate=None) -> Probe:
    """Fetch `source` (or read `page`), extract it and name what is wrong; never raises Fetch/ExtractError."""
    try:
        result = read_saved(source, page) if page is not None else fetch_now(source, gate)
    except FetchError as exc:
        return Probe(source, None, (), (Problem("fetch", str(exc), fatal=True),))
    try:
        items = tuple(extract(result, source))
    except ExtractError as exc:
        return Probe(source, result, (), (Problem("extract", str(exc), fatal=True),))
    return Probe(source, result, items, tuple(problems(result, source, items)))


def problems(result: FetchResult, source: Source, items: tuple[Item, ...]) -> list[Problem]:
    """The problems of a successful extract (see module docstring)."""
    found: list[Problem] = []
    total, undated = len(items), sum(item.published is None for item in items)
    sel = source.selectors  # set for an html source only
    if sel is not None:
        matched, unparsed = html.selector_report(result, source)
        if matched == 0:
            found.append(Problem("no_match", f"selectors.item {sel.item!r} matches nothing on the page"))
        if unparsed:
            msg = f"{unparsed} of {matched} items: the date ({sel.date!r}) has text that does not parse as a date"
            found.append(Problem("bad_dates", msg, unparsed))
        if sel.date and undated > unparsed:
            missing = undated - unparsed
            found.append(Problem("no_dates", f"{missing} of {total} items: {sel.date!r} matches nothing", missing))
    elif undated:
        found.append(Problem("no_dates", f"{undated} of {total} items have no date (missing or unparsable)", undated))
    if total == 0:
        found.append(Problem("no_items", "no items found", 0))
    linkless = sum(not item.url for item in items)
    if linkless:
        found.append(Problem("bad_links", f"{linkless} of {total} items have no http(s) link", linkless))
    return found


def read_pages(source: Source, items: list[Item], gate=None) -> tuple[list[Item], list[str]]:
    """A `fulltext` source's `items` with their article pages read as the run would read them (`auto`: only where
    the summary leaves the tagger undecided), and what happened to each page (fulltext.PAGE_*)."""
    from bot.fetch import fulltext
    from bot.run.analyse import pages_wanted
    from bot.tagging import get_tagger

    def known(_item: Item) -> bool:
        return False  # nothing is stored here: every item is new

    wanted = pages_wanted(items, source, get_tagger(), known)
    outcomes: list[str] = []
    with make_client() as client:
        enriched = fulltext.enrich(items, source, _PageRuntime(client, gate), known, wanted, outcomes)
    return enriched, outcomes


class _PageRuntime:
    """What fulltext.enrich asks of the run's Runtime: an HTTP client, the host gate and (no) metrics."""

    metrics = NoMetrics()

    def __init__(self, client, gate):
        self.client, self.gate = client, gate

    def http(self, allow_private: bool = False):
        return self.client


def verdicts(items: tuple[Item, ...] | list[Item], router: Router, now: datetime) -> list[Verdict]:
    """Tags and routing targets of `items` (the tagger is built on first use)."""
    from bot.tagging import get_tagger

    tags = get_tagger().tag_many([(item.title, item.text, item.language) for item in items]) if items else []
    return [Verdict(item, t, tuple(router.targets(item, t, now))) for item, t in zip(items, tags, strict=True)]
