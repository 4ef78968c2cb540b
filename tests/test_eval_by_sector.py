"""advisory-bot eval: each sector's own precision and recall (which sector routes to trust), text and --json."""

import json

from click.testing import CliRunner

from bot.cli import cli


def _record(id_, text, sectors):
    labels = {"dprk_cyber": True, "dprk_related": True, "actors": ["Lazarus Group"], "sectors": sectors, "cves": []}
    return {"id": id_, "title": "Lazarus hackers", "text": text, "labels": labels}


def test_eval_breaks_sectors_down_by_name(tmp_path):
    corpus = tmp_path / "set.jsonl"
    records = [
        # right: finance; the label also holds media, which the text never says (a miss for media)
        _record("s-1", "North Korean Lazarus hackers stole $80 million from a bank.", ["finance", "media"]),
        # right: finance; a false sector: the hospitals are hit but not labelled (a false alarm for healthcare)
        _record("s-2", "North Korean Lazarus hackers robbed banks and attacked hospitals.", ["finance"]),
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(corpus), "--json", "--view", "whole"])
    assert result.exit_code == 0, result.output
    by_name = json.loads(result.output)["sectors_by_name"]
    assert list(by_name) == ["finance", "media", "healthcare"]  # most labelled first, then by name
    assert (by_name["finance"]["tp"], by_name["finance"]["fp"], by_name["finance"]["fn"]) == (2, 0, 0)
    assert (by_name["media"]["tp"], by_name["media"]["fn"], by_name["media"]["recall"]) == (0, 1, 0.0)
    assert (by_name["healthcare"]["fp"], by_name["healthcare"]["precision"]) == (1, 0.0)

    text = CliRunner().invoke(cli, ["eval", str(corpus), "--view", "whole"]).output
    assert "sectors by name (most labelled first):" in text
    assert "  finance                 1.000  1.000  1.000    2    0    0" in text


def test_partial_views_do_not_break_sectors_down(tmp_path):
    corpus = tmp_path / "set.jsonl"
    corpus.write_text(json.dumps(_record("s-1", "Lazarus hackers stole from a bank.", ["finance"])) + "\n")
    report = json.loads(CliRunner().invoke(cli, ["eval", str(corpus), "--json"]).output)
    assert report["sectors_by_name"]  # the whole text
    assert all(not view["sectors_by_name"] for name, view in report["views"].items() if name != "whole")
