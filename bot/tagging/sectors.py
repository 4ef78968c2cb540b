"""Find the sectors a DPRK cyber text says were targeted or hit (taxonomy.md "Sectors").

Rules:
- A sector is named by an organisation noun phrase: a whole noun ("banks", "think tanks", "법원") or a
  modifier joined to a head noun, through coordination ("defence, aerospace and nuclear organisations") or one
  plain word ("financial trading firms", "software development companies").
  Adjectives alone do not count: "medical certificates" and "financial information" are stolen data; nor do
  negated modifiers ("non-governmental organisations") or a noun used as a verb after its subject ("it judges").
- It counts only in a targeting frame: its sentence has a target word (targeted, attacks on, victims, stole
  from, heist, recipients, reached...) and a DPRK agent (actor, DPRK signal, "the group", "hackers") is in it or
  the two before. In a text naming a DPRK actor or malware family, words referring back to its activity ("the
  campaign", "the operators") are agents too. In a text about DPRK cyber activity (an actor or family in the title
  or first sentences, or a DPRK signal with a cyber/target word in the title) a target frame counts anywhere; if it
  also covers another state's hackers, only in a paragraph naming a DPRK agent. A list under a "Targets" /
  "Targeted sectors" / "Victims" heading (to the next blank line) or after "Sector:" on a line counts as targeted,
  and so do bullet lines introduced by a line that speaks of targets ("Who do they target? ... span across:").
- A sector modifier decides its head ("aerospace manufacturers" is aerospace); a policy field ("defence-policy
  officials") is no sector; the authors ("our governments", "The Governments of X and Y" as subject) are not hit.
- Not after a lure word ("disguised as", "fake", "-themed", "appear to come from"; Korean/Japanese "통일부를
  사칭한", "통일부를 가장한", "을 빙자", "を名乗り") or before one ("the ministry's logo", "통일부 로고"), not
  when it is the source ("according to prosecutors", "보안업체에 따르면"), not when the DPRK owns it ("its space
  programme", "North Korean banks"), and only in texts that are dprk_cyber.
- A quoted expert's university or institute ("said Kim, a professor at Korea University", "高麗大の金教授は「…」と
  話した"; commentators.py) is no victim.
- Military secrets, documents or war plans stolen or leaked (military_secrets.py): the military was hit (defense).
- A supply-chain compromise ("supply chain attack" on a software maker, named or not; 공급망 공격) hit technology,
  unless its clause names it a method ("supply chain attacks and social engineering techniques", "...といった手法").
- Not in a sentence about another state's hackers (Russia, Volt Typhoon...) unless it names the DPRK agent too.
- "stole cryptocurrency", "theft of crypto": the stolen asset names the cryptocurrency sector; in a DPRK cyber text a
  sentence stealing cryptocurrency (frames.py) names it wherever it stands.
- A head noun followed by a reporting verb is the source ("US federal agencies warned"); a Korean/Japanese noun
  with an impersonation marker later in its clause is the bait ("통일부 산하 ... 직원을 사칭한").
- The DPRK IT-worker scheme (Famous Chollima, or scheme words such as IT workers / remote developer jobs in or
  just after a DPRK sentence) targets companies hiring
  remote IT workers: technology (taxonomy.md).
"""

from __future__ import annotations

import re

from bot.tagging import lexicon
from bot.tagging.actors import Mention
from bot.tagging.cjk_sectors import listed_modifiers
from bot.tagging.cjk_sources import cjk_lure_or_source
from bot.tagging.commentators import commentator
from bot.tagging.context import Context
from bot.tagging.military_secrets import military_secrets
from bot.tagging.nlp import Hit
from bot.tagging.sector_frames import (
    bare_sector_noun,
    compound_of_other,
    it_worker_scheme,
    list_item,
    lure_after_head,
    payment,
    reported_by,
    reports,
    speaker_side,
    supply_chain,
    told,
    trains_hackers,
    victims_country,
)

