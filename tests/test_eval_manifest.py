"""bench/eval_manifest.py: an evaluation set's provenance and labels without its text, and repeats across sets."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "eval_manifest.py"


def run(*args) -> str:
    done = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=True)
    return done.stdout


def write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def record(id_, url, title, text):
    labels = {"dprk_cyber": True, "actors": ["Kimsuky"], "sectors": ["government"]}
    return {"id": id_, "url": url, "title": title, "text": text, "language": "en", "labels": labels}


def test_a_manifest_keeps_labels_and_a_hash_but_not_the_text(tmp_path):
    first = write(
        tmp_path / "a.jsonl", [record("a-1", "https://news.example/x", "Spies phish ministry", "Body 한국어.")]
    )
    line = json.loads(run("make", str(first)))
    assert "text" not in line and "title" not in line
    assert line["labels"]["sectors"] == ["government"] and line["chars"] == len("Body 한국어.")
    assert len(line["sha256"]) == 64


def test_check_names_each_text_an_earlier_set_already_had(tmp_path):
    old = write(
        tmp_path / "old.jsonl",
        [
            record("o-1", "https://www.news.example/story/?utm_source=feed&id=7", "Headline one", "First body."),
            record("o-3", "https://news.example/view?id=8", "Headline three", "Third body."),
            record("o-2", "https://blog.example/post", "Headline two", "Second body."),
        ],
    )
    manifest = tmp_path / "old_manifest.jsonl"
    manifest.write_text(run("make", str(old)), encoding="utf-8")
    new = write(
        tmp_path / "new.jsonl",
        [
            record("n-1", "http://news.example/story?id=7", "Another headline", "Another body."),  # same page
            record("n-2", "https://mirror.example/copy", "Headline two", "Second body."),  # same text elsewhere
            record("n-3", "https://news.example/view?id=9", "Fresh", "Another page of the same site."),
        ],
    )
    out = run("check", str(new), str(manifest))
    assert "n-1: same address as old_manifest:o-1" in out
    assert "n-2: same text as old_manifest:o-2" in out
    assert "n-3" not in out
    assert out.strip().endswith("3 texts, 2 repeat an earlier set (1 manifests read)")


def test_check_reads_a_set_with_its_text_as_an_earlier_set(tmp_path):
    old = write(tmp_path / "dev.jsonl", [record("d-1", "https://a.example/x", "Same title", "Same body.")])
    new = write(tmp_path / "new.jsonl", [record("n-1", "https://b.example/y", "Same title", "Same body.")])
    out = run("check", str(new), str(old))
    assert "n-1: same text as dev:d-1" in out
