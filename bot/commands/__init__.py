"""CLI commands, one module per area; each module lists its click commands in COMMANDS."""

from bot.commands import archive, export, retag, routes, run, serve, sources, status, stories, tagging, trends

COMMANDS = [
    *run.COMMANDS,
    *sources.COMMANDS,
    *archive.COMMANDS,
    *status.COMMANDS,
    *retag.COMMANDS,
    *routes.COMMANDS,
    *stories.COMMANDS,
    *tagging.COMMANDS,
    *export.COMMANDS,
    *serve.COMMANDS,
    *trends.COMMANDS,
]
