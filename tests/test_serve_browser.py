"""The web UI for real: `advisory-bot serve` on loopback, driven by headless Chromium (Debian's package).

Search for an actor, apply a facet, open an item. Every request the browser makes must go to the server
under test: anything else is aborted and fails the test.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.analyst_archive import build
from tests.conftest import serving

CHROMIUM = os.environ.get("ADVISORY_BOT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def server(tmp_path):
    path = tmp_path / "advisories.db"
    build(path)
    with serving(path) as (_proc, url):
        yield url


@pytest.fixture
def page(tmp_path, server):
    assert Path(CHROMIUM).exists() or shutil.which(CHROMIUM), (
        f"chromium is not installed at {CHROMIUM}: apt-get install -y chromium (.ci/run does)"
    )
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=ARGS
        )
        page = browser.new_page()
        host = urlsplit(server).netloc

        def only_loopback(route):
            if urlsplit(route.request.url).netloc == host:
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_loopback)
        page.set_default_timeout(15_000)
        yield page
        browser.close()
    assert outside == [], f"the page tried to reach other hosts: {outside}"


def test_search_facet_and_open_an_item(server, page):
    page.goto(f"{server}/advisories/items")
    assert "One row per advisory or article" in page.content()

    # search for an actor with the table's search box
    page.fill("input[name=_search]", "Kimsuky")
    page.click("form.filters input[type=submit]")
    page.wait_for_url("**_search=Kimsuky**")
    assert page.locator("table.rows-and-columns tbody tr").count() == 1  # the Korean item says 김수키

    # clear the search, apply the actor facet instead: both Kimsuky items, English and Korean
    page.goto(f"{server}/advisories/items")
    page.locator(".facet-info[data-column=actors] a", has_text="Kimsuky").first.click()
    page.wait_for_url("**actors__arraycontains=Kimsuky**")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 2
    assert "김수키 그룹" in rows.nth(0).inner_text() and "spear-phishing" in rows.nth(1).inner_text()

    # then the month facet narrows further
    page.locator(".facet-info[data-column=published] a", has_text="2026-11").first.click()
    page.wait_for_url("**published__startswith=2026-11**")
    assert page.locator("table.rows-and-columns tbody tr").count() == 2

    # open an item by its title: its page links to the original and to its story
    page.locator("table.rows-and-columns tbody tr td.col-title a", has_text="Kimsuky spear-phishing").click()
    page.wait_for_url("**/advisories/items/k1aaaaaaaaaaaaaaaaaaaaaa")
    assert page.locator("a.item-url").get_attribute("href") == "https://advisories.example.org/aa26-324a"
    page.locator("a.item-story").click()
    page.wait_for_url("**/advisories/stories/1")
    assert "Kimsuky phishing of researchers and diplomats" in page.content()


def test_canned_query_by_actor_alias(server, page):
    page.goto(f"{server}/advisories/by_actor?actor=Jade+Sleet")
    text = page.locator("table.rows-and-columns").inner_text()
    assert "FBI attributes $308 million crypto theft to TraderTraitor" in text
    assert "Exchange hack" in text and "Kimsuky" not in text


def test_items_table_is_an_analysts_view(server, page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{server}/advisories/items")
    headers = page.locator("table.rows-and-columns thead th").all_inner_texts()
    assert [h.strip(" ▼▲\xa0") for h in headers] == ["date", "title", "source", "actors", "sectors", "score"]
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 9
    # one line per row, and the whole table (actors and sectors included) fits the window's width
    assert max(rows.nth(i).bounding_box()["height"] for i in range(9)) < 60
    table = page.locator("table.rows-and-columns").bounding_box()
    assert table["x"] + table["width"] <= 1366
    t2 = rows.filter(has_text="Exchange hack")
    assert t2.locator("td.col-actors").inner_text() == "APT38, TraderTraitor"
    assert t2.locator("td.col-published").inner_text() == "2026-11-23"
    assert "[]" not in page.locator("table.rows-and-columns").inner_text()
    # an actor in a row is a filter link, like the facet
    t2.locator("td.col-actors a", has_text="APT38").click()
    page.wait_for_url("**actors__arraycontains=APT38**")
    assert page.locator("table.rows-and-columns tbody tr").count() == 1


def test_each_facet_shows_once(server, page):
    # the column menu's "Facet by this" adds ?_facet_array=actors: the configured facet must not appear twice
    page.goto(f"{server}/advisories/items?_facet_array=actors&_facet=source&_facet=url")
    names = [n.split("(")[0].split()[0] for n in page.locator(".facet-info-name strong").all_inner_texts()]
    assert sorted(names) == ["actors", "dprk_cyber", "language", "published", "sectors", "source", "url"]


def test_item_page_reads_as_an_article(server, page):
    page.goto(f"{server}/advisories/items")
    page.locator("td.col-title a", has_text="FBI attributes $308 million").click()
    page.wait_for_url("**/advisories/items/t1cccccccccccccccccccccc")
    assert page.locator("h1").inner_text() == "FBI attributes $308 million crypto theft to TraderTraitor"
    assert page.title() == "FBI attributes $308 million crypto theft to TraderTraitor"
    facts = page.locator("dl.item-facts").inner_text()
    assert "built-in method" not in page.content()
    assert "TraderTraitor exchange theft (2 items)" in facts
    assert "bc1qexamplewallet0000000000000000000000" in facts
    assert "advisory-bot show t1cccccccccccccccccccccc" in facts
    # evidence is a readable table with the match marked in its sentence; the raw JSON is folded away
    evidence = page.locator("table.evidence")
    assert evidence.locator("mark").first.inner_text() == "TraderTraitor"
    assert '"start"' not in page.locator("main, .content, body").first.inner_text()
    assert page.locator("details.all-columns").get_attribute("open") is None
    page.locator("a.item-story-members").click()
    page.wait_for_url("**story_id=2**")
    assert page.locator("table.rows-and-columns tbody tr").count() == 2
