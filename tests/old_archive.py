"""An archive file as an older release left it: the schema migrations up to `version` only, for the tests of what
opening it with the current code migrates."""

from pathlib import Path

import sqlite_utils

from storage.archive import MIGRATIONS, transaction


def archive_at(path: Path, version: int) -> sqlite_utils.Database:
    """A new archive at `path` migrated to schema `version` (not further), in autocommit mode as open_archive leaves
    it."""
    db = sqlite_utils.Database(path)
    db.conn.isolation_level = None
    for number, migration in enumerate(MIGRATIONS[:version], start=1):
        with transaction(db):
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    return db
