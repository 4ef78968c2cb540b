"""Cyber context that no single word carries: a theft of cryptocurrency ("North Korea stole $700 million in
crypto", "Lazarus behind $40 million wallet theft", "北, 업비트서 이더리움 580억 털었다"), and the DPRK targeting
or stealing from a sector's organisations ("North Korea targeting South Korean think tanks", "Defense and aerospace
sectors targeted in new wave of North Korean attacks", "北, 국내 싱크탱크 겨냥").

Rules:
- A sentence with a theft word (lexicon.CRYPTO_THEFT, lexicon_cjk.CRYPTO_THEFT) among its target words and a
  cryptocurrency word (sector noun or modifier) is cyber context: the theft word is added to the Context as a
  "cyber" Hit, so signals.py pairs it with a DPRK signal and actors.py with an ambiguous actor name in that
  sentence. Theft of anything else (oil, secrets, identities) adds nothing.
- A sentence with a DPRK signal, a targeting or theft word (lexicon.AIMED, lexicon_cjk.AIMED) and a sector's
  organisations not owned by the DPRK is cyber context too: the DPRK aims at think tanks, banks, hospitals or
  companies with its hackers. Not for what missiles, troops or balloons aim at (military bases, ministries, power
  plants, airports: only their companies and industries count), nor in a sentence about sanctions or weapons
  ("US targets banks that helped North Korea evade sanctions").
- A sentence where the DPRK steals a sum of money ("North Korea stole $81 million", "15億ドル相当窃盗"), or takes
  one from a crypto firm or a bank ("北朝鮮、日本の暗号資産業者から482億円"), is cyber context: what the DPRK steals
  by the million it steals online (not beside missiles, troops or sanctions).
- Phrases whose words may stand apart (mail sent under a false name, accounts taken over ...) are in
  gapped_phrases.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.words import lexicon, lexicon_cjk


def _is_theft(hit: Hit) -> bool:
    text = hit.text.lower()
    return text in lexicon.CRYPTO_THEFT or (hit.tok_start < 0 and text.startswith(lexicon_cjk.CRYPTO_THEFT))


def add_cyber(ctx: Context, added: list[Hit]) -> None:
    """Merge frame hits into the Context's cyber hits, in text order."""
    if added:
        ctx.by_kind["cyber"] = sorted([*ctx.hits("cyber"), *added], key=lambda h: (h.start, -h.end))


def add_money_theft(ctx: Context) -> None:
    """Add a cyber Hit for each sentence where the DPRK steals a sum of money ("North Korea stole $81 million",
    "北朝鮮関与の15億ドル相当窃盗", "북한, 1조원 탈취"): what the DPRK steals by the million is stolen online."""
    dprk_sents = ctx.sents_of(ctx.hits("dprk"))
    seen: set[int] = set()
    added = []
    for hit in ctx.hits("target"):
        s = ctx.sent(hit.start)
        if s not in dprk_sents or s in seen or not _is_money_theft(hit):
            continue
        text = ctx.sent_text(s)
        if _SUM.search(text) and not ARMS.search(text) and not _DEFECTOR.search(text):
            seen.add(s)
            added.append(Hit("cyber", "money theft", hit.start, hit.end, hit.text, hit.tok_start, hit.tok_end))
    for hit in ctx.hits("noun"):  # 北朝鮮、日本の暗号資産業者から482億円: a sum taken from a crypto firm or a bank
        s = ctx.sent(hit.start)
        if hit.value not in ("cryptocurrency", "finance") or s not in dprk_sents or s in seen:
            continue
        if ctx.text[max(0, hit.start - 8) : hit.start].rstrip().endswith(lexicon_cjk.OWN_BEFORE):
            continue  # 北朝鮮の銀行から: the DPRK's own bank
        taken = _TAKEN_FROM.match(ctx.text, hit.end, hit.end + 40)
        if taken and not ARMS.search(ctx.sent_text(s)):
            seen.add(s)
            added.append(Hit("cyber", "money theft", hit.start, taken.end(), ctx.text[hit.start : taken.end()]))
    add_cyber(ctx, added)


