"""The command line: parses options, calls one function per command, decides exit codes."""

import click

from bot.commands import COMMAND_MODULES, command


class LazyGroup(click.Group):
    """A group whose commands are imported when used (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return command(cmd_name)


@click.group(cls=LazyGroup)
@click.version_option(package_name="advisory-bot")
def cli() -> None:
    """advisory-bot: DPRK cyber-threat advisories, tagged, archived and alerted."""
