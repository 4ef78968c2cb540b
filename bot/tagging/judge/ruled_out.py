"""Who a text says it was not: a name (or a DPRK signal) ruled out, framed, or set aside for another state's hackers.

Rules (taxonomy.md: a name counts only where the text says the group did it):
- Negated: "'김수키'가 아닌 중국 해커", "not North Korea but China", "北朝鮮ではなく中国", "rather than the Lazarus".
- Framed by a false flag: "attempted to blame North Korea", "made it look like North Korea", "북한 소행으로 위장",
  "北朝鮮の犯行に見せかけ" (not "the US blames North Korea": an attribution).
- Set aside: a first suspicion (or a name impersonated), then, after a contrast in the sentence or at the start of
  the next, another state's hackers ("당초 김수키 소행으로 알려졌으나 중국 해커 조직으로 추정된다", "initially blamed
  on Kimsuky; analysts now say Chinese hackers"); or another state called more likely than the name ("김수키보다는
  중국 배후 집단일 가능성"). Not when the contrast comes before the name, nor for another state's servers.
- A DPRK signal that modifies a ruled-out name ("북한 해커 그룹 '김수키'가 아닌 중국 해커") is ruled out with it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.words import lexicon_cjk


def ruled_out(ctx: Context, hit: Hit) -> bool:
    """ "'김수키'가 아닌 중국 해커", "not North Korea but China", "北朝鮮ではなく中国": named as who it was not."""
    return _ruled_out_here(ctx, hit) or _negated_elsewhere(ctx, hit)


def _negated_elsewhere(ctx: Context, hit: Hit) -> bool:
    """ "해커 조직이 '김수키'가 아니라 중국 조직으로 추정 ... 김수키 추정 해킹 자료를 분석": a name negated in favour of
    another state's hackers is ruled out in its other mentions too (eighteenth round)."""
    if hit.kind != "alias" or not ctx.hits("other"):
        return False
    negated = ctx.memo.get("negated_aliases")
    if negated is None:  # once per text: a hostile text of thousands of names stays linear
        negated = ctx.memo["negated_aliases"] = {a.value for a in ctx.hits("alias") if _negated(ctx, a)}
    return hit.value in negated


def _negated(ctx: Context, hit: Hit) -> bool:
    """ "'김수키'가 아닌", "not North Korea", "no evidence that North Korea": negated right around the name."""
    after = ctx.text[hit.end : hit.end + NEGATION_REACH]
    return bool(_NOT_AFTER.match(after) or _NOT_BEFORE.search(ctx.text[max(0, hit.start - NEGATION_REACH) : hit.start]))


def _ruled_out_here(ctx: Context, hit: Hit) -> bool:
    after = ctx.text[hit.end : hit.end + NEGATION_REACH]
    framing = ctx.text[max(0, hit.start - FRAMED_REACH) : hit.start]
    return bool(
        _negated(ctx, hit)
        or _DENIED_AFTER.match(ctx.text, hit.end, hit.end + DENIAL_REACH)
        or _FRAMED_BEFORE.search(framing)
        or _FRAMED_AFTER.match(after)
        or superseded(ctx, hit)
        or _rather_another_state(ctx, hit)
    )


def _rather_another_state(ctx: Context, hit: Hit) -> bool:
    m = _RATHER_AFTER.match(ctx.text, hit.end)
    if m is None:
        return False
    return any(m.end() <= o.start <= m.end() + RATHER_REACH for o in ctx.hits("other"))


def superseded(ctx: Context, hit: Hit) -> bool:
    """ "당초 김수키 소행으로 알려졌으나 중국 해커 조직으로 추정된다", "initially blamed on Kimsuky; analysts now say
    Chinese hackers were behind it", "当初はキムスキーの犯行とみられたが、中国のハッカー集団": a first suspicion (or a
    name impersonated), then, after a contrast, another state's hackers: the name was set aside. Not "first blamed
    on China, but now on Lazarus" (the contrast comes before the name), nor Chinese servers (no hackers)."""
    if not ctx.hits("other"):
        return False  # no other state named anywhere: nothing to set the name aside for
    s = ctx.sent(hit.start)
    start = ctx.starts[s]
    contrasts, suspicions = _sentence_marks(ctx, s)
    at = bisect_left(contrasts, (hit.end - start,))
    if at < len(contrasts):
        contrast_start, contrast_end = contrasts[at]
        if not (suspicions and suspicions[0][1] <= contrast_start):
            return False
        if _other_hackers(ctx, s, start + contrast_end):
            return True
        # "프랙은 '김수키'를 범인으로 지목했지만, 전문가들은 물음표를 붙인다. ... "해커는 중국인일 가능성이 높다""
        return s + 1 < len(ctx.starts) and _other_hackers(ctx, s + 1, ctx.starts[s + 1])
    if s + 1 >= len(ctx.starts) or not suspicions:
        return False
    following = ctx.sent_text(s + 1)  # "당초 김수키 소행으로 알려졌다. 그러나 ... 중국 해커"
    return bool(_CONTRAST_START.match(following)) and _other_hackers(ctx, s + 1, ctx.starts[s + 1])


