"""Decide which alias hits name a DPRK actor or malware family.

Rules (taxonomy.md):
- Longest alias wins where aliases overlap ("Lazarus Group" over "Lazarus").
- Case-sensitive aliases count only as written (ZINC the actor, zinc the metal).
- A title or first name before a capitalised word makes "Lazarus" a person ("President Lazarus Chakwera").
- Ambiguous aliases (Reaper, Konni, PLUTONIUM, 라자루스...) count only with cyber context: a group noun right
  next to them ("Konni APT", "ZINC hackers"; for ordinary words such as Reaper only in capitals or with DPRK
  evidence), or a cyber word within one sentence plus some DPRK evidence.
  An ambiguous name that is not an ordinary word (Lazarus, Konni) also counts with a cyber word in or next to its
  sentence in a clearly cyber text (two different cyber words: "trojanized", "backdoor"), with no DPRK signal.
- Without a DPRK signal, game/anime/fiction words (boss, character, season, 캐릭터...) anywhere in the text make a
  name the character it is there (Diablo's Andariel, the anime Lazarus, LINE Friends' 코니): a plain alias
  (ordinary words or a fictional name) counts only as a group name ("Andariel hackers"), another alias only away
  from the fiction sentences or with a cyber word beside it or an attack word in its sentence, and ambiguous
  aliases not at all unless a firm actor remains.
- A text with no cyber word and no DPRK signal names an actor by a coined word-name on its own ("Kimsuky sets its
  sights on Japanese organizations": such names are cyber by definition); by a code ("TA406", also a form number)
  or a plain alias ("the Ruby Sleet"
  cocktail) only with security wording in its sentence ("Andariel's espionage", "the FBI") or an intrusion verb
  ("compromised") in the text; a malware name only with some security wording (target words, agents, "loader").
- An ambiguous name that is no ordinary word (Lazarus) also counts, capitalised and after no first name, with a
  cyber word or a theft of cryptocurrency in its own sentence ("FBI ties Lazarus to bridge exploit").
- Such a name (Lazarus, ラザルス) also counts with a target word and a sector's organisations, or companies or
  organisations of any kind, in its own sentence ("Energy providers in the U.S. targeted by Lazarus", "ラザルス、
  日本企業も標的").
- A vendor's name for the group made of ordinary words (overrides.yaml `designations`: Springtail, "<gem> Sleet"),
  written capitalised, counts like Lazarus above ("Springtail deploys new Linux backdoor", "Pearl Sleet targets
  journalists"); the insect and the weather stay ordinary words.
- Such a name right after the DPRK as its possessor counts ("North Korea's Lazarus", 北朝鮮の「Lazarus」, 북한의
  라자루스).
- A name followed by "platform", "product" or "dashboard" ("their Andariel intelligence platform") is a vendor's
  product named after the group, not the group.
- A name ruled out, framed or set aside ("'김수키'가 아닌 중국 해커", "not Lazarus", "ラザルスではなく";
  ruled_out.py) names no one.
- Malware names count on their own (ambiguous ones need cyber words nearby); they never add an actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.tagging.judge.ruled_out import ruled_out
from bot.tagging.read.context import Context
from bot.tagging.read.korean import CJK_CHAR
from bot.tagging.read.nlp import Hit, longest_first
from bot.tagging.words import lexicon, lexicon_cjk
from bot.tagging.words.kb import Alias, KnowledgeBase

_CYBER_WORDS = {w for w in lexicon.CYBER if " " not in w} | {w.lower() for w in lexicon.CYBER_EXACT}


@dataclass(frozen=True)
class Mention:
    alias: Alias
    hit: Hit
    ambiguous: bool


# A product named after a group (sixteenth round): "their Andariel intelligence platform detected Emotet"
_PRODUCT_AFTER = re.compile(
    r"\s+(?:(?:threat\s+)?intelligence\s+|monitoring\s+|analytics\s+|detection\s+)?(?:platform|product|dashboard)s?\b",
    re.IGNORECASE,
)


def _is_person(ctx: Context, hit: Hit) -> bool:
    left, right = ctx.words_around(hit, before=1, after=1)
    if left and left[-1].lower().rstrip(",") in lexicon.PERSON_TITLES:
        return True
    if right:
        nxt = right[0]
        if _headline_word(ctx, hit, nxt):
            return False  # "Lazarus Suspected in Major Solana Hack": title case, not a surname
        if nxt.lower() in _DPRK_AFTER_NAME:
            return False  # "Lazarus North Korea's most prolific hacking group": an appositive, not a surname
        return nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in lexicon.ACTOR_NOUNS
    return False


_DPRK_AFTER_NAME = {"north", "dprk", "pyongyang"}
# In a text with game words and no DPRK signal, a coined name right before "APT" or "threat actor" is the group
# ("an unusual target for the Lazarus APT group": a fake game was its lure; twenty-fifth round)
# (not "Lazarus hackers": an anime's team of hackers may be called so)
_HACKERS_AFTER = re.compile(r"\s+(?:APT\b|threat\s+(?:actor|group)\b)")


def _headline_word(ctx: Context, hit: Hit, nxt: str) -> bool:
    """The word after a name in a title-case title with a cyber word, that the body never capitalises again
    (a surname would recur: "Lazarus Chakwera ... Chakwera said")."""
    if ctx.sent(hit.start) != 0 or not any(ctx.sent(h.start) == 0 for h in ctx.hits("cyber")):
        return False
    words = [w for w in ctx.sent_text(0).split() if w[:1].isalpha()]
    if len(words) < 3 or sum(w[:1].isupper() for w in words) < 0.7 * len(words):
        return False
    body = ctx.text[ctx.starts[1] :] if len(ctx.starts) > 1 else ""
    return nxt not in body


def _after_first_name(ctx: Context, hit: Hit) -> bool:
    """ "John Lazarus", "researcher Maria Konni": a capitalised word (not "The", "North") right before the name."""
    left, _ = ctx.words_around(hit, before=1, after=0)
    if not left or ctx.starts[ctx.sent(hit.start)] == hit.start:
        return False
    word = left[-1]
    return word[:1].isupper() and word.isalpha() and not word.isupper() and word.lower() not in lexicon.NOT_NAMES


def _group_noun_adjacent(ctx: Context, hit: Hit) -> bool:
    left, right = ctx.words_around(hit, before=2, after=2)
    words = [w.lower().strip("\"'‘’“”(),:;") for w in left + right]
    return any(w in lexicon.ACTOR_NOUNS or w in _CYBER_WORDS for w in words)


# A Hangul or kana name in quotes followed by the word group ('탈륨' 조직, 「コニー」グループ), or by the words hacking
# group ('코니 해킹조직'): a group's name, not a chemical in tissue (탈륨 조직) nor a cartoon character
_QUOTE_OPEN = "'‘\"“「『"
_GROUP_AFTER_QUOTE = re.compile(
    r"['’\"”」』]\s?(?:해킹\s?)?(?:조직|그룹)|['’\"”」』]・?グループ|\s?해킹\s?(?:조직|그룹)"
)


# The DPRK as the possessor right before a name that is no ordinary word (eleventh round): "North Korea's Lazarus",
# "North Korean Lazarus", 北朝鮮の「Lazarus」, 북한의 라자루스, 北 라자루스.
_DPRK_OWNS = re.compile(
    r"(?:\bNorth\s+Korea(?:'s|’s|n)|\bDPRK(?:'s|’s)?|\bPyongyang(?:'s|’s)|北朝鮮の?|북한(?:의)?|北(?:の)?)\s?[「『'‘\"“]?\s?$"
)


def _in_quotes(ctx: Context, hit: Hit) -> bool:
    """The name between quotation marks ("the “Dark Seoul” hackers", "‘Red Eyes’ group")."""
    before = ctx.text[hit.start - 1] if hit.start > 0 else ""
    after = ctx.text[hit.end : hit.end + 1]
    return before in _QUOTE_OPEN and after in ("'", "’", '"', "”")


def _quoted_group(ctx: Context, hit: Hit) -> bool:
    after = ctx.text[hit.end : hit.end + 8]
    if _GROUP_AFTER_QUOTE.match(after) and not after.startswith(("'", "’", '"', "”", "」", "』")):
        return True  # 코니 해킹조직
    return hit.start > 0 and ctx.text[hit.start - 1] in _QUOTE_OPEN and bool(_GROUP_AFTER_QUOTE.match(after))


def _cyber_near(ctx: Context, hit: Hit, cyber_sents: set[int]) -> bool:
    s = ctx.sent(hit.start)
    return bool(cyber_sents & {s - 1, s, s + 1})


def _group_word_beside(ctx: Context, hit: Hit) -> bool:
    """ "APTグループLazarus", "라자루스 그룹": a Korean or Japanese group word right before or after the name."""
    before = ctx.text[max(0, hit.start - GROUP_WORD_REACH) : hit.start].rstrip()
    after = ctx.text[hit.end : hit.end + GROUP_WORD_REACH].lstrip()
    return before.endswith(CJK_GROUP_WORDS) or after.startswith(CJK_GROUP_WORDS)


GROUP_WORD_REACH = 8
CJK_GROUP_WORDS = ("グループ", "그룹", "해킹조직", "해킹 조직", "ハッカー集団", "攻撃グループ", "APT")


def _victims_here(ctx: Context, hit: Hit) -> bool:
    """A targeting verb ("targeted", "breached", "狙う", "겨냥"; not a plain "attacked") and a sector's organisations in
    the name's sentence."""
    s = ctx.sent(hit.start)
    aimed = [h for h in ctx.hits("target") if h.text.lower().startswith(_TARGETING)]
    if s not in ctx.sents_of(aimed):
        return False
    return s in ctx.sents_of(ctx.hits("noun") + ctx.hits("mod")) or bool(_ORGANISATIONS.search(ctx.sent_text(s)))


