"""Source health: backoff and recovery against a failing local server, a page whose markup changed, `status`."""

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from bot.cli import cli
from bot.config.sources import load_sources
from bot.run.health import Ops
from bot.run.refresh import refresh
from bot.run.runtime import Runtime
from bot.tagging import get_tagger
from storage.sources import get_state

PAGE = (Path(__file__).parent / "data/pages/krcert_notices.html").read_text()
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def setup(tmp_path, feed_server):
    (tmp_path / "sources.yaml").write_text(
        f"sources:\n  - name: kr-board\n    type: html\n    url: {feed_server.url('/board')}\n    every: 10m\n"
        '    allow_private: true\n    selectors: {item: "table.board tbody tr", title: "td.title a",'
        ' link: "td.title a", date: "td.date"}\n'
    )
    (source,) = load_sources(tmp_path / "sources.yaml")
    clock = {"now": NOW}
    rt = Runtime(
        db_path=tmp_path / "a.db",
        tagger=get_tagger(),
        routes=None,
        notifiers={},
        now=lambda: clock["now"],
        ops=Ops((("ops", "C0OPS"),), 3),
        rng=random.Random(1),
    )
    return source, rt, clock


def ops_titles(rt):
    return [
        json.loads(p)["title"] for (p,) in rt.db().execute("SELECT payload FROM outbox WHERE kind = 'ops' ORDER BY id")
    ]


def test_backoff_grows_is_capped_and_recovery_resets(tmp_path, feed_server):
    source, rt, clock = setup(tmp_path, feed_server)
    feed_server.fail("/board", 503)
    delays = []
    for _ in range(8):
        refresh(source, rt)
        state = get_state(rt.db(), source.name)
        delays.append((datetime.fromisoformat(state.next_check_at) - clock["now"]).total_seconds())
        clock["now"] += timedelta(days=1)
    assert state.error_count == 8
    assert 480 <= delays[0] <= 720  # the interval, +-20%
    assert all(b > a for a, b in zip(delays[:5], delays[1:6], strict=True))  # doubling
    assert max(delays) <= 6 * 3600 * 1.2  # capped at 6 hours (+ jitter), never given up
    assert ops_titles(rt) == ["Source kr-board failed 3 times in a row"]  # once per streak
    feed_server.serve("/board", PAGE.encode(), content_type="text/html; charset=utf-8")
    assert refresh(source, rt).outcome == "ok"
    state = get_state(rt.db(), source.name)
    assert (state.error_count, state.next_check_at, state.last_error) == (0, None, None)
    assert ops_titles(rt)[-1] == "Source kr-board is back to health"


def test_selectors_that_stop_matching_are_reported(tmp_path, feed_server):
    source, rt, clock = setup(tmp_path, feed_server)
    feed_server.serve("/board", PAGE.encode(), content_type="text/html; charset=utf-8")
    assert refresh(source, rt).items == 3
    feed_server.serve(
        "/board", PAGE.replace('class="board"', 'class="list-v2"').encode(), content_type="text/html; charset=utf-8"
    )  # the site changed its markup
    clock["now"] += timedelta(minutes=10)
    report = refresh(source, rt)
    assert (report.outcome, report.items) == ("ok", 0)
    assert ops_titles(rt) == ["Source kr-board stopped producing items"]
    out = CliRunner().invoke(
        cli, ["status", "--sources", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "a.db")]
    )
    assert out.exit_code == 0
    assert "kr-board" in out.output and " empty " in out.output


def test_status_lists_configured_sources_never_fetched(tmp_path, feed_server):
    source, rt, clock = setup(tmp_path, feed_server)
    feed_server.fail("/board", 500)
    refresh(source, rt)
    with (tmp_path / "sources.yaml").open("a") as f:
        f.write('  - {name: new-feed, type: rss, url: "https://new.example.org/feed"}\n')
    result = CliRunner().invoke(
        cli, ["status", "--json", "--sources", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "a.db")]
    )
    rows = {r["name"]: r for r in map(json.loads, result.output.splitlines())}
    assert rows["new-feed"]["state"] == "never"
    assert rows["kr-board"]["state"] in ("backoff", "failing") and rows["kr-board"]["error_count"] == 1
    assert "500 from kr-board" in rows["kr-board"]["last_error"]


def test_run_once_skips_a_source_still_backing_off(tmp_path, feed_server):
    """A cron job (run --once) honours Retry-After and backoff as the daemon does: no request until the time."""
    from bot.run.cycle import run_cycle

    source, rt, clock = setup(tmp_path, feed_server)
    feed_server.serve("/board", b"busy", status=503, headers={"Retry-After": "3600"})
    first = run_cycle([source], rt, pool=False)
    assert first.sources[0].outcome != "ok"
    asked = len(feed_server.requests)

    clock["now"] = NOW + timedelta(minutes=30)  # within the hour the source asked for
    second = run_cycle([source], rt, pool=False)
    assert second.sources[0].outcome == "backoff" and "backing off until" in second.sources[0].error
    assert len(feed_server.requests) == asked  # not even one request

    feed_server.serve("/board", PAGE.encode(), content_type="text/html")
    clock["now"] = NOW + timedelta(hours=2)
    third = run_cycle([source], rt, pool=False)
    assert third.sources[0].outcome == "ok" and len(feed_server.requests) == asked + 1
