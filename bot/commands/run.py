"""`advisory-bot run`: the daemon, or one cycle with --once."""

from __future__ import annotations

import gc
from pathlib import Path

import click

from bot import logs, runlock
from bot.commands.common import db_option, exits_on_errors, routes_option, sources_option
from bot.config import load_sources_file, resolve
from bot.terminal import echo


@click.command()
@sources_option
@db_option
@routes_option
@click.option("--once", is_flag=True, help="Run one full cycle over all sources, deliver alerts, and exit.")
@click.option("--metrics-port", type=int, help="Serve Prometheus /metrics and /healthz on this port (daemon).")
@click.option("--metrics-host", default="127.0.0.1", show_default=True, help="Address for --metrics-port.")
@click.option("--log-level", default="INFO", show_default=True, help="DEBUG, INFO, WARNING or ERROR.")
@click.option("--log-format", type=click.Choice(["human", "json"]), default="human", show_default=True)
@exits_on_errors
def run(
    sources_path: Path,
    db_path: Path,
    routes_path: Path | None,
    once: bool,
    metrics_port: int | None,
    metrics_host: str,
    log_level: str,
    log_format: str,
) -> None:
    """Fetch sources, tag, archive, and alert on DPRK cyber items.

    With no Slack token (SLACK_BOT_TOKEN) alerts are printed to the console. The first successful
    fetch of a source stores its backlog without alerting. The daemon picks up edits of the sources
    and routes files without a restart.
    """
    logs.setup(log_level, log_format)
    config = load_sources_file(sources_path)
    with runlock.hold(db_path, "run --once" if once else "run"):
        _run(config, sources_path, db_path, routes_path, once, metrics_port, metrics_host)


def _run(config, sources_path, db_path, routes_path, once, metrics_port, metrics_host) -> None:
    if once:
        from bot import tagpool

        # before the imports and set-up below: the worker processes' server starts alongside them
        tagpool.start_early(resolve(config), db_path)
        try:
            _once(config, db_path, routes_path)
        finally:
            tagpool.stop_forkserver()
        # The cycle is written and reported; what is left is the interpreter's exit, whose last garbage collection
        # walked every object of the process (0.1 s, 5% of a cycle of 304s). Frozen objects are skipped; files
        # and the archive are closed already, and the standard streams are still flushed.
        gc.freeze()
        return
    from bot.assemble import build
    from bot.daemon import Daemon

    rt = build(db_path, routes_path, fetching=config.fetching)
    daemon = Daemon(rt, sources_path, routes_path)
    server = None
    if metrics_port is not None:
        from bot.metrics import Metrics
        from bot.observe import ObserveServer

        rt.metrics = Metrics(db_path)
        server = ObserveServer(metrics_host, metrics_port, rt.metrics, daemon.health).start()
        echo(f"metrics: http://{metrics_host}:{server.port}/metrics and /healthz", err=True)
    try:
        daemon.run_forever()
    finally:
        if server is not None:
            server.stop()


def _once(config, db_path: Path, routes_path: Path | None) -> None:
    from bot.assemble import build
    from bot.cycle import run_cycle

    rt = build(db_path, routes_path, fetching=config.fetching)
    gc.freeze()  # the modules and configuration live as long as the process: the cycle's collections skip them
    report = run_cycle(resolve(config), rt, workers=config.fetching.workers)
    failed = [r for r in report.sources if r.outcome not in ("ok", "not_modified", "backoff")]
    unchanged = [r for r in report.sources if r.outcome == "not_modified"]
    waiting = [r for r in report.sources if r.outcome == "backoff"]
    echo(
        f"cycle: {len(report.sources)} sources, {len(unchanged)} unchanged, {len(failed)} failed, "
        + (f"{len(waiting)} backing off, " if waiting else "")
        + f"{sum(r.new for r in report.sources)} new items, {report.delivery.sent} alerts sent, "
        f"{report.delivery.failed} alerts pending",
        err=True,
    )


COMMANDS = [run]
