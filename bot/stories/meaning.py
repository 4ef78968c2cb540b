"""Same event by meaning: two reports whose title and opening mean the same, supported or vetoed by what they share.

The exact rules (advisory id, link, near-copy, same actor with a shared identifier) come first; this one sees
what they cannot: "바이비트 해킹, 북한 라자루스 소행" and "FBI says North Korea stole $1.5bn from Bybit", or two English
reports worded differently. The decision, for a new report and an archived one:

- the cosine similarity of their encoder vectors (bot.stories.encoder) must reach SAME_LANGUAGE, or CROSS_LANGUAGE
  for reports in two languages (an encoder places translations further apart than paraphrases);
- within WINDOW (72 h) similarity alone may decide; up to LONG_WINDOW (a follow-up, an attribution a week after a
  theft) only with strong evidence and LONG_MARGIN more similarity;
- strong evidence lowers the bar by SUPPORT: the same amount, unless one report leads with another figure
  (bot.stories.money: $1.5 billion = 15억 달러; round figures such as $100 million are too common to count, and a
  figure cited in passing is another event's), the same name in two scripts in the first lines of both
  (bot.stories.transliterate: Bybit = 바이비트), or a shared CVE, wallet or advisory id;
- a veto: both name DPRK groups and no family is shared (a Kimsuky report is not a Lazarus event);
- a report that is not about the DPRK joins only with strong evidence (the victim's own statement, the same
  amount).

Thresholds were tuned on real coverage of 12 events in English, Korean and Japanese (multilingual-e5-small,
4-bit), where every value in a broad plateau gave the same result (see docs/stories.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import timedelta

from bot.stories import money, transliterate
from bot.stories.rules import COMMON_NAMES, KOREAN_PARTICLE

SAME_LANGUAGE = 0.89
CROSS_LANGUAGE = 0.84
SUPPORT = 0.02
WINDOW = timedelta(hours=72)
LONG_WINDOW = timedelta(days=14)
LONG_MARGIN = 0.02
NAME_SCAN = 3000
LEAD = 300  # the title and first lines: where a report gives the amount of its own event

# a name: capitalised inside a sentence (after a lower-case word, a comma, a bracket or Hangul), where headline
# capitals and sentence starts cannot be the reason ("Two", "Security" are words, not names)
_LATIN_NAME = re.compile(r"(?:(?<=[a-z,;:(\uac00-\ud7a3] )|(?<=[(\uac00-\ud7a3]))([A-Z][A-Za-z0-9]{2,})")


@dataclass(frozen=True)
class Clues:
    """What a report says of its event besides its wording: who, how much, which names and identifiers."""

    language: str
    related: bool  # about the DPRK at all (dprk_related)
    families: frozenset[str] = frozenset()
    amounts: frozenset[tuple[str, float]] = frozenset()
    latin: dict = field(default_factory=dict)  # sound key -> Latin-script name
    foreign: dict = field(default_factory=dict)  # sound key -> Hangul or katakana word
    names: frozenset[str] = frozenset()  # Latin-script names, lower-case
    ids: frozenset[str] = frozenset()  # CVEs, wallets, advisory ids
    lead_amounts: frozenset[tuple[str, float]] = frozenset()  # the amounts of the title and first lines
    lead_keys: frozenset[str] = frozenset()  # sound keys of the names in the title and first lines

    def to_json(self) -> str:
        return json.dumps(
            {
                "language": self.language,
                "related": self.related,
                "families": sorted(self.families),
                "amounts": sorted(self.amounts),
                "latin": self.latin,
                "foreign": self.foreign,
                "names": sorted(self.names),
                "ids": sorted(self.ids),
                "lead_amounts": sorted(self.lead_amounts),
                "lead_keys": sorted(self.lead_keys),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Clues:
        d = json.loads(text)
        return cls(
            d["language"],
            d["related"],
            frozenset(d["families"]),
            frozenset(tuple(a) for a in d["amounts"]),
            d["latin"],
            d["foreign"],
            frozenset(d["names"]),
            frozenset(d["ids"]),
            frozenset(tuple(a) for a in d.get("lead_amounts", ())),
            frozenset(d.get("lead_keys", ())),
        )


def clues(title: str, text: str, language: str, tags, family=str) -> Clues:
    """The clues of one report (title and opening), with `family` mapping an actor to its family's root."""
    head = f"{title}. {text}"[:NAME_SCAN]
    actor_words = {w.lower() for a in tags.actors for w in a.split()}
    ignored = COMMON_NAMES | actor_words
    latin = [w for w in _LATIN_NAME.findall(text[:NAME_SCAN]) if w.lower() not in ignored]
    lead = head[:LEAD]
    latin_keys = transliterate.latin_keys(dict.fromkeys(latin))
    foreign_keys = transliterate.foreign_keys(head, KOREAN_PARTICLE)
    lead_words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", lead)}
    lead_keys = {k for k, name in latin_keys.items() if set(name.lower().split()) <= lead_words}
    lead_keys |= {k for k, word in foreign_keys.items() if word in lead}
    return Clues(
        language=language or "en",
        related=bool(tags.dprk_related or tags.dprk_cyber),
        families=frozenset(family(a) for a in tags.actors),
        amounts=money.amounts(head, language or "en"),
        latin=latin_keys,
        foreign=foreign_keys,
        names=frozenset(w.lower() for w in latin),
        ids=frozenset([*tags.cves, *tags.wallets, *tags.advisories]),
        lead_amounts=money.amounts(lead, language or "en"),
        lead_keys=frozenset(lead_keys),
    )


