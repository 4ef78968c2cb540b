"""A bad field fails that field only (issue 13 item 6): dates at the edge of datetime's range, and any field an
extractor cannot read, leave the item (and the source's other items) intact with that field empty."""

from __future__ import annotations

import json

import pytest

from bot.config.sources import JsonFields, Selectors
from bot.records import FetchResult
from extractors import extract
from extractors.dates import parse_date, plausible
from tests.conftest import make_source

EDGES = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]
GOOD = "2024-05-13T09:00:00+00:00"


@pytest.mark.parametrize("raw", EDGES)
def test_dates_at_the_edge_of_the_range_are_none(raw):
    assert parse_date(raw) is None


def test_plausible_of_an_out_of_range_moment_is_none():
    from datetime import datetime, timedelta, timezone

    assert plausible(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14)))) is None
    assert plausible(datetime(9999, 12, 31, 23, 59, tzinfo=timezone(-timedelta(hours=14)))) is None


def by_title(items):
    return {i.title: i for i in items}


def test_rss_items_with_edge_dates_keep_everything_but_the_date():
    entries = "".join(
        f"<item><title>{title}</title><link>https://news.example.org/{n}</link><pubDate>{date}</pubDate>"
        f"<description>Body {n}.</description></item>"
        for n, (title, date) in enumerate([("early", EDGES[0]), ("late", EDGES[1]), ("fine", GOOD)])
    )
    body = f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{entries}</channel></rss>".encode()
    items = by_title(extract(FetchResult("https://news.example.org/feed", 200, body), make_source("edge", "rss")))
    assert set(items) == {"early", "late", "fine"}
    assert items["early"].published is None and items["late"].published is None
    assert items["fine"].published.isoformat() == GOOD and items["early"].text == "Body 0."


def test_atom_items_with_edge_dates_keep_everything_but_the_date():
    entries = "".join(
        f"<entry><title>{title}</title><id>urn:x:{n}</id><link href='https://news.example.org/{n}'/>"
        f"<updated>{date}</updated><summary>Body {n}.</summary></entry>"
        for n, (title, date) in enumerate([("early", EDGES[0]), ("late", EDGES[1]), ("fine", GOOD)])
    )
    body = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>{entries}</feed>".encode()
    items = by_title(extract(FetchResult("https://news.example.org/feed", 200, body), make_source("edge", "rss")))
    assert set(items) == {"early", "late", "fine"}
    assert items["early"].published is None and items["late"].published is None and items["fine"].published


def test_html_and_json_items_with_edge_dates_keep_everything_but_the_date():
    rows = "".join(
        f"<li><a href='/a/{n}'>{title}</a> <time datetime='{date}'>{date}</time></li>"
        for n, (title, date) in enumerate([("early", EDGES[0]), ("late", EDGES[1]), ("fine", GOOD)])
    )
    page = make_source("page", "html", selectors=Selectors(item="li", link="a", date="time"))
    html = f"<html><body><ul>{rows}</ul></body></html>".encode()
    items = by_title(extract(FetchResult("https://news.example.org/", 200, html, "text/html"), page))
    assert set(items) == {"early", "late", "fine"} and items["fine"].published
    assert items["early"].published is None and items["late"].published is None
    doc = {"list": [{"t": t, "d": d} for t, d in [("early", EDGES[0]), ("late", EDGES[1]), ("fine", GOOD)]]}
    feed = make_source("api", "json", fields=JsonFields(items="list", title="t", date="d"))
    items = by_title(extract(FetchResult("https://api.example.org/", 200, json.dumps(doc).encode()), feed))
    assert set(items) == {"early", "late", "fine"} and items["fine"].published
    assert items["early"].published is None and items["late"].published is None


@pytest.mark.parametrize(
    ("module", "reader", "field"),
    [
        ("extractors.rss", "_published", "published"),
        ("extractors.rss", "_link", "url"),
        ("extractors.html", "_date", "published"),
        ("extractors.html", "_summary", "text"),
        ("extractors.jsonmap", "_date", "published"),
    ],
)
def test_any_exception_reading_one_field_drops_that_field_only(monkeypatch, module, reader, field):
    """The item-building boundary: whatever a field's reader raises (a parser bug, an overflow nobody foresaw),
    the entry is kept with that field empty."""

    def broken(*args, **kwargs):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(f"{module}.{reader}", broken)
    kind = module.rsplit(".", 1)[1].replace("jsonmap", "json")
    source, result = DOCUMENTS[kind]()
    (item,) = extract(result, source)
    assert item.title == "One" and not getattr(item, field)
    others = {"published", "url", "text"} - {field}
    assert all(getattr(item, name) for name in others), item


def _rss():
    body = (
        "<rss version='2.0'><channel><title>t</title><item><title>One</title><link>https://news.example.org/1</link>"
        f"<pubDate>{GOOD}</pubDate><description>Body.</description></item></channel></rss>"
    ).encode()
    return make_source("feed", "rss"), FetchResult("https://news.example.org/feed", 200, body)


def _html():
    html = f"<ul><li><a href='/1'>One</a><time datetime='{GOOD}'></time><p>Body.</p></li></ul>".encode()
    page = make_source("page", "html", selectors=Selectors(item="li", link="a", date="time", summary="p"))
    return page, FetchResult("https://news.example.org/", 200, html, "text/html")


def _json():
    doc = json.dumps({"list": [{"t": "One", "u": "https://news.example.org/1", "d": GOOD, "s": "Body."}]}).encode()
    fields = JsonFields(items="list", title="t", link="u", date="d", summary="s")
    return make_source("api", "json", fields=fields), FetchResult("https://api.example.org/", 200, doc)


DOCUMENTS = {"rss": _rss, "html": _html, "json": _json}


def test_a_bad_field_selector_is_still_the_sources_error():
    from bot.errors import ExtractError

    page = make_source("page", "html", selectors=Selectors(item="li", link="a", date="time[[["))
    result = FetchResult("https://news.example.org/", 200, b"<ul><li><a href='/1'>One</a></li></ul>", "text/html")
    with pytest.raises(ExtractError, match="bad CSS selector"):
        extract(result, page)
