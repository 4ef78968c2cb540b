"""Lists a text says were targeted (issue 16): the spans of text under a "Targets" heading, after "Targets:" on
its line, after "the affected industries include", in bullet lines introduced as targets, and in Korean and Japanese
lists (대상은 ... 등, ... 등 최소 6곳을 타깃으로, ...など幅広い業界を狙う). sectors/find.py counts a sector word in
such a span as targeted with no other frame.
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context

# "Targets" / "Targeted sectors" / "Victims" headings, alone on a line (a list follows) or before a colon.
_LIST_HEADING = re.compile(
    r"^[ \t#*>-]*(?:targets?|targeted(?: sectors| industries| organi[sz]ations| entities)?|victims?|victimology|"
    r"(?:affected|impacted) (?:sectors|industries|organi[sz]ations)|sectors?(?: targeted| affected)?|"
    r"industries(?: targeted)?|target sectors)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_INLINE_HEADING = re.compile(
    r"(?:^|\s)(?:targets?|targeted(?: sectors| industries)?|victims|sectors?(?: targeted)?|target sectors)"
    r"[ \t]*:[ \t]*([^\n]+?)(?=[ \t]{2,}|\n|$)",
    re.IGNORECASE,
)


# "The affected industries include manufacturing, media and construction", "victims included banks and
# exchanges", "이번 공격의 대상은 소프트웨어, IT, 금융 등", "IT·SW·반도체·금융·통신 등 최소 6곳을 타깃으로",
# "対象はA、Bなど": the list names what was targeted.
_INCLUDE_LIST = re.compile(
    r"\b(?:affected|impacted|targeted|victim|target|employer|hirer)\w*(?:\s+(?:industries|sectors|organi[sz]ations|entities|"
    r"verticals|companies))?"
    # "Lazarus Group targets range far and wide, including government, military, ..." (twenty-third round)
    r"(?:\s+(?:range|ranging|are|were|vary|varied)(?:\s+(?:far|wide|widely|and|broadly)){0,3}\s*[,—–-]?)?"
    r"\s+(?:include[sd]?|including|span(?:ned|s)?|such\s+as)\s+([^.;:\n]+)",
    re.IGNORECASE,
)
# "infiltrates a range of industries from electronics and aerospace to automotive and health care": the range
# (twenty-third round)
_RANGE_LIST = re.compile(
    r"\b(?:target\w*|attack\w*|infiltrat\w*|hack\w*|hit|hits|breach\w*|compromis\w*)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:industries|sectors|organi[sz]ations|verticals|fields)\s+(?:ranging\s+)?from\s+([^.;:\n]{1,200}?\bto\b[^.;:\n]{1,200})",
    re.IGNORECASE,
)
# "targeted multiple sectors (e.g., education, government, and cryptocurrency)": examples in parentheses
_EXAMPLES_LIST = re.compile(
    r"\b(?:affected|impacted|targeted|targeting|targets|victimi[sz]ed|hit|attacked)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:industries|sectors|organi[sz]ations|entities|verticals)\s*\(\s*(?:e\.\s?g\.|i\.\s?e\.|such\s+as|including)"
    r",?\s*([^()\n]{3,200})\)",
    re.IGNORECASE,
)
_CJK_LIST = re.compile(
    r"(?:대상은|대상이|타깃은|표적은|対象は|標的は|勤務先には|勤務先は|雇用先には|취업처는|취업처에는)"
    r"\s?([^.。\n]{2,80}?)\s?(?:등|など)"
)
# "... 등 최소 6곳을 타깃으로": found from its end, then the list read backwards (a scan from every word was slow)
_COUNT = r"\s?(?:등|など)\s?(?:최소\s?|약\s?)?\d+\s?여?\s?(?:곳|개\s?(?:조직|기관|기업|업체|사)|社|組織)"  # 등 최소 6곳
_CJK_COUNTED = re.compile(
    rf"{_COUNT}(?:을|를|が|を)?\s?(?:타깃|대상|표적|겨냥|노려|노린|공격|狙|標的|攻撃)"
    # "... 등 50여개 기관의 PC가 악성코드에 감염": their machines infected or taken (fourteenth round)
    rf"|{_COUNT}\s?(?:의|の)\s?(?:PC|컴퓨터|서버|전산망|パソコン|サーバー?)(?:가|이|が)?\s?[^.。\n]{{0,12}}?"
    r"(?:감염|장악|해킹|感染|乗っ取)"
    # "... 등 분야로 공격 대상을 넓혀", "...などの分野の企業を標的": a list of fields that were targeted
    r"|\s?(?:등|など)\s?(?:의\s?|の)?(?:幅広い|様々な|さまざまな|多様な|多くの|다양한\s|여러\s)?"  # 16th round
    r"(?:분야|산업|업종|업계|分野|業界|産業|業種)(?:의\s?|の)?(?:기업|企業|会社|조직|組織)?"
    r"(?:을|를|が|を|으로|로|에)?\s?(?:공격\s?대상|공격|타깃|표적|겨냥|노려|노린|狙|標的|攻撃)"
)
_LIST_BEFORE = re.compile(  # items joined by ·, 、, commas, 와/과/및/や/と; an item may carry "(IT)"
    r"(?:[\w가-힣]+(?:\([^()\n]{1,12}\))?\s?(?:[·・,、]|와|과|및|や|と)\s?)+[\w가-힣]+(?:\([^()\n]{1,12}\))?$"
)
CJK_LIST_REACH = 60  # characters before "등 최소 N곳" where its list is read


INTRO_REACH = 200  # characters before a bullet list where the lines introducing it are read
_BULLETS = re.compile(r"(?:^[ \t]*[•·*\-–][ \t]+[^\n]+\n?){2,}", re.MULTILINE)
_INTRO = re.compile(
    r"\b(?:target\w*|victim\w*|sectors?|industries|span\w* across|affected|impacted|focus\w* on)\b", re.IGNORECASE
)


def target_lists(ctx: Context) -> list[tuple[int, int]]:
    """Spans of text listed under a "Targets" heading (up to a blank line), after "Targets:" on its line, or after
    "the affected industries include" (대상은 ... 등, ... 등 최소 6곳을 타깃으로)."""
    spans = []
    for m in _LIST_HEADING.finditer(ctx.text):
        end = ctx.text.find("\n\n", m.end() + 1)
        spans.append((m.end(), len(ctx.text) if end < 0 else end))
    spans += [m.span(1) for m in _INLINE_HEADING.finditer(ctx.text)]
    spans += [m.span(1) for m in _INCLUDE_LIST.finditer(ctx.text)]
    spans += [m.span(1) for m in _EXAMPLES_LIST.finditer(ctx.text)]
    spans += [m.span(1) for m in _RANGE_LIST.finditer(ctx.text)]
    if "등" in ctx.text or "など" in ctx.text:
        spans += [m.span(1) for m in _CJK_LIST.finditer(ctx.text)]
        for m in _CJK_COUNTED.finditer(ctx.text):
            listed = _LIST_BEFORE.search(ctx.text, max(0, m.start() - CJK_LIST_REACH), m.start())
            if listed:
                spans.append(listed.span())
    for m in _BULLETS.finditer(ctx.text):  # "Who do they target? ... operations span across:" then bullet lines
        intro = [line for line in ctx.text[max(0, m.start() - INTRO_REACH) : m.start()].splitlines() if line.strip()]
        if intro and _INTRO.search(intro[-1]):  # the line right before the bullets introduces them
            spans.append(m.span())
    return spans