def _sentence_marks(ctx: Context, s: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The contrasts and first suspicions of sentence `s` (offsets in it), found once per sentence: a hostile
    sentence listing thousands of names is read once, not once per name."""
    key = f"marks:{s}"
    if key not in ctx.memo:
        text = ctx.sent_text(s)
        ctx.memo[key] = (
            [m.span() for m in _CONTRAST.finditer(text)],
            [m.span() for m in _FIRST_SUSPICION.finditer(text)],
        )
    return ctx.memo[key]


def _other_hackers(ctx: Context, s: int, after: int) -> bool:
    """Another state's hackers named in sentence `s` after offset `after` ("Chinese hackers", "중국 해커 조직")."""
    return any(
        ctx.sent(other.start) == s
        and other.start >= after
        and (
            bool(_HACKERS_NEAR.match(ctx.text, other.end, other.end + 15))
            or bool(_HACKERS_BEFORE.search(ctx.text, max(after, other.start - 12), other.start))
        )
        for other in ctx.hits("other")
    )


# "해커는 중국인일 가능성", "the hackers were Chinese": the hackers named just before the other state
_HACKERS_BEFORE = re.compile(
    r"(?:hackers?|attackers?|해커|공격자|ハッカー|犯人|범인)\S{0,3}\s?(?:were|was|are|is)?\s?$", re.IGNORECASE
)


# a first suspicion, or a name impersonated
_FIRST_SUSPICION = re.compile(
    r"\b(?:initially|originally|at first|first (?:suspected|blamed|thought|believed|attributed)|impersonat\w*|"
    r"pos(?:ed|ing) as|mimick\w*)\b|당초|처음에?는|알려졌|알려져|거론|의심을? 받|의심됐|지목됐|지목했|추정됐|사칭|"
    r"当初|最初は|とみられ|と見られ|疑われ|なりすま|を装",
    re.IGNORECASE,
)
_CONTRAST = re.compile(
    r"\b(?:but|however|though|although|whereas|now)\b|(?:지만|으나|였으나|됐으나|었으나|졌으나|했으나|반면)|たが|だが|ものの|しかし|が、",
    re.IGNORECASE,
)
_CONTRAST_START = re.compile(r"\s*(?:but|however|yet|그러나|하지만|그런데|しかし|ところが)", re.IGNORECASE)
_HACKERS_NEAR = re.compile(
    r"[^.。\n]{0,6}?(?:hackers?|group|actors?|operators?|gang|APT|해커|해킹\s?조직|해킹\s?그룹|조직|ハッカー|集団|グループ)",
    re.IGNORECASE,
)


NEGATION_REACH = 20  # characters around a name that its negation may span
DENIAL_REACH = 40  # characters after a name where it is denied or called unlikely ("... involvement is unlikely")
FRAMED_REACH = 40  # characters before a name where a false flag's words are read ("attempted to place the blame on")
# "북한 ‘김수키’보다는 중국 배후 집단일 가능성", "北朝鮮よりも中国の可能性": more likely another state than the name
_RATHER_AFTER = re.compile(r"[’'\"」』]?\s?(?:보다는|보다|よりも|より)")
RATHER_REACH = 30  # characters after the comparison where the other state stands
# "북한 아닌", "'김수키'가 아닌", "'김수키'가 아니라 중국 조직", "北朝鮮ではなく"; not "북한 소행이 아닌지" (a
# suspicion: "whether it was not the North's doing"), nor "북한뿐만 아니라" (not only), whose particle stands between
_NOT_AFTER = re.compile(
    r"^[’'\"」』]?\s?(?:해커들?|해킹\s?(?:조직|그룹)|の?ハッカー(?:集団)?)?\s?(?:(?:이|가)?\s?(?:아닌(?![지가])|아니(?:라|고)\b)"
    rf"|(?:で|じゃ)は?な(?:く|い{lexicon_cjk.NOT_A_QUESTION}))"  # not the suspicion "ラザルスではないか"
)
PHRASE_REACH = 12  # characters from a DPRK signal to the name it modifies ("북한 해커 그룹 '김수키'")


def heads_ruled_out_name(ctx: Context, hit: Hit) -> bool:
    """ "북한 해커 그룹 '김수키'가 아닌 중국 해커": the DPRK signal modifies a name that is ruled out."""
    ruled = ctx.memo.get("ruled_out_alias_starts")
    if ruled is None:  # once per text, in text order: a hostile list of names and signals stays linear
        ruled = ctx.memo["ruled_out_alias_starts"] = sorted(a.start for a in ctx.hits("alias") if ruled_out(ctx, a))
    if ruled and ruled[0] <= hit.end:
        return True  # a name ruled out at or before the signal (nothing between them)
    for start in ruled[bisect_right(ruled, hit.end) : bisect_right(ruled, hit.end + PHRASE_REACH)]:
        if not re.search(r"[.,。、\n]", ctx.text[hit.end : start]):
            return True
    return False


# The framed party of a false flag: "attempted to blame North Korea", "made it look like North Korea",
# "북한 소행으로 위장", "北朝鮮の犯行に見せかけ" (not "the US blames North Korea": an attribution).
_FRAMED_BEFORE = re.compile(
    r"\b(?:(?:attempt(?:ed|s|ing)?|tr(?:y|ied|ies|ying)|sought|seeking|meant|designed)\s+to\s+"
    r"(?:blame|frame|implicate|(?:place|put|pin|shift)\s+(?:the\s+)?blame\s+on)"
    r"|to\s+frame|framing|framed|(?:make|made|making)\s+it\s+(?:look|appear)\s+(?:like|as\s+if)(?:\s+it\s+was)?|false[-\s]flags?\s+"
    r"(?:to\s+)?(?:implicate|mimic|point\s+to)|mimick?(?:ed|ing)?|impersonat(?:e|ed|ing)|pos(?:e|ed|ing)\s+as"
    r"|disguised\s+as|masquerad(?:e|ed|ing)\s+as)\s(?:the\s)?$",
    re.IGNORECASE,
)
_FRAMED_AFTER = re.compile(
    # "자신들을 북한과 중국 해커들로 위장해" (thirteenth round): another state listed, hackers in the plural
    r"^\s?(?:(?:과|와|이나|나|및)\s?[가-힣]{1,4}\s?)?(?:의\s?)?(?:해커들?|해킹\s?조직)?\s?(?:의\s?)?(?:소행)?(?:으로|로)"
    r"\s?(?:위장|가장|꾸며|보이게)"
    # "해킹 사실을 북한에 뒤집어씌우려고 했다": the blame pinned on it (twenty-fifth round; AI's 仕業と見せ掛け)
    r"|^\s?(?:의\s?)?(?:소행으로\s?)?(?:에게?|한테)\s?(?:뒤집어\s?씌우|덮어\s?씌우|떠넘기|전가)"
    r"|^(?:の)?(?:ハッカー)?(?:の)?(?:犯行|仕業)?(?:に見せ(?:かけ|掛け)|を装|と見せ(?:かけ|掛け)|に偽装)"
)
_NOT_BEFORE = re.compile(
    r"\b(?:not|rather than|instead of|other than)\s(?:by\s|from\s)?(?:the\s)?$"
    r"|\bnot\s+(?:to\s+)?(?:have\s+)?been\s+(?:the\s+)?$"  # "seems not to have been North Korean hackers after all"
    r"|\bno\s+(?:evidence|sign|indication)s?\s+(?:that|of)\s+(?:the\s+)?$",  # "no evidence that North Korea ..." (19th)
    re.IGNORECASE,
)
# Denied or called unlikely (nineteenth round): "해킹 北 소행 가능성 낮아", "북한 개입 가능성은 희박",
# "北朝鮮の関与の可能性は低い", "北朝鮮が関わった証拠はない", "North Korean involvement is unlikely"
_DENIED_AFTER = re.compile(
    r"[’'\"」』]?\s?(?:의\s?)?(?:해커\s?|해킹\s?조직\s?)?(?:의\s?)?(?:소행|개입|연루|관여)(?:일|이라는|으로\s?볼)?\s?"
    r"가능성(?:은|이|도)?\s?(?:낮|희박|적[다고은])"
    r"|(?:の)?(?:ハッカー)?(?:の)?(?:関与|犯行)の?可能性(?:は|が)?(?:低|薄)"
    r"|(?:が|の)?(?:関わった|関与した|関与の|犯行の)証拠は(?:ない|なく|見つかって(?:いない|おらず))"
    r"|(?:['’]s)?\s+(?:involvement|role)\s+(?:is|was|seems|appears)\s+(?:highly\s+)?unlikely",
    re.IGNORECASE,
)
