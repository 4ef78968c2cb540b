"""Commands that read the archive: search, status."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive
from storage import open_archive
from storage.search import Query, search
from storage.sources import all_states


@click.command(name="search")
@click.argument("query", required=False, default="")
@click.option("--actor", "actors", multiple=True, help="Canonical actor or any alias (repeatable).")
@click.option("--sector", "sectors", multiple=True, help="Sector name (repeatable).")
@click.option("--source", "sources", multiple=True, help="Source name (repeatable: any of).")
@click.option("--since", help="Only items published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only items published before this date (YYYY-MM-DD).")
@click.option("--dprk-cyber/--any", "dprk_cyber", default=None, help="Only DPRK cyber items.")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
@exits_on_errors
def search_cmd(query, actors, sectors, sources, since, until, dprk_cyber, limit, as_json, db_path: Path) -> None:
    """Full-text search of the archive (FTS5 syntax: "exact phrase", OR, NOT, prefix*)."""
    require_archive(db_path)
    from bot.assemble import actor_resolver

    resolve = actor_resolver()
    actors = tuple(resolve(a) for a in actors)
    rows = search(
        open_archive(db_path),
        Query(
            text=query,
            actors=actors,
            sectors=sectors,
            sources=sources,
            since=since,
            until=until,
            dprk_cyber=dprk_cyber,
            limit=limit,
        ),
    )
    for row in rows:
        if as_json:
            row.pop("evidence", None)
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            date = (row["published"] or row["first_seen"] or "")[:10]
            tags = ", ".join(row["actors"] + row["sectors"])
            click.echo(
                f"{date}  {row['title']}\n            {row['url'] or '(no link)'}  [{', '.join(row['sources'])}]"
                + (f"\n            {tags}" if tags else "")
            )
    if not as_json:
        click.echo(f"{len(rows)} item(s)", err=True)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
@db_option
@exits_on_errors
def status(as_json: bool, db_path: Path) -> None:
    """Health of every source the archive knows: last success, last error, consecutive failures."""
    require_archive(db_path)
    rows = all_states(open_archive(db_path))
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    click.echo(f"{'source':<28} {'last success':<20} {'fails':>5} {'items':>5}  last error")
    for r in rows:
        click.echo(
            f"{r['name']:<28} {(r['last_success_at'] or '-')[:19]:<20} {r['error_count']:>5} "
            f"{r['items_last_fetch'] if r['items_last_fetch'] is not None else '-':>5}  {r['last_error'] or ''}"
        )


COMMANDS = [search_cmd, status]
