"""Readers never block the bot: while `advisory-bot serve` answers queries, a search loop runs and a reader holds a
read transaction open for the whole cycle, `run --once` stores and alerts as fast as alone (WAL: readers see a
snapshot, the writer appends)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from storage import open_archive
from storage.search import Query, search
from tests.test_hostile_cycle import DPRK_TEXT, baseline, invoke, item, rss

pytestmark = pytest.mark.slow  # a real serve process beside a cycle

ROOT = Path(__file__).parent.parent
NAMES = ("one", "two", "three")


class Loop(threading.Thread):
    """Call `step` until stopped; count calls and keep the first error."""

    def __init__(self, step):
        super().__init__(daemon=True)
        self.step, self.stop, self.calls, self.error = step, threading.Event(), 0, None

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.step()
                self.calls += 1
            except Exception as exc:  # noqa: BLE001 - reported by the test
                self.error = exc
                return


def test_readers_never_block_the_cycle(tmp_path, feed_server, slack_api):
    sources = tmp_path / "sources.yaml"
    lines = ["fetching: {workers: 8, per_host_concurrency: 8, per_host_interval: 0.001s}", "sources:"]
    lines += [f"  - {{name: {n}, type: rss, url: '{feed_server.url('/' + n)}', allow_private: true}}" for n in NAMES]
    sources.write_text("\n".join(lines) + "\n")
    db = tmp_path / "archive.db"
    for name in NAMES:
        feed_server.serve("/" + name, baseline(name))
    invoke(sources, db, slack_api)

    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    web = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", "0", "--db", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", web.stdout.readline()).group(0)
        http = httpx.Client(base_url=url, timeout=10, trust_env=False)

        def page() -> None:
            answer = http.get("/archive/items.json", params={"_size": 20, "_sort_desc": "first_seen"})
            assert answer.status_code == 200, answer.text[:300]

        local = threading.local()

        def find() -> None:
            if not hasattr(local, "db"):
                local.db = open_archive(db)  # the search CLI's own connection, in the loop's thread
            search(local.db, Query(text="baseline OR lazarus", limit=20))

        snapshot = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
        snapshot.execute("BEGIN")
        before = snapshot.execute("SELECT count(*) FROM items").fetchone()[0]

        loops = [Loop(page), Loop(find)]
        deadline = time.monotonic() + 60
        for loop in loops:
            loop.start()
        while time.monotonic() < deadline and not all(loop.calls or loop.error for loop in loops):
            time.sleep(0.01)  # both readers running before the cycle starts

        for name in NAMES:
            new = item(f"Lazarus Group strikes again ({name})", f"https://c.example/{name}/1", f"{name}-1", DPRK_TEXT)
            feed_server.serve("/" + name, rss(new))
        started = time.monotonic()
        run = invoke(sources, db, slack_api)
        elapsed = time.monotonic() - started
        for loop in loops:
            loop.stop.set()
            loop.join(timeout=30)

        assert all(loop.error is None for loop in loops), [loop.error for loop in loops]
        assert all(loop.calls > 0 for loop in loops)
        assert "3 sources, 0 unchanged, 0 failed, 3 new items" in run.output
        assert elapsed < 15, elapsed  # the cycle alone takes ~2 s; a blocked writer would wait 10 s per store
        assert snapshot.execute("SELECT count(*) FROM items").fetchone()[0] == before  # the reader's snapshot
        snapshot.execute("COMMIT")
        assert snapshot.execute("SELECT count(*) FROM items").fetchone()[0] == before + 3
        assert open_archive(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        web.terminate()
        web.wait(timeout=30)
