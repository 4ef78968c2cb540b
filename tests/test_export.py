"""`advisory-bot export`: csv, jsonl, STIX 2.1 (checked by stix2-validator), MISP (loaded by PyMISP), Atom."""

import csv
import io
import json

import feedparser
import stix2
from click.testing import CliRunner
from pymisp import MISPEvent
from stix2validator import ValidationOptions, validate_string

from bot.cli import cli


def export(archive, tmp_path, fmt, *args) -> str:
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--format", fmt, *args, "-o", str(out), "--db", str(archive)])
    assert result.exit_code == 0, result.output
    assert f"as {fmt} to {out}" in result.stderr
    return out.read_text(encoding="utf-8")


def test_csv_with_filters(archive, tmp_path):
    rows = list(csv.DictReader(io.StringIO(export(archive, tmp_path, "csv", "--actor", "APT43"))))
    assert [r["id"][:2] for r in rows] == ["k2", "k1"]
    assert rows[1]["malware"] == "BabyShark" and rows[1]["story_title"].startswith("Kimsuky phishing")


def test_jsonl_has_every_column_and_the_evidence(archive, tmp_path):
    lines = export(archive, tmp_path, "jsonl", "--dprk-cyber", "--query", "ransomware").splitlines()
    (row,) = [json.loads(line) for line in lines]
    assert row["id"].startswith("a1") and row["cves"] == ["CVE-2021-44228"]
    assert row["evidence"] == [{"label": "actor", "value": "Andariel", "text": "Andariel", "start": 0, "end": 8}]


def validate(text: str):
    results = validate_string(text, ValidationOptions(version="2.1"))
    assert results.is_valid, [str(e) for e in results.errors]
    # the only warning allowed: "external reference has a URL but no hash" (302); ids are UUIDv4-shaped
    codes = {str(w).split("{")[1].split("}")[0] for w in results.warnings}
    assert codes <= {"302"}, results.warnings


