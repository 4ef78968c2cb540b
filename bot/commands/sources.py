"""`advisory-bot sources ...`: operators' commands for the source list."""

from __future__ import annotations

from pathlib import Path

import click

from bot.commands.common import DEFAULT_SOURCES, exits_on_errors
from bot.config import load_sources


@click.group()
def sources() -> None:
    """Check and inspect the source list."""


@sources.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_SOURCES)
@exits_on_errors
def check(file: Path) -> None:
    """Validate FILE (default ./sources.yaml) exactly as `run` does at start-up; exit 2 if invalid."""
    loaded = load_sources(file)
    by_type: dict[str, int] = {}
    for source in loaded:
        by_type[source.type] = by_type.get(source.type, 0) + 1
    kinds = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items()))
    disabled = sum(not s.enabled for s in loaded)
    click.echo(f"{file}: ok, {len(loaded)} sources ({kinds}){f', {disabled} disabled' if disabled else ''}")


COMMANDS = [sources]
