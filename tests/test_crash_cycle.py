"""kill -9 at random points of a cycle, 20 times in a row, against feeds that keep changing; then a clean run.

The bot runs as a real process (`python -m bot run --once`); before each run every feed gains new items (DPRK and
not), and the process is SIGKILLed after a random delay (seeded, printed on failure): while starting, fetching,
storing, or posting. Afterwards every item ever served is in the archive once, every alert row was posted exactly
once (Slack metadata keys are unique), every DPRK item after a source's backlog was alerted, and the archive passes
SQLite's integrity check.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.test_hostile_cycle import item, rss

pytestmark = pytest.mark.slow  # twenty kill -9 of a real process

ROOT = Path(__file__).parent.parent
CHANNEL = "C0CRASH"
SOURCES = ("agency", "vendor", "news")
ACTORS = ("Lazarus Group", "Kimsuky", "Andariel", "APT37", "BlueNoroff", "ScarCruft", "TraderTraitor")
TARGETS = ("a bank", "a defence contractor", "a crypto exchange", "a hospital", "a university", "an airline")
ROUNDS = 20
SEED = int(os.environ.get("CRASH_SEED", "20240513"))


def feed_items(source: str, round_: int) -> str:
    """Every item a source has served up to `round_`: the feed only grows, so nothing is served only while down."""
    out = []
    for n in range(round_ + 1):
        actor, target = ACTORS[(n + len(source)) % len(ACTORS)], TARGETS[(n * 5 + len(source)) % len(TARGETS)]
        title = f"{actor} hackers from North Korea breach {target} ({source} report {n})"
        text = f"North Korean state-sponsored cyber actors of {actor} compromised {target}; report {n} by {source}."
        out.append(item(title, f"https://crash.example/{source}/dprk-{n}", f"{source}-dprk-{n}", text))
        out.append(
            item(f"Patch Tuesday notes {n} ({source})", f"https://crash.example/{source}/patch-{n}", "", "Fixes.")
        )
    return "".join(reversed(out))


def start(tmp_path: Path, slack_api) -> subprocess.Popen:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
        "SLACK_BOT_TOKEN": slack_api.token,
        "SLACK_CHANNEL": CHANNEL,
        "SLACK_API_URL": slack_api.url,
    }
    args = ["run", "--once", "--sources", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "a.db")]
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_twenty_random_kill_9_then_nothing_lost_or_doubled(tmp_path, feed_server, slack_api):
    rng = random.Random(SEED)
    lines = ["fetching: {workers: 8, per_host_concurrency: 8, per_host_interval: 0.001s}", "sources:"]
    for name in SOURCES:
        lines.append(f"  - {{name: {name}, type: rss, url: '{feed_server.url('/' + name)}', allow_private: true}}")
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n")

    # one clean run to learn how long a cycle takes, so kills land all over it
    for name in SOURCES:
        feed_server.serve("/" + name, rss(feed_items(name, 0)))
    started = time.monotonic()
    assert start(tmp_path, slack_api).wait(timeout=120) == 0
    span = time.monotonic() - started

    killed = []
    for round_ in range(1, ROUNDS + 1):
        for name in SOURCES:
            feed_server.serve("/" + name, rss(feed_items(name, round_)))
        proc = start(tmp_path, slack_api)
        delay = rng.uniform(0.05, span * 1.2)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            killed.append(round(delay, 2))
        proc.wait(timeout=30)
        proc.stderr.close()
        with sqlite3.connect(tmp_path / "a.db") as conn:  # a restart now, not after the outbox backoff
            conn.execute("UPDATE outbox SET next_attempt_at = NULL")
    assert len(killed) >= ROUNDS // 2, f"seed {SEED}: only {len(killed)} runs were killed"

    conn = sqlite3.connect(tmp_path / "a.db")
    for _ in range(3):  # the clean restarts: pending alerts, then follow-ups once their parents are out
        conn.execute("UPDATE outbox SET next_attempt_at = NULL")
        conn.commit()
        proc = start(tmp_path, slack_api)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-3000:]

    context = f"seed {SEED}, kills at {killed}"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    served = {
        f"https://crash.example/{s}/{k}-{n}" for s in SOURCES for k in ("dprk", "patch") for n in range(ROUNDS + 1)
    }
    stored = Counter(r[0] for r in conn.execute("SELECT url FROM items WHERE url LIKE 'https://crash.example/%'"))
    assert set(stored) == served, context
    assert max(stored.values()) == 1, context

    statuses = dict(conn.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())
    assert set(statuses) == {"sent"}, (statuses, context)
    keys = Counter(
        str(m["metadata"]["event_payload"].get("alert_id"))
        for m in slack_api.messages(CHANNEL)
        if m.get("metadata") and m["metadata"].get("event_payload", {}).get("alert_id") is not None
    )
    assert keys and max(keys.values()) == 1, (keys.most_common(3), context)  # nothing posted twice
    alert_keys = {r[0] for r in conn.execute("SELECT batch_key FROM outbox WHERE kind = 'alert'")}
    posted = {k.split("-")[0] for k in keys}  # a burst's summary and parts carry "b<n>-<part>"
    assert alert_keys <= posted, context

    # every DPRK item that arrived after its source's backlog has exactly one alert (or story follow-up) row
    after_backlog = {
        r[0]
        for r in conn.execute(
            "SELECT i.id FROM items i JOIN sources s ON s.name = i.source"
            " WHERE i.dprk_cyber = 1 AND i.first_seen > s.first_success_at"
        )
    }
    rows = Counter(
        r[0]
        for r in conn.execute("SELECT item_id FROM outbox WHERE kind IN ('alert', 'followup') AND item_id IS NOT NULL")
    )
    assert after_backlog, context
    assert {i: rows.get(i, 0) for i in after_backlog} == dict.fromkeys(after_backlog, 1), context
