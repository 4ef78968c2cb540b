"""Small things an operator hits in the first hour: config errors at the right line with "did you mean", URLs with
spaces, too-short intervals, a restored file after a rejected reload, the status table, the pending gauge."""

import logging

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config.sources import load_sources, load_sources_file, warnings
from bot.errors import ConfigError
from bot.observe.metrics import Metrics
from bot.run.daemon import Daemon
from bot.run.runtime import Runtime
from storage import open_archive
from storage.sources import record_failure
from tests.analyst_archive import build


def problems(tmp_path, text: str) -> str:
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_sources(path)
    return str(info.value).replace(str(path), "sources.yaml")


A = "  - name: a\n    type: rss\n    url: https://a.example.org/feed\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # indentation broken at line 7 inside a block that starts at line 2: the bad line first
        (
            "sources:\n" + A + "  - name: b\n    type: rss\n   url: https://b.example.org/feed\n",
            "sources.yaml:7 invalid YAML: expected <block end>, but found '<block mapping start>' (check the "
            "indentation of this line; the block it breaks starts at line 2)",
        ),
        (
            "sources:\n" + A + "    selectors:\n      item: x\n     title: y\n",
            "sources.yaml:7 invalid YAML: expected <block end>",
        ),
        ("sources:\n  - name: a\n    url: [unclosed\n", "sources.yaml:3 invalid YAML"),  # where the bracket opens
        # a duplicate name at the second entry's name
        (
            "sources:\n" + A + "  - name: a\n    type: rss\n    url: https://b.example.org/feed\n",
            "sources.yaml:5 sources[1].name: duplicate source name 'a' (sources[0] has it already)",
        ),
        (
            "sources:\n  - name: a\n    type: rss\n    url: https://exa mple.com/feed\n",
            "sources.yaml:4 sources[0].url: not an http(s) URL: it contains a space",
        ),
        ("sources:\n  - name: a\n    type: rss\n    url: https://a.example.org:x/\n", "sources[0].url: not an http(s)"),
        # did you mean, at every level, with the model's own keys
        ("sources:\n" + A + "    evry: 1h\n", "sources.yaml:5 sources[0].evry: unknown key (did you mean every?)"),
        ("defualts: {every: 1h}\nsources: []\n", "sources.yaml:1 defualts: unknown key (did you mean defaults?)"),
        (
            "sources:\n  - name: a\n    type: html\n    url: https://a.example.org/\n    selectors: {item: x, titel: y}\n",
            "sources.yaml:5 sources[0].selectors.titel: unknown key (did you mean title?)",
        ),
        ("sources:\n" + A + "    colour: red\n", "sources.yaml:5 sources[0].colour: unknown key\n"),  # nothing close
    ],
)
def test_config_errors(tmp_path, text, expected):
    assert expected in problems(tmp_path, text) + "\n"


def test_an_interval_under_a_minute_is_a_warning(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - {name: a, type: rss, url: 'https://a.example.org/f', every: 1s}\n"
        "  - {name: b, type: rss, url: 'https://b.example.org/f', every: 1m}\n"
    )
    (warning,) = warnings(load_sources_file(path))
    assert warning.startswith("sources[0] (a): every 1s is under the 60s floor")
    result = CliRunner().invoke(cli, ["sources", "check", str(path)])
    assert result.exit_code == 0 and "warning: sources[0] (a): every 1s" in result.output


def test_restoring_the_good_file_after_a_rejected_edit_is_logged(tmp_path, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    good = "sources:\n  - {name: a, type: rss, url: 'https://a.example.org/f', every: 30m}\n"
    path = tmp_path / "sources.yaml"
    path.write_text(good)
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={})
    daemon = Daemon(rt, path, env={})
    path.write_text(good.replace("type: rss", "type: atom"))
    assert daemon.reload() == "invalid"
    path.write_text(good)
    with caplog.at_level(logging.INFO, logger="bot.run.daemon"):
        assert daemon.reload() == "unchanged"
        assert daemon.reload() == "unchanged"
    restored = [r for r in caplog.records if "restored" in r.getMessage()]
    assert len(restored) == 1 and restored[0].levelno == logging.INFO  # said once


def test_a_multi_line_error_stays_on_its_status_row(tmp_path):
    db = tmp_path / "a.db"
    archive = build(db)
    record_failure(archive, "krcert-notices", "https://notices.example.kr/rss", "2026-11-25T09:00:00+00:00",
                   "extract: bad page\n  line 2 of the error\n\tline 3", "extract", None)  # fmt: skip
    result = CliRunner().invoke(cli, ["status", "--db", str(db), "--sources", str(tmp_path / "none.yaml")])
    assert result.exit_code == 0
    lines = result.output.split("\n\n")[0].splitlines()  # the table, before the stories line
    assert len(lines) == 1 + len(open_archive(db).execute("SELECT name FROM sources").fetchall())
    assert any(line.endswith("extract: bad page line 2 of the error line 3") for line in lines)


def test_pending_gauge_has_a_sample_when_nothing_is_pending(tmp_path):
    empty = tmp_path / "empty.db"
    open_archive(empty)
    text = Metrics(empty, notifiers=lambda: ["console", "slack"]).exposition().decode()
    assert 'advisory_bot_outbox_pending{notifier="console"} 0.0' in text
    assert 'advisory_bot_outbox_pending{notifier="slack"} 0.0' in text
    full = tmp_path / "full.db"
    build(full)  # slack: one sent, one pending
    text = Metrics(full, notifiers=lambda: ["console"]).exposition().decode()
    assert 'advisory_bot_outbox_pending{notifier="slack"} 1.0' in text
    assert 'advisory_bot_outbox_pending{notifier="console"} 0.0' in text
