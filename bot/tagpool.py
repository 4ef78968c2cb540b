"""Extraction and tagging in worker processes for big cycles: spaCy and feedparser hold the GIL, so in
threads they use one core.

Used by `run --once` when a cycle has many sources and the machine more than one core. Each source thread
still fetches and stores; the CPU-bound middle (bot.analyse: extract, tag, sign) runs in a worker.

How workers start: with the forkserver method, whose server process (started on the first task, so a cycle
where every source answers 304 starts nothing) imports spaCy and builds the tagger once (bot.tagging.preload);
the workers are forked from it, share that tagger copy-on-write, and start in milliseconds. The server is
single-threaded, so forking it is safe, which forking this process (with its source threads) would not be.
Where forkserver does not exist, workers are spawned and each builds its own tagger. On close, the server is
stopped and waited for, so the CPU of the whole pool is accounted to this process (bench/cycle.py reads it).
The results are the same as in-process analysis either way.
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from bot.records import FetchResult, TaggedItem

log = logging.getLogger("advisory_bot.tagpool")
PRELOAD = "bot.tagging.preload"


def _tag(items: list) -> list:
    from bot.tagging import get_tagger

    return get_tagger().tag_many(items)


def _analyse(result: FetchResult, source) -> list[TaggedItem]:
    from bot.analyse import analyse
    from bot.tagging import get_tagger

    return analyse(result, source, get_tagger())


class TagPool:
    def __init__(self, processes: int):
        self.method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(self.method)
        if self.method == "forkserver":
            context.set_forkserver_preload([PRELOAD])
        self.executor = ProcessPoolExecutor(processes, mp_context=context)
        log.info("worker processes ready to start", extra={"processes": processes, "start_method": self.method})

    def tag_many(self, items) -> list:
        items = list(items)
        return self.executor.submit(_tag, items).result() if items else []

    def analyse(self, result: FetchResult, source) -> list[TaggedItem]:
        return self.executor.submit(_analyse, result, source).result()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        if self.method == "forkserver":
            _stop_forkserver()


def _stop_forkserver() -> None:
    """Stop the forkserver and reap it: its CPU and its workers' then count as this process's children's.

    multiprocessing has no public call for this; `_stop` is what CPython's own tests use. Without it (another
    Python), the server still exits when this process does.
    """
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()