# A sum right after "from" the organisation: "業者から482億円", "거래소에서 580억", "銀行から13億ドル".
_TAKEN_FROM = re.compile(
    r"[^\s。、.,]{0,6}?(?:から|에서|서)\s?(?:約|計|약|총)?\s?\d[\d,.]*\s?"
    r"(?:(?:억|조|億|万)\s?(?:원|달러|円|ドル)?|ドル|달러|円|원)"
)


def _is_money_theft(hit: Hit) -> bool:
    text = hit.text.lower()
    return text in lexicon.THEFT or text in _ROBBERY or (hit.tok_start < 0 and text.startswith(_CJK_THEFT))


# "North Korea behind $534 million heist": robberies and thefts by the million, as well as THEFT's verbs
_ROBBERY = {"heist", "heists", "robbery", "robberies", "looted", "theft", "thefts"}
# 털었다, 強奪 too; not 流出 (資金流出 is money flowing out, sanctions news)
_CJK_THEFT = tuple(w for w in lexicon_cjk.CRYPTO_THEFT if w != "流出")


# A sum of money by the million: "$81 million", "$30m", "15億ドル", "1조원", "580억 원", "its stolen billions" (not
# "$5,000").
_SUM = re.compile(
    r"\$\s?\d[\d,.]*\s?(?:million|billion|mn|m|bn)\b|\d[\d,.]*\s?(?:million|billion)\b|"
    r"\d[\d,.]*\s?(?:억|조)\s?(?:원|달러)?|\d[\d,.]*\s?(?:億|万)\s?(?:円|ドル)?|\b(?:millions|billions)\b",
    re.IGNORECASE,
)
# Defectors are North Koreans, not the state: what one steals is no DPRK operation.
_DEFECTOR = re.compile(r"defector|탈북|脱北", re.IGNORECASE)


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
    add_cyber(ctx, added)


def _covered(spans: list[Hit]):
    """A test of whether a position falls inside one of the hits: the furthest end among those starting at or before
    it, sorted once, so a text of many nouns and DPRK words stays linear."""
    ordered = sorted(spans, key=lambda h: h.start)
    starts, furthest, reach = [h.start for h in ordered], [], -1
    for h in ordered:
        reach = max(reach, h.end)
        furthest.append(reach)

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and furthest[i] > pos

    return inside


def add_organisations_aimed_at(ctx: Context) -> None:
    """Add a cyber Hit for each sentence where the DPRK targets or steals from a sector's organisations."""
    nouns = ctx.hits("noun") + ctx.hits("mod")
    # the DPRK as an actor, not inside a noun ("North Korea experts", 北朝鮮専門家: the topic of their work)
    in_noun = _covered(nouns)
    dprk = [d for d in ctx.hits("dprk") if not in_noun(d.start) and not _partner(ctx, d)]
    dprk_sents = ctx.sents_of(dprk) - ctx.sents_of(ctx.hits("other"))  # not beside another state's hackers
    if not dprk_sents:
        return
    orgs = ctx.sents_of([h for h in nouns if _organisations(ctx, h)])
    seen: set[int] = set()
    added = []
    for hit in ctx.hits("target"):
        s = ctx.sent(hit.start)
        if s in dprk_sents and s in orgs and s not in seen and _aimed(hit) and not _armed(ctx, s, dprk):
            seen.add(s)
            added.append(
                Hit("cyber", "organisations aimed at", hit.start, hit.end, hit.text, hit.tok_start, hit.tok_end)
            )
    add_cyber(ctx, added)


