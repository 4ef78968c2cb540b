"""Per-host politeness: at most `concurrency` requests at once to one host, and `interval` between their starts.

Many sources live on one host (an agency's advisories, news and blog feeds); parallel cycles must not hit it
like a crawler. Shared by every fetch of the process, feeds and full-text article pages alike.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit


class HostGate:
    def __init__(
        self,
        concurrency: int = 2,
        interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.concurrency, self.interval, self.clock, self.sleep = concurrency, interval, clock, sleep
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def enter(self, url: str) -> Iterator[None]:
        """Hold a slot for `url`'s host for the duration of one request."""
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.concurrency))
        with slot:
            with self._lock:  # reserve the next start time for this host, then wait for it outside the lock
                start = max(self.clock(), self._next_start.get(host, 0.0))
                self._next_start[host] = start + self.interval
            wait = start - self.clock()
            if wait > 0:
                self.sleep(wait)
            yield
