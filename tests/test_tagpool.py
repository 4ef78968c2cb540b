"""Tagging in worker processes gives the same tags and the same archive as tagging in the cycle's threads."""

import logging
import os
import resource
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import forkserver
from pathlib import Path

import pytest

from bot.config.sources import load_sources
from bot.errors import ExtractError
from bot.records import FetchResult
from bot.run.assemble import build
from bot.run.cycle import run_cycle
from bot.run.workers import AnalysisError, TagPool
from bot.tagging import get_tagger
from tests.conftest import make_source

DATA = Path(__file__).parent / "data/feeds"
TEXTS = [
    ("Kimsuky targets think tanks", "North Korean hackers of Kimsuky phished researchers at think tanks.", None),
    ("Patch notes", "Fixes CVE-2026-0001 in a VPN appliance.", None),
    ("라자루스, 거래소 해킹", "북한 해킹조직 라자루스가 가상자산 거래소를 공격했다.", "ko"),
]


def test_pool_tags_like_the_process():
    pool = TagPool(2)
    try:
        assert [t.to_contract("") for t in pool.tag_many(TEXTS)] == [
            t.to_contract("") for t in get_tagger().tag_many(TEXTS)
        ]
        assert pool.tag_many([]) == []
    finally:
        pool.close()


def test_workers_fork_from_a_preloaded_server_whose_cpu_is_accounted_here():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    pool = TagPool(2)
    assert pool.method == "forkserver"
    try:
        assert pool.tag_many(TEXTS)[0].actors == ("Kimsuky",)
        assert forkserver._forkserver._forkserver_pid is not None  # started by the first task
    finally:
        pool.close()
    assert forkserver._forkserver._forkserver_pid is None  # stopped and reaped on close
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the server's import of spaCy alone takes more: its CPU (and its workers') now counts as this process's
    assert (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) > 0.3


def test_what_a_worker_logs_is_logged_here(caplog):
    feed = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
        b"<item><description>no title, no link</description></item>"
        b"<item><title>Kept</title><link>https://example.org/kept</link></item></channel></rss>"
    )
    pool = TagPool(2)
    try:
        with caplog.at_level(logging.INFO):
            tagged = pool.analyse(FetchResult("https://example.org/feed", 200, feed), make_source("pooled", "rss"))
            with pytest.raises(ExtractError, match="not a feed"):  # the worker's exception, raised here
                pool.analyse(FetchResult("https://example.org/page", 200, b"<html>hi</html>"), make_source("p", "rss"))
    finally:
        pool.close()
    assert [t.item.title for t in tagged] == ["Kept"]
    skipped = [r for r in caplog.records if r.getMessage() == "extract_skipped"]
    assert skipped and skipped[0].source_id == "pooled" and skipped[0].process != os.getpid()


@pytest.mark.slow
def test_cycle_with_the_pool_archives_what_the_threads_do(tmp_path, feed_server, monkeypatch):
    monkeypatch.setattr("bot.run.cycle.os.cpu_count", lambda: 2)
    lines = ["sources:"]
    for feed in ("cisa_advisories.xml", "vendor_blog.atom", "news_hostile.xml"):
        feed_server.serve_file(f"/{feed}", DATA / feed)
        name = feed.split(".")[0].replace("_", "-")
        lines.append(f'  - {{name: {name}, type: rss, url: "{feed_server.url("/" + feed)}", allow_private: true}}')
    feed_server.serve("/not-a-feed", b"<html><body><p>Maintenance</p></body></html>", content_type="text/html")
    lines.append(f'  - {{name: broken, type: rss, url: "{feed_server.url("/not-a-feed")}", allow_private: true}}')
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n")
    archives = {}
    for pooled in (True, False):
        rt = build(tmp_path / f"{pooled}.db", env={})
        report = run_cycle(load_sources(tmp_path / "sources.yaml"), rt, pool=pooled)
        outcomes = {r.source: r.outcome for r in report.sources}
        assert outcomes.pop("broken") == "extract"  # the worker's ExtractError reaches the source's thread
        assert set(outcomes.values()) == {"ok"}
        assert type(rt.tagger).__name__ == "LazyTagger"  # the pool is closed and gone after the cycle
        db = rt.db()
        archives[pooled] = (
            db.execute("SELECT id, dprk_cyber, score, actors, sectors, evidence FROM items ORDER BY id").fetchall(),
            db.execute("SELECT item_id, minhash FROM item_signatures ORDER BY item_id").fetchall(),
            db.execute("SELECT band, hash, item_id FROM item_bands ORDER BY 3, 1").fetchall(),
            db.execute("SELECT item_id, rule FROM story_members ORDER BY item_id").fetchall(),
        )
    assert len(archives[True][0]) >= 8 and len(archives[True][1]) >= 8
    assert archives[True] == archives[False]


def test_start_early_only_when_the_cycle_will_surely_parse(tmp_path, monkeypatch):
    from bot.run.workers import POOL_FROM, start_early, stop_forkserver
    from storage import open_archive

    monkeypatch.setattr("bot.run.workers.os.cpu_count", lambda: 2)
    lines = ["sources:"] + [
        f"  - {{name: s{n}, type: rss, url: 'https://example.org/{n}.xml'}}" for n in range(POOL_FROM)
    ]
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n")
    sources = load_sources(tmp_path / "sources.yaml")
    db_path = tmp_path / "a.db"
    try:
        assert not start_early(sources[:-1], db_path)  # too few sources for workers at all
        assert start_early(sources, db_path)  # no archive yet: every source has a backlog
        assert forkserver._forkserver._forkserver_pid is not None
        stop_forkserver()
        db = open_archive(db_path)
        rows = [(f"s{n}", "u", '"e"', "x") for n in range(POOL_FROM)]
        db.conn.executemany("INSERT INTO sources (name, url, etag, first_success_at) VALUES (?, ?, ?, ?)", rows)
        assert not start_early(sources, db_path)  # every source read before, with a validator: maybe all 304
        db.execute("UPDATE sources SET etag = NULL WHERE name = 's3'")
        assert start_early(sources, db_path)  # one that is downloaded in full every time
    finally:
        stop_forkserver()
    assert forkserver._forkserver._forkserver_pid is None


def test_a_worker_that_dies_fails_its_own_task_only():
    pool = TagPool(2)
    try:
        with ThreadPoolExecutor(4) as threads:
            good = [threads.submit(pool.tag_many, TEXTS) for _ in range(3)]
            bad = threads.submit(pool._run, os._exit, 3)  # a document that kills the process analysing it
            more = [threads.submit(pool.tag_many, TEXTS) for _ in range(3)]
            with pytest.raises(AnalysisError, match="worker process died"):
                bad.result()
            assert all(f.result()[0].actors == ("Kimsuky",) for f in good + more)
        assert pool.tag_many(TEXTS)[0].actors == ("Kimsuky",)  # a new pool serves what comes next
    finally:
        pool.close()
