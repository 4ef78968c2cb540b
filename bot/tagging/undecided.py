"""Whether the article page of a short item could change its tags: the decision `fulltext: auto` acts on.

A feed entry is often a headline and two lines. When those already say DPRK cyber activity, or say nothing of the
DPRK or of computer intrusion and theft, the page would not change the verdict; when they name the DPRK without a
cyber act ("North Korea behind the attack, Seoul says") or tell of a breach or a theft without naming who did it
("Exchange drained of $100 million"), the page decides.

Rules: undecided = not dprk_cyber, and either dprk_related or a cyber word (lexicon.CYBER, lexicon_cjk.CYBER, and
breach and theft words) in the title or summary. English words match whole (case-insensitive); Korean and
Japanese words match as substrings, as the tagger reads them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.tagging.words import lexicon, lexicon_cjk

# breach and theft words that are not cyber words on their own, but are in a headline about an exchange or a bank
_ENGLISH_EXTRA = (
    "breach", "breached", "breaches", "stolen", "stole", "steal", "steals", "theft", "heist", "heists", "drained",
    "exploit", "exploited", "hacked", "attack", "attacks", "intrusion", "leak", "leaked", *lexicon.THEFT_VERBS,
)  # fmt: skip
_CJK_EXTRA = (
    "해킹", "해커", "탈취", "유출", "공격", "ハッキング", "ハッカー", "流出", "窃取", "攻撃",
    "不正アクセス", "サイバー",
)  # fmt: skip


@lru_cache(maxsize=1)
def _cyber_words() -> tuple[re.Pattern, re.Pattern]:
    english = sorted({w.lower() for w in (*lexicon.CYBER, *_ENGLISH_EXTRA)}, key=len, reverse=True)
    cjk = sorted({*lexicon_cjk.CYBER, *_CJK_EXTRA}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in english)
    return (
        re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![A-Za-z0-9])", re.IGNORECASE),
        re.compile("|".join(re.escape(w) for w in cjk)),
    )


def cyber_wording(text: str) -> bool:
    """A word of computer intrusion, fraud or theft in `text`."""
    english, cjk = _cyber_words()
    return bool(english.search(text) or cjk.search(text))


def page_may_decide(tags, title: str, text: str) -> bool:
    """True when `tags` (of `title` and its short `text`) are not DPRK cyber, but the words could become so with
    the article's full text: the DPRK named, or a cyber word present."""
    if tags.dprk_cyber:
        return False
    return bool(tags.dprk_related) or cyber_wording(f"{title}\n{text}")
