"""Why a sector noun in a targeting frame is still no victim (issue 16); sectors/find.py asks not_an_organisation and
owned_or_lure of every candidate.

Rules (English; Korean and Japanese markers are cjk_sources.py, the shared frames sectors/frames.py):
- Not an organisation: a negated modifier ("non-governmental organisations"), "social media", the authors of a
  malware ("the developers of the WannaCry ransomware"), a field of expertise ("experts in the fields of
  cryptocurrency, diplomacy and security"), a verb after an actor's name or a subject ("APT43 courts experts").
- The DPRK's own ("its space programme", "North Korean military intelligence officials"); the source ("according
  to prosecutors", "banks said", "reported by", "sources in"), the speaker's side, the payment ("demanded a ransom
  in bitcoin"), a school that trains hackers, a watering hole ("media sites frequented by"), the topic of data
  ("data on ... power plants"), the authors ("our governments"), the bait ("the ministry's logo", "messages that
  appear to come from journalists", a lure word before the noun with no target word between), the victim's partner
  ("the drugmaker working with X University"), who backs the attacks ("backed by national governments").
- A headless modifier in the list of fields people work in ("officials in diplomacy, military and national
  security"): their fields (named_by_field).
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.sectors.cjk_sources import cjk_lure_or_source
from bot.tagging.sectors.frames import payment, reported_by, speaker_side, told, trains_hackers, victims_country
from bot.tagging.words import lexicon

_TARGET_WORDS = set(lexicon.TARGET)
POSSESSIVE = {"'s", "’s", "'", "’"}


_MAKERS_OF_MALWARE = re.compile(
    r"\s+(?:of|behind)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:ransomware|malware|virus|worm|trojan|backdoor|exploit|"
    r"wiper|botnet|spyware)\b",
    re.IGNORECASE,
)


def not_an_organisation(ctx: Context, hit: Hit) -> bool:
    """ "non-governmental organisations" (negated), "that it judges to serve" (a verb, after its subject), "the
    developers of the WannaCry ransomware" (the malware's authors)."""
    if hit.tok_start < 1:
        return False
    doc = ctx.doc
    before = [t.lower_ for t in doc[max(0, hit.tok_start - 3) : hit.tok_start] if not t.is_space]
    if before[-1:] and before[-1] in lexicon.NEGATING or before[-2:] in (["non", "-"], ["non", "‐"]):
        return True
    if _DENIED_BEFORE.search(ctx.text, max(ctx.starts[ctx.sent(hit.start)], hit.start - 80), hit.start):
        return True  # "none among those tricked were government employees": denied (nineteenth round)
    if _PEOPLES_BEFORE.search(ctx.text, max(0, hit.start - 12), hit.start) or _PEOPLES_AFTER.match(ctx.text, hit.end):
        return True  # "the Ministry of the People's Armed Forces": a state's own institution (nineteenth round)
    if hit.value in ("media", "manufacturing") and before[-1:] == ["social"]:
        return True  # "social media": platforms, not the press; "social engineering": a technique
    if hit.value == "technology" and _MAKERS_OF_MALWARE.match(ctx.text, hit.end):
        return True  # "the possible developers of the WannaCry ransomware": the authors of the malware
    if hit.value == "think-tanks-academia" and _UNIVERSITY_HOSPITAL.search(ctx.text, max(0, hit.start - 40), hit.start):
        return True  # "the hospital of a private university": the hospital was the target
    if hit.kind == "mod" and _field_of_expertise(ctx, hit):
        return True  # "experts in the fields of cryptocurrency, diplomacy and security": what they know
    words = [w for w in before if w not in lexicon.ADVERBS]
    if hit.tok_end - hit.tok_start == 1 and any(a.tok_end == hit.tok_start for a in ctx.hits("alias")):
        return True  # "APT43 courts experts": a verb after the actor's name
    return hit.tok_end - hit.tok_start == 1 and bool(words) and words[-1] in lexicon.SUBJECTS