JOINERS = {",", "and", "or", "&", "-", "/", "related", "focused", "oriented", "based", "’s", "'s", "as", "well"}
LOOKAHEAD = 12  # tokens from a modifier to its head across a coordinated list
_TARGET_WORDS = set(lexicon.TARGET)
UPPER_ONLY = {"it"}  # "IT companies", not "it"
POSSESSIVE = {"'s", "’s", "'", "’"}


def _longest_first(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return kept


def _head_of(ctx: Context, mod: Hit, taken: dict[int, Hit]) -> Hit | None:
    """The head noun a sector modifier attaches to, across coordinated modifiers."""
    allowed = lexicon.MODIFIER_HEADS_ONLY.get(mod.text.lower())
    j = mod.tok_end
    limit = min(len(ctx.doc), mod.tok_end + LOOKAHEAD)
    bridged = False
    while j < limit:
        heads = [h for h in ctx.by_token.get(j, ()) if h.kind == "head"]
        if heads and (allowed is None or heads[0].text.lower() in allowed):
            return heads[0]
        if not bridged and j == mod.tok_end and _bridge(ctx, j, allowed):
            bridged, j = True, j + 1  # "financial trading firms", "software development companies"
            continue
        other = taken.get(j)
        if other is not None and other.kind == "noun" and ctx.doc[other.tok_end - 1].lower_ in lexicon.HEADS:
            return other  # "medical and energy providers": the next noun phrase carries the head
        if other is not None and other.kind in ("mod", "noun"):
            j = other.tok_end
            continue
        if ctx.doc[j].lower_ not in JOINERS and not ctx.doc[j].is_space:
            return None
        j += 1
    return None


def _bridge(ctx: Context, j: int, allowed: set[str] | None) -> bool:
    """One plain lower-case word between a modifier and its head noun ("financial [trading] firms"); not a function
    word ("stealing technology [from] organizations") nor a research word ("defense [analysis] institute" is a think
    tank)."""
    tok = ctx.doc[j]
    if not (tok.is_alpha and tok.is_lower) or tok.is_stop or ctx.by_token.get(j) or j + 1 >= len(ctx.doc):
        return False  # a word that is itself vocabulary ("military hacking groups") is no bridge
    if tok.lower_ in lexicon.RESEARCH_BRIDGES:
        return False
    heads = [h for h in ctx.by_token.get(j + 1, ()) if h.kind == "head"]
    return bool(heads) and (allowed is None or heads[0].text.lower() in allowed)


_MAKERS_OF_MALWARE = re.compile(
    r"\s+(?:of|behind)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:ransomware|malware|virus|worm|trojan|backdoor|exploit|"
    r"wiper|botnet|spyware)\b",
    re.IGNORECASE,
)


def _not_an_organisation(ctx: Context, hit: Hit) -> bool:
    """ "non-governmental organisations" (negated), "that it judges to serve" (a verb, after its subject), "the
    developers of the WannaCry ransomware" (the malware's authors)."""
    if hit.tok_start < 1:
        return False
    doc = ctx.doc
    before = [t.lower_ for t in doc[max(0, hit.tok_start - 3) : hit.tok_start] if not t.is_space]
    if before[-1:] and before[-1] in lexicon.NEGATING or before[-2:] in (["non", "-"], ["non", "‐"]):
        return True
    if hit.value in ("media", "manufacturing") and before[-1:] == ["social"]:
        return True  # "social media": platforms, not the press; "social engineering": a technique
    if hit.value == "technology" and _MAKERS_OF_MALWARE.match(ctx.text, hit.end):
        return True  # "the possible developers of the WannaCry ransomware": the authors of the malware
    if hit.kind == "mod" and _field_of_expertise(ctx, hit):
        return True  # "experts in the fields of cryptocurrency, diplomacy and security": what they know
    words = [w for w in before if w not in lexicon.ADVERBS]
    if hit.tok_end - hit.tok_start == 1 and any(a.tok_end == hit.tok_start for a in ctx.hits("alias")):
        return True  # "APT43 courts experts": a verb after the actor's name
    return hit.tok_end - hit.tok_start == 1 and bool(words) and words[-1] in lexicon.SUBJECTS


_FIELD_WORDS = {"field", "fields", "area", "areas"}
_FREQUENTED = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:frequented|visited)\s+by\b", re.IGNORECASE)
# Data about the noun, not taken from it (eleventh round): "data on South Korean military installations and power
# plants" (a list of up to six words between; "from", "at", "in", "by", "of", "to" end it: "data on cars from a
# crypto exchange" was taken from the exchange).
_DATA_ON = re.compile(
    r"\b(?:data|details)\s+(?:on|about|regarding)\s+(?:(?!(?:from|at|in|by|of|to)\b)[\w'’-]+,?\s+){0,6}?$",
    re.IGNORECASE,
)
_LIST_JOINERS = {",", "and", "or", "&", "/"}
_EXPERTS = {"experts", "expert", "specialists", "researchers", "scholars", "analysts"}


