"""Combine DPRK signals and cyber context into dprk_cyber, dprk_related and a score in [0, 1].

Rules (taxonomy.md "The tag contract"):
- dprk_cyber: a DPRK actor is named, or a DPRK signal and a cyber word share a sentence (or neighbouring
  sentences), or a DPRK malware family appears in a text that names North Korea, or a DPRK malware family is
  what the text is about (in the title, or in the lede and again) with cyber or attack words beside it and no
  other state's hackers in its sentences (taxonomy.md: such a text is about DPRK cyber activity; no actor is
  added).
  Missiles, shipping sanctions, troops, satellites and nuclear work give DPRK signals without cyber words:
  dprk_related only.
- A family whose name alone is no attribution (`malware_unattributed` in data/overrides.yaml: WannaCry, reported
  worldwide before anyone named its authors) counts beside a DPRK signal only, never as a text's subject.
- Another state's cyber word ("Russian hackers", "러시아 연계 해커", "中国のハッカー集団") does not pair with a DPRK
  signal: the DPRK is then the topic ("Russian hackers target South Korea over North Korean troop deployment";
  other_states.py). Nor does a cyber word in another sense (a border breached, a vulnerability to disease;
  other_senses.py).
- Weak signals (NK, RGB) count only next to a strong one, or right before hackers ("NK hackers").
  The DPRK named as who it was not ("북한 아닌 중국 해커",
  "not North Korea but China", "北朝鮮ではなく"), or as one side of an open question of attribution ("북한인지
  어딘지 규명해야", "whether it was North Korea or someone else"), is no signal ("북한 소행인지 조사", a suspicion,
  still is). The DPRK as one item of a list of states under sanctions
  ("the office that handles sanctions on Iran, North Korea and Russia", "북한, 중국, 러시아 등에 대한 제재") is the
  topic of that office, no signal: hackers who hit the office are not the DPRK's.
- A digest title ("briefing: North Korea missile launch, exchange rates, and a retail data breach") pairs a DPRK
  signal only with cyber words in the same item; a one- or two-character item is the headline's subject
  ("美, ...", "北, ..."), not a topic, so Korean headlines written "美, X…Y, Z" are no digest; an item led by a
  pronoun, "not", "but" or a verb ("..., he hacked data, ...", "North Korea, not China, was behind ...") goes on
  with the item before it, and so does the item after a fronted place phrase ("In North Korea, hackers are ...").
- The DPRK only as the victim (its propaganda site hacked, its internet knocked out; dprk_victim.py), or only as
  the accuser (its media calling another state hackers; dprk_accuser.py), or only as the past record behind a
  breach whose attacker is not identified (dprk_background.py), pairs with no cyber word; nor does the DPRK as a
  topic (dprk_topic.py): right before "sanctions" in Korean or Japanese (대북제재, 北朝鮮制裁委員会), of a lure
  document or of information ("북한 관련 문서로 위장한 악성코드", "intelligence on North Korea"), of a game, a site
  or a scam's bait.
- score = 1 - prod(1 - w) over the evidence weights below; below 0.5 exactly when dprk_cyber is false.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.tagging.find.actors import Mention
from bot.tagging.judge.dprk_accuser import only_as_accuser
from bot.tagging.judge.dprk_background import only_as_background
from bot.tagging.judge.dprk_topic import a_topic
from bot.tagging.judge.dprk_victim import only_as_victim
from bot.tagging.judge.other_senses import other_sense
from bot.tagging.judge.other_states import not_another_states
from bot.tagging.judge.ruled_out import heads_ruled_out_name, ruled_out
from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.words import lexicon

WEAK_DPRK = {"NK", "RGB", "N.K."}
_WEAK_BEFORE_HACKERS = re.compile(r"[-\s]*(?:hackers?|hacking|cyber|APT|IT workers)\b", re.IGNORECASE)
W_ACTOR, W_ACTOR_AMBIGUOUS = 0.9, 0.7
W_TITLE_PAIR, W_FIRST_PAIR, W_MORE_PAIRS = 0.8, 0.7, 0.25
W_MALWARE, W_DPRK_ONLY = 0.3, 0.1
LEDE_SENTENCES = 3  # a malware family named here (and again later) is what the text is about


@dataclass(frozen=True)
class Verdict:
    dprk_cyber: bool
    dprk_related: bool
    score: float
    dprk_hits: tuple[Hit, ...]  # the DPRK signals that decided it
    cyber_hits: tuple[Hit, ...]  # the cyber words next to them


def dprk_signals(ctx: Context) -> list[Hit]:
    hits = [h for h in ctx.hits("dprk") if not _sanctioned_with_others(ctx, h) and not _not_the_dprk(ctx, h)]
    # a weak signal counts next to a strong one, or right before hackers ("NK hackers steal $30m")
    strong = [h for h in hits if h.text not in WEAK_DPRK or _WEAK_BEFORE_HACKERS.match(ctx.text, h.end)]
    return hits if strong else []


def _not_the_dprk(ctx: Context, hit: Hit) -> bool:
    """ "북한 아닌 중국 해커", "not North Korea", "北朝鮮ではなく", "북한 해커 그룹 '김수키'가 아닌": ruled out;
    "해킹 주체가 북한인지 어딘지 규명해야", "whether it was North Korea or someone else", "北朝鮮かどうか": an open
    question."""
    if _OPEN_AFTER.match(ctx.text, hit.end) or _OPEN_BEFORE.search(ctx.text, max(0, hit.start - 30), hit.start):
        return True
    if _DEFECTORS_AFTER.match(ctx.text, hit.end):
        return True  # 北朝鮮脱出住民, 북한이탈주민: defectors, named by the state they left (as 탈북자)
    if _A_DEFECTOR_AFTER.match(ctx.text, hit.end):
        return True  # "a North Korean defector turned fraudster": one person who fled it, not the state
    if _DATELINE_AFTER.match(ctx.text, hit.end):
        return True  # (평양 2월 27일발 조선중앙통신), "PYONGYANG, Feb. 27 (KCNA)": where a report was filed
    if _NO_LINK_BEFORE.search(ctx.text, max(0, hit.start - 40), hit.start) or _NO_LINK_AFTER.match(ctx.text, hit.end):
        return True  # "found no evidence linking North Korea", 북한과 관련된 혐의점을 찾지 못했다: no attribution
    if _MEMBER_STATES_AFTER.match(ctx.text, hit.end):
        return True  # 북한을 포함한 모든 회원국: one of the states a body oversees, not an actor
    return ruled_out(ctx, hit) or heads_ruled_out_name(ctx, hit)


_DEFECTORS_AFTER = re.compile(r"\s?(?:脱出|離脱|이탈|탈출)")
_A_DEFECTOR_AFTER = re.compile(r"\s+defector\b(?!s)", re.IGNORECASE)
_DATELINE_AFTER = re.compile(
    r"\s?\d{1,2}월\s?\d{1,2}일발|\s?\d{1,2}月\s?\d{1,2}日発|,\s+[A-Z][a-z]{2}\.?\s+\d{1,2}\s+\((?:KCNA|AP|AFP)\)"
)
_NO_LINK_BEFORE = re.compile(
    r"\bno\s+(?:evidence|sign|signs|indication|indications|proof|link|links|trace|traces)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_NO_LINK_AFTER = re.compile(
    r"(?:과|와|이|가)?\s?(?:관련된|연관된|연계된|관련|연관)\s?[^.。\n]{0,15}?(?:찾지\s?못|없|확인되지\s?않|발견되지\s?않)"
    r"|(?:が|の)?関与(?:した|している)?(?:証拠|形跡|痕跡)(?:は|が)?(?:見つかって|確認されて|ない|なかった)"
)
_MEMBER_STATES_AFTER = re.compile(r"(?:을|를)\s?포함(?:한|해)\s?(?:모든\s?|여러\s?|각\s?)?(?:회원국|국가|나라)")
# The DPRK as one side of an open question of attribution (not "북한 소행인지 조사", a suspicion of it).
_OPEN_AFTER = re.compile(
    r"(?:이|가)?\s?(?:인지\s?(?:어딘지|아닌지|여부|다른|누군지|아니면)|(?:か|なのか)\s?どうか|か、?(?:それとも|他の))"
    # 북한의 해커부대인지에 대해서는 아직 확인되지 않고 (eleventh round): whether its unit did it is not yet known
    r"|(?:의\s?)?(?:해커|해킹)\s?(?:부대|조직|그룹)?인지[^.!?。\n]{0,16}?(?:확인되지|확인이\s?안|밝혀지지|알\s?수\s?없)"
    # 북한 소행 가능성에 대해 ... "파악 중"이라고만 (twelfth round): asked about, not answered
    r"|\s?(?:소행|배후|관여)\s?(?:가능성|여부)에\s?대(?:해|한)(?:서는)?\s?[^.!?。\n]{0,30}?(?:파악\s?중|조사\s?중|확인\s?중|답하지|언급하지)"
    r"|\s(?:or (?:someone|somebody|another|other|some other|a different|china|russia|iran))"
    # one of a list of guesses (sixteenth round): "an attack from Kim Jong Un, Putin or a kid in his basement"
    r"|(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})+,?\s+or\s+(?!(?:the\s+)?(?:North|N\.|DPRK|Pyongyang|Kim\b))"
    r"(?:an?\s+\w+|[A-Z][\w'’.-]*)",
    re.IGNORECASE,
)
_OPEN_BEFORE = re.compile(r"\bwhether (?:it was |it is |the attack came from |the hackers were from )?$", re.IGNORECASE)


def _sanctioned_with_others(ctx: Context, hit: Hit) -> bool:
    """ "북한, 중국, 러시아 등에 대한 제재", "sanctions on Iran, North Korea and Russia": the DPRK as one of several
    states under sanctions, the topic of an office or a policy, not an actor."""
    after = ctx.text[hit.end : hit.end + STATE_LIST]
    before = ctx.text[max(0, hit.start - STATE_LIST) : hit.start]
    listed = _STATE_ITEM.match(after) or _STATE_ITEM_BEFORE.search(before)
    if not listed:
        return False
    return bool(_SANCTIONS_AFTER.match(after) or _SANCTIONS_BEFORE.search(before))


def assess(ctx: Context, mentions: list[Mention]) -> Verdict:
    """The DPRK verdict of one text."""
    dprk = dprk_signals(ctx)
    cyber, topic_only = not_another_states(ctx, ctx.hits("cyber"), dprk)
    cyber = [h for h in cyber if not other_sense(ctx, h)]
    actors = [m for m in mentions if m.alias.kind == "actor"]
    if (
        only_as_victim(ctx, dprk, len(actors))
        or only_as_accuser(ctx, dprk, cyber, len(actors))
        or only_as_background(ctx, dprk, len(actors))
    ):
        cyber = []  # "hack of North Korean propaganda site", 北朝鮮メディア「米国はハッカー帝国」: not its hacking
    malware = [m for m in mentions if m.alias.kind == "malware"]
    cyber_by_sent: dict[int, Hit] = {}
    for hit in _outside_other_topics(ctx, cyber, dprk):
        cyber_by_sent.setdefault(ctx.sent(hit.start), hit)

    pairs: list[tuple[Hit, Hit]] = []
    seen: set[int] = set()
    for hit in dprk:
        s = ctx.sent(hit.start)
        if a_topic(ctx, hit, s):
            continue  # the DPRK as what the text is about, not who acts (it stays dprk_related)
        around = (s,) if topic_only else (s, *_neighbours(ctx, s))  # another state's text: its own sentence only
        near = next((cyber_by_sent[i] for i in around if i in cyber_by_sent), None)
        if near is not None and s not in seen:
            seen.add(s)
            pairs.append((hit, near))

    weights = [W_ACTOR_AMBIGUOUS if m.ambiguous else W_ACTOR for m in actors[:3]]
    for i, (hit, _) in enumerate(pairs[:4]):
        weights.append(W_TITLE_PAIR if ctx.sent(hit.start) == 0 else (W_FIRST_PAIR if i == 0 else W_MORE_PAIRS))
    weights += [W_MALWARE] * min(len(malware), 2)
    weights += [W_DPRK_ONLY] * min(len(dprk), 3)
    score = 1.0
    for w in weights:
        score *= 1 - w
    score = 1 - score

    dprk_cyber = bool(actors) or bool(pairs) or (bool(malware) and bool(dprk)) or _malware_subject(ctx, malware)
    score = max(score, 0.55) if dprk_cyber else min(score, 0.45)
    related = dprk_cyber or bool(dprk)
    decisive_dprk = tuple(h for h, _ in pairs[:3]) or tuple(dprk[:1])
    return Verdict(dprk_cyber, related, round(score, 3), decisive_dprk, tuple(c for _, c in pairs[:3]))


def _malware_subject(ctx: Context, malware: list[Mention]) -> bool:
    """A distinctive DPRK malware family the text is about: in the title, or named twice with one in the first body
    sentences; with a cyber or attack word in or next to one of its sentences, and no other state's hackers there."""
    firm = [m for m in malware if not m.ambiguous and not m.alias.unattributed]  # WannaCry: no attribution alone
    counts: dict[str, int] = {}
    for m in firm:
        counts[m.alias.value] = counts.get(m.alias.value, 0) + 1
    lede = {m.alias.value for m in firm if ctx.sent(m.hit.start) <= LEDE_SENTENCES}
    subject = [m for m in firm if ctx.sent(m.hit.start) == 0 or (counts[m.alias.value] >= 2 and m.alias.value in lede)]
    if not subject:
        return False
    sents = {ctx.sent(m.hit.start) for m in subject}
    if sents & ctx.sents_of(ctx.hits("other")):
        return False
    context = ctx.sents_of(ctx.hits("cyber") + ctx.hits("target"))
    if any(context & {s - 1, s, s + 1} for s in sents):
        return True
    # in the title, security wording beside the name is enough ("CISA, FBI release analysis of ELECTRICFISH", "New
    # Dtrack variant found", "RokRAT hidden in Hangul documents")
    title = [m for m in subject if ctx.sent(m.hit.start) == 0]
    return bool(title) and (0 in ctx.sents_of(ctx.hits("security")) or bool(_MALWARE_TITLE.search(ctx.sent_text(0))))


