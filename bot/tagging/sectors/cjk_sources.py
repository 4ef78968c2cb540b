"""Korean and Japanese markers that make a sector noun the bait, the source or the speaker, not a victim (issue 16);
sectors/find.py calls cjk_lure_or_source for every Korean or Japanese sector noun.

Rules:
- A noun with an impersonation marker later in its clause (a list may lie between), no target word before it, is
  the bait ("통일부 산하 ... 직원을 사칭한", "VOA 기자, NYT 채용담당자로 위장", "기자라고 소개하며",
  "政府機関であるかのように", "한 통신사가 보낸 것처럼 위장한").
- A body whose own sentence goes on to what an issuer does (a statement, an advisory, a sanction listing, urging
  caution), no attack word in between, speaks ("통일부는 성명에서", "외교부가 ... 독자제재 대상으로 지정").
- With a lure or source marker after it ("통일부를 사칭한", "보안업체에 따르면"), a negation ("정부·기관이 아닌"), a
  DPRK possessor and no target word ("北朝鮮のビットコイン保有量"), a route marker in its clause ("해킹에 이용됐는데",
  "踏み台"), a capability as the topic ("の能力"), or, for a court, an act of the court in its clause ("법원은 ...
  영장을 발부했다", "無罪を宣告"), it is not a victim; nor is the topic of a reporting verb ("언론들은 ... 보도했다"),
  an outlet cited past its name, a DPRK hacking unit's name (110호 연구소), an outlet after a dash ending a quoted
  headline ("... 해킹 - 중앙일보"), a byline or column tag in square brackets, or another sector's institute
  described as a policy institute ("国策研究機関の韓国原子力研究院").
- A body whose sentence only says it was exposed to a risk ("...도 유사한 해킹 위험에 노출됐다", "해킹당할 수 있는
  위기에 놓였다"), no attack on it before, was not hit; bodies attending a meeting ("14개 부처가 참석한") are issuers.
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.words import lexicon_cjk

LURE_CLAUSE = 20  # characters after a Korean/Japanese sector noun that its lure marker may follow in


def lure_later_in_clause(rest: str) -> bool:
    """ "통일부 산하 ... 직원을 사칭한", "VOA 기자, NYT 채용담당자로 위장": an impersonation marker later in the
    clause (a list may lie between), no target word before it. The role posed as, the word just before the
    marker, is the bait's own name: a target word inside it ("채용담당자로 위장") makes no victim."""
    found = [at for at in (rest.find(m) for m in lexicon_cjk.LURE_LATER) if at >= 0]
    if not found:
        return False
    at = min(found)
    before = rest[:at].rstrip()
    cut = before.rfind(" ")  # Korean spacing; Japanese has no spaces, its clause stays whole
    if cut >= 0 and (not rest[at - 1].isspace() or before.endswith(("를", "을"))):  # the role posed as, its object
        before = before[:cut]
    return not any(t in before for t in lexicon_cjk.TARGET)


_PERPETRATOR = re.compile(r"해킹\s?(?:조직|그룹|단체)|ハッカー集団|ハッキング集団")


def issuer(ctx: Context, hit: Hit) -> bool:
    """ "통일부는 성명에서", "외교부가 ... 제재 대상으로 지정", "외교부와 국가정보원 ... 공동으로 주의보를 내고":
    a Korean/Japanese body whose own sentence goes on to what an issuer does, no attack word in between."""
    ahead = re.split(r"[.!?。\n]", ctx.text[hit.end : hit.end + lexicon_cjk.ISSUER_REACH])[0]
    ahead = _PERPETRATOR.sub("", ahead)  # "해킹조직을 ... 제재 대상으로": who is sanctioned, not an attack on the body
    acts = [at for at in (ahead.find(m) for m in lexicon_cjk.ISSUER_ACTS) if at >= 0]
    return bool(acts) and not any(t in ahead[: min(acts)] for t in lexicon_cjk.TARGET)


_COUNTED = re.compile(r"\s?(?:\d+|수십|수백|수천|십수|수)\s?여?\s?명의")  # 40여 명의, 수십 명의 (sixteenth round)


