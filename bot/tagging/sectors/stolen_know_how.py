"""A field's technology stolen or leaked: the field was hit (twenty-first round).

"stole satellite and space technology", "technology related to weapons development and satellites", "무기 기술을
탈취", "원자력 기술 등 국가 핵심 기술이 유출", "人工衛星・宇宙関連の先端技術を盗み": the know-how belongs to the field's
organisations, so they were breached, as the labels of every fresh set count it (taxonomy.md: a sector the text says
DPRK actors hit). As for military secrets (military_secrets.py), the theft or leak must have taken place in the same
sentence ("stole", "were leaked", 탈취했다): an aim ("seeking satellite technology", "trying to steal") names no
victim, nor does the DPRK's own ("its satellite technology", 북한의 위성 기술), nor a company named by its field
("defense technology firms": the lexicon reads those).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.sectors.military_secrets import THEFT

# a field's words, each with its sector (longest first where one holds another: 항공우주 before 항공 and 우주)
FIELDS = {
    "defense": (
        "weapons", "weapon", "military", "defense", "defence", "missile", "arms", "무기", "군사", "국방", "방산",
        "방위산업", "兵器", "武器", "軍事", "防衛", "国防", "ミサイル", "미사일",
    ),
    "space": ("satellites", "satellite", "space", "spacecraft", "위성", "우주", "人工衛星", "衛星", "宇宙"),
    "aerospace": ("aerospace", "aviation", "aircraft", "항공우주", "항공", "航空宇宙", "航空"),
    "energy": ("nuclear", "원자력", "原子力", "원전", "原発"),
    "manufacturing": ("shipbuilding", "semiconductor", "semiconductors", "조선", "반도체", "造船", "半導体"),
}  # fmt: skip
_SECTOR_OF = {word: sector for sector, words in FIELDS.items() for word in words}
_WORDS = sorted(_SECTOR_OF, key=len, reverse=True)
_FIELD = re.compile("|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in _WORDS), re.IGNORECASE)
_KNOW_HOW = re.compile(
    r"\btechnolog(?:y|ies)\b|\bknow-how\b|기술(?!자|력이 있|\s?지원|\s?인력)|技術(?!者)", re.IGNORECASE
)
# a company or body named by its field and technology ("defense technology firms"): the lexicon reads those
_ORGANISATION_AFTER = re.compile(
    r"\s*(?:companies|company|firms?|groups?|sectors?|industr(?:y|ies)|corporations?|contractors?|기업|업체|회사|企業|会社)",
    re.IGNORECASE,
)
# the DPRK's own know-how ("its satellite technology", "北朝鮮の衛星技術", "북한의 위성 기술")
_OWN_BEFORE = re.compile(
    r"(?:\b(?:its|their|pyongyang's|north korea's|the dprk's)\s+|북한의?\s?|北朝鮮の|北の)$", re.IGNORECASE
)
BEFORE = 40  # characters before the know-how noun where its fields are read ("weapons development and satellites")
AFTER = 60  # characters after it, for "technology related to weapons development and satellites and space"
_RELATED_TO = re.compile(r"\s+(?:related|relating)\s+to\s+|\s+(?:on|for|of)\s+", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?。\n]|\b(?:but|while|which|who)\b|(?:했다|한다|하며|했고|しており|したが)")


def stolen_know_how(ctx: Context) -> list[Hit]:
    """One hit per field per sentence whose technology was stolen or leaked in that sentence."""
    out, seen, thefts = [], set(), {}
    for tech in _KNOW_HOW.finditer(ctx.text):
        if _ORGANISATION_AFTER.match(ctx.text, tech.end()):
            continue
        s = ctx.sent(tech.start())
        start, end = ctx.sent_span(s)
        if s not in thefts:  # once per sentence: a hostile list of "technology" stays linear
            thefts[s] = THEFT.search(ctx.text, start, end) is not None
        if not thefts[s]:
            continue
        for field in _fields(ctx.text, start, end, tech):
            sector = _SECTOR_OF[field.group(0).lower()]
            if (s, sector) in seen or _OWN_BEFORE.search(ctx.text, max(start, field.start() - 20), field.start()):
                continue
            if _other_states_theft(ctx, start, field.start()):
                continue  # "Chinese hackers stole satellite technology, while Lazarus robbed a bank"
            seen.add((s, sector))
            out.append(Hit("noun", sector, field.start(), field.end(), field.group(0)))
    return out


def _other_states_theft(ctx: Context, start: int, at: int) -> bool:
    """Another state's hackers named after the last DPRK name before the field word, in its sentence."""
    others, dprk = ctx.memo.get("know_how_names") or ctx.memo.setdefault(
        "know_how_names",
        (sorted(h.start for h in ctx.hits("other")), sorted(h.start for k in ("dprk", "alias") for h in ctx.hits(k))),
    )

    def last(starts: list[int]) -> int:  # the last name before `at` in the sentence, by position (linear texts)
        i = bisect_left(starts, at) - 1
        return starts[i] if i >= 0 and starts[i] >= start else -1

    other = last(others)
    return other >= 0 and other > last(dprk)


def _fields(text: str, start: int, end: int, tech: re.Match) -> list[re.Match]:
    """The field words that modify the know-how noun: just before it in its clause, or after "related to"."""
    lo = max(start, tech.start() - BEFORE)
    before = text[lo : tech.start()]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    found = list(_FIELD.finditer(text, lo + cut, tech.start()))
    related = _RELATED_TO.match(text, tech.end())
    if related:
        stop = min(end, related.end() + AFTER)
        clause = _CLAUSE_END.search(text, related.end(), stop)
        found += _FIELD.finditer(text, related.end(), clause.start() if clause else stop)
    return found
