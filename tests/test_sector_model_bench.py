"""bench/sector_model.py: the rules' sectors and a model's, scored the same way, for both kinds of features."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "sector_model.py"


def _record(id_, event, text, sectors):
    labels = {"dprk_cyber": True, "dprk_related": True, "actors": ["Lazarus Group"], "sectors": sectors}
    return {"id": id_, "event": event, "title": "Lazarus hackers", "text": text, "language": "en", "labels": labels}


TRAIN = [
    _record("t1", "e1", "North Korean Lazarus hackers stole $80 million from a bank in Asia.", ["finance"]),
    _record("t2", "e2", "North Korean Lazarus hackers attacked hospitals, posing as journalists.", ["healthcare"]),
    _record("t3", "e3", "North Korean Lazarus hackers breached a defense contractor, the ministry said.", ["defense"]),
    _record("t4", "e4", "North Korean Lazarus hackers stole cryptocurrency from an exchange.", ["cryptocurrency"]),
]
EVAL = [
    _record("v1", "e5", "North Korean Lazarus hackers targeted banks and media outlets.", ["finance"]),
]


def _run(tmp_path, *extra):
    train, held = tmp_path / "train.jsonl", tmp_path / "eval.jsonl"
    train.write_text("".join(json.dumps(r) + "\n" for r in TRAIN), encoding="utf-8")
    held.write_text("".join(json.dumps(r) + "\n" for r in EVAL), encoding="utf-8")
    cmd = [sys.executable, str(SCRIPT), "--train", str(train), "--eval", str(held), "--folds", "2", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=600).stdout


def _line(out, name, start):
    block = out[out.index(name) :]
    return next(line for line in block.splitlines() if line.strip().startswith(start))


@pytest.mark.parametrize("features", ["words", "sentences"])
def test_rules_and_model_are_scored_on_the_held_out_set(tmp_path, features):
    out = _run(tmp_path, "--features", features, "--thresholds", "0.5")
    assert "2-fold cross-validation on --train" in out
    assert "4 DPRK cyber texts with scored sectors" in out
    # the rules on the held-out text: finance right, media a false sector
    assert "(tp 1, fp 1, fn 0)" in _line(out, "eval.jsonl", "rules alone")
    for start in ("model alone   >= 0.5", "rules + model >= 0.5"):
        assert "F1" in _line(out, "eval.jsonl", start)


def test_a_missing_corpus_is_named(tmp_path):
    cmd = [sys.executable, str(SCRIPT), "--train", str(tmp_path / "none.jsonl")]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "none.jsonl" in result.stderr
