"""Compile data/kb.json from the MISP galaxies (pymispgalaxies) and data/overrides.yaml.

Rules:
- Only clusters that overrides.yaml assigns to a canonical actor contribute aliases (value + synonyms).
- A seed alias of overrides.yaml always belongs to its actor; a galaxy synonym claimed by two actors is a
  conflict, resolved by `resolve:` or by a seed alias, else left out of the table and reported by `kb check`.
- Output is deterministic: sorted keys and lists, no timestamps. Runtime never imports pymispgalaxies.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

DATA_DIR = Path(__file__).parent.parent / "data"
OVERRIDES_PATH = DATA_DIR / "overrides.yaml"
KB_PATH = DATA_DIR / "kb.json"
ACTOR_GALAXIES = ("threat-actor", "mitre-intrusion-set", "microsoft-activity-group")
OVERRIDE = "overrides.yaml"
_MITRE_SUFFIX = re.compile(r"\s+-\s+G\d{4}$")
_PLATFORM_SUFFIX = re.compile(r"\s+\((?:OS X|Windows|ELF|Android|iOS|Linux)\)$")


def norm(alias: str) -> str:
    """The lookup key of an alias: case-folded, whitespace collapsed."""
    return " ".join(alias.split()).casefold()


def load_overrides(path: Path = OVERRIDES_PATH) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def load_galaxies() -> dict[str, dict[str, tuple[str, list[str]]]]:
    """{galaxy: {value: (uuid, synonyms)}} for the four galaxies we use (costs ~1.3 s: build time only)."""
    from pymispgalaxies import Clusters

    clusters = Clusters()
    out: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for name in (*ACTOR_GALAXIES, "malpedia"):
        values = {}
        for value in clusters[name].values():
            meta = value.meta.to_dict() if value.meta else {}
            values[value.value] = (str(value.uuid), list(meta.get("synonyms", [])))
        out[name] = values
    return out


def build(overrides: dict, galaxies: dict) -> dict:
    """The compiled knowledge base as a JSON-ready dict."""
    drop = {norm(a) for a in overrides.get("drop", [])}
    resolve = {norm(a): c for a, c in overrides.get("resolve", {}).items()}
    seed_owner: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, set[str]] = defaultdict(set)
    claims: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    problems: list[dict] = []
    actors: dict[str, dict] = {}

    for canonical, spec in overrides["actors"].items():
        actors[canonical] = {"attack_id": spec.get("attack_id"), "parent": spec.get("parent"), "misp": []}
        for alias in [canonical, *spec.get("aliases", [])]:
            seed_owner[norm(alias)].add(canonical)
            spellings[norm(alias)].add(alias)
            claims[norm(alias)][canonical].add(OVERRIDE)

    for canonical, spec in overrides["actors"].items():
        for ref in spec.get("clusters", []):
            galaxy, _, value = ref.partition(":")
            found = galaxies.get(galaxy, {}).get(value)
            if found is None:
                problems.append({"kind": "missing-cluster", "detail": f"{ref} (listed under {canonical})"})
                continue
            uuid, synonyms = found
            actors[canonical]["misp"].append({"galaxy": galaxy, "value": value, "uuid": uuid})
            for name in [_MITRE_SUFFIX.sub("", value), *synonyms]:
                if norm(name) in drop:
                    continue
                spellings[norm(name)].add(name)
                claims[norm(name)][canonical].add(f"{galaxy}:{value}")

    aliases: dict[str, dict] = {}
    conflicts: list[dict] = []
    for key in sorted(claims):
        owners = claims[key]
        owner = next(iter(owners)) if len(owners) == 1 else None
        if owner is None:
            seeds = seed_owner.get(key, set())
            owner = resolve.get(key) or (next(iter(seeds)) if len(seeds) == 1 else None)
            conflicts.append(
                {
                    "alias": sorted(spellings[key])[0],
                    "claims": {c: sorted(s) for c, s in sorted(owners.items())},
                    "resolved_to": owner,
                    "by": "resolve" if key in resolve else ("seed alias" if owner else "unresolved"),
                }
            )
            if owner is None:
                continue
        aliases[key] = {"actor": owner, "sources": sorted(owners[owner] or {OVERRIDE})}

    malware, malware_aliases = _build_malware(overrides, galaxies, aliases, conflicts, spellings, problems)
    exact = sorted(set(overrides.get("case_sensitive", [])) | set(overrides.get("malware_case_sensitive", [])))
    ambiguous = {norm(a) for a in overrides.get("ambiguous", []) + overrides.get("malware_ambiguous", [])}
    plain = _plain(overrides, aliases)
    designations = _designations(overrides, plain)
    for name, spec in actors.items():
        spec["misp"].sort(key=lambda m: (m["galaxy"], m["value"]))
        if spec["parent"] and spec["parent"] not in actors:
            problems.append({"kind": "unknown-parent", "detail": f"{name} -> {spec['parent']}"})
    return {
        "version": 1,
        "actors": dict(sorted(actors.items())),
        "aliases": {k: {**v, "spellings": sorted(spellings[k])} for k, v in sorted(aliases.items())},
        "malware": dict(sorted(malware.items())),
        "malware_aliases": {k: {**v, "spellings": sorted(spellings[k])} for k, v in sorted(malware_aliases.items())},
        "ambiguous": sorted(ambiguous),
        "unattributed": sorted(overrides.get("malware_unattributed", [])),
        "case_sensitive": exact,
        "plain": plain,
        "designations": designations,
        "conflicts": conflicts,
        "problems": problems,
    }


def _plain(overrides: dict, aliases: dict) -> list[str]:
    """Actor aliases made of ordinary words ("Ruby Sleet", "Hidden Cobra", Diablo's "Andariel"): listed under
    `plain:`, or matching a `plain_patterns:` naming scheme (Microsoft's "<gem> Sleet")."""
    return _listed_or_matching(overrides, "plain", aliases)


def _designations(overrides: dict, plain: list[str]) -> list[str]:
    """Plain aliases that, capitalised, are a vendor's name for the group (Springtail, "<gem> Sleet"): listed under
    `designations:` or matching a `designation_patterns:` scheme."""
    return _listed_or_matching(overrides, "designation", plain)


def _listed_or_matching(overrides: dict, key: str, keys) -> list[str]:
    """The `keys` listed under `<key>s:` (or `plain:`) or matching one of `<key>_patterns:`."""
    patterns = [re.compile(p, re.IGNORECASE) for p in overrides.get(f"{key}_patterns", [])]
    listed = {norm(a) for a in overrides.get(key if key == "plain" else f"{key}s", [])}
    return sorted(k for k in keys if k in listed or any(p.fullmatch(k) for p in patterns))


def _build_malware(overrides, galaxies, actor_aliases, conflicts, spellings, problems):
    malpedia = galaxies.get("malpedia", {})
    extra = overrides.get("malware_aliases", {})
    drop = {norm(a) for a in overrides.get("malware_drop", [])}
    malware: dict[str, dict] = {}
    table: dict[str, dict] = {}
    for display, values in overrides.get("malware", {}).items():
        misp, names = [], {display: OVERRIDE}
        for value in values:
            found = malpedia.get(value)
            if found is None:
                problems.append({"kind": "missing-cluster", "detail": f"malpedia:{value} (malware {display})"})
                continue
            misp.append({"galaxy": "malpedia", "value": value, "uuid": found[0]})
            for name in [_PLATFORM_SUFFIX.sub("", value), *found[1]]:
                names.setdefault(name, f"malpedia:{value}")
        for name in extra.get(display, []):
            names.setdefault(name, OVERRIDE)
        malware[display] = {"misp": sorted(misp, key=lambda m: m["value"])}
        for name, source in sorted(names.items()):
            key = norm(name)
            if key in drop:
                continue
            if key in actor_aliases:
                conflicts.append(
                    {
                        "alias": name,
                        "claims": {actor_aliases[key]["actor"]: ["actor"], display: [source]},
                        "resolved_to": actor_aliases[key]["actor"],
                        "by": "actor names win over malware names",
                    }
                )
                continue
            spellings[key].add(name)
            entry = table.setdefault(key, {"malware": display, "sources": []})
            if entry["malware"] != display:
                problems.append({"kind": "malware-alias-clash", "detail": f"{name}: {entry['malware']} / {display}"})
                continue
            entry["sources"] = sorted({*entry["sources"], source})
    return malware, table


def write(kb: dict, path: Path = KB_PATH) -> None:
    path.write_text(json.dumps(kb, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")


def main() -> Path:
    """Rebuild data/kb.json; returns its path."""
    kb = build(load_overrides(), load_galaxies())
    write(kb)
    return KB_PATH


if __name__ == "__main__":
    print(main())
