"""One tagged text as the decision modules see it: the text, its Hits, and its sentences.

Rules: sentences are split on characters (end punctuation followed by a capital, or a line break), not on
abbreviations such as "U.S." or "N. Korea"; the title is always its own sentence (sentence 0). A single line
break inside a hard-wrapped sentence (a long line ending with a comma or a lower-case word) is no boundary.
A Japanese full stop with no space after it is no boundary either: the rules read a Japanese paragraph as one
sentence (measured in the eighth round: cutting at every 。 lost more victims than it saved false ones).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from bot.tagging.read.nlp import Hit, doc_text

_BOUNDARY = re.compile(r"[.!?。？！]+[\"'’”)\]]*[ \t]+|\s*\n\s*")
_LAST_WORD = re.compile(r"(\S+)$")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences begin."""
    starts = [0]
    title_end = text.find("\n")
    for m in _BOUNDARY.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if m.start() > title_end and _hard_wrapped(text, m):
            continue  # "...infiltrated the systems of\nSouth Korean banks": one sentence wrapped at a line end
        if "\n" not in m.group():
            word = _LAST_WORD.search(text, max(0, m.start() - 80), m.start() + 1)  # not from 0: O(n^2)
            core = word.group(1).rstrip(".") if word else ""
            if (len(core) <= 2 and core[:1].isupper()) or "." in core or not nxt or nxt.islower():
                continue  # U.S. / N. Korea / Mr. Smith / e.g. lower-case continuation
        if m.end() < len(text):
            starts.append(m.end())
    return _bounded(text, starts)


SENTENCE_MAX = 4000  # characters: a longer run without a boundary is read in pieces of at most this length


def _bounded(text: str, starts: list[int]) -> list[int]:
    """The starts with a cut every SENTENCE_MAX characters inside a longer sentence, at a space or a comma.

    Rules read a hit's sentence, so on a hostile text that is one sentence of thousands of listed words their work
    grew with the square of its length (a 40 KB list took 12 s). Of 3,611 sentences in the labelled sets and the
    shared feeds, 99% are under 1,000 characters; the 7 over 3,000 are advisories' raw HTML without full stops, and
    their tags are the same with the cuts."""
    bounded = []
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        bounded.append(a)
        while b - a > SENTENCE_MAX:
            cut = max(text.rfind(sep, a + SENTENCE_MAX // 2, a + SENTENCE_MAX) for sep in (" ", ",", "、", "·"))
            a = cut + 1 if cut > a else a + SENTENCE_MAX
            bounded.append(a)
    return bounded


WRAP_MIN = 30  # a line shorter than this is a heading or a list item, not a wrapped sentence
_WRAPPED_END = re.compile(r"(?:[,、]|(?<![\w'’-])[a-z][\w'’-]*)$")  # a comma, or a lower-case last word


def _hard_wrapped(text: str, m: re.Match) -> bool:
    """A single line break inside a sentence: the line before is long and ends with a comma or a lower-case word
    (a heading ends in a capital or a full stop), and the next line starts with a word (not a bullet)."""
    if m.group().count("\n") != 1 or m.group().strip(" \t\n"):
        return False
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].rstrip()
    nxt = text[m.end() : m.end() + 1]
    return len(line) >= WRAP_MIN and bool(_WRAPPED_END.search(line)) and nxt.isalnum()


@dataclass
class Context:
    """Hits grouped by kind, with sentence lookups."""

    doc: Doc
    text: str
    starts: list[int]
    by_kind: dict[str, list[Hit]] = field(default_factory=dict)
    by_token: dict[int, list[Hit]] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # facts of the whole text a rule computes once

    @classmethod
    def of(cls, doc: Doc) -> Context:
        by_kind: dict[str, list[Hit]] = defaultdict(list)
        by_token: dict[int, list[Hit]] = defaultdict(list)
        for hit in doc._.hits or ():
            by_kind[hit.kind].append(hit)
            if hit.tok_start >= 0:
                by_token[hit.tok_start].append(hit)
        text = doc_text(doc)
        return cls(doc, text, sentence_starts(text), dict(by_kind), dict(by_token))

    def hits(self, kind: str) -> list[Hit]:
        return self.by_kind.get(kind, [])

    def sent(self, pos: int) -> int:
        """Index of the sentence holding character `pos`."""
        return bisect_right(self.starts, pos) - 1

    def sents_of(self, hits: list[Hit]) -> set[int]:
        return {self.sent(h.start) for h in hits}

    def sent_span(self, index: int) -> tuple[int, int]:
        """Where sentence `index` starts and ends in the text."""
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.starts[index], end

    def sent_text(self, index: int) -> str:
        start, end = self.sent_span(index)
        return self.text[start:end]

    def words_around(self, hit: Hit, before: int = 1, after: int = 1) -> tuple[list[str], list[str]]:
        """The words just before and after a hit, as written (token-based when the hit has tokens)."""
        if hit.tok_start >= 0:
            doc = self.doc
            left = [t.text for t in doc[max(0, hit.tok_start - before) : hit.tok_start] if not t.is_space]
            right = [t.text for t in doc[hit.tok_end : hit.tok_end + after] if not t.is_space]
            return left, right
        left = self.text[max(0, hit.start - 40) : hit.start].split()[-before:]
        right = self.text[hit.end : hit.end + 40].split()[:after]
        return left, right
