"""The archive: one row per story URL/id across sources, atomic stores, the outbox, search."""

from datetime import UTC, datetime

import pytest

from bot.delivery.route import Target
from bot.errors import AdvisoryBotError
from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.store import store
from storage import open_archive
from storage import outbox as ob
from storage.archive import MIGRATIONS
from storage.items import load_tagged, sources_of
from storage.search import Query, search
from storage.sources import get_state, record_failure, success_row

NOW = "2026-11-26T12:00:00+00:00"


def tagged(item_id, url="", title="A title", text="Some text", source="feed-a", **tags):
    item = Item(
        source=source,
        id=item_id,
        url=url,
        title=title,
        published=datetime(2026, 11, 20, tzinfo=UTC),
        text=text,
        guid=item_id,
    )
    return TaggedItem(item, Tags(**tags))


def dprk(item_id, **kw):
    return tagged(
        item_id,
        dprk_cyber=True,
        dprk_related=True,
        score=0.9,
        actors=("Kimsuky",),
        sectors=("think-tanks-academia",),
        evidence=(Evidence("actor", "Kimsuky", "Kimsuky", 0, 7),),
        **kw,
    )


def test_schema_is_migrated_once_and_in_wal_mode(tmp_path):
    db = open_archive(tmp_path / "a.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    again = open_archive(tmp_path / "a.db")
    assert {"items", "item_sources", "item_tags", "sources", "outbox", "items_fts"} <= set(again.table_names())


def test_same_id_or_same_url_is_stored_once_and_credits_each_source(fresh_db):
    first = store(fresh_db, "feed-a", [dprk("id-1", url="https://news.example.org/story")], NOW)
    assert len(first.new) == 1
    # another source, another id, same normalised URL
    again = store(fresh_db, "feed-b", [tagged("id-2", url="https://news.example.org/story", source="feed-b")], NOW)
    assert (len(again.new), again.seen_again) == (0, 1)
    assert fresh_db.execute("SELECT count(*) FROM items").fetchone()[0] == 1
    assert sources_of(fresh_db, "id-1") == ["feed-a", "feed-b"]


def test_duplicates_inside_one_batch(fresh_db):
    result = store(fresh_db, "feed-a", [tagged("x"), tagged("x"), tagged("y")], NOW)
    assert [t.item.id for t in result.new] == ["x", "y"]


def test_alerts_only_for_new_items_the_routes_select(fresh_db):
    def routes(tagged):
        return [Target("console", "console", "default")] if tagged.tags.dprk_cyber else []

    result = store(fresh_db, "feed-a", [dprk("d1"), tagged("n1")], NOW, routes=routes)
    assert result.alerts == 1
    again = store(fresh_db, "feed-b", [dprk("d1")], NOW, routes=routes)
    assert again.alerts == 1  # not a second alert: a follow-up naming the new source, in the alert's thread
    rows = fresh_db.execute("SELECT kind, item_id, subject, parent_id FROM outbox ORDER BY id").fetchall()
    assert rows == [("alert", "d1", "", None), ("followup", "d1", "feed-b", 1)]
    assert store(fresh_db, "feed-b", [dprk("d1")], NOW, routes=routes).alerts == 0  # same source again: nothing
    due = ob.due(fresh_db, NOW)
    assert [(r["kind"], r["item_id"]) for r in due] == [("alert", "d1")]  # the follow-up waits for its parent
    ob.mark_sent(fresh_db, [due[0]["id"]], "1700000000.000100", NOW)
    (followup,) = ob.due(fresh_db, NOW)
    assert (followup["kind"], followup["parent_ts"]) == ("followup", "1700000000.000100")


def test_store_is_all_or_nothing(fresh_db):
    def exploding_routes(tagged):
        raise RuntimeError("boom")

    row = success_row(
        get_state(fresh_db, "feed-a"), "https://x.example.org", NOW, etag='"v2"', last_modified=None, items=1
    )
    with pytest.raises(RuntimeError):
        store(fresh_db, "feed-a", [dprk("d1")], NOW, routes=exploding_routes, source_update=row)
    assert fresh_db.execute("SELECT count(*) FROM items").fetchone()[0] == 0
    assert get_state(fresh_db, "feed-a").etag is None  # validators not saved without the items


def test_tags_round_trip_and_item_tags_rows(fresh_db):
    store(fresh_db, "feed-a", [dprk("d1", url="https://a.example.org/1")], NOW)
    back = load_tagged(fresh_db, "d1")
    assert back.tags.actors == ("Kimsuky",)
    assert back.tags.evidence[0].value == "Kimsuky"
    assert back.item.published == datetime(2026, 11, 20, tzinfo=UTC)
    kinds = fresh_db.execute("SELECT kind, value FROM item_tags WHERE item_id = 'd1' ORDER BY kind").fetchall()
    assert kinds == [("actor", "Kimsuky"), ("sector", "think-tanks-academia")]


def test_outbox_lifecycle(fresh_db):
    store(fresh_db, "feed-a", [dprk("d1")], NOW, routes=lambda t: [Target("slack", "C1", "default")])
    (row,) = ob.due(fresh_db, NOW)
    ob.mark_sending(fresh_db, [row["id"]], "a1", NOW, kind="alert")
    ob.mark_retry(fresh_db, [row["id"]], "500", NOW, "2026-11-26T12:05:00+00:00")
    assert ob.due(fresh_db, NOW) == []  # backing off
    (row,) = ob.due(fresh_db, "2026-11-26T12:05:00+00:00")
    assert (row["status"], row["attempts"], row["last_error"]) == ("pending", 1, "500")
    assert row["batch_key"] == "a1"
    ob.mark_sent(fresh_db, [row["id"]], "1700000000.000100", NOW)
    assert ob.counts(fresh_db) == {"sent": 1}


def test_source_failures_count_up_and_success_resets(fresh_db):
    assert record_failure(fresh_db, "feed-a", "https://x.example.org", NOW, "fetch: 503", "rate_limited", NOW) == 1
    assert record_failure(fresh_db, "feed-a", "https://x.example.org", NOW, "fetch: 503", "rate_limited", NOW) == 2
    state = get_state(fresh_db, "feed-a")
    assert (state.error_count, state.backlog_done) == (2, False)
    row = success_row(state, "https://x.example.org", NOW, etag='"e"', last_modified=None, items=3)
    store(fresh_db, "feed-a", [], NOW, source_update=row)
    state = get_state(fresh_db, "feed-a")
    assert (state.error_count, state.etag, state.backlog_done, state.last_error) == (0, '"e"', True, None)


def test_search_full_text_and_filters(fresh_db):
    store(
        fresh_db,
        "feed-a",
        [
            dprk("d1", url="https://a.example.org/1", title="Kimsuky phishing of researchers", text="spear phishing"),
            tagged("n1", url="https://a.example.org/2", title="Patch Tuesday", text="phishing fixes"),
        ],
        NOW,
    )
    store(fresh_db, "feed-b", [tagged("n2", url="https://b.example.org/3", title="Router flaw", source="feed-b")], NOW)
    assert [r["id"] for r in search(fresh_db, Query(text="phishing", actors=("Kimsuky",)))] == ["d1"]
    assert {r["id"] for r in search(fresh_db, Query(text="phish*"))} == {"d1", "n1"}
    assert [r["id"] for r in search(fresh_db, Query(sources=("feed-b",)))] == ["n2"]
    assert [r["id"] for r in search(fresh_db, Query(sectors=("think-tanks-academia",)))] == ["d1"]
    assert search(fresh_db, Query(since="2026-12-01")) == []
    assert search(fresh_db, Query(text='"spear phishing"'))[0]["sources"] == ["feed-a"]
    with pytest.raises(AdvisoryBotError, match="invalid full-text query"):
        search(fresh_db, Query(text='"unbalanced'))


def test_migration_6_signs_long_items_again_over_their_first_thousand_words(tmp_path):
    from datasketch import MinHash

    from storage.archive import _v6
    from storage.signatures import band_hashes, signature

    db = open_archive(tmp_path / "a.db")
    long_text = " ".join(f"word{n} of a long advisory" for n in range(600))  # 3,000 words
    short_text = "A short news item about a phishing wave that stays signed as it was before."
    items = [
        tagged("long", title="Long advisory", text=long_text),
        tagged("short", title="Short item", text=short_text),
    ]
    store(db, "src", items, "2026-01-01T00:00:00+00:00")
    # as versions before 6 signed it: the whole text
    words = f"Long advisory\n{long_text}".lower().split()
    old = MinHash(num_perm=64, scheme="affine32")
    old.update_batch({" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)})
    old_sig = old.hashvalues.astype("<u4").tobytes()
    db.execute("UPDATE item_signatures SET minhash = ? WHERE item_id = 'long'", (old_sig,))
    db.execute("DELETE FROM item_bands WHERE item_id = 'long'")
    db.conn.executemany("INSERT INTO item_bands VALUES (?, ?, 'long')", band_hashes(old_sig))
    short_before = db.execute("SELECT minhash FROM item_signatures WHERE item_id = 'short'").fetchone()[0]

    _v6(db)

    new = signature(f"Long advisory\n{long_text}")
    assert new != old_sig
    assert db.execute("SELECT minhash FROM item_signatures WHERE item_id = 'long'").fetchone()[0] == new
    bands = db.execute("SELECT band, hash FROM item_bands WHERE item_id = 'long' ORDER BY band").fetchall()
    assert bands == band_hashes(new)
    assert db.execute("SELECT minhash FROM item_signatures WHERE item_id = 'short'").fetchone()[0] == short_before
