"""Tagging in worker processes for big cycles: spaCy holds the GIL, so tagging in threads uses one core.

Used by `run --once` when a cycle has many sources and the machine more than one core. Workers start with the
spawn method (forking a process that runs threads is unsafe) and each builds its own tagger once. The tags
are the same as in-process tagging; only where the work runs changes.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def _warm() -> None:
    from bot.tagging import get_tagger

    get_tagger()


def _tag(items: list) -> list:
    from bot.tagging import get_tagger

    return get_tagger().tag_many(items)


class TagPool:
    def __init__(self, processes: int):
        context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(processes, mp_context=context, initializer=_warm)

    def tag_many(self, items) -> list:
        items = list(items)
        return self.executor.submit(_tag, items).result() if items else []

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
