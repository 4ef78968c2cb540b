"""Secrets never leave the process: with tokens set, everything the bot wrote (stdout, stderr at DEBUG, status
output, the archive file) is grepped for them after a run where every chat service fails and some feeds fail.

The secrets live in variables the configuration names (not only the well-known SLACK_* ones): a Slack token under a
custom name, and a webhook URL whose path is the credential. Both chat services answer errors or are unreachable,
so every error path that could quote a request (URL, headers, body) runs.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_hostile_cycle import DPRK_TEXT, baseline, item, rss

ROOT = Path(__file__).parent.parent
SLACK_TOKEN = "xoxb-111111111111-222222222222-SeCrEtSlAcKtOkEn0123"
APP_TOKEN = "xapp-1-A0000000000-1111111111111-abcdefabcdefSECRET"
HOOK_SECRET = "T0SECRET/B0SECRET/hookcredential9876"


def run(args: list[str], env: dict[str, str]) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    return f"exit={proc.returncode}\n{proc.stdout}\n{proc.stderr}"


def retry_now(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE outbox SET next_attempt_at = NULL")


@pytest.mark.slow
def test_no_output_or_stored_error_contains_a_secret(tmp_path, feed_server, slack_api, webhook_receiver):
    hook_url = webhook_receiver.url(f"/services/{HOOK_SECRET}")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n"
        f"  - {{name: news, type: rss, url: '{feed_server.url('/news')}', allow_private: true}}\n"
        f"  - {{name: broken, type: rss, url: '{feed_server.url('/broken')}', allow_private: true}}\n"
    )
    (tmp_path / "routes.yaml").write_text(
        "notifiers:\n"
        "  - {name: intel, type: slack, channel: C0SECRETS, token_env: INTEL_SLACK_TOKEN, api_url_env: INTEL_API}\n"
        "  - {name: soc, type: webhook, url_env: SOC_HOOK_URL, allow_private: true}\n"
        "routes:\n  - {name: all, to: [intel, soc]}\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
        "INTEL_SLACK_TOKEN": SLACK_TOKEN,
        "INTEL_API": slack_api.url,
        "SOC_HOOK_URL": hook_url,
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
    }
    args = ["run", "--once", "--sources", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "a.db")]
    args += ["--routes", str(tmp_path / "routes.yaml"), "--log-level", "DEBUG"]
    feed_server.serve("/news", baseline("news"))
    feed_server.fail("/broken", 500)
    outputs = [run(args, env)]

    feed_server.serve("/news", rss(item("Lazarus Group phishes a bank", "https://x.example/s/1", "s-1", DPRK_TEXT)))
    slack_api.fail_next(3, status=500)  # then invalid_auth: the token is "wrong"
    slack_api.fail_next(3, error="invalid_auth")
    webhook_receiver.answer(500, b"upstream error", times=10)
    outputs.append(run(args, env))
    slack_api.down("reset")  # connections reset while posting
    webhook_receiver.close()  # nothing listens at the webhook URL any more
    retry_now(tmp_path / "a.db")
    outputs.append(run(args, env))
    slack_api.down("refuse")
    retry_now(tmp_path / "a.db")
    outputs.append(run(args + ["--log-format", "json"], env))
    outputs.append(run(["status", "--db", str(tmp_path / "a.db"), "--sources", str(tmp_path / "sources.yaml")], env))

    everything = "\n".join(outputs)
    assert "source failed" in everything and "500 from broken" in everything  # errors did get logged
    assert everything.count("post failed") >= 6  # every chat error path ran: 500, reset, refused, for both
    archive = b"".join(p.read_bytes() for p in tmp_path.glob("a.db*"))
    for secret in (SLACK_TOKEN, APP_TOKEN, HOOK_SECRET, hook_url):
        assert secret not in everything, everything[max(0, everything.find(secret) - 500) :][:1000]
        assert secret.encode() not in archive
    for fragment in ("SeCrEtSlAcKtOkEn", "hookcredential9876", "abcdefabcdefSECRET"):
        assert fragment not in everything and fragment.encode() not in archive
