"""The DPRK word as a topic, not the actor: sanctions on it (대북제재 관련부서, 北朝鮮制裁委員会; unless the sanctions'
report tells of its cyber revenue or laundering), a lure document or information about it, a site that covers it,
its troop deployment as the occasion of others' attacks, its news as a scam's bait, a game mocking it, hackers who
sympathise with it, its defectors whose data was breached, those who work for its people's rights (북한인권단체).
signals.py skips such a DPRK word when it pairs signals.
"""

from __future__ import annotations

import re

from bot.tagging.judge.dprk_victim import agent_after
from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit


def a_topic(ctx: Context, hit: Hit, s: int) -> bool:
    """The DPRK word names a topic: sanctions on it (대북제재 관련부서, 北朝鮮制裁委員会), a lure document or
    information about it (북한 관련 문서로 위장한 악성코드, "intelligence on North Korea"), or its defectors whose data
    was breached ("steal data of 1,000 North Korean defectors", as 북한이탈주민 개인정보 유출)."""
    if _SANCTIONS_TOPIC.match(ctx.text, hit.end) and not _REVENUE.search(ctx.sent_text(s)):
        return True
    if _LURE_TOPIC_AFTER.match(ctx.text, hit.end) or _INFO_ON_BEFORE.search(
        ctx.text, max(0, hit.start - 30), hit.start
    ):
        return True
    if _TITLED_BEFORE.search(ctx.text, max(0, hit.start - 200), hit.start) or _TITLED_AFTER.match(ctx.text, hit.end):
        return True  # attachments titled "Briefing on ... North Korea visit", '북한 정세'라는 제목의: a lure's title
    if _WATCHERS_AFTER.match(ctx.text, hit.end):
        return True  # 북한전문 웹사이트, 北朝鮮専門サイト: those who cover the DPRK, not the DPRK
    if _DEPLOYMENT_AFTER.match(ctx.text, hit.end):
        return True  # "in the wake of North Korea's troop deployment to Russia", 북한의 러시아 파병: its topic
    sentence = ctx.sent_text(s)
    if any(w in sentence for w in _BAIT_WORDS) and _BAIT.search(sentence) and not agent_after(ctx, hit):
        return True  # 장성택 숙청 사태와 관련해 ... 관심을 이용해 ... 스미싱: its news as the bait of a scam
    if _MOCKED_OR_SUPPORTED_BEFORE.search(ctx.text, max(0, hit.start - 30), hit.start) or _MOCKED_AFTER.match(
        ctx.text, hit.end
    ):
        return True  # "a game making fun of North Korea's leader", "hackers who sympathize with North Korea"
    return bool(
        _EN_DEFECTORS_AFTER.match(ctx.text, hit.end)
        and _DATA_OF_BEFORE.search(ctx.text, max(0, hit.start - 40), hit.start)
    )


