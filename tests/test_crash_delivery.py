"""kill -9 while posting, at several points, then a restart: every alert is in Slack exactly once.

The bot runs as a real process (`python -m bot run --once`) against the loopback feed server and Slack
stand-in; the stand-in kills it (SIGKILL) from inside a chat.postMessage call, either before storing the
message (killed during the post) or after (posted, but the row was never marked sent). Alerts after the
killed one were never posted (killed before their post).
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.test_end_to_end import CHANNEL, serve, sources_yaml

pytestmark = pytest.mark.slow  # kill -9 of a real process while it posts


def run_once(tmp_path, slack_api, wait=True):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
        "SLACK_BOT_TOKEN": slack_api.token,
        "SLACK_CHANNEL": CHANNEL,
        "SLACK_API_URL": slack_api.url,
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "run",
            "--once",
            "--sources",
            str(tmp_path / "sources.yaml"),
            "--db",
            str(tmp_path / "a.db"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=Path(__file__).parent.parent,
        text=True,
    )
    if wait:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0, out
    return proc


@pytest.mark.parametrize(
    ("kill_at_post", "outcome"),
    [(1, "drop"), (1, "store"), (2, "drop"), (2, "store"), (3, "store")],
)
def test_kill_9_while_posting_then_restart(tmp_path, feed_server, slack_api, kill_at_post, outcome):
    (tmp_path / "sources.yaml").write_text(sources_yaml(feed_server))
    serve(feed_server, updated=False)
    run_once(tmp_path, slack_api)  # backlog, silent
    serve(feed_server, updated=True)  # three new DPRK items

    posts = {"n": 0}
    victim = {}

    def kill_on_post(params):
        posts["n"] += 1
        if posts["n"] == kill_at_post:
            os.kill(victim["pid"], signal.SIGKILL)
            victim["proc"].wait(timeout=30)
            return outcome
        return None

    slack_api.on("chat.postMessage", kill_on_post)
    proc = run_once(tmp_path, slack_api, wait=False)
    victim.update(pid=proc.pid, proc=proc)
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(r.status == -1 for r in slack_api.calls("chat.postMessage")):
        time.sleep(0.02)  # the stand-in finishes the killed request (stores it or not) in its own thread
    stored_by_crash = len(slack_api.messages(CHANNEL))
    assert stored_by_crash == kill_at_post - (1 if outcome == "drop" else 0)

    slack_api.on("chat.postMessage", lambda params: None)
    conn = sqlite3.connect(tmp_path / "a.db")
    conn.execute("UPDATE outbox SET next_attempt_at = NULL")  # restart now, not after the backoff
    conn.commit()
    run_once(tmp_path, slack_api)

    keys = [m["metadata"]["event_payload"]["alert_id"] for m in slack_api.messages(CHANNEL)]
    assert len(keys) == 3 and Counter(keys).most_common(1)[0][1] == 1, keys  # all three, each once
    statuses = conn.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall()
    assert statuses == [("sent", 3)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
