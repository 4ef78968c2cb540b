"""Extractors: fetched bytes -> Items, one module per source type, chosen by `source.type`.

The extension point, declared once: an extractor is anything with a `CONFIG` model (its sources.yaml entry, a
bot.config.source_base.SourceBase whose `type` is `Literal["<tag>"]`), the `ACCEPT` and `SAVED_TYPE` of its
documents and an `extract(result, source)` function (a module is enough; see Extractor). Adding a source type
is one such module and one line here, `register(module)`, which files it under its tag: that one entry drives
the config (bot.config.sources builds the `sources:` union from EXTRACTORS), the JSON Schema (`oneOf`), the
request's Accept header and dispatch. Built-ins register exactly as an add-on would.
"""

from __future__ import annotations

from typing import Protocol

from bot.config.source_base import Source, SourceBase
from bot.config.tagged import file_under
from bot.errors import ExtractError
from bot.records import FetchResult, Item
from extractors import html, jsonmap, rss


class Extractor(Protocol):
    """Turns one fetched document into the source's items."""

    CONFIG: type[SourceBase]  # the model of its sources.yaml entry; its `type` Literal is the registry key
    ACCEPT: str  # the Accept header of a request for a source of this type (bot.fetch.headers)
    SAVED_TYPE: str  # the content type a saved copy of such a document is read with (bot.fetch.probe, --file)

    def extract(self, result: FetchResult, source: Source) -> list[Item]:
        """Items found in `result`; raise ExtractError("extract: <source>: ...") on bytes that are not the type."""
        ...


EXTRACTORS: dict[str, Extractor] = {}


def register(extractor: Extractor) -> Extractor:
    """File `extractor` under the tag(s) of its CONFIG model; a tag already taken is a programming error."""
    return file_under(EXTRACTORS, extractor, extractor.CONFIG, "source type")


register(rss)
register(html)
register(jsonmap)


def extract(result: FetchResult, source: Source) -> list[Item]:
    """Dispatch to the extractor registered for `source.type`; a 304 has nothing to extract."""
    if result.not_modified:
        return []
    extractor = EXTRACTORS.get(source.type)
    if extractor is None:
        raise ExtractError(f"extract: {source.name}: no extractor for type {source.type!r}")
    return extractor.extract(result, source)
