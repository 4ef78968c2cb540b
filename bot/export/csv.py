"""CSV: one row per item, tag lists joined with "; " (spreadsheets, pandas)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

COLUMNS = (
    "id", "date", "published", "first_seen", "title", "url", "source", "sources", "language", "dprk_cyber",
    "dprk_related", "score", "actors", "sectors", "malware", "cves", "techniques", "advisories", "wallets",
    "story_id", "story_title",
)  # fmt: skip


def cell(value) -> str | int | float:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def write(rows: Iterable[dict], out: TextIO, options=None, columns=COLUMNS) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
        count += 1
    return count
