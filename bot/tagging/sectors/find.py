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
- Military secrets, documents or war plans stolen or leaked (military_secrets.py): the military was hit (defense);
  a field's technology stolen or leaked (stolen_know_how.py): the field was hit (twenty-first round).
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
- People named by the fields they work in ("officials in diplomacy, military and national security") give no sector
  for those fields; a game maker in a sentence about cryptocurrency is that sector's (a blockchain game), not
  technology.
- Why a noun in a frame is still no victim: not_victims.py (English) and cjk_sources.py (Korean, Japanese); the
  lists a text says were targeted: lists.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from bot.tagging.find.actors import Mention
from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit, longest_first
from bot.tagging.sectors.cjk import listed_modifiers
from bot.tagging.sectors.commentators import commentator
from bot.tagging.sectors.frames import (
    bare_sector_noun,
    compound_of_other,
    it_worker_scheme,
    list_item,
    lure_after_head,
    reports,
    supply_chain,
)
from bot.tagging.sectors.lists import target_lists
from bot.tagging.sectors.military_secrets import military_secrets
from bot.tagging.sectors.not_victims import named_by_field, not_an_organisation, owned_or_lure
from bot.tagging.sectors.stolen_know_how import stolen_know_how
from bot.tagging.words import lexicon, lexicon_cjk

JOINERS = {",", "and", "or", "&", "-", "/", "related", "focused", "oriented", "based", "’s", "'s", "as", "well"}
LOOKAHEAD = 12  # tokens from a modifier to its head across a coordinated list
UPPER_ONLY = {"it"}  # "IT companies", not "it"


def _head_of(ctx: Context, mod: Hit, taken: dict[int, Hit]) -> Hit | None:
    """The head noun a sector modifier attaches to, across coordinated modifiers."""
    allowed = lexicon.MODIFIER_HEADS_ONLY.get(mod.text.lower())
    j = mod.tok_end
    limit = min(len(ctx.doc), mod.tok_end + LOOKAHEAD)
    bridged = False
    after_other = False  # right after another modifier of the list: its own bridge word may follow
    while j < limit:
        heads = [h for h in ctx.by_token.get(j, ()) if h.kind == "head"]
        if heads and (allowed is None or heads[0].text.lower() in allowed):
            return heads[0]
        after_joiner = j > mod.tok_end and ctx.doc[j - 1].lower_ in ("and", "or", ",", "&")
        # "broadcasting and financial [computer] networks" (sixteenth round): the bridge after the list's last modifier
        if not bridged and (j == mod.tok_end or after_joiner or after_other) and _bridge(ctx, j, allowed):
            # "financial trading firms", "software development companies"; "academic and strategic institutions"
            bridged, j = True, j + 1
            continue
        other = taken.get(j)
        if other is not None and other.kind == "noun" and ctx.doc[other.tok_end - 1].lower_ in lexicon.HEADS:
            return other  # "medical and energy providers": the next noun phrase carries the head
        if other is not None and other.kind in ("mod", "noun"):
            j, after_other = other.tok_end, True
            continue
        after_other = False
        if _acronym_in_brackets(ctx, j):
            j += 3  # "unmanned aerial vehicle (UAV) manufacturers": the modifier's short name (fourteenth round)
            continue
        if ctx.doc[j].lower_ not in JOINERS and not ctx.doc[j].is_space:
            return None
        j += 1
    return None


def _acronym_in_brackets(ctx: Context, j: int) -> bool:
    """Tokens j..j+2 are "(", an upper-case short name, ")"."""
    doc = ctx.doc
    if j + 2 >= len(doc) or doc[j].text != "(" or doc[j + 2].text != ")":
        return False
    name = doc[j + 1].text
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


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


def _disowned(ctx: Context) -> set[int]:
    """The sentences whose hack the sentence itself or the next says was not the DPRK's ("북한의 소행은 아니라고
    한다", "not the work of North Korea", "北朝鮮の犯行ではない")."""
    if not _NOT_THE_DPRKS.search(ctx.text):
        return set()  # one scan of the text: most texts disown nothing
    saying = {i for i in range(len(ctx.starts)) if _NOT_THE_DPRKS.search(ctx.sent_text(i))}
    return saying | {i - 1 for i in saying if i > 0}


