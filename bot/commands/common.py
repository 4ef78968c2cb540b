"""Options and helpers shared by the commands: file defaults, config errors -> exit 2."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from bot.errors import AdvisoryBotError, ConfigError
from bot.terminal import echo

DEFAULT_SOURCES = Path("sources.yaml")
DEFAULT_DB = Path("data/advisories.db")

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    envvar="ADVISORY_BOT_DB",
    show_default=True,
    help="SQLite archive file (env ADVISORY_BOT_DB).",
)
sources_option = click.option(
    "--sources",
    "sources_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_SOURCES,
    envvar="ADVISORY_BOT_SOURCES",
    show_default=True,
    help="Sources file (env ADVISORY_BOT_SOURCES).",
)


def exits_on_errors(func):
    """Print our own errors plainly (no traceback): exit 2 for configuration, 1 for the rest."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            echo(f"error: {exc}", err=True)
            sys.exit(2)
        except AdvisoryBotError as exc:
            echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper


def require_archive(db_path: Path) -> None:
    if not db_path.exists():
        raise AdvisoryBotError(f"archive: no archive at {db_path} (run `advisory-bot run --once` first)")


routes_option = click.option(
    "--routes",
    "routes_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    envvar="ADVISORY_BOT_ROUTES",
    help="Routes file (env ADVISORY_BOT_ROUTES; default ./routes.yaml when present, else DPRK cyber items "
    "to Slack or the console).",
)
