"""spaCy's own tokenizer, called once per distinct word: the same tokens, several times faster on long texts.

spaCy's rule tokenizer splits a text on whitespace, then runs its prefix, suffix, infix and special-case rules
on each chunk. Those rules are Python regex calls, and on a long advisory (hashes, IPs, paths, URLs) most chunks
miss its cache, so tokenising was 75% of the tagging time. This wrapper splits on whitespace exactly as spaCy
does, gives spaCy's tokenizer each distinct chunk once (a plain ASCII word that is no special case is its own
token without asking), and builds the Doc from the words. The tokens, their whitespace and the Doc's text are
identical to spaCy's: `tests/test_tokenize.py` compares them on every text it has, with odd whitespace included.
"""

from __future__ import annotations

import re

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

_WHITESPACE = re.compile(r"(\s+)")
_PLAIN = re.compile(r"[A-Za-z]+\Z")
CACHE_SIZE = 50_000  # distinct chunks remembered per pipeline (a few MB); cleared when full


class ChunkTokenizer:
    """A drop-in `nlp.tokenizer` around spaCy's rule tokenizer."""

    def __init__(self, inner: Tokenizer):
        self.inner = inner
        self.vocab: Vocab = inner.vocab
        self.specials = frozenset(inner.rules or ())
        self.cache: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        cache = self.cache
        parts = _WHITESPACE.split(text)  # chunk, whitespace, chunk, ...: even indexes are chunks ("" at the ends)
        for i in range(0, len(parts), 2):
            chunk = parts[i]
            if chunk:
                tokens = cache.get(chunk) or self._split(chunk)
                words += tokens
                spaces += [False] * len(tokens)
            if i + 1 < len(parts):
                # spaCy: a single " " after a token is that token's trailing space; any other whitespace is a token
                gap = parts[i + 1]
                if gap[0] == " " and words and not spaces[-1]:
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["text"] = text  # bot.tagging.read.nlp.doc_text: spaCy rebuilds doc.text token by token
        return doc

    def _split(self, chunk: str) -> tuple[str, ...]:
        if _PLAIN.match(chunk) and chunk not in self.specials:
            tokens: tuple[str, ...] = (chunk,)
        else:
            tokens = tuple(t.text for t in self.inner(chunk))
        if len(self.cache) >= CACHE_SIZE:
            self.cache.clear()
        self.cache[chunk] = tokens
        return tokens

    # what spaCy asks of a tokenizer besides __call__
    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> ChunkTokenizer:
        self.inner.from_bytes(data, **kwargs)
        self.cache.clear()
        return self

    def to_disk(self, path, **kwargs) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> ChunkTokenizer:
        self.inner.from_disk(path, **kwargs)
        self.cache.clear()
        return self


def speed_up(nlp) -> None:
    """Wrap the pipeline's tokenizer when it is spaCy's rule tokenizer (blank and most trained pipelines)."""
    if isinstance(nlp.tokenizer, Tokenizer):
        nlp.tokenizer = ChunkTokenizer(nlp.tokenizer)