# The DPRK inside a quoted title (thirteenth round): "attachments titled “Briefing on ... North Korea visit,” and
# “Itinerary of ...”", 제목은 '북한 ...', 件名「北朝鮮...」; or before 라는 제목의 / という件名: a lure's title, its
# topic
_OPEN, _CLOSE, _DOUBLE_CLOSE = "“\"‘'「『", "”\"’'」』", '”"」』'  # inside a title, ’ is an apostrophe
_TITLED_BEFORE = re.compile(
    rf"(?:\b(?:titled|entitled|named|headlined|subject(?:\s+lines?)?(?:\s+of)?)\s*:?\s*|제목(?:은|이|의)?\s?|(?:件名|題名)(?:は|が)?)"
    rf"(?:[{_OPEN}][^{_DOUBLE_CLOSE}\n]{{0,80}}[{_CLOSE}],?\s*(?:and\s+|or\s+)?)*[{_OPEN}][^{_DOUBLE_CLOSE}\n]{{0,80}}$",
    re.IGNORECASE,
)
_TITLED_AFTER = re.compile(rf"[^{_CLOSE}\n]{{0,60}}[{_CLOSE}](?:이?라는|という)\s?(?:제목|件名|題名|タイトル|表題)")
_EN_DEFECTORS_AFTER = re.compile(r"\s+defectors?\b", re.IGNORECASE)
_DATA_OF_BEFORE = re.compile(
    r"\b(?:data|information|details|records|files)\s+(?:of|on|about)\s+(?:[\w,.]+\s+){0,3}?$", re.IGNORECASE
)
# The DPRK as the topic of a lure document or of information (eleventh round): "북한 관련 문서로 위장한", "북한 내용
# 담은 문서", "北朝鮮関連の文書", "North Korea-themed documents", "intelligence on North Korea".
_LURE_TOPIC_AFTER = re.compile(
    r"\s?(?:관련|내용)(?:을|이)?\s?(?:담은|된)?\s?(?:[\uac00-\ud7a3]{1,4}\s?)?(?:문서|파일|자료|메일|이메일|워드)"
    r"|(?:関連|に関する)の?(?:文書|ファイル|資料|メール)"
    r"|[-\s](?:themed|related)\s+(?:documents?|files?|lures?|e-?mails?|decoys?)\b",
    re.IGNORECASE,
)
# The DPRK mocked or supported by others (twelfth round): "a game making fun of North Korea's leader", "a parody of",
# "hackers who sympathize with North Korea", "pro-North Korean hackers", 친북 해커: not the DPRK acting
_MOCKED_OR_SUPPORTED_BEFORE = re.compile(
    r"\b(?:mak(?:es|ing)\s+fun\s+of|mocking|mocks|mocked|ridiculing|lampoon\w*|satiri[sz]\w*|"
    r"parod(?:y|ies|ying)\s+of|sympathi[sz]\w*\s+with|loyal\s+to|in\s+support\s+of)\s+(?:the\s+)?$"
    r"|\b[Pp]ro-$|친$",
    re.IGNORECASE,
)
_WATCHERS_AFTER = re.compile(
    r"\s?(?:전문\s?(?:매체|웹사이트|사이트|언론|뉴스|기자|지|연구)|専門(?:サイト|メディア|誌|紙|ニュース|家))"
    # sixteenth round: those who work for its people's rights (북한인권단체, 北朝鮮人権団体, North Korean human rights)
    r"|\s?(?:인권\s?(?:단체|활동가|운동가|운동|센터|기관|관계자|단체들)|人権(?:団体|活動家|NGO))"
    r"|(?:'s|’s)?\s+human[\s-]+rights\s+(?:groups?|activists?|organi[sz]ations?|advocates?|NGOs?)\b",
    re.IGNORECASE,
)
_DEPLOYMENT_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:(?:troop|troops|military)\s+(?:deployment|dispatch)|(?:deployment|dispatch)\s+of\s+(?:its\s+)?"
    r"(?:troops|soldiers))|의?\s?(?:러시아\s?)?파병|(?:の)?(?:ロシア)?派兵",
    re.IGNORECASE,
)
# its news as the bait of a scam or lure (twelfth round): 관심을 이용해, 이슈를 악용한, 話題に便乗, "capitalizing on"
_BAIT_WORDS = ("관심", "이슈", "소식", "화제", "話題", "関心", "apitali")  # "apitali": Capitalizing or capitalizing
_BAIT = re.compile(
    r"(?:관심|이슈|소식|화제)(?:을|를)?\s?(?:이용|악용)|話題に便乗|(?:関心|話題)を悪用|\bcapitali[sz]\w*\s+on\b",
    re.IGNORECASE,
)
_MOCKED_AFTER = re.compile(r"(?:'s|’s)?\s+(?:parody|parodies|satire|spoof|comedy|comedies)\b", re.IGNORECASE)
_INFO_ON_BEFORE = re.compile(
    r"\b(?:intelligence|information|data|documents?|files?)\s+(?:on|about)\s+(?:the\s+)?$", re.IGNORECASE
)
_SANCTIONS_TOPIC = re.compile(r"(?:한)?\s?(?:의\s?)?제재(?!를?\s?회피)|(?:の)?制裁(?!逃れ|回避)")
# the sanctions' report telling of the DPRK's cyber revenue ("対北朝鮮制裁の報告書「サイバー攻撃が重要収入源」"): the
# DPRK is the actor after all
_REVENUE = re.compile(
    r"収入源|資金源|外貨稼ぎ|수입원|자금원|돈줄|외화벌이|source of (?:revenue|income|funds)"
    # or of its laundering of stolen crypto ("暗号資産230億円を資金洗浄=北朝鮮制裁パネルが報告")
    r"|資金洗浄|マネーロンダリング|マネロン|자금\s?세탁|launder\w*"
    r"|トルネードキャッシュ|토네이도\s?캐시|tornado\s+cash|ミキサー|믹서|\bmixers?\b",
    re.IGNORECASE,
)
