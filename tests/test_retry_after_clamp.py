"""A server's Retry-After can only postpone, never crash (issue 13 item 2): waits are clamped to the 6 h backoff
cap, and the failure path of a source cannot raise. Real feed, webhook and Slack stand-ins on loopback."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.delivery.deliver import deliver_due
from bot.delivery.route import Target
from bot.errors import MAX_WAIT, FetchError, NotifyError
from bot.fetch.client import parse_retry_after
from bot.notify.webhook import WebhookNotifier
from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.refresh import MAX_BACKOFF
from bot.run.runtime import Runtime, iso
from bot.run.store import store
from storage import open_archive, outbox
from tests.test_hostile_cycle import CHANNEL, baseline

HUGE = "99999999999999999999"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_the_cap_is_the_longest_backoff():
    assert timedelta(seconds=MAX_WAIT) == MAX_BACKOFF


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (HUGE, MAX_WAIT),
        ("9" * 5000, MAX_WAIT),  # longer than int() accepts from a string
        ("Fri, 31 Dec 9999 23:59:59 GMT", MAX_WAIT),
        ("120", 120.0),
        ("0", 0.0),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
        ("soon", None),
        ("Mon, 99 Foo 99999 99:99:99 GMT", None),
        (None, None),
    ],
)
def test_parsed_waits_are_clamped(value, seconds):
    assert parse_retry_after(value, now=NOW.timestamp()) == seconds


@pytest.mark.parametrize("wait", [float("inf"), 1e20, float("nan"), -5.0])
def test_errors_never_carry_an_unbounded_wait(wait):
    for error in (
        FetchError("fetch: x", kind="rate_limited", retry_after=wait),
        NotifyError("notify: x", retry_after=wait),
    ):
        assert error.retry_after is None or 0.0 <= error.retry_after <= MAX_WAIT


def run_once(tmp_path, sources: str, slack_api):
    (tmp_path / "sources.yaml").write_text(sources)
    env = {"SLACK_BOT_TOKEN": slack_api.token, "SLACK_CHANNEL": CHANNEL, "SLACK_API_URL": slack_api.url}
    args = ["run", "--once", "--sources", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "a.db")]
    return CliRunner().invoke(cli, args, env=env)


@pytest.mark.parametrize("status", [429, 503])
def test_a_huge_retry_after_fails_that_source_only_and_status_shows_it(tmp_path, feed_server, slack_api, status):
    feed_server.serve("/ok", baseline("ok"))
    feed_server.fail("/busy", status, retry_after=HUGE)
    sources = "sources:\n" + "".join(
        f"  - {{name: {name}, type: rss, url: '{feed_server.url('/' + name)}', allow_private: true}}\n"
        for name in ("ok", "busy")
    )
    result = run_once(tmp_path, sources, slack_api)
    assert result.exit_code == 0, result.output[-2000:]
    archive = open_archive(tmp_path / "a.db")
    assert archive.execute("SELECT count(*) FROM item_sources WHERE source = 'ok'").fetchone()[0] > 0
    row = next(archive.query("SELECT * FROM sources WHERE name = 'busy'"))
    assert (row["error_count"], row["last_error_kind"]) == (1, "rate_limited")
    wait = datetime.fromisoformat(row["next_check_at"]) - datetime.fromisoformat(row["last_attempt_at"])
    assert wait <= MAX_BACKOFF * 1.2  # the cap (with the backoff's jitter at most), not 3 trillion years
    status_out = CliRunner().invoke(
        cli, ["status", "--json", "--sources", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "a.db")]
    )
    states = {r["name"]: r["state"] for r in map(json.loads, status_out.output.splitlines())}
    assert states["busy"] in ("failing", "backoff") and states["ok"] == "ok"


def test_a_webhooks_huge_retry_after_keeps_the_alert_pending(tmp_path, webhook_receiver):
    webhook_receiver.answer(503, retry_after=HUGE)
    hook = WebhookNotifier("soc-hook", webhook_receiver.url("/hooks/x"), allow_private=True, timeout=2.0)
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={"soc-hook": hook}, now=lambda: NOW)
    item = Item("feed", "item-1", "https://news.example.org/1", "Kimsuky phishing", NOW, "North Korean hackers.")
    tags = Tags(True, True, 0.9, ("Kimsuky",), evidence=(Evidence("actor", "Kimsuky", "Kimsuky", 0, 7),))
    store(rt.db(), "feed", [TaggedItem(item, tags)], iso(NOW), routes=lambda t: [Target("soc-hook", "soc-hook", "r")])
    report = deliver_due(rt, sleep=lambda s: None)
    assert (report.sent, report.failed) == (0, 1) and len(webhook_receiver.requests) == 1
    (row,) = rt.db().query("SELECT * FROM outbox")
    assert row["status"] != "sent"
    assert datetime.fromisoformat(row["next_attempt_at"]) <= NOW + MAX_BACKOFF
    assert outbox.due(rt.db(), iso(NOW + MAX_BACKOFF)) != []  # retried within the cap


def test_the_failure_path_cannot_raise(tmp_path, feed_server, monkeypatch):
    """Whatever goes wrong while recording a failure, refresh reports the source failed and the cycle goes on."""
    from bot.run import refresh as pipeline
    from storage.sources import get_state
    from tests.extractor_cases import make_source

    def broken(*args, **kwargs):
        raise OverflowError("date value out of range")

    feed_server.fail("/down", 500)
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={}, now=lambda: NOW)
    source = make_source("down", "rss", url=feed_server.url("/down"), allow_private=True)
    monkeypatch.setattr(pipeline, "backoff", broken)
    report = pipeline.refresh(source, rt)
    assert (report.outcome, report.error) == ("server_error", "fetch: 500 from down")
    state = get_state(rt.db(), "down")
    assert state.error_count == 1 and state.next_check_at == iso(NOW + MAX_BACKOFF)  # the longest wait instead
    monkeypatch.setattr(pipeline, "record_failure", broken)
    assert pipeline.refresh(source, rt).outcome == "server_error"  # not recorded (logged), still reported