def _field_of_expertise(ctx: Context, mod: Hit) -> bool:
    """A modifier listed after "the fields of" ("experts in the fields of cryptocurrency, diplomacy and security"):
    a field of expertise, not an organisation. Back over the list's joiners and other words to "of"."""
    words = [t.lower_ for t in ctx.doc[max(0, mod.tok_start - 10) : mod.tok_start] if not t.is_space]
    for i in range(len(words) - 1, -1, -1):
        if words[i] == "of":  # "experts in the fields of"; not "organisations in the fields of defense"
            return i > 0 and words[i - 1] in _FIELD_WORDS and bool(_EXPERTS & set(words[max(0, i - 5) : i - 1]))
        if words[i] not in _LIST_JOINERS and not words[i].isalpha():
            return False
    return False


def _owned_or_lure(ctx: Context, hit: Hit) -> bool:
    before = ctx.text[max(0, hit.start - 30) : hit.start].lower().replace("’", "'").rstrip()
    owned = any(before.endswith(own.replace("’", "'")) for own in lexicon.OWN) or _DPRK_OWN_ONE_WORD.search(before)
    if owned and not victims_country(before):
        return True  # "its space programme", "North Korean military intelligence officials"
    if reported_by(ctx, hit):
        return True  # "the story was broken by South Korean news outlet X": the source
    if speaker_side(ctx, hit) or told(ctx, hit):
        return True  # "lawmakers who met with reporters said that the institute was targeted": who speaks
    if payment(ctx, hit):
        return True  # "demanded a ransom in bitcoin": the currency, not its holders
    if trains_hackers(ctx, hit):
        return True  # "hackers are trained at the university": the DPRK's own school
    if hit.tok_start >= 0 and _FREQUENTED.match(ctx.text, hit.end):
        return True  # "media sites frequented by targeted organizations": the watering hole, the route
    if hit.tok_start >= 0 and _DATA_ON.search(ctx.text, max(0, hit.start - 60), hit.start):
        return True  # "stole data on military installations and power plants": the topic of the data
    if _authors(ctx, hit):
        return True
    if hit.tok_start < 0:
        return cjk_lure_or_source(ctx, hit)
    left, right = ctx.words_around(hit, before=12, after=3)
    nxt = right[0].lower() if right else ""
    after = [w.lower() for w in right if w.lower() not in POSSESSIVE]
    if after and after[0] in lexicon.LURE_AFTER:
        return True  # "the ministry's logo", "bank letterhead": the bait
    if _SOURCE_BEFORE.search(before) or nxt in lexicon.REPORTING or _reported_by(left[-3:]):
        return True  # "according to prosecutors", "banks said", "announced Axie developers": the source
    if nxt in lexicon.MEANS:
        return True  # "software supply chain routes": how, not whom
    if _SEEMING_FROM.search(ctx.text, max(ctx.starts[ctx.sent(hit.start)], hit.start - 120), hit.start):
        return True  # "messages that appear to come from journalists, academics and officials"
    words = [word.lower().strip("\"'‘’“”") for word in left]
    for i in range(len(words) - 1, -1, -1):
        w, pair = words[i], " ".join(words[i - 1 : i + 1])
        if w in _TARGET_WORDS or pair in _TARGET_WORDS or w in lexicon.LURE_STOP or w in ".;!?":
            return False  # "... were sent to diplomats", "fake messages aimed at engineers"
        if w in lexicon.LURE or w.endswith("-themed"):
            return True
    return False


