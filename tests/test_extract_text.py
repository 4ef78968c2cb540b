"""extractors.text: HTML fragment -> plain text, table-driven."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.text import cap, clean_text, html_to_text, one_line

HTML = [
    ("<p>Hello &amp; <b>world</b></p><p>Second</p>", "Hello & world\n\nSecond"),
    ("<script>alert(1)</script>Visible<style>p{}</style>", "Visible"),
    ("<noscript>x</noscript><template>y</template><iframe>z</iframe>ok", "ok"),
    ("line<br>break<br/>again", "line\nbreak\nagain"),
    ("<ul><li>one</li><li>two</li></ul>after", "one\ntwo\n\nafter"),
    ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
    ("<div>  lots \n\n of   space\t</div>", "lots of space"),
    ("<pre>x = 1\ny = 2</pre>", "x = 1\ny = 2"),
    ("a<!-- hidden -->b", "ab"),
    ("<pre>x<script>s</script>\ny</pre>tail\nhere", "x\ny\n\ntail here"),
    ("<p>private\ue000use\ue001chars</p>", "privateusechars"),  # the break placeholders cannot be injected
    ("&lt;script&gt; &#169; &eacute; &#x2014;", "<script> © é —"),
    ("a < b and c > d", "a < b and c > d"),
    ("plain text, no markup", "plain text, no markup"),
    ("file\u202egnp.exe \u2066isolated\u2069 \u200fmark", "filegnp.exe isolated mark"),
    ("bell\x07 nul\x00 del\x7f c1\x85", "bell nul del c1"),
    ("<p>unclosed <b>bold <i>both", "unclosed bold both"),
    ("", ""),
    (None, ""),
]


@pytest.mark.parametrize(("fragment", "expected"), HTML)
def test_html_to_text(fragment, expected):
    assert html_to_text(fragment) == expected


def test_deeply_nested_markup_does_not_crash():
    assert isinstance(html_to_text("<div>" * 100_000 + "deep" + "</div>" * 100_000), str)


def test_clean_text_keeps_paragraphs_and_strips_invisibles():
    assert clean_text("  a  b \r\n\r\n\r\n c\u202e ") == "a b\n\nc"


def test_one_line():
    assert one_line(" Kimsuky\n\n targets\tthink tanks ") == "Kimsuky targets think tanks"


def test_cap():
    assert cap("short", 10) == "short"
    capped = cap("word " * 200, 100)
    assert len(capped) <= 100 and capped.endswith("word…")
    assert cap("x" * 200, 50) == "x" * 49 + "…"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(
        st.sampled_from(
            [" ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r", "\r\n", "\xa0", "\u2003", "a", "\u202e", "\x00"]
        ),
        max_size=16,
    )
)
def test_clean_text_fast_path_changes_nothing(parts):
    """Tidy text skips the rewriting; the result is what the four rewriting steps give."""
    value = "".join(parts)
    expected = re.sub(
        r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", "", value.replace("\r\n", "\n").replace("\r", "\n")
    )
    expected = re.sub(r"[^\S\n]+", " ", expected)
    expected = re.sub(r" *\n *", "\n", expected)
    expected = re.sub(r"\n{3,}", "\n\n", expected).strip()
    assert clean_text(value) == expected
