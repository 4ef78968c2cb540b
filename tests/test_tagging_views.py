"""`advisory-bot eval` in three views (issue 16): whole text, headline + first 280 characters, headline alone."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.tagging.measure.views import LEAD_CHARS, records_in_view, view_of

LABELLED = Path(__file__).parent / "data" / "tagging" / "labelled.jsonl"
RECORD = {
    "id": "r1",
    "title": "Exchange drained",
    "text": "x" * 300 + " North Korean hackers were blamed.",
    "labels": {"dprk_cyber": True, "dprk_related": True, "actors": [], "sectors": ["cryptocurrency"]},
}


def test_lead_view_cuts_the_text_and_scores_the_verdict_only():
    lead = view_of(RECORD, "lead")
    assert lead["title"] == "Exchange drained" and lead["text"] == "x" * LEAD_CHARS
    assert set(lead["unscored"]) == {"actors", "sectors"}
    assert RECORD["text"].endswith("blamed.")  # the record itself is untouched


def test_headline_view_drops_untitled_records():
    untitled = {**RECORD, "id": "r2", "title": "  "}
    shown = records_in_view([RECORD, untitled], "headline")
    assert [r["id"] for r in shown] == ["r1"] and shown[0]["text"] == ""


def test_unknown_view_is_a_clear_error():
    with pytest.raises(ValueError, match="view must be one of"):
        records_in_view([RECORD], "summary")


def test_eval_prints_three_views_by_default(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(corpus)])
    assert result.exit_code == 0, result.output
    for heading in ("== view: whole", "== view: lead", "== view: headline"):
        assert heading in result.output
    # the whole text names the DPRK; its headline and first 280 characters do not: a miss in those views only
    assert result.output.count("r1  dprk_cyber  miss: dprk_cyber") == 2


def test_eval_json_keeps_the_whole_report_and_adds_views():
    result = CliRunner().invoke(cli, ["eval", str(LABELLED), "--json"])
    report = json.loads(result.output)
    assert report["view"] == "whole"
    assert set(report["views"]) == {"whole", "lead", "headline", "lead+page", "headline+page"}
    assert report["scores"] == report["views"]["whole"]["scores"]
    assert "actors" not in {e["label"] for e in report["views"]["headline"]["errors"]}


def test_eval_single_view():
    result = CliRunner().invoke(cli, ["eval", str(LABELLED), "--view", "headline", "--json"])
    report = json.loads(result.output)
    assert report["view"] == "headline" and list(report["views"]) == ["headline"]


def test_partial_views_show_unscored_labels_as_not_scored_not_as_perfect(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    text = CliRunner().invoke(cli, ["eval", str(corpus)]).output
    whole, lead = text.split("== view: lead")[0], text.split("== view: lead")[1].split("== view: headline")[0]
    sectors_line = next(line for line in lead.splitlines() if line.startswith("sectors"))
    assert "not scored in this view" in sectors_line and "1.000" not in sectors_line
    assert next(line for line in whole.splitlines() if line.startswith("sectors")).split()[1:4] != ["not", "scored"]
    report = json.loads(CliRunner().invoke(cli, ["eval", str(corpus), "--json"]).output)
    assert report["views"]["lead"]["scores"]["sectors"]["scored"] is False
    assert report["views"]["whole"]["scores"]["sectors"]["scored"] is True
    assert report["views"]["whole"]["scores"]["cves"]["scored"] is False  # the record has no cves label


def test_within_reach_counts_positives_whose_view_names_the_dprk(tmp_path):
    named = {
        "id": "n1",
        "title": "North Korean hackers drain an exchange",
        "text": "The exchange lost $40 million to North Korean hackers.",
        "labels": {"dprk_cyber": True, "dprk_related": True, "actors": [], "sectors": ["cryptocurrency"]},
    }
    unnamed = {**RECORD, "id": "u1"}  # its headline and lead never name the DPRK
    negative = {
        "id": "x1",
        "title": "Bank opens a branch",
        "text": "A bank opened a branch.",
        "labels": {"dprk_cyber": False, "dprk_related": False, "actors": [], "sectors": []},
    }
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in (named, unnamed, negative)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(corpus), "--json"])
    views = json.loads(result.output)["views"]
    assert views["whole"]["within_reach"] == {"positives": 2, "named": 2, "recall_named": 1.0}
    assert views["headline"]["within_reach"] == {"positives": 2, "named": 1, "recall_named": 1.0}
    text = CliRunner().invoke(cli, ["eval", str(corpus), "--view", "headline"]).output
    assert "within reach: 1 of 2 dprk_cyber positives name the DPRK in this view; recall on them 1.000" in text
