"""The DPRK as the accuser, not the actor: 北朝鮮メディア「米国はハッカー帝国」, "North Korean state media calls the
US a hacking empire", 북한 매체 "미국은 해킹 왕국".

Rules: a text whose every DPRK signal is a speaker (its media, news agency, newspaper, foreign ministry or
spokesman right after it), where another state stands as the subject before each cyber word (米国は, 미국은,
"the US is"), that never names the DPRK as an agent (dprk_victim.agent_after) and denies nothing (a denial,
"Pyongyang denies hacking Sony", is about the DPRK's own hacking and stays DPRK cyber; taxonomy.md) is the
DPRK's propaganda about others: signals.py then pairs no DPRK signal with a cyber word (it stays dprk_related).
"""

from __future__ import annotations

import re

from bot.tagging.judge.dprk_victim import agent_after
from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit

SPEAKER_REACH = 8  # characters between the DPRK word and its speaker word
ACCUSED_REACH = 24  # characters between the other state and the cyber word
ACCUSATION_REACH = 60  # characters after the DPRK word within which its accusation of another state is read

_SPEAKER = re.compile(
    r"(?:'s|’s|의|の)?\s?(?:state\s+)?(?:media|news\s+agency|kcna|newspaper|foreign\s+ministry|spokes(?:man|woman|person)"
    r"|매체|관영|언론|외무성|대변인|조선중앙통신|로동신문|メディア|媒体|国営|官営|外務省|報道官|朝鮮中央通信|労働新聞)",
    re.IGNORECASE,
)
_ACCUSED = re.compile(
    r"(?:米国|アメリカ|米|日本|韓国|南朝鮮)(?:は|が|こそ)|(?:미국|미제|일본|한국|남조선)(?:은|는|이|가|이야말로)"
    r"|\b(?:the\s+)?(?:US|U\.S\.|United\s+States|America|Washington|Japan|South\s+Korea|Seoul)\s+(?:is|as|was|an?)\b",
)
_DENIAL = re.compile(
    r"den(?:y|ies|ied|ial)|reject|fabricat|부인|부정|날조|조작|否定|否認|捏造|でっち上げ|無関係", re.IGNORECASE
)


def only_as_accuser(ctx: Context, dprk: list[Hit], cyber: list[Hit], actors: int) -> bool:
    """True when the DPRK only speaks, accusing another state of the hacking the text names."""
    if actors or not dprk or not cyber or _DENIAL.search(ctx.text):
        return False
    accusations = []  # "North Korea accuses the US of ...": the accused state and its deeds follow, in the sentence
    for hit in dprk:
        accuses = _ACCUSES.match(ctx.text, hit.end)
        if accuses and not agent_after(ctx, hit):
            accusations.append((accuses.end(), ctx.sent(hit.start)))
            continue
        rest = re.split(r"[.!?。\n]", ctx.text[hit.end : hit.end + ACCUSATION_REACH])[0]
        if not _CJK_AGENT_PARTICLE.match(rest) and _ACCUSES_CJK.search(rest) and not agent_after(ctx, hit):
            accusations.append((hit.end, ctx.sent(hit.start)))  # 北朝鮮に「サイバー攻撃」、米国などを非難
            continue
        if agent_after(ctx, hit) or not _SPEAKER.match(ctx.text, hit.end, hit.end + SPEAKER_REACH + 24):
            return False
    first = min(h.end for h in dprk)
    for hit in cyber:
        if any(hit.start >= end and ctx.sent(hit.start) == s for end, s in accusations):
            continue
        if hit.start < first or not _ACCUSED.search(ctx.text, max(first, hit.start - ACCUSED_REACH), hit.start):
            return False
    return True


# "North Korea accuses the US of cyber warfare preparations" (not "slams Seoul over hacking claims": a rebuttal of
# claims about its own hacking, which stays DPRK cyber)
_ACCUSES = re.compile(
    r"(?:['’]s\s+(?:state\s+)?media)?\s+(?:accuses|accused|blames|blamed)\s+(?:the\s+)?(?:US|U\.S\.|United\s+States|"
    r"America|Washington|South\s+Korea|Seoul|Japan|Tokyo)\s+(?:of|for)\b",
)
# The same accusation in a Korean or Japanese headline: the accused state as the object of 非難, 비난 later in the
# sentence, the DPRK not its subject (北朝鮮に「集中的なサイバー攻撃」、米国などを非難; eleventh round)
_ACCUSES_CJK = re.compile(
    r"(?:米国|アメリカ|米|韓国|南朝鮮|日本|米韓|韓米)(?:など|ら)?を(?:非難|糾弾)"
    r"|(?:미국|한국|남조선|일본|한미|미한)\s?(?:등)?을?를?\s?(?:비난|규탄)"
)
_CJK_AGENT_PARTICLE = re.compile(r"\s?(?:が|は|이|가|은|는)")
