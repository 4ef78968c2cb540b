"""Character-level matching for Korean and Japanese: actor names with particles, quotes and brackets.

Korean writes particles onto the word (김수키가, 라자루스는, 안다리엘의), and the rule-based tokenizer keeps
them attached, so Hangul names are matched on characters: not preceded by a Hangul syllable, and followed by
nothing Hangul, or by a group suffix (그룹, 조직) and/or a particle. Quotes (‘’ “” 「」 『』) and a bracketed
English name ('라자루스(Lazarus)가') are non-Hangul, so they bound the name. Japanese names are matched
between non-katakana characters (a ・グループ suffix may follow). Latin aliases are also matched on characters
here, because CJK text puts no space around them ("「TraderTraitor」による"). Vocabulary (북한, 해킹, 거래소) is
matched as a substring: compounds count.
"""

from __future__ import annotations

import re

from bot.tagging.sectors.cjk import compound_nouns
from bot.tagging.words import lexicon_cjk
from bot.tagging.words.kb import KnowledgeBase, norm

CJK_CHAR = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PARTICLES = (
    "이라는|라는|이라고|라고|에서는|에서|에게|으로|로는|로|이나|나|까지|부터|처럼|보다|조차|마저|이며|이다|였다|"
    "이었다|이란|란|와|과|의|이|가|은|는|을|를|도|에|만|측|등"
)
SUFFIXES = "그룹|조직|팀|일당|해킹조직|해커|해커들|해킹그룹"
JA_SUFFIXES = "・?グループ|・?チーム"  # ラザルス・グループ: the katakana suffix is part of the name


def _alias_pattern(alias: str) -> str:
    body = re.escape(alias).replace(r"\ ", r"\s?")
    if HANGUL.search(alias):
        return rf"(?<![\uac00-\ud7a3]){body}(?=(?:{SUFFIXES})?(?:{PARTICLES})?(?![\uac00-\ud7a3]))"
    # katakana letters bound a name; the middle dot ・ (U+30FB) joins a list (ラザルス・アンダリエル・キムスキー)
    return rf"(?<![\u30a1-\u30fa\u30fc-\u30ff]){body}(?=(?:{JA_SUFFIXES})?(?![\u30a1-\u30fa\u30fc-\u30ff]))"


def _literal(word: str) -> str:
    """The longest space-free piece of `word`: its pattern (spaces optional) cannot match without it."""
    return max(word.split(), key=len) if word.split() else ""


def _latin_pattern(spellings: list[str]) -> re.Pattern:
    """Latin aliases inside CJK text, which puts no space around them ("「TraderTraitor」による")."""
    bodies = [re.escape(s).replace(r"\ ", r"\s+") for s in sorted(spellings, key=len, reverse=True)]
    return re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(bodies)})(?![A-Za-z0-9])", re.IGNORECASE)


