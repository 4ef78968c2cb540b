"""Which story a new item belongs to, and why: the rules, in order, each explainable.

1. advisory: it names an agency advisory id (AA24-207A, ICSA-..., JVN...) already in a story;
2. links-to: its body links to an archived item (its primary source);
3. near-duplicate: its text is a near copy (MinHash Jaccard >= NEAR_DUPLICATE over word 3-shingles,
   datasketch's values) of an archived item: syndicated and republished copies;
4. same-event: within WINDOW, a DPRK cyber item of the same actor family that shares a strong identifier
   (a CVE, a wallet address), or the malware and a specific title word, or several specific title words
   (one of them a name, or three and more), or the same amount together with a shared name (a victim,
   a person, a town) that is not one every DPRK report carries.
Conservative on purpose: two different Lazarus campaigns in one week stay two stories.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import timedelta

from storage.signatures import WORD

WINDOW = timedelta(hours=72)
NEAR_DUPLICATE = 0.7  # MinHash Jaccard estimate (storage.signatures) from which two texts are copies of one report
_CJK_OR_HANGUL = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
# words a headline about any DPRK hack may use: they say nothing about which event it is
GENERIC = frozenset(
    """a an the and or of to in on for with by from at as is are was were be been has have had it its this that
    these those new says said say warns warn report reports reported after over into than more most north south
    korea korean koreans dprk pyongyang nk n. hacker hackers hacking hack hacked cyber cyberattack cyberattacks
    attack attacks attacked group groups state state-sponsored sponsored actors actor threat threats apt campaign
    campaigns malware ransomware phishing spear-phishing steal stole stolen theft heist crypto cryptocurrency
    million billion fbi cisa nsa us u.s. official officials government agencies agency linked tied behind
    blamed attributes attributed targets targeted targeting target using uses used via how why what who week
    lazarus kimsuky andariel bluenoroff""".split()
)


@dataclass(frozen=True)
class Profile:
    """What the rules compare: an item's identifiers, actor family, time and title words."""

    item_id: str
    dprk_cyber: bool
    families: frozenset[str]
    cves: frozenset[str]
    wallets: frozenset[str]
    malware: frozenset[str]
    title_words: frozenset[str]
    names: frozenset[str]  # title words written as names (capitalised, not first) or long numbers: Bybit, 1.5
    when: object  # datetime (published, else first seen)
    text_names: frozenset[str] = frozenset()  # words capitalised inside sentences of the text: proper nouns
    amounts: frozenset[str] = frozenset()  # money and coin amounts: "$1.5 billion" -> "1.5b"
    iocs: frozenset[str] = frozenset()  # file hashes, and domains and IP addresses written defanged or plain


@dataclass(frozen=True)
class Match:
    item_id: str  # the archived item that decided it
    rule: str
    score: float
    reason: str


KOREAN_PARTICLE = re.compile(r"(?<=[\uac00-\ud7a3])(?:에서|으로|에게|까지|부터|의|가|이|은|는|을|를|에|로|와|과|도)$")


def _word(word: str) -> str:
    """A title word, lower-case, Korean particles taken off (해킹조직의 -> 해킹조직)."""
    w = word.strip(".-").lower()
    return KOREAN_PARTICLE.sub("", w) if len(w) > 2 else w


def _long_enough(word: str) -> bool:
    return len(word) >= (2 if _CJK_OR_HANGUL.search(word) else 3)


TITLE_CACHE = 16384  # titles whose words are kept: the recent candidates that every new report is compared with