OUTLET_NAME = 20  # characters of an outlet's name between a media noun and its source marker
# the topic of its sentence (독일 언론들은 ... 보도했다), past a bracket that names it again (新聞(…新聞社)は; 14th)
_CJK_SPEAKER = re.compile(r"[)）]?(?:(?:들)?(?:은|는)\s|(?:ら|たち)?(?:では|は))")  # 研究者らは (sixteenth round)
# an outlet's quoted name between the noun and its topic particle (북한전문매체 'NK뉴스'는 ... 보도했다; thirteenth)
_QUOTED_OUTLET = re.compile(r"\s?['‘\"“「][^'’\"”」\n]{1,20}['’\"”」]\s?(?:은|는|が|は)\s?")
_CJK_SAID = re.compile(
    r"(?:다고|라고|다며|라며|[”\"’']\s?(?:이라|라)?고|[”\"’']\s?(?:이라|라)?며)\s?"  # “...”고 밝혔다 (25th round)
    r"(?:전했|보도했|밝혔|말했|설명했|주장했|지적했|덧붙였|경고했|발표했|강조했)"
    r"|と(?:報じ|伝え|述べ|明らかにし|発表し|分析)|(?:分析|調査)結果を(?:発表|公表)"  # fourteenth round: analysts
    r"|ことを(?:明らかにし|発表し|突き止め)"  # sixteenth round: "...によって組織されたことを明らかにした"
)


# The subject of an analysis that ends its sentence (twenty-fourth round): the analyst, not the victim
# (a name's rest may follow the noun: 고려대학교 정보보호대학원(원장 ...)이), or that holds a briefing on it
_ANALYST = re.compile(r"[^\s,.。·]{0,6}(?:\s[^\s,.。·]{1,10})?\s?(?:\([^()\n]{1,20}\))?(?:이|가|은|는)\s")
_ANALYSES = re.compile(
    r"(?:분석(?:한다|했다|하고\s?있다|할\s?예정이다|에\s?나섰다|에\s?착수했다)|보고한다|보고했다"
    r"|보고회를?\s?(?:개최한다|개최했다|연다|열었다|개최할\s?예정이다))[.\s]*$"
)


def _aimed_before(ctx: Context, hit: Hit) -> bool:
    """A target word earlier in the speaker's sentence: "북한 해커의 표적이 된 고려대 김 교수는 "..."고 말했다" is a
    victim who speaks."""
    before = re.split(r"[.!?。\n]", ctx.text[max(ctx.starts[ctx.sent(hit.start)], hit.start - 60) : hit.start])[-1]
    return any(t in before for t in lexicon_cjk.TARGET)


def sentence_after(ctx: Context, hit: Hit) -> str:
    """The rest of the hit's sentence (a Japanese paragraph runs on: 。 takes no space)."""
    return re.split(r"(?<=[.!?。])\s|\n", ctx.text[hit.end : hit.end + 300], maxsplit=1)[0]


def _outlet_cited(after: str) -> bool:
    clause = re.split(r"[,.!?。、，\n]", after)[0]
    for marker in lexicon_cjk.SOURCE_CITED:
        at = clause.find(marker)
        if 0 <= at <= OUTLET_NAME and not any(t in clause[:at] for t in lexicon_cjk.TARGET):
            return True
    return False


_AFFILIATION = re.compile(
    rf"\s?(?:{'|'.join(lexicon_cjk.AFFILIATION)})\s?(?:의|の)?\s?[^\s,.。、]{{0,6}}?(?:해커|해킹|ハッカー|ハッキング)"
)


