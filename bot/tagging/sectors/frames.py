"""Sector decisions for the frames headlines and short summaries use (issue 16); sectors/find.py calls them.

Rules:
- A bare "government" right after a target word, ending its noun phrase, is the victim ("targeting the South
  Korean government."); not "reported the attack to the government", "Government sources told".
- "space technology firms", "missile engineering company": a technology or manufacturing modifier right after
  another sector's word belongs to that sector.
- A head noun followed by a reporting verb is the source ("US federal agencies warned", "industry sources told"),
  and by a law-enforcement act the actor ("federal prosecutors have indicted").
- A head noun joined to a lure suffix is the bait ("diplomatic organization-spoofing emails").
- A sector modifier standing alone between list joiners, in a coordinated list that holds a sector noun phrase, is an
  item of that list ("organizations in the national defense, defense industry, media, diplomacy, and academia").
- Korean and Japanese markers that make a noun the bait, the source or the speaker: cjk_sources.py.
- A school in a sentence that trains hackers is the DPRK's own ("hackers are trained at the university").
- "the country's", "its", "their" right after a target word are the victims' ("attacks against the country's
  government organizations", "to target its cryptocurrency clients"), not the DPRK's own; a noun after "reported
  by", "broken by" ... is the source.
- A supply-chain attack (English, 공급망 공격, サプライチェーン攻撃) hit technology, unless its clause names it a
  method ("supply chain attacks and social engineering techniques", "サプライチェーン攻撃といった手法").
- The IT-worker scheme (English scheme words, Korean/Japanese 위장 취업, IT 노동자, IT労働者) in a DPRK sentence or the
  one after it: the companies hiring the workers (technology) were hit, by Famous Chollima (taxonomy.md).
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.words import lexicon, lexicon_cjk


def reports(ctx: Context, head: Hit) -> bool:
    """The head noun is the subject of a reporting verb ("agencies warned", "officials said", "Government and
    industry sources told", "the news agency reports that"), past an appositive name ("news agency, Yonhap News,
    reports"), or of a law-enforcement act ("prosecutors have indicted")."""
    if head.tok_end < 0:
        return False
    tokens = [t for t in ctx.doc[head.tok_end : head.tok_end + APPOSITIVE + 4] if not t.is_space]
    if tokens[:1] and tokens[0].text == ",":  # an appositive: capitalised words up to the closing comma
        close = next((i for i, t in enumerate(tokens[1 : APPOSITIVE + 2], 1) if t.text == ","), None)
        if close is not None and all(t.text[:1].isupper() for t in tokens[1:close]):
            tokens = tokens[close + 1 :]
    if tokens[:1] and tokens[0].lower_ in ("of", "for", "in") and tokens[1:2] and tokens[1].text[:1].isupper():
        tokens = tokens[1:]  # "the Ministry of Foreign Affairs said", "prosecutors in California and Georgia unsealed"
        while tokens[:1] and (tokens[0].text[:1].isupper() or tokens[0].lower_ in ("and", "of", "&")):
            tokens = tokens[1:]
    words = [t.lower_ for t in tokens[:4]]
    if words[:1] and words[0] in lexicon.SPEAKERS:
        words = words[1:]  # "industry sources told"
    while words[:1] and words[0] in ("have", "has", "had", "here", "there", "also", "later", "then", "earlier"):
        words = words[1:]  # "prosecutors here said"
    if words[:2] in (["reports", "that"], ["reported", "that"], ["reports", "the"]):
        return True
    outlet = head.value == "media" or head.text.lower() in ("outlet", "outlets")  # "media outlets": a mod's head
    if outlet and words[:1] and words[0] in ("reported", "reports", "reporting"):
        return True  # "Yonhap News Agency reported": an outlet reporting is the source
    if words[:1] and words[0] in ("reported", "reports") and head.text.lower().split()[-1] in lexicon.SPEAKERS:
        return True  # "South Korean intelligence officials reported Tuesday": who reports it
    if words[:1] == ["declined"]:
        return True  # "the defence ministry declined to provide further details"
    if words[:1] == ["states"] and tokens[0].text == "states":
        return True  # "the Defense Ministry states ..." (lower case: not "the United States")
    return bool(words) and (words[0] in lexicon.REPORTING or words[0] in lexicon.LAW_ACTS)


APPOSITIVE = 4  # words of a name set off by commas after a head ("news agency, Yonhap News, reports")
SPEAKER_REACH = 20  # tokens from a noun to the reporting verb of the clause it stands in
TOLD = {"told", "tells", "telling", "tell", "briefed", "briefing", "briefings"}
# "lawmakers were briefed on the hack", "a briefing held with lawmakers" (thirteenth round): the audience
_BRIEFED_AFTER = re.compile(r"\s+(?:were|was|had\s+been|have\s+been|being)\s+briefed\b", re.IGNORECASE)
_BRIEFING_BEFORE = re.compile(r"\bbriefings?\s+(?:held\s+)?(?:with|for|to)\s+(?:the\s+|other\s+)?$", re.IGNORECASE)
PAYMENT = {
    "ransom", "ransoms", "paid", "pay", "paying", "payment", "payments", "extorted", "extortion",
    "requested", "demanded", "demanding", "decrypt",
    # seized: the proceeds, not their holders (laundering is lexicon.THEFT: what was stolen)
    "seized", "seize", "seizes", "seizure", "forfeiture", "forfeited", "confiscated", "illicit", "proceeds",
}  # fmt: skip
CJK_PAYMENT = (
    "몸값", "身代金", "대가로", "支払", "결제", "지불", "지급", "받은", "받았", "받아", "요구", "送られ", "송금",
    "압수", "몰수", "押収", "没収",
    "要求", "出さなければ", "払わなければ", "支払え",  # sixteenth round: a ransom demanded in Japanese
)  # fmt: skip
_PARENTHESES = re.compile(r"\([^()\n]{0,40}\)|（[^（）\n]{0,40}）")
PAYMENT_REACH = 4  # words (Korean/Japanese: 3 times as many characters) around cryptocurrency
RANSOM = {"ransom", "ransoms", "extorted", "extortion", "extort", "extorting"}
RANSOM_REACH = 12  # words around cryptocurrency where a ransom or an extortion makes it the payment


def told(ctx: Context, hit: Hit) -> bool:
    """ "The officer tells the newspaper that ...", "told reporters": who is told, not who was hit."""
    if hit.tok_start < 1:
        return False
    left = [t.lower_ for t in ctx.doc[max(0, hit.tok_start - 3) : hit.tok_start] if not t.is_space]
    left = [w for w in left if w not in ("the", "a", "an", "local", "south", "korean")]
    if _BRIEFED_AFTER.match(ctx.text, hit.end) or _BRIEFING_BEFORE.search(ctx.text, max(0, hit.start - 40), hit.start):
        return True
    return bool(left) and left[-1] in TOLD


def payment(ctx: Context, hit: Hit) -> bool:
    """ "demanded crypto ransom", "paid the ransom in bitcoin", "비트코인을 받은", "ビットコインで支払った", "seized
    bitcoin", "ビットコインを押収": the currency of a ransom, a payment or a seizure, not the holders of
    cryptocurrency."""
    if hit.value != "cryptocurrency":
        return False
    if hit.tok_start < 0:
        reach = 3 * PAYMENT_REACH
        after = _PARENTHESES.sub("", ctx.text[hit.end : hit.end + 4 * reach])[
            :reach
        ]  # 비트코인(1비트코인은 ...)을 요구
        window = ctx.text[max(0, hit.start - reach) : hit.start] + hit.text + after
        if any(m in window for m in lexicon_cjk.THEFT):
            return False  # a theft all the same
        return any(m in window for m in CJK_PAYMENT)
    sent = ctx.sent(hit.start)
    window = ctx.doc[max(0, hit.tok_start - PAYMENT_REACH) : hit.tok_end + PAYMENT_REACH]
    near = [t.lower_ for t in window if ctx.sent(t.idx) == sent]
    if any(w in lexicon.THEFT for w in near):
        return False  # "stealing and laundering cryptocurrency": a theft all the same
    wide = ctx.doc[max(0, hit.tok_start - RANSOM_REACH) : hit.tok_end + RANSOM_REACH]
    words = [t.lower_ for t in wide if ctx.sent(t.idx) == sent]
    triples = zip(words, words[1:], words[2:], strict=False)
    if any(a in lexicon.THEFT and b in ("and", "or") and c in RANSOM for a, b, c in triples):
        return False  # "to steal and extort $1.3 billion of money and cryptocurrency": a theft all the same
    ransom = any(w in RANSOM for w in words)
    return ransom or any(w in PAYMENT for w in near)  # "extorted 470 million won in bitcoin ... as ransom"


def speaker_side(ctx: Context, hit: Hit) -> bool:
    """ "South Korean lawmakers who met with local reporters after a briefing said that the institute was the target
    of hackers": a noun before the sentence's reporting verb, when every target word of the sentence comes after
    that verb, is on the side of who speaks, not of who was hit."""
    if hit.tok_start < 0:
        return False
    sent = ctx.sent(hit.start)
    verb = None
    for token in ctx.doc[hit.tok_end : hit.tok_end + SPEAKER_REACH]:
        if ctx.sent(token.idx) != sent:
            return False
        if token.lower_ in lexicon.REPORTING:  # not "confirmed": a victim confirms its own breach
            verb = token.idx
            break
    if verb is None:
        return False
    targets = [t.start for t in ctx.hits("target") if ctx.sent(t.start) == sent]
    return bool(targets) and min(targets) > verb


def lure_after_head(ctx: Context, head: Hit) -> bool:
    """ "diplomatic organization-spoofing emails", "bank-themed lures": the organisation is the bait."""
    return bool(_LURE_SUFFIX.match(ctx.text, head.end))


_LURE_SUFFIX = re.compile(r"[-‐](?:spoof\w*|themed|impersonat\w*|branded|lookalike)\b", re.IGNORECASE)


def list_item(
    ctx: Context, mod: Hit, taken: dict[int, Hit], ends: dict[int, Hit], headed: frozenset[int] = frozenset()
) -> bool:
    """ "organizations in the national defense, defense industry, media, diplomacy, and academia": a sector modifier
    standing alone as an item of a coordinated list that also holds a sector noun phrase (a sector noun, or a
    modifier with its head: "the government, defense industrial organisations and media"; `headed` holds the
    starts of those modifiers)."""
    if mod.tok_start < 1:
        return False
    doc = ctx.doc
    before = doc[mod.tok_start - 1].lower_
    if before in _QUOTES and mod.tok_start >= 2:
        before = doc[mod.tok_start - 2].lower_  # targeting "media, aerospace, ...": the quote opens the list
    after = doc[mod.tok_end].lower_ if mod.tok_end < len(doc) else "."
    if after not in _LIST_JOINERS | _LIST_ENDS:
        return False
    if before not in _LIST_JOINERS and not (before in _LIST_OPENERS and after in (",", "and", "or")):
        return False  # the first item counts after "including" or "in", with the list going on after it
    for step in (-1, 1):  # walk the list both ways across joiners and other sector words, looking for a noun
        j = mod.tok_start - 1 if step < 0 else mod.tok_end
        others = _OTHER_ITEMS  # words of items that are no sector ("construction", "home network services")
        for _ in range(_LIST_REACH):
            if not 0 <= j < len(doc):
                break
            hit = taken.get(j) or ends.get(j + 1)
            if hit is not None and hit is not mod:
                if hit.kind == "noun" or hit.start in headed:
                    return True
                j = hit.tok_start - 1 if step < 0 else hit.tok_end
                continue
            if step > 0 and doc[j].lower_ in _LIST_HEADS:
                return True  # "... media, and construction sectors": the list's own head noun
            if doc[j].lower_ not in _LIST_JOINERS:
                if others == 0 or not doc[j].is_alpha or doc[j].lower_ in _NOT_ITEMS:
                    break
                others -= 1
            else:
                others = _OTHER_ITEMS  # each item may have its own few words
            j += step
    return False


_LIST_JOINERS = {",", "and", "or", "the", "as", "well", "&"}
# words that open a list of sectors (thirteenth round): "including media, defence, and aerospace", "organisations
# in media, defence and aerospace", "such as finance, energy and ..."
# and a target verb right before the first item (twenty-third round): "is targeting "media, aerospace, financial, and
# critical infrastructure sectors"", a list whose own head the walk does not reach
_LIST_OPENERS = {
    "including", "in", "as", "like", "namely", "spanning", "across",
    "targeting", "targeted", "targets", "attacking", "attacked", "hitting",
}  # fmt: skip
_QUOTES = {'"', "“", "'", "‘"}
_LIST_ENDS = {".", ";", ":", ")"}
_LIST_REACH = 12
_OTHER_ITEMS = 3  # words of an item a list walk may cross (twelfth round: "manufacturing, media, and construction")
_LIST_HEADS = {"sectors", "industries", "verticals"}
_NOT_ITEMS = {
    "of", "in", "to", "from", "by", "with", "for", "on", "at", "that", "which", "who", "were", "was", "is", "are",
    "said", "says", "including", "such", "like", "than", "but", "not",
}  # fmt: skip


def bare_sector_noun(ctx: Context, hit: Hit) -> bool:
    """ "targeting the South Korean government.", "hacked the South's military": a bare "government" or "military"
    that ends its noun phrase, right after a target word, alone or coordinated with the other ("targeted the
    government and military since 2012"); "reported the attack to the government", "Government sources told",
    "military secrets" do not count."""
    if hit.tok_start < 0 or hit.text.lower() not in lexicon.BARE_NOUNS:
        return False
    if hit.tok_end < len(ctx.doc):
        nxt = ctx.doc[hit.tok_end]
        if not ((nxt.is_punct and nxt.text not in ("-", "‐", "–")) or nxt.lower_ in lexicon.GOVERNMENT_ENDS):
            return False
    before = [h for h in ctx.hits("target") if h.end <= hit.start]
    if not before or hit.start - before[-1].end > BARE_REACH:
        return False  # (a hostile list of thousands of bare nouns is not re-read for each of them)
    between = _COORDINATED_BARE.sub(" ", ctx.text[before[-1].end : hit.start])
    return len(between) <= 30 and not _GAP_BREAK.search(between)


BARE_REACH = 300  # characters from a target word to a bare noun it may frame, across coordinated bare nouns
_COORDINATED_BARE = re.compile(
    rf"\b(?:{'|'.join(lexicon.BARE_NOUNS)})\s*(?:,\s*(?:and|or)?|and|or|&)\s*", re.IGNORECASE
)
_GAP_BREAK = re.compile(r"[,.;:!?]|\b(?:to|of|and|or|by|from|with|name)\b", re.IGNORECASE)


def compound_of_other(ctx: Context, hit: Hit, ends: dict[int, Hit]) -> bool:
    """ "space technology", "missile engineering": a modifier right after another sector's modifier or noun."""
    if hit.tok_start < 1:
        return False
    before = ends.get(hit.tok_start)
    return before is not None and before.value not in ("", hit.value)


def it_worker_scheme(ctx: Context) -> list[Hit]:
    """Scheme words (IT workers, remote developer jobs, laptop farms) in a DPRK sentence or the one after it."""
    scheme = [h for h in ctx.hits("cyber") if _scheme_word(h)]
    dprk_sents = ctx.sents_of(ctx.hits("dprk"))
    return [h for h in scheme if dprk_sents & {ctx.sent(h.start), ctx.sent(h.start) - 1}]


_CJK_SCHEME = {"".join(w.split()) for w in lexicon_cjk.SCHEME}


def _scheme_word(hit: Hit) -> bool:
    text = hit.text.lower()
    return " ".join(text.split()) in lexicon.SCHEME or "".join(hit.text.split()) in _CJK_SCHEME


_CJK_SUPPLY = {"".join(w.split()) for w in lexicon_cjk.SUPPLY_CHAIN}


def supply_chain(ctx: Context, hit: Hit) -> bool:
    """ "supply chain attacks", "공급망 공격", "サプライチェーン攻撃": a software maker breached to reach its customers;
    not when its clause names it a method ("supply chain attacks and social engineering techniques")."""
    words = " ".join(hit.text.lower().split())
    if words not in lexicon.SUPPLY_CHAIN and "".join(hit.text.split()) not in _CJK_SUPPLY:
        return False
    clause = re.split(r"[.;!?。\n]", ctx.text[hit.end : hit.end + 60])[0].lower()
    return not (any(w in clause for w in lexicon_cjk.MEANS) or any(w in clause.split() for w in lexicon.MEANS))


def victims_country(before: str) -> bool:
    """ "attacks against the country's government organizations", "breached a vendor to target its cryptocurrency
    clients": after a target word, "the country's", "its", "their" are the victims', not the DPRK's own (lower-cased
    text before the noun)."""
    return bool(_VICTIMS_COUNTRY.search(before))


_VICTIMS_COUNTRY = re.compile(
    r"\b(?:against|on|into|target|targeting|targeted|hit|hitting|reach|reaching)\s+"
    r"(?:the\s+country'?s?'?|its|their)$"
)


def reported_by(ctx: Context, hit: Hit) -> bool:
    """ "first reported by South Korean news outlet X", "revealed by researchers": the agent of a reporting verb."""
    start = max(ctx.starts[ctx.sent(hit.start)], hit.start - 80)
    return bool(_REPORTED_BY.search(ctx.text, start, hit.start))


_REPORTED_BY = re.compile(
    r"\b(?:reported|revealed|broken|broke|disclosed|published|confirmed|cited|quoted)\s+(?:first\s+)?by\s+"
    r"(?:the\s+|an?\s+)?(?:[\w.'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


# Hackers trained or raised (eleventh round): a school or an institute in that sentence is the DPRK's own.
_TRAINS_HACKERS = re.compile(
    r"해커(?:를|들을)?\s?(?:양성|육성|키우|교육)|해킹\s?교육|ハッカー(?:を)?(?:養成|育成|教育)|(?:해커|ハッカー)\s?(?:양성|養成)"
    r"|\b(?:trains?|trained|training|educates?|educated|grooms?|groomed)\s+(?:its\s+|the\s+|future\s+)?"
    r"(?:hackers|cyber\s?warriors|cyber\s?operatives)\b|\bhackers\s+(?:are|were|was|is)\s+(?:trained|educated)\b",
    re.IGNORECASE,
)


def trains_hackers(ctx: Context, hit: Hit) -> bool:
    """ "北朝鮮は自動化大学と呼ばれる専門機関でハッカーを養成", "hackers are trained at the university": a school
    in a sentence that trains hackers is where the DPRK's own are taught, not a victim."""
    return hit.value == "think-tanks-academia" and bool(_TRAINS_HACKERS.search(ctx.sent_text(ctx.sent(hit.start))))
