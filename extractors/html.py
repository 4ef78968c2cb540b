"""HTML pages -> Items, driven by the source's CSS selectors (per-site knowledge is data, in sources.yaml).

Rules (Selectors, below): `item` selects each entry; `title`, `link`, `date`, `summary` apply inside it.
`link` is the element whose href is the entry's link (default: the first a[href]); when the selected element
has no href, its first a[href] is used. Links resolve against the page URL (result.url; a <base href> wins).
`title` defaults to the link's text. `date` reads a datetime attribute, else the text. A page where `item`
matches nothing is not an error (a board can be empty; bot.run.refresh logs it), but a body that is not HTML at all
is, and so is a script-generated page (scripts, next to no visible text): empty to a plain fetch, not empty.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin

from pydantic import Field

from bot.config.source_base import Source, SourceBase, StrictModel
from bot.errors import ExtractError
from bot.records import FetchResult, Item
from extractors.charset import decode
from extractors.dates import DateReader, date_reader
from extractors.entries import Entry, read_field, to_items
from extractors.text import clean_text, html_to_text

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

SCRIPT_PAGE_TEXT = 200  # visible characters below which a page with scripts counts as script-generated
_HIDDEN = frozenset({"script", "style", "noscript", "template"})


class Selectors(StrictModel):
    """CSS selectors for `html` sources; all but `item` apply inside each item element."""

    item: str = Field(description="selects each entry on the page")
    title: str | None = Field(None, description="the entry's title (default: the link's text)")
    link: str | None = Field(None, description="the element whose href is the entry's link (default: first a[href])")
    date: str | None = Field(None, description="the entry's date (datetime attribute or text)")
    summary: str | None = Field(None, description="the entry's summary text")


class HtmlSource(SourceBase):
    """An HTML page read with CSS selectors."""

    type: Literal["html"] = Field(description="html: a page read with CSS selectors")
    selectors: Selectors = Field(description="html only: CSS selectors")


CONFIG = HtmlSource  # its sources.yaml entry (extractors.Extractor)
ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
SAVED_TYPE = "text/html"


def extract(result: FetchResult, source: Source) -> list[Item]:
    """Items of an HTML page, found with the source's CSS selectors."""
    if source.selectors is None:
        raise ExtractError(f"extract: {source.name}: html source without selectors")
    if not result.body.strip():
        raise ExtractError(f"extract: {source.name}: empty body")
    text, _ = decode(result.body, result.content_type, "html", source.language)
    if "<" not in text or "\x00" in text[:1024]:
        raise ExtractError(f"extract: {source.name}: not an HTML page (no markup)")
    from bs4 import BeautifulSoup, Tag  # here, not at import: 50 ms a cycle of RSS sources never needs
    from soupsieve import SelectorSyntaxError
    from soupsieve import compile as compile_selector

    soup = BeautifulSoup(text, "lxml")
    base = result.url
    base_tag = soup.find("base", href=True)
    if isinstance(base_tag, Tag):
        base = urljoin(result.url, str(base_tag["href"]))
    sel = source.selectors
    now = datetime.now(UTC)
    try:  # every selector compiled first: a bad one is the source's error, not one field's (read_field)
        for selector in filter(None, (sel.item, sel.title, sel.link, sel.date, sel.summary)):
            compile_selector(selector)
        when = date_reader(source, now)
        entries = [_entry(el, sel, when) for el in soup.select(sel.item)]
    except SelectorSyntaxError as exc:
        raise ExtractError(f"extract: {source.name}: bad CSS selector ({exc})") from exc
    if not entries and _script_generated(soup):
        raise ExtractError(f"extract: {source.name}: no items and the page looks script-generated (empty without JS)")
    return to_items(entries, source, base)


def _script_generated(soup: BeautifulSoup) -> bool:
    """A page whose content a plain fetch cannot see: scripts, and next to no visible text without them."""
    if soup.find("script") is None:
        return False
    body = soup.body or soup
    text = " ".join(s for s in body.find_all(string=True) if s.parent is not None and s.parent.name not in _HIDDEN)
    return len(clean_text(text)) < SCRIPT_PAGE_TEXT


def _entry(el: Tag, sel: Selectors, when: DateReader) -> Entry:
    link_el = read_field("link", _link_element, el, sel.link, default=None)
    link = str(link_el.get("href") or "") if link_el is not None else ""
    title = read_field("title", _title, el, sel.title, link_el, default="")
    published = read_field("published", _date, el, sel.date, when, default=None)
    return Entry(
        title=title,
        link=link,
        guid="",
        published=published,
        text=read_field("text", _summary, el, sel.summary, default=""),
    )


def _title(el: Tag, selector: str | None, link_el: Tag | None) -> str:
    return _text(el.select_one(selector)) if selector else _text(link_el)


def _link_element(el: Tag, selector: str | None) -> Tag | None:
    found = el.select_one(selector) if selector else el
    if found is None:
        return None
    if found.get("href") is not None:
        return found
    return found.select_one("a[href]")


def _text(el: Tag | None) -> str:
    return clean_text(el.get_text(" ")) if el is not None else ""


def _summary(el: Tag, selector: str | None) -> str:
    found = el.select_one(selector) if selector else None
    return html_to_text(found.decode_contents()) if found is not None else ""


def _date(el: Tag, selector: str | None, when: DateReader) -> datetime | None:
    if not selector:
        return None
    found = el.select_one(selector)
    if found is None:
        return None
    for attr in ("datetime", "content", "title"):
        parsed = when(str(found.get(attr) or ""))
        if parsed is not None:
            return parsed
    return when(clean_text(found.get_text(" ")))


def selector_report(result: FetchResult, source: Source) -> tuple[int, int]:
    """(elements `item` matches, of them how many have a `date` element whose text does not parse): for
    `sources test`, which names these problems; call it after extract() succeeded on the same result."""
    sel = source.selectors
    text, _ = decode(result.body, result.content_type, "html")
    from bs4 import BeautifulSoup

    elements = BeautifulSoup(text, "lxml").select(sel.item)
    when, unparsed = date_reader(source, datetime.now(UTC)), 0
    for el in elements if sel.date else ():
        found = el.select_one(sel.date)
        written = found is not None and (found.get_text(strip=True) or found.get("datetime") or found.get("content"))
        unparsed += bool(written) and _date(el, sel.date, when) is None
    return len(elements), unparsed
