"""Extraction and tagging in worker processes for big cycles: spaCy and feedparser hold the GIL, so in
threads they use one core.

Used by `run --once` when a cycle has many sources and the machine more than one core. Each source thread
still fetches and stores; the CPU-bound middle (bot.analyse: extract, tag, sign) runs in a worker, which
builds its own tagger once. Workers start with the spawn method (forking a process that runs threads is
unsafe). The results are the same as in-process analysis; only where the work runs changes.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from bot.records import FetchResult, TaggedItem


def _warm() -> None:
    from bot.tagging import get_tagger

    get_tagger()


def _tag(items: list) -> list:
    from bot.tagging import get_tagger

    return get_tagger().tag_many(items)


def _analyse(result: FetchResult, source) -> list[TaggedItem]:
    from bot.analyse import analyse
    from bot.tagging import get_tagger

    return analyse(result, source, get_tagger())


class TagPool:
    def __init__(self, processes: int):
        context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(processes, mp_context=context, initializer=_warm)

    def tag_many(self, items) -> list:
        items = list(items)
        return self.executor.submit(_tag, items).result() if items else []

    def analyse(self, result: FetchResult, source) -> list[TaggedItem]:
        return self.executor.submit(_analyse, result, source).result()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
