"""The DPRK only as the background of a breach whose attacker the text says is not known: "북한 해킹 조직은 과거
정부기관 ... 을 대상으로 사이버 공격을 행한 전력이 있다 ... 공격자 등에 대해서는 특정되지 않은 것으로", "North Korean
hackers have a history of targeting banks ... the attacker has not been identified".

Rules: a text with no DPRK actor, that says its attacker is not (yet) identified (or that the authority said nothing
of who was behind it: "背後関係には触れなかった"), and whose every DPRK signal stands in a sentence of past record
("전력이 있다", "has a history of", "前歴がある", "have previously", "これまで起きた攻撃", "is known for") or names
the DPRK as where someone lives or came from ("北朝鮮内にいる家族", "North Korean defectors") is about someone else's
breach: signals.py then pairs no DPRK signal with a cyber word (it stays dprk_related). A text that names the DPRK
as the suspect in any other sentence is untouched.
"""

from __future__ import annotations

import re

from bot.tagging.judge.dprk_topic import a_topic
from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit

_UNIDENTIFIED = re.compile(
    r"(?:공격자|배후|해커|주체)[^.!?。\n]{0,20}?(?:특정되지\s?않|특정하지\s?못|밝혀지지\s?않|확인되지\s?않)"
    r"|(?:攻撃者|犯人|背後)[^。\n]{0,20}?(?:特定されていない|特定されておらず|分かっていない|判明していない)"
    # the authority said nothing of who was behind it: 背後関係には触れなかった, 배후는 밝히지 않았다
    r"|背後(?:関係)?(?:に|には|は|を)?\s?(?:触れなかった|触れていない|明らかにしていない|明らかにしなかった)"
    r"|배후(?:는|를|에\s?대해서는)?\s?(?:밝히지\s?않|언급하지\s?않)"
    # who did it is not known (thirteenth round): 誰による犯行かは不明, 누구의 소행인지 불분명
    r"|誰(?:による|の)(?:犯行|もの|仕業|攻撃)か[^。\n]{0,12}?(?:不明|分かっていない|明らかになっていない)"
    r"|누구의\s?(?:소행|짓)인지[^.!?\n]{0,12}?(?:불분명|불확실|알려지지\s?않|밝혀지지\s?않|확인되지\s?않)"
    r"|\b(?:it\s+is|it\s+was|it's)\s+(?:not\s+(?:yet\s+)?known|unclear|unknown)\s+who\b"
    r"|\b(?:attacker|culprit|perpetrator|hackers?)s?\b[^.!?\n]{0,30}?\b(?:not\s+(?:yet\s+)?(?:been\s+)?identified|"
    r"unknown|unidentified)\b"
    r"|\b(?:did\s+not|didn't|has\s+not|have\s+not|declined\s+to|would\s+not)\s+(?:yet\s+)?(?:identify|name)\s+"
    r"(?:the\s+)?(?:hackers|attackers|culprits?|perpetrators?|those\s+responsible)\b",
    re.IGNORECASE,
)
_RECORD = re.compile(
    r"전력이\s?있|전례가\s?있|前歴がある|前歴があ|経緯がある|\bhas\s+a\s+(?:long\s+)?history\s+of\b"
    r"|\bhave\s+a\s+(?:long\s+)?history\s+of\b|\b(?:have|has)\s+previously\b|\bin\s+the\s+past\b"
    r"|これまで(?:に)?(?:起きた|起こった|の)|과거(?:에도|에)?\s|\b(?:is|are)\s+known\s+(?:for|to)\b",
    re.IGNORECASE,
)


def only_as_background(ctx: Context, dprk: list[Hit], actors: int) -> bool:
    """True when the DPRK appears only in sentences of past record, in a text whose attacker is not identified."""
    if actors or not dprk or not _UNIDENTIFIED.search(ctx.text):
        return False
    return all(
        _RECORD.search(ctx.sent_text(ctx.sent(hit.start)))
        or _a_place(ctx, hit)
        or _REACTION.match(ctx.text, hit.end)
        or a_topic(ctx, hit, ctx.sent(hit.start))  # 北朝鮮制裁委: a body named after it (thirteenth round)
        for hit in dprk
    )


# The DPRK reacting (thirteenth round): "北朝鮮はこれに反発し", "북한은 이에 반발해", "North Korea protested": a party's
# reaction (a possible motive, at most), not an act
_REACTION = re.compile(
    r"(?:は|が|은|는|이|가)?\s?[^。.\n]{0,8}?(?:反発|抗議|반발|항의)|\s+(?:protested|objected|has\s+protested)\b",
    re.IGNORECASE,
)


def _a_place(ctx: Context, hit: Hit) -> bool:
    """The DPRK as where someone is, fled or came from: "北朝鮮内にいる家族", "relatives in North Korea", "North Korean
    defectors"."""
    return bool(
        _PLACE_AFTER.match(ctx.text, hit.end) or _PLACE_BEFORE.search(ctx.text, max(0, hit.start - 8), hit.start)
    )


_PLACE_AFTER = re.compile(
    r"内に|国内に|に(?:いる|住む|残)|에\s?(?:있는|사는|남은|남아)|\s?내\s?(?:가족|친척)"
    r"|\s+defectors?\b|\s?(?:이탈주민|脱出住民)"  # the people who fled it (twelfth round)
)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|inside|flee|fled|flees|fleeing|escape|escaped|escaping)\s+(?:the\s+)?$", re.IGNORECASE
)
