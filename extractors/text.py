"""HTML fragments and raw strings -> clean plain text.

Rules: script/style and other non-content elements are dropped; block elements become paragraph breaks
("\\n\\n"), <br> a line break; whitespace inside lines is collapsed; entities are unescaped; control characters
and bidirectional overrides (U+202A-202E, U+2066-2069: the "Trojan Source" trick) are removed, so what a
reader sees in an alert is what the text says. No markup survives: escaping for a chat service is the
notifier's job.
"""

from __future__ import annotations

import html as html_entities
import re

from lxml import etree
from lxml import html as lxml_html

SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "math"})
BLOCK = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "figure", "figcaption", "form",
        "fieldset", "address", "hr", "details", "summary",
    }
)  # fmt: skip
LINE = frozenset({"li", "dt", "dd", "tr", "caption"})
CELL = frozenset({"td", "th"})

# C0 (except \t \n), DEL, C1, bidi embeddings/overrides/isolates, marks, BOM, and unpaired surrogates.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_SPACES = re.compile(r"[^\S\n]+")
_ANY_SPACE = re.compile(r"\s+")
_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_MARKUP = re.compile(r"<[a-zA-Z!/?]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")

_PARA = "\x00P"  # placeholders, unambiguous because _INVISIBLE already removed every real \x00
_BR = "\x00B"
_BREAKS = re.compile(r"(?: ?\x00[PB])+ ?")


def _strongest_break(match: re.Match) -> str:
    """A run of adjacent breaks (</li><li>, </p><p>) is one break, the strongest of them."""
    return "\n\n" if _PARA in match.group(0) else "\n"


# anything clean_text would change besides the ends: an invisible character, a \r, whitespace other than one
# space or newline, spaces next to a newline, or more than two newlines in a row
_UNTIDY = re.compile(_INVISIBLE.pattern + r"|\r|[^\S\n ]|  | \n|\n |\n\n\n")


def clean_text(value: str | None) -> str:
    """Plain text tidied: invisible characters removed, whitespace collapsed, paragraph breaks kept."""
    if not value:
        return ""
    if not _UNTIDY.search(value):  # already tidy (html_to_text's output mostly is): one scan, not four
        return value.strip()
    value = _INVISIBLE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = _SPACES.sub(" ", value)
    value = _AROUND_NEWLINE.sub("\n", value)
    return _MANY_NEWLINES.sub("\n\n", value).strip()


def one_line(value: str | None) -> str:
    """clean_text on a single line (titles): every run of whitespace becomes one space."""
    return _ANY_SPACE.sub(" ", clean_text(value)).strip()


_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"'<>\s]{1,2000})["']""", re.IGNORECASE)
LINKS_MAX = 50


def html_links(fragment: str | None) -> tuple[str, ...]:
    """The href of every <a> in an HTML fragment, in order, at most LINKS_MAX (not yet normalised or checked)."""
    return tuple(dict.fromkeys(html_entities.unescape(m) for m in _HREF.findall(fragment or "")))[:LINKS_MAX]


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML fragment (see module docstring)."""
    if not fragment:
        return ""
    fragment = _INVISIBLE.sub("", fragment)
    if not _MARKUP.search(fragment):
        return clean_text(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return clean_text(html_entities.unescape(fragment))
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)  # keeps their tails
    out: list[str] = []
    pre_depth = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIP or not tag:
                walker.skip_subtree()
                continue
            if tag == "pre":
                pre_depth += 1
            out.append(_PARA if tag in BLOCK else _BR if tag in LINE or tag == "br" else " " if tag in CELL else "")
            if el.text:
                out.append(_text(el.text, pre_depth))
        else:
            if tag not in SKIP:
                if tag == "pre":
                    pre_depth -= 1
                out.append(_PARA if tag in BLOCK else _BR if tag in LINE else " " if tag in CELL else "")
            if el.tail and el is not root:
                out.append(_text(el.tail, pre_depth))
    text = _ANY_SPACE.sub(" ", "".join(out))  # source newlines are spaces; our breaks are placeholders
    return _BREAKS.sub(_strongest_break, text).strip()


def _text(value: str, pre_depth: int) -> str:
    return value.replace("\r\n", "\n").replace("\n", _BR) if pre_depth else value


def cap(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters, at a word boundary when one is near, with an ellipsis."""
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    space = cut.rfind(" ", max(0, limit - 80))
    return (cut[:space] if space > 0 else cut).rstrip() + "…"