def _disowned(ctx: Context) -> set[int]:
    """The sentences whose hack the sentence itself or the next says was not the DPRK's ("북한의 소행은 아니라고
    한다", "not the work of North Korea", "北朝鮮の犯行ではない")."""
    if not _NOT_THE_DPRKS.search(ctx.text):
        return set()  # one scan of the text: most texts disown nothing
    saying = {i for i in range(len(ctx.starts)) if _NOT_THE_DPRKS.search(ctx.sent_text(i))}
    return saying | {i - 1 for i in saying if i > 0}


_NOT_THE_DPRKS = re.compile(
    r"(?:북한|북|北)(?:의|과는|과)?\s?(?:소행은|소행이|소행으로는)\s?아니|북한과\s?(?:는\s?)?무관"
    r"|(?:北朝鮮|北)の犯行(?:で|じゃ)はな|北朝鮮(?:と|とは)無関係"
    r"|\bnot\s+(?:the\s+work\s+of|linked\s+to|tied\s+to|attributed\s+to|carried\s+out\s+by)\s+(?:the\s+)?North\b"
    r"|\bNorth\s+Korea\s+was\s+not\s+(?:involved|behind|responsible)",
    re.IGNORECASE,
)


def _authors(ctx: Context, hit: Hit) -> bool:
    """ "our three governments", "The Governments of the United States, Japan and ...": who speaks, not who was hit."""
    if hit.tok_start < 0:
        return False
    near = [t.lower_ for t in ctx.doc[max(0, hit.tok_start - 3) : hit.tok_start] if not t.is_space]
    for word in reversed(near):
        if word in lexicon.AUTHORS:
            return True
        if not word.isalpha():
            break
    nxt = ctx.doc[hit.tok_end].lower_ if hit.tok_end < len(ctx.doc) else ""
    prev = ctx.doc[hit.tok_start - 1].lower_ if hit.tok_start > 0 else ""
    if not ((hit.text[:1].isupper() or prev == "the") and nxt == "of"):
        return False
    sent_start = ctx.starts[ctx.sent(hit.start)]
    return not any(sent_start <= t.start < hit.start for t in ctx.hits("target"))  # the subject: no frame before it


def _ministry_systems(ctx: Context, hit: Hit) -> bool:
    """A defense ministry's own database or network ("the Defense Ministry's database", "국방부 전산망")."""
    text = " ".join(hit.text.lower().split())
    if text in lexicon.ALSO_GOVERNMENT:
        return bool(_ITS_SYSTEMS.match(ctx.text, hit.end))
    ministry = next((m for m in lexicon.ALSO_GOVERNMENT if text.startswith(m)), None)
    return ministry is not None and bool(_ITS_SYSTEMS.fullmatch(text[len(ministry) :]))


# A body's own computer systems right after its name ("'s database", "の内部網", " 전산망").
_ITS_SYSTEMS = re.compile(
    r"(?:'s|’s|の|의)?\s?(?:database|databases|network|networks|system|systems|server|servers|computers|intranet|"
    r"e-?mail|データベース|ネットワーク|システム|サーバー?|内部網|전산망|내부망|서버|인트라넷|시스템|네트워크|"
    r"데이터베이스)",
    re.IGNORECASE,
)
# The DPRK as possessor, one word before the noun: "North Korean military intelligence officials".
_DPRK_OWNERS = sorted({own.replace("’", "'") for own in lexicon.DPRK_OWN}, key=len, reverse=True)  # `before` has '
_DPRK_OWN_ONE_WORD = re.compile(rf"\b(?:{'|'.join(map(re.escape, _DPRK_OWNERS))})\s+[a-z][a-z-]*$")
# "according to the ministry", "according to South Korea's defense ministry": up to three words before the noun.
_SOURCE_BEFORE = re.compile(rf"\b(?:{'|'.join(lexicon.SOURCE_BEFORE)})(?: \S+){{0,3}}$")
# "appear to come from", "look like they come from", "purporting to be from", up to the noun (and its coordinates).
_SEEMING_FROM = re.compile(
    r"\b(?:appear|appears|appeared|appearing|look|looks|looked|looking|seem|seems|seemed|seeming|purport\w*|"
    r"claim\w*|pretend\w*)\b[^.;:!?]{0,30}?\b(?:(?:come|comes|coming|be|are|is|was|were)\s+(?:sent\s+)?from|"
    r"like\b[^.;:!?]{0,40}?\bfrom)\b"
    r"(?:(?!\bto\b)[^.;:!?]){0,80}$",  # up to the noun, not past "to" (who received it)
    re.IGNORECASE,
)


