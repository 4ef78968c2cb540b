"""advisory-bot eval with several corpora: each set scored on its own, then pooled (the sum of their counts), each
error marked with its set; one corpus prints exactly what it did before."""

import json

from click.testing import CliRunner

from bot.cli import cli


def _record(id_, title, text, dprk_cyber, sectors=(), confuser=False):
    labels = {
        "dprk_cyber": dprk_cyber,
        "dprk_related": dprk_cyber,
        "actors": ["Lazarus Group"] if dprk_cyber else [],
        "sectors": list(sectors),
        "cves": [],
    }
    return {"id": id_, "title": title, "text": text, "labels": labels, "confuser": confuser}


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


SET_A = [
    _record(
        "x-1",
        "Lazarus hackers rob a bank",
        "North Korean Lazarus hackers stole $80 million from a bank.",
        True,
        ["finance"],
    ),
    # a sector the text never gives: one missed sector in A
    _record(
        "x-2",
        "Lazarus hackers strike",
        "North Korean Lazarus hackers stole cryptocurrency.",
        True,
        ["cryptocurrency", "media"],
    ),
]
SET_B = [
    # the same id as in A: the pooled errors tell them apart by their set
    _record(
        "x-1",
        "Lazarus hackers attack hospitals",
        "North Korean Lazarus hackers attacked hospitals and banks.",
        True,
        ["healthcare"],
    ),
    _record("x-2", "Malawi", "President Lazarus Chakwera opened a new bridge in Lilongwe.", False, confuser=True),
]


def _scores(report, label):
    s = report["scores"][label]
    return s["tp"], s["fp"], s["fn"]


def test_several_sets_are_scored_alone_and_pooled(tmp_path):
    a, b = _write(tmp_path / "a.jsonl", SET_A), _write(tmp_path / "b.jsonl", SET_B)
    alone = [json.loads(CliRunner().invoke(cli, ["eval", str(p), "--json"]).output) for p in (a, b)]
    result = CliRunner().invoke(cli, ["eval", str(a), str(b), "--json"])
    assert result.exit_code == 0, result.output
    both = json.loads(result.output)

    for label in ("dprk_cyber", "sectors", "actors"):
        sums = tuple(x + y for x, y in zip(_scores(alone[0], label), _scores(alone[1], label), strict=True))
        assert _scores(both, label) == sums
    assert _scores(both, "sectors") == (3, 1, 1)  # finance, cryptocurrency, healthcare right; A's bank in B; media
    assert both["items"] == 4 and both["confuser_false_alarms"] == 0
    for view, report in both["views"].items():
        pooled_tp = report["scores"]["dprk_cyber"]["tp"]
        assert pooled_tp == sum(s["views"][view]["scores"]["dprk_cyber"]["tp"] for s in both["sets"])

    assert [s["corpus"] for s in both["sets"]] == ["a.jsonl", "b.jsonl"]
    assert all("errors" not in v for s in both["sets"] for v in s["views"].values())
    errors = {(e["corpus"], e["id"], e["kind"], e["value"]) for e in both["errors"]}
    assert errors == {("a.jsonl", "x-2", "miss", "media"), ("b.jsonl", "x-1", "false alarm", "finance")}


def test_the_text_report_lists_each_set_then_the_pooled_one(tmp_path):
    a, b = _write(tmp_path / "a.jsonl", SET_A), _write(tmp_path / "b.jsonl", SET_B)
    text = CliRunner().invoke(cli, ["eval", str(a), str(b), "--view", "whole"]).output
    lines = text.splitlines()
    assert lines[0].startswith("== each set")
    assert lines[2].split() == ["a.jsonl", "2", "1.000", "1.000", "0.800"]  # items, whole F1, actors F1, sectors F1
    assert lines[3].split()[:2] == ["b.jsonl", "2"]
    assert "== pooled over 2 sets ==" in text
    assert "a.jsonl:x-2  sectors  miss: media" in text
    assert "b.jsonl:x-1  sectors  false alarm: finance" in text


def test_one_corpus_prints_what_it_always_did(tmp_path):
    a = _write(tmp_path / "a.jsonl", SET_A)
    report = json.loads(CliRunner().invoke(cli, ["eval", str(a), "--json"]).output)
    assert "sets" not in report
    assert all("corpus" not in e for e in report["errors"])
    text = CliRunner().invoke(cli, ["eval", str(a)]).output
    assert text.startswith("== view: whole") and "each set" not in text
    assert "x-2  sectors  miss: media" in text


def test_sets_with_the_same_file_name_are_named_by_path(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    a = _write(tmp_path / "one" / "set.jsonl", SET_A)
    b = _write(tmp_path / "two" / "set.jsonl", SET_B)
    report = json.loads(CliRunner().invoke(cli, ["eval", str(a), str(b), "--json", "--view", "whole"]).output)
    assert [s["corpus"] for s in report["sets"]] == [str(a), str(b)]


def test_a_bad_corpus_among_several_names_its_file(tmp_path):
    a = _write(tmp_path / "a.jsonl", SET_A)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "title": \n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(a), str(bad)])
    assert result.exit_code != 0
    assert "bad.jsonl" in result.output