# Words of a malware report in a title that names a distinctive DPRK family
_MALWARE_TITLE = re.compile(
    r"\b(?:variants?|strains?|analysis|samples?|hidden|disguised|found|spreads?|spread|detected|new version)\b"
    r"|변종|유포|발견|탐지|亜種|検出|拡散|発見",
    re.IGNORECASE,
)


def _outside_other_topics(ctx: Context, cyber: list[Hit], dprk: list[Hit]) -> list[Hit]:
    """Cyber words, less those in a digest title's items that do not name the DPRK.

    A title listing several topics ("Morning briefing: North Korea missile launch, exchange rates, and a retail data
    breach") pairs each topic with itself only: its items are split on commas, semicolons and bars.
    """
    title_end = ctx.starts[1] if len(ctx.starts) > 1 else len(ctx.text)
    # a quotation is one item: "국정원, “DDoS공격 배후, 북한과 그 추종세력으로 추정” 발표" is a speaker and a quote
    title = ctx.text[:title_end]

    def one_item(m: re.Match) -> str:  # a quotation inside the title, not a whole title in quotes
        inner = len(m.group()) < QUOTE_SHARE * len(title.strip())
        return m.group().replace(",", " ").replace(";", " ") if inner else m.group()

    title = _QUOTED.sub(one_item, title)
    items = [m.span() for m in _TITLE_ITEM.finditer(title)]
    if len([1 for a, b in items if len(ctx.text[a:b].strip()) > SUBJECT_PREFIX]) < DIGEST_ITEMS:
        return cyber

    def item(pos: int) -> int:
        return next((i for i, (a, b) in enumerate(items) if a <= pos < b), -1)

    dprk_items = {item(h.start) for h in dprk if h.start < title_end}
    for i, (a, _) in enumerate(items):  # "..., he hacked data, ...": a pronoun carries the item before it on
        if i - 1 in dprk_items and _PRONOUN_LED.match(ctx.text, a):
            dprk_items.add(i)
        subject = i >= 2 and len(ctx.text[items[i - 2][0] : items[i - 2][1]].split()) <= 3
        if i - 2 in dprk_items and subject and _ASIDE.fullmatch(ctx.text[items[i - 1][0] : items[i - 1][1]]):
            dprk_items.update((i - 1, i))
        # "In North Korea, hackers are ...": a fronted place phrase is no topic, its clause follows
        if i - 1 in dprk_items and _FRONTED.fullmatch(ctx.text[items[i - 1][0] : items[i - 1][1]]):
            dprk_items.add(i)
    for i in sorted(dprk_items):  # "..., 방산업체에 발송…北소행 추정": a verdict on the acts the items before tell
        if i >= 0 and _VERDICT.search(ctx.text[items[i][0] : items[i][1]]):
            dprk_items.update(range(i))
    return [h for h in cyber if h.start >= title_end or item(h.start) in dprk_items]


