"""`advisory-bot export`: archived items to a file in a CTI format (csv, jsonl, stix, misp, atom)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive
from bot.commands.filters import filter_options
from bot.commands.progress import counted
from bot.export import FORMAT_NAMES, ExportOptions, formats
from bot.export.output import export_file
from bot.terminal import echo
from storage import open_archive
from storage.search import Query, iter_items

ATOM_LIMIT = 100  # a feed carries the latest entries, not the archive


def describe(query: Query, fmt: str) -> str:
    """The export's title: what it holds and which filters made it."""
    what = "DPRK cyber items" if query.dprk_cyber else "items"
    filters = [f"{label} {', '.join(values)}" for label, values in (("actor", query.actors), ("sector", query.sectors),
               ("source", query.sources), ("language", query.languages)) if values]  # fmt: skip
    if query.text:
        filters.append(f"matching {query.text}")
    return f"advisory-bot: {what}" + (f" ({'; '.join(filters)})" if filters else "")


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), required=True, help="Output format.")
@click.option("--query", "text", default="", help="Full-text query, as for search (ids as typed, FTS5 syntax).")
@filter_options
@click.option(
    "--per",
    type=click.Choice(["item", "story"]),
    default="item",
    show_default=True,
    help="stix: one report per item or per story (misp is always one event per story).",
)
@click.option("--limit", type=int, default=None, help=f"At most this many items (atom default {ATOM_LIMIT}).")
@click.option("--link", default="", help="atom: the URL the feed is published at (its rel=self link).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True), default="-",
              show_default=True, help="Output file ('-': stdout).")  # fmt: skip
@db_option
@exits_on_errors
def export(fmt, text, query, scope, per, limit, link, output: Path, db_path: Path) -> None:
    """Export items (newest first) as csv, jsonl, STIX 2.1, MISP events or an Atom feed.

    Every item by default; the Atom feed carries DPRK cyber items unless --any is given.
    """
    require_archive(db_path)
    if fmt == "atom":
        limit = ATOM_LIMIT if limit is None else limit
        query = dataclasses.replace(query, dprk_cyber=None if scope == "any" else True)
    query = dataclasses.replace(query, text=text, sort="date", limit=limit or None)
    options = ExportOptions(
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"), title=describe(query, fmt), per=per, link=link
    )
    rows = counted(iter_items(open_archive(db_path), query), f"export {fmt}")  # a bar on a terminal only
    with export_file(output) as out:  # a file is replaced only by a complete export
        count = formats()[fmt](rows, out, options)
    echo(f"export: {count} item(s) as {fmt} to {output}", err=True)


COMMANDS = [export]
