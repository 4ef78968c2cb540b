"""Which story a new item belongs to, and why: the rules, in order, each explainable.

1. advisory: it names an agency advisory id (AA24-207A, ICSA-..., JVN...) already in a story;
2. links-to: its body links to an archived item (its primary source);
3. near-duplicate: its text is a near copy (MinHash Jaccard >= NEAR_DUPLICATE over word 3-shingles,
   datasketch) of an archived item: syndicated and republished copies;
4. same-event: within WINDOW, a DPRK cyber item of the same actor family that shares a strong identifier
   (a CVE, a wallet address), or the malware and a specific title word, or several specific title words
   of which one names something (a victim, an amount).
Conservative on purpose: two different Lazarus campaigns in one week stay two stories.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from datetime import timedelta

from datasketch import MinHash

NUM_PERM = 64
BANDS, ROWS = 16, 4  # LSH: candidates from Jaccard ~0.5 up, verified against NEAR_DUPLICATE
NEAR_DUPLICATE = 0.7
MIN_SHINGLES = 8
WINDOW = timedelta(hours=72)
_WORD = re.compile(r"[\w$.%-]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
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


@dataclass(frozen=True)
class Match:
    item_id: str  # the archived item that decided it
    rule: str
    score: float
    reason: str


def title_words(title: str, actor_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The specific words of a title: lower-case, without generic and actor words."""
    words = {w.strip(".-").lower() for w in _WORD.findall(title)}
    return frozenset(w for w in words if len(w) >= 3 and w not in GENERIC and w not in actor_words)


def title_names(title: str, actor_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Title words that name something: capitalised past the first word, or numbers/amounts (1.5, $1.5)."""
    words = _WORD.findall(title)
    out = set()
    for i, word in enumerate(words):
        w = word.strip(".-").lower()
        if w in GENERIC or w in actor_words or len(w) < 3:
            continue
        if (i > 0 and word[:1].isupper()) or any(c.isdigit() for c in w):
            out.add(w)
    return frozenset(out)


def shingles(text: str) -> list[bytes]:
    """Word 3-shingles of normalised text (character 4-grams for CJK text without spaces)."""
    if len(_CJK.findall(text)) > len(text) / 4:
        chars = re.sub(r"\s+", "", text.lower())
        return [chars[i : i + 4].encode() for i in range(max(0, len(chars) - 3))]
    words = [w.lower() for w in _WORD.findall(text)]
    return [" ".join(words[i : i + 3]).encode() for i in range(max(0, len(words) - 2))]


def signature(text: str) -> MinHash | None:
    grams = shingles(text)
    if len(set(grams)) < MIN_SHINGLES:
        return None  # too short for the estimate to mean anything
    sig = MinHash(num_perm=NUM_PERM)
    sig.update_batch(grams)
    return sig


def band_hashes(sig: MinHash) -> list[tuple[int, int]]:
    """(band, 64-bit hash) pairs for the LSH index: stable across processes (no Python hash())."""
    values = sig.hashvalues.astype("<u4").tobytes()
    out = []
    for band in range(BANDS):
        chunk = values[band * ROWS * 4 : (band + 1) * ROWS * 4]
        out.append((band, struct.unpack("<q", hashlib.blake2b(chunk, digest_size=8).digest())[0]))
    return out


def to_blob(sig: MinHash) -> bytes:
    return sig.hashvalues.astype("<u4").tobytes()


def jaccard(sig: MinHash, blob: bytes) -> float:
    other = MinHash(
        num_perm=NUM_PERM, hashvalues=[int.from_bytes(blob[i : i + 4], "little") for i in range(0, len(blob), 4)]
    )
    return float(sig.jaccard(other))


def same_event(new: Profile, old: Profile) -> Match | None:
    """The conservative same-event rule (see module docstring), or None."""
    if not (new.dprk_cyber and old.dprk_cyber) or not (new.families & old.families):
        return None
    if abs(new.when - old.when) > WINDOW:
        return None
    shared_words = new.title_words & old.title_words
    family = ", ".join(sorted(new.families & old.families))
    if new.cves & old.cves:
        return Match(old.item_id, "same-event", 0.9, f"{family}; CVE {', '.join(sorted(new.cves & old.cves))}")
    if new.wallets & old.wallets:
        return Match(old.item_id, "same-event", 0.9, f"{family}; wallet {sorted(new.wallets & old.wallets)[0]}")
    if new.malware & old.malware and shared_words:
        return Match(
            old.item_id,
            "same-event",
            0.8,
            f"{family}; malware {', '.join(sorted(new.malware & old.malware))}; title {sorted(shared_words)}",
        )
    union = new.title_words | old.title_words
    named = shared_words & (new.names | old.names)
    if len(shared_words) >= 2 and named and len(shared_words) / len(union) >= 0.25:
        return Match(old.item_id, "same-event", 0.7, f"{family}; title words {sorted(shared_words)}")
    return None
