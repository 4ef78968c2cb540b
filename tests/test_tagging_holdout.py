"""Regression guard on the held-out set: texts written apart from the rules, in the genre's own words.

tests/data/tagging/holdout.jsonl holds our own advisory, vendor-report and news texts (English, Korean, Japanese),
labelled by taxonomy.md before the tagger was run on them; labels are never edited to match the tagger's output.
"""

from pathlib import Path

import pytest

from bot.tagging import get_tagger
from bot.tagging.measure.evaluate import evaluate, format_report, load_corpus

HOLDOUT = Path(__file__).parent / "data" / "tagging" / "holdout.jsonl"


@pytest.fixture(scope="module")
def report():
    return evaluate(load_corpus(HOLDOUT), get_tagger())


def test_holdout_is_large_and_varied():
    records = load_corpus(HOLDOUT)
    assert len(records) >= 60
    assert all(400 <= len(r["text"]) <= 2000 for r in records)
    assert {r["category"] for r in records} >= {"positive", "hard_negative", "confuser", "dprk_noncyber"}


def test_dprk_cyber_f1_and_no_confuser_false_alarm(report):
    assert report.confuser_false_alarms == 0, format_report(report)
    assert report.counts["dprk_cyber"].as_dict()["f1"] >= 0.97, format_report(report)


def test_actors_micro_f1(report):
    assert report.counts["actors"].as_dict()["f1"] >= 0.95, format_report(report)


def test_sectors_micro_f1(report):
    assert report.counts["sectors"].as_dict()["f1"] >= 0.85, format_report(report)
