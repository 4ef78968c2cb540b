"""`advisory-bot serve`: Datasette over the archive, read-only, with our metadata, facets and canned queries.

These tests use Datasette's in-process client; tests/test_serve_browser.py drives the real server in Chromium.
"""

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from bot.web.app import build as build_datasette
from tests.analyst_archive import build


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    path = tmp_path_factory.mktemp("archive") / "advisories.db"
    now = datetime.now(UTC)
    build(path, story_last_seen={1: (now - timedelta(days=30)).isoformat(), 2: now.isoformat(timespec="seconds")})
    return build_datasette(path)


def get(ds, path: str) -> dict:
    async def fetch():
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response

    return asyncio.run(fetch())


def rows(ds, path: str) -> list[dict]:
    return get(ds, path + ("&" if "?" in path else "?") + "_shape=array").json()


def test_visitors_cannot_write(ds):
    database = ds.databases["advisories"]

    async def write():
        await database.execute_write("DELETE FROM items")

    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(write())
    assert rows(ds, "/advisories/items.json?_size=100").__len__() == 9


def test_index_has_titles_and_descriptions(ds):
    html = get(ds, "/").text
    assert "advisory-bot archive" in html and "latest DPRK alerts" in html
    table = get(ds, "/advisories/items").text
    assert "One row per advisory or article" in table


def test_full_text_search_uses_fts5_syntax(ds):
    found = rows(ds, '/advisories/items.json?_search="crypto theft" OR Maui')
    assert {r["id"][:2] for r in found} == {"t1", "a1"}


def test_facets_on_actor_sector_source_language_and_month(ds):
    data = get(ds, "/advisories/items.json?_search=ransomware").json()
    facets = data["facet_results"]
    assert {"actors", "sectors", "source", "language", "published"} <= set(facets)
    assert facets["published"]["type"] == "month"
    assert [(v["value"], v["count"]) for v in facets["published"]["results"]] == [("2026-11", 1), ("2026-07", 1)]
    by_month = rows(ds, "/advisories/items.json?published__startswith=2026-11&actors__arraycontains=Kimsuky")
    assert [r["id"][:2] for r in by_month] == ["k2", "k1"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/advisories/by_actor.json?actor=Emerald Sleet", ["k2", "k1"]),  # an alias
        ("/advisories/by_sector.json?sector=cryptocurrency", ["t2", "t1"]),
        ("/advisories/latest_dprk_alerts.json", ["t2", "t1", "k2", "k1", "l1", "f1", "a1"]),
    ],
)
def test_item_queries(ds, path, expected):
    assert [r["id"][:2] for r in rows(ds, path)] == expected


def test_latest_alerts_show_delivery(ds):
    k1 = next(r for r in rows(ds, "/advisories/latest_dprk_alerts.json") if r["id"].startswith("k1"))
    assert k1["alerts"] == "slack sent"  # channel ids are the operators': NULL in the web UI


def test_stories_this_week_and_source_health(ds):
    stories = rows(ds, "/advisories/stories_this_week.json")
    assert [s["title"] for s in stories] == ["TraderTraitor exchange theft"]  # story 1: a month ago
    health = rows(ds, "/advisories/source_health.json")
    assert [(h["name"], h["error_count"]) for h in health] == [("krcert-notices", 1), ("cisa-advisories", 0)]


def test_mentions_by_month_for_charts(ds):
    found = rows(ds, "/advisories/mentions_by_month.json")
    assert {"month": "2026-11", "actor": "Kimsuky", "items": 2} in found


def test_atom_feed_canned_query(ds):
    feed = get(ds, "/advisories/dprk_feed.atom?actor=APT43&sector=").text
    assert feed.count("<entry>") == 2 and "urn:advisory-bot:item:k1aaaaaaaaaaaaaaaaaaaaaa" in feed
    everything = get(ds, "/advisories/dprk_feed.atom?actor=&sector=").text
    assert everything.count("<entry>") == 7 and "hospital chain" not in everything  # DPRK items only


def test_item_links_to_its_url_and_story(ds):
    html = get(ds, "/advisories/items/t1cccccccccccccccccccccc").text
    assert 'href="https://fbi.example.gov/news/tradertraitor-theft"' in html
    assert '<a class="item-story" href="/advisories/stories/2">TraderTraitor exchange theft</a>' in html
    assert '<dd class="item-sources">fbi-news</dd>' in html
    assert 'class="item-url" href="https://fbi.example.gov/news/tradertraitor-theft"' in html


def test_plugins_are_the_pinned_ones(ds):
    names = {p["name"] for p in get(ds, "/-/plugins.json").json()}
    assert {"datasette-atom", "datasette-vega", "advisory_sql.py", "month_facet.py"} <= names