_NOT_THE_DPRKS = re.compile(
    r"(?:북한|북|北)(?:의|과는|과)?\s?(?:소행은|소행이|소행으로는)\s?아니|북한과\s?(?:는\s?)?무관"
    rf"|(?:北朝鮮|北)の(?:犯行|仕業)(?:で|じゃ)はな(?!(?:い|かった){lexicon_cjk.QUESTION})"
    r"|北朝鮮(?:と|とは)無関係"
    r"|\bnot\s+(?:the\s+work\s+of|linked\s+to|tied\s+to|attributed\s+to|carried\s+out\s+by)\s+(?:the\s+)?North\b"
    r"|\bNorth\s+Korea\s+was\s+not\s+(?:involved|behind|responsible)",
    re.IGNORECASE,
)


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
    kept = longest_first(pool)
    taken = {h.tok_start: h for h in kept if h.tok_start >= 0}
    ends = {h.tok_end: h for h in taken.values()}  # kept hits do not overlap: one per end
    heads = {}
    for hit in kept:
        if hit.kind == "mod" and not _policy_field(ctx, hit):
            head = _head_of(ctx, hit, taken)
            if head is not None:
                heads[hit.start] = head
    modified = {h.start for h in heads.values()}
    headed = frozenset(heads)
    for hit in kept:  # a sector noun used as a modifier: "aerospace manufacturers"
        nxt = taken.get(hit.tok_end) if hit.tok_start >= 0 else None
        if nxt is not None and nxt.kind == "noun" and nxt.text.lower() in lexicon.HEADS:
            modified.add(nxt.start)
    out = []
    thefts = ctx.sents_of([h for h in ctx.hits("cyber") if h.value == "crypto theft"])
    for hit in sorted(kept, key=lambda h: h.start):
        bare = bare_sector_noun(ctx, hit) or (hit.value == "cryptocurrency" and ctx.sent(hit.start) in thefts)
        bare = bare or (hit.kind == "mod" and hit.start not in heads and list_item(ctx, hit, taken, ends, headed))
        bare = bare or any(a <= hit.start < b for a, b in listed)  # "Targets: • Defense and aerospace"
        if hit.kind == "mod" and hit.start not in heads and not _stolen_asset(ctx, hit) and not bare:
            continue
        if hit.kind == "mod" and hit.start not in heads and named_by_field(ctx, hit):
            continue  # "officials in diplomacy, military and national security": the fields they work in
        if hit.kind == "mod" and hit.start in heads and reports(ctx, heads[hit.start]):
            continue  # "US federal agencies warned about ...": the source
        if hit.kind == "mod" and hit.start in heads and lure_after_head(ctx, heads[hit.start]):
            continue  # "diplomatic organization-spoofing emails": the bait
        if hit.value in ("technology", "manufacturing") and hit.kind == "mod" and compound_of_other(ctx, hit, ends):
            continue  # "space technology firms", "missile engineering company": the first modifier's sector
        if hit.kind == "noun" and hit.start in modified and hit.tok_end - hit.tok_start == 1:
            continue  # "aerospace manufacturers": the modifier names the sector, the head only says "companies"
        if hit.kind == "noun" and reports(ctx, hit):
            continue  # "federal prosecutors have indicted": the actor
        if not_an_organisation(ctx, hit):
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


NATIONALITY_GAP = 8  # characters between a state and its victims' noun: spaces and a particle (의, の)


def _names_victims(ctx: Context, other: Hit) -> bool:
    """ "Russian government agencies", "중국 정부": the nationality of the victims, not another state's hackers."""
    if other.tok_end < 0:  # 중국 정부, 중국의 공공기관: a noun at most a particle and spaces away
        nouns = ctx.memo.get("noun_starts")
        if nouns is None:  # once per text: a hostile list of thousands of states and nouns stays linear
            nouns = ctx.memo["noun_starts"] = sorted(h.start for h in ctx.hits("noun"))
        at = bisect_left(nouns, other.end)
        return any(
            ctx.text[other.end : start].strip() in ("", "의", "の")
            for start in nouns[at : bisect_right(nouns, other.end + NATIONALITY_GAP)]
        )
    return any(h.kind in ("noun", "mod") for h in ctx.by_token.get(other.tok_end, ()))


