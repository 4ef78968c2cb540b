"""`advisory-bot run`: the daemon, or one cycle with --once."""

from __future__ import annotations

from pathlib import Path

import click

from bot import logs
from bot.assemble import build
from bot.commands.common import db_option, exits_on_errors, routes_option, sources_option
from bot.config import load_sources


@click.command()
@sources_option
@db_option
@routes_option
@click.option("--once", is_flag=True, help="Run one full cycle over all sources, deliver alerts, and exit.")
@click.option("--log-level", default="INFO", show_default=True, help="DEBUG, INFO, WARNING or ERROR.")
@click.option("--log-format", type=click.Choice(["human", "json"]), default="human", show_default=True)
@exits_on_errors
def run(
    sources_path: Path, db_path: Path, routes_path: Path | None, once: bool, log_level: str, log_format: str
) -> None:
    """Fetch sources, tag, archive, and alert on DPRK cyber items.

    With no Slack token (SLACK_BOT_TOKEN) alerts are printed to the console. The first successful
    fetch of a source stores its backlog without alerting.
    """
    logs.setup(log_level, log_format)
    sources = load_sources(sources_path)
    rt = build(db_path, routes_path)
    if once:
        from bot.cycle import run_cycle

        report = run_cycle(sources, rt)
        failed = [r for r in report.sources if r.outcome not in ("ok", "not_modified")]
        unchanged = [r for r in report.sources if r.outcome == "not_modified"]
        click.echo(
            f"cycle: {len(report.sources)} sources, {len(unchanged)} unchanged, {len(failed)} failed, "
            f"{sum(r.new for r in report.sources)} new items, {report.delivery.sent} alerts sent, "
            f"{report.delivery.failed} alerts pending",
            err=True,
        )
        return
    from bot.daemon import Daemon

    Daemon(sources, rt).run_forever()


COMMANDS = [run]