def cjk_lure_or_source(ctx: Context, hit: Hit) -> bool:
    """Korean/Japanese markers: 통일부를 사칭한, 가짜 ... 스타트업, 研究員を名乗り, 보안업체에 따르면; the DPRK's own
    (北朝鮮のビットコイン); a court acting (법원은 ... 영장을 발부했다)."""
    outlet = hit.value == "media" and _QUOTED_OUTLET.match(ctx.text, hit.end)  # 북한전문매체 'NK뉴스'는 ... 보도했다
    if (
        (_CJK_SPEAKER.match(ctx.text, hit.end) or outlet)
        and _CJK_SAID.search(sentence_after(ctx, hit))
        and not _aimed_before(ctx, hit)
    ):
        return True  # "다른 언론은 ... 해킹대상이었다고 전했다", "CNNは...と報じた": who reports it
    if _ANALYST.match(ctx.text, hit.end) and _ANALYSES.search(sentence_after(ctx, hit)):
        return True  # "고려대 정보보호대학원(원장 ...)이 ... 벌인 해킹을 심층 분석한다": who analyses it (24th round)
    if hit.value == "media" and _outlet_cited(ctx.text[hit.end : hit.end + OUTLET_NAME + 8]):
        return True  # "정치 전문매체 더힐에 따르면": the outlet, past its name, is the source
    after = _COUNTED.sub("", ctx.text[hit.end : hit.end + 14])[:10]  # "40여 명의 PC": people counted, not 명의 (a name)
    clause = re.split(r"[,.!?。、，\n]", ctx.text[max(0, hit.start - 14) : hit.start])[-1]
    rest = re.split(r"[,.!?。、，\n]", ctx.text[hit.end : hit.end + LURE_CLAUSE])[0]
    listed = re.split(r"[.!?。\n]", ctx.text[hit.end : hit.end + 2 * LURE_CLAUSE])[0]  # a list may lie between
    before = ctx.text[max(0, hit.start - 8) : hit.start].rstrip()
    if before.endswith(lexicon_cjk.OWN_BEFORE) and not any(t in rest for t in lexicon_cjk.TARGET):
        return True  # 北朝鮮のビットコイン保有量: the DPRK's own (not 북한의 발전소 해킹: its attack)
    if _route_later(listed):
        return True  # 대학 서버는 ... 해킹에 이용됐는데, 大学のサーバーを踏み台に: the route, not a victim
    if _unit_name(ctx, hit) or _cited_outlet(ctx, hit):
        return True  # 110호 연구소 (the DPRK's hacking unit); "... 해킹 - 중앙일보" (a headline's outlet)
    if _in_bracket_tag(ctx, hit):
        return True  # [김기자의 Defence], [금융 보안 특집]: a byline or a column's tag, not a victim
    if hit.value == "think-tanks-academia" and _OTHER_INSTITUTE.match(ctx.text, hit.end):
        return True  # 国策研究機関の韓国原子力研究院, 국책연구기관인 원자력연구원: another sector's institute described
    if hit.value == "think-tanks-academia" and _DPRK_MINISTRY.search(ctx.text, max(0, hit.start - 12), hit.start):
        return True  # 북한 외무성 미국연구소 연구사 명의의 담화: the DPRK's own institute speaks (fourteenth round)
    if _PURPOSE_AFTER.match(ctx.text, hit.end):
        return True  # 북한이 해군 군사력 강화를 위해 ... 해킹: what the theft is for, the DPRK's own (sixteenth round)
    skill = _SKILL_AFTER.match(ctx.text, hit.end)
    if skill and not any(t in skill.group() for t in lexicon_cjk.TARGET):
        return True  # 암호화폐 및 블록체인 기술에서 전문가 수준의 역량: a job seeker's skills (eighteenth round)
    if _only_exposed(sentence_after(ctx, hit)):
        return True  # 금융회사 등 160여 개 기관도 유사한 해킹 위험에 노출됐다: at risk, not hit (sixteenth round)
    court = re.split(r"[,.!?。、，\n]", ctx.text[hit.end : hit.end + 2 * LURE_CLAUSE])[0]
    if hit.value == "judiciary" and any(m in court for m in lexicon_cjk.COURT_ACTS):
        return True  # 법원은 ... 영장을 발부, 사법당국은 ... 기소: the court acts
    return (
        any(m in after[:8] for m in lexicon_cjk.LURE_AFTER)
        or lure_later_in_clause(listed)
        or issuer(ctx, hit)
        or any(m in clause for m in lexicon_cjk.LURE_BEFORE)
        or any(m in after[:7] for m in lexicon_cjk.SOURCE_AFTER)
        or (any(after.startswith(m) for m in lexicon_cjk.NOT_THIS) and not after.startswith(lexicon_cjk.SUSPECTED))
        or bool(_AFFILIATION.match(ctx.text, hit.end, hit.end + 20))
        or any(after.lstrip().startswith(m) for m in lexicon_cjk.TOPIC_AFTER)
        or after.startswith(lexicon_cjk.CAPACITY_AFTER)
    )


# A programme the attack serves: "(해군) 군사력 강화를 위해", "(海軍)力の強化のため", "to strengthen its navy"
# (eighteenth round) the programme pushed, "'해군 무력' 강화에 매진하고 있는 북한"; what a leader inspects, "김정은은
# 해군부대를 직접 시찰"
_PURPOSE_AFTER = re.compile(
    r"\s?[’']?\s?(?:(?:군사력|무력|전력|능력|방위력|역량|戦力|軍事力|武力|能力|力)(?:의|の)?\s?[’']?\s?)?"
    r"(?:강화|증강|확충|현대화|強化|増強|近代化)"
    r"(?:(?:를|을|の)?\s?(?:위해|위한|ため)|에\s?(?:매진|주력|나서|힘을)|に(?:注力|力を))"
    r"|\s?(?:부대|基地)?(?:를|을|を)?\s?(?:직접\s?)?(?:시찰|현지지도|視察)"
)
# Skills claimed: "(암호화폐 및 블록체인) 기술에서 전문가 수준의 역량", "…分野での経験", "개발 경력"
_SKILL_AFTER = re.compile(
    r"[^,.!?。、，\n]{0,16}?(?:기술|개발|분야|技術|開発|分野)\s?(?:에서|에|での|の)?\s?(?:의\s?)?"
    r"(?:전문가\s?수준|전문성|역량|경력|실무\s?경험|경험|専門知識|経験|スキル)"
)
_EXPOSED = re.compile(
    r"(?:위험|위협|위기|リスク|危険|脅威)(?:에|に)\s?(?:노출|처해|처했|처한|놓였|놓여|놓인|さらされ|晒され)"
)
# the attack that only names the risk: 해킹 위험, 攻撃の危険, 언제라도 해킹당할 수 있는 (could be hacked)
_RISK_OF = re.compile(
    r"(?:해킹|공격|ハッキング|攻撃)\s?(?:의\s?|の)?(?:위험|위협|リスク|危険|脅威)"
    r"|(?:해킹|공격|침투)\s?(?:당할|받을|될)\s?수\s?(?:도\s?)?있는"
)


