"""Where an export goes: stdout, or a file written whole or not at all.

Rules: a file export is written to a temporary file next to the target (same directory, so the rename is
atomic: POSIX rename(2), os.replace) and renamed over the target only when the exporter returned; on any error
the temporary file is removed and an existing target is left exactly as it was. The new file gets the old
file's permissions, or the umask's for a new one (mkstemp would leave it 0600).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def export_file(target: str | Path) -> Iterator[TextIO]:
    """A text stream for `target` ('-': stdout) that replaces the file only when the block ends without error."""
    if str(target) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(target)
    fd, scratch = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(scratch, _mode(path))
        os.replace(scratch, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(scratch)
        raise


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