def _reported_by(left: list[str]) -> bool:
    """A reporting verb just before the noun, with no target word between ("said the developers")."""
    for word in reversed(left):
        w = word.lower()
        if w in _TARGET_WORDS or w in ".;!?:":
            return False
        if w in lexicon.REPORTING or w in ("reports", "reported"):
            return True  # "said the developers", "reports Yonhap news agency"
    return False


def _covered(ctx: Context, pos: int) -> bool:
    return any(h.start <= pos < h.end for h in ctx.hits("noun") + ctx.hits("mod"))


def _candidates(ctx: Context, listed: list[tuple[int, int]]) -> list[tuple[str, Hit]]:
    pool = [
        h
        for h in ctx.hits("noun") + ctx.hits("mod")
        if not (h.value and h.text.lower() in UPPER_ONLY and h.text != h.text.upper())
    ]
    for a, b in listed:  # IT·금융·통신 등 ... 타깃으로: a listed Korean or Japanese modifier needs no head
        pool += [Hit(*found) for found in listed_modifiers(ctx.text, a, b) if not _covered(ctx, found[2])]
    kept = _longest_first(pool)
    taken = {h.tok_start: h for h in kept if h.tok_start >= 0}
    heads = {}
    for hit in kept:
        if hit.kind == "mod" and not _policy_field(ctx, hit):
            head = _head_of(ctx, hit, taken)
            if head is not None:
                heads[hit.start] = head
    modified = {h.start for h in heads.values()}
    for hit in kept:  # a sector noun used as a modifier: "aerospace manufacturers"
        nxt = taken.get(hit.tok_end) if hit.tok_start >= 0 else None
        if nxt is not None and nxt.kind == "noun" and nxt.text.lower() in lexicon.HEADS:
            modified.add(nxt.start)
    out = []
    thefts = ctx.sents_of([h for h in ctx.hits("cyber") if h.value == "crypto theft"])
    for hit in sorted(kept, key=lambda h: h.start):
        bare = bare_sector_noun(ctx, hit) or (hit.value == "cryptocurrency" and ctx.sent(hit.start) in thefts)
        bare = bare or (hit.kind == "mod" and hit.start not in heads and list_item(ctx, hit, taken))
        bare = bare or any(a <= hit.start < b for a, b in listed)  # "Targets: • Defense and aerospace"
        if hit.kind == "mod" and hit.start not in heads and not _stolen_asset(ctx, hit) and not bare:
            continue
        if hit.kind == "mod" and hit.start in heads and reports(ctx, heads[hit.start]):
            continue  # "US federal agencies warned about ...": the source
        if hit.kind == "mod" and hit.start in heads and lure_after_head(ctx, heads[hit.start]):
            continue  # "diplomatic organization-spoofing emails": the bait
        if hit.value in ("technology", "manufacturing") and hit.kind == "mod" and compound_of_other(ctx, hit, taken):
            continue  # "space technology firms", "missile engineering company": the first modifier's sector
        if hit.kind == "noun" and hit.start in modified and hit.tok_end - hit.tok_start == 1:
            continue  # "aerospace manufacturers": the modifier names the sector, the head only says "companies"
        if hit.kind == "noun" and reports(ctx, hit):
            continue  # "federal prosecutors have indicted": the actor
        if _not_an_organisation(ctx, hit):
            continue
        out.append((hit.value, hit))
    return out


