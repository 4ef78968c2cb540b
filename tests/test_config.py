"""sources.yaml validation: every error names the file, the line and the YAML path; exit 2 in the CLI."""

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config.sources import load_sources, parse_duration, parse_size
from bot.errors import ConfigError

VALID = """\
defaults:
  every: 1h
  language: en
sources:
  - name: agency-feed
    type: rss
    url: https://agency.example.org/advisories.xml
    every: 30m
  - name: kr-notices
    type: html
    url: https://kr.example.org/board
    language: ko
    selectors: {item: "tr.notice", title: "td.subject a", link: "td.subject a", date: "td.date"}
  - name: vuln-catalogue
    type: json
    url: https://catalogue.example.org/kev.json
    fields: {items: vulnerabilities, id: cveID, title: vulnerabilityName, date: dateAdded}
"""


def write(tmp_path, text, name="sources.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_valid_file_applies_defaults(tmp_path):
    feed, page, catalogue = load_sources(write(tmp_path, VALID))
    assert (feed.every, feed.language, feed.max_bytes) == (1800.0, "en", 10 * 1024 * 1024)
    assert (page.every, page.language, page.selectors.item) == (3600.0, "ko", "tr.notice")
    assert catalogue.fields.items == "vulnerabilities"


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        (
            "  - name: a\n    type: rss\n    url: ftp://x.example.org/\n",
            "sources.yaml:3 sources[0].url: not an http(s) URL",
        ),
        (
            "  - name: a\n    type: rss\n    url: https://x.example.org/\n    colour: red\n",
            "sources.yaml:4 sources[0].colour: unknown key",
        ),
        (
            "  - name: Not_Kebab\n    type: rss\n    url: https://x.example.org/\n",
            "sources.yaml:1 sources[0].name: must be kebab-case",
        ),
        (
            "  - name: a\n    type: atom\n    url: https://x.example.org/\n",
            "sources.yaml:2 sources[0].type: must be one of 'rss', 'html' or 'json'",
        ),
        (
            "  - name: a\n    type: html\n    url: https://x.example.org/\n",
            "sources[0].selectors: required for type html",
        ),
        (
            "  - name: a\n    type: rss\n    url: https://x.example.org/\n    every: often\n",
            "sources.yaml:4 sources[0].every: not a duration: 'often'",
        ),
        ("  - name: a\n    type: rss\n", "sources[0].url: required"),
        (
            "  - name: a\n    type: json\n    url: https://x.example.org/\n    fields: {items: x}\n",
            "sources[0].fields.title: required",
        ),
        (
            "  - name: a\n    type: rss\n    url: https://x.example.org/\n    selectors: {item: li}\n",
            "sources[0].selectors: only for type html",
        ),
    ],
)
def test_errors_name_file_line_and_path(tmp_path, snippet, expected):
    # each case is placed under "sources:" on line 1, so the first source starts on file line 2
    text = "sources:\n" + snippet
    with pytest.raises(ConfigError) as info:
        load_sources(write(tmp_path, text))
    message = str(info.value).replace(str(tmp_path) + "/", "")
    if expected.startswith("sources.yaml:"):
        line = int(expected.split(":")[1].split()[0]) + 1  # +1 for the "sources:" line
        expected = f"sources.yaml:{line} " + expected.split(" ", 1)[1]
    assert expected in message


def test_duplicate_names(tmp_path):
    text = VALID.replace("name: kr-notices", "name: agency-feed")
    with pytest.raises(ConfigError, match="duplicate source name 'agency-feed'"):
        load_sources(write(tmp_path, text))


def test_unknown_top_level_key(tmp_path):
    with pytest.raises(ConfigError, match=r"sources.yaml:18 extra: unknown key"):
        load_sources(write(tmp_path, VALID + "extra: 1\n"))


def test_broken_yaml_names_the_line(tmp_path):
    with pytest.raises(ConfigError, match=r"sources.yaml:3 invalid YAML"):
        load_sources(write(tmp_path, "sources:\n  - name: a\n    url: [unclosed\n"))


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_sources(tmp_path / "nope.yaml")


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400), (45, 45)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("bad", ["0m", "-5m", "soon", "5 weeks"])
def test_bad_durations(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


@pytest.mark.parametrize(("text", "size"), [("512KB", 512 * 1024), ("10MB", 10 * 1024**2), (2048, 2048)])
def test_sizes(text, size):
    assert parse_size(text) == size


def test_sources_check_command(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(cli, ["sources", "check", str(write(tmp_path, VALID))])
    assert ok.exit_code == 0, ok.output
    assert "ok, 3 sources (1 html, 1 json, 1 rss)" in ok.output
    bad = runner.invoke(cli, ["sources", "check", str(write(tmp_path, "sources:\n  - name: a\n", "bad.yaml"))])
    assert bad.exit_code == 2
    assert "bad.yaml:2 sources[0].type: required" in bad.output


def test_shipped_sources_file_is_valid():
    from pathlib import Path

    shipped = load_sources(Path(__file__).parent.parent / "sources.yaml")
    assert len(shipped) >= 20
    assert {"en", "ko"} <= {s.language for s in shipped}
