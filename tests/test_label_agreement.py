"""bench/label_agreement.py: two labellers' sectors and actors compared on the texts both labelled."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "label_agreement.py"


def test_agreement_of_two_label_files(tmp_path):
    first = tmp_path / "set.jsonl"
    first.write_text(
        json.dumps({"id": "a", "labels": {"sectors": ["finance", "government"], "actors": ["Kimsuky"]}})
        + "\n"
        + json.dumps({"id": "b", "labels": {"sectors": ["media"], "actors": []}})
        + "\n"
        + json.dumps({"id": "c", "labels": {"sectors": ["energy"], "actors": []}})
        + "\n"
    )
    second = tmp_path / "second.jsonl"
    second.write_text(
        json.dumps({"id": "a", "sectors": ["finance"], "actors": ["Kimsuky"]})
        + "\n"
        + json.dumps({"id": "b", "sectors": ["media", "technology"], "actors": []})
        + "\n"
    )
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(first), str(second)], capture_output=True, text=True, check=True
    ).stdout
    assert "texts in both: 2" in out
    assert "sectors: F1 0.667 (2, 1, 1)" in out  # c is in one file only: not compared
    assert "actors: F1 1.000 (1, 0, 0)" in out
    assert "texts with the same sectors: 0 of 2" in out
    assert "  b: ['media'] / ['media', 'technology']" in out
