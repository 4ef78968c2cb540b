"""/metrics and /healthz over HTTP on loopback, from a daemon that really ran a source."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

FEED = (Path(__file__).parent / "data/feeds/cisa_advisories.xml").read_bytes()


@pytest.mark.slow
def test_metrics_and_healthz(tmp_path, feed_server):
    feed_server.serve("/feed.xml", FEED, content_type="application/rss+xml")
    (tmp_path / "sources.yaml").write_text(
        f"sources:\n  - name: agency\n    type: rss\n    url: {feed_server.url('/feed.xml')}\n    allow_private: true\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    log = (tmp_path / "log.txt").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--sources", "sources.yaml", "--db", "a.db", "--metrics-port", "0"],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while "source refreshed" not in _text(tmp_path):  # the daemon has run the source once
            assert time.monotonic() < deadline and proc.poll() is None, _text(tmp_path)
            time.sleep(0.1)
        port = int(_text(tmp_path).split("metrics: http://127.0.0.1:")[1].split("/")[0])
        metrics = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
        assert 'advisory_bot_fetches_total{outcome="ok",source="agency"} 1.0' in metrics
        assert 'advisory_bot_items_new_total{source="agency"}' in metrics
        assert 'advisory_bot_source_consecutive_failures{source="agency"} 0.0' in metrics
        assert "advisory_bot_outbox_pending" in metrics
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
        assert health.status_code == 200
        assert json.loads(health.text)["checks"]["archive"]["ok"] is True
        blocker = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")  # another writer holds the archive: the daemon cannot write
        try:
            sick = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
            assert sick.status_code == 503
            assert "database is locked" in json.loads(sick.text)["checks"]["archive"]["error"]
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200
        assert httpx.get(f"http://127.0.0.1:{port}/nothing", timeout=5).status_code == 404
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def _text(tmp_path):
    return (tmp_path / "log.txt").read_text()


def test_health_reports_a_stuck_scheduler(tmp_path):
    from bot.run.daemon import STUCK_AFTER_S, Daemon
    from bot.run.runtime import Runtime

    (tmp_path / "sources.yaml").write_text("sources: []\n")
    clock = {"t": 1000.0}
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={}, monotonic=lambda: clock["t"])
    daemon = Daemon(rt, tmp_path / "sources.yaml", env={})
    daemon.scheduler.start(paused=True)
    try:
        assert daemon.health()["scheduler"]["ok"] is True
        clock["t"] += STUCK_AFTER_S + 1  # no job has finished for too long
        checks = daemon.health()
        assert checks["scheduler"] == {"ok": False, "seconds_since_last_job": STUCK_AFTER_S + 1.0}
        assert checks["archive"]["ok"] is True
    finally:
        daemon.scheduler.shutdown(wait=False)
