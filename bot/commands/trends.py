"""Trends: `advisory-bot stats` (mentions over time, table and chart) and `advisory-bot report --week`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive
from bot.commands.filters import resolve_actors
from bot.commands.progress import while_querying
from bot.commands.when import DATE
from bot.terminal import echo
from storage import open_archive
from storage.stats import counts, pivot, week_items


def render_table(periods, keys, cells) -> str:
    width = max([len("period"), *map(len, periods)])
    cols = [max(len(k), 4) for k in keys]
    lines = [f"{'period':<{width}}  " + "  ".join(f"{k:>{w}}" for k, w in zip(keys, cols, strict=True))]
    for p in periods:
        lines.append(
            f"{p:<{width}}  " + "  ".join(f"{cells.get((p, k), 0):>{w}}" for k, w in zip(keys, cols, strict=True))
        )
    return "\n".join(lines)


@click.command()
@click.option("--by", type=click.Choice(["actor", "sector", "source"]), default="actor", show_default=True)
@click.option("--period", type=click.Choice(["week", "month"]), default="month", show_default=True)
@click.option("--since", type=DATE, help="From this date (2026-01-01, 12w, '6 months ago' ...).")
@click.option("--until", type=DATE, help="Before this date (2026-12-01, today ...).")
@click.option("--actor", "actors", multiple=True, help="Only these actors (any alias; with --by actor).")
@click.option("--top", default=8, show_default=True, help="Columns: the most mentioned keys.")
@click.option("--dprk-cyber/--any", "dprk_only", default=True, help="Count DPRK cyber items only (default).")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Also draw the chart to this PNG.")
@db_option
@exits_on_errors
def stats(by, period, since, until, actors, top, dprk_only, plot: Path | None, db_path: Path) -> None:
    """Items per actor, sector or source per week or month: a table, and a chart with --plot."""
    require_archive(db_path)
    db = open_archive(db_path)
    with while_querying(db.conn, "stats"):  # a bar on a terminal only: 500k items take a while
        rows = counts(db, by, period, since=since, until=until, dprk_only=dprk_only)
    if actors:
        wanted = set(resolve_actors(actors, strict=True))
        rows = [r for r in rows if r.key in wanted]
    periods, keys, cells = pivot(rows, top=top)
    if not periods:
        echo("stats: no items match", err=True)
        return
    echo(render_table(periods, keys, cells))
    if plot is not None:
        from bot.export.chart import mentions_png

        plot.write_bytes(mentions_png(periods, keys, cells, f"DPRK cyber items per {by} per {period}"))
        echo(f"stats: chart written to {plot}", err=True)


@click.command()
@click.option("--week", "week", is_flag=True, required=True, help="The last 7 days (the only report period yet).")
@click.option("--end", "end", help="Day after the week's last day (YYYY-MM-DD; default: tomorrow, UTC).")
@click.option("--weeks", "history", default=12, show_default=True, help="Weeks of history in the chart.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write HTML here (default: text).")
@db_option
@exits_on_errors
def report(week: bool, end: str | None, history: int, out: Path | None, db_path: Path) -> None:
    """The week in DPRK cyber: new stories by actor and sector, top items, the trend chart."""
    from bot.export import report as weekly
    from bot.export.chart import mentions_png

    require_archive(db_path)
    end_day = date.fromisoformat(end) if end else datetime.now(UTC).date() + timedelta(days=1)
    start = (end_day - timedelta(days=7)).isoformat()
    db = open_archive(db_path)
    items = week_items(db, start, end_day.isoformat())
    chart = b""
    if out is not None:
        since = (end_day - timedelta(weeks=history)).isoformat()
        periods, keys, cells = pivot(counts(db, "actor", "week", since=since, until=end_day.isoformat()))
        chart = mentions_png(periods, keys, cells, "DPRK cyber items per actor per week")
    summary = weekly.summarise(items, start, end_day.isoformat(), chart)
    if out is None:
        echo(weekly.text(summary))
        return
    out.write_text(weekly.html(summary), encoding="utf-8")
    echo(f"report: {len(summary.stories)} new story(ies), written to {out}", err=True)


COMMANDS = [stats, report]
