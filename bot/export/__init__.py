"""Exports of archived items to the CTI ecosystem: one module per format, registered here by name.

The contract (built-ins register exactly like add-ons would): an exporter is a function
`write(rows, out, options) -> int` taking the rows of `storage.search.iter_items` (JSON lists decoded,
`sources` and `story_title` included), writing text to `out` and returning how many items it wrote.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TextIO


@dataclass(frozen=True)
class ExportOptions:
    generated_at: str  # ISO 8601 UTC: the export's own timestamp
    title: str = "advisory-bot export"  # feed or bundle title, says which filters made it
    per: str = "item"  # STIX: one report per "item" or per "story"
    link: str = ""  # Atom: the feed's own URL, when it is published somewhere


class Exporter(Protocol):
    def __call__(self, rows: Iterable[dict], out: TextIO, options: ExportOptions) -> int:
        """Write `rows` to `out`; return the number of items written."""


FORMAT_NAMES = ("csv", "jsonl", "stix", "misp", "atom")  # each the name of its module here, bot.export.NAME


def formats() -> dict[str, Exporter]:
    """Format name -> exporter (imported lazily: stix2 and feedgen load only when used)."""
    return {name: importlib.import_module(f"bot.export.{name}").write for name in FORMAT_NAMES}
