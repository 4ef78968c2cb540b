"""`advisory-bot sources retry [NAME ...|--all]`: end the backoff of failing sources, so the next run fetches them."""

from __future__ import annotations

from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive, sources_option
from bot.terminal import echo
from storage import open_archive
from storage.sources import all_states, clear_backoff


@click.command()
@click.argument("names", nargs=-1, metavar="[NAME]...")
@click.option("--all", "every", is_flag=True, help="Every source that is backing off.")
@sources_option
@db_option
@exits_on_errors
def retry(names: tuple[str, ...], every: bool, sources_path: Path, db_path: Path) -> None:
    """Fetch NAME (or, with --all, every waiting source) at the next run instead of after its backoff.

    A running daemon fetches it at the source's next scheduled run; `advisory-bot run --once` fetches it now.
    The failure count is kept: `status` still shows the source as failing until a fetch succeeds.
    """
    if bool(names) == every:
        raise click.UsageError("give the names of sources to retry, or --all")
    require_archive(db_path)
    db = open_archive(db_path)
    if names:
        _check_names(names, sources_path, {r["name"] for r in all_states(db)})
    cleared = clear_backoff(db, list(names) or None)
    for row in cleared:
        echo(f"retry: {row['name']} was waiting until {row['next_check_at']}; fetched at the next run")
    for name in sorted(set(names) - {r["name"] for r in cleared}):
        echo(f"retry: {name} is not backing off; nothing to do")
    if every and not cleared:
        echo("retry: no source is backing off")


def _check_names(names, sources_path: Path, archived: set[str]) -> None:
    from bot.config.sources import load_sources
    from bot.suggest import closest

    known = set(archived)
    if sources_path.exists():
        known |= {s.name for s in load_sources(sources_path)}
    for name in names:
        if name not in known:
            near = closest(name, known)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise click.BadParameter(f"no source named {name!r}{hint}", param_hint="'NAME'")
