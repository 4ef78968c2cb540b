"""The SQLite archive: items with their tags, source state, and the alert outbox."""

__all__ = ["open_archive"]


def __getattr__(name: str):
    # lazy (PEP 562): storage.readonly is imported where sqlite-utils' import (0.1 s) would delay a start
    if name == "open_archive":
        from storage.archive import open_archive

        return open_archive
    raise AttributeError(f"module 'storage' has no attribute {name!r}")
