"""Korean and Japanese sector noun phrases built from a modifier and a head (issue 16), found on characters.

Rules (the vocabulary is lexicon_cjk.MODIFIERS, HEADS, LIST_WORDS):
- A sector modifier names the sector's organisations only when a head follows it: in its own word (방위산업체,
  의료서비스 업체, 防衛関連企業), or after the items of a coordinated list joined by ·, 、, commas, 및, 등, particles
  (와, 과, 나) and other sector words or field words ending in 계 (외국·안보·국방 등 분야, 정부나 정치계, 학계, 언론계
  주요 인사), list words included (등 다양한 분야, 様々な); the last item may carry the head though it is no sector
  word (軍事、エネルギー、物流分野). The result is a "noun" Hit from the modifier to the head, so sectors/find.py
  applies its frames to it (a target word and a DPRK agent near, lures, sources: "IT 업계에 따르면" is the source).
- A modifier right before a target marker is the target too (한국, 미국, 중국 정부 등을 대상으로; 政府を狙った).
- Not the DPRK's own (북한 정부, 北朝鮮政府): a DPRK word just before the modifier. Not inside a longer Hangul or
  katakana word (점프클라우드 is a name); kanji compounds count (日本政府).
"""

from __future__ import annotations

import re

from bot.tagging.words import lexicon_cjk

REACH = 48  # characters after a modifier that its list and head may span
MAX_ITEMS = 8
BRIDGE = 4  # characters of a compound between a modifier and a head (의료[서비스] 업체)

_HEADS = tuple(sorted(lexicon_cjk.HEADS, key=len, reverse=True))
# the heads by their first character, longest first
_HEADS_BY_FIRST = {first: tuple(h for h in _HEADS if h[0] == first) for first in {h[0] for h in _HEADS}}
_VOCAB = sorted(
    {w.replace(" ", "") for words in lexicon_cjk.NOUNS.values() for w in words}
    | {w for words in lexicon_cjk.MODIFIERS.values() for w in words}
    | {"군", "軍"},  # the military standing alone as a list item: 政府や軍を標的に (lexicon_cjk.MILITARY_BARE)
    key=len,
    reverse=True,
)
_VOCAB_SET = frozenset(_VOCAB)
_VOCAB_LONGEST = len(_VOCAB[0])
_PARTICLES = re.compile(r"(?:와|과|이나|나|및|을|를|이|가|은|는|의|에|에서|도|들|や|と|の|、)+$")
_COORDINATING = re.compile(r"(?:와|과|이나|나|및|や|と|、)?$")  # particles that go on to the next item of a list
_BRIDGE = re.compile(r"^[\uac00-\ud7a3\u4e00-\u9fff\u30a0-\u30ff]{1,4}$")  # 의료[서비스] 업체, IT [관리] 회사
# や, と and および, 及び, ならびに, そして: Japanese list particles and conjunctions
_TOKEN = re.compile(
    r"(?:[\s·・、,/&やと]|および|及び|ならびに|そして)*((?:(?!および|及び|ならびに|そして)[^\s·・、,/&やと])+)"
)
_TARGET_AFTER = re.compile(
    r"^\s?(?:등\s?)?(?:을|를|에\s?대한|에\s?대해)?\s?(?:사이버\s?)?(?:대상으로|겨냥|노린|노려|노렸|노리는|표적|상대로|공격|해킹)"
    r"|^\s?(?:등\s?)?(?:으로|로)\s?(?:공격\s?)?(?:대상|표적)"  # 가상자산·금융·IT·국방 등으로 공격 대상을 확대
    r"|^(?:など)?(?:を|に対する|に対して|に対し|への|へ|に(?=標的))(?:サイバー)?(?:狙|標的|攻撃|ハッキング|対象に|ターゲット)"
    r"|^(?:など)?(?:も|が)(?:攻撃の)?対象(?:と|に)"
)
_OWN = re.compile(r"(?:북한|北朝鮮|北)\s?(?:의\s?|の)?$")
_INSIDE = re.compile(r"[\uac00-\ud7a3\u30a1-\u30fa\u30fc]")  # a Hangul syllable or katakana before the modifier
_SEPARATOR = re.compile(r"[·・、,/&]")
# experts in the field; reporters on its beat (외교안보 분야 기자들: media, eighteenth round)
_EXPERTS = re.compile(r"\s?(?:전문가|専門家|교수|학자|연구자|研究者|教授|기자|記者)")
_FIELD = re.compile(r"^[\uac00-\ud7a3]{1,3}계$")  # 정치계, 재계: a field of people in a list
_MODIFIERS = sorted((w for words in lexicon_cjk.MODIFIERS.values() for w in words), key=len, reverse=True)
_MOD = re.compile("|".join(re.escape(w) for w in _MODIFIERS))
_SECTOR_OF = {w: sector for sector, words in lexicon_cjk.MODIFIERS.items() for w in words}
_INSTITUTE_OF = lexicon_cjk.SECTOR_INSTITUTE_BEFORE


