"""storage.fts_query: FTS5 syntax used on purpose is kept, everything else is searched as typed (table-driven)."""

import sqlite3

import pytest

from storage.fts_query import to_fts5


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # searched as typed: not FTS5 barewords, so each word is a phrase of its own tokens
        ("AA26-341A", '"AA26-341A"'),
        ("CVE-2024-21338 exchange", '"CVE-2024-21338" exchange'),
        ("lazarus.exe", '"lazarus.exe"'),
        ("spear-phishing", '"spear-phishing"'),
        ("C++", '"C++"'),
        ("foo:bar", '"foo:bar"'),  # not a column of the index: no "no such column"
        ("https://x.example/a", '"https://x.example/a"'),
        ("김수키 그룹", "김수키 그룹"),  # non-ASCII words are barewords
        ("김수키,", '"김수키,"'),
        ('a"b', '"a""b"'),  # a quote inside a word is a character
        ("(lazarus", '"(lazarus"'),  # unbalanced parentheses are characters
        ("AA26-34*", '"AA26-34"*'),  # a prefix of an id
        # FTS5 syntax on purpose: kept
        ('"crypto theft"', '"crypto theft"'),
        ('"crypto theft"*', '"crypto theft"*'),
        ("Maui OR DTrack", "Maui OR DTrack"),
        ("ransomware NOT Andariel", "ransomware NOT Andariel"),
        ("a AND b", "a AND b"),
        ("crypto*", "crypto*"),
        ("^lazarus", "^lazarus"),
        ("title:lazarus", "title: lazarus"),
        ("-title:lazarus", "-title: lazarus"),
        ("{title text}:lazarus", "{title text}: lazarus"),
        ("NEAR(lazarus kimsuky, 5)", "NEAR(lazarus kimsuky, 5)"),
        ("(Maui OR DTrack) AND ransomware", "( Maui OR DTrack ) AND ransomware"),
        ("AA26-341A OR AA26-324A", '"AA26-341A" OR "AA26-324A"'),
        ("title:AA26-341A", 'title: "AA26-341A"'),
        ('"unbalanced', '"unbalanced'),  # an open quote is the analyst's mistake: FTS5 reports it
    ],
)
def test_to_fts5(query, expected):
    assert to_fts5(query) == expected


DOCS = [
    ("CISA advisory AA26-341A", "Kimsuky spear-phishing with lazarus.exe droppers"),
    ("Exchange hack", "The intrusion abused CVE-2024-21338 on a C++ build server"),
    ("김수키 그룹, 피싱 메일 유포", "김수키 조직이 외교부를 사칭했다."),
    ("Lazarus, the musical", "A review of the stage show."),
]


@pytest.fixture(scope="module")
def fts():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='unicode61')")
    db.executemany("INSERT INTO t (rowid, title, text) VALUES (?, ?, ?)", [(n, *d) for n, d in enumerate(DOCS)])
    return db


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("AA26-341A", [0]),
        ("aa26-341a", [0]),
        ("CVE-2024-21338", [1]),
        ("spear-phishing", [0]),
        ("lazarus.exe", [0]),
        ("C++ build", [1]),
        ("김수키", [2]),
        ("김수키,", [2]),
        ("title:lazarus", [3]),
        ("lazarus NOT musical", [0]),
        ("AA26-341A OR CVE-2024-21338", [0, 1]),
        ('"stage show"', [3]),
        ("NEAR(intrusion abused, 2)", [1]),
        ("AA26-3*", [0]),
    ],
)
def test_queries_run_on_a_real_fts5_table(fts, query, rows):
    found = [r[0] for r in fts.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (to_fts5(query),))]
    assert found == rows
