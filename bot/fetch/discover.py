"""Feed discovery for `sources add`: is this URL a feed, and if it is a page, which feeds does it advertise?

Rules: a page advertises its feeds with <link rel="alternate" type="application/rss+xml | application/atom+xml
| application/feed+json" href="..."> (RSS Advisory Board autodiscovery; JSON Feed 1.1 "Discovery"); hrefs
resolve against the page URL (a <base href> wins); RSS and Atom come first, in page order, then JSON Feed.
A JSON Feed is read by the `json` extractor with JSON_FEED_FIELDS (the `rss` extractor reads XML only).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from bot.records import FetchResult
from extractors.charset import decode

FEED_TYPES = {"application/rss+xml": "rss", "application/atom+xml": "rss", "application/feed+json": "json"}
# JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): items[] with id, url, title, summary, date_published
JSON_FEED_FIELDS = {
    "items": "items",
    "id": "id",
    "title": "title",
    "link": "url",
    "date": "date_published",
    "summary": "summary",
}
_XML_ROOT = re.compile(r"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<![^>]*>)*<(?:[\w.-]+:)?(rss|feed|rdf)\b", re.S | re.I)


@dataclass(frozen=True)
class Feed:
    url: str
    type: str  # rss | json: the source type that reads it
    title: str = ""


def feed_kind(result: FetchResult) -> str | None:
    """'rss' or 'json' when the fetched document is itself a feed, else None (a page, or anything else)."""
    text, _ = decode(result.body, result.content_type, "xml")
    if _XML_ROOT.match(text[:4096]):
        return "rss"
    if text.lstrip().startswith("{"):
        try:
            doc = json.loads(text)
        except ValueError:
            return None
        if isinstance(doc, dict) and str(doc.get("version", "")).startswith("https://jsonfeed.org/version/"):
            return "json"
    return None


def alternates(result: FetchResult) -> list[Feed]:
    """The feeds a page advertises, RSS/Atom first, each once, hrefs made absolute."""
    text, _ = decode(result.body, result.content_type, "html")
    soup = BeautifulSoup(text, "lxml")
    base = result.url
    base_tag = soup.find("base", href=True)
    if isinstance(base_tag, Tag):
        base = urljoin(result.url, str(base_tag["href"]))
    feeds: dict[str, Feed] = {}
    for link in soup.find_all("link", href=True):
        rel = [r.lower() for r in (link.get("rel") or [])]
        kind = FEED_TYPES.get(str(link.get("type") or "").split(";")[0].strip().lower())
        url = urljoin(base, str(link["href"]).strip())
        if "alternate" in rel and kind and urlsplit(url).scheme in ("http", "https") and url not in feeds:
            feeds[url] = Feed(url, kind, str(link.get("title") or "").strip())
    return sorted(feeds.values(), key=lambda feed: feed.type != "rss")


def feed_title(result: FetchResult | None, kind: str) -> str:
    """The feed's own title (RSS/Atom channel title, JSON Feed `title`), '' when it has none."""
    if result is None:
        return ""
    if kind == "json":
        try:
            doc = json.loads(decode(result.body, result.content_type, "json")[0])
        except ValueError:
            return ""
        return str(doc.get("title") or "") if isinstance(doc, dict) else ""
    import feedparser  # parses bytes only: it never fetches

    return str(feedparser.parse(result.body).feed.get("title") or "")


def same_url(a: str, b: str) -> bool:
    """Do `a` and `b` name the same resource? (scheme and host case, a default port and a trailing / ignored)"""

    def key(url: str) -> tuple:
        parts = urlsplit(url.strip())
        try:
            port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
        except ValueError:
            port = None
        return parts.scheme.lower(), (parts.hostname or "").lower(), port, parts.path.rstrip("/"), parts.query

    return key(a) == key(b)


def name_for(url: str, taken: set[str], title: str = "") -> str:
    """A kebab-case source name, unique against `taken` (-2, -3 ...): from the feed's title (its first words),
    else from the URL's host (www. and the top-level domain dropped; an IP address says nothing: 'feed')."""
    base = "-".join(_slug(title).split("-")[:4])[:40].strip("-")
    if not base:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        is_ip = bool(re.fullmatch(r"[\d.]+|.*:.*", host))
        base = "feed" if is_ip else _slug(host.rsplit(".", 1)[0] if "." in host else host)
    base = base or "feed"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
