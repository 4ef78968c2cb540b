"""The SQLite archive: items with their tags, source state, and the alert outbox."""

from storage.archive import open_archive

__all__ = ["open_archive"]
