"""Raw entries -> Items: the one place that applies identity, URL rules, text caps and dedupe.

Every extractor maps its format to `Entry` (strings as found, plus an already-parsed date) and hands the
list to `to_items`. Rules: URLs are normalised against the document URL and kept only if http(s);
titles are one line of plain text capped at TITLE_MAX; text is plain and capped at TEXT_MAX; an entry with
neither title nor link is skipped and counted; a repeated id (duplicate GUID, same URL twice) keeps the first.
A bad field fails that field only: format modules read each field through `read_field`, and a date that has no
UTC form is dropped here, so no exception from one field loses the entry, or the source's other entries.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from bot.config.source_base import Source
from bot.records import Item
from extractors.identity import item_id, normalize_url
from extractors.text import cap, clean_text, one_line

TITLE_MAX = 500
TEXT_MAX = 100_000
GUID_MAX = 2_000

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Entry:
    """One entry as a format module found it: title and text already plain text, link possibly relative."""

    title: str
    link: str
    guid: str
    published: datetime | None
    text: str
    links: tuple[str, ...] = ()  # hrefs found in the entry's body, possibly relative


def read_field(name: str, read: Callable[..., T], *args, default: T) -> T:
    """`read(*args)`, or `default` (logged as extract_field_dropped) when it raises anything at all."""
    try:
        return read(*args)
    except Exception as exc:  # a parser bug or an overflow nobody foresaw: that field only, never the entry
        log.warning("extract_field_dropped", extra={"field": name, "error": f"{type(exc).__name__}: {exc}"[:300]})
        return default


def _utc(published: datetime | None) -> datetime | None:
    """The date in UTC (the identity and the archive need one), None when it has none."""
    if published is None:
        return None
    return published.replace(tzinfo=UTC) if published.tzinfo is None else published.astimezone(UTC)


def to_items(entries: list[Entry], source: Source, base_url: str) -> list[Item]:
    """Items for `entries` (see module docstring); logs `extract_skipped` with the count of skipped entries."""
    items: list[Item] = []
    seen: set[str] = set()
    skipped = duplicates = 0
    for entry in entries:
        title = cap(one_line(entry.title), TITLE_MAX)
        url = normalize_url(entry.link, base=base_url or None)
        if not title and not url:
            skipped += 1
            continue
        guid = clean_text(entry.guid)[:GUID_MAX]
        published = read_field("published", _utc, entry.published, default=None)
        ident = item_id(source.name, guid, url, title, published)
        if ident in seen:
            duplicates += 1
            continue
        seen.add(ident)
        items.append(
            Item(
                source=source.name,
                id=ident,
                url=url,
                title=title,
                published=published,
                text=cap(clean_text(entry.text), TEXT_MAX),
                language=source.language,
                guid=guid,
                links=tuple(
                    dict.fromkeys(
                        u
                        for u in (normalize_url(h, base=url or base_url or None) for h in entry.links)
                        if u and u != url
                    )
                ),
            )
        )
    if skipped or duplicates:
        log.info(
            "extract_skipped",
            extra={"source_id": source.name, "skipped": skipped, "duplicates": duplicates, "kept": len(items)},
        )
    return items
