"""The daemon: one APScheduler job per source, and a clean stop on SIGTERM/SIGINT."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.run.daemon import Daemon
from bot.run.runtime import Runtime

FEED = (Path(__file__).parent / "data/feeds/cisa_advisories.xml").read_bytes()


SOURCES = """
sources:
  - {name: fast, type: rss, url: "https://fast.example.org/feed", every: 15m}
  - {name: slow, type: rss, url: "https://slow.example.org/feed", every: 2h}
  - {name: off, type: rss, url: "https://off.example.org/feed", every: 1m, enabled: false}
"""


def test_one_job_per_enabled_source_with_interval_jitter_and_grace(tmp_path):
    (tmp_path / "sources.yaml").write_text(SOURCES)
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={})
    daemon = Daemon(rt, tmp_path / "sources.yaml", tmp_path / "routes.yaml")
    daemon.scheduler.start(paused=True)
    try:
        daemon.start_jobs()
        jobs = {job.id: job for job in daemon.scheduler.get_jobs()}
        assert set(jobs) == {"fast", "slow", "deliver", "reload", "heartbeat"}
        fast, slow = jobs["fast"], jobs["slow"]
        assert fast.trigger.interval.total_seconds() == 900 and slow.trigger.interval.total_seconds() == 7200
        assert fast.trigger.jitter == 18 and slow.trigger.jitter == 60  # 2%, at most a minute
        assert (fast.misfire_grace_time, fast.coalesce, fast.max_instances) == (450, True, 1)
        assert fast.next_run_time < slow.next_run_time  # first runs are staggered
    finally:
        daemon.scheduler.shutdown(wait=False)


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def running_daemon(tmp_path, feed_server, db):
    """`advisory-bot run` in a process of its own on one loopback feed, once it has refreshed the source: (the
    process, its log file). Killed on the way out if it is still running."""
    feed_server.serve("/feed.xml", FEED, content_type="application/rss+xml")
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - name: agency\n    type: rss\n    url: {feed_server.url('/feed.xml')}\n    allow_private: true\n"
    )
    log = tmp_path / "log.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--sources", str(sources), "--db", str(db)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=tmp_path,
        )
        try:
            assert wait_for(lambda: "source refreshed" in log.read_text()), log.read_text()
            yield proc, log
        finally:
            if proc.poll() is None:
                proc.kill()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_run_stops_cleanly_on_signal(tmp_path, feed_server, signum):
    db = tmp_path / "data" / "a.db"
    with running_daemon(tmp_path, feed_server, db) as (proc, log):
        proc.send_signal(signum)
        assert proc.wait(timeout=30) == 0
    text = log.read_text()
    assert "daemon stopping" in text and "daemon stopped" in text
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] > 0


def test_a_repeated_sigterm_during_shutdown_still_exits_0(tmp_path, feed_server):
    # `timeout`, systemd and container runtimes signal the process and then its group: the same stop request can
    # arrive again after the daemon has stopped, while the interpreter is exiting. It must not turn a clean stop
    # into death by signal (exit 143).
    with running_daemon(tmp_path, feed_server, tmp_path / "a.db") as (proc, log):
        proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 30
        while "daemon stopped" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.002)
        while proc.poll() is None and time.monotonic() < deadline:  # the same request again, until it exits
            proc.send_signal(signal.SIGTERM)
            time.sleep(0.002)
        assert proc.wait(timeout=30) == 0, log.read_text()
