"""Load the compiled knowledge base (data/kb.json): canonical DPRK actors, their aliases, DPRK malware.

Rules: read-only at runtime; never imports pymispgalaxies (build_kb.py does, at build time only).
An alias resolves to exactly one canonical actor or one malware family; lookups are case-insensitive,
whitespace-collapsed (`norm`), and the matcher applies `exact` spellings and `ambiguous` on top.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

KB_PATH = Path(__file__).parent.parent / "data" / "kb.json"


def norm(alias: str) -> str:
    """The lookup key of an alias: case-folded, whitespace collapsed (same as build_kb.norm)."""
    return " ".join(alias.split()).casefold()


@dataclass(frozen=True)
class Alias:
    """One name a text may use, and what it stands for."""

    key: str  # norm(alias)
    kind: str  # "actor" | "malware"
    value: str  # canonical actor or malware display name
    spellings: tuple[str, ...]
    sources: tuple[str, ...]
    ambiguous: bool  # counts only with cyber context nearby
    exact: tuple[str, ...]  # when not empty, only these spellings count (ZINC, not zinc)
    plain: bool = False  # made of ordinary words ("Ruby Sleet" the cocktail): needs a cyber word or DPRK signal
    designation: bool = False  # a plain alias that, capitalised, is a vendor's name for the group (Springtail)
    unattributed: bool = False  # a family whose name alone is no attribution (WannaCry): needs a DPRK signal

    def accepts(self, text: str) -> bool:
        """Does `text` as written (its case) count for this alias?"""
        return not self.exact or " ".join(text.split()) in self.exact


@dataclass(frozen=True)
class Actor:
    name: str
    attack_id: str | None
    parent: str | None
    misp: tuple[dict, ...]


class KnowledgeBase:
    """Actors, malware and the alias table of kb.json."""

    def __init__(self, data: dict):
        self.data = data
        self.actors = {
            name: Actor(name, spec.get("attack_id"), spec.get("parent"), tuple(spec.get("misp", ())))
            for name, spec in data["actors"].items()
        }
        self.malware = data.get("malware", {})
        ambiguous = set(data.get("ambiguous", ()))
        plain = set(data.get("plain", ()))
        designations = set(data.get("designations", ()))
        unattributed = set(data.get("unattributed", ()))
        exact_by_key: dict[str, set[str]] = {}
        for spelling in data.get("case_sensitive", ()):
            exact_by_key.setdefault(norm(spelling), set()).add(spelling)
        self.aliases: dict[str, Alias] = {}
        for kind, table, field in (("actor", "aliases", "actor"), ("malware", "malware_aliases", "malware")):
            for key, entry in data.get(table, {}).items():
                self.aliases[key] = Alias(
                    key=key,
                    kind=kind,
                    value=entry[field],
                    spellings=tuple(entry.get("spellings", ())),
                    sources=tuple(entry.get("sources", ())),
                    ambiguous=key in ambiguous,
                    exact=tuple(sorted(exact_by_key.get(key, ()))),
                    plain=key in plain,
                    designation=key in designations,
                    unattributed=kind == "malware" and entry[field] in unattributed,
                )
        self.conflicts: list[dict] = data.get("conflicts", [])
        self.problems: list[dict] = data.get("problems", [])

    def resolve(self, name: str) -> str | None:
        """The canonical actor (or malware display name) an alias or canonical name stands for."""
        if name in self.actors or name in self.malware:
            return name
        alias = self.aliases.get(norm(name))
        return alias.value if alias else None

    def aliases_of(self, canonical: str) -> list[Alias]:
        return sorted((a for a in self.aliases.values() if a.value == canonical), key=lambda a: a.key)

    def unresolved_conflicts(self) -> list[dict]:
        return [c for c in self.conflicts if not c.get("resolved_to")]


@cache
def load_kb(path: Path = KB_PATH) -> KnowledgeBase:
    """The knowledge base, loaded once per process."""
    return KnowledgeBase(json.loads(path.read_text(encoding="utf-8")))
