"""The archive's write probe for health checks: a real write in a transaction that is always rolled back."""

from __future__ import annotations

import sqlite_utils

from storage.archive import transaction


class _Rollback(Exception):
    """Ends the probe's transaction without keeping its write."""


def probe_write(db: sqlite_utils.Database, now: str, busy_timeout_ms: int = 2000) -> None:
    """Write a row and roll it back, waiting at most `busy_timeout_ms` for the writer lock (this connection's
    setting from now on); raises what the write raised when the archive does not take writes."""
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    try:
        with transaction(db) as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS health_probe (at TEXT)")
            conn.execute("INSERT INTO health_probe VALUES (?)", (now,))
            raise _Rollback
    except _Rollback:
        return
