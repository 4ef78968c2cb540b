"""`advisory-bot export`: archived items to a file in a CTI format (csv, jsonl, stix, misp, atom)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive
from bot.commands.filters import filter_options
from bot.export import FORMAT_NAMES, ExportOptions, formats
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
@click.option("--query", "text", default="", help="Full-text query (FTS5 syntax), as for search.")
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
def export(fmt, text, query, per, limit, link, output: Path, db_path: Path) -> None:
    """Export items (newest first) as csv, jsonl, STIX 2.1, MISP events or an Atom feed."""
    require_archive(db_path)
    if fmt == "atom":
        limit = ATOM_LIMIT if limit is None else limit
        query = dataclasses.replace(query, dprk_cyber=True if query.dprk_cyber is None else query.dprk_cyber)
    query = dataclasses.replace(query, text=text, sort="date", limit=limit or None)
    options = ExportOptions(
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"), title=describe(query, fmt), per=per, link=link
    )
    rows = iter_items(open_archive(db_path), query)
    with click.open_file(str(output), "w", encoding="utf-8", atomic=str(output) != "-") as out:
        count = formats()[fmt](rows, out, options)
    echo(f"export: {count} item(s) as {fmt} to {output}", err=True)


COMMANDS = [export]
