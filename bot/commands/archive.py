"""Commands that read the archive: search, show, status."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive
from bot.commands.filters import filter_options
from bot.errors import AdvisoryBotError
from bot.export import csv as csv_export
from bot.export import jsonl, table
from bot.export.item_text import render_item
from bot.terminal import echo, stream
from storage import open_archive
from storage.item_view import SHOWN_MATCHES, PrefixError, item_detail
from storage.search import iter_items


@click.command(name="search")
@click.argument("text", required=False, default="")
@filter_options
@click.option(
    "--sort",
    type=click.Choice(["auto", "date", "relevance"]),
    default="auto",
    show_default=True,
    help="auto: by relevance when there is a query text, else newest first.",
)
@click.option("--story", "by_story", is_flag=True, help="One row per story (its best item, with the match count).")
@click.option("--limit", default=50, show_default=True, help="At most this many rows (0: no limit).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")
@db_option
@exits_on_errors
def search_cmd(text, query, sort, by_story, limit, as_json, as_csv, db_path: Path) -> None:
    """Search the archive: words and ids as typed (AA26-341A), FTS5 syntax when used ("phrase", OR, NOT, prefix*)."""
    require_archive(db_path)
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    query = dataclasses.replace(query, text=text, sort=sort, by_story=by_story, limit=limit or None)
    rows = iter_items(open_archive(db_path), query)
    out = stream()
    if as_json:
        count = jsonl.write(({k: v for k, v in row.items() if k != "evidence"} for row in rows), out)
    elif as_csv:
        columns = csv_export.COLUMNS + (("story_hits",) if by_story else ())
        count = csv_export.write(rows, out, columns=columns)
    else:
        width = shutil.get_terminal_size((140, 24)).columns if sys.stdout.isatty() else 140
        count = table.write(rows, out, width=width, story=by_story)
    echo(f"{count} {'story' if by_story else 'item'}(s)", err=True)


@click.command()
@click.argument("item_id")
@click.option("--json", "as_json", is_flag=True, help="The item as one JSON object.")
@db_option
@exits_on_errors
def show(item_id: str, as_json: bool, db_path: Path) -> None:
    """One item: its tags, evidence, sources, story and alert history (ID, unique ID prefix, or URL)."""
    require_archive(db_path)
    try:
        item = item_detail(open_archive(db_path), item_id)
    except PrefixError as exc:  # a usage mistake (exit 2): say which items the prefix matches
        lines = [f"  {i}  {title[:80]}" for i, title in exc.matches[:SHOWN_MATCHES]]
        more = ["  ..."] if len(exc.matches) > SHOWN_MATCHES else []
        raise click.UsageError("\n".join([f"{exc}; it matches:", *lines, *more])) from None
    if item is None:
        raise AdvisoryBotError(f"show: no item {item_id!r} in {db_path}")
    if as_json:
        echo(json.dumps(item, ensure_ascii=False, indent=2))
    else:
        echo(render_item(item))


COMMANDS = [search_cmd, show]
