"""`advisory-bot status`: the health of every source, configured or archived."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive, sources_option
from bot.config.sources import load_sources
from bot.run.runtime import iso, utcnow
from bot.terminal import echo
from storage import open_archive
from storage.sources import all_states, health


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
@sources_option
@db_option
@exits_on_errors
def status(as_json: bool, sources_path: Path, db_path: Path) -> None:
    """Every source: state, last success, consecutive failures, items per fetch, next check, last error.

    States: ok, empty (fetched, no entries: a selector that stopped matching?), failing, backoff (failing,
    waiting until the next check), never (configured, not fetched yet). Sources in the sources file and not in
    the archive are listed as never; sources only in the archive (removed from the file) are listed too.
    """
    require_archive(db_path)
    now = iso(utcnow())
    rows = {r["name"]: r for r in all_states(open_archive(db_path))}
    if sources_path.exists():
        for source in load_sources(sources_path):
            rows.setdefault(source.name, {"name": source.name, "url": source.url, "error_count": 0})
            rows[source.name]["enabled"] = source.enabled
    for row in rows.values():
        row["state"] = health(row, now) if row.get("enabled", True) else "disabled"
    ordered = sorted(rows.values(), key=lambda r: (r["state"] in ("ok", "disabled"), r["name"]))
    if as_json:
        for row in ordered:
            echo(json.dumps(row, ensure_ascii=False))
        return
    from bot.stories.encoder import describe

    echo(f"{'source':<28} {'state':<8} {'last success':<17} {'fails':>5} {'items':>5} {'next check':<17} last error")
    for r in ordered:  # one line per source: a multi-line error is folded onto it
        items = r.get("items_last_fetch")
        echo(
            f"{r['name']:<28} {r['state']:<8} {(r.get('last_success_at') or '-')[:16]:<17} "
            f"{r.get('error_count') or 0:>5} {'-' if items is None else items:>5} "
            f"{(r.get('next_check_at') or '-')[:16]:<17} {' '.join((r.get('last_error') or '').split())[:100]}"
        )
    echo(f"\nstories by meaning: {describe()}")


COMMANDS = [status]
