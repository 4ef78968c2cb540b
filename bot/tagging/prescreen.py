"""A cheap first look: can this text name a DPRK actor, malware family or signal at all?

Most items of a busy feed (patch notes, other states' campaigns, vendor news) cannot: no word of any alias,
malware name or DPRK signal occurs in them. Those skip the spaCy pipeline, whose tokeniser is most of the
tagging cost on long advisories, and get the tags such a text always gets: indicators only, score 0.

Rules, conservative on purpose: every phrase the rule matcher knows for those kinds contributes its longest
word; a text that contains any such word (case-insensitive), or any CJK character, takes the full pipeline.
A false "maybe" costs time; a false "no" would lose a tag, so the set errs on the side of maybe.
"""

from __future__ import annotations

import re

from bot.tagging import lexicon
from bot.tagging.kb import KnowledgeBase
from bot.tagging.korean import CJK_CHAR

_WORD = re.compile(r"\w+")
# words that many texts contain: a phrase is anchored on another of its words when it has one (any word of a
# phrase is a correct anchor, since the phrase cannot match without all of them; a rarer one skips more texts)
COMMON = frozenset(
    """a an and the of in on for to by with from at as group groups team bureau general hidden backdoor stolen
    ransomware hacking hacker hackers development supply chain spyware lab kingdom operation operations n s
    state sponsored apt cyber actor actors threat attack attacks campaign new""".split()
)


class Prescreen:
    def __init__(self, kb: KnowledgeBase):
        phrases = [s for a in kb.aliases.values() for s in a.spellings]
        phrases += [*lexicon.DPRK, *lexicon.DPRK_EXACT, *kb.malware]
        self.anchors: set[str] = set()
        for phrase in phrases:
            words = _WORD.findall(phrase.lower())
            rare = [w for w in words if w not in COMMON] or words
            if rare:
                self.anchors.add(max(rare, key=len))

    def may_match(self, text: str) -> bool:
        """False only when the pipeline could not find a DPRK actor, malware or signal in `text`."""
        if CJK_CHAR.search(text):
            return True
        return not self.anchors.isdisjoint(_WORD.findall(text.lower()))