def compound_nouns(text: str) -> list[tuple[str, str, int, int, str]]:
    """("noun", sector, start, end, text) for each modifier that reaches a head or a target marker."""
    found = []
    for m in _MOD.finditer(text):
        if m.group() in ("IT", "ICT", "SW") and _latin_around(text, m.start(), m.end()):
            continue  # "ITEM", "LIT"
        if m.start() > 0 and _INSIDE.match(text[m.start() - 1]):
            continue  # part of a longer word (점프클라우드, 한국국방연구원): a name, not the sector
        if _OWN.search(text, max(0, m.start() - 5), m.start()):
            continue
        if text.startswith(lexicon_cjk.NOT_BEFORE.get(m.group(), ()), m.end()):
            continue  # 金融庁, 금융위원회: a regulator (thirteenth round), as for the nouns (lexicon_cjk.NOT_BEFORE)
        if text[: m.start()].endswith(lexicon_cjk.NOT_AFTER.get(m.group(), ())):
            continue  # 소셜 엔지니어링: a technique (fourteenth round), as for the nouns (lexicon_cjk.NOT_AFTER)
        if _SECTOR_OF[m.group()] == "think-tanks-academia" and text[: m.start()].endswith(_INSTITUTE_OF):
            continue  # 宇宙研究機関, 원자력연구원: another sector's institute (lexicon_cjk.SECTOR_INSTITUTE_BEFORE)
        # 정보기술(IT) 기업: the modifier spelled out, then in parentheses before the head (eighteenth round)
        end = _reach(text, m.end() + 1 if text.startswith((")", "）"), m.end()) else m.end())
        if end is not None:
            found.append(("noun", _SECTOR_OF[m.group()], m.start(), end, text[m.start() : end]))
    return found


def listed_modifiers(text: str, start: int, end: int) -> list[tuple[str, str, int, int, str]]:
    """("noun", sector, start, end, text) for each sector modifier standing in a list of targets (IT·금융·통신 등
    ... 타깃으로): the list says what was targeted, no head is needed."""
    return [
        ("noun", _SECTOR_OF[m.group()], m.start(), m.end(), m.group())
        for m in _MOD.finditer(text, start, end)
        if not (m.group() in ("IT", "ICT", "SW") and _latin_around(text, m.start(), m.end()))
    ]


def _latin_around(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isascii() and text[start - 1].isalpha()) or (
        end < len(text) and text[end].isascii() and text[end].isalpha()
    )


