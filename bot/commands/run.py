"""`advisory-bot run`: the daemon, or one cycle with --once."""

from __future__ import annotations

import gc
import logging
import signal
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, routes_option, sources_option
from bot.config.sources import load_sources_file, resolve, warnings
from bot.observe import logs
from bot.run import lock as runlock
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
    for warning in warnings(config):
        logging.getLogger(__name__).warning("sources: %s", warning)
    with runlock.hold(db_path, "run --once" if once else "run"):
        _run(config, sources_path, db_path, routes_path, once, metrics_port, metrics_host)


def _run(config, sources_path, db_path, routes_path, once, metrics_port, metrics_host) -> None:
    if once:
        from bot.run import workers as tagpool

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
    from bot.run.assemble import build
    from bot.run.daemon import Daemon

    rt = build(db_path, routes_path, fetching=config.fetching)
    daemon = Daemon(rt, sources_path, routes_path)
    server = None
    if metrics_port is not None:
        from bot.observe.endpoints import ObserveServer
        from bot.observe.metrics import Metrics

        rt.metrics = Metrics(db_path, notifiers=lambda: list(rt.routing.notifiers))
        server = ObserveServer(metrics_host, metrics_port, rt.metrics, daemon.health).start()
        echo(f"metrics: http://{metrics_host}:{server.port}/metrics and /healthz", err=True)
    try:
        daemon.run_forever()
    finally:
        if server is not None:
            server.stop()
    # Stopped: what is left is the interpreter's exit, where Python puts back the default handlers. `timeout`,
    # systemd and container runtimes signal the process and then its group, so the same stop request can come again
    # now, and would turn a clean stop into death by signal (exit 143).
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, signal.SIG_IGN)


def _once(config, db_path: Path, routes_path: Path | None) -> None:
    from bot.run.assemble import build
    from bot.run.cycle import run_cycle
    from bot.run.runtime import iso
    from storage.outbox import unsent

    rt = build(db_path, routes_path, fetching=config.fetching)
    gc.freeze()  # the modules and configuration live as long as the process: the cycle's collections skip them
    report = run_cycle(resolve(config), rt, workers=config.fetching.workers)
    failed = [r for r in report.sources if r.outcome not in ("ok", "not_modified", "backoff")]
    unchanged = [r for r in report.sources if r.outcome == "not_modified"]
    waiting = [r for r in report.sources if r.outcome == "backoff"]
    pending, later = unsent(rt.db(), iso(rt.now()))  # every unsent row, due now or waiting for its time
    echo(
        f"cycle: {len(report.sources)} sources, {len(unchanged)} unchanged, {len(failed)} failed, "
        + (f"{len(waiting)} backing off, " if waiting else "")
        + f"{sum(r.new for r in report.sources)} new items, {report.delivery.sent} alerts sent, "
        f"{pending} alerts pending" + (f" ({later} waiting for their retry time or digest window)" if later else ""),
        err=True,
    )
    _explain(failed, waiting, rt.db(), iso(rt.now()))


def _explain(failed, waiting, db, now: str) -> None:
    """What failed and what to check; which sources wait, until when, after which error, and how to end the wait."""
    from bot.run.waits import check_for
    from storage.sources import waiting as waiting_rows

    for r in failed:
        echo(f"  failed: {r.source}: {r.error}", err=True)
    for check in dict.fromkeys(check_for(r.outcome) for r in failed):
        if check:
            echo(f"  check: {check}", err=True)
    names = {r.source for r in waiting}
    for row in (row for row in waiting_rows(db, now) if row["name"] in names):
        error = f" after: {row['last_error']}" if row["last_error"] else ""
        echo(f"  waiting: {row['name']} until {row['next_check_at']}{error}", err=True)
    if failed or waiting:
        echo("  failed sources are tried again later; `advisory-bot sources retry --all` ends the wait", err=True)


COMMANDS = [run]
