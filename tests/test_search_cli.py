"""`advisory-bot search` and `show`: FTS5 syntax, filters with aliases, sorting, stories, table/JSON/CSV output."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from bot.cli import cli
from storage.search import Query, search


def run(archive, *args):
    result = CliRunner().invoke(cli, [*args, "--db", str(archive)])
    return result


def ids(archive, *args):
    result = run(archive, "search", *args, "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"][:2] for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["phishing"], ["k1"]),
        (['"crypto theft"'], ["t1"]),  # phrase
        (["Maui OR DTrack", "--sort", "date"], ["l1", "a1"]),  # OR, newest first
        (["ransomware NOT Andariel"], ["n1"]),  # NOT
        (["crypto*", "--sort", "date"], ["t1"]),  # prefix
        (["--actor", "APT43"], ["k2", "k1"]),  # alias -> Kimsuky
        (["--actor", "김수키"], ["k2", "k1"]),  # Korean alias
        (["--actor", "Jade Sleet", "--actor", "BlueNoroff"], ["t2"]),  # every actor
        (["--sector", "cryptocurrency"], ["t2", "t1"]),
        (["--source", "vendor-research"], ["t2", "l1"]),  # any source that carried it, not only the first
        (["--language", "ko"], ["k2"]),
        (["--since", "2026-11-22", "--until", "2026-11-24"], ["t2", "t1"]),
        (["--dprk-cyber", "--since", "2026-11-19"], ["t2", "t1", "k2", "k1"]),
        (["--any", "--since", "2026-11-24"], ["n1"]),
    ],
)
def test_search_syntax_and_filters(archive, args, expected):
    assert ids(archive, *args) == expected


def test_relevance_ranks_the_better_match_first(archive):
    # both mention TraderTraitor; t1's title and text say it twice in fewer words
    assert ids(archive, "TraderTraitor", "--sort", "relevance")[0] == "t1"
    assert ids(archive, "TraderTraitor", "--sort", "date") == ["t2", "t1"]


def test_story_collapses_members_into_one_row(archive):
    result = run(archive, "search", "--dprk-cyber", "--story", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["story_id"], r["story_hits"]) for r in rows[:2]] == [(2, 2), (1, 2)]
    assert rows[0]["story_title"] == "TraderTraitor exchange theft"
    assert {r["id"][:2] for r in rows[2:]} == {"l1", "f1", "a1"}  # items without a story stand alone
    table = run(archive, "search", "--dprk-cyber", "--story").stdout
    assert (
        "TraderTraitor exchange theft" in table
        and "5 story(s)" in run(archive, "search", "--dprk-cyber", "--story").stderr
    )


def test_table_is_the_default_output(archive):
    result = run(archive, "search", "--actor", "Kimsuky")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["date", "source", "actors", "title", "id"]
    assert lines[1].startswith("2026-11-21  krcert-notices") and lines[1].endswith("k2bbbbbbbbbbbbbbbbbbbbbb")
    assert "2 item(s)" in result.stderr


def test_csv_output(archive):
    result = run(archive, "search", "--sector", "cryptocurrency", "--csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"][:2] for r in rows] == ["t2", "t1"]
    assert rows[0]["actors"] == "APT38; TraderTraitor" and rows[0]["sources"] == "security-week; vendor-research"
    assert rows[0]["story_title"] == "TraderTraitor exchange theft"


def test_invalid_fts_query_is_a_plain_error(archive):
    result = run(archive, "search", '"unbalanced')
    assert result.exit_code == 1 and "invalid full-text query" in result.stderr
    assert result.stdout == ""  # nothing half-printed


def test_storage_api_keeps_its_shape(archive):
    from storage import open_archive

    rows = search(open_archive(archive), Query(text="phishing", actors=("Kimsuky",), limit=5))
    assert rows[0]["sources"] == ["cisa-advisories"] and rows[0]["actors"] == ["Kimsuky"]
    assert rows[0]["evidence"][0]["value"] == "Kimsuky"


def test_show_prints_tags_evidence_sources_story_and_alerts(archive):
    result = run(archive, "show", "k1aaaaaa")  # a unique prefix is enough
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Kimsuky spear-phishing campaign targets North Korea researchers" in out
    assert "malware     BabyShark" in out and "techniques  T1566.001" in out
    assert "actor     Kimsuky" in out  # evidence
    assert "cisa-advisories  https://advisories.example.org/aa26-324a" in out
    assert "story #1: Kimsuky phishing of researchers and diplomats (2 items" in out
    assert "same-actor-window" in out  # how the other member joined
    assert "#1 alert -> slack:C0DPRK  sent" in out


def test_show_json_and_by_url(archive):
    result = run(archive, "show", "https://advisories.example.org/aa26-196a", "--json")
    item = json.loads(result.stdout)
    assert item["id"].startswith("a1") and item["story"] is None
    assert item["alerts"][0]["status"] == "pending" and "503" in item["alerts"][0]["last_error"]
    shared = json.loads(run(archive, "show", "t2dddddddddddddddddddddd", "--json").stdout)
    assert [s["source"] for s in shared["sources"]] == ["security-week", "vendor-research"]
    assert shared["story"]["members"][0]["item_id"].startswith("t1")


def test_show_unknown_item(archive):
    result = run(archive, "show", "nope")
    assert result.exit_code == 1 and "no item 'nope'" in result.stderr