# The DPRK as the other party of what someone else does, not the one who aims (twenty-fifth round, AK): "targeting
# those conducting trade in goods, services, or technology with North Korea", "exports to North Korea"
_PARTNER_BEFORE = re.compile(r"\b(?:with|to|against|into)\s+(?:the\s+)?$", re.IGNORECASE)
_OWNED_AFTER = re.compile(r"(?:'s|’s)\s+(?=(?:[a-z][\w-]*(?:\s+[a-z][\w-]*)?,\s+){2})")  # a list it owns


def _partner(ctx: Context, dprk: Hit) -> bool:
    """The DPRK as the other party ("trade with North Korea"), or as the owner of the list that follows ("North
    Korea's textiles, manufacturing, information technology, fishing, and other industries"; not "North Korea's
    hackers, ...")."""
    if _PARTNER_BEFORE.search(ctx.text, max(0, dprk.start - 16), dprk.start):
        return True
    owned = _OWNED_AFTER.match(ctx.text, dprk.end)
    if owned is None:
        return False
    at = owned.end()
    return not any(h.start == at for kind in ("agent", "cyber", "alias") for h in ctx.hits(kind))


def _aimed(hit: Hit) -> bool:
    text = hit.text.lower()
    return text in lexicon.AIMED or (hit.tok_start < 0 and text.startswith(lexicon_cjk.AIMED))


def _organisations(ctx: Context, hit: Hit) -> bool:
    """A sector's organisations, not the DPRK's own: any civilian sector's nouns; for the military, the government,
    energy, space and aviation only their companies and industries ("defense contractors", "방산업체")."""
    before = ctx.text[max(0, hit.start - 24) : hit.start].lower().rstrip()
    if before.endswith(OWNERS) or before.endswith(lexicon_cjk.OWN_BEFORE):
        return False
    if hit.kind == "mod":  # "defense and aerospace sectors": a modifier counts with its head right after
        nxt = ctx.text[hit.end : hit.end + 40].lower()
        return bool(_MOD_THEN_HEAD.match(nxt))
    if hit.value not in STATE_SECTORS:
        return True
    text = hit.text.lower()
    return text.endswith(lexicon.COMPANY_HEADS) or text.endswith(lexicon_cjk.COMPANY_HEADS)


def _armed(ctx: Context, s: int, dprk: list[Hit]) -> bool:
    """ARMS in sentence `s`, less a warning or a threat someone else voices before the DPRK is named ("NSA warns of
    North Korean targeting of think tanks": the warner is not the DPRK)."""
    start = ctx.starts[s]
    first = min((d.start for d in dprk if ctx.sent(d.start) == s), default=start)
    for m in ARMS.finditer(ctx.sent_text(s)):
        if start + m.start() < first and m.group().lower() in _WARNED_BY_OTHERS:
            continue
        return True
    return False


_WARNED_BY_OTHERS = {"warn", "threat", "경고", "위협", "警告"}


STATE_SECTORS = {"defense", "government", "energy", "space", "aerospace"}
OWNERS = (*lexicon.DPRK_OWN, "its", "북한")  # and lexicon_cjk.OWN_BEFORE
_MOD_THEN_HEAD = re.compile(
    r"^(?:\s*(?:,|and|or|&)\s*[a-z-]+)*\s+(?:sectors?|industry|industries|compan(?:y|ies)|firms?|contractors?|"
    r"manufacturers?|makers?|organi[sz]ations?|institutions?|institutes?|business(?:es)?|exchanges?|platforms?|"
    r"providers?|developers?)\b"
)
# Weapons, troops, sanctions, threats: what the DPRK aims at with these is no cyber matter ("North Korea threatens
# to attack South Korean media outlets").
ARMS = re.compile(
    r"missile|rocket|artillery|balloon|nuclear test|troops|sanction|threat|strike|\bvow|\bwarn|pledge|retaliat|"
    r"\bwill\b|\bwould\b|미사일|포격|풍선|병력|제재|위협|경고|보복|ミサイル|風船|砲撃|制裁|威嚇|脅|警告|報復",
    re.IGNORECASE,
)
