"""Sector decisions for the frames headlines and short summaries use (issue 16); sectors.py calls them.

Rules:
- A bare "government" right after a target word, ending its noun phrase, is the victim ("targeting the South
  Korean government."); not "reported the attack to the government", "Government sources told".
- "space technology firms": a technology modifier right after another sector's word belongs to that sector.
- A head noun followed by a reporting verb is the source ("US federal agencies warned").
- A Korean/Japanese noun with an impersonation marker later in its clause, no target word before it, is the bait
  ("통일부 산하 ... 직원을 사칭한").
- The IT-worker scheme (English scheme words, Korean/Japanese 위장 취업, IT 노동자, IT労働者) in a DPRK sentence or the
  one after it: the companies hiring the workers (technology) were hit, by Famous Chollima (taxonomy.md).
"""

from __future__ import annotations

import re

from bot.tagging import lexicon, lexicon_cjk
from bot.tagging.context import Context
from bot.tagging.nlp import Hit

LURE_CLAUSE = 20  # characters after a Korean/Japanese sector noun that its lure marker may follow in


def lure_later_in_clause(rest: str) -> bool:
    """ "통일부 산하 ... 직원을 사칭한": an impersonation marker later in the clause, no target word before it."""
    for marker in ("사칭", "を装", "になりすま"):
        at = rest.find(marker)
        if at >= 0:
            return not any(t in rest[:at] for t in lexicon_cjk.TARGET)
    return False


def reports(ctx: Context, head: Hit) -> bool:
    """The head noun is the subject of a reporting verb ("agencies warned", "officials said")."""
    nxt = ctx.doc[head.tok_end].lower_ if 0 <= head.tok_end < len(ctx.doc) else ""
    return nxt in lexicon.REPORTING


def bare_government(ctx: Context, hit: Hit) -> bool:
    """ "targeting the South Korean government.": a bare "government" that ends its noun phrase, right after a
    target word ("reported the attack to the government", "Government sources told" do not count)."""
    if hit.tok_start < 0 or hit.text.lower() != "government":
        return False
    if hit.tok_end < len(ctx.doc):
        nxt = ctx.doc[hit.tok_end]
        if not ((nxt.is_punct and nxt.text not in ("-", "‐", "–")) or nxt.lower_ in lexicon.GOVERNMENT_ENDS):
            return False
    before = [h for h in ctx.hits("target") if h.end <= hit.start]
    if not before:
        return False
    between = ctx.text[before[-1].end : hit.start]
    return len(between) <= 30 and not _GAP_BREAK.search(between)


_GAP_BREAK = re.compile(r"[,.;:!?]|\b(?:to|of|and|or|by|from|with|name)\b", re.IGNORECASE)


def compound_of_other(ctx: Context, hit: Hit, taken: dict[int, Hit]) -> bool:
    """ "space technology": a technology modifier right after another sector's modifier or noun."""
    if hit.tok_start < 1:
        return False
    before = next((h for h in taken.values() if h.tok_end == hit.tok_start), None)
    return before is not None and before.value not in ("", "technology")


def it_worker_scheme(ctx: Context) -> list[Hit]:
    """Scheme words (IT workers, remote developer jobs, laptop farms) in a DPRK sentence or the one after it."""
    scheme = [h for h in ctx.hits("cyber") if _scheme_word(h)]
    dprk_sents = ctx.sents_of(ctx.hits("dprk"))
    return [h for h in scheme if dprk_sents & {ctx.sent(h.start), ctx.sent(h.start) - 1}]


_CJK_SCHEME = {"".join(w.split()) for w in lexicon_cjk.SCHEME}


def _scheme_word(hit: Hit) -> bool:
    text = hit.text.lower()
    return " ".join(text.split()) in lexicon.SCHEME or "".join(hit.text.split()) in _CJK_SCHEME
