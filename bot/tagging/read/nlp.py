"""Build the spaCy pipelines once per process: tokenizer + rule matchers that record `Hit`s on each Doc.

Rules:
- English: `spacy.blank("en")` (or the model named by ADVISORY_BOT_SPACY_MODEL when it is installed) plus the
  `dprk_rules` component (PhraseMatcher on LOWER for aliases and vocabulary, on ORTH for case-sensitive words).
- Korean: `spacy.blank("ko")` with the rule-based tokenizer (no mecab), the same rules, and korean.py's
  character matcher for Hangul names with particles attached.
- Components only record what they saw (`doc._.hits`); deciding what counts is
  find/actors.py, judge/signals.py and sectors/find.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from bot.tagging.read.korean import CJK_CHAR, CjkMatcher
from bot.tagging.read.tokenize import speed_up
from bot.tagging.words import lexicon
from bot.tagging.words.kb import load_kb, norm

MODEL_ENV = "ADVISORY_BOT_SPACY_MODEL"
KO_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}}


@dataclass(frozen=True)
class Hit:
    """Something a rule saw: kind (alias|dprk|cyber|target|agent|anaphor|security|noun|mod|
    head|other|fiction), value, where."""

    kind: str
    value: str  # alias key, sector name, or the vocabulary entry
    start: int  # character offsets into doc.text
    end: int
    text: str
    tok_start: int = -1  # token offsets; -1 for character matches (Hangul, kana)
    tok_end: int = -1


def longest_first(hits: list[Hit]) -> list[Hit]:
    """The hits that overlap no longer one (ties: the earlier), in text order ("Lazarus Group" over "Lazarus",
    "defense contractors" over "defense"). Kept spans are marked character by character: a hostile text of
    thousands of hits costs linear time, not quadratic."""
    kept: list[Hit] = []
    taken = bytearray(max((h.end for h in hits), default=0))
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(taken[hit.start : hit.end]):
            kept.append(hit)
            taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return sorted(kept, key=lambda h: h.start)


if not Doc.has_extension("hits"):
    Doc.set_extension("hits", default=None)


class RuleMatcher:
    """Runs every vocabulary and alias pattern over a Doc and stores the Hits in doc._.hits."""

    def __init__(self, nlp: Language):
        kb = load_kb()
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")  # case-sensitive words: a phrase matcher on ORTH
        self.labels: dict[int, tuple[str, str]] = {}
        latin_aliases = {s for a in kb.aliases.values() for s in a.spellings if not CJK_CHAR.search(s)}
        self._add("alias", "", sorted(latin_aliases), nlp)
        for kind, words in (
            ("dprk", lexicon.DPRK),
            ("cyber", lexicon.CYBER),
            ("target", lexicon.TARGET),
            ("agent", lexicon.AGENTS),
            ("anaphor", lexicon.ANAPHORS),
            ("security", lexicon.SECURITY),
            ("head", sorted(lexicon.HEADS)),
            ("other", lexicon.OTHER_STATES),
            ("fiction", lexicon.FICTION),
        ):
            self._add(kind, kind, words, nlp)
        for sector, words in lexicon.NOUNS.items():
            self._add("noun", sector, words, nlp)
        for sector, words in lexicon.MODIFIERS.items():
            self._add("mod", sector, words, nlp)
        for kind, words in (("dprk", lexicon.DPRK_EXACT), ("cyber", lexicon.CYBER_EXACT)):
            key = f"{kind}|exact"
            self.exact.add(key, [nlp.make_doc(word) for word in words])
            self.labels[nlp.vocab.strings[key]] = (kind, kind)
        self.cjk = CjkMatcher(kb)

    def _add(self, kind: str, value: str, phrases: list[str], nlp: Language) -> None:
        key = f"{kind}|{value}"
        self.phrases.add(key, [nlp.make_doc(p) for p in phrases])
        self.labels[nlp.vocab.strings[key]] = (kind, value)

    def __call__(self, doc: Doc) -> Doc:
        hits = []
        text = doc_text(doc)
        matches = [*self.phrases(doc), *self.exact(doc)]
        if matches:  # character offsets from arrays: a Span object per match was most of this component's time
            offsets = doc.to_array([IDX, LENGTH]).tolist()
            for match_id, s, e in matches:
                kind, value = self.labels[match_id]
                start = offsets[s][0]
                end = offsets[e - 1][0] + offsets[e - 1][1]
                surface = text[start:end]
                if kind == "alias":
                    value = norm(surface)
                hits.append(Hit(kind, value, start, end, surface, s, e))
        if CJK_CHAR.search(text):
            seen = {(h.start, h.end) for h in hits if h.kind == "alias"}
            hits.extend(Hit(*h) for h in self.cjk.find(text) if h[0] != "alias" or (h[2], h[3]) not in seen)
        hits.sort(key=lambda h: (h.start, -h.end))
        doc._.hits = hits
        return doc


def doc_text(doc: Doc) -> str:
    """doc.text, built once: spaCy joins every token's text anew on each access (a Python object per token)."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


@Language.factory("dprk_rules")
def make_dprk_rules(nlp: Language, name: str) -> RuleMatcher:
    return RuleMatcher(nlp)


def build_english() -> Language:
    """The English pipeline: the configured statistical model if installed, else a blank one."""
    model = os.environ.get(MODEL_ENV, "").strip()
    nlp = spacy.load(model, exclude=["lemmatizer"]) if model else spacy.blank("en")
    speed_up(nlp)
    nlp.add_pipe("dprk_rules", last=True)
    return nlp


def build_korean() -> Language:
    """The Korean pipeline: rule-based tokenizer, no external binary."""
    nlp = spacy.blank("ko", config=KO_CONFIG)
    speed_up(nlp)
    nlp.add_pipe("dprk_rules", last=True)
    return nlp