def _only_exposed(after: str) -> bool:
    """ "...도 유사한 해킹 위험에 노출됐습니다", "攻撃の危険にさらされている": the noun's sentence says it was exposed
    to a risk, with no attack on it before (an attack word that only names the risk does not count)."""
    after = re.split(r"[.!?。\n]", after, maxsplit=1)[0]  # its own sentence: a Japanese one runs on past 。
    exposed = _EXPOSED.search(after)
    if exposed is None:
        return False
    before = _RISK_OF.sub("", after[: exposed.end()])
    return not any(t in before for t in lexicon_cjk.TARGET)


# the DPRK's foreign ministry (South Korea's is 외교부) owning the institute named next: "외무성 미국연구소"
_DPRK_MINISTRY = re.compile(r"외무성\s?(?:산하\s?)?[가-힣]{0,6}$")
_OTHER_INSTITUTE = re.compile(
    rf"(?:の|인|이자)\s?[^\s,.。、]{{0,6}}?(?:{'|'.join(lexicon_cjk.SECTOR_INSTITUTE_BEFORE)})(?:研究|연구)"
)


def _route_later(listed: str) -> bool:
    """A route marker later in the noun's sentence, no target word between but the one the marker governs
    ("대학 서버는 ... 방위산업체 해킹에 이용됐는데", "IT 유지보수업체 PC를 점거해 우회 침투"; not "조선업체 해킹
    시도…IT 보수업체 PC통해 우회침투", where the noun was the target)."""
    found = [at for at in (listed.find(m) for m in lexicon_cjk.ROUTE_LATER) if at >= 0]
    if not found:
        return False
    between = listed[: min(found)].rstrip().rsplit(" ", 1)[0]  # less the word the marker governs (해킹에 이용됐)
    return not any(t in between for t in lexicon_cjk.TARGET)


_CITED_OUTLET = re.compile(r"\s[-–]\s?\S*$")


def _cited_outlet(ctx: Context, hit: Hit) -> bool:
    """ "[단독]北추정, 방산업체 해킹 - 한국일보": an outlet after a dash at the end of a quoted headline's line."""
    at_line_end = hit.end >= len(ctx.text) or ctx.text[hit.end] == "\n"
    return at_line_end and bool(_CITED_OUTLET.search(ctx.text, max(0, hit.start - 12), hit.start))


# A numbered unit: 227연구소, 110호 연구소, 180部隊 (the DPRK numbers its hacking units; nineteenth round)
_NUMBERED = re.compile(r"(?<![\d,.])\d{2,4}\s?(?:호|号)?\s?$")


def _unit_name(ctx: Context, hit: Hit) -> bool:
    """The noun is part of a DPRK hacking unit's name (110호 연구소, 180部隊, 227연구소)."""
    if _NUMBERED.search(ctx.text, max(0, hit.start - 8), hit.start):
        return True
    for unit in lexicon_cjk.HACKING_UNITS:
        at = ctx.text.find(unit, max(0, hit.start - len(unit)), hit.end + len(unit))
        if at >= 0 and at <= hit.start and hit.end <= at + len(unit):
            return True
    return False


BRACKET_REACH = 20  # characters from a bracket's opening to a sector noun inside it, and from the noun to its close


def _in_bracket_tag(ctx: Context, hit: Hit) -> bool:
    """A noun inside square brackets with no target word there: a byline or a column tag ([양기자의 Defence])."""
    opening = ctx.text.rfind("[", max(0, hit.start - BRACKET_REACH), hit.start)
    if opening < 0 or "]" in ctx.text[opening : hit.start] or "\n" in ctx.text[opening : hit.start]:
        return False
    closing = ctx.text.find("]", hit.end, hit.end + BRACKET_REACH)
    inside = ctx.text[opening : closing + 1] if closing >= 0 else ""
    return bool(inside) and "\n" not in inside and not any(t in inside for t in lexicon_cjk.TARGET)
