"""Sound keys of names, so that a name written in Latin letters meets the same name in Hangul or katakana.

"Bybit" and "바이비트", "Poloniex" and "폴로닉스", "Orbit Chain" and "오르빗체인" are one name in two scripts.
No list of names: each script is reduced to the same coarse sound skeleton and the skeletons are compared.

The key keeps consonant classes that survive transliteration between English, Korean and Japanese
(b/p/f/v, d/t, g/k/c/q, s/sh, j/ch/z, l/r, m, n) and one mark per run of vowels; h, w and y are dropped or
treated as vowels. Korean loanwords add the vowel ㅡ after a final consonant (트 = "t"), and Japanese ones u and
o at the end of a word (ト, ス): those epenthetic vowels are dropped. A trailing vowel is dropped on both
sides. Keys with fewer than two consonants say too little to compare (MIN_CONSONANTS).
"""

from __future__ import annotations

import re
import unicodedata

MIN_CONSONANTS = 2
VOWEL = "V"

# Hangul syllable = 0xAC00 + (initial * 21 + medial) * 28 + final (Unicode 3.12)
_INITIAL = ["K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "C", "C", "C", "K", "T", "P", ""]
_EU = 18  # ㅡ: the vowel Korean inserts after a consonant in loanwords (트, 스, 르)
# final consonants as pronounced (ㅅ, ㅈ, ㅊ, ㅆ end a syllable as t; ㅇ as ng)
_FINAL = ["", "K", "K", "K", "N", "N", "N", "T", "L", "K", "M", "L", "L", "L", "P", "L", "M", "P", "P", "T", "T",
          "N", "T", "T", "K", "T", "P", ""]  # fmt: skip
_HANGUL = re.compile(r"[\uac00-\ud7a3]{2,}")
_KANA = re.compile(r"[\u30a0-\u30ffー]{2,}")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _collapse(symbols: list[str]) -> str:
    """Adjacent equal symbols become one (ll -> L, a run of vowels -> V); a trailing vowel goes."""
    out: list[str] = []
    for s in symbols:
        if s and (not out or out[-1] != s):
            out.append(s)
    if out and out[-1] == VOWEL:
        out.pop()
    return "".join(out)


def hangul_key(word: str) -> str:
    symbols: list[str] = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            continue
        initial, medial, final = code // 588, (code % 588) // 28, code % 28
        symbols.append(_INITIAL[initial])
        if medial != _EU:
            symbols.append(VOWEL)
        symbols.append(_FINAL[final])
    return _collapse(symbols)


_LATIN_RULES = [
    (r"ph", "f"), (r"ck", "k"), (r"x", "ks"), (r"qu", "kw"), (r"tch", "ch"), (r"sch", "sh"),
    (r"c(?=[eiy])", "s"), (r"th", "s"), (r"ng\b", "n"), (r"e\b", ""),
]  # fmt: skip
_LATIN_CLASS = {
    **dict.fromkeys("bpfv", "P"), **dict.fromkeys("dt", "T"), **dict.fromkeys("gkcq", "K"), "s": "S",
    **dict.fromkeys("jz", "C"), "l": "L", "r": "L", "m": "M", "n": "N", **dict.fromkeys("aeiouyw", VOWEL), "h": "",
}  # fmt: skip


def latin_key(word: str) -> str:
    w = re.sub(r"[^a-z]", "", word.lower())
    for pattern, repl in _LATIN_RULES:
        w = re.sub(pattern, repl, w)
    symbols: list[str] = []
    i = 0
    while i < len(w):
        if w.startswith("ch", i) or w.startswith("sh", i):
            symbols.append("C" if w[i] == "c" else "S")
            i += 2
            continue
        symbols.append(_LATIN_CLASS.get(w[i], ""))
        i += 1
    return _collapse(symbols)


def kana_key(word: str) -> str:
    """Katakana through its Hepburn romanisation (anyascii), epenthetic u and o after a consonant dropped."""
    from anyascii import anyascii

    roman = anyascii(unicodedata.normalize("NFKC", word)).lower()
    roman = re.sub(r"(?<=[bcdfghjkmnpqrstvwxz])[uo]$", "", roman)
    return latin_key(roman)


def strong(key: str) -> bool:
    return sum(1 for c in key if c != VOWEL) >= MIN_CONSONANTS and len(key) >= 3


def foreign_keys(text: str, particles: re.Pattern | None = None) -> dict[str, str]:
    """Sound key -> word, for the Hangul and katakana words of a text (Korean particles taken off)."""
    out: dict[str, str] = {}
    for word in _HANGUL.findall(text):
        bare = particles.sub("", word) if particles else word
        key = hangul_key(bare)
        if strong(key):
            out.setdefault(key, bare)
    for word in _KANA.findall(text):
        key = kana_key(word)
        if strong(key):
            out.setdefault(key, word)
    return out


def latin_keys(names) -> dict[str, str]:
    """Sound key -> name, for Latin-script names (and pairs of adjacent names: "Orbit Chain" -> 오르빗체인)."""
    out: dict[str, str] = {}
    names = list(names)
    for name in names:
        key = latin_key(name)
        if strong(key):
            out.setdefault(key, name)
    for a, b in zip(names, names[1:], strict=False):
        key = latin_key(a) + latin_key(b)
        if strong(key):
            out.setdefault(key, f"{a} {b}")
    return out
