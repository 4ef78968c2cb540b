"""An expert quoted on the attack is no victim: "said Kim, a professor at Korea University", "Korea University
professor Kim said", "고려대 정보보호대학원 김 교수는 ... 고 말했다", "高麗大学のキム教授は「…」と話した".

Rules: a think-tank or academia noun is the speaker's affiliation when
- in English, it follows "said/says/according to NAME, a professor (researcher, fellow, scholar, lecturer) at", or
  precedes "professor NAME said";
- in Korean or Japanese, a title (교수, 연구위원, 教授, 研究員...) with a topic or subject particle follows it in its
  clause, its sentence goes on to a verb of saying (고 말했다, と話した, と指摘した...), and no target word stands
  between the start of its sentence and the noun ("표적이 된 고려대 김 교수는 ... 말했다" stays a victim);
- any sector's noun credited in parentheses right after a quote (「…」(全国紙国際部記者)) is the speaker's.
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.sectors.cjk_sources import sentence_after
from bot.tagging.words import lexicon_cjk

_TITLES = r"(?:professor|associate professor|researcher|research fellow|senior fellow|fellow|scholar|lecturer)"
_EN_BEFORE = re.compile(
    r"\b(?:said|says|according\s+to|told)\s+(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+,\s+(?:an?\s+|the\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}{_TITLES}\s+(?:at|of|with|from)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}$",
    re.IGNORECASE,
)
_EN_AFTER = re.compile(
    rf"^(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}{_TITLES}\s+(?:[A-Z][\w.'’-]*\s+){{1,3}}(?:said|says|told|explained|noted)\b",
)
_TITLE_WORDS = r"(?:교수|연구위원|연구원|전문위원|박사|원장|소장|教授|研究員|研究委員|専門家|博士|所長|院長)"
_CJK_TITLE = re.compile(rf"[^。、,.\n]{{0,30}}?{_TITLE_WORDS}(?:은|는|이|가|は|が)")
_IS_TITLE = re.compile(rf"{_TITLE_WORDS}$")
_PARTICLE = re.compile(r"(?:은|는|이|가|は|が)")
_CJK_SAID = re.compile(
    r"(?:고|라고|다며|라며)\s?(?:말했|밝혔|설명했|지적했|분석했|강조했|전망했|우려했)|"
    r"と(?:話|述べ|指摘|分析|説明|語|強調|見る|みる|警告|し[たてま])"
)
# An official of the body speaking: "관계자는", "関係者は" right after the noun (past a name: "IT会社の…の関係者は").
_OFFICIAL = re.compile(
    r"[^。、,.\n]{0,16}?(?:관계자|당국자|책임자|関係者|当局者|責任者)(?:\s?[\uac00-\ud7a3A-Za-z·]{1,10})?(?:은|는|이|가|は|が)"
)  # "에디슨전기연구소(EEA)의 보안분야 책임자 스콧 에런슨은": an official, past a name
CLAUSE_BACK = 60  # characters before the noun where a target word makes it a victim after all
# A speaker credited in parentheses right after a quote: 「…」(全国紙国際部記者), "…" (한 대학 교수).
_QUOTE_CREDIT = re.compile(r"[」』”\"]\s?[(（][^()（）」』\n]*$")
CREDIT_BACK = 20  # characters of the credit before the noun
_PAREN_TITLE = re.compile(rf"[^()（）\n]{{0,20}}?{_TITLE_WORDS}\s?[)）]")


def commentator(ctx: Context, hit: Hit) -> bool:
    """True when the think-tank or academia noun is a quoted expert's affiliation, or any sector's noun is that of a
    quoted official ("政府関係者は「…」とした", "IT会社の関係者は", "정부 관계자는 … 말했다")."""
    if hit.tok_start < 0 and _official(ctx, hit) and _quoted_after(ctx, hit):
        return True
    if _PAREN_TITLE.match(ctx.text, hit.end) and "(" in ctx.text[max(0, hit.start - CREDIT_BACK) : hit.start]:
        return True  # <녹취> 김승주(고려대 정보보호대학원 교수) : the speaker's affiliation in parentheses
    if _QUOTE_CREDIT.search(ctx.text, max(0, hit.start - CREDIT_BACK), hit.start):
        return True  # 「…」(全国紙国際部記者): the speaker credited after the quote
    if hit.value != "think-tanks-academia":
        return False
    if hit.tok_start >= 0:
        start = ctx.starts[ctx.sent(hit.start)]
        return bool(_EN_BEFORE.search(ctx.text, start, hit.start) or _EN_AFTER.match(ctx.text[hit.end : hit.end + 80]))
    titled = _IS_TITLE.search(hit.text) and _PARTICLE.match(ctx.text, hit.end)  # 연구원은 ... 말했다
    if not (titled or _CJK_TITLE.match(ctx.text, hit.end)):
        return False
    return _quoted_after(ctx, hit)


def _official(ctx: Context, hit: Hit) -> bool:
    """ "정부 관계자는", "IT会社の…の関係者は", "政府関係者は" (the official inside the noun)."""
    if _OFFICIAL.match(ctx.text, hit.end):
        return True
    return hit.text.endswith(("관계자", "당국자", "関係者", "当局者")) and bool(_PARTICLE.match(ctx.text, hit.end))


def _quoted_after(ctx: Context, hit: Hit) -> bool:
    """No target word before the noun in its sentence, and a verb of saying after it."""
    before = re.split(r"[.!?。\n]", ctx.text[max(0, hit.start - CLAUSE_BACK) : hit.start])[-1]
    if any(t in before for t in lexicon_cjk.TARGET):
        return False
    return bool(_CJK_SAID.search(sentence_after(ctx, hit)))
