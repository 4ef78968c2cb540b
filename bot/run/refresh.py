"""The orchestrator of one source: fetch -> analyse (extract, tag) -> store. It owns no parsing, SQL or formatting.

Failures are caught here, at the source boundary: logged with the source name, counted in the
archive, and never allowed to touch another source.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta

from bot.errors import AdvisoryBotError, FetchError
from bot.fetch.client import Validators, fetch
from bot.records import TaggedItem
from bot.run import analyse as analysis
from bot.run import health as ops
from bot.run.runtime import Runtime, iso
from bot.run.store import store
from bot.stories.encode import encode_new
from storage.items import existing_id
from storage.sources import get_state, record_failure, success_row

log = logging.getLogger(__name__)
# The process's sources write through this lock (a write is one BEGIN IMMEDIATE transaction anyway): under load,
# threads polling SQLite's busy handler lost the race for 10 s and failed with "database is locked"; and a
# thread that waits in that handler sleeps in steps of up to 100 ms where the lock queues it for microseconds.
WRITER = threading.Lock()
MAX_BACKOFF = timedelta(hours=6)
GONE_AFTER = 3  # consecutive 404/410 answers before a source is parked
GONE_PARK = timedelta(days=30)


@dataclass(frozen=True)
class SourceReport:
    source: str
    outcome: str  # ok | not_modified | error kind (timeout, gone, ...)
    items: int = 0
    new: int = 0
    alerts: int = 0
    elapsed_ms: int = 0
    error: str = ""


def refresh(source, rt: Runtime) -> SourceReport:
    """One cycle of one source; never raises for the source's own failures."""
    started = rt.monotonic()
    db = rt.db()
    state = get_state(db, source.name)
    try:
        result = fetch(rt.http(source.allow_private), source, Validators(state.etag, state.last_modified), gate=rt.gate)
        now = iso(rt.now())
        if result.not_modified:
            row = success_row(
                state,
                source.url,
                now,
                etag=result.etag or state.etag,
                last_modified=result.last_modified or state.last_modified,
                items=None,
            )
            with WRITER:
                store(db, source.name, (), now, source_update=row)
            ops.after_success(rt, source, state.error_count, None, None, now)
            return _report(source, "not_modified", started, rt)
        if source.fulltext:  # the article pages are fetched here, between extracting and tagging
            from bot.fetch import fulltext

            items = analysis.extract(result, source)
            # the archive is asked once per item that could get a page (pages_wanted and enrich both ask)
            short = [i for i in items if len(i.text) < fulltext.SHORT_TEXT and i.url]
            archived = {i.id for i in short if existing_id(db.conn, i.id, i.url) is not None}

            def known(item) -> bool:
                return item.id in archived

            wanted = analysis.pages_wanted(items, source, rt.tagger, known)  # auto: the undecided only
            items = fulltext.enrich(items, source, rt, known=known, wanted=wanted)
            tagged = analysis.tag(items, rt.tagger)
        else:
            tagged = analysis.analyse(result, source, rt.tagger)
            items = [t.item for t in tagged]
        # story vectors and clues, outside the writer lock
        tagged = encode_new(tagged, db, rt.encoder, rt.stories, rt.now(), first_contact=not state.backlog_done)
        row = success_row(
            state, source.url, now, etag=result.etag, last_modified=result.last_modified, items=len(items)
        )
        routes = None  # first contact: store the backlog silently
        route = rt.routing.routes  # read once: a reload during this store cannot mix two routings
        if state.backlog_done and route is not None:
            moment = rt.now()

            def routes(t: TaggedItem):
                return route(t.item, t.tags, moment)

        with WRITER:  # one writer at a time, queued here: SQLite's busy handler starves threads under load
            stored = store(db, source.name, tagged, now, routes=routes, source_update=row, stories=rt.stories)
        ops.after_success(rt, source, state.error_count, len(items), state.items_last_fetch, now)
        rt.metrics.stored(source.name, len(stored.new))
        rt.metrics.tagged([t.tags for t in stored.new])
        if not items:  # an empty board, or markup that changed under the selectors: say so, never silently
            log.warning(
                "source produced no items",
                extra={"source_id": source.name, "previous_items": state.items_last_fetch, "type": source.type},
            )
    except AdvisoryBotError as exc:
        return _failed(source, state, exc, started, rt)
    except Exception as exc:  # a bug in one source's path must not stop the others
        log.exception("source failed unexpectedly", extra={"source_id": source.name})
        return _failed(source, state, exc, started, rt)
    report = _report(source, "ok", started, rt, items=len(items), new=len(stored.new), alerts=stored.alerts)
    log.info(
        "source refreshed",
        extra={
            "source_id": source.name,
            "items": report.items,
            "new_items": report.new,
            "alerts": report.alerts,
            "backlog": not state.backlog_done,
            "elapsed_ms": report.elapsed_ms,
        },
    )
    return report


def failure_kind(exc: Exception) -> str:
    """The stable name of a failure in logs and status: its error class's `kind`; `internal` for a bug."""
    return exc.kind if isinstance(exc, AdvisoryBotError) else "internal"


def _failed(source, state, exc: Exception, started: float, rt: Runtime) -> SourceReport:
    """Record the failure and report it; never raises (a crash here would end the cycle for every source)."""
    kind = failure_kind(exc)
    now = rt.now()
    try:
        delay = _next_delay(source, state, exc, kind, rt)
    except Exception:  # a bad wait must still leave the source failing, and backing off
        log.exception("source backoff not computed", extra={"source_id": source.name})
        delay = MAX_BACKOFF
    message = str(exc) or type(exc).__name__
    count = state.error_count + 1
    try:
        with WRITER:
            count = record_failure(rt.db(), source.name, source.url, iso(now), message, kind, iso(now + delay))
        ops.after_failure(rt, source, count, message, state.last_success_at)
    except Exception:  # e.g. "database is locked": still a per-source failure, never a crash
        log.exception("source failure not recorded", extra={"source_id": source.name})
    log.warning(
        "source failed",
        extra={
            "source_id": source.name,
            "error_kind": kind,
            "error": message,
            "consecutive_failures": count,
            "retry_in_s": int(delay.total_seconds()),
        },
    )
    return _report(source, kind, started, rt, error=message)


def _next_delay(source, state, exc: Exception, kind: str, rt: Runtime) -> timedelta:
    delay = backoff(source.every, state.error_count + 1, rt)
    if isinstance(exc, FetchError) and exc.retry_after:  # bounded by FetchError (bot.errors.MAX_WAIT)
        delay = max(delay, timedelta(seconds=exc.retry_after))
    if kind == "gone":  # RFC 9110 15.5.5/15.5.11: not worth the usual interval; parked after a few in a row
        delay = GONE_PARK if state.error_count + 1 >= GONE_AFTER else MAX_BACKOFF
    return delay


def backoff(every: float, failures: int, rt: Runtime) -> timedelta:
    """Exponential from the source's interval, with +-20% jitter, capped; never gives up."""
    base = min(every * 2 ** max(0, failures - 1), MAX_BACKOFF.total_seconds())
    return timedelta(seconds=base * rt.rng.uniform(0.8, 1.2))


def _report(source, outcome, started, rt, **kw) -> SourceReport:
    elapsed = rt.monotonic() - started
    rt.metrics.fetched(source.name, outcome, elapsed)
    return SourceReport(source=source.name, outcome=outcome, elapsed_ms=int(elapsed * 1000), **kw)
