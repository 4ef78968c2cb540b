"""Archive query plans at scale (bench/archive.py times them): search and stats read narrow indexes, not items.

Checked with EXPLAIN QUERY PLAN, never timed; plus the item_tags copies (migration v5) staying exact.
"""

from datetime import UTC, datetime

import pytest

from bot.records import Item, TaggedItem, Tags
from bot.run.store import store, update_tags
from storage import open_archive
from storage.archive import MIGRATIONS, transaction
from storage.items import set_tags
from storage.search import Query, build_sql
from storage.stats import counts
from tests.old_archive import archive_at

NOW = "2026-11-26T12:00:00+00:00"


def item(item_id, published=datetime(2026, 11, 20, tzinfo=UTC), cyber=True, actors=("Kimsuky",)):
    return TaggedItem(
        Item(source="feed-a", id=item_id, url=f"https://a.example.org/{item_id}", title="Kimsuky phishing",
             published=published, text="spear phishing", language="en", guid=item_id),
        Tags(dprk_cyber=cyber, dprk_related=cyber, score=0.9, evidence=(), actors=actors, sectors=("government",)),
    )  # fmt: skip


def plan(db, sql, params) -> str:
    return "\n".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_text_search_checks_hits_against_tag_rowids(fresh_db, sort):
    steps = plan(fresh_db, *build_sql(Query(text="phishing", actors=("Kimsuky",), sectors=("government",), sort=sort)))
    assert "SCAN items_fts VIRTUAL TABLE INDEX 0:M" in steps  # one full-text query, not one per candidate rowid
    assert steps.count("USING COVERING INDEX item_tags_rowid (kind=? AND value=?)") == 2
    assert "SEARCH items USING INTEGER PRIMARY KEY (rowid=?)" in steps  # items rows: only for the hits
    assert "SCAN items" not in steps.replace("SCAN items_fts", "")


def test_relevance_page_reads_dates_of_the_top_ranks_only(fresh_db):
    sql, params = build_sql(Query(text="phishing", actors=("Kimsuky",), limit=50))
    assert "hits.rank <= (SELECT max(rank) FROM (SELECT rank FROM hits ORDER BY rank LIMIT ?))" in sql
    assert params == ["phishing", "actor", "Kimsuky", 50, 50]
    assert "max(rank)" not in build_sql(Query(text="phishing", limit=None))[0]  # an export: every hit


def test_stats_by_tag_reads_one_covering_index(fresh_db):
    store(fresh_db, "feed-a", [item("d1")], NOW)
    seen = []
    fresh_db.conn.set_trace_callback(seen.append)
    counts(fresh_db, "actor", "month", since="2026-01-01", until="2027-01-01")
    fresh_db.conn.set_trace_callback(None)
    sql = next(s for s in seen if s.startswith("SELECT"))
    steps = plan(fresh_db, sql.replace("'2026-01-01'", "?").replace("'2027-01-01'", "?"), ["2026-01-01", "2027-01-01"])
    assert steps.startswith("SEARCH k USING COVERING INDEX item_tags_date (kind=? AND dprk_cyber=? AND date>? AND")
    assert " items" not in steps and " i " not in steps


def tag_copies(db):
    return db.execute(
        "SELECT t.item_id, t.kind, t.item_rowid = i.rowid, t.date, t.dprk_cyber FROM item_tags t"
        " JOIN items i ON i.id = t.item_id ORDER BY t.item_id, t.kind"
    ).fetchall()


def test_tag_rows_copy_their_item_on_insert_retag_and_revision(fresh_db):
    store(fresh_db, "feed-a", [item("d1"), item("d2", published=None, cyber=False)], NOW)
    assert tag_copies(fresh_db) == [
        ("d1", "actor", 1, "2026-11-20T00:00:00+00:00", 1), ("d1", "sector", 1, "2026-11-20T00:00:00+00:00", 1),
        ("d2", "actor", 1, NOW, 0), ("d2", "sector", 1, NOW, 0),  # no published date: first_seen
    ]  # fmt: skip
    update_tags(fresh_db, [("d2", item("d2", cyber=True).tags)], NOW)  # retag: the verdict changes
    with transaction(fresh_db) as conn:  # a revision with a new date
        set_tags(conn, "d1", item("d1").tags, NOW, published="2026-11-24T08:00:00+00:00")
    with transaction(fresh_db) as conn:  # a date changed by hand: the tag rows follow
        conn.execute("UPDATE items SET published = '2026-10-01T00:00:00+00:00', dprk_cyber = 0 WHERE id = 'd2'")
    assert tag_copies(fresh_db) == [
        ("d1", "actor", 1, "2026-11-24T08:00:00+00:00", 1), ("d1", "sector", 1, "2026-11-24T08:00:00+00:00", 1),
        ("d2", "actor", 1, "2026-10-01T00:00:00+00:00", 0), ("d2", "sector", 1, "2026-10-01T00:00:00+00:00", 0),
    ]  # fmt: skip


def test_migration_fills_the_copies_of_an_existing_archive(tmp_path):
    path = tmp_path / "old.db"
    db = archive_at(path, 4)  # an archive written before v5
    db.execute(
        "INSERT INTO items (id, title, published, first_seen, source, dprk_cyber) VALUES"
        " ('d1', 't', '2026-11-20T09:00:00+00:00', ?, 'feed-a', 1), ('d2', 't', NULL, ?, 'feed-a', 0)",
        (NOW, NOW),
    )
    db.execute("INSERT INTO item_tags VALUES ('d1', 'actor', 'Kimsuky'), ('d2', 'actor', 'Konni')")
    db.conn.close()
    db = open_archive(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert tag_copies(db) == [("d1", "actor", 1, "2026-11-20T09:00:00+00:00", 1), ("d2", "actor", 1, NOW, 0)]
