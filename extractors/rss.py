"""RSS 0.9x/1.0/2.0 and Atom bytes -> Items, with feedparser as the parser and never as a fetcher.

Rules:
- feedparser only ever sees an in-memory stream (a bytes *value* may be opened as a local file path by
  feedparser.parse, a str as a URL), decoded by us (extractors.charset) and re-encoded as UTF-8.
- Hostile XML is defused before feedparser sees it: every DOCTYPE with an internal subset is removed and
  every stray <!ENTITY is turned into text. feedparser 6 re-inserts "safe" internal entities and, when expat
  stops at its amplification limit, its loose parser expands them anyway (a 50 KB entity used 20,000 times
  became a 1 GB summary in testing). External DTDs are never loaded: feedparser turns off external general
  entities and expat only reads an external subset through that handler.
- Outside CDATA, bare '&' and HTML named entities (&nbsp;) are repaired first, so expat, not feedparser's
  loose parser, reads the commonest broken feeds; character references to what XML forbids (&#0;, &#x110000;)
  become U+FFFD (the loose parser crashed on chr() of them).
- feedparser's HTML sanitizer and URI resolver are off: we keep plain text only (extractors.text), which
  also makes a 228 KB feed of ten full advisories parse ~5x faster.
- Not a feed (no RSS/Atom root, no entries) raises ExtractError; a bozo feed with entries still yields them.
"""

from __future__ import annotations

import calendar
import io
import re
import time
from datetime import UTC, datetime
from html.entities import name2codepoint
from typing import Literal

import feedparser
from pydantic import Field

from bot.config.source_base import Source, SourceBase
from bot.errors import ExtractError
from bot.records import FetchResult, Item
from extractors.charset import decode
from extractors.dates import DateReader, date_reader, plausible
from extractors.entries import Entry, read_field, to_items
from extractors.text import html_links, html_to_text

_DOCTYPE = re.compile(r"<!DOCTYPE", re.I)
_DTD_TOKEN = re.compile(r"\"[^\"]*\"|'[^']*'|[\[\]>]")
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
_XML_DECL = re.compile(r"^<\?xml\s[^>]{0,200}?\?>")
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# every "&": group 1 a named reference's name, group 2/3 a decimal/hex character reference's number
_AMP = re.compile(r"&(?:([A-Za-z][A-Za-z0-9]{0,31});|#(\d{1,7});|#x([0-9a-fA-F]{1,6});)?")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_ELEMENT = re.compile(r"<(?:[\w.-]+:)?([A-Za-z][\w.-]*)")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_DATE_KEYS = ("published", "updated", "created", "issued", "modified")


class RssSource(SourceBase):
    """An RSS or Atom feed."""

    type: Literal["rss"] = Field(description="rss: an RSS (0.9x, 1.0, 2.0) or Atom feed")


CONFIG = RssSource  # its sources.yaml entry (extractors.Extractor)
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
SAVED_TYPE = "application/xml"  # a saved copy (`sources test --file`) is read as this; extractors.charset still sniffs


def extract(result: FetchResult, source: Source) -> list[Item]:
    """Items of an RSS or Atom document."""
    if not result.body.strip():
        raise ExtractError(f"extract: {source.name}: empty body")
    text = defuse(decode(result.body, result.content_type, "xml", source.language)[0])
    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8", "content-location": result.url},
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    if not parsed.get("version") and not parsed.entries:
        if _root_name(text) in _FEED_ROOTS and not parsed.get("bozo"):
            return []  # a well-formed feed with no entries yet (e.g. an empty CDF <CHANNEL>)
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise ExtractError(f"extract: {source.name}: not a feed ({_short(reason)})")
    now = datetime.now(UTC)
    when = date_reader(source, now)
    return to_items([_entry(e, now, when) for e in parsed.entries], source, result.url)


def defuse(text: str) -> str:
    """XML text without internal DTD subsets, entity declarations or characters XML forbids."""
    text = _XML_DECL.sub("", text.lstrip(), count=1)
    if _DOCTYPE.search(text):
        text = _strip_internal_subsets(text)
    if _ENTITY_DECL.search(text):
        text = _ENTITY_DECL.sub("&lt;!ENTITY", text)
    text = _repair(_NOT_XML_CHARS.sub("", text))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + text


