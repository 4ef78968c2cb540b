"""The knowledge base: build rules (conflicts, seeds, drops), determinism, the committed kb.json."""

import json

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.tagging.words import build_kb
from bot.tagging.words.kb import KB_PATH, KnowledgeBase, load_kb

GALAXIES = {
    "threat-actor": {
        "Umbrella": ("u-1", ["Sub One", "Shared Name", "Umbrella Team", "Operation Noise"]),
        "Sub One": ("u-2", ["Shared Name", "Other Name"]),
        "Sub Two": ("u-3", ["Other Name"]),
    },
    "mitre-intrusion-set": {"Umbrella - G9999": ("m-1", ["Umbrella", "UMB"])},
    "microsoft-activity-group": {},
    "malpedia": {"Evil RAT (Windows)": ("p-1", ["EvilR", "Umbrella"])},
}


def overrides(**extra):
    base = {
        "actors": {
            "Umbrella": {
                "attack_id": "G9999",
                "clusters": ["threat-actor:Umbrella", "mitre-intrusion-set:Umbrella - G9999"],
                "aliases": ["Umbrella", "ZINCO"],
            },
            "Sub One": {"parent": "Umbrella", "clusters": ["threat-actor:Sub One"], "aliases": ["Sub One"]},
            "Sub Two": {"clusters": ["threat-actor:Sub Two"], "aliases": []},
        },
        "drop": ["Operation Noise"],
        "ambiguous": ["ZINCO"],
        "case_sensitive": ["ZINCO"],
        "malware": {"EvilRAT": ["Evil RAT (Windows)"]},
    }
    base.update(extra)
    return base


def test_seed_alias_wins_over_galaxy_synonym():
    kb = KnowledgeBase(build_kb.build(overrides(), GALAXIES))
    assert kb.resolve("sub one") == "Sub One"  # listed as a synonym of Umbrella too
    conflict = next(c for c in kb.conflicts if c["alias"] == "Sub One")
    assert conflict["resolved_to"] == "Sub One" and conflict["by"] == "seed alias"
    assert kb.resolve("UMB") == "Umbrella"
    assert kb.actors["Umbrella"].attack_id == "G9999"
    assert {m["uuid"] for m in kb.actors["Umbrella"].misp} == {"u-1", "m-1"}


def test_unresolved_conflict_is_left_out_and_reported():
    kb = KnowledgeBase(build_kb.build(overrides(), GALAXIES))
    assert kb.resolve("Other Name") is None
    assert [c["alias"] for c in kb.unresolved_conflicts()] == ["Other Name", "Shared Name"]


def test_resolve_entry_settles_a_conflict():
    kb = KnowledgeBase(build_kb.build(overrides(resolve={"Other Name": "Sub Two"}), GALAXIES))
    assert kb.resolve("other name") == "Sub Two"


def test_drop_and_exact_case_and_malware():
    kb = KnowledgeBase(build_kb.build(overrides(), GALAXIES))
    assert kb.resolve("Operation Noise") is None
    zinco = kb.aliases["zinco"]
    assert zinco.ambiguous and zinco.accepts("ZINCO") and not zinco.accepts("zinco")
    assert kb.resolve("EvilR") == "EvilRAT"
    assert kb.aliases["umbrella"].kind == "actor"  # actor names win over malware synonyms


def test_missing_cluster_is_a_problem():
    data = build_kb.build(overrides(actors={"X": {"clusters": ["threat-actor:Nope"], "aliases": ["X"]}}), GALAXIES)
    assert data["problems"][0]["kind"] == "missing-cluster"


def test_build_is_deterministic():
    first = json.dumps(build_kb.build(overrides(), GALAXIES))
    assert first == json.dumps(build_kb.build(overrides(), GALAXIES))


def test_kb_check_exits_1_on_unresolved_conflicts(monkeypatch):
    kb = KnowledgeBase(build_kb.build(overrides(), GALAXIES))
    monkeypatch.setattr("bot.tagging.words.kb.load_kb", lambda: kb)
    result = CliRunner().invoke(cli, ["kb", "check"])
    assert result.exit_code == 1
    assert "'Shared Name'" in result.output and "UNRESOLVED" in result.output


def test_committed_kb_covers_the_taxonomy():
    kb = load_kb()
    assert len(kb.actors) == 13
    for alias, canonical in [
        ("Hidden Cobra", "Lazarus Group"),
        ("TA444", "APT38"),
        ("Stonefly", "Andariel"),
        ("Springtail", "Kimsuky"),
        ("TEMP.Reaper", "APT37"),
        ("UNC4899", "TraderTraitor"),
        ("Gleaming Pisces", "Citrine Sleet"),
        ("Contagious Interview", "Famous Chollima"),
        ("Vedalia", "Konni"),
        ("DEV-0215", "Pearl Sleet"),
        ("Storm-0530", "H0lyGh0st"),
        ("Citrine Sleet", "Citrine Sleet"),
        ("Moonstone Sleet", "Moonstone Sleet"),
    ]:
        assert kb.resolve(alias) == canonical, alias
    assert not kb.unresolved_conflicts() and not kb.problems


def test_committed_kb_is_up_to_date():
    """kb.json is what `advisory-bot kb build` makes from the installed galaxies (no network)."""
    pytest.importorskip("pymispgalaxies")
    built = build_kb.build(build_kb.load_overrides(), build_kb.load_galaxies())
    assert json.loads(KB_PATH.read_text(encoding="utf-8")) == built


def test_plain_aliases_listed_or_by_pattern():
    data = build_kb.build(overrides(plain=["Sub One"], plain_patterns=["[a-z]+ team"]), GALAXIES)
    kb = KnowledgeBase(data)
    assert kb.aliases["sub one"].plain and kb.aliases["umbrella team"].plain
    assert not kb.aliases["umbrella"].plain
    committed = load_kb()
    assert committed.aliases["ruby sleet"].plain and committed.aliases["andariel"].plain
    assert not committed.aliases["kimsuky"].plain


def test_designations_are_plain_vendor_names():
    data = build_kb.build(
        overrides(plain=["Sub One"], plain_patterns=["[a-z]+ team"], designation_patterns=["[a-z]+ team"]), GALAXIES
    )
    kb = KnowledgeBase(data)
    assert kb.aliases["umbrella team"].designation and not kb.aliases["sub one"].designation
    committed = load_kb()
    assert committed.aliases["springtail"].designation and committed.aliases["pearl sleet"].designation
    assert not committed.aliases["andariel"].designation and not committed.aliases["reaper"].designation
    assert not committed.aliases["kimsuky"].designation  # not plain: a coined name counts on its own anyway
