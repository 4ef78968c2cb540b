"""Text for the terminal: everything a command prints goes through `echo` (or a `stream`), never raw.

Feed text, feed URLs, discovered links and servers' error messages are hostile: an ESC sequence in a link can
rewrite the screen, set the window title, or hide what `sources add` is about to write (OSC 8 links, cursor
moves). `printable` removes ANSI/VT sequences, every C0 control but tab and newline (CR too: it overwrites the
line), DEL, the C1 controls (0x9b is a one-byte CSI), and bidi overrides and invisible characters (Trojan Source).
JSON output stays valid JSON: json.dumps already writes C0 controls as \\u escapes.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

import click

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[P^_X][^\x1b]*(?:\x1b\\)?|[ -~]?)")
_CSI8 = re.compile(r"\x9b[0-?]*[ -/]*[@-~]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def printable(text: str) -> str:
    """`text` without anything a terminal would execute or that would reorder or hide what it shows."""
    return _INVISIBLE.sub("", _CONTROL.sub("", _CSI8.sub("", _ANSI.sub("", text))))


def echo(message: object = "", err: bool = False, nl: bool = True) -> None:
    """click.echo for command output: the message made printable first."""
    click.echo(printable(str(message)), err=err, nl=nl)


class Printable:
    """A text stream that writes only printable text to `target` (for writers that take a stream)."""

    def __init__(self, target: TextIO):
        self.target = target

    def write(self, text: str) -> int:
        self.target.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    def isatty(self) -> bool:
        return self.target.isatty()


def stream(err: bool = False) -> Printable:
    return Printable(sys.stderr if err else sys.stdout)
