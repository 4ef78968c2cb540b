"""Atom feed (RFC 4287, written by feedgen) of archived items, newest first: for feed readers and other tools.

Rules: entry ids are `urn:advisory-bot:item:<id>` (stable: a reader never sees an item twice); the link is
the item's own URL; an item without one (its link was not http(s) and was dropped) carries its text as
`content` instead, as RFC 4287 4.1.1 requires one or the other; actors and sectors are categories with a
scheme, so readers can filter on them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from feedgen.feed import FeedGenerator

SUMMARY_CHARS = 600


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def write(rows: Iterable[dict], out: TextIO, options) -> int:
    feed = FeedGenerator()
    feed.id(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'advisory-bot:' + options.title)}")  # one id per filter set
    feed.title(options.title)
    feed.author({"name": "advisory-bot"})
    feed.generator("advisory-bot")
    if options.link:
        feed.link(href=options.link, rel="self")
    updated = []
    count = 0
    for row in rows:
        count += 1
        entry = feed.add_entry(order="append")
        entry.id(f"urn:advisory-bot:item:{row['id']}")
        entry.title(row["title"] or row["url"] or row["id"])
        if row["url"]:
            entry.link(href=row["url"])
        entry.published(_when(row.get("published") or row["first_seen"]))
        updated.append(_when(row.get("tagged_at") or row["first_seen"]))
        entry.updated(updated[-1])
        entry.author({"name": row["source"]})
        text = row["text"] or ""
        summary = text[:SUMMARY_CHARS] + ("..." if len(text) > SUMMARY_CHARS else "")
        entry.summary(summary)
        if not row["url"]:
            entry.content(summary or entry.title(), type="text")
        for actor in row["actors"]:
            entry.category(term=actor, scheme="urn:advisory-bot:actor", label=actor)
        for sector in row["sectors"]:
            entry.category(term=sector, scheme="urn:advisory-bot:sector", label=sector)
    feed.updated(max(updated, default=_when(options.generated_at)))
    out.write(feed.atom_str(pretty=True).decode("utf-8"))
    return count