_HOT_WALLET = re.compile(r"hot\s?wallets?|핫\s?월렛|ホット\s?ウォレット", re.IGNORECASE)


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
    listed = target_lists(ctx)
    thefts = ctx.sents_of([h for h in ctx.hits("cyber") if h.value == "crypto theft"])
    subject = _is_subject(ctx, mentions)
    agent_paras = {_paragraph(ctx, ctx.starts[s]) for s in agent_sents}
    found = []
    disowned = _disowned(ctx)
    crypto_sents = ctx.sents_of([h for h in ctx.hits("noun") + ctx.hits("mod") if h.value == "cryptocurrency"])
    for sector, hit in _candidates(ctx, listed):
        s = ctx.sent(hit.start)
        in_list = any(a <= hit.start < b for a, b in listed)
        near_agent = bool(agent_sents & {s, s - 1, s - 2})
        # a text about a DPRK actor: its victim frames count anywhere (in a text that also covers another
        # state's hackers, only in a paragraph that names a DPRK agent)
        anywhere = subject and (not others or _paragraph(ctx, hit.start) in agent_paras)
        if s not in agent_sents and _TOPIC_SHIFT.match(ctx.sent_text(s).lstrip()):
            near_agent = anywhere = False  # "한편, 국내 의료기관을 대상으로 한 랜섬웨어가 ...": another story
        # "the assets stolen included cryptocurrencies"; a hot wallet (an exchange's or a platform's online wallet) in
        # a DPRK cyber text is what was drained, in whichever sentence (nineteenth round)
        stolen = sector == "cryptocurrency" and (s in thefts or _HOT_WALLET.search(hit.text) is not None)
        if not in_list and not stolen and (s not in target_sents or not (near_agent or anywhere)):
            continue
        if s in other_sents and s not in dprk_sents:
            continue  # "Russia's Forest Blizzard attacked power companies" in a multi-country report
        if owned_or_lure(ctx, hit) or commentator(ctx, hit):
            continue  # the DPRK's own, the bait, the source; a quoted expert's university
        if s in disowned:
            continue  # "대우조선해양은 해킹당했다. 북한의 소행은 아니라고 한다": a victim of someone else
        if sector == "technology" and _GAME.search(hit.text) and s in crypto_sents:
            continue  # "crypto stolen from a blockchain game company": the cryptocurrency sector's (sixteenth round)
        found.append((sector, hit))
        if _ministry_systems(ctx, hit):
            found.append(("government", hit))  # a defense ministry's database or network: a ministry's too
        if sector == "space" and " ".join(hit.text.lower().split()).endswith(lexicon.SPACE_AGENCIES):
            found.append(("government", hit))  # a space agency is a government agency
    # "stole classified military documents": the military was hit; "stole satellite technology": the field was
    for hit in military_secrets(ctx) + stolen_know_how(ctx):
        s = ctx.sent(hit.start)
        anywhere = subject and (not others or _paragraph(ctx, hit.start) in agent_paras)
        if (agent_sents & {s, s - 1, s - 2} or anywhere) and not (s in other_sents and s not in dprk_sents):
            found.append((hit.value, hit))
    supply = [h for h in ctx.hits("cyber") if supply_chain(ctx, h)]
    supply = [h for h in supply if ctx.sent(h.start) not in other_sents or ctx.sent(h.start) in dprk_sents]
    if supply:  # a software maker breached to reach its customers (3CX, JumpCloud): technology was hit
        found.append(("technology", supply[0]))
    workers = [m.hit for m in mentions if m.alias.value == "Famous Chollima"]
    scheme = it_worker_scheme(ctx)
    if workers or scheme:
        found.append(("technology", scheme[0] if scheme else workers[0]))
    return found


_GAME = re.compile(r"game|gaming|게임|ゲーム", re.IGNORECASE)
# A sentence that opens on "meanwhile" tells another story (fifteenth round): its frames need their own agent.
_TOPIC_SHIFT = re.compile(rf"(?:{'|'.join(map(re.escape, lexicon.SHIFTS + lexicon_cjk.SHIFTS))})\b", re.IGNORECASE)
LEDE_SENTENCES = 4  # an actor named in the title or these first sentences is what the text is about


def _is_subject(ctx: Context, mentions: list[Mention]) -> bool:
    """The text is about DPRK cyber activity: a DPRK actor or family in the title or lede, or a DPRK signal in the
    title with a cyber or target word in the title or first sentence."""
    if any(ctx.sent(m.hit.start) <= LEDE_SENTENCES for m in mentions):
        return True
    if not any(ctx.sent(h.start) == 0 for h in ctx.hits("dprk")):
        return False
    return any(ctx.sent(h.start) <= 1 for h in ctx.hits("cyber") + ctx.hits("target"))


def _paragraph(ctx: Context, pos: int) -> int:
    """Index of the blank-line-separated paragraph holding character `pos`: the blank lines (found once per text, as
    str.count finds them) that end before it."""
    breaks = ctx.memo.get("paragraph_breaks")
    if breaks is None:
        breaks = ctx.memo["paragraph_breaks"] = [m.start() for m in re.finditer("\n\n", ctx.text)]
    return bisect_right(breaks, pos - 2)
