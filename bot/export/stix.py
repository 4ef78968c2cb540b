"""STIX 2.1 bundle (the `stix2` library): a `report` per item or per story, referencing what it names.

Objects: `identity` advisory-bot (creator of everything) and one per source (referenced by the reports and
their external references), `intrusion-set` per actor (ATT&CK id as a `mitre-attack` external reference,
aliases from the knowledge base), `malware` per family, `vulnerability` per CVE (`cve` reference),
`attack-pattern` per ATT&CK technique. Ids are derived from a fixed namespace and the object's name (UUIDv5's
SHA-1, stamped as version 4, which STIX 2.1 section 2.9 asks SDOs to use), so two exports describe one actor with
one id and downstream tools merge them; shared objects carry a fixed creation time (KB_EPOCH) for the same
reason. The bundle is streamed: objects are serialized one by one.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

import stix2

from bot.tagging.words.kb import load_kb

NAMESPACE = uuid.UUID("6b1f6f0c-5d1e-4d8a-9a52-2f3c0e3e7a10")  # advisory-bot's STIX id namespace: never change
KB_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
ATTACK = "https://attack.mitre.org"


def stix_id(kind: str, key: str) -> str:
    """A stable id: the same object gets the same id in every export."""
    return f"{kind}--{uuid.UUID(bytes=uuid.uuid5(NAMESPACE, f'{kind}:{key}').bytes, version=4)}"


def when(text: str | None, default: datetime = KB_EPOCH) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC) if text else default


class Objects:
    """Shared SDOs made once per export, in first-use order."""

    def __init__(self):
        self.kb = load_kb()
        self.made: dict[str, object] = {}
        self.creator = self._add(
            stix2.Identity(
                id=stix_id("identity", "advisory-bot"),
                name="advisory-bot",
                identity_class="system",
                description="DPRK cyber-threat advisory aggregator: items tagged and archived automatically.",
                created=KB_EPOCH,
                modified=KB_EPOCH,
            )
        )

    def _add(self, obj):
        self.made[obj.id] = obj
        return obj.id

    def _common(self, kind: str, key: str) -> dict:
        return {"id": stix_id(kind, key), "created": KB_EPOCH, "modified": KB_EPOCH, "created_by_ref": self.creator}

    def source(self, name: str) -> str:
        common = self._common("identity", f"source:{name}")
        if common["id"] not in self.made:
            self._add(stix2.Identity(name=name, identity_class="organization", **common))
        return common["id"]

    def actor(self, name: str) -> str:
        common = self._common("intrusion-set", name)
        if common["id"] not in self.made:
            actor = self.kb.actors.get(name)
            refs = []
            if actor is not None and actor.attack_id:
                refs.append(
                    {
                        "source_name": "mitre-attack",
                        "external_id": actor.attack_id,
                        "url": f"{ATTACK}/groups/{actor.attack_id}/",
                    }
                )
            aliases = sorted({a.spellings[0] if a.spellings else a.key for a in self.kb.aliases_of(name)} - {name})
            extra = {"aliases": aliases} if aliases else {}
            self._add(stix2.IntrusionSet(name=name, external_references=refs or None, **extra, **common))
        return common["id"]

    def malware(self, name: str) -> str:
        common = self._common("malware", name)
        if common["id"] not in self.made:
            self._add(stix2.Malware(name=name, is_family=True, **common))
        return common["id"]

    def cve(self, cve: str) -> str:
        common = self._common("vulnerability", cve)
        if common["id"] not in self.made:
            refs = [{"source_name": "cve", "external_id": cve, "url": f"https://www.cve.org/CVERecord?id={cve}"}]
            self._add(stix2.Vulnerability(name=cve, external_references=refs, **common))
        return common["id"]

    def technique(self, tid: str) -> str:
        common = self._common("attack-pattern", tid)
        if common["id"] not in self.made:
            url = f"{ATTACK}/techniques/{tid.replace('.', '/')}/"
            refs = [{"source_name": "mitre-attack", "external_id": tid, "url": url}]
            self._add(stix2.AttackPattern(name=tid, external_references=refs, **common))
        return common["id"]

    def refs(self, row: dict) -> list[str]:
        """Ids of what an item names (making the objects on first use), its sources last."""
        return [
            *(self.actor(a) for a in row["actors"]),
            *(self.malware(m) for m in row["malware"]),
            *(self.cve(c) for c in row["cves"]),
            *(self.technique(t) for t in row["techniques"]),
            *(self.source(s) for s in row.get("sources") or [row["source"]]),
        ]


def _external(row: dict) -> list[dict]:
    ref = {"source_name": row["source"], "external_id": row["id"]}
    if row["url"]:
        ref["url"] = row["url"]
    return [ref]


def item_report(objects: Objects, row: dict) -> stix2.Report:
    published = when(row.get("published") or row["first_seen"])
    created = when(row["first_seen"])
    labels = [f"sector:{s}" for s in row["sectors"]] + [f"advisory:{a}" for a in row["advisories"]]
    return stix2.Report(
        id=stix_id("report", f"item:{row['id']}"),
        created_by_ref=objects.creator,
        created=created,
        modified=max(created, when(row.get("tagged_at"), created)),
        name=row["title"] or row["url"] or row["id"],
        description=row["text"] or None,
        published=published,
        report_types=["threat-report"],
        object_refs=list(dict.fromkeys(objects.refs(row))),
        external_references=_external(row),
        labels=labels or None,
        confidence=round(row["score"] * 100),
        lang=row.get("language") or "en",
    )


def story_report(objects: Objects, key: str, rows: list[dict]) -> stix2.Report:
    refs = [ref for row in rows for ref in objects.refs(row)]
    first = min(rows, key=lambda r: r["first_seen"])
    created = when(first["first_seen"])
    sectors = sorted({s for r in rows for s in r["sectors"]})
    return stix2.Report(
        id=stix_id("report", key),
        created_by_ref=objects.creator,
        created=created,
        modified=max(when(r.get("tagged_at"), created) for r in rows),
        name=first.get("story_title") or first["title"] or first["id"],
        published=min(when(r.get("published") or r["first_seen"]) for r in rows),
        report_types=["threat-report"],
        object_refs=list(dict.fromkeys(refs)),
        external_references=[ref for row in rows for ref in _external(row)],
        labels=[f"sector:{s}" for s in sectors] or None,
        confidence=round(max(r["score"] for r in rows) * 100),
    )


def _reports(objects: Objects, rows: Iterable[dict], per: str):
    if per == "item":
        for row in rows:
            yield 1, item_report(objects, row)
        return
    stories: dict[str, list[dict]] = {}
    for row in rows:
        key = f"story:{row['story_id']}" if row.get("story_id") is not None else f"item:{row['id']}"
        stories.setdefault(key, []).append(row)
    for key, members in stories.items():
        yield len(members), story_report(objects, key, members)


def write(rows: Iterable[dict], out: TextIO, options) -> int:
    """A bundle: the reports, then the shared objects they reference."""
    objects = Objects()
    out.write('{"type": "bundle", "id": ' + json.dumps(f"bundle--{uuid.uuid4()}") + ', "objects": [\n')
    count = 0
    for n, report in _reports(objects, rows, options.per):
        out.write(report.serialize() + ",\n")
        count += n
    out.write(",\n".join(obj.serialize() for obj in objects.made.values()))
    out.write("\n]}\n")
    return count
