"""Open the archive: WAL mode, a busy timeout, and the schema migrations applied in order.

The schema is for analysts too (docs/archive.md): plain columns, JSON arrays for tag lists, one
row per (item, tag) in item_tags for filters and facets, FTS5 over title and text.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils


def _v1(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE items (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            published TEXT,
            first_seen TEXT NOT NULL,
            source TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'en',
            guid TEXT NOT NULL DEFAULT '',
            dprk_cyber INTEGER NOT NULL DEFAULT 0,
            dprk_related INTEGER NOT NULL DEFAULT 0,
            score REAL NOT NULL DEFAULT 0,
            actors TEXT NOT NULL DEFAULT '[]',
            sectors TEXT NOT NULL DEFAULT '[]',
            malware TEXT NOT NULL DEFAULT '[]',
            cves TEXT NOT NULL DEFAULT '[]',
            techniques TEXT NOT NULL DEFAULT '[]',
            advisories TEXT NOT NULL DEFAULT '[]',
            wallets TEXT NOT NULL DEFAULT '[]',
            evidence TEXT NOT NULL DEFAULT '[]',
            tagged_at TEXT
        )"""
    )
    db.execute("CREATE UNIQUE INDEX items_url ON items(url) WHERE url != ''")
    db.execute("CREATE INDEX items_published ON items(published)")
    db.execute("CREATE INDEX items_first_seen ON items(first_seen)")
    db.execute(
        """
        CREATE TABLE item_sources (
            item_id TEXT NOT NULL REFERENCES items(id),
            source TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            guid TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (item_id, source)
        )"""
    )
    db.execute(
        """
        CREATE TABLE item_tags (
            item_id TEXT NOT NULL REFERENCES items(id),
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (item_id, kind, value)
        )"""
    )
    db.execute("CREATE INDEX item_tags_value ON item_tags(kind, value)")
    db.execute(
        """
        CREATE TABLE sources (
            name TEXT PRIMARY KEY,
            url TEXT NOT NULL DEFAULT '',
            etag TEXT,
            last_modified TEXT,
            first_success_at TEXT,
            last_attempt_at TEXT,
            last_success_at TEXT,
            last_error TEXT,
            last_error_kind TEXT,
            error_count INTEGER NOT NULL DEFAULT 0,
            next_check_at TEXT,
            items_last_fetch INTEGER
        )"""
    )
    db.execute(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            item_id TEXT NOT NULL REFERENCES items(id),
            notifier TEXT NOT NULL,
            channel TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            message_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT,
            next_attempt_at TEXT,
            UNIQUE (item_id, notifier, channel)
        )"""
    )
    db.execute("CREATE INDEX outbox_status ON outbox(status, id)")
    db["items"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61")


def _v2(db: sqlite_utils.Database) -> None:
    """Outbox rows of several kinds: item alerts, thread follow-ups, digests, and ops events (no item)."""
    db.execute(
        """
        CREATE TABLE outbox_v2 (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'alert',
            item_id TEXT REFERENCES items(id),
            notifier TEXT NOT NULL,
            channel TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            route TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL DEFAULT 'immediate',
            due_at TEXT,
            parent_id INTEGER REFERENCES outbox_v2(id),
            batch_key TEXT,
            payload TEXT,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            message_id TEXT,
            thread_ts TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT,
            next_attempt_at TEXT,
            UNIQUE (kind, item_id, notifier, channel, subject)
        )"""
    )
    db.execute(
        """
        INSERT INTO outbox_v2 (id, item_id, notifier, channel, status, attempts, last_error, message_id,
                               created_at, updated_at, sent_at, next_attempt_at)
        SELECT id, item_id, notifier, channel, status, attempts, last_error, message_id,
               created_at, updated_at, sent_at, next_attempt_at FROM outbox"""
    )
    db.execute("DROP TABLE outbox")
    db.execute("ALTER TABLE outbox_v2 RENAME TO outbox")
    db.execute("CREATE INDEX outbox_status ON outbox(status, id)")
    db.execute("CREATE INDEX outbox_item ON outbox(item_id)")


def _v3(db: sqlite_utils.Database) -> None:
    """Stories (one event reported by many items), near-duplicate signatures (MinHash LSH bands), and item
    versions (revised advisories)."""
    db.execute(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            first_item_id TEXT NOT NULL REFERENCES items(id),
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            items_count INTEGER NOT NULL DEFAULT 1,
            sources_count INTEGER NOT NULL DEFAULT 1,
            actors TEXT NOT NULL DEFAULT '[]'
        )"""
    )
    db.execute(
        """
        CREATE TABLE story_members (
            item_id TEXT PRIMARY KEY REFERENCES items(id),
            story_id INTEGER NOT NULL REFERENCES stories(id),
            rule TEXT NOT NULL,
            score REAL NOT NULL DEFAULT 1.0,
            reason TEXT NOT NULL DEFAULT '',
            joined_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX story_members_story ON story_members(story_id)")
    db.execute("ALTER TABLE items ADD COLUMN story_id INTEGER REFERENCES stories(id)")
    db.execute("CREATE INDEX items_story ON items(story_id)")
    db.execute(
        """
        CREATE TABLE item_signatures (
            item_id TEXT PRIMARY KEY REFERENCES items(id),
            minhash BLOB NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE item_bands (
            band INTEGER NOT NULL,
            hash INTEGER NOT NULL,
            item_id TEXT NOT NULL REFERENCES items(id)
        )"""
    )
    db.execute("CREATE INDEX item_bands_lookup ON item_bands(band, hash)")
    db.execute(
        """
        CREATE TABLE item_versions (
            item_id TEXT NOT NULL REFERENCES items(id),
            version INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            published TEXT,
            content_hash TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (item_id, version)
        )"""
    )


def _v4(db: sqlite_utils.Database) -> None:
    """Indexes for the analysts' queries (docs/analysts.md): tag filters, source filters, date order."""
    # covering: an actor/sector filter reads item ids from the index alone
    db.execute("CREATE INDEX item_tags_kind_value_item ON item_tags(kind, value, item_id)")
    db.execute("CREATE INDEX item_sources_source ON item_sources(source, item_id)")
    # the date every query sorts and filters by (published, else first_seen)
    db.execute("CREATE INDEX items_date ON items(coalesce(published, first_seen))")


def _v5(db: sqlite_utils.Database) -> None:
    """Search and facets without reading items: each item_tags row carries its item's rowid, date and verdict.

    Triggers keep the copies exact for every writer (store, retag, revisions, bulk loads): a new tag row takes
    them from its item, an item's new date or verdict is copied to its tag rows.
    """
    db.execute("ALTER TABLE item_tags ADD COLUMN item_rowid INTEGER")  # items.rowid: the key of items_fts
    db.execute("ALTER TABLE item_tags ADD COLUMN date TEXT")  # coalesce(items.published, items.first_seen)
    db.execute("ALTER TABLE item_tags ADD COLUMN dprk_cyber INTEGER NOT NULL DEFAULT 0")
    copy = "(item_rowid, date, dprk_cyber) = (SELECT rowid, coalesce(published, first_seen), dprk_cyber FROM items {})"
    db.execute(f"UPDATE item_tags SET {copy.format('WHERE items.id = item_tags.item_id')}")
    db.execute(
        f"""
        CREATE TRIGGER item_tags_item_copy AFTER INSERT ON item_tags BEGIN
            UPDATE item_tags SET {copy.format("WHERE items.id = NEW.item_id")} WHERE rowid = NEW.rowid;
        END"""
    )
    db.execute(
        """
        CREATE TRIGGER items_tag_copy AFTER UPDATE OF published, first_seen, dprk_cyber ON items BEGIN
            UPDATE item_tags SET date = coalesce(NEW.published, NEW.first_seen), dprk_cyber = NEW.dprk_cyber
            WHERE item_id = NEW.id;
        END"""
    )
    # search: an actor or sector filter as the set of rowids full-text hits are checked against
    db.execute("CREATE INDEX item_tags_rowid ON item_tags(kind, value, item_rowid)")
    # stats: counts per period read this index alone, since/until is a range of it
    db.execute("CREATE INDEX item_tags_date ON item_tags(kind, dprk_cyber, date, value, item_id)")
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        # statistics for the old indexes but none for the new ones would make the planner prefer them blindly
        db.execute("ANALYZE item_tags")


def _v6(db: sqlite_utils.Database) -> None:
    """Near-duplicate signatures cover a text's first 1,000 words (storage.signatures.SHINGLE_WORDS): the items
    signed over a longer whole text before are signed again, so an old item and its new copy compare alike."""
    from storage import signatures  # numpy: imported only by the archives that need this migration

    rows = db.execute(
        "SELECT s.item_id, i.title, i.text, s.minhash FROM item_signatures s JOIN items i ON i.id = s.item_id"
        " WHERE length(i.title) + length(i.text) >= 1999"  # fewer characters cannot hold 1,000 words
    ).fetchall()
    changed = {}
    for item_id, title, text, old in rows:
        sig = signatures.signature(f"{title}\n{text}")
        if sig != old:
            changed[item_id] = sig
    if not changed:
        return
    db.execute("CREATE TEMP TABLE resigned (item_id TEXT PRIMARY KEY)")
    db.conn.executemany("INSERT INTO resigned VALUES (?)", [(i,) for i in changed])
    # one pass over the bands (they have no index by item), not one per item
    db.execute("DELETE FROM item_bands WHERE item_id IN (SELECT item_id FROM resigned)")
    db.execute("DELETE FROM item_signatures WHERE item_id IN (SELECT item_id FROM resigned)")
    db.execute("DROP TABLE resigned")
    signed = [(i, sig) for i, sig in changed.items() if sig is not None]
    db.conn.executemany("INSERT INTO item_signatures (item_id, minhash) VALUES (?, ?)", signed)
    db.conn.executemany(
        "INSERT INTO item_bands (band, hash, item_id) VALUES (?, ?, ?)",
        [(band, value, i) for i, sig in signed for band, value in signatures.band_hashes(sig)],
    )


def _v7(db: sqlite_utils.Database) -> None:
    """Story matching by meaning: the encoder vector and clues of each encoded item, by time; a story's lead."""
    db.execute(
        """
        CREATE TABLE item_vectors (
            item_id TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            at TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT '',
            vector BLOB NOT NULL,
            clues TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX item_vectors_at ON item_vectors(at)")
    # past 72 h only reports in Hangul or kana can share a name with a report that has Latin names only
    db.execute("CREATE INDEX item_vectors_language ON item_vectors(language, at)")
    db.execute("ALTER TABLE stories ADD COLUMN lead_item_id TEXT")


def _v8(db: sqlite_utils.Database) -> None:
    """The kind of post each outbox row went out in (alert, burst, digest, followup, ops), stored beside its batch
    key: a burst's rows are alert rows, so only this column tells a resumed burst from an alert."""
    db.execute("ALTER TABLE outbox ADD COLUMN batch_kind TEXT")
    # rows tried before this version: their key's first letter was the kind (the one place it is read)
    db.execute(
        "UPDATE outbox SET batch_kind = CASE substr(batch_key, 1, 1) WHEN 'a' THEN 'alert' WHEN 'b' THEN 'burst'"
        " WHEN 'd' THEN 'digest' WHEN 'f' THEN 'followup' WHEN 'o' THEN 'ops' END WHERE batch_key IS NOT NULL"
    )


def _v9(db: sqlite_utils.Database) -> None:
    """The full-text index follows the title and text only: sqlite-utils' update trigger re-indexed an item's
    whole text on every update of any column (its story, its tags on a retag), twice (delete, then insert)."""
    db.execute("DROP TRIGGER IF EXISTS items_au")
    db.execute(
        """
        CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items BEGIN
          INSERT INTO items_fts (items_fts, rowid, title, text) VALUES('delete', old.rowid, old.title, old.text);
          INSERT INTO items_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END
        """
    )


MIGRATIONS = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9]


def open_archive(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) the archive at `path`, migrated to the current schema."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    # autocommit mode: storage modules open explicit transactions (BEGIN IMMEDIATE ... COMMIT)
    db.conn.isolation_level = None
    db.execute("PRAGMA busy_timeout = 10000")
    db.execute("PRAGMA foreign_keys = ON")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        with transaction(db):
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    return db


class transaction:  # noqa: N801 - used like a function: `with transaction(db):`
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error): one writer, all or nothing."""

    def __init__(self, db: sqlite_utils.Database):
        self.conn = db.conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