def _policy_field(ctx: Context, mod: Hit) -> bool:
    """ "defence-policy officials", "energy policy experts": a policy field, not the sector's organisations."""
    nxt = [t.lower_ for t in ctx.doc[mod.tok_end : mod.tok_end + 2] if not t.is_space]
    return bool(nxt) and (nxt[0] in lexicon.FIELDS or (nxt[0] in ("-", "‐") and nxt[1:2] and nxt[1] in lexicon.FIELDS))


def _stolen_asset(ctx: Context, mod: Hit) -> bool:
    """ "stole cryptocurrency", "theft of crypto": the asset names the sector whose holders were hit."""
    if mod.value != "cryptocurrency" or mod.tok_start < 1:
        return False
    one = ctx.doc[mod.tok_start - 1].lower_
    two = ctx.doc[max(0, mod.tok_start - 2) : mod.tok_start].text.lower()
    return one in lexicon.THEFT or two in lexicon.THEFT or one in lexicon.HOLDING or two in lexicon.HOLDING


def _names_victims(ctx: Context, other: Hit) -> bool:
    """ "Russian government agencies", "중국 정부": the nationality of the victims, not another state's hackers."""
    if other.tok_end < 0:  # 중국 정부, 중국의 공공기관
        return any(
            ctx.text[other.end : h.start].strip() in ("", "의", "の") for h in ctx.hits("noun") if h.start >= other.end
        )
    return any(h.kind in ("noun", "mod") for h in ctx.by_token.get(other.tok_end, ()))


def find_sectors(ctx: Context, mentions: list[Mention], dprk_cyber: bool) -> list[tuple[str, Hit]]:
    """(sector, evidence hit) pairs that count, in text order."""
    if not dprk_cyber:
        return []
    dprk_sents = ctx.sents_of([m.hit for m in mentions] + ctx.hits("dprk"))
    agent_sents = dprk_sents | ctx.sents_of(ctx.hits("agent"))
    if mentions:  # the text is about a named DPRK actor or family: "the campaign" refers back to it
        agent_sents |= ctx.sents_of(ctx.hits("anaphor"))
    target_sents = ctx.sents_of(ctx.hits("target"))
    others = [h for h in ctx.hits("other") if not _names_victims(ctx, h)]
    other_sents = ctx.sents_of(others)
    listed = _target_lists(ctx)
    thefts = ctx.sents_of([h for h in ctx.hits("cyber") if h.value == "crypto theft"])
    subject = _is_subject(ctx, mentions)
    agent_paras = {_paragraph(ctx, ctx.starts[s]) for s in agent_sents}
    found = []
    disowned = _disowned(ctx)
    for sector, hit in _candidates(ctx, listed):
        s = ctx.sent(hit.start)
        in_list = any(a <= hit.start < b for a, b in listed)
        near_agent = bool(agent_sents & {s, s - 1, s - 2})
        # a text about a DPRK actor: its victim frames count anywhere (in a text that also covers another
        # state's hackers, only in a paragraph that names a DPRK agent)
        anywhere = subject and (not others or _paragraph(ctx, hit.start) in agent_paras)
        stolen = sector == "cryptocurrency" and s in thefts  # "the assets stolen included cryptocurrencies"
        if not in_list and not stolen and (s not in target_sents or not (near_agent or anywhere)):
            continue
        if s in other_sents and s not in dprk_sents:
            continue  # "Russia's Forest Blizzard attacked power companies" in a multi-country report
        if _owned_or_lure(ctx, hit) or commentator(ctx, hit):
            continue  # the DPRK's own, the bait, the source; a quoted expert's university
        if s in disowned:
            continue  # "대우조선해양은 해킹당했다. 북한의 소행은 아니라고 한다": a victim of someone else
        found.append((sector, hit))
        if _ministry_systems(ctx, hit):
            found.append(("government", hit))  # a defense ministry's database or network: a ministry's too
        if sector == "space" and " ".join(hit.text.lower().split()).endswith(lexicon.SPACE_AGENCIES):
            found.append(("government", hit))  # a space agency is a government agency
    for hit in military_secrets(ctx):  # "stole classified military documents": the military was hit
        s = ctx.sent(hit.start)
        anywhere = subject and (not others or _paragraph(ctx, hit.start) in agent_paras)
        if (agent_sents & {s, s - 1, s - 2} or anywhere) and not (s in other_sents and s not in dprk_sents):
            found.append(("defense", hit))
    supply = [h for h in ctx.hits("cyber") if supply_chain(ctx, h)]
    supply = [h for h in supply if ctx.sent(h.start) not in other_sents or ctx.sent(h.start) in dprk_sents]
    if supply:  # a software maker breached to reach its customers (3CX, JumpCloud): technology was hit
        found.append(("technology", supply[0]))
    workers = [m.hit for m in mentions if m.alias.value == "Famous Chollima"]
    scheme = it_worker_scheme(ctx)
    if workers or scheme:
        found.append(("technology", scheme[0] if scheme else workers[0]))
    return found


