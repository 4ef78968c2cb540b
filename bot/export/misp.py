"""MISP: one event per story (an item without a story is its own event), in MISP's JSON export format.

The file is `{"response": [{"Event": ...}, ...]}`, what MISP's own JSON export writes and its
"Import from MISP JSON" reads. Actors become galaxy tags (`misp-galaxy:threat-actor="Kimsuky"`, plus the
`mitre-intrusion-set` cluster) with the cluster values the knowledge base took from the MISP galaxies;
malware families become `misp-galaxy:malpedia` tags when the KB knows the cluster. Each item is a `link`
attribute; CVEs are `vulnerability` attributes. UUIDs are UUIDv5 of the story, so re-exports update
events instead of duplicating them. Events are unpublished, distribution "your organisation only".
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from bot.tagging.words.kb import load_kb

NAMESPACE = uuid.UUID("0d7c2b51-8a51-4c1e-9a3e-5b8f3f1e2c44")  # advisory-bot's MISP uuid namespace: never change


def _uuid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def _epoch(text: str) -> str:
    return str(int(datetime.fromisoformat(text).astimezone(UTC).timestamp()))


def actor_tags(name: str) -> list[str]:
    """Galaxy tags for a canonical actor: its threat-actor cluster (by name first) and its ATT&CK cluster."""
    actor = load_kb().actors.get(name)
    clusters = actor.misp if actor else ()
    threat = [c["value"] for c in clusters if c["galaxy"] == "threat-actor"]
    best = next((v for v in threat if v.casefold() == name.casefold()), threat[0] if threat else name)
    tags = [f'misp-galaxy:threat-actor="{best}"']
    if actor and actor.attack_id:
        tags += [
            f'misp-galaxy:mitre-intrusion-set="{c["value"]}"'
            for c in clusters
            if c["galaxy"] == "mitre-intrusion-set" and c["value"].endswith(actor.attack_id)
        ]
    return tags


def malware_tags(name: str) -> list[str]:
    clusters = load_kb().malware.get(name, {}).get("misp", ())
    return [f'misp-galaxy:malpedia="{c["value"]}"' for c in clusters if c["galaxy"] == "malpedia"]


def _attribute(key: str, kind: str, value: str, timestamp: str, comment: str = "") -> dict:
    return {
        "uuid": _uuid(f"{key}:{kind}:{value}"),
        "type": kind,
        "category": "External analysis",
        "value": value,
        "to_ids": False,
        "distribution": "5",  # inherit the event's
        "timestamp": timestamp,
        "comment": comment,
    }


def event(key: str, rows: list[dict]) -> dict:
    first = min(rows, key=lambda r: r["first_seen"])
    last = max(r.get("tagged_at") or r["first_seen"] for r in rows)
    timestamp = _epoch(last)
    tags = ["tlp:clear"]
    for row in rows:
        for actor in row["actors"]:
            tags += actor_tags(actor)
        for family in row["malware"]:
            tags += malware_tags(family)
    attributes, seen = [], set()
    for row in rows:
        values = [("link", row["url"], f"{row['source']}: {row['title']}")] if row["url"] else []
        values += [("vulnerability", cve, "") for cve in row["cves"]]
        for kind, value, comment in values:
            if (kind, value) not in seen:
                seen.add((kind, value))
                attributes.append(_attribute(key, kind, value, timestamp, comment))
    return {
        "Event": {
            "uuid": _uuid(key),
            "info": first.get("story_title") or first["title"] or first["id"],
            "date": (first.get("published") or first["first_seen"])[:10],
            "timestamp": timestamp,
            "published": False,
            "analysis": "2",  # completed: these are published reports
            "threat_level_id": "2",  # medium
            "distribution": "0",  # your organisation only
            "Orgc": {"name": "advisory-bot", "uuid": _uuid("org:advisory-bot")},
            "Tag": [{"name": t} for t in dict.fromkeys(tags)],
            "Attribute": attributes,
        }
    }


def write(rows: Iterable[dict], out: TextIO, options=None) -> int:
    stories: dict[str, list[dict]] = {}
    for row in rows:
        key = f"story:{row['story_id']}" if row.get("story_id") is not None else f"item:{row['id']}"
        stories.setdefault(key, []).append(row)
    events = [event(key, members) for key, members in stories.items()]
    json.dump({"response": events}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return sum(len(m) for m in stories.values())
