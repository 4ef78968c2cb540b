"""The web UI as analysts read it: the items table's default columns, the item page (title, story, tags, evidence
in its sentences), each facet once, no empty `_memory` database, and visitors' errors that stay off the console.

In-process (Datasette's client) except the console test, which runs `advisory-bot serve` on loopback.
tests/test_serve_browser.py drives the same pages in Chromium.
"""

import asyncio
import json
import urllib.error
import urllib.request
from datetime import UTC, datetime

import pytest

from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.store import store
from bot.web.app import build as build_datasette
from bot.web.plugins.facet_params import configured, without_repeats
from bot.web.plugins.item_links import evidence
from storage import open_archive
from tests.analyst_archive import build
from tests.conftest import serving

HOSTILE_TITLE = 'Lazarus <script>alert("x")</script> & "friends"'
HOSTILE_TEXT = "Researchers tied Lazarus Group to the theft of funds. <img src=x onerror=alert(1)> More text."


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    path = tmp_path_factory.mktemp("archive") / "advisories.db"
    build(path)
    full = HOSTILE_TITLE + "\n" + HOSTILE_TEXT
    start = full.index("Lazarus Group")
    tags = Tags(dprk_cyber=True, dprk_related=True, score=0.93, actors=("Lazarus Group",),
                evidence=(Evidence("actor", "Lazarus Group", "Lazarus Group", start, start + 13),))  # fmt: skip
    item = Item("hostile-feed", "h1" + "0" * 22, "javascript:alert(1)", HOSTILE_TITLE,
                datetime(2026, 11, 25, 9, tzinfo=UTC), HOSTILE_TEXT)  # fmt: skip
    store(open_archive(path), "hostile-feed", [TaggedItem(item, tags)], "2026-11-25T10:00:00+00:00")
    return build_datasette(path)


def get(ds, path: str, status: int = 200):
    async def fetch():
        response = await ds.client.get(path)
        assert response.status_code == status, (path, response.text[:500])
        return response

    return asyncio.run(fetch())


def test_home_lists_only_the_archive(ds):
    html = get(ds, "/").text
    assert "_memory" not in html and "advisories" in html
    assert [d["name"] for d in get(ds, "/-/databases.json").json()] == ["advisories"]


def test_items_table_default_columns(ds):
    html = get(ds, "/advisories/items").text
    assert 'class="rows-and-columns items-analyst"' in html
    for hidden in ("col-evidence", "col-text", "col-guid", "col-id", "col-url"):
        assert hidden not in html, hidden
    for shown in ("col-published", "col-title", "col-source", "col-actors", "col-sectors", "col-score"):
        assert f'<td class="{shown}' in html, shown
    # the title is the row's link to the item page; the date is a date
    assert '<a class="item-title" href="/advisories/items/t1cccccccccccccccccccccc">FBI attributes' in html
    assert '<span title="2026-11-22T09:00:00+00:00">2026-11-22</span>' in html


def test_picking_columns_in_the_url_shows_them(ds):
    html = get(ds, "/advisories/items?_col=text&_col=evidence").text
    assert "items-analyst" not in html
    assert "col-text" in html and "1 span(s): see the item&#39;s page" in html


def test_item_page_heading_story_and_tags(ds):
    html = get(ds, "/advisories/items/t1cccccccccccccccccccccc").text
    assert "built-in method" not in html
    assert (
        '<h1 class="item-heading"' in html and ">FBI attributes $308 million crypto theft to TraderTraitor</h1>" in html
    )
    assert '<a class="item-story" href="/advisories/stories/2">TraderTraitor exchange theft</a>' in html
    assert '<a class="item-story-members" href="/advisories/items?story_id=2">2 items</a>' in html
    assert '<a href="/advisories/items?actors__arraycontains=TraderTraitor">TraderTraitor</a>' in html
    assert "bc1qexamplewallet0000000000000000000000" in html
    assert "advisory-bot show t1cccccccccccccccccccccc" in html


