"""Sources that wait are never silent: the run summary says what failed and what to check, which sources back off
until when, the daemon says so at start, `sources retry` ends a wait; pending alerts count every unsent row."""

import logging
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config.sources import Source
from bot.errors import FetchError
from bot.fetch import address_guard as netguard
from bot.fetch import client as fetch_module
from bot.run.daemon import Daemon
from bot.run.runtime import Runtime
from storage import open_archive
from storage.archive import transaction
from storage.sources import get_state, record_failure
from tests.analyst_archive import build

FEED = (Path(__file__).parent / "data/feeds/cisa_advisories.xml").read_bytes()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def setup(tmp_path, feed_server):
    feed_server.serve("/feed.xml", FEED, content_type="application/rss+xml")
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "sources:\n"
        f"  - {{name: up, type: rss, url: '{feed_server.url('/feed.xml')}', allow_private: true}}\n"
        f"  - {{name: down, type: rss, url: 'http://127.0.0.1:{closed_port()}/feed', allow_private: true}}\n"
    )
    return sources, tmp_path / "a.db"


def once(sources, db):
    result = CliRunner().invoke(
        cli, ["run", "--once", "--sources", str(sources), "--db", str(db)], env={"SLACK_BOT_TOKEN": ""}
    )
    assert result.exit_code == 0, result.output
    return result.stderr


def test_first_run_says_what_failed_and_what_to_check_then_who_waits(setup):
    sources, db = setup
    first = once(sources, db)
    assert "2 sources, 0 unchanged, 1 failed" in first
    assert "  failed: down: fetch: down: ConnectError" in first
    assert "  check: the network from this host: DNS" in first and "proxy (HTTPS_PROXY" in first
    assert "`advisory-bot sources retry --all` ends the wait" in first
    until = get_state(open_archive(db), "down").next_check_at
    second = once(sources, db)
    assert "1 backing off" in second and "0 failed" in second
    assert f"  waiting: down until {until} after: fetch: down: ConnectError" in second


def test_sources_retry_ends_the_wait(setup):
    sources, db = setup
    once(sources, db)
    runner = CliRunner()
    retried = runner.invoke(cli, ["sources", "retry", "down", "--sources", str(sources), "--db", str(db)])
    assert retried.exit_code == 0 and "retry: down was waiting until 20" in retried.output
    archive = open_archive(db)
    state = get_state(archive, "down")
    assert state.next_check_at is None and state.error_count == 1  # the failure count stays for status
    third = once(sources, db)
    assert "1 failed" in third and "backing off" not in third  # fetched again, not skipped
    again = runner.invoke(cli, ["sources", "retry", "--all", "--db", str(db), "--sources", str(sources)])
    assert again.exit_code == 0 and "retry: down was waiting" in again.output
    nothing = runner.invoke(cli, ["sources", "retry", "--all", "--db", str(db), "--sources", str(sources)])
    assert nothing.exit_code == 0 and "no source is backing off" in nothing.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dwon"], "no source named 'dwon'; did you mean down?"),
        ([], "give the names of sources to retry, or --all"),
        (["down", "--all"], "give the names of sources to retry, or --all"),
    ],
)
def test_sources_retry_usage(setup, args, message):
    sources, db = setup
    once(sources, db)
    result = CliRunner().invoke(cli, ["sources", "retry", *args, "--sources", str(sources), "--db", str(db)])
    assert result.exit_code == 2 and message in result.output


def test_daemon_start_says_which_sources_wait(tmp_path, caplog):
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "sources:\n  - {name: agency, type: rss, url: 'https://agency.example.org/feed', every: 1h}\n"
        "  - {name: calm, type: rss, url: 'https://calm.example.org/feed', every: 1h}\n"
    )
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={})
    until = "2999-01-01T00:00:00+00:00"
    record_failure(rt.db(), "agency", "https://agency.example.org/feed", "2026-12-06T10:00:00+00:00",
                   "fetch: agency: ConnectError: no route", "network", until)  # fmt: skip
    daemon = Daemon(rt, sources)
    daemon.start_jobs = lambda: None  # no job runs: only what start() says is tested
    with caplog.at_level(logging.INFO, logger="bot.run.daemon"):
        daemon.start()
    daemon.scheduler.shutdown(wait=False)
    waits = [r for r in caplog.records if r.getMessage() == "source backing off"]
    assert [(r.levelno, r.source_id, r.until) for r in waits] == [(logging.INFO, "agency", until)]
    assert waits[0].last_error == "fetch: agency: ConnectError: no route"
    assert waits[0].retry_now == "advisory-bot sources retry agency"


def test_unresolvable_host_is_not_worded_as_a_refusal(monkeypatch):
    def no_dns(host):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(fetch_module, "refusal", lambda url, allow: netguard.refusal(url, allow, resolve=no_dns))
    source = Source(name="agency", type="rss", url="https://agency.example.org/feed", every=60, timeout=5,
                    max_bytes=1000, language="en", enabled=True, selectors=None, fields=None, allow_private=False)  # fmt: skip
    with pytest.raises(FetchError) as failed:
        fetch_module.fetch(None, source, fetch_module.Validators(None, None))
    assert failed.value.kind == "network"
    assert str(failed.value) == (
        "fetch: agency: cannot resolve agency.example.org: [Errno -2] Name or service not known "
        "(https://agency.example.org/feed)"
    )
    assert "refused" not in str(failed.value)


def test_pending_alerts_count_rows_waiting_for_their_retry(tmp_path, feed_server):
    feed_server.serve("/feed.xml", FEED, content_type="application/rss+xml")
    db = tmp_path / "a.db"
    build(db)  # one alert pending after a 503 (a1), one sent (k1)
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - {{name: up, type: rss, url: '{feed_server.url('/feed.xml')}', allow_private: true}}\n"
    )
    with transaction(open_archive(db)) as conn:
        conn.execute("UPDATE outbox SET next_attempt_at = '2999-01-01T00:00:00+00:00' WHERE status = 'pending'")
    out = once(sources, db)
    assert "1 alerts pending (1 waiting for their retry time or digest window)" in out
