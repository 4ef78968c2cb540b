"""Cyber context that no single word carries: a theft of cryptocurrency ("North Korea stole $700 million in
crypto", "Lazarus behind $40 million wallet theft", "北, 업비트서 이더리움 580억 털었다").

Rules: a sentence with a theft word (lexicon.CRYPTO_THEFT, lexicon_cjk.CRYPTO_THEFT) among its target words and a
cryptocurrency word (sector noun or modifier) is cyber context: the theft word is added to the Context as a
"cyber" Hit, so signals.py pairs it with a DPRK signal and actors.py with an ambiguous actor name in that sentence.
Theft of anything else (oil, secrets, identities) adds nothing.
"""

from __future__ import annotations

from bot.tagging import lexicon, lexicon_cjk
from bot.tagging.context import Context
from bot.tagging.nlp import Hit


def _is_theft(hit: Hit) -> bool:
    text = hit.text.lower()
    return text in lexicon.CRYPTO_THEFT or (hit.tok_start < 0 and text.startswith(lexicon_cjk.CRYPTO_THEFT))


def add_crypto_theft(ctx: Context) -> None:
    """Add a cyber Hit for each sentence where cryptocurrency is stolen (once per sentence)."""
    crypto = [h for h in ctx.hits("noun") + ctx.hits("mod") if h.value == "cryptocurrency"]
    if not crypto:
        return
    crypto_sents = ctx.sents_of(crypto)
    seen: set[int] = set()
    added = []
    for hit in ctx.hits("target"):
        s = ctx.sent(hit.start)
        if s in crypto_sents and s not in seen and _is_theft(hit):
            seen.add(s)
            added.append(Hit("cyber", "crypto theft", hit.start, hit.end, hit.text, hit.tok_start, hit.tok_end))
    if added:
        ctx.by_kind["cyber"] = sorted([*ctx.hits("cyber"), *added], key=lambda h: (h.start, -h.end))
