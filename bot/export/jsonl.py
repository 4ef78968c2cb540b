"""JSON lines: one object per item, every column with lists and evidence decoded."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO


def write(rows: Iterable[dict], out: TextIO, options=None) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count