LEDE_SENTENCES = 4  # an actor named in the title or these first sentences is what the text is about
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
    r"verticals|companies))?\s+(?:include[sd]?|including|span(?:ned|s)?|such\s+as)\s+([^.;:\n]+)",
    re.IGNORECASE,
)
_CJK_LIST = re.compile(
    r"(?:대상은|대상이|타깃은|표적은|対象は|標的は|勤務先には|勤務先は|雇用先には|취업처는|취업처에는)"
    r"\s?([^.。\n]{2,80}?)\s?(?:등|など)"
)
# "... 등 최소 6곳을 타깃으로": found from its end, then the list read backwards (a scan from every word was slow)
_CJK_COUNTED = re.compile(
    r"\s?(?:등|など)\s?(?:최소\s?|약\s?)?\d+\s?(?:곳|개\s?(?:조직|기관|기업|업체|사)|社|組織)(?:을|를|が|を)?\s?"
    r"(?:타깃|대상|표적|겨냥|노려|노린|공격|狙|標的|攻撃)"
    # "... 등 분야로 공격 대상을 넓혀", "...などの分野の企業を標的": a list of fields that were targeted
    r"|\s?(?:등|など)\s?(?:의\s?|の)?(?:분야|산업|업종|업계|分野|業界|産業|業種)(?:의\s?|の)?(?:기업|企業|会社|조직|組織)?"
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


def _target_lists(ctx: Context) -> list[tuple[int, int]]:
    """Spans of text listed under a "Targets" heading (up to a blank line), after "Targets:" on its line, or after
    "the affected industries include" (대상은 ... 등, ... 등 최소 6곳을 타깃으로)."""
    spans = []
    for m in _LIST_HEADING.finditer(ctx.text):
        end = ctx.text.find("\n\n", m.end() + 1)
        spans.append((m.end(), len(ctx.text) if end < 0 else end))
    spans += [m.span(1) for m in _INLINE_HEADING.finditer(ctx.text)]
    spans += [m.span(1) for m in _INCLUDE_LIST.finditer(ctx.text)]
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


def _is_subject(ctx: Context, mentions: list[Mention]) -> bool:
    """The text is about DPRK cyber activity: a DPRK actor or family in the title or lede, or a DPRK signal in the
    title with a cyber or target word in the title or first sentence."""
    if any(ctx.sent(m.hit.start) <= LEDE_SENTENCES for m in mentions):
        return True
    if not any(ctx.sent(h.start) == 0 for h in ctx.hits("dprk")):
        return False
    return any(ctx.sent(h.start) <= 1 for h in ctx.hits("cyber") + ctx.hits("target"))


def _paragraph(ctx: Context, pos: int) -> int:
    """Index of the blank-line-separated paragraph holding character `pos`."""
    return ctx.text.count("\n\n", 0, pos)
