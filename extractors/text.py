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

_PARSER = etree.HTMLParser()  # lxml.html's parser settings, without its element classes

# break placeholders written into the parsed tree: private-use characters, removed from the fragment first (lxml
# refuses the NUL a text-only placeholder could use)
_PARA = "\ue000"
_BR = "\ue001"
_PLACEHOLDERS = re.compile("[\ue000\ue001]")
_BREAKS = re.compile("[\ue000\ue001]+ ?")  # spaces before a placeholder are removed first


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
    if _PARA in fragment or _BR in fragment:
        fragment = _PLACEHOLDERS.sub("", fragment)
    try:
        parts = lxml_html.fragments_fromstring(fragment, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return clean_text(html_entities.unescape(fragment))
    # lxml.html.fragment_fromstring(create_parent="div"), with a plain element: lxml.html's own element classes
    # cost a Python lookup for every element touched below
    root = etree.Element("div")
    if parts and isinstance(parts[0], str):
        root.text = parts.pop(0)
    root.extend(parts)
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)  # keeps their tails
    # The breaks are written into the tree (a placeholder before an element's text and after its content), and
    # the text is then read in one pass of lxml's own: a Python loop over start and end events cost 4x more.
    dropped, pres = [], []
    for el in root.iter():
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in SKIP or not tag:
            dropped.append(el)
        elif tag == "pre":
            pres.append(el)
    for el in dropped:
        _drop_keeping_tail(el)
    for pre in pres:  # a <pre>'s line breaks are kept (its own tail is outside it)
        for el in pre.iter():
            if el.text:
                el.text = _pre_text(el.text)
            if el is not pre and el.tail:
                el.tail = _pre_text(el.tail)
    for el in root.iter():
        tag = el.tag.lower()
        start = _PARA if tag in BLOCK else _BR if tag in LINE or tag == "br" else " " if tag in CELL else ""
        if start:
            el.text = start + (el.text or "")
            end = "" if tag == "br" else start
            if end and el is not root:
                el.tail = end + (el.tail or "")
    text = " ".join("".join(root.itertext()).split())  # source newlines are spaces, our breaks placeholders
    text = text.replace(" " + _PARA, _PARA).replace(" " + _BR, _BR)
    return _BREAKS.sub(_strongest_break, text).strip()


def _drop_keeping_tail(el) -> None:
    """Remove an element and everything in it, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:  # inside an element dropped already
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _pre_text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\n", _BR)


def cap(value: str, limit: int) -> str:
    """`value` cut to at most `limit` characters, at a word boundary when one is near, with an ellipsis."""
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    space = cut.rfind(" ", max(0, limit - 80))
    return (cut[:space] if space > 0 else cut).rstrip() + "…"