def _neighbours(ctx: Context, s: int) -> tuple[int, ...]:
    """Sentences that continue sentence `s` (a title's body, or a reply that does not change subject)."""
    out = []
    for i in (s - 1, s + 1):
        if 0 <= i < len(ctx.starts) and not ctx.sent_text(max(i, s)).lstrip().lower().startswith(lexicon.SHIFTS):
            out.append(i)
    return tuple(out)


STATE_LIST = 40  # characters around a DPRK signal that a list of states under sanctions may span
_STATES = r"(?:중국|러시아|이란|시리아|쿠바|베네수엘라|China|Russia|Iran|Syria|Cuba|Venezuela|中国|ロシア|イラン)"
_STATE_ITEM = re.compile(rf"^\s?(?:[,·、]|와|과|및|や|and|or)\s?{_STATES}")
_STATE_ITEM_BEFORE = re.compile(rf"{_STATES}\s?(?:[,·、]|와|과|및|や|and|or)\s?$")
_SANCTIONS_AFTER = re.compile(
    rf"^(?:\s?(?:[,·、]|와|과|및|や|and|or)\s?{_STATES})+\s?(?:등|など)?\s?(?:에\s?대한|への|に対する)\s?(?:독자\s?)?(?:제재|制裁)"
)
_SANCTIONS_BEFORE = re.compile(rf"sanctions\s(?:on|against)\s(?:{_STATES}\s?(?:,|and|or)\s)*$", re.IGNORECASE)
_TITLE_ITEM = re.compile(r"(?:[^,;|]|(?<=\d),(?=\d{3}))+")  # "120,000" is one number, not two items
# "North Korea, experts say, sent ...": a speaker set off by commas is no topic; the clause runs on past it
_ASIDE = re.compile(
    r"\s*(?:\S+\s+){0,3}(?:says?|said|claims?|reports?|warns?|believes?|according\s+to\s+\S+(?:\s+\S+)?)\s*",
    re.IGNORECASE,
)
_FRONTED = re.compile(r"\s*(?:In|Inside|For|From|Across|Within|At)\s+\S+(?:\s+\S+){0,2}\s*")
# The DPRK named as the culprit after an ellipsis (fourteenth round): "…北소행 추정", "…북한 배후", "…北の犯行か"
_VERDICT = re.compile(r"(?:…|\.\.\.)\s?(?:북한|北|북)\s?(?:의\s?|の)?(?:소행|배후|犯行|仕業)")
QUOTE_SHARE = 0.8  # a quotation longer than this share of the title is the title itself
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』|\"[^\"]*\"")
_PRONOUN_LED = re.compile(
    r"\s*(?:he|she|they|it|his|her|their|its|who|then|not|but|was|were|is|are|has|have|had)\b", re.IGNORECASE
)
DIGEST_ITEMS = 3  # a title with this many comma/semicolon/bar-separated items is a digest of topics
SUBJECT_PREFIX = 2  # an item this short is a headline's subject ("美, ...", "北, ..."), not a topic of its own
