"""CLI commands, one module per area; each module lists its click commands in COMMANDS."""

from bot.commands import archive, retag, routes, run, sources, tagging

COMMANDS = [*run.COMMANDS, *sources.COMMANDS, *archive.COMMANDS, *retag.COMMANDS, *routes.COMMANDS, *tagging.COMMANDS]
