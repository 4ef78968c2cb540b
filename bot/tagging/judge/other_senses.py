"""Cyber words in another sense: a border, an airspace or a rule breached, ships exploiting flags, a vulnerability to
disease, a cyber-cafe, radio jamming "attacks", a negated word (해킹이 아니었다, サイバー攻撃ではない), a hackers'
conference, cybersecurity researchers, voice phishing. signals.py drops such words before it pairs signals.
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.words import lexicon_cjk


def other_sense(ctx: Context, hit: Hit) -> bool:
    """A cyber word in another sense: "soldiers breached the demarcation line" (a border crossed), "breached a
    sanctions cap" (a rule broken), "vulnerability to disease" (no software's)."""
    word = hit.text.lower()
    if word in _BREACH and _RULE_AFTER.match(ctx.text, hit.end):
        return True
    if word in _PHYSICAL or word in _EXPLOIT:
        s = ctx.sent(hit.start)
        sentence = ctx.sent_text(s)
        if word in _PHYSICAL and (_BORDER.search(sentence) or (s > 0 and _BORDER.search(ctx.sent_text(s - 1)))):
            return not _COMPUTERS.search(sentence)  # "breached a drone maker's network" stays a hack
        if word in _EXPLOIT and _SHIPPING.search(sentence):
            return not _COMPUTERS.search(sentence)  # "exploiting tracking system flaws to evade sanctions": AIS
    adjective = word.startswith(("cyber", "サイバー", "사이버"))  # "cybersecurity researchers", not "targeting experts"
    if (
        _NEGATED_AFTER.match(ctx.text, hit.end)
        or _GATHERING_AFTER.match(ctx.text, hit.end)
        or (adjective and _PEOPLE_AFTER.match(ctx.text, hit.end))
    ):
        return True  # 정보사 "해킹이 아니었다", 外部からのサイバー攻撃ではない; a hackers' conference
    if _VOICE_BEFORE.search(ctx.text, max(0, hit.start - 6), hit.start) or word in ("vishing", "voice phishing"):
        return True  # 보이스피싱, "voice phishing": fraud by telephone, not a computer intrusion
    if _JAMMING_BEFORE.search(ctx.text, max(0, hit.start - 12), hit.start):
        return True  # GPS 전파 교란 공격, 対南電子攻撃, "jamming attacks": radio signals jammed, no computer
    if word.startswith("cyber") and _CAFE_AFTER.match(ctx.text, hit.end):
        return True  # "the country's first cyber-cafe"
    return word in _VULNERABILITY and bool(_NOT_SOFTWARE_AFTER.match(ctx.text, hit.end))


_BREACH = {"breach", "breached", "breaches", "breaching"}
# a border, an airspace or a no-fly zone crossed (twelfth round: drones "breached", "penetrated", their "intrusion")
_PHYSICAL = _BREACH | {"intrusion", "intrusions", "penetrated", "penetrate", "penetrating", "infiltrated", "infiltrate"}
_COMPUTERS = re.compile(
    r"\b(?:networks?|servers?|computers?|systems?\s+(?:of|at)|software|malware|e-?mails?|data|accounts?|hack\w*)\b",
    re.IGNORECASE,
)
_EXPLOIT = {"exploit", "exploits", "exploited", "exploiting", "exploitation"}
_SHIPPING = re.compile(
    r"\b(?:vessels?|ships?|tankers?|flags?|AIS|transponders?|ship-to-ship|maritime|fishing\s+boats?)\b", re.IGNORECASE
)
# "해킹이 아니었다", "サイバー攻撃ではない"; not the suspicion "ハッキングしたのではないか" (it may well have hacked)
_NEGATED_AFTER = re.compile(
    r"[\w\uac00-\ud7a3]{0,3}?\s?(?:이|가)?\s?(?:아니(?:다|었|라|며|고)|아닌\s?것)"
    rf"|[^。\n]{{0,3}}?(?:では|じゃ)(?:ない{lexicon_cjk.NOT_A_QUESTION}|なく|なかった{lexicon_cjk.NOT_A_QUESTION})"
)
# "サイバーセキュリティ研究者", "cybersecurity researchers": people who study attacks, no attack
_PEOPLE_AFTER = re.compile(
    r"(?:[-\s]?security|セキュリティー?|\s?보안)?\s?(?:研究者|専門家|researchers?|experts?|연구원|전문가)",
    re.IGNORECASE,
)
_GATHERING_AFTER = re.compile(
    r"[^.!?。\n]{0,16}?(?:の会合|の会議|カンファレンス|\s+(?:conference|convention|contest|competition)s?\b|\s?(?:컨퍼런스|경진대회|대회))",
    re.IGNORECASE,
)
_VOICE_BEFORE = re.compile(r"(?:보이스\s?|\bvoice\s+)$", re.IGNORECASE)
_JAMMING_BEFORE = re.compile(
    r"(?:교란|재밍|전자전|妨害|電子|ジャミング|\bjamming|\belectronic)\s?(?:の|을|를)?\s?$", re.I
)
_CAFE_AFTER = re.compile(r"[-\s]?(?:cafes?|cafés?)\b", re.IGNORECASE)
_RULE_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|its\s+)?(?:\S+\s+){0,2}?(?:sanctions?|caps?|resolutions?|agreements?|deal|"
    r"treaty|treaties|rules?|laws?|limits?|bans?|embargo|obligations?|terms|commitments?|norms|quotas?|contracts?|"
    r"protocols?|trust|promises?|pledges?)\b(?!\s+(?:firms?|offices?|enforcement|schools?|compan\w+|banks?))",
    re.IGNORECASE,
)
_VULNERABILITY = {"vulnerability", "vulnerabilities"}
# "vulnerability to diseases", "vulnerabilities to climate shocks": a weakness of people or places, not of software
_NOT_SOFTWARE_AFTER = re.compile(
    r"\s+to\s+(?!(?:cyber\w*|attacks?|hack\w*|exploit\w*|intrusions?|compromise|malware|phishing|ransomware|"
    r"remote|code|data|espionage|spying)\b)",
    re.IGNORECASE,
)
_BORDER = re.compile(
    r"\b(?:border|fence|demarcation|MDL|DMZ|ceasefire|armistice|airspace|territorial waters|limit line|NLL|troops|"
    r"soldiers|warships?|no-fly zone|drones?|UAVs?)\b|군사분계선|휴전선|영공|영해|북방한계선|비행금지구역|무인기|"
    r"軍事境界線|領空|領海|兵士|飛行禁止区域|無人機",
    re.IGNORECASE,
)
