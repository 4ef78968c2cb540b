"""An analyst's query as an FTS5 expression: FTS5 syntax used on purpose works, anything else is searched as typed.

Rules (https://sqlite.org/fts5.html#full_text_query_syntax): "phrases", the operators AND, OR, NOT (upper
case), NEAR(...), parentheses, `prefix*`, `^initial` and `title:` / `text:` / `{title text}:` column filters
are kept as written. Every other word that is not an FTS5 bareword (letters, digits, `_`, non-ASCII) is quoted,
so `AA26-341A`, `CVE-2024-21338`, `lazarus.exe`, `C++` and `김수키,` are phrases of their own words rather than
syntax errors (`no such column: 341A`). A quote left open is the analyst's mistake and is reported by FTS5.
"""

from __future__ import annotations

import re

COLUMNS = ("title", "text")  # the columns of items_fts
OPERATORS = {"AND", "OR", "NOT"}
_COLUMN = re.compile(r"^(-?)(" + "|".join(COLUMNS) + "):")


def to_fts5(query: str) -> str:
    """The FTS5 expression for `query` (see the module rules)."""
    out: list[str] = []
    i, n = 0, len(query)
    depth = _balanced_parens(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch == '"':  # a phrase, "" inside it is a quote: copied as written (an open quote stays open)
            end = i + 1
            while end < n:
                if query[end] == '"' and not query.startswith('""', end):
                    break
                end += 2 if query.startswith('""', end) else 1
            out.append(query[i : end + 1] + _suffix(query, end + 1))
            i = end + 1 + len(_suffix(query, end + 1))
        elif ch in "()" and depth:
            out.append(ch)
            i += 1
        elif ch == "{" and "}:" in query[i:]:  # {title text}: a column set
            end = query.index("}:", i) + 2
            out.append(query[i:end])
            i = end
        elif query.startswith("NEAR(", i) and ")" in query[i:]:  # NEAR(a b, 5): FTS5's own group, as written
            end = query.index(")", i) + 1
            out.append(query[i:end])
            i = end
        else:
            end = i
            while end < n and not query[end].isspace() and not (depth and query[end] in "()"):
                end += 1
            out.append(_word(query[i:end]))
            i = end
    return " ".join(out)


def _balanced_parens(query: str) -> bool:
    """Are the parentheses outside phrases balanced? (Then they group; else they are ordinary characters.)"""
    depth, inside = 0, False
    for ch in query:
        if ch == '"':
            inside = not inside
        elif not inside and ch in "()":
            depth += 1 if ch == "(" else -1
            if depth < 0:
                return False
    return depth == 0 and "(" in query


def _suffix(query: str, at: int) -> str:
    """A `*` right after a phrase (a prefix phrase) belongs to it."""
    return "*" if query.startswith("*", at) else ""


def _word(word: str) -> str:
    if word in OPERATORS or word == "+":
        return word
    column = _COLUMN.match(word)
    if column:
        rest = word[column.end() :]
        return column.group(0) + (" " + _word(rest) if rest else "")
    initial = "^" if word.startswith("^") and len(word) > 1 else ""
    core = word[len(initial) :]
    star = "*" if core.endswith("*") and len(core) > 1 else ""
    core = core[: len(core) - len(star)]
    if _bareword(core):
        return initial + core + star
    return initial + '"' + core.replace('"', '""') + '"' + star


def _bareword(word: str) -> bool:
    """FTS5 barewords: letters, digits, underscore, and any non-ASCII character (U+001A too)."""
    return bool(word) and all(ord(c) > 127 or c.isalnum() or c in "_\x1a" for c in word)
