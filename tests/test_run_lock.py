"""Two overlapping `run --once` on one archive (cron with a slow cycle): every alert is posted once.

Real processes against the loopback feed server and Slack stand-in, one SQLite file. The second run starts
while the first is inside its first chat.postMessage (the stand-in holds that request until the second run
has exited), the interleaving that posted 7 messages for 4 alerts. The archive's run lock (bot/run/lock.py)
makes the second one stop at once, with a message naming the first.
"""

import os
import sqlite3
import subprocess
import sys
from collections import Counter

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.run.lock import ArchiveBusy, hold
from tests.test_crash_delivery import run_once
from tests.test_end_to_end import CHANNEL, serve, sources_yaml


@pytest.mark.slow
def test_second_run_while_the_first_posts_posts_nothing(tmp_path, feed_server, slack_api):
    (tmp_path / "sources.yaml").write_text(sources_yaml(feed_server))
    serve(feed_server, updated=False)
    run_once(tmp_path, slack_api)  # backlog, silent
    serve(feed_server, updated=True)  # three new DPRK items

    second = {}

    def start_the_second_run_inside_the_first_post(params):
        if not second:
            second["proc"] = run_once(tmp_path, slack_api, wait=False)
            second["out"], _ = second["proc"].communicate(timeout=120)
        return None  # then answer the first run's post normally

    slack_api.on("chat.postMessage", start_the_second_run_inside_the_first_post)
    first = run_once(tmp_path, slack_api, wait=False)
    out, _ = first.communicate(timeout=180)
    assert first.returncode == 0, out
    keys = [m["metadata"]["event_payload"]["alert_id"] for m in slack_api.messages(CHANNEL)]
    assert len(keys) == 3 and Counter(keys).most_common(1)[0][1] == 1, keys  # three alerts, each posted once
    assert second["proc"].returncode == 1, second["out"]
    assert "is already running on" in second["out"] and "run --once not started" in second["out"]
    assert "Traceback" not in second["out"]

    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall() == [("sent", 3)]


def test_lock_names_the_holder_and_is_released_on_exit(tmp_path):
    db = tmp_path / "a.db"
    busy = pytest.raises(ArchiveBusy, match=rf"advisory-bot pid {os.getpid()} is already running on {db}")
    with hold(db, "run"), busy:
        hold(db, "run --once")
    with hold(db, "run --once"):  # released: free again
        pass


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    db = tmp_path / "a.db"
    code = f"import sys; from bot.run.lock import hold; hold({str(db)!r}, 'run'); print('held', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(ArchiveBusy):
            hold(db, "run --once")
    finally:
        holder.kill()  # SIGKILL: no clean-up runs
        holder.wait(timeout=10)
    hold(db, "run --once").release()  # the kernel dropped the dead holder's lock


def test_retag_alert_refuses_beside_a_run(tmp_path):
    from tests.analyst_archive import build

    db = tmp_path / "advisories.db"
    build(db).close()
    with hold(db, "run"):
        result = CliRunner().invoke(cli, ["retag", "--alert", "--db", str(db)])
    assert result.exit_code == 1 and "retag --alert not started" in result.output
