"""The chunk tokenizer gives exactly spaCy's tokens (text and trailing whitespace) and the same Doc text."""

import json
import os
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.tagging.read.nlp import KO_CONFIG, build_english, doc_text
from bot.tagging.read.tokenize import CACHE_SIZE, ChunkTokenizer

DATA = Path(__file__).parent / "data"
PIECES = [
    "Lazarus",
    "North Korea's",
    "hackers' tools",
    "don't",
    "cannot",
    "U.S.",
    "N. Korea",
    "e.g.",
    "(APT38)",
    "[Kimsuky]",
    '"Andariel"',
    "state-sponsored",
    "TA17-318B",
    "CVE-2026-1234.",
    "attack.The",
    "http://example.org/a?b=1.",
    "user@example.org,",
    "$5.2M",
    "1,000",
    "10:30",
    "—",
    "…",
    "...",
    ":)",
    "라자루스가",
    "북한의",
    "北朝鮮",
    "ラザルス",
    "a.m.",
    "C:\\Windows\\temp.exe",
    "8.8.8.8:443",
    "d41d8cd98f00b204e9800998ecf8427e",
]
SPACES = ["", " ", "  ", "\n", "\n\n", " \n ", "\t", "\xa0", "\u2003", "\r\n", "\u200b", "\x0c", "   \n"]


def pairs():
    out = []
    for lang, config in (("en", {}), ("ko", KO_CONFIG)):
        plain = spacy.blank(lang, config=config)
        wrapped = spacy.blank(lang, config=config)
        wrapped.tokenizer = ChunkTokenizer(wrapped.tokenizer)
        out.append((lang, plain, wrapped))
    return out


PAIRS = pairs()


def same(text: str) -> None:
    for lang, plain, wrapped in PAIRS:
        expected, got = plain.make_doc(text), wrapped.make_doc(text)
        assert [(t.text, t.whitespace_) for t in got] == [(t.text, t.whitespace_) for t in expected], (lang, text)
        assert got.text == text == expected.text
        assert doc_text(got) == text


@pytest.mark.parametrize("piece", PIECES)
def test_pieces_between_every_kind_of_whitespace(piece):
    for space in SPACES:
        for other in (PIECES[0], PIECES[-1], PIECES[24]):
            same(f"{piece}{space}{other}")
            same(f"{space}{piece}{space}")


def test_edges():
    for text in ["", " ", "  ", "\n", " lead", "trail ", "  two  spaces  ", "\n\nparagraph\n\n", "\xa0nbsp\xa0"]:
        same(text)


def test_every_labelled_text():
    for name in ("tagging/holdout.jsonl", "tagging/labelled.jsonl", "stories/clusters.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                same(f"{row['title']}\n{row['text']}")


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SPACES), st.text(max_size=12)), max_size=40))
def test_fuzzed_texts(parts):
    same("".join(parts))


def test_cache_is_bounded_and_reused():
    nlp = spacy.blank("en")
    tokenizer = ChunkTokenizer(nlp.tokenizer)
    tokenizer("one-off (words)")
    assert tokenizer.cache["(words)"] == ("(", "words", ")")
    text = " ".join(f"w{n}." for n in range(CACHE_SIZE + 10))
    assert len(tokenizer(text)) == 2 * (CACHE_SIZE + 10)
    assert len(tokenizer.cache) <= CACHE_SIZE


def test_the_tagging_pipelines_use_it():
    assert isinstance(build_english().tokenizer, ChunkTokenizer)