def test_item_page_escapes_feed_text_and_drops_bad_links(ds):
    html = get(ds, "/advisories/items/h10000000000000000000000").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "Lazarus &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;friends&#34;" in html
    assert 'href="javascript:' not in html and "item-url" not in html
    assert "<mark>Lazarus Group</mark>" in html


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # offsets that point at the text: the sentence around it
        ([{"label": "actor", "value": "APT38", "text": "BlueNoroff", "start": 24, "end": 34}],
         [("actor", "APT38", ["BlueNoroff"], [("Funds stolen.\\nAnalysts: ", "BlueNoroff", " ran it.")])]),
        # stale offsets (the text was revised): found where the written text now is
        ([{"label": "actor", "value": "APT38", "text": "BlueNoroff", "start": 0, "end": 10}],
         [("actor", "APT38", ["BlueNoroff"], [("Funds stolen.\\nAnalysts: ", "BlueNoroff", " ran it.")])]),
        # a span whose text is nowhere: listed, without a sentence
        ([{"label": "malware", "value": "Maui", "text": "Maui", "start": 90, "end": 94}],
         [("malware", "Maui", ["Maui"], [])]),
        # two spans of one value: one row, both written forms
        ([{"label": "actor", "value": "APT38", "text": "BlueNoroff", "start": 24, "end": 34},
          {"label": "actor", "value": "APT38", "text": "Funds", "start": 0, "end": 5}],
         [("actor", "APT38", ["BlueNoroff", "Funds"],
           [("Funds stolen.\\nAnalysts: ", "BlueNoroff", " ran it."), ("", "Funds", " stolen. Analysts: BlueNoroff ran it.")])]),
    ],
)  # fmt: skip
def test_evidence_in_its_sentences(spans, expected):
    groups = evidence(json.dumps(spans), "Funds stolen.", "Analysts: BlueNoroff ran it.")
    got = [
        (g["label"], g["value"], g["written"], [(c["before"], c["match"], c["after"]) for c in g["contexts"]])
        for g in groups
    ]
    expected = [(lab, val, w, [(b.replace("\\n", " "), m, a) for b, m, a in ctx]) for lab, val, w, ctx in expected]
    assert got == expected


@pytest.mark.parametrize("raw", ["{not json", '{"a": 1}'])
def test_unreadable_evidence_is_said_not_raised(raw):
    assert evidence(raw, "t", "x") is None


def test_each_configured_facet_once(ds):
    facets = get(ds, "/advisories/items.json?_facet_array=actors&_facet=source&_facet_month=published").json()
    assert sorted(facets["facet_results"]) == ["actors", "dprk_cyber", "language", "published", "sectors", "source"]
    # a facet that is not configured still works
    assert "url" in get(ds, "/advisories/items.json?_facet=url").json()["facet_results"]


def test_facet_params_rules():
    facets = configured(["source", {"array": "actors"}, {"month": "published"}])
    assert facets == {("column", "source"), ("array", "actors"), ("month", "published")}
    query = "_facet_array=actors&_facet=url&_facet_size=max&q=%EA%B9%80&_facet=source"
    assert without_repeats(query, facets) == "_facet=url&_facet_size=max&q=%EA%B9%80"
    assert without_repeats("_facet=url", facets) == "_facet=url"


def test_visitor_errors_stay_off_the_console(tmp_path):
    path = tmp_path / "advisories.db"
    build(path)
    with serving(path) as (proc, base):
        for path_, status in [("/nope", 404), ("/advisories/items/nope.json", 404), ("/advisories?sql=selec+1", 400)]:
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(base + path_, timeout=10)
            assert err.value.code == status, path_
        with urllib.request.urlopen(base + "/advisories/items.json", timeout=10) as ok:
            assert ok.status == 200
    out, errors = proc.communicate(timeout=10)
    assert "Traceback" not in out + errors and "locals" not in out + errors, (out + errors)[:2000]
