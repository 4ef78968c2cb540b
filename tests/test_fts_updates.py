"""The full-text index follows an item's title and text only: a story join or a retag writes nothing to it, a
revision re-indexes the new words, and an archive made before this rule gets it when opened."""

from datetime import UTC, datetime

from bot.records import Item, TaggedItem, Tags
from bot.run.store import store, update_tags
from storage import open_archive
from storage.archive import MIGRATIONS
from storage.search import Query, search
from tests.old_archive import archive_at

NOW = "2026-12-07T08:00:00+00:00"


def item(item_id, title, text):
    return TaggedItem(
        Item(
            source="feed-a",
            id=item_id,
            url=f"https://news.example.org/{item_id}",
            title=title,
            published=datetime(2026, 12, 1, tzinfo=UTC),
            text=text,
            guid=item_id,
        ),
        Tags(dprk_cyber=True, dprk_related=True, score=0.9, actors=("Kimsuky",)),
    )


def found(db, words):
    return [row["id"] for row in search(db, Query(text=words))]


def changes(db, sql, params=()):
    """Rows written by one statement, those of its triggers (the full-text index's) included."""
    before = db.conn.total_changes
    db.execute(sql, params)
    return db.conn.total_changes - before


def test_a_story_or_tag_update_leaves_the_index_alone(fresh_db):
    store(fresh_db, "feed-a", [item("i1", "Spear-phishing wave", "Kimsuky mailed think tanks a lure")], NOW)
    # one row: the item's; the old trigger also wrote the index twice (delete, insert) for every column
    assert changes(fresh_db, "UPDATE items SET story_id = story_id WHERE id = 'i1'") == 1
    update_tags(fresh_db, [("i1", Tags(dprk_cyber=True, dprk_related=True, actors=("Konni",)))], NOW)
    assert found(fresh_db, "lure") == ["i1"]
    assert found(fresh_db, "wave") == ["i1"]


def test_a_new_title_or_text_is_indexed_and_the_old_words_are_gone(fresh_db):
    store(fresh_db, "feed-a", [item("i1", "Spear-phishing wave", "Kimsuky mailed think tanks a lure")], NOW)
    assert changes(fresh_db, "UPDATE items SET text = 'Andariel ransomware at hospitals' WHERE id = 'i1'") > 1
    assert found(fresh_db, "ransomware") == ["i1"]
    assert found(fresh_db, "lure") == []
    fresh_db.execute("UPDATE items SET title = 'Hospital ransomware' WHERE id = 'i1'")
    assert found(fresh_db, "hospital") == ["i1"]
    assert found(fresh_db, "wave") == []


def test_an_archive_made_before_the_rule_gets_it_when_opened(tmp_path):
    path = tmp_path / "old.db"
    db = archive_at(path, 8)  # an archive written at schema 8
    db.execute(
        "INSERT INTO items (id, title, text, first_seen, source) VALUES ('o1', 'Old report', 'wiper at a bank', ?,"
        " 'feed-a')",
        (NOW,),
    )
    assert changes(db, "UPDATE items SET score = 0.5 WHERE id = 'o1'") > 1  # sqlite-utils' trigger: any column
    db.conn.close()
    db = open_archive(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert changes(db, "UPDATE items SET score = 0.7 WHERE id = 'o1'") == 1
    assert found(db, "wiper") == ["o1"]
    db.execute("UPDATE items SET text = 'loader at an exchange' WHERE id = 'o1'")
    assert (found(db, "loader"), found(db, "wiper")) == (["o1"], [])