# Organisations of no one sector ("Lazarus targets Japanese companies", "ラザルス、日本企業も標的")
_ORGANISATIONS = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|organi[sz]ations?|entities|businesses|developers|engineers)\b|企業|組織|会社|기업|기관|업체",
    re.IGNORECASE,
)


_TARGETING = (
    "target",
    "stole",
    "steal",
    "breach",
    "compromis",
    "infiltrat",
    "hacked",
    "狙",
    "標的",
    "표적",
    "겨냥",
    "노려",
    "노린",
    "타깃",
    "spoof",
    "impersonat",
    "hits",
    # a theft or a leak of a sector's data ("안다리엘, 방산업체 기술 유출", "ラザルス、防衛企業の情報を窃取")
    *lexicon_cjk.THEFT,
    "유출",
    "流出",
)


_LAUNDERING = re.compile(r"\blaunder(?:s|ed|ing)?\b|세탁|洗浄|ロンダリング", re.IGNORECASE)
_CRYPTO = re.compile(
    r"\bcrypto\w*|\bbitcoin|\bether\b|\bethereum|가상자산|암호화폐|가상화폐|暗号資産|仮想通貨", re.IGNORECASE
)


def _cyber_here(ctx: Context, hit: Hit, cyber_sents: set[int]) -> bool:
    return ctx.sent(hit.start) in cyber_sents