def _reach(text: str, at: int) -> int | None:
    """Where the head ends (or the modifier's own end, when a list of other sector words or a target marker comes
    between: those words are hits of their own), or None."""
    rest = text[at : at + REACH]
    if _TARGET_AFTER.match(rest):
        return at
    glued = rest[:1] and not rest[:1].isspace() and rest[:1] not in "·・、,/&やと"
    listed = False
    for n, tok in enumerate(_TOKEN.finditer(rest)):
        if n >= MAX_ITEMS:
            return None
        word = tok.group(1).strip("'\"‘’“”「」『』")
        separated = n == 0 and bool(_SEPARATOR.search(rest[: tok.start(1)]))  # 외교·[안보]: a list item, no bridge
        head = _head_in(word, bridge=BRIDGE if n == 0 and not separated else 0)
        if head is not None and _EXPERTS.match(rest, tok.start(1) + head):
            return (
                None  # 안보 분야 전문가: experts in the field (think tanks, lexicon_cjk.NOUNS), not its organisations
            )
        if head is None and (listed or separated):
            head = _head_in(word, bridge=BRIDGE)  # 軍事、エネルギー、物流分野: the last item carries the head
        if head is not None:
            crossed = listed or _starts_with_vocab(word)  # 防衛・エンジニアリング企業: the other word is its own hit
            return at if crossed else at + tok.start(1) + head
        if (n > 0 or not glued) and _vocab_then_head(word):
            return at  # 防衛や宇宙、原子力の分野: the list ends in a head after the last item
        if (n > 0 or not glued) and _vocab_then_target(rest[tok.start(1) :]):
            return at  # 政府や韓国軍に対しサイバー攻撃: the last item, a sector word, before a target marker
        core = _PARTICLES.sub("", word)
        particle = word[len(core) :]
        if n == 0 and not separated and _BRIDGE.match(core) and _head_in(_next_word(rest, tok.end()), 0) is not None:
            continue  # 의료[서비스] 업체: one word bridges to the head
        if not _COORDINATING.fullmatch(particle):
            return None  # 정부가 ..., 방송은 ...: a subject or object ends the phrase
        if core in lexicon_cjk.LIST_WORDS or ((n > 0 or not glued) and (_is_vocab(core) or _FIELD.match(core))):
            listed = listed or core not in lexicon_cjk.LIST_WORDS
            if _TARGET_AFTER.match(rest[tok.end() :]):
                return at
            continue
        if core == "" and particle:
            continue  # a coordinating particle: 정부나 정치계 ..., 정부 및 민간 기업
        return None  # another word: no list, no head (정부24, 군사기밀 해킹)
    return None


def _next_word(rest: str, pos: int) -> str:
    m = _TOKEN.match(rest, pos)
    return m.group(1) if m else ""


def _head_in(word: str, bridge: int) -> int | None:
    """End offset of a head that `word` starts with (after at most `bridge` characters, or a longer Japanese
    compound of kanji and katakana: IT[保守サービス関連]企業), particles may follow."""
    if bridge:
        bridge = max(bridge, len(_COMPOUND.match(word).group()))
    for i in range(min(bridge, len(word)) + 1):
        for head in _HEADS_BY_FIRST.get(word[i : i + 1], ()):
            if word.startswith(head, i) and not (head == "社" and word.startswith("社会", i)):
                return i + len(head)  # メディア8社, 金融各社; not 情報社会 (society)
    return None


_COMPOUND = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{0,10}")  # kanji and katakana, not the middle dot ・


def _starts_with_vocab(word: str) -> bool:
    return _vocab_prefix(word) is not None


def _vocab_prefix(word: str) -> str | None:
    """The longest sector word `word` starts with (its prefixes looked up, longest first)."""
    return next((word[:i] for i in range(min(len(word), _VOCAB_LONGEST), 0, -1) if word[:i] in _VOCAB_SET), None)


def _vocab_then_head(word: str) -> bool:
    """ "原子力の分野", "宇宙関連の企業": a sector word, の or 의 or a short compound, then a head."""
    v = _vocab_prefix(word)
    if v is None:
        return False
    rest = word[len(v) :]
    rest = rest[1:] if rest[:1] in ("の", "의") else rest
    rest = rest.removeprefix("主要")  # 言論界の主要人物: the main figures of the field
    # 航空・[宇宙関連の企業]: a compound may bridge to the head, as after the first item (twenty-first round)
    return _head_in(rest, BRIDGE) is not None


def _vocab_then_target(rest: str) -> bool:
    """ "韓国軍に対し...攻撃": a sector word, then a target marker."""
    v = _vocab_prefix(rest)
    return v is not None and bool(_TARGET_AFTER.match(rest[len(v) :]))


def _is_vocab(word: str) -> bool:
    """A sector word, particles after it allowed (its prefixes looked up: a long list is read in linear time)."""
    longest = min(len(word), _VOCAB_LONGEST)
    return any(word[:i] in _VOCAB_SET and not _PARTICLES.sub("", word[i:]) for i in range(1, longest + 1))
