"""The tagger's CLI contract through click's CliRunner: tag (stdin, --jsonl), eval, kb show/check."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli

LABELLED = Path(__file__).parent / "data" / "tagging" / "labelled.jsonl"
CONTRACT_KEYS = [
    "id",
    "dprk_cyber",
    "dprk_related",
    "score",
    "actors",
    "sectors",
    "malware",
    "cves",
    "techniques",
    "advisories",
    "wallets",
    "evidence",
]


@pytest.fixture
def runner():
    return CliRunner()


def test_tag_stdin_prints_one_contract_object(runner):
    result = runner.invoke(
        cli, ["tag"], input="Kimsuky phishing\nNorth Korean hackers sent phishing mail to diplomats."
    )
    assert result.exit_code == 0, result.output
    obj = json.loads(result.output)
    assert list(obj) == CONTRACT_KEYS
    assert obj["id"] == "stdin"
    assert obj["actors"] == ["Kimsuky"]
    assert obj["sectors"] == ["government"]
    first = obj["evidence"][0]
    assert first == {"label": "actor", "value": "Kimsuky", "text": "Kimsuky", "start": 0, "end": 7}


def test_tag_jsonl_keeps_order_and_format(runner):
    lines = [
        {"id": "b", "title": "Zinc", "text": "zinc prices rose"},
        {"id": 7, "title": "", "text": "라자루스(Lazarus)가 거래소를 해킹했다.", "language": "ko"},
        {"id": "a", "title": "ScarCruft", "text": "ScarCruft malware spread via ads."},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n"
    result = runner.invoke(cli, ["tag", "--jsonl", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["b", "7", "a"]
    assert [o["actors"] for o in out] == [[], ["Lazarus Group"], ["APT37"]]
    assert all(list(o) == CONTRACT_KEYS for o in out)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("not json", "line 2: invalid JSON"),
        ('{"id": "x", "title": "t"}', "line 2: missing text"),
        ('["a"]', "line 2: expected a JSON object"),
        ('{"id": 1, "title": "", "text": "", "language": "fr"}', "line 2: language"),
    ],
)
def test_tag_jsonl_malformed_line_exits_2(runner, tmp_path, bad, message):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "ok", "title": "t", "text": "x"}\n' + bad + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["tag", "--jsonl", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["id"] == "ok"


def test_tag_help_documents_stdin_format(runner):
    result = runner.invoke(cli, ["tag", "--help"])
    assert "first line = title" in result.output


def test_eval_reports_scores_and_errors(runner):
    result = runner.invoke(cli, ["eval", str(LABELLED)])
    assert result.exit_code == 0, result.output
    assert "dprk_cyber" in result.output and "sectors" in result.output
    assert "t-3  actors  miss: APT37" in result.output
    assert "confuser false alarms: 0" in result.output


def test_eval_json_respects_unscored(runner):
    result = runner.invoke(cli, ["eval", str(LABELLED), "--json"])
    report = json.loads(result.output)
    scores = report["scores"]
    assert scores["dprk_cyber"]["tp"] == 2 and scores["dprk_cyber"]["fp"] == 0
    assert scores["actors"] == {"precision": 1.0, "recall": 0.667, "f1": 0.8, "tp": 2, "fp": 0, "fn": 1, "scored": True}
    assert not any(e["id"] == "t-4" and e["label"] == "sectors" for e in report["errors"])
    assert scores["cves"]["tp"] == 1


@pytest.mark.parametrize("name", ["BlueNoroff", "apt38", "블루노로프", "Sapphire Sleet"])
def test_kb_show_resolves_any_alias(runner, name):
    result = runner.invoke(cli, ["kb", "show", name])
    assert result.exit_code == 0, result.output
    assert "actor: APT38" in result.output
    assert "attack_id: G0082" in result.output
    assert "parent: Lazarus Group" in result.output
    assert "00f67a77-86a4-4adf-be26-1a54fc713340" in result.output  # mitre-intrusion-set APT38 - G0082
    assert "overrides.yaml" in result.output


def test_kb_show_unknown_name_fails(runner):
    result = runner.invoke(cli, ["kb", "show", "Volt Typhoon"])
    assert result.exit_code == 1
    assert "no actor or malware" in result.output


def test_kb_show_malware(runner):
    result = runner.invoke(cli, ["kb", "show", "Maui Ransomware"])
    assert result.exit_code == 0
    assert "malware: Maui" in result.output


def test_kb_check_passes_on_committed_kb(runner):
    result = runner.invoke(cli, ["kb", "check"])
    assert result.exit_code == 0, result.output
    assert "'Andariel'" in result.output and "resolved to Andariel" in result.output
    assert "0 unresolved" in result.output
