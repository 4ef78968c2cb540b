"""Hot reload while the scheduler runs (paused, so nothing fires): add, remove, change, break and fix."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.run.daemon import Daemon
from bot.run.health import Ops
from bot.run.runtime import Runtime

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
BASE = """sources:
  - {name: agency, type: rss, url: "https://agency.example.org/feed", every: 30m}
  - {name: news, type: rss, url: "https://news.example.org/feed", every: 15m}
"""


@pytest.fixture
def daemon(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./routes.yaml: the built-in routes
    (tmp_path / "sources.yaml").write_text(BASE)
    clock = {"now": NOW}
    rt = Runtime(
        db_path=tmp_path / "a.db",
        tagger=None,
        routes=None,
        notifiers={},
        now=lambda: clock["now"],
        ops=Ops((("ops", "C0OPS"),), 3),
    )
    d = Daemon(rt, tmp_path / "sources.yaml", env={})
    d.scheduler.start(paused=True)
    d.start_jobs()
    d.clock = clock
    yield d
    d.scheduler.shutdown(wait=False)


def jobs(d):
    return {j.id: j for j in d.scheduler.get_jobs() if j.id not in ("deliver", "reload", "heartbeat")}


def edit(d, text):
    d.sources_path.write_text(text)
    d.clock["now"] += timedelta(minutes=1)
    return d.reload()


def test_add_remove_change_break_fix(daemon):
    assert daemon.reload() == "unchanged"
    assert set(jobs(daemon)) == {"agency", "news"}

    added = BASE + '  - {name: kr-board, type: html, url: "https://kr.example.org/", selectors: {item: tr}}\n'
    assert edit(daemon, added) == "applied"
    assert set(jobs(daemon)) == {"agency", "news", "kr-board"}
    assert jobs(daemon)["kr-board"].next_run_time == daemon.clock["now"]  # a new source runs at once

    changed = added.replace("every: 15m", "every: 2h")
    assert edit(daemon, changed) == "applied"
    news = jobs(daemon)["news"]
    assert news.trigger.interval == timedelta(hours=2)
    assert news.next_run_time == daemon.clock["now"] + timedelta(hours=2)  # interval change: wait for it
    assert news.args[0].every == 7200

    removed = changed.replace('  - {name: agency, type: rss, url: "https://agency.example.org/feed", every: 30m}\n', "")
    assert edit(daemon, removed) == "applied"
    assert set(jobs(daemon)) == {"news", "kr-board"}

    broken = removed.replace("type: html", "type: webpage")
    assert edit(daemon, broken) == "invalid"
    assert set(jobs(daemon)) == {"news", "kr-board"}  # the last good configuration keeps running
    assert daemon.reload() == "invalid"  # still broken: reported once, not every 10 seconds
    events = daemon.rt.db().execute("SELECT subject, payload FROM outbox WHERE kind = 'ops'").fetchall()
    assert len(events) == 1 and events[0][0].startswith("config-invalid:")
    assert "sources[1].type: must be one of" in json.loads(events[0][1])["lines"][0]

    fixed = removed.replace('url: "https://kr.example.org/"', 'url: "https://kr.example.org/board"')
    assert edit(daemon, fixed) == "applied"
    assert jobs(daemon)["kr-board"].args[0].url == "https://kr.example.org/board"
    assert jobs(daemon)["kr-board"].next_run_time == daemon.clock["now"]  # a changed URL runs at once


def test_disabling_a_source_stops_its_job(daemon):
    assert edit(daemon, BASE.replace("every: 15m}", "every: 15m, enabled: false}")) == "applied"
    assert set(jobs(daemon)) == {"agency"}


def test_routes_file_edits_are_applied_and_validated(daemon, tmp_path):
    routes = tmp_path / "routes.yaml"
    routes.write_text("notifiers:\n  - {name: screen, type: console}\nroutes:\n  - {name: all, to: [screen]}\n")
    assert daemon.reload() == "applied"
    assert set(daemon.rt.routing.notifiers) == {"screen"}
    routes.write_text("notifiers:\n  - {name: screen, type: console}\nroutes:\n  - {name: all, to: [nobody]}\n")
    assert daemon.reload() == "invalid"
    assert set(daemon.rt.routing.notifiers) == {"screen"}