@functools.lru_cache(maxsize=TITLE_CACHE)
def title_words(title: str, actor_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The specific words of a title: lower-case, without generic and actor words (a pure function, cached: the
    same recent titles are read again for every new report of the same groups)."""
    words = {_word(w) for w in WORD.findall(title)}
    return frozenset(w for w in words if _long_enough(w) and w not in GENERIC and w not in actor_words)


@functools.lru_cache(maxsize=TITLE_CACHE)
def title_names(title: str, actor_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Title words that name something: capitalised past the first word, or numbers/amounts (1.5, $1.5)."""
    words = WORD.findall(title)
    out = set()
    for i, word in enumerate(words):
        w = _word(word)
        if w in GENERIC or w in actor_words or not _long_enough(w):
            continue
        # scripts without capitals (Hangul, kana, kanji): a specific word counts as a name
        if (i > 0 and word[:1].isupper()) or any(c.isdigit() for c in w) or _CJK_OR_HANGUL.search(w):
            out.add(w)
    return frozenset(out)


# proper nouns every DPRK report may contain: places, agencies, weekdays and months say nothing of the event
COMMON_NAMES = GENERIC | frozenset(
    """america american americans united states washington seoul tokyo japan japanese china chinese russia
    russian korea korean koreans north south dprk pyongyang kim jong justice department treasury state
    bureau agency police prosecutors court monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december the this that""".split()
)
_AMOUNT = re.compile(
    r"(?:\$|US\$|USD\s?)\s?(\d+(?:[.,]\d+)*)\s*(million|billion|thousand|[mbk]\b)?|"
    r"(\d+(?:[.,]\d+)*)\s*(million|billion|thousand)?\s*(?:dollars|usd|eth|btc|ether|bitcoin)\b",
    re.IGNORECASE,
)
_SCALE = {"million": "m", "billion": "b", "thousand": "k", "m": "m", "b": "b", "k": "k"}
_INNER_NAME = re.compile(r"(?<=[a-z,;:)] )([A-Z][\w-]{2,})")
TEXT_SCAN = 5000


def amounts(text: str) -> frozenset[str]:
    """Money and coin amounts, normalised: "$1.5 billion" and "1.5 billion dollars" are both "1.5b"."""
    out = set()
    for match in _AMOUNT.finditer(text[:TEXT_SCAN]):
        number = (match.group(1) or match.group(3) or "").replace(",", "")
        scale = _SCALE.get((match.group(2) or match.group(4) or "").lower(), "")
        if number and (scale or len(number) >= 4):
            out.add(number + scale)
    return frozenset(out)


_HASH = re.compile(r"\b(?:[a-f0-9]{64}|[a-f0-9]{40}|[a-f0-9]{32})\b", re.IGNORECASE)
_DEFANGED = re.compile(
    r"\b[\w-]+(?:(?:\[\.\]|\(\.\)|\[dot\]|\.)[\w-]+)*(?:\[\.\]|\(\.\)|\[dot\])[\w-]+\b", re.IGNORECASE
)


def iocs(text: str) -> frozenset[str]:
    """Indicators a report lists: file hashes, and defanged domains and IP addresses (example[.]com).

    Plain domains are left out on purpose: reports name outlets, vendors and victims' sites all the time;
    a defanged one is an indicator by the writer's own choice.
    """
    scan = text[: TEXT_SCAN * 4]
    found = {h.lower() for h in _HASH.findall(scan)}
    found |= {re.sub(r"\[\.\]|\(\.\)|\[dot\]", ".", d).lower() for d in _DEFANGED.findall(scan)}
    return frozenset(found)


def text_names(text: str) -> frozenset[str]:
    """Words capitalised in the middle of a sentence: the proper nouns of the text (lower-cased)."""
    return frozenset(w.lower() for w in _INNER_NAME.findall(text[:TEXT_SCAN]))


UNNAMED = "(unnamed DPRK actor)"


def families_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Same actor family; a report that names no group may be about any family's event."""
    return bool(a & b) or UNNAMED in a or UNNAMED in b


def same_event(new: Profile, old: Profile) -> Match | None:
    """The conservative same-event rule (see module docstring), or None."""
    if not (new.dprk_cyber and old.dprk_cyber) or not families_meet(new.families, old.families):
        return None
    if abs(new.when - old.when) > WINDOW:
        return None
    shared_words = new.title_words & old.title_words
    family = ", ".join(sorted((new.families & old.families) or (new.families | old.families)))
    if new.cves & old.cves:
        return Match(old.item_id, "same-event", 0.9, f"{family}; CVE {', '.join(sorted(new.cves & old.cves))}")
    if new.wallets & old.wallets:
        return Match(old.item_id, "same-event", 0.9, f"{family}; wallet {sorted(new.wallets & old.wallets)[0]}")
    if new.iocs & old.iocs:
        return Match(old.item_id, "same-event", 0.85, f"{family}; indicator {sorted(new.iocs & old.iocs)[0]}")
    if new.malware & old.malware and shared_words:
        return Match(
            old.item_id,
            "same-event",
            0.8,
            f"{family}; malware {', '.join(sorted(new.malware & old.malware))}; title {sorted(shared_words)}",
        )
    union = new.title_words | old.title_words
    overlap = len(shared_words) / len(union) if union else 0.0
    named = shared_words & (new.names | old.names)
    if len(shared_words) >= 2 and named and overlap >= 0.25:
        return Match(old.item_id, "same-event", 0.7, f"{family}; title words {sorted(shared_words)}")
    if len(shared_words) >= 3 and overlap >= 0.35:
        return Match(old.item_id, "same-event", 0.65, f"{family}; title words {sorted(shared_words)}")
    money = new.amounts & old.amounts
    names = (shared_words & (new.text_names | old.text_names | new.names | old.names)) | (
        (new.text_names & old.text_names) - COMMON_NAMES
    )
    if money and shared_words and names:  # a title word in common too: a heist cited in passing is not enough
        return Match(old.item_id, "same-event", 0.75, f"{family}; name {sorted(names)[0]}; amount {sorted(money)[0]}")
    return None
