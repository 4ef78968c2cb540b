"""What an analyst types: --any, ids as queries, dates in the forms people write, misspelt names, short prefixes."""

import json
from datetime import UTC, datetime

import pytest
import time_machine
from click.testing import CliRunner

from bot.cli import cli
from bot.commands.when import parse_when


def run(archive, *args):
    return CliRunner().invoke(cli, [*args, "--db", str(archive)])


def ids(archive, *args):
    result = run(archive, "search", *args, "--json", "--limit", "0")
    assert result.exit_code == 0, result.output
    return sorted(json.loads(line)["id"][:2] for line in result.stdout.splitlines())


EVERY = ["a1", "f1", "k1", "k2", "l1", "n1", "r1", "t1", "t2"]
DPRK = ["a1", "f1", "k1", "k2", "l1", "t1", "t2"]


def test_any_means_every_item(archive):
    assert ids(archive, "--any") == EVERY
    assert ids(archive) == EVERY
    assert ids(archive, "--dprk-cyber") == DPRK
    assert ids(archive, "ransomware", "--any") == ["a1", "n1"]  # the DPRK item too, not only the other one


def test_export_any_means_every_item(archive, tmp_path):
    def exported(*args):
        out = tmp_path / "out.jsonl"
        result = run(archive, "export", "--format", "jsonl", *args, "-o", str(out))
        assert result.exit_code == 0, result.output
        return sorted(json.loads(line)["id"][:2] for line in out.read_text().splitlines())

    assert exported("--any") == EVERY
    assert exported("--dprk-cyber") == DPRK
    atom = tmp_path / "feed.xml"
    assert run(archive, "export", "--format", "atom", "--any", "-o", str(atom)).exit_code == 0
    assert "n1hhhh" in atom.read_text()  # --any: the feed too
    assert run(archive, "export", "--format", "atom", "-o", str(atom)).exit_code == 0
    assert "n1hhhh" not in atom.read_text()  # the feed's default stays DPRK cyber items


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("CVE-2021-44228", ["a1"]),  # was: no such column: 2021
        ("CVE-2024-21338", ["t2"]),
        ("spear-phishing", ["k1"]),
        ("김수키", ["k2"]),
        ("Maui OR DTrack", ["a1", "l1"]),  # syntax on purpose still works
        ("title:ransomware", ["a1", "n1"]),
    ],
)
def test_ids_and_words_are_searched_as_typed(archive, query, expected):
    assert ids(archive, query) == expected


NOW = datetime(2026, 12, 6, 11, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-01", "2026-11-01"),
        ("2026-1-5", "2026-01-05"),
        ("2026-11-01T08:00", "2026-11-01T08:00:00+00:00"),
        ("2026-11-01T08:00+09:00", "2026-10-31T23:00:00+00:00"),
        ("2026-11", "2026-11-01"),
        ("7d", "2026-11-29"),
        ("2w", "2026-11-22"),
        ("12h", "2026-12-05T23:30:00+00:00"),
        ("yesterday", "2026-12-05"),
        ("today", "2026-12-06"),
        ("2 weeks ago", "2026-11-22"),
        ("3 days ago", "2026-12-03"),
        ("1 month ago", "2026-11-06"),
        ("Dec 1 2026", "2026-12-01"),
        ("November 2026", "2026-11-01"),
    ],
)
def test_dates_people_type(text, expected):
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize("text", ["foo", "2026-13-45", "12/01/2026", "1.12.2026", "", "next blursday"])
def test_other_dates_are_refused_with_an_example(text):
    with pytest.raises(ValueError, match="e.g. 2026-11-01"):
        parse_when(text, NOW)


@pytest.mark.parametrize(
    "command",
    [
        ["search", "--since"],
        ["search", "--until"],
        ["export", "--format", "csv", "--since"],
        ["stats", "--since"],
        ["stats", "--until"],
        ["stories", "--since"],
        ["retag", "--since"],
    ],
)
@pytest.mark.parametrize("bad", ["12/01/2026", "foo", "2026-13-45"])
def test_every_date_option_refuses_a_bad_date(archive, command, bad):
    result = run(archive, *command, bad)
    assert result.exit_code == 2, result.output
    assert "e.g. 2026-11-01" in result.output and "Invalid value for '--" in result.output


def test_relative_dates_on_the_command_line(archive):
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=UTC), tick=False):
        assert ids(archive, "--dprk-cyber", "--since", "7d") == ["k1", "k2", "t1", "t2"]
        assert ids(archive, "--since", "yesterday") == ["n1"]
        assert ids(archive, "--since", "2 weeks ago", "--until", "3 days ago") == ["k1", "k2", "r1"]


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["search", "--actor", "Kimsky"], "unknown actor 'Kimsky'; did you mean Kimsuky"),
        (["search", "--sector", "crypto"], "unknown sector 'crypto'; did you mean cryptocurrency"),
        (["export", "--format", "csv", "--actor", "Lazaruz Group"], "did you mean Lazarus Group"),
        (["stats", "--actor", "Andarial"], "did you mean Andariel"),
        (["stories", "--actor", "Kimsky"], "did you mean Kimsuky"),
    ],
)
def test_misspelt_names_are_refused_with_the_closest(archive, args, hint):
    result = run(archive, *args)
    assert result.exit_code == 2 and hint in result.output


def test_aliases_still_resolve(archive):
    assert ids(archive, "--actor", "APT43", "--sector", "Government") == ["k2"]


def test_show_prefix_too_short_or_ambiguous(archive):
    short = run(archive, "show", "k1")
    assert short.exit_code == 2
    assert (
        "too short: give at least 6 characters" in short.output and "k1aaaaaaaaaaaaaaaaaaaaaa  Kimsuky" in short.output
    )
    several = run(archive, "show", "t")
    assert several.exit_code == 2 and "t1cccc" in several.output and "t2dddd" in several.output
    assert run(archive, "show", "k1aaaa").exit_code == 0
    assert run(archive, "show", "zz").exit_code == 1  # matches nothing: no such item
