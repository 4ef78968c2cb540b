"""Build the Datasette instance over the archive: read-only connections, our metadata, plugins and settings.

Rules: every connection is `mode=ro`, the write connection included, so no plugin or query can change the
archive the daemon writes; not `immutable` (the daemon keeps writing: Datasette must see new items).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from datasette.app import Datasette
from datasette.database import Database

from bot.web.metadata import metadata

PLUGINS_DIR = Path(__file__).parent / "plugins"
TEMPLATES_DIR = Path(__file__).parent / "templates"
SETTINGS = {
    "default_page_size": 50,
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 1000,
    "allow_download": False,  # the archive can be large; the exports are the way out
    "suggest_facets": False,  # the useful facets are configured; suggestions cost a query each on large archives
}


class ReadOnlyDatabase(Database):
    """A Datasette database whose every connection, write included, is read-only."""

    def connect(self, write: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{Path(self.path).resolve()}?mode=ro", uri=True, check_same_thread=False)
        self._all_file_connections.append(conn)
        return conn


def build(db_path: Path, login_user: str | None = None) -> Datasette:
    """Datasette over the archive at `db_path`, named after the file (data/advisories.db -> advisories);
    with `login_user`, for that user only (password hash from the environment, bot.web.metadata)."""
    name = Path(db_path).stem
    ds = Datasette(
        metadata=metadata(name, login_user),
        plugins_dir=str(PLUGINS_DIR),
        template_dir=str(TEMPLATES_DIR),
        settings=SETTINGS,
    )
    ds.remove_database("_memory")  # Datasette adds an empty in-memory database when started without files
    ds.add_database(ReadOnlyDatabase(ds, path=str(db_path), is_mutable=True), name=name)
    return ds
