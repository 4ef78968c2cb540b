"""`advisory-bot sources verify`: test every enabled source now, one line each; exit 1 if any fails."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from bot.commands.common import exits_on_errors, sources_option
from bot.config.sources import load_sources_file, resolve
from bot.errors import ConfigError
from bot.terminal import echo


@click.command()
@click.argument("names", nargs=-1)
@sources_option
@click.option("--strict", is_flag=True, help="Fail on warnings too (items came, with problems such as bad dates).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source instead of text.")
@exits_on_errors
def verify(names: tuple[str, ...], sources_path: Path, strict: bool, as_json: bool) -> None:
    """Fetch every enabled source (or only NAMES) now and print one line each: state, items, newest date, problems.

    States: ok; warn (items, with problems); FAIL (fetch or extract failed, no items, selectors match nothing).
    Nothing is stored or posted. Exit 0 when none failed, 1 when any failed (with --strict: or warned), 2 on
    configuration errors. For deployment day and a weekly cron.
    """
    from bot.fetch.politeness import HostGate
    from bot.fetch.verify import as_json as check_json
    from bot.fetch.verify import line
    from bot.fetch.verify import verify as verify_all

    written = load_sources_file(sources_path)
    every = resolve(written)
    unknown = sorted(set(names) - {s.name for s in every})
    if unknown:
        raise ConfigError(f"sources: no source named {', '.join(map(repr, unknown))} in {sources_path}")
    chosen = [s for s in every if s.name in names] if names else [s for s in every if s.enabled]
    f = written.fetching
    checks = verify_all(chosen, f.workers, HostGate(f.per_host_concurrency, f.per_host_interval))
    width = max((len(s.name) for s in chosen), default=0)
    for check in checks:
        echo(json.dumps(check_json(check), ensure_ascii=False) if as_json else line(check, width))
    counts = {state: sum(c.state == state for c in checks) for state in ("ok", "warn", "fail")}
    skipped = 0 if names else sum(not s.enabled for s in every)
    if not as_json:
        echo(
            f"{len(checks)} sources: {counts['ok']} ok, {counts['warn']} with warnings, {counts['fail']} failed"
            + (f"; {skipped} disabled not tested" if skipped else "")
        )
    if counts["fail"] or (strict and counts["warn"]):
        sys.exit(1)
