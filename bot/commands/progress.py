"""Progress bars for long commands (retag, exports, stats): tqdm on a terminal, nothing when stderr is piped.

Rules: bars go to stderr, so stdout stays the command's output (a CSV, a table) even on a terminal; they are
off unless stderr is a terminal (a cron job's log or a pipe gets no carriage returns); a bar that outlives its
block is closed, so the summary line after it starts on a clean line.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

SQL_STEPS = 100_000  # SQLite virtual-machine instructions between two ticks of a running query


def on_terminal(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


def bar(total: int | None = None, desc: str = "", unit: str = "item", stream: TextIO | None = None):
    """A tqdm bar on `stream` (default stderr), disabled unless it is a terminal."""
    from tqdm import tqdm

    stream = stream or sys.stderr
    return tqdm(total=total, desc=desc, unit=unit, file=stream, disable=not on_terminal(stream), leave=False)


def counted(rows: Iterable, desc: str, total: int | None = None, stream: TextIO | None = None) -> Iterator:
    """`rows`, ticking a bar per row."""
    with bar(total, desc, stream=stream) as progress:
        for row in rows:
            yield row
            progress.update(1)


@contextlib.contextmanager
def while_querying(conn, desc: str, stream: TextIO | None = None):
    """A bar that moves while SQLite works on `conn` (its progress handler), for one long aggregate query."""
    if not on_terminal(stream or sys.stderr):
        yield
        return
    with bar(None, desc, unit="step", stream=stream) as progress:

        def tick() -> int:
            progress.update(1)
            return 0  # 0: go on (non-zero would interrupt the query)

        conn.set_progress_handler(tick, SQL_STEPS)
        try:
            yield
        finally:
            conn.set_progress_handler(None, 0)
