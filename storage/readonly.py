"""Read-only lookups on a plain sqlite3 connection, for callers that must not wait for sqlite-utils' import
(the forkserver's early start) or must not hold a writer's connection (the metrics scrape).

Each query takes an open connection; `connect` opens the archive read-only (it must exist: sqlite3.Error if not).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect(db_path: Path | str, timeout: float = 5.0) -> sqlite3.Connection:
    """The archive at `db_path`, read-only."""
    return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=timeout)


def source_validators(conn: sqlite3.Connection) -> list[tuple[str, str | None, str | None, str | None]]:
    """(name, etag, last_modified, first_success_at) of every source the archive knows."""
    return conn.execute("SELECT name, etag, last_modified, first_success_at FROM sources").fetchall()


def unsent_by_notifier(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(notifier, outbox rows not sent yet) for every notifier with rows in the outbox."""
    return conn.execute("SELECT notifier, sum(status != 'sent') FROM outbox GROUP BY notifier").fetchall()


def error_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(source, consecutive failures) of every source."""
    return conn.execute("SELECT name, error_count FROM sources").fetchall()
