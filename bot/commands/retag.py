"""`advisory-bot retag`: re-tag the archive after the knowledge base changes."""

from __future__ import annotations

import contextlib
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive, routes_option
from bot.commands.progress import bar
from bot.commands.when import DATE
from bot.run import lock as runlock
from bot.run.assemble import build
from bot.run.runtime import iso, utcnow
from bot.terminal import echo
from storage import open_archive


@click.command()
@click.option("--since", type=DATE, help="Only items dated on or after this date (2026-11-01, 30d ...).")
@click.option("--alert", is_flag=True, help="Also alert items that newly became DPRK cyber (default: never).")
@click.option("--deliver/--no-deliver", default=True, show_default=True, help="With --alert: post the alerts now.")
@db_option
@routes_option
@exits_on_errors
def retag(since: str | None, alert: bool, deliver: bool, db_path: Path, routes_path: Path | None) -> None:
    """Re-tag archived items and report those that gained or lost dprk_cyber."""
    require_archive(db_path)
    # --alert delivers: never beside a running `run` (bot/run/lock.py)
    with runlock.hold(db_path, "retag --alert") if alert else contextlib.nullcontext():
        _retag(since, alert, deliver, db_path, routes_path)


def _retag(since: str | None, alert: bool, deliver: bool, db_path: Path, routes_path: Path | None) -> None:
    from bot.run.retag import retag as run_retag
    from bot.tagging import get_tagger

    db = open_archive(db_path)
    rt = routes = None
    if alert:
        rt = build(db_path, routes_path, with_tagger=False)
        moment = utcnow()

        def routes(tagged):
            return rt.routing.routes(tagged.item, tagged.tags, moment)

    with bar(desc="retag") as progress:  # on a terminal only

        def advance(done: int, total: int) -> None:
            progress.total = total
            progress.update(done - progress.n)

        report = run_retag(db, get_tagger(), iso(utcnow()), since=since, routes=routes, progress=advance)
    for item_id, title in report.gained:
        echo(f"+ dprk_cyber  {item_id}  {title}")
    for item_id, title in report.lost:
        echo(f"- dprk_cyber  {item_id}  {title}")
    echo(
        f"retag: {report.items} items, {report.changed} changed, {len(report.gained)} gained dprk_cyber, "
        f"{len(report.lost)} lost it, {report.alerts} alerts queued",
        err=True,
    )
    if alert and deliver and report.alerts:
        from bot.delivery.deliver import deliver_due

        sent = deliver_due(rt)
        echo(f"retag: {sent.sent} alerts sent, {sent.failed} pending", err=True)


COMMANDS = [retag]