def _fiction_sents(ctx: Context) -> set[int]:
    return ctx.sents_of(ctx.hits("fiction"))


def _without_context(ctx: Context, firm: list[tuple[Alias, Hit]]) -> list[tuple[Alias, Hit]]:
    """Firm hits of a text with no cyber word and no DPRK signal: coined actor names (Kimsuky, BeagleBoyz are
    cyber by definition), plain actor names with security wording in their sentence ("Andariel's espionage"),
    coined malware names with some security wording, and every name beside an intrusion verb."""
    if any(h.text.lower() in lexicon.INTRUSION for h in ctx.hits("target")):
        return firm  # "Jade Sleet compromised a software vendor"
    security_sents = ctx.sents_of(ctx.hits("security"))
    actors = [
        (a, h)
        for a, h in firm
        if a.kind == "actor"
        and (_named_alone(a, h, ctx.sent(h.start) in security_sents) or (_named_group(a, h) and _victims_here(ctx, h)))
    ]
    coined = [(a, h) for a, h in firm if not a.plain]
    kinds = ("target", "agent", "security", "noun")
    security = any(ctx.hits(k) for k in kinds) or any(a.kind == "malware" for a, _ in coined)
    if not security:
        return actors
    if any(a.kind == "actor" for a, _ in coined):
        return firm
    return sorted({*coined, *actors}, key=lambda p: p[1].start)


def _designation(alias: Alias, hit: Hit) -> bool:
    """A vendor's name for the group written capitalised ("Pearl Sleet", "Springtail"), not the weather or the
    insect."""
    return alias.designation and all(w[:1].isupper() for w in hit.text.split())


def _named_group(alias: Alias, hit: Hit) -> bool:
    """A vendor's name made of ordinary words written capitalised (Springtail), or a fictional name written as a name
    (Andariel, 안다리엘): with a theft or a targeting of a sector's organisations in its sentence, it is the group."""
    if _designation(alias, hit):
        return True
    return alias.plain and len(hit.text.split()) == 1 and (hit.text[:1].isupper() or bool(CJK_CHAR.search(hit.text)))


def _named_alone(alias: Alias, hit: Hit, security_here: bool) -> bool:
    """A coined word-name (Kimsuky, BeagleBoyz) on its own; a code (TA406, a form number too) or a plain name only
    with security wording in its sentence."""
    if alias.plain or any(c.isdigit() for c in hit.text):
        return security_here
    return True


def _not_fiction(ctx: Context, alias: Alias, hit: Hit, fiction: set[int], cyber_sents: set[int]) -> bool:
    """In a text with game/fiction words and no DPRK signal: a plain name ("Andariel") only as a group name
    ("Andariel hackers"); a coined name away from the fiction sentences, or with a cyber word beside it or an
    attack word in its sentence."""
    if alias.plain:
        return _group_noun_adjacent(ctx, hit)
    s = ctx.sent(hit.start)
    if _cyber_near(ctx, hit, cyber_sents) or s in ctx.sents_of(ctx.hits("target")):
        return True  # "Lazarus Group stole $600m from the bridge used by Axie Infinity players"
    return not {s - 1, s, s + 1} & fiction