def evidence(a: Clues, b: Clues) -> tuple[list[str], list[str], bool]:
    """(strong evidence, weaker support, veto) that two reports share."""
    strong, support = [], []
    if a.families and b.families:
        if not a.families & b.families:
            return [], [], True
        support.append(f"group {', '.join(sorted(a.families & b.families))}")
    amount = money.shared(a.amounts, b.amounts)
    # a report that leads with another figure cites this one in passing ("weeks after the $1.5 billion theft")
    lead = amount and all(not c.lead_amounts or money.shared(c.lead_amounts, frozenset([amount])) for c in (a, b))
    if amount and lead and money.significant(amount[1]) >= 2:
        strong.append(f"amount {money.show(amount)}")
    elif amount:
        support.append(f"amount {money.show(amount)}")
    for mine, theirs in ((a.latin, b.foreign), (b.latin, a.foreign)):
        # the same name in two scripts, named by both in their first lines: a name cited in passing is not enough
        key = next((k for k in mine if k in theirs and k in a.lead_keys and k in b.lead_keys), None)
        if key:
            strong.append(f"name {mine[key]} = {theirs[key]}")
            break
    shared_names = sorted(a.names & b.names)
    if len(shared_names) >= 2:
        support.append(f"names {', '.join(shared_names[:3])}")
    if a.ids & b.ids:
        strong.append(f"identifier {sorted(a.ids & b.ids)[0]}")
    return strong, support, False


FOREIGN_SCRIPTS = ("ko", "ja")  # languages whose names are written in Hangul or kana


def long_reach(clues: Clues):
    """Which archived reports past WINDOW could share strong evidence with this one: None for any (it gives a
    lead amount or an identifier, or names in Hangul or kana, which Latin names elsewhere may match), the
    languages written in Hangul or kana (it has Latin names only: they can meet only those), or False (none)."""
    if clues.ids or any(money.significant(a[1]) >= 2 for a in clues.lead_amounts):
        return None
    if any(k in clues.foreign for k in clues.lead_keys):
        return None
    if any(k in clues.latin for k in clues.lead_keys):
        return FOREIGN_SCRIPTS
    return False


@dataclass(frozen=True)
class Verdict:
    margin: float  # similarity above the bar that applied
    reason: str


def decide(new: Clues, old: Clues, similarity: float, apart: timedelta) -> Verdict | None:
    """Whether two reports are one event (see the module docstring), with the reason to show."""
    if not (new.related or old.related) or apart > LONG_WINDOW:
        return None
    strong, support, veto = evidence(new, old)
    if veto:
        return None
    cross = new.language != old.language
    bar = CROSS_LANGUAGE if cross else SAME_LANGUAGE
    if strong:
        bar -= SUPPORT
    elif not (new.related and old.related):
        return None  # a report not about the DPRK joins only with strong evidence
    if apart > WINDOW:
        if not strong:
            return None
        bar += LONG_MARGIN
    if similarity < bar:
        return None
    languages = f"{old.language}/{new.language}" if cross else new.language
    shared = "; ".join([*strong, *support]) or "nothing else in common"
    days = apart.total_seconds() / 86400
    when = f"{days:.0f} days apart" if days >= 1 else f"{apart.total_seconds() / 3600:.0f} h apart"
    return Verdict(similarity - bar, f"similarity {similarity:.2f} ({languages}, {when}); {shared}")