# "none among those tricked were government employees", "the victims were not banks": a class of victims denied
_DENIED_BEFORE = re.compile(
    r"\b(?:none|nobody|no\s+one|neither)\b[^.;!?]{0,60}?\s(?:were|was|are|is)\s+(?:(?:any|a|an|the)\s+)?$"
    r"|\b(?:were|was|are|is)\s+not\s+(?:(?:any|a|an|the)\s+)?$",
    re.IGNORECASE,
)
# "the Korean People's Army", "the Ministry of the People's Armed Forces": a state's own institutions by name
_PEOPLES_BEFORE = re.compile(r"\bPeople['’]s\s+$")
_PEOPLES_AFTER = re.compile(r"\s+of\s+(?:the\s+)?People['’]s\s")
_FIELD_WORDS = {"field", "fields", "area", "areas"}
# A hospital owned by the university ("the hospital of a private university"): not a think tank. (An atomic energy
# research institute stays one: the reference corpus labels it energy and think-tanks-academia.)
_UNIVERSITY_HOSPITAL = re.compile(r"\bhospital\s+of\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
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


# People named by the fields they work in, a list of fields up to the modifier (sixteenth round): "officials in
# diplomacy, military and national security", "experts on defense and energy"
_FIELDS_OF_PEOPLE = re.compile(
    r"\b(?:officials|experts|specialists|figures|professionals|analysts|scholars|workers|personnel|staff)\s+"
    r"(?:in|on|of|working in)\s+(?:the\s+)?(?:fields?\s+of\s+)?"
    r"(?:[A-Za-z-]+(?:\s+[A-Za-z-]+)?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*$",
    re.IGNORECASE,
)


def named_by_field(ctx: Context, mod: Hit) -> bool:
    """A modifier with no head of its own in the list of fields people work in ("officials in diplomacy, military
    and national security"): their fields, not organisations hit (find.py asks it of headless modifiers only:
    "staff in defense companies" were hit)."""
    return bool(_FIELDS_OF_PEOPLE.search(ctx.text, max(0, mod.start - FIELDS_REACH), mod.start))


FIELDS_REACH = 150  # characters before the modifier where the people and their list are read


# the route laundered money took (twelfth round): "laundered stolen funds through cryptocurrency exchanges"
_LAUNDERED_THROUGH = re.compile(
    r"\blaunder\w*\b[^.;!?]{0,60}?\b(?:through|via|using|on)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE
)
# "on behalf of the previously designated First Credit Bank", "sanctioned crypto mixers": a sanctioned entity is the
# DPRK's own or its launderer, not its victim (twentieth round)
_SANCTIONED_BEFORE = re.compile(
    r"\b(?:previously\s+|already\s+|also\s+)?(?:designated|sanctioned|blacklisted|OFAC-designated|UN-designated)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "cyberattacks backed by national governments": who is behind the attacks, not who was hit (seventeenth round)
_SPONSOR_OF = re.compile(
    r"\b(?:backed|sponsored|supported|funded|directed|ordered|run)\s+by\s+(?:the\s+|a\s+|their\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "the drugmaker working with a university to develop the vaccine": the victim's partner, named by its name
# (capitalised words) or "the"/"a"; not the victim (sixteenth round). The investigators' partners too, past a list
# of them: "will continue to cooperate with the FBI, other US government agencies" (twenty-third round)
_PARTNER_OF = re.compile(
    r"\b(?:[Ww]orking|[Ww]orked|[Ww]orks|[Pp]artner(?:ed|ing|s)?|[Cc]ollaborat(?:ing|ed|es|e)|[Tt]eamed up|"
    r"in (?:partnership|collaboration|cooperation)|[Cc]ooperat(?:ing|ed|es|e))\s+(?:closely\s+)?with\s+"
    r"(?:(?:the|an?)\s+)?(?:(?:[A-Z][\w.&'’-]*|other|and|its|their|the|other)(?:,\s*|\s+)){0,6}$"
)


# A finance word that names a regulator or a watchdog (thirteenth round): "Financial Services Agency", "Financial
# Action Task Force", "FinCEN" spelled out, "financial regulators", "financial authorities"
_REGULATOR_AFTER = re.compile(
    r"\s+(?:services\s+(?:agency|commission|authority)|supervisory\s+(?:service|commission|authority)"
    r"|action\s+task\s+force|crimes\s+enforcement\s+network|conduct\s+authority|intelligence\s+units?"
    r"|stability\s+board|regulators?|watchdogs?|authorities|supervisors?)\b",
    re.IGNORECASE,
)
# A court's papers, not its systems (fourteenth round): "court documents", "court filings" cite the case
_COURT_PAPERS = re.compile(
    r"\s+(?:documents?|records?|filings?|papers|dockets?|transcripts?)\b"
    r"(?!\s+(?:systems?|database|databases|portal|portals|network|networks|servers?))",
    re.IGNORECASE,
)
# What stolen money pays for (thirteenth round): "to bankroll nuclear and ballistic missile projects", "funding its
# weapons programmes": a programme of its own, not a sector hit
# A record the theft is compared with: "a record previously held by X, who stole ... from", "the record belonged to X"
# (nineteenth round: two sets' reports of one large theft compared it with another thief's)
_RECORD_HELD_BY = re.compile(
    r"\brecord\b[^.;!?]{0,30}?\b(?:held|set)\s+by\b[^.;!?]*$|\brecord\s+(?:previously\s+)?belonged\s+to\b[^.;!?]*$",
    re.IGNORECASE,
)


def _compared_record(ctx: Context, hit: Hit) -> bool:
    """The noun is in the theft of another record holder, not of the DPRK (no DPRK name or signal between)."""
    record = _RECORD_HELD_BY.search(ctx.text, max(ctx.starts[ctx.sent(hit.start)], hit.start - 120), hit.start)
    if record is None:
        return False
    return not any(record.start() <= h.start < hit.start for h in (*ctx.hits("alias"), *ctx.hits("dprk")))


_COURT_ACTS_BEFORE = re.compile(
    r"\b(?:unsealed|filed|returned|charged|indicted|sentenced|convicted|pleaded\s+guilty|pled\s+guilty|heard|tried)"
    r"\s+(?:[\w.-]+\s+){0,2}?(?:in|by|before)\s+(?:the\s+|a\s+)?(?:[\w.]+\s+){0,3}$",  # "in the US District Court"
    re.IGNORECASE,
)
# The law at work (twenty-second round, recurring in AD and AG): "gone to court to seize", "the court district where
# the charges were filed"; people of the law as the subject of what they do ("federal prosecutors this
# year have racked up indictments", "prosecutors and investigators have exemplified"), not "prosecutors targeted by".
_LAW_AT_WORK_AFTER = re.compile(r"\s+district\b", re.IGNORECASE)
_LAW_AT_WORK_BEFORE = re.compile(r"\b(?:gone|went|go|goes|going|taken|took|take|back)\s+to\s+$", re.IGNORECASE)
_LAW_PEOPLE = {"prosecutors", "prosecutor", "judges", "judge", "investigators", "attorneys", "lawyers"}
# The law at work, twenty-third round (recurring in AI and AJ): the evidence handed to it ("passed evidence of the
# allegations to prosecutors"), its findings ("the conclusion reached by prosecutors"), its office speaking ("a
# statement from the central prosecutors' office said"); not "phishing e-mails sent to prosecutors".
_LAW_HANDED_TO = re.compile(
    r"\b(?:pass|hand|refer|submit|forward|transfer|turn|present)\w*\s+(?:over\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:evidence|case|cases|findings|files|results|dossier)\b[^.;!?]{0,60}?\bto\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_LAW_FINDING_BY = re.compile(
    r"\b(?:conclusions?|findings?|investigations?|probes?|inquir(?:y|ies)|statements?|analys[ie]s|charges|"
    r"indictments?)\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:reached\s+|made\s+|conducted\s+|led\s+|issued\s+|released\s+|filed\s+|brought\s+)?"
    r"(?:by|from|of)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_LAW_OFFICE_AFTER = re.compile(r"(?:'s|’s|'|’)?\s+office\b")
_LAW_SUBJECT_AFTER = re.compile(
    r"(?:\s+(?:and|&)\s+[a-z]+)?(?:\s+(?:this|last|in|from|on)\s+[\w.-]+(?:\s+[\w.-]+)?)?"
    r"\s+(?:(?:have|has|had|will|would|also|once\s+again|today|recently|previously|later)\s+)*"
    r"(?:[a-z]+ed|said|say|says|allege|alleges|argue|argues|charge|charges|seek|seeks|sought|won|brought|took)\b"
    r"(?!\s+by\b)",
    re.IGNORECASE,
)
# a crime's name: "bank fraud", "securities fraud" (a charge, twenty-second round, recurring in AD and AF)
_FRAUD_AFTER = re.compile(r"[\s-]+fraud\b", re.IGNORECASE)
_PROGRAMME_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:programs?|programmes?|projects?|development)\b", re.IGNORECASE)
_FUNDS_BEFORE = re.compile(
    r"\b(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|bankroll(?:s|ed|ing)?|pay(?:s|ing)?\s+for|paid\s+for)\s+"
    r"(?:[\w-]+(?:,\s*|\s+)){0,4}$",
    re.IGNORECASE,
)


def owned_or_lure(ctx: Context, hit: Hit) -> bool:
    """The DPRK's own, the bait, the source, the speaker, the payment, the route, the topic or the authors."""
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
    if _LAUNDERED_THROUGH.search(ctx.text, max(0, hit.start - 90), hit.start):
        return True  # "laundered the ransom through cryptocurrency exchanges": the route of the money
    if _PARTNER_OF.search(ctx.text, max(0, hit.start - 60), hit.start):
        return True  # "the drugmaker working with X University": the victim's partner
    if _SANCTIONED_BEFORE.search(ctx.text, max(0, hit.start - 50), hit.start):
        return True  # "the previously designated First Credit Bank": sanctioned, the DPRK's own or its launderer
    if _SPONSOR_OF.search(ctx.text, max(0, hit.start - 40), hit.start):
        return True  # "cyberattacks backed by national governments": who is behind them, not who was hit
    if ctx.text[max(0, hit.start - 5) : hit.start].lower().endswith(("anti-", "anti ", "counter-")):
        return True  # "anti-aircraft weapons", "counter-drone systems": arms against it, not its sector
    if hit.value == "judiciary" and _COURT_ACTS_BEFORE.search(ctx.text, max(0, hit.start - 60), hit.start):
        return True  # "the indictment unsealed in the US District Court": where the case is heard (nineteenth round)
    if hit.value == "judiciary" and _law_at_work(ctx, hit):
        return True  # "gone to court to seize", "federal prosecutors have racked up indictments": the law acting
    if hit.value == "finance" and _FRAUD_AFTER.match(ctx.text, hit.end):
        return True  # "wire fraud, identity fraud, and bank fraud": the charge's name
    if hit.value == "judiciary" and _COURT_PAPERS.match(ctx.text, hit.end):
        return True  # "listed in court documents as having had data stolen": the source (fourteenth round)
    if hit.value == "finance" and _REGULATOR_AFTER.match(ctx.text, hit.end):
        return True  # "the Financial Services Agency", "financial regulators": the watchdog speaks (thirteenth round)
    if _PROGRAMME_AFTER.match(ctx.text, hit.end) and _FUNDS_BEFORE.search(ctx.text, max(0, hit.start - 60), hit.start):
        return True  # "to bankroll nuclear and ballistic missile projects": what the money pays for, its own
    if trains_hackers(ctx, hit):
        return True  # "hackers are trained at the university": the DPRK's own school
    if _compared_record(ctx, hit):
        return True  # "a record previously held by <someone>, who stole $1 billion from a central bank": compared
    if _authors(ctx, hit):
        return True
    if hit.tok_start < 0:
        return cjk_lure_or_source(ctx, hit)
    left, right = ctx.words_around(hit, before=12, after=3)
    nxt = right[0].lower() if right else ""
    after = [w.lower() for w in right if w.lower() not in POSSESSIVE]
    if after and after[0] in lexicon.LURE_AFTER:
        return True  # "the ministry's logo", "bank letterhead": the bait
    if _FREQUENTED.match(ctx.text, hit.end):
        return True  # "media sites frequented by targeted organizations": the watering hole, the route
    if _DATA_ON.search(ctx.text, max(0, hit.start - 60), hit.start):
        return True  # "stole data on military installations and power plants": the topic of the data
    if _APPOSITIVE_SOURCE.search(ctx.text, max(0, hit.start - 60), hit.start):
        return True  # "according to Yonhap, the South Korean news agency": the source named again
    if _SOURCE_BEFORE.search(before) or nxt in lexicon.REPORTING or _reported_by(left[-3:]):
        return True  # "according to prosecutors", "banks said", "announced Axie developers": the source
    if nxt in lexicon.MEANS:
        return True  # "software supply chain routes": how, not whom
    if _SEEMING_FROM.search(ctx.text, max(ctx.starts[ctx.sent(hit.start)], hit.start - 200), hit.start):
        return True  # "messages that appear to come from journalists, academics and officials"
    words = [word.lower().strip("\"'‘’“”") for word in left]
    for i in range(len(words) - 1, -1, -1):
        w, pair = words[i], " ".join(words[i - 1 : i + 1])
        if w in _TARGET_WORDS or pair in _TARGET_WORDS or w in lexicon.LURE_STOP or w in ".;!?":
            return False  # "... were sent to diplomats", "fake messages aimed at engineers"
        if w in lexicon.LURE or w.endswith("-themed"):
            return True
    return False


def _law_at_work(ctx: Context, hit: Hit) -> bool:
    if hit.tok_start < 0:
        return False  # English only
    if _LAW_AT_WORK_AFTER.match(ctx.text, hit.end):
        return True
    if hit.text.lower() in ("court", "courts") and _LAW_AT_WORK_BEFORE.search(
        ctx.text, max(0, hit.start - 20), hit.start
    ):
        return True
    if hit.text.lower() not in _LAW_PEOPLE:
        return False
    office = _LAW_OFFICE_AFTER.match(ctx.text, hit.end)
    if _LAW_SUBJECT_AFTER.match(ctx.text, office.end() if office else hit.end):
        return True  # "federal prosecutors have racked up", "the prosecutors' office said"
    before = ctx.text[max(ctx.starts[ctx.sent(hit.start)], hit.start - 120) : hit.start]
    return bool(_LAW_HANDED_TO.search(before) or _LAW_FINDING_BY.search(before))


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


# The DPRK as possessor, one word before the noun: "North Korean military intelligence officials".
_DPRK_OWNERS = sorted({own.replace("’", "'") for own in lexicon.DPRK_OWN}, key=len, reverse=True)  # `before` has '
_DPRK_OWN_ONE_WORD = re.compile(rf"\b(?:{'|'.join(map(re.escape, _DPRK_OWNERS))})\s+[a-z][a-z-]*$")
# "according to the ministry", "according to South Korea's defense ministry": up to three words before the noun.
_SOURCE_BEFORE = re.compile(rf"\b(?:{'|'.join(lexicon.SOURCE_BEFORE)})(?: \S+){{0,3}}$")
# "appear to come from", "look like they come from", "purporting to be from", up to the noun (and its coordinates).
_APPOSITIVE_SOURCE = re.compile(
    r"\baccording\s+to\s+[\w.'-]+(?:\s+[\w.'-]+)?,\s+(?:the\s+)?(?:\S+(?:\s+|$)){0,3}$", re.IGNORECASE
)
_SEEMING_FROM = re.compile(
    r"\b(?:appear|appears|appeared|appearing|look|looks|looked|looking|seem|seems|seemed|seeming|purport\w*|"
    r"claim\w*|pretend\w*)\b[^.;:!?]{0,30}?\b(?:(?:come|comes|coming|be|are|is|was|were)\s+(?:sent\s+)?from|"
    r"like\b[^.;:!?]{0,40}?\bfrom)\b"
    # up to the noun, not past "to" (who received it); a list of senders may lie between (fourteenth round)
    r"(?:(?!\bto\b)[^.;:!?]){0,140}$",
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
