"""Per-source state: validators for conditional GET, health counters, and the next allowed check."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from storage.archive import transaction
from storage.items import upsert_source


@dataclass(frozen=True)
class SourceState:
    name: str
    etag: str | None = None
    last_modified: str | None = None
    first_success_at: str | None = None
    last_success_at: str | None = None
    error_count: int = 0
    last_error: str | None = None
    next_check_at: str | None = None
    items_last_fetch: int | None = None

    @property
    def backlog_done(self) -> bool:
        """True once the source has been read successfully: later new items may alert."""
        return self.first_success_at is not None


def get_state(db: sqlite_utils.Database, name: str) -> SourceState:
    row = db.execute(
        "SELECT name, etag, last_modified, first_success_at, last_success_at, error_count, last_error,"
        " next_check_at, items_last_fetch FROM sources WHERE name = ?",
        (name,),
    ).fetchone()
    return SourceState(*row) if row else SourceState(name=name)


def success_row(state: SourceState, url: str, now: str, *, etag, last_modified, items: int | None) -> dict:
    """The sources row after a successful fetch (200 or 304)."""
    row = {
        "name": state.name,
        "url": url,
        "etag": etag,
        "last_modified": last_modified,
        "first_success_at": state.first_success_at or now,
        "last_attempt_at": now,
        "last_success_at": now,
        "error_count": 0,
        "last_error": None,
        "last_error_kind": None,
        "next_check_at": None,
    }
    if items is not None:
        row["items_last_fetch"] = items
    return row


def record_failure(
    db: sqlite_utils.Database, name: str, url: str, now: str, error: str, kind: str, next_check_at: str | None
) -> int:
    """Count one more consecutive failure; return the new count."""
    with transaction(db) as conn:
        upsert_source(conn, {"name": name, "url": url, "last_attempt_at": now})
        conn.execute(
            "UPDATE sources SET error_count = error_count + 1, last_error = ?, last_error_kind = ?,"
            " next_check_at = ? WHERE name = ?",
            (error, kind, next_check_at, name),
        )
        return conn.execute("SELECT error_count FROM sources WHERE name = ?", (name,)).fetchone()[0]


def all_states(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM sources ORDER BY name"))


def health(row: dict, now: str) -> str:
    """One word for a source's state: never, ok, empty (fetched but no entries), failing, backoff."""
    if not row.get("last_attempt_at"):
        return "never"
    if row.get("error_count"):
        return "backoff" if (row.get("next_check_at") or "") > now else "failing"
    if row.get("items_last_fetch") == 0:
        return "empty"
    return "ok"


def waiting(db: sqlite_utils.Database, now: str) -> list[dict]:
    """Sources whose next check is after `now` (backing off): name, next_check_at, error_count, last error."""
    return list(
        db.query(
            "SELECT name, next_check_at, error_count, last_error, last_error_kind FROM sources"
            " WHERE next_check_at > ? ORDER BY name",
            [now],
        )
    )


def clear_backoff(db: sqlite_utils.Database, names: list[str] | None = None) -> list[dict]:
    """Let the named sources (None: all) be fetched at their next run; the rows that were waiting, as they were.

    The failure count stays (status still says the source is failing; the next failure backs off from it).
    """
    with transaction(db) as conn:
        sql = "SELECT name, next_check_at FROM sources WHERE next_check_at IS NOT NULL"
        params: list = []
        if names is not None:
            sql += f" AND name IN ({', '.join('?' * len(names))})"
            params = list(names)
        rows = [{"name": n, "next_check_at": t} for n, t in conn.execute(sql + " ORDER BY name", params)]
        conn.executemany("UPDATE sources SET next_check_at = NULL WHERE name = ?", [(r["name"],) for r in rows])
    return rows
