"""CLI commands, one module per area; each module lists its click commands in COMMANDS."""

from bot.commands import tagging

COMMANDS = [*tagging.COMMANDS]
