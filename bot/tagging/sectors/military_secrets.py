"""Military secrets stolen: the armed forces were hit (taxonomy.md: defense is "military, defense industry").

"stole classified military documents", "military secrets were leaked", "군사기밀을 빼돌렸다", "軍事機密を盗んだ",
"the wartime operational plans were stolen": the data belongs to the military, so its networks were breached.
The military word alone stays an adjective elsewhere ("military information" sought by a lure is no victim), so
this frame asks for a theft or a leak in the same sentence, one that took place ("stole", "were leaked"): an aim
("focused on stealing military secrets", "trying to steal cash or military secrets") names no victim. A field's
*technology* stolen (weapons, satellites) is stolen_know_how.py's, which uses this module's THEFT.
"""

from __future__ import annotations

import re

from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit
from bot.tagging.words import lexicon_cjk

_WEAPONS = (
    r"(?:warships?|submarines?|destroyers?|frigates?|(?:fighter|stealth)\s+(?:jets?|aircraft)|fighters?|missiles?|"
    r"weapons?|tanks?|drones?|military\s+(?:aircraft|vessels?))"
)
_SECRETS = re.compile(
    r"\bmilitary\s+(?:secrets|documents|data|files|plans|blueprints|information)\b"
    # a weapon's blueprints (twenty-fourth round, recurring in AI and AK): "stole South Korean warship blueprints",
    # "the blueprints for the country's new fighter were stolen"
    rf"|\b{_WEAPONS}\s+(?:blueprints|design\s+(?:documents|drawings|plans))\b"
    rf"|\b(?:blueprints|design\s+(?:documents|drawings|plans))\s+(?:of|for)\s+(?:the\s+|its\s+|their\s+)?"
    rf"(?:[\w'’\"“”.-]+\s+){{0,5}}?{_WEAPONS}\b"
    r"|\bwar(?:time)?\s+(?:operation(?:al|s)?\s+)?plans\b|\bdefen[cs]e\s+secrets\b"
    r"|군사\s?(?:기밀|비밀|자료|문서|정보)(?!사령부|본부)|작전\s?계획|(?:군함|잠수함|전투기|함정)의?\s?설계\s?(?:도면|도|자료)"
    r"|국방\s?(?:기밀|비밀)"
    r"|軍事(?:機密|秘密|資料|文書|情報)(?!本部|局)|作戦計画|(?:防衛|国防)(?:機密|秘密)"
    r"|(?:戦闘機|潜水艦|軍艦|艦艇)の?設計(?:図面|図|資料)",
    re.IGNORECASE,
)
_HINTS = (
    "blueprint", "design doc", "design draw", "design plan",
    "military", "war plan", "wartime", "war operation", "secrets", "군사", "작전", "軍事", "作戦", "설계", "국방",
    "防衛", "国防", "設計",
)  # fmt: skip
THEFT = re.compile(
    r"\b(?:stole|stolen|theft|thefts|leak|leaks|leaked|leaking|exfiltrated|exfiltrating|exfiltration|taken|took)\b"
    rf"|{'|'.join(lexicon_cjk.THEFT)}|유출|빼내|빼간|빼갔|流出|盗み出|不正入手|入手",
    re.IGNORECASE,
)


def military_secrets(ctx: Context) -> list[Hit]:
    """One "defense" hit per sentence that has military secrets and a theft or leak of them."""
    low = ctx.text.lower()
    if not any(w in low for w in _HINTS):
        return []  # a quick look first: most texts name no military data
    out, seen = [], set()
    for m in _SECRETS.finditer(ctx.text):
        s = ctx.sent(m.start())
        if s in seen:
            continue
        start, end = ctx.sent_span(s)
        if THEFT.search(ctx.text, start, end):
            seen.add(s)
            out.append(Hit("noun", "defense", m.start(), m.end(), m.group(0)))
    return out
