"""Records passed between stages: small frozen dataclasses, one noun each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class FetchResult:
    """What the fetcher hands to an extractor: bytes plus the validators for the next conditional GET."""

    url: str  # final URL after redirects
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    elapsed_ms: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Item:
    """One entry of a source, normalised: plain text, UTC dates, a stable id."""

    source: str
    id: str  # stable identity, see extractors.identity.item_id
    url: str  # normalised http(s) URL or "" when the entry has none
    title: str
    published: datetime | None  # timezone-aware UTC
    text: str  # plain text (summary or body)
    language: str = "en"
    guid: str = ""
    links: tuple[str, ...] = ()  # normalised http(s) links found in the entry's body (for story matching)


@dataclass(frozen=True)
class Evidence:
    """A span of `title + "\\n" + text` that decided a tag."""

    label: str  # actor | sector | malware | cve | dprk | cyber | technique | advisory | wallet
    value: str  # canonical value (e.g. "APT38")
    text: str  # the matched text as written (e.g. "BlueNoroff")
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"label": self.label, "value": self.value, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Tags:
    """The tagger's verdict on one text: the tag contract of docs/tagging.md (taxonomy.md)."""

    dprk_cyber: bool = False
    dprk_related: bool = False
    score: float = 0.0
    actors: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    malware: tuple[str, ...] = ()
    cves: tuple[str, ...] = ()
    techniques: tuple[str, ...] = ()  # ATT&CK technique ids (T1566.001)
    advisories: tuple[str, ...] = ()  # agency advisory ids (AA24-207A)
    wallets: tuple[str, ...] = ()  # cryptocurrency addresses
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    def to_contract(self, item_id: str) -> dict:
        """The JSON object of the tag contract, keys in contract order."""
        return {
            "id": item_id,
            "dprk_cyber": self.dprk_cyber,
            "dprk_related": self.dprk_related,
            "score": round(self.score, 3),
            "actors": list(self.actors),
            "sectors": list(self.sectors),
            "malware": list(self.malware),
            "cves": list(self.cves),
            "techniques": list(self.techniques),
            "advisories": list(self.advisories),
            "wallets": list(self.wallets),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class TaggedItem:
    item: Item
    tags: Tags
    # the near-duplicate MinHash (storage.signatures.signature) when computed with the tags: b"" for a text too
    # short to sign; None when not computed yet (storage computes it then)
    signature: bytes | None = None
    # the story encoder's vector of title + opening (bot.stories.encoder), float32, and the model that made it;
    # None for items not encoded (not about the DPRK, too old, no encoder)
    vector: bytes | None = None
    model: str = ""
    clues: str = ""  # JSON of the story clues (bot.stories.meaning.Clues), computed with the vector
