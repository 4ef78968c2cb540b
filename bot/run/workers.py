"""Extraction and tagging in worker processes for big cycles: spaCy and feedparser hold the GIL, so in
threads they use one core.

Used by `run --once` when a cycle has many sources and the machine more than one core. Each source thread
still fetches and stores; the CPU-bound middle (bot.run.analyse: extract, tag, sign) runs in a worker.

How workers start: with the forkserver method, whose server process imports spaCy and builds the tagger once
(bot.run.worker_preload); the workers are forked from it, share that tagger copy-on-write, and start in
milliseconds. The server starts with the process (`start_early`) when the cycle will surely parse something
(a source read for the first time, or one without validators, which every fetch downloads in full), so its
second of start-up overlaps the process's own; otherwise on the first changed feed, so a cycle where every
source answers 304 starts nothing. The server is
single-threaded, so forking it is safe, which forking this process (with its source threads) would not be.
Where forkserver does not exist, workers are spawned and each builds its own tagger. On close, the server is
stopped and waited for, so the CPU of the whole pool is accounted to this process (bench/cycle.py reads it).
What a task logs in a worker (skipped entries, say) is sent back with its result and logged by this
process, so logs read the same as with in-process analysis. The results are the same either way.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sqlite3
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver
from pathlib import Path

from bot.errors import AdvisoryBotError
from bot.records import FetchResult, TaggedItem
from storage import readonly

log = logging.getLogger(__name__)
PRELOAD = "bot.run.worker_preload"
POOL_FROM = 20  # enabled sources in one cycle from which parsing and tagging move to worker processes


# forkserver where the platform has it (Linux, macOS); spawn elsewhere
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _context():
    """The multiprocessing context of the workers (the forkserver preloads bot.run.worker_preload)."""
    context = multiprocessing.get_context(START_METHOD)
    if START_METHOD == "forkserver":
        context.set_forkserver_preload([PRELOAD])
    return context


def wanted(sources) -> bool:
    """Whether a cycle over `sources` uses worker processes: many sources and more than one core."""
    return (os.cpu_count() or 1) > 1 and sum(1 for s in sources if s.enabled) >= POOL_FROM


def start_early(sources, db_path: Path) -> bool:
    """Start the forkserver now if the coming cycle uses workers and will surely need them (see above)."""
    if not wanted(sources) or START_METHOD != "forkserver":
        return False
    try:  # plain sqlite3, read-only: storage's import of sqlite-utils would delay the start it is here to advance
        with contextlib.closing(readonly.connect(db_path)) as conn:
            rows = readonly.source_validators(conn)
    except sqlite3.Error:  # no archive yet (or an old one): every source is new
        rows = []
    known = {name: bool(first and (etag or modified)) for name, etag, modified, first in rows}
    if all(known.get(s.name) for s in sources if s.enabled):
        return False
    _context()  # registers the preload the server imports when it starts
    forkserver.ensure_running()
    log.debug("forkserver started early")
    return True


class AnalysisError(AdvisoryBotError):
    """A document could not be analysed: a worker died on it in the pool, and again in a process of its own."""

    kind = "analysis"


def _tag(items: list) -> list:
    from bot.tagging import get_tagger

    return get_tagger().tag_many(items)


def _analyse(result: FetchResult, source) -> list[TaggedItem]:
    from bot.run.analyse import analyse
    from bot.tagging import get_tagger

    return analyse(result, source, get_tagger())


class _Records(logging.Handler):
    """Collects what a task logs in the worker, made picklable, for the parent to log as its own."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


def _task(func, *args) -> tuple[bool, object, list[logging.LogRecord]]:
    """Run func(*args) in the worker: (succeeded, result or exception, the records it logged)."""
    root = logging.getLogger()
    handler = _Records()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)  # every record comes back; the parent's loggers decide what is shown
    try:
        return True, func(*args), handler.records
    except Exception as exc:  # returned, not raised, so its records still reach the parent
        return False, exc, handler.records
    finally:
        root.removeHandler(handler)


class TagPool:
    def __init__(self, processes: int):
        self.processes = processes
        self.method = START_METHOD
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None  # made on the first task: a cycle of 304s needs none

    def executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(self.processes, mp_context=_context())
                log.info("worker processes", extra={"processes": self.processes, "start_method": self.method})
            return self._executor

    def tag_many(self, items) -> list:
        items = list(items)
        return self._run(_tag, items) if items else []

    def analyse(self, result: FetchResult, source) -> list[TaggedItem]:
        return self._run(_analyse, result, source)

    def _run(self, func, *args):
        """func(*args) in a worker; what it logged is logged here, by this process's handlers, in order.

        A worker that dies (killed for memory, or a crash in a C library on a hostile document) breaks the whole
        executor and fails every task in flight. The pool is replaced, and each of those tasks is tried once
        more in a process of its own: the other sources' documents go through, and a document that kills its
        own process too fails its source only.
        """
        executor = self.executor()
        try:
            ok, value, records = executor.submit(_task, func, *args).result()
        except BrokenProcessPool:
            self._replace(executor)
            with ProcessPoolExecutor(1, mp_context=_context()) as alone:
                try:
                    ok, value, records = alone.submit(_task, func, *args).result()
                except BrokenProcessPool as exc:
                    raise AnalysisError("analysis: a worker process died on this document") from exc
        for record in records:
            logger = logging.getLogger(record.name)
            if logger.isEnabledFor(record.levelno):
                logger.handle(record)
        if not ok:
            raise value
        return value

    def _replace(self, broken: ProcessPoolExecutor | None) -> None:
        """Drop a broken executor (once, whichever thread sees it first); the next task makes a new one."""
        with self._lock:
            if broken is not None and self._executor is broken:
                log.warning("worker process died; starting new workers", extra={"processes": self.processes})
                broken.shutdown(wait=False, cancel_futures=True)
                self._executor = None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        if self.method == "forkserver":
            stop_forkserver()


def stop_forkserver() -> None:
    """Stop the forkserver and reap it: its CPU and its workers' then count as this process's children's.

    multiprocessing has no public call for this; `_stop` is what CPython's own tests use. Without it (another
    Python), the server still exits when this process does.
    """
    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()
