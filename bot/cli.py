"""The command line: parses options, calls one function per command, decides exit codes."""

import click

from bot.commands import COMMANDS


@click.group()
@click.version_option(package_name="advisory-bot")
def cli() -> None:
    """advisory-bot: DPRK cyber-threat advisories, tagged, archived and alerted."""


for _command in COMMANDS:
    cli.add_command(_command)