class CjkMatcher:
    """Finds Hangul/kana aliases and CJK vocabulary; yields (kind, value, start, end, text) tuples."""

    def __init__(self, kb: KnowledgeBase):
        # (kind, value, pattern, a literal the pattern cannot match without, or "" when it has none)
        self.patterns: list[tuple[str, str, re.Pattern, str]] = []
        names = sorted(
            {(s, a.key) for a in kb.aliases.values() for s in a.spellings if CJK_CHAR.search(s)},
            key=lambda p: -len(p[0]),
        )
        for spelling, key in names:
            self.patterns.append(("alias", key, re.compile(_alias_pattern(spelling)), _literal(spelling)))
        latin = [s for a in kb.aliases.values() for s in a.spellings if not CJK_CHAR.search(s)]
        self.latin = _latin_pattern(latin)
        vocab = [("dprk", "dprk", w) for w in lexicon_cjk.DPRK] + [("cyber", "cyber", w) for w in lexicon_cjk.CYBER]
        vocab += [("target", "target", w) for w in lexicon_cjk.TARGET]
        vocab += [("agent", "agent", w) for w in lexicon_cjk.AGENTS]
        vocab += [("noun", sector, w) for sector, words in lexicon_cjk.NOUNS.items() for w in words]
        vocab += [("other", "other", w) for w in lexicon_cjk.OTHER_STATES]
        vocab += [("fiction", "fiction", w) for w in lexicon_cjk.FICTION]
        # 北 alone (北 해커, 美·北), not inside a Han/kana word (北京, 北米, 東北) nor a defector (탈北자)
        hanja = re.escape(lexicon_cjk.DPRK_HANJA)
        han_kana = r"\u3040-\u30ff\u4e00-\u9fff"
        self.patterns.append(("dprk", "dprk", re.compile(rf"(?<![{han_kana}탈]){hanja}(?![{han_kana}])"), hanja))
        # Japanese 北が/北は before a cyber word in its clause (北が韓国要人にサイバー攻撃), not 北は北海道から
        self.patterns.append(
            ("dprk", "dprk", re.compile(rf"(?<![{han_kana}]){hanja}(?=[がは]{lexicon_cjk.JA_NORTH_CYBER})"), hanja)
        )
        # 北にハッキングされ, 北に盗まれた: the North as the agent of a passive cyber verb
        agent = re.compile(rf"(?<![{han_kana}]){hanja}(?=に{lexicon_cjk.JA_NORTH_AGENT})")
        self.patterns.append(("dprk", "dprk", agent, hanja))
        # 北の犯行, 北が関与, 北工作員: the North named as the culprit (after a particle too: 攻撃は北の犯行)
        han_katakana = r"\u30a0-\u30ff\u4e00-\u9fff"
        culprit = re.compile(rf"(?<![{han_katakana}]){hanja}{lexicon_cjk.JA_NORTH_CULPRIT}")
        self.patterns.append(("dprk", "dprk", culprit, hanja))
        # 북 alone in a headline: "북, ...", "북·러", "북 해커" (not 남북, 북한, 북극, 북쪽, nor a book: 북 콘서트)
        self.patterns.append(("dprk", "dprk", re.compile(lexicon_cjk.DPRK_SYLLABLE), "북"))
        for bare in lexicon_cjk.MILITARY_BARE:  # 우리 군을, 政府や軍を: the military standing alone
            self.patterns.append(("noun", "defense", re.compile(bare), ""))
        cjk = CJK_CHAR.pattern  # one character class: [...]
        for kind, value, word in vocab:
            if not CJK_CHAR.search(word) and kind == "cyber":  # "APTグループ", "DDoS공격": glued to CJK text
                body = re.escape(word)
                glued = rf"(?<={cjk}){body}(?![A-Za-z])|(?<![A-Za-z]){body}(?={cjk})"
                self.patterns.append((kind, value, re.compile(glued), word))
            if CJK_CHAR.search(word):
                guard = r"(?<!탈)" if word.startswith("북") else ""
                ends = lexicon_cjk.NOT_BEFORE.get(word, ()) if kind in ("target", "noun") else ()
                after = rf"(?!\s?(?:{'|'.join(ends)}))" if ends else ""
                starts = lexicon_cjk.NOT_AFTER.get(word, ()) if kind == "noun" else ()
                guard += "".join(rf"(?<!{re.escape(w)})" for w in starts)  # 원자력연구원: no think tank
                body = re.escape(word).replace(r"\ ", r"\s?")
                self.patterns.append((kind, value, re.compile(guard + body + after), _literal(word)))

    def find(self, text: str) -> list[tuple[str, str, int, int, str]]:
        found = []
        taken: list[tuple[int, int]] = []
        for kind, value, pattern, literal in self.patterns:
            if literal not in text:
                continue  # a substring test is far cheaper than a scan with the pattern
            for m in pattern.finditer(text):
                if kind == "alias":
                    if any(s <= m.start() < e for s, e in taken):
                        continue  # a longer alias already covers this one (라자루스 그룹 vs 라자루스)
                    taken.append((m.start(), m.end()))
                found.append((kind, value, m.start(), m.end(), m.group()))
        found += [("alias", norm(m.group()), m.start(), m.end(), m.group()) for m in self.latin.finditer(text)]
        found += compound_nouns(text)  # 국방 등 분야, 방위 계약업체, 防衛関連企業 (sectors/cjk.py)
        return found


def is_korean(text: str) -> bool:
    """Hangul present: use the Korean pipeline."""
    return bool(HANGUL.search(text))


__all__ = ["CJK_CHAR", "CjkMatcher", "is_korean", "norm"]
