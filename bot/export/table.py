"""A plain-text table of items for the terminal: date, sources, actors, title, id (for `show`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TextIO


def _cells(text: str) -> int:
    """Terminal columns the text takes: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, width: int) -> str:
    """The text on one line, cut to `width` columns and padded to exactly `width`."""
    text = " ".join(str(text).split())
    if _cells(text) > width:
        while _cells(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _cells(text))


def write(rows: Iterable[dict], out: TextIO, options=None, width: int = 120, story: bool = False) -> int:
    fixed = 10 + 18 + 22 + 24 + 8  # date, source, actors, id and the gaps
    title_width = max(20, width - fixed - (7 if story else 0))
    head = f"{'date':<10}  {'source':<18}  {'actors':<22}  {'title':<{title_width}}  "
    out.write(head + ("items  " if story else "") + "id\n")
    count = 0
    for row in rows:
        count += 1
        source = row["source"] + (f" +{len(row['sources']) - 1}" if len(row.get("sources", ())) > 1 else "")
        title = row.get("story_title") if story and row.get("story_title") else row["title"]
        line = (
            f"{(row['date'] or '')[:10]:<10}  {clip(source, 18)}  {clip(', '.join(row['actors']) or '-', 22)}"
            f"  {clip(title or row['url'], title_width)}  "
        )
        if story:
            line += f"{row['story_hits']:>5}  "
        out.write(line + row["id"] + "\n")
    return count
