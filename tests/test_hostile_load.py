"""Hostile size, end to end: a 50,000-item feed beside an ordinary source, and 200 MB / gzip-bomb bodies cut at
the cap without the process ever holding them (peak RSS of a real `run --once` process, from wait4)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage import open_archive
from tests.test_hostile_cycle import CHANNEL, DPRK_TEXT, baseline, big_feed, invoke, item, rss

pytestmark = pytest.mark.slow  # 50,000 items and 200 MB bodies through real processes

ROOT = Path(__file__).parent.parent
FETCHING = "fetching: {workers: 8, per_host_concurrency: 8, per_host_interval: 0.001s}\n"


def test_fifty_thousand_items_stored_and_the_other_source_unaffected(tmp_path, feed_server, slack_api):
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        FETCHING + "sources:\n"
        f"  - {{name: bulk, type: rss, url: '{feed_server.url('/bulk')}', allow_private: true, max_bytes: 64MB}}\n"
        f"  - {{name: control, type: rss, url: '{feed_server.url('/control')}', allow_private: true}}\n"
    )
    db = tmp_path / "a.db"
    feed_server.serve("/bulk", baseline("bulk"))
    feed_server.serve("/control", baseline("control"))
    invoke(sources, db, slack_api)

    feed_server.serve("/bulk", big_feed(50_000))
    new = item("Lazarus Group hits a bank", "https://hostile.example/control/bank", "control-bank", DPRK_TEXT)
    # the control source answers late, so its store lands while the 50,000-item transaction is being written
    feed_server.serve("/control", rss(new), delay=15)
    second = invoke(sources, db, slack_api)

    archive = open_archive(db)
    assert archive.execute("SELECT count(*) FROM items WHERE url LIKE 'https://bulk.example/%'").fetchone()[0] == 50_000
    states = {r["name"]: r for r in archive.query("SELECT * FROM sources")}
    assert states["control"]["error_count"] == 0, states["control"]["last_error"]
    assert "2 sources, 0 unchanged, 0 failed, 50001 new items, 1 alerts sent" in second.output
    assert [m for m in slack_api.messages(CHANNEL) if "hits a bank" in m["text"]]


def peak_rss_kb(tmp_path: Path, yaml: str) -> tuple[int, str]:
    """Run `run --once` as a real process; its own peak RSS (wait4, so no other child counts) and its output."""
    tmp_path.mkdir()
    (tmp_path / "sources.yaml").write_text(yaml)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    args = [sys.executable, "-m", "bot", "run", "--once", "--sources", str(tmp_path / "sources.yaml")]
    proc = subprocess.Popen(
        [*args, "--db", str(tmp_path / "a.db")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    out = proc.stdout.read().decode()  # EOF when the process exits; it writes little
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, out
    return usage.ru_maxrss, out


def test_200mb_body_and_gzip_bomb_cut_at_the_cap_without_reading_them(tmp_path, feed_server):
    feed_server.serve("/ok", baseline("ok"))
    feed_server.huge("/huge", size=200 * 2**20)
    feed_server.gzip_bomb("/bomb", size=2**28)
    ok = f"  - {{name: ok, type: rss, url: '{feed_server.url('/ok')}', allow_private: true}}\n"
    plain, _ = peak_rss_kb(tmp_path / "plain", FETCHING + "sources:\n" + ok)
    hostile, out = peak_rss_kb(
        tmp_path / "hostile",
        FETCHING + "sources:\n" + ok + f"  - {{name: huge, type: rss, url: '{feed_server.url('/huge')}', "
        "allow_private: true}\n"
        f"  - {{name: bomb, type: rss, url: '{feed_server.url('/bomb')}', allow_private: true}}\n",
    )
    assert "3 sources, 0 unchanged, 2 failed" in out
    assert "huge: body of 209715200 bytes exceeds the 10485760-byte cap" in out
    assert "bomb: body exceeds the 10485760-byte cap" in out
    assert hostile - plain < 40 * 1024, (plain, hostile)  # KiB: at most the 10 MB cap (plus noise), not 200 MB
