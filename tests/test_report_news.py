"""`report --week` reports the week's news: items published this week (or first reported, when undated), never the
backlog a new source brings on its first contact, and stories that began this week.
"""

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.store import store
from storage import open_archive
from storage.archive import transaction
from storage.sources import get_state, success_row
from storage.stats import week_items

WEEK_END = "2026-11-25"  # the week is 2026-11-18 .. 2026-11-24


def tagged(item_id, source, published, title, actor):
    when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    item = Item(source, item_id, f"https://{source}.example.org/{item_id}", title, when, f"{actor} did it.")
    tags = Tags(dprk_cyber=True, dprk_related=True, score=0.9, actors=(actor,),
                evidence=(Evidence("actor", actor, actor, len(title) + 1, len(title) + 1 + len(actor)),))  # fmt: skip
    return TaggedItem(item, tags)


def read(db, source, items, now):
    """One successful read of `source` at `now`: its first one stores a backlog, as the pipeline does."""
    row = success_row(get_state(db, source), f"https://{source}.example.org/feed", now, etag=None,
                      last_modified=None, items=len(items))  # fmt: skip
    store(db, source, items, now, source_update=row)


@pytest.fixture(scope="module")
def news_archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("news") / "advisories.db"
    db = open_archive(path)
    # an established source: first read in January; an October advisory, then this week's news
    read(db, "cisa", [tagged("old-advisory", "cisa", "2026-10-01T09:00:00", "October advisory on Andariel", "Andariel")],
         "2026-01-05T09:00:00+00:00")  # fmt: skip
    read(db, "cisa", [tagged("old-advisory", "cisa", "2026-10-01T09:00:00", "October advisory on Andariel", "Andariel")],
         "2026-10-01T10:00:00+00:00")  # fmt: skip
    read(db, "cisa", [
        tagged("fresh", "cisa", "2026-11-20T09:00:00", "Kimsuky phishing advisory", "Kimsuky"),
        tagged("undated-fresh", "cisa", None, "Undated notice about Lazarus Group", "Lazarus Group"),
        tagged("follow-up", "cisa", "2026-11-21T09:00:00", "Andariel advisory updated with new indicators", "Andariel"),
    ], "2026-11-21T10:00:00+00:00")  # fmt: skip
    # a source added this week: its first read brings years of backlog, and one article of this week
    read(db, "new-vendor", [
        tagged("backlog-2017", "new-vendor", "2017-06-01T09:00:00", "WannaCry linked to Lazarus Group", "Lazarus Group"),
        tagged("backlog-2019", "new-vendor", "2019-03-01T09:00:00", "APT38 bank heists explained", "APT38"),
        tagged("backlog-undated", "new-vendor", None, "About us: our Kimsuky research", "Kimsuky"),
        tagged("vendor-fresh", "new-vendor", "2026-11-22T09:00:00", "TraderTraitor steals from an exchange",
               "TraderTraitor"),
    ], "2026-11-22T10:00:00+00:00")  # fmt: skip
    with transaction(db) as conn:  # known stories, whatever the clustering decided: the follow-up joins October's
        conn.execute("UPDATE items SET story_id = NULL")
        conn.execute("DELETE FROM story_members")
        conn.execute("DELETE FROM stories")
        for n, (item_id, title) in enumerate(
            [("old-advisory", "Andariel campaign"), ("fresh", "Kimsuky phishing"), ("undated-fresh", "Lazarus notice"),
             ("backlog-2017", "WannaCry"), ("backlog-2019", "APT38 heists"), ("backlog-undated", "About us"),
             ("vendor-fresh", "Exchange theft")], start=1):  # fmt: skip
            conn.execute(
                "INSERT INTO stories (id, title, first_item_id, first_seen, last_seen, items_count, sources_count,"
                " actors) VALUES (?, ?, ?, '2026-11-22T10:00:00+00:00', '2026-11-22T10:00:00+00:00', 1, 1, '[]')",
                (n, title, item_id),
            )
            conn.execute("UPDATE items SET story_id = ? WHERE id = ?", (n, item_id))
        conn.execute("UPDATE items SET story_id = 1 WHERE id = 'follow-up'")
    return path


def report(news_archive, *args):
    result = CliRunner().invoke(cli, ["report", "--week", "--end", WEEK_END, *args, "--db", str(news_archive)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_week_items_are_the_weeks_news(news_archive):
    found = {i["id"] for i in week_items(open_archive(news_archive), "2026-11-18", WEEK_END)}
    assert found == {"fresh", "undated-fresh", "follow-up", "vendor-fresh"}


def test_backlog_is_not_news(news_archive):
    out = report(news_archive)
    assert "3 new story(ies)" in out  # Kimsuky phishing, Lazarus notice, Exchange theft
    for backlog in ("WannaCry", "APT38", "About us", "2017", "2019"):
        assert backlog not in out, backlog
    stories = out.split("stories:\n")[1].split("\n\n")[0]
    assert "Andariel campaign" not in stories  # began in October: its new report is a top item, not a new story
    top = out.split("top items:\n")[1]
    assert "2026-11-21  Andariel advisory updated with new indicators" in top
    assert "2026-11-22  TraderTraitor steals from an exchange" in top
    assert "new stories by actor:  Kimsuky 1, Lazarus Group 1, TraderTraitor 1" in out


def test_html_report_dates_items_by_publication(news_archive, tmp_path):
    page = tmp_path / "week.html"
    report(news_archive, "--out", str(page))
    html = page.read_text()
    assert "WannaCry" not in html and "3 new stories this week." in html
    assert "2026-11-20, cisa" in html