def _root_name(text: str) -> str:
    """Local name of the document element, lower-case ("" if none): skips the prolog's PIs and comments."""
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        for opener, closer in (("<?", "?>"), ("<!--", "-->"), ("<!", ">")):
            if text.startswith(opener, pos):
                end = text.find(closer, pos + len(opener))
                if end < 0:
                    return ""
                pos = end + len(closer)
                break
        else:
            match = _ELEMENT.match(text, pos)
            return match.group(1).lower() if match else ""


def _strip_internal_subsets(text: str) -> str:
    """Remove each <!DOCTYPE ... [ ... ]> (quotes and brackets respected); keep DOCTYPEs without a subset."""
    out: list[str] = []
    pos = 0
    while match := _DOCTYPE.search(text, pos):
        out.append(text[pos : match.start()])
        depth, end, subset = 0, len(text), False
        for token in _DTD_TOKEN.finditer(text, match.end()):
            char = token.group()
            if char == "[":
                depth, subset = depth + 1, True
            elif char == "]":
                depth = max(0, depth - 1)
            elif char == ">" and depth == 0:
                end = token.end()
                break
        if not subset:
            out.append(text[match.start() : end])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _repair(text: str) -> str:
    """Outside CDATA: bare '&' -> '&amp;', HTML named entities -> numeric references.

    The two commonest reasons a real feed is not XML; repaired, the strict (expat) parser reads it instead of
    feedparser's loose parser, which turns "R&D" into "R&D;". Linear: CDATA sections are found with str.find.
    """
    out: list[str] = []
    pos = 0
    while pos < len(text):
        start = text.find("<![CDATA[", pos)
        if start < 0:
            out.append(_AMP.sub(_amp, text[pos:]))
            break
        end = text.find("]]>", start)
        end = len(text) if end < 0 else end + 3
        out += [_AMP.sub(_amp, text[pos:start]), text[start:end]]
        pos = end
    return "".join(out)


def _amp(match: re.Match) -> str:
    name, decimal, hexadecimal = match.groups()
    if decimal or hexadecimal:  # XML 1.0 Char only: &#0; or &#x110000; would crash feedparser's loose parser
        code = int(decimal) if decimal else int(hexadecimal, 16)
        return match.group(0) if _xml_char(code) else "\ufffd"
    if name is None:
        return "&amp;"
    if name in _XML_ENTITIES:
        return match.group(0)
    code = name2codepoint.get(name)
    return f"&#{code};" if code else "&amp;" + name + ";"


def _xml_char(code: int) -> bool:
    """XML 1.0 section 2.2 Char."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _entry(e: dict, now: datetime, when: DateReader) -> Entry:
    content = max(e.get("content") or [], key=lambda c: len(c.get("value") or ""), default=None)
    body = content or e.get("summary_detail") or {"value": e.get("summary", ""), "type": "text/html"}
    title = e.get("title_detail") or {"value": e.get("title", ""), "type": "text/plain"}
    html = (body.get("type") or "").lower() in _HTML_TYPES
    return Entry(
        title=read_field("title", _plain, title, default=""),
        link=read_field("link", _link, e, default=""),
        guid=e.get("id") or "",
        published=read_field("published", _published, e, now, when, default=None),
        text=read_field("text", _plain, body, default=""),
        links=read_field("links", html_links, body.get("value"), default=()) if html else (),
    )


def _plain(detail: dict) -> str:
    value = detail.get("value") or ""
    return html_to_text(value) if (detail.get("type") or "").lower() in _HTML_TYPES else value


def _link(e: dict) -> str:
    if e.get("link"):
        return e["link"]
    for link in e.get("links") or []:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    if e.get("guidislink") and e.get("id"):
        return e["id"]
    return ""


def _published(e: dict, now: datetime, when: DateReader) -> datetime | None:
    for key in _DATE_KEYS:
        raw = dict.get(e, key)  # dict.get: FeedParserDict.get maps updated<->published with a warning
        found = when(raw) if isinstance(raw, str) else None
        parsed = dict.get(e, f"{key}_parsed")
        if found is None and isinstance(parsed, time.struct_time):
            try:
                found = plausible(datetime.fromtimestamp(calendar.timegm(parsed), UTC), now)
            except (OverflowError, ValueError, OSError):
                found = None
        if found is not None:
            return found
    return None


def _short(reason: object) -> str:
    text = str(reason).replace("\n", " ")
    return text if len(text) <= 160 else text[:157] + "..."
