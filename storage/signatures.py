"""The near-duplicate index's encoding: the MinHash signature of an item's text as stored, its LSH band hashes,
and the Jaccard estimate of two signatures (over word 3-shingles, datasketch's values).

What the tables item_signatures and item_bands hold, so storage can sign items again when the encoding changes
(archive v6). Which estimate makes two texts copies of one report is the near-duplicate rule's (bot.stories.rules).
"""

from __future__ import annotations

import hashlib
import re
import struct
from functools import lru_cache
from itertools import islice

import numpy as np

NUM_PERM = 64
BANDS, ROWS = 16, 4  # LSH: candidates from Jaccard ~0.5 up, verified against bot.stories.rules.NEAR_DUPLICATE
_BLOCK = 4096
MIN_SHINGLES = 8
SHINGLE_WORDS = 1000  # words of a text its signature covers (SHINGLE_CHARS characters of CJK text)
SHINGLE_CHARS = 3000
WORD = re.compile(r"[\w$.%-]+", re.UNICODE)  # a word of a text or a title (also bot.stories.rules)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def shingles(text: str) -> list[bytes]:
    """Word 3-shingles of normalised text (character 4-grams for CJK text without spaces), from its first
    SHINGLE_WORDS words (SHINGLE_CHARS characters): a copy shows itself in its first pages, and a long advisory's
    appendices (indicator tables, hashes) cost the most to hash while saying least about which story it is."""
    if len(_CJK.findall(text)) > len(text) / 4:
        chars = re.sub(r"\s+", "", text.lower())[: SHINGLE_CHARS + 3]
        return [chars[i : i + 4].encode() for i in range(max(0, len(chars) - 3))]
    words = [m.group().lower() for m in islice(WORD.finditer(text), SHINGLE_WORDS)]
    return [f"{a} {b} {c}".encode() for a, b, c in zip(words, words[1:], words[2:], strict=False)]


def signature(text: str) -> bytes | None:
    """The MinHash of a text as stored (NUM_PERM little-endian uint32), or None when it is too short to mean much.

    The values are datasketch's MinHash (scheme "affine32", its default since 2.0: SHA-1 of each shingle, the
    MurmurHash3 finalizer, affine permutations drawn from seed 1), computed here on the set of shingles in numpy
    blocks. Owning the formula keeps stored signatures comparable whatever datasketch version is installed (1.x
    used another scheme), spares every worker process datasketch's import of scipy (0.3 s), and is 3x faster.
    `tests/test_stories.py` checks the values against datasketch's own.
    """
    grams = set(shingles(text))
    if len(grams) < MIN_SHINGLES:
        return None  # too short for the estimate to mean anything
    a, b = _permutations()
    grams = list(grams)
    values = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    for start in range(0, len(grams), _BLOCK):  # bounded memory: a block is _BLOCK x NUM_PERM uint32
        chunk = grams[start : start + _BLOCK]
        digests = b"".join([hashlib.sha1(g, usedforsecurity=False).digest()[:4] for g in chunk])
        hashed = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
        values = np.minimum(values, (hashed * a + b).min(axis=0))  # uint32 arithmetic wraps: mod 2^32
    return values.astype("<u4").tobytes()


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (as datasketch applies it before the permutations)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations h -> a*h + b mod 2^32 (odd a), drawn from RandomState(1)."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def band_hashes(sig: bytes) -> list[tuple[int, int]]:
    """(band, 64-bit hash) pairs for the LSH index: stable across processes (no Python hash())."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS * 4 : (band + 1) * ROWS * 4]
        out.append((band, struct.unpack("<q", hashlib.blake2b(chunk, digest_size=8).digest())[0]))
    return out


def jaccard(sig: bytes, blob: bytes) -> float:
    """MinHash's Jaccard estimate of two stored signatures: the share of equal hash values."""
    return float(np.count_nonzero(np.frombuffer(sig, dtype="<u4") == np.frombuffer(blob, dtype="<u4"))) / NUM_PERM