def by_type(bundle: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for obj in bundle["objects"]:
        found.setdefault(obj["type"], []).append(obj)
    return found


def test_stix_per_item_is_valid_and_referenced(archive, tmp_path):
    text = export(archive, tmp_path, "stix", "--dprk-cyber")
    validate(text)
    bundle = json.loads(text)
    stix2.parse(text, allow_custom=False)  # the library reads it back
    objects = by_type(bundle)
    assert len(objects["report"]) == 7
    ids = {o["id"] for o in bundle["objects"]}
    for report in objects["report"]:
        assert set(report["object_refs"]) <= ids and report["created_by_ref"] in ids
    kimsuky = next(o for o in objects["intrusion-set"] if o["name"] == "Kimsuky")
    assert {"source_name": "mitre-attack", "external_id": "G0094", "url": "https://attack.mitre.org/groups/G0094/"} in (
        kimsuky["external_references"]
    )
    assert {"APT43", "Emerald Sleet", "Velvet Chollima"} <= set(kimsuky["aliases"])
    assert "external_references" not in next(o for o in objects["intrusion-set"] if o["name"] == "TraderTraitor")
    assert {o["name"] for o in objects["malware"]} == {"BabyShark", "DTrack", "Maui"}
    vuln = next(o for o in objects["vulnerability"] if o["name"] == "CVE-2021-44228")
    assert vuln["external_references"][0]["source_name"] == "cve"
    assert objects["attack-pattern"][0]["external_references"][0]["url"].endswith("/techniques/T1566/001/")
    sources = {o["name"]: o["id"] for o in objects["identity"]}
    assert {"advisory-bot", "cisa-advisories", "vendor-research"} <= set(sources)
    report = next(o for o in objects["report"] if o["name"].startswith("Kimsuky spear-phishing"))
    assert kimsuky["id"] in report["object_refs"] and sources["cisa-advisories"] in report["object_refs"]
    assert report["external_references"][0]["url"] == "https://advisories.example.org/aa26-324a"
    assert report["labels"] == ["sector:think-tanks-academia", "advisory:AA26-324A"]


def test_stix_ids_are_stable_across_exports(archive, tmp_path):
    first = {o["name"]: o["id"] for o in json.loads(export(archive, tmp_path, "stix"))["objects"]}
    again = {o["name"]: o["id"] for o in json.loads(export(archive, tmp_path, "stix", "--actor", "Kimsuky"))["objects"]}
    assert again["Kimsuky"] == first["Kimsuky"] and again["BabyShark"] == first["BabyShark"]


def test_stix_per_story(archive, tmp_path):
    text = export(archive, tmp_path, "stix", "--dprk-cyber", "--per", "story")
    validate(text)
    reports = by_type(json.loads(text))["report"]
    assert len(reports) == 5  # two stories of two items, three items alone
    theft = next(r for r in reports if r["name"] == "TraderTraitor exchange theft")
    assert len(theft["external_references"]) == 2 and theft["published"].startswith("2026-11-22")


def test_misp_event_per_story_loads_in_pymisp(archive, tmp_path):
    data = json.loads(export(archive, tmp_path, "misp", "--dprk-cyber"))
    assert len(data["response"]) == 5
    events = []
    for wrapped in data["response"]:
        event = MISPEvent()
        event.from_dict(**wrapped)  # PyMISP's own loader: types, categories and tags must be MISP's
        events.append(event)
    theft = next(e for e in events if e.info == "TraderTraitor exchange theft")
    tags = {t.name for t in theft.tags}
    assert 'misp-galaxy:threat-actor="TraderTraitor"' in tags
    assert 'misp-galaxy:mitre-intrusion-set="APT38 - G0082"' in tags
    values = {(a.type, a.value) for a in theft.attributes}
    assert ("vulnerability", "CVE-2024-21338") in values
    assert ("link", "https://fbi.example.gov/news/tradertraitor-theft") in values
    kimsuky = next(e for e in events if e.info.startswith("Kimsuky phishing"))
    assert 'misp-galaxy:threat-actor="Kimsuky"' in {t.name for t in kimsuky.tags}
    andariel = next(e for e in events if e.info.startswith("Andariel"))
    assert 'misp-galaxy:malpedia="Maui"' in {t.name for t in andariel.tags} or any(
        t.name.startswith('misp-galaxy:malpedia="Maui') for t in andariel.tags
    )
    assert str(andariel.date) == "2026-07-15"


def test_atom_feed_of_dprk_items_filtered_by_actor_and_sector(archive, tmp_path):
    feed = feedparser.parse(export(archive, tmp_path, "atom", "--actor", "Kimsuky"))
    assert feed.bozo == 0 and feed.feed.title == "advisory-bot: DPRK cyber items (actor Kimsuky)"
    assert [e.id for e in feed.entries] == ["urn:advisory-bot:item:k2bbbbbbbbbbbbbbbbbbbbbb",
                                            "urn:advisory-bot:item:k1aaaaaaaaaaaaaaaaaaaaaa"]  # fmt: skip
    assert feed.entries[1].link == "https://advisories.example.org/aa26-324a"
    assert {t.term for t in feed.entries[1].tags} == {"Kimsuky", "think-tanks-academia"}
    healthcare = feedparser.parse(export(archive, tmp_path, "atom", "--sector", "healthcare"))
    assert [e.title for e in healthcare.entries] == ["Andariel deploys Maui ransomware against hospitals"]  # not n1


def test_unknown_format_is_a_usage_error(archive):
    result = CliRunner().invoke(cli, ["export", "--format", "pdf", "--db", str(archive)])
    assert result.exit_code == 2


def test_every_format_and_canned_query_is_documented():
    from pathlib import Path

    from bot.export import FORMAT_NAMES
    from bot.web.metadata import QUERIES

    doc = (Path(__file__).parent.parent / "docs/analysts.md").read_text()
    assert [f for f in FORMAT_NAMES if f"| `{f}` |" not in doc] == []
    assert [q for q in QUERIES if f"`{q}" not in doc] == []
