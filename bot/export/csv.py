"""CSV: one row per item, tag lists joined with "; " (spreadsheets, pandas).

Rules: feed text is hostile, and a spreadsheet runs a cell that starts with = + - @ tab or CR as a formula
(`=HYPERLINK(...)`, `=cmd|...`): such text cells get a leading `'` (OWASP, CSV injection); numbers stay numbers;
line breaks inside a cell are written as LF, which the writer quotes (a bare CR would end the row in Excel).
`neutralise` is the one rule for every CSV the project writes (Datasette's too: bot/web/plugins/csv_formulas.py).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import TextIO

COLUMNS = (
    "id", "date", "published", "first_seen", "title", "url", "source", "sources", "language", "dprk_cyber",
    "dprk_related", "score", "actors", "sectors", "malware", "cves", "techniques", "advisories", "wallets",
    "story_id", "story_title",
)  # fmt: skip


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(text: str) -> str:
    """`text` that a spreadsheet would run as a formula, with a leading `'`; anything else (numbers too) as is."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def cell(value) -> str | int | float:
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        # a bare CR is not quoted with our "\n" line ending, and a spreadsheet starts a new row at it
        return neutralise(value).replace("\r\n", "\n").replace("\r", "\n")
    return "" if value is None else value


def write(rows: Iterable[dict], out: TextIO, options=None, columns=COLUMNS) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
        count += 1
    return count
