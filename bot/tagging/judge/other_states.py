"""Whose cyber words they are when a text names other states too: another state's hackers ("Russian hackers",
"China-linked hackers", "러시아 연계 해커", "中国のハッカー集団"), a state's sympathisers (친러 해킹그룹, pro-Russian
hacktivists) or the South's intelligence service own the cyber words after them, and other states as the subject of
a clause ("中国やロシアが ... サイバー分野") own its cyber word; signals.py then pairs no DPRK signal with them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.words import lexicon_cjk


def not_another_states(ctx: Context, cyber: list[Hit], dprk: list[Hit]) -> tuple[list[Hit], bool]:
    """Cyber words, less those of sentences whose hackers are another state's ("Russian hackers", "China-linked
    hackers", "러시아 연계 해커", "中国のハッカー集団") and none the DPRK's ("North Korean hackers"): there the DPRK is
    a topic ("Russian hackers target South Korea over North Korean troop deployment"). True with them when the
    text's hackers are only another state's: a DPRK signal then pairs within its own sentence only."""
    if any(w in ctx.text for w in _STATE_WORDS) and _STATES_AS_SUBJECT.search(ctx.text):  # the rare case
        cyber = [h for h in cyber if not _states_as_subject(ctx, h, dprk)]
    others = {ctx.sent(h.start) for h in cyber if _OTHER_OWNER.search(ctx.text, max(0, h.start - OWNER_REACH), h.start)}
    if not others:
        return cyber, False
    ends = sorted(d.end for d in dprk)  # a DPRK word ending within the reach before the cyber word (bisect: linear)
    owned = {ctx.sent(h.start) for h in cyber if _ends_within(ends, h.start - DPRK_OWNER_REACH, h.start)}
    foreign = others - owned
    kept = [h for h in cyber if ctx.sent(h.start) not in foreign]
    if owned:
        return kept, False
    # the text's hackers are another state's and never the DPRK's: "the hackers" later on, and the cyber words of a
    # sentence naming that state ("러시아와 연계된 단체들이 ... 사이버 공격"), are theirs too
    named = {i for i in range(len(ctx.starts)) if _STATE_NAME.search(ctx.sent_text(i))}
    return [h for h in kept if h.text.lower() not in HACKERS and ctx.sent(h.start) not in named], True


def _states_as_subject(ctx: Context, hit: Hit, dprk: list[Hit]) -> bool:
    """ "中国やロシアが宇宙・サイバー分野の軍事力を強化", "China and Russia are stepping up cyber ...": other states as
    the subject of the clause (up to a full stop, also a Japanese one) holding the cyber word, no DPRK word in it."""
    sent_start = ctx.starts[ctx.sent(hit.start)]
    start = max([sent_start, *(m.end() for m in _CLAUSE_END.finditer(ctx.text, sent_start, hit.start))])
    end = _CLAUSE_END.search(ctx.text, hit.end)
    stop = end.start() if end else len(ctx.text)
    if any(start <= d.start < stop for d in dprk):
        return False
    return bool(_STATES_AS_SUBJECT.search(ctx.text, start, hit.start))


_STATE_WORDS = ("中国", "ロシア", "イラン", "중국", "러시아", "이란", "China", "Russia", "Iran")
_CLAUSE_END = re.compile(r"。|[.!?！？](?=\s)")
OWNER_REACH = 40  # characters before a cyber word that name whose it is
_STATES_AS_SUBJECT = re.compile(
    r"(?:中国|ロシア|イラン)(?:(?:や|と|、|・)(?:中国|ロシア|イラン))*(?:が|は)"
    r"|(?:중국|러시아|이란)(?:(?:과|와|,|·)\s?(?:중국|러시아|이란))*(?:이|가|은|는)\s"
    r"|\b(?:China|Russia|Iran)(?:(?:,\s|\sand\s)(?:China|Russia|Iran))*\s(?:are|is|have|has)\b"
)
DPRK_OWNER_REACH = 12  # "North Korea-linked hackers", "북한 해킹조직"
_STATE_NAME = re.compile(r"\b(?:Russia|China|Iran|Russian|Chinese|Iranian)\b|" + "|".join(lexicon_cjk.OTHER_STATES))
HACKERS = {"hacker", "hackers", "해커", "해커들", "해킹조직", "해킹 조직", "ハッカー", "ハッカー集団"}
_OTHER_OWNER = re.compile(
    r"(?:\b(?:Russian|Chinese|Iranian|Russia|China|Iran|Beijing|Moscow|Kremlin|Tehran)"
    r"(?:[-\s](?:linked|backed|based|affiliated|sponsored|nexus|aligned|connected))?"
    r"(?:\s(?:state|state-sponsored|state-backed|government|government-backed|military|intelligence|ransomware))*"
    r"\s+$"
    r"|(?:중국|러시아|이란)\s?(?:(?:연계|연계된|배후|정부|군|국가|계|발|의|측|와|과)\s?){0,3}(?:지원\s?|후원\s?)?(?:받는\s?)?$"
    r"|(?:中国|ロシア|イラン)(?:系|の|政府系|軍|政府の)?\s?$"
    # a state's sympathisers: "친러 해킹그룹", "친러시아 핵티비스트 그룹의", "pro-Russian hacktivists"
    # the South's own agencies and units (twelfth round): 국정원, 해킹프로그램 구입; 軍 사이버사 (its own hacking tools)
    r"|(?:국정원|국가정보원|国情院|国家情報院)\s?(?:[,은는이가]|が|は)?\s?$"
    r"|(?:친\s?(?:러시아|러|중국|중)|\b[Pp]ro-(?:Russian?|Chinese|China|Iranian?)|親(?:ロシア|ロ|中国|中)派?)\s?"
    r"(?:성향\s?)?(?:의\s?)?(?:해커|해킹\s?(?:그룹|조직|단체)|핵티비스트|(?i:hacktivists?|hackers?|groups?)|ハッカー|ハクティビスト)?"
    r"(?:\s?(?:그룹|단체|조직|集団|グループ))?(?:의|가|이|が|の)?\s?$)"
)


def _ends_within(ends: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted list holds a value in [lo, hi]."""
    i = bisect_left(ends, lo)
    return i < len(ends) and ends[i] <= hi
