"""Extractors: fetched bytes -> Items, one module per source type, chosen by `source.type`.

The extension point, declared once: an extractor is anything with an `extract(result, source)` function
(a module is enough). Built-ins register here exactly as an add-on would, by adding to EXTRACTORS.
"""

from __future__ import annotations

from typing import Protocol

from bot.config.sources import Source
from bot.errors import ExtractError
from bot.records import FetchResult, Item
from extractors import html, jsonmap, rss


class Extractor(Protocol):
    """Turns one fetched document into the source's items."""

    def extract(self, result: FetchResult, source: Source) -> list[Item]:
        """Items found in `result`; raise ExtractError("extract: <source>: ...") on bytes that are not the type."""
        ...


EXTRACTORS: dict[str, Extractor] = {"rss": rss, "html": html, "json": jsonmap}


def extract(result: FetchResult, source: Source) -> list[Item]:
    """Dispatch to the extractor registered for `source.type`; a 304 has nothing to extract."""
    if result.not_modified:
        return []
    extractor = EXTRACTORS.get(source.type)
    if extractor is None:
        raise ExtractError(f"extract: {source.name}: no extractor for type {source.type!r}")
    return extractor.extract(result, source)
