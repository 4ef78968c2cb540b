"""One delivering process per archive: `run` (daemon or --once) and `retag --alert` hold an exclusive lock.

Two overlapping `run --once` (cron with a slow cycle) read the same pending outbox rows and both posted them:
a row being posted by a live process looks exactly like a row left 'sending' by a crashed one, which the
next run must look up and finish. So one process delivers for an archive at a time: an advisory lock
(flock) on `<archive>.lock`, never deleted, released by the kernel when the holder exits or is killed, so
a crash leaves nothing stale. A second process stops at once with a message naming the holder.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from bot.errors import AdvisoryBotError


class ArchiveBusy(AdvisoryBotError):
    """Another advisory-bot process is running (and delivering) on this archive."""


class RunLock:
    """The archive's run lock, held from `acquire` until `release` or the process's end."""

    def __init__(self, db_path: Path):
        self.path = Path(f"{db_path}.lock")
        self.fd: int | None = None

    def acquire(self, what: str) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise ArchiveBusy(
                f"run: {holder} is already running on {self.path.with_suffix('')}; {what} not started"
                " (one process delivers alerts for an archive at a time)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"advisory-bot pid {os.getpid()}".encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor drops the flock
            self.fd = None

    def __enter__(self) -> RunLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def hold(db_path: Path, what: str) -> RunLock:
    """Take the archive's run lock for `what` (e.g. "run --once"), or raise ArchiveBusy (exit 1)."""
    return RunLock(db_path).acquire(what)
