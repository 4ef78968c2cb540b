"""A cheap first look: can this text name a DPRK actor, malware family or signal at all?

Most items of a busy feed (patch notes, other states' campaigns, vendor news) cannot: no word of any alias,
malware name or DPRK signal occurs in them. Those skip the spaCy pipeline, whose tokeniser is most of the
tagging cost on long advisories, and get the tags such a text always gets: indicators only, score 0.

Rules, conservative on purpose: every phrase the rule matcher knows for those kinds is indexed by its rarest
(longest uncommon) word; a text in which the words of some phrase occur in order with only non-word characters
between them (case-insensitive, inside longer words too), or with any CJK character, or with "North" beside South
Korea (the_north.py), takes the full pipeline.
A false "maybe" costs time; a false "no" would lose a tag, so the test errs on the side of maybe.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.tagging.find.the_north import may_name_the_north
from bot.tagging.read.korean import CJK_CHAR
from bot.tagging.words import lexicon
from bot.tagging.words.kb import KnowledgeBase

# words as spaCy's tokens can start and end: "_" is punctuation to it (split off "_DPRK"), and a unit after a
# number is split off ("APT38K" -> "APT38" "K"), so a word ending letters-after-a-digit also counts without them
_WORD = re.compile(r"[^\W_]+")
_UNIT_AFTER_DIGIT = re.compile(r"(?<=\d)[^\W\d_]+$")
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
        self.phrases: dict[str, set[tuple[str, ...]]] = {}  # anchor word -> the words of its phrases, in order
        for phrase in phrases:
            words = _WORD.findall(phrase.lower())
            rare = [w for w in words if w not in COMMON] or words
            if rare:
                self.phrases.setdefault(max(rare, key=len), set()).add(tuple(words))
        self.anchors = frozenset(self.phrases)

    def may_match(self, text: str) -> bool:
        """False only when the pipeline could not find a DPRK actor, malware or signal in `text`."""
        if CJK_CHAR.search(text) or may_name_the_north(text):
            return True
        lower = text.lower()
        words = set(_WORD.findall(lower))
        words.update([_UNIT_AFTER_DIGIT.sub("", w) for w in words if not w.isalpha() and _UNIT_AFTER_DIGIT.search(w)])
        for anchor in self.anchors & words:
            for phrase in self.phrases[anchor]:
                if words.issuperset(phrase) and (len(phrase) == 1 or _in_order(phrase).search(lower)):
                    return True
        return False


@lru_cache(maxsize=4096)
def _in_order(words: tuple[str, ...]) -> re.Pattern:
    """The phrase's words in order with nothing but non-word characters between them: how any match of the
    phrase (its tokens, with whitespace or nothing between) reads in lower-cased text. Long technical texts
    have "APT", "group" and "38" somewhere; few have "APT 38"."""
    return re.compile(r"[\W_]*".join(map(re.escape, words)))