def find_mentions(ctx: Context, kb: KnowledgeBase) -> list[Mention]:
    """Alias hits that count, in text order."""
    cyber = ctx.hits("cyber")
    cyber_sents = ctx.sents_of(cyber)
    has_cyber = bool(cyber_sents)
    clearly_cyber = len({" ".join(h.text.lower().split()) for h in cyber}) >= 2
    candidates: list[tuple[Alias, Hit]] = []
    for hit in longest_first(ctx.hits("alias")):
        alias = kb.aliases.get(hit.value)
        if alias is None or not alias.accepts(hit.text) or ruled_out(ctx, hit):
            continue
        if alias.ambiguous and hit.text[:1].isupper() and _is_person(ctx, hit):
            continue
        if _PRODUCT_AFTER.match(ctx.text, hit.end):
            continue  # "their Andariel intelligence platform": a vendor's product named after the group
        candidates.append((alias, hit))
    firm = [(a, h) for a, h in candidates if not a.ambiguous]
    fiction = _fiction_sents(ctx)
    if fiction and not ctx.hits("dprk"):
        firm = [(a, h) for a, h in firm if _not_fiction(ctx, a, h, fiction, cyber_sents)]
    if not has_cyber and not ctx.hits("dprk"):
        firm = _without_context(ctx, firm)
    has_dprk = bool(ctx.hits("dprk")) or any(a.kind == "actor" for a, _ in firm)
    mentions = [Mention(a, h, False) for a, h in firm]
    for alias, hit in candidates:
        if not alias.ambiguous:
            continue
        if fiction and not has_dprk:
            if not alias.plain and hit.text[:1].isupper() and _HACKERS_AFTER.match(ctx.text, hit.end):
                mentions.append(Mention(alias, hit, True))  # "the Lazarus APT group" amid a fake game's players
            continue
        # ALL-CAPS (ZINC) and Hangul/kana spellings are rarely anything else once cyber words are near.
        marked = hit.text.isupper() or bool(CJK_CHAR.search(hit.text))
        adjacent = (has_cyber or bool(firm)) and (_group_noun_adjacent(ctx, hit) or _group_word_beside(ctx, hit))
        # “Dark Seoul” hackers: quotes mark a name of two words or more (not a single word: the “Reaper” drone)
        quoted = hit.text[:1].isupper() and len(hit.text.split()) > 1 and _in_quotes(ctx, hit)
        if alias.plain and not (marked or has_dprk or firm or quoted):
            adjacent = False  # "the IoT Reaper botnet": an ordinary word beside a cyber word is not yet a group
        # "Lazarus" amid "trojanized ... backdoor", but not "John Lazarus"
        coined = not alias.plain or _designation(alias, hit)  # Lazarus, and a vendor's Springtail or Pearl Sleet
        named = clearly_cyber and coined and not _after_first_name(ctx, hit)
        # "FBI ties Lazarus to bridge exploit": a capitalised name that is no ordinary word, a cyber word (or a
        # crypto theft) in its own sentence, no first name before it
        same = _cyber_here(ctx, hit, cyber_sents) and coined and hit.text[:1].isupper()
        sentence = ctx.sent_text(ctx.sent(hit.start))
        if (
            coined
            and hit.text[:1].isupper()
            and _LAUNDERING.search(sentence)
            and (has_dprk or _CRYPTO.search(sentence))
        ):
            same = True  # "North Korea's Lazarus laundered the stolen funds": the group's laundering
        named = named or (same and not _after_first_name(ctx, hit))
        # "Energy providers ... targeted by Lazarus", "ラザルス、防衛産業を狙う": a name that is no ordinary word,
        # with a targeting word and a sector's organisations in its own sentence
        if (
            coined
            and (hit.text[:1].isupper() or marked)
            and _DPRK_OWNS.search(ctx.text[max(0, hit.start - 16) : hit.start])
        ):
            mentions.append(Mention(alias, hit, True))  # "North Korea's Lazarus", 北朝鮮の「Lazarus」: the DPRK's group
            continue
        hits_victims = coined and (hit.text[:1].isupper() or marked) and _victims_here(ctx, hit)
        if hits_victims and not _after_first_name(ctx, hit):
            mentions.append(Mention(alias, hit, True))
            continue
        if marked and _quoted_group(ctx, hit):
            adjacent = True  # "'탈륨' 조직, 외교부 사칭": a name in quotes, then the word group
        near = _cyber_near(ctx, hit, cyber_sents) or same
        if adjacent or (near and (has_dprk or bool(firm) or marked or named or quoted)):
            mentions.append(Mention(alias, hit, True))
    return sorted(mentions, key=lambda m: m.hit.start)
