"""JSON documents -> Items, mapped by the dotted paths of the source's `fields` (JsonFields, below).

Rules: `items` is the dotted path to the list of entries ("" for a top-level list); the other paths apply
inside each entry ("a.b.0.c": keys and list indexes). `link_template` builds a URL from entry fields
("https://nvd.nist.gov/vuln/detail/{cveID}", values percent-encoded) when there is no `link`. `id` is the
entry's GUID. A body that is not JSON, or an `items` path that is not a list, raises ExtractError.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote

from pydantic import Field

from bot.config.source_base import Source, SourceBase, StrictModel
from bot.errors import ExtractError
from bot.records import FetchResult, Item
from extractors.charset import decode
from extractors.dates import DateReader, date_reader, plausible
from extractors.entries import Entry, read_field, to_items
from extractors.text import html_to_text

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_MISSING = object()


class JsonFields(StrictModel):
    """Dotted paths into a JSON document for `json` sources; `items` selects the list of entries."""

    items: str = Field(description="dotted path to the list of entries ('' for a top-level list)")
    id: str | None = Field(None, description="path to a stable identifier inside an entry")
    title: str = Field(description="path to the title inside an entry")
    link: str | None = Field(None, description="path to the entry's URL")
    link_template: str | None = Field(None, description="URL built from entry fields, e.g. https://x/{cveID}")
    date: str | None = Field(None, description="path to the entry's date")
    summary: str | None = Field(None, description="path to the entry's summary text")


class JsonSource(SourceBase):
    """A JSON document mapped by dotted paths."""

    type: Literal["json"] = Field(description="json: a JSON document read with dotted paths")
    fields: JsonFields = Field(description="json only: paths to the entry fields")


CONFIG = JsonSource  # its sources.yaml entry (extractors.Extractor)
ACCEPT = "application/json, application/feed+json;q=0.9, */*;q=0.5"
SAVED_TYPE = "application/json"


def extract(result: FetchResult, source: Source) -> list[Item]:
    """Items of a JSON document, found with the source's field paths."""
    fields = source.fields
    if fields is None:
        raise ExtractError(f"extract: {source.name}: json source without fields")
    try:
        document = json.loads(decode(result.body, result.content_type, "json")[0])
    except (ValueError, RecursionError) as exc:
        raise ExtractError(f"extract: {source.name}: not JSON ({str(exc)[:120]})") from exc
    entries = lookup(document, fields.items)
    if not isinstance(entries, list):
        raise ExtractError(f"extract: {source.name}: fields.items {fields.items!r} is not a list in the document")
    now = datetime.now(UTC)
    when = date_reader(source, now)
    return to_items([_entry(e, fields, now, when) for e in entries if isinstance(e, dict)], source, result.url)


def lookup(node: Any, path: str | None, default: Any = None) -> Any:
    """Value at dotted `path` inside `node` ("" is the node itself); `default` when any step is missing."""
    if path is None:
        return default
    for part in path.split(".") if path else ():
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.lstrip("-").isdigit() and -len(node) <= int(part) < len(node):
            node = node[int(part)]
        else:
            return default
    return node


def _entry(e: dict, fields: JsonFields, now: datetime, when: DateReader) -> Entry:
    return Entry(
        title=read_field("title", _string, lookup(e, fields.title), default=""),
        link=read_field("link", _link, e, fields, default=""),
        guid=read_field("guid", _string, lookup(e, fields.id), default=""),
        published=read_field("published", _date, lookup(e, fields.date), now, when, default=None),
        text=read_field("text", _text, lookup(e, fields.summary), default=""),
    )


def _link(e: dict, fields: JsonFields) -> str:
    link = _string(lookup(e, fields.link))
    if not link and fields.link_template:
        link = _fill(fields.link_template, e)
    return link


def _text(value: Any) -> str:
    return html_to_text(_string(value))


def _fill(template: str, entry: dict) -> str:
    """The template with each {path} replaced by the entry's value, percent-encoded; "" if one is missing."""
    missing = False

    def value(match: re.Match) -> str:
        nonlocal missing
        found = lookup(entry, match.group(1).strip(), _MISSING)
        if found is _MISSING or found is None or isinstance(found, dict | list):
            missing = True
            return ""
        return quote(_string(found), safe="-._~:@")

    filled = _PLACEHOLDER.sub(value, template)
    return "" if missing else filled


def _string(value: Any) -> str:
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list):
        return "\n\n".join(_string(v) for v in value if v is not None)
    return str(value)


def _date(value: Any, now: datetime, when: DateReader) -> datetime | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):  # epoch seconds, or milliseconds when too large for seconds
        seconds = value / 1000 if value > 1e11 else value
        try:
            return plausible(datetime.fromtimestamp(seconds, UTC), now)
        except (OverflowError, ValueError, OSError):
            return None
    return when(_string(value))
