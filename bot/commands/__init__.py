"""CLI commands, one module per area; each module lists its click commands in COMMANDS.

`COMMAND_MODULES` names the module of every command, in `--help` order, so the CLI imports only the module of
the command being run: `run --once` does not pay for the archive, export and web commands' imports.
"""

from __future__ import annotations

import importlib

COMMAND_MODULES = {
    "run": "run",
    "sources": "sources",
    "search": "archive",
    "show": "archive",
    "status": "status",
    "retag": "retag",
    "routes": "routes",
    "stories": "stories",
    "tag": "tagging",
    "eval": "tagging",
    "kb": "tagging",
    "export": "export",
    "serve": "serve",
    "stats": "trends",
    "report": "trends",
}


def command(name: str):
    """The click command `name`, importing its module; None if there is no such command."""
    module = COMMAND_MODULES.get(name)
    if module is None:
        return None
    commands = importlib.import_module(f"bot.commands.{module}").COMMANDS
    return next(c for c in commands if c.name == name)
