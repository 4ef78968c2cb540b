"""Decide which alias hits name a DPRK actor or malware family.

Rules (taxonomy.md):
- Longest alias wins where aliases overlap ("Lazarus Group" over "Lazarus").
- Case-sensitive aliases count only as written (ZINC the actor, zinc the metal).
- A title or first name before a capitalised word makes "Lazarus" a person ("President Lazarus Chakwera").
- Ambiguous aliases (Reaper, Konni, PLUTONIUM, 라자루스...) count only with cyber context: a group noun right
  next to them ("Konni APT", "ZINC hackers"), or a cyber word within one sentence plus some DPRK evidence.
- Without a DPRK signal, game/anime/fiction words (boss, character, season, 캐릭터...) make a name the character
  it is there (Diablo's Andariel, the anime Lazarus, LINE Friends' 코니): any alias in or next to their sentence,
  and ambiguous aliases anywhere in the text unless a firm actor remains.
- Malware names count on their own (ambiguous ones need cyber words nearby); they never add an actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.tagging import lexicon
from bot.tagging.context import Context
from bot.tagging.kb import Alias, KnowledgeBase
from bot.tagging.korean import CJK_CHAR
from bot.tagging.nlp import Hit

_CYBER_WORDS = {w for w in lexicon.CYBER if " " not in w} | {w.lower() for w in lexicon.CYBER_EXACT}


@dataclass(frozen=True)
class Mention:
    alias: Alias
    hit: Hit
    ambiguous: bool


def _longest_first(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _is_person(ctx: Context, hit: Hit) -> bool:
    left, right = ctx.words_around(hit, before=1, after=1)
    if left and left[-1].lower().rstrip(",") in lexicon.PERSON_TITLES:
        return True
    if right:
        nxt = right[0]
        return nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in lexicon.ACTOR_NOUNS
    return False


def _group_noun_adjacent(ctx: Context, hit: Hit) -> bool:
    left, right = ctx.words_around(hit, before=2, after=2)
    words = [w.lower().strip("\"'‘’“”(),:;") for w in left + right]
    return any(w in lexicon.ACTOR_NOUNS or w in _CYBER_WORDS for w in words)


def _cyber_near(ctx: Context, hit: Hit, cyber_sents: set[int]) -> bool:
    s = ctx.sent(hit.start)
    return bool(cyber_sents & {s - 1, s, s + 1})


def _fiction_sents(ctx: Context) -> set[int]:
    return ctx.sents_of(ctx.hits("fiction"))


def find_mentions(ctx: Context, kb: KnowledgeBase) -> list[Mention]:
    """Alias hits that count, in text order."""
    cyber_sents = ctx.sents_of(ctx.hits("cyber"))
    has_cyber = bool(cyber_sents)
    candidates: list[tuple[Alias, Hit]] = []
    for hit in _longest_first(ctx.hits("alias")):
        alias = kb.aliases.get(hit.value)
        if alias is None or not alias.accepts(hit.text):
            continue
        if alias.ambiguous and hit.text[:1].isupper() and _is_person(ctx, hit):
            continue
        candidates.append((alias, hit))
    firm = [(a, h) for a, h in candidates if not a.ambiguous]
    has_dprk = bool(ctx.hits("dprk")) or any(a.kind == "actor" for a, _ in firm)
    fiction = _fiction_sents(ctx)
    if fiction and not ctx.hits("dprk"):
        firm = [(a, h) for a, h in firm if not {ctx.sent(h.start) + d for d in (-1, 0, 1)} & fiction]
        has_dprk = any(a.kind == "actor" for a, _ in firm)
    mentions = [Mention(a, h, False) for a, h in firm]
    for alias, hit in candidates:
        if not alias.ambiguous or (fiction and not has_dprk):
            continue
        # ALL-CAPS (ZINC) and Hangul/kana spellings are rarely anything else once cyber words are near.
        marked = hit.text.isupper() or bool(CJK_CHAR.search(hit.text))
        adjacent = (has_cyber or bool(firm)) and _group_noun_adjacent(ctx, hit)
        if adjacent or (_cyber_near(ctx, hit, cyber_sents) and (has_dprk or bool(firm) or marked)):
            mentions.append(Mention(alias, hit, True))
    return sorted(mentions, key=lambda m: m.hit.start)
