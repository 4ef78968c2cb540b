"""Find the sectors a DPRK cyber text says were targeted or hit (taxonomy.md "Sectors").

Rules:
- A sector is named by an organisation noun phrase: a whole noun ("banks", "think tanks", "법원") or a
  modifier joined to a head noun, through coordination ("defence, aerospace and nuclear organisations").
  Adjectives alone do not count: "medical certificates" and "financial information" are stolen data.
- It counts only in a targeting frame: its sentence has a target word (targeted, attacks on, victims, stole
  from, heist...) and a DPRK agent (actor, DPRK signal, "the group", "hackers") is in it or the two before.
- Not after a lure word ("disguised as", "fake", "-themed"), not when the DPRK owns it ("its space
  programme", "North Korean banks"), and only in texts that are dprk_cyber.
- The DPRK IT-worker scheme targets companies hiring remote IT workers: technology (taxonomy.md).
"""

from __future__ import annotations

from bot.tagging import lexicon
from bot.tagging.actors import Mention
from bot.tagging.context import Context
from bot.tagging.nlp import Hit

JOINERS = {",", "and", "or", "&", "-", "/", "related", "focused", "oriented", "based", "’s", "'s", "as", "well"}
LOOKAHEAD = 8
_TARGET_WORDS = set(lexicon.TARGET)
UPPER_ONLY = {"it"}  # "IT companies", not "it"


def _longest_first(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return kept


def _head_of(ctx: Context, mod: Hit, taken: dict[int, Hit]) -> Hit | None:
    """The head noun a sector modifier attaches to, across coordinated modifiers."""
    allowed = lexicon.MODIFIER_HEADS_ONLY.get(mod.text.lower())
    j = mod.tok_end
    limit = min(len(ctx.doc), mod.tok_end + LOOKAHEAD)
    while j < limit:
        heads = [h for h in ctx.by_token.get(j, ()) if h.kind == "head"]
        if heads and (allowed is None or heads[0].text.lower() in allowed):
            return heads[0]
        other = taken.get(j)
        if other is not None and other.kind == "noun" and ctx.doc[other.tok_end - 1].lower_ in lexicon.HEADS:
            return other  # "medical and energy providers": the next noun phrase carries the head
        if other is not None and other.kind in ("mod", "noun"):
            j = other.tok_end
            continue
        if ctx.doc[j].lower_ not in JOINERS and not ctx.doc[j].is_space:
            return None
        j += 1
    return None


def _owned_or_lure(ctx: Context, hit: Hit) -> bool:
    before = ctx.text[max(0, hit.start - 30) : hit.start].lower().replace("’", "'").rstrip()
    if any(before.endswith(own.replace("’", "'")) for own in lexicon.OWN):
        return True
    left, _ = ctx.words_around(hit, before=12, after=0)
    for word in reversed(left):
        w = word.lower().strip("\"'‘’“”")
        if w in _TARGET_WORDS or w in lexicon.LURE_STOP or w in ".;!?":
            return False
        if w in lexicon.LURE or w.endswith("-themed"):
            return True
    return False


def _candidates(ctx: Context) -> list[tuple[str, Hit]]:
    pool = [
        h
        for h in ctx.hits("noun") + ctx.hits("mod")
        if not (h.value and h.text.lower() in UPPER_ONLY and h.text != h.text.upper())
    ]
    kept = _longest_first(pool)
    taken = {h.tok_start: h for h in kept if h.tok_start >= 0}
    out = []
    for hit in sorted(kept, key=lambda h: h.start):
        if hit.kind == "mod":
            head = _head_of(ctx, hit, taken)
            if head is None:
                continue
        out.append((hit.value, hit))
    return out


def find_sectors(ctx: Context, mentions: list[Mention], dprk_cyber: bool) -> list[tuple[str, Hit]]:
    """(sector, evidence hit) pairs that count, in text order."""
    if not dprk_cyber:
        return []
    agents = [m.hit for m in mentions] + ctx.hits("dprk") + ctx.hits("agent")
    agent_sents = ctx.sents_of(agents)
    target_sents = ctx.sents_of(ctx.hits("target"))
    found = []
    for sector, hit in _candidates(ctx):
        s = ctx.sent(hit.start)
        if s not in target_sents or not agent_sents & {s, s - 1, s - 2}:
            continue
        if _owned_or_lure(ctx, hit):
            continue
        found.append((sector, hit))
    if any(m.alias.value == "Famous Chollima" for m in mentions) or _it_worker_scheme(ctx):
        worker = next((h for h in ctx.hits("cyber") if "worker" in h.text.lower()), None)
        if worker is not None:
            found.append(("technology", worker))
    return found


def _it_worker_scheme(ctx: Context) -> bool:
    workers = [h for h in ctx.hits("cyber") if "worker" in h.text.lower()]
    dprk_sents = ctx.sents_of(ctx.hits("dprk"))
    return any(ctx.sent(h.start) in dprk_sents for h in workers)
