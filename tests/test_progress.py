"""Long commands show a progress bar on a terminal and stay quiet when piped."""

import io
import sqlite3

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.commands.progress import counted, while_querying


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_on_a_terminal_nothing_on_a_pipe():
    tty, pipe = Terminal(), io.StringIO()
    assert list(counted(range(250), "export csv", stream=tty)) == list(range(250))
    assert list(counted(range(250), "export csv", stream=pipe)) == list(range(250))
    assert tty.getvalue().startswith("\rexport csv: 0item") and "item/s" in tty.getvalue()
    assert pipe.getvalue() == ""


def test_a_long_query_moves_its_bar_and_leaves_no_handler():
    conn = sqlite3.connect(":memory:")
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT count(*) FROM n"
    tty = Terminal()
    with while_querying(conn, "stats", stream=tty):
        assert conn.execute(slow).fetchone()[0] == 300000
    assert "stats" in tty.getvalue() and "step" in tty.getvalue()
    size = len(tty.getvalue())
    conn.execute(slow)  # the handler is gone: nothing more is written
    assert len(tty.getvalue()) == size
    pipe = io.StringIO()
    with while_querying(conn, "stats", stream=pipe):
        conn.execute(slow)
    assert pipe.getvalue() == ""


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--format", "csv", "-o", "-"],
        ["stats", "--by", "actor", "--any"],
        ["retag"],
    ],
)
def test_piped_commands_print_no_bar(archive, args):
    result = CliRunner().invoke(cli, [*args, "--db", str(archive)])
    assert result.exit_code == 0, result.output
    assert "\r" not in result.output and "it/s" not in result.output and "item/s" not in result.output
