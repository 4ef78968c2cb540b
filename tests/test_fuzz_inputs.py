"""Property-based fuzzing (hypothesis) of the extractors and the Slack formatter, on a bounded budget for CI.

Properties: an extractor given any bytes returns Items or raises ExtractError, never anything else, and every
Item it returns keeps the contract (http(s) URL or none, one-line capped title); the formatter given any item
text produces a message Slack accepts (the stand-in's own validation) in which no feed text is live syntax.
Budget: FUZZ_EXAMPLES examples per property (default 150), a per-example deadline; about 20 s in all.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config.sources import Selectors
from bot.errors import ExtractError
from bot.notify.card import build_alert
from bot.notify.escape import escape, link, truncate
from bot.notify.slack_blocks import render
from bot.records import FetchResult, Item, Tags
from extractors import extract
from extractors.entries import TITLE_MAX
from tests.conftest import make_source
from tests.servers.slack import _check_message

BUDGET = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=2000,  # ms per example: a pathological input must not take seconds
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # CI reproducible; run with FUZZ_EXAMPLES=5000 locally to dig deeper
)
RSS = make_source("fuzz-rss", "rss")
HTML = make_source("fuzz-html", "html", selectors=Selectors(item="li", title="a", link="a", date="time"))
HOSTILE_TEXT = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(["<!channel>", "<!here>", "<@U1>", "<https://evil.example|ok>", "&", "<", ">", "|", "*"]),
        st.sampled_from(["\u202e", "\u2066", "\u200b", "\x1b[31m", "\x00", "\r", "\n", "javascript:", "@channel"]),
        st.sampled_from(["https://evil.example/x", "evil.example", "&amp;", "&lt;!channel&gt;", "@here"]),
    ),
    max_size=30,
).map("".join)

# Feed-shaped documents: fragments of RSS/Atom, hostile markup, entities and random text, stitched together.
FRAGMENTS = st.sampled_from(
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="euc-kr"?>',
        '<rss version="2.0"><channel><title>t</title>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<item>",
        "</item>",
        "<entry>",
        "</entry>",
        "<title>",
        "</title>",
        "<link>",
        "</link>",
        '<link href="',
        '"/>',
        "<guid>",
        "</guid>",
        "<pubDate>",
        "</pubDate>",
        "<description><![CDATA[",
        "]]></description>",
        "</channel></rss>",
        "</feed>",
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        '<!ENTITY x SYSTEM "file:///etc/passwd">',
        "&a;&b;&x;&amp;&nbsp;&#0;&#x110000;",
        "javascript:alert(1)",
        "https://example.org/a?b=1&c=2",
        "Mon, 13 May 2024 09:00:00 GMT",
        "0001-01-01T00:00:00Z",
    ]
)
FEEDISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=60).map("".join)


def check_items(items: list[Item]) -> None:
    for found in items:
        assert found.url == "" or re.match(r"https?://", found.url), found.url
        assert "\n" not in found.title and len(found.title) <= TITLE_MAX
        assert found.title or found.url


def run_extractor(body: bytes, source, content_type: str = "") -> None:
    try:
        items = extract(
            FetchResult(url="https://example.org/feed", status=200, body=body, content_type=content_type), source
        )
    except ExtractError as exc:
        assert str(exc).startswith(f"extract: {source.name}: ")
        return
    check_items(items)


@BUDGET
@given(
    st.binary(max_size=2000), st.sampled_from(["", "application/rss+xml; charset=utf-8", "text/xml; charset=euc-kr"])
)
def test_rss_extractor_on_any_bytes(body, content_type):
    run_extractor(body, RSS, content_type)


@BUDGET
@given(FEEDISH, st.sampled_from(["utf-8", "utf-16", "cp949"]))
def test_rss_extractor_on_feed_shaped_text(text, encoding):
    run_extractor(text.encode(encoding, "replace"), RSS)


@BUDGET
@given(
    st.lists(
        st.tuples(HOSTILE_TEXT, st.sampled_from(["", "/a", "javascript:x", "https://e.example/1", "data:x", "//x"])),
        max_size=8,
    ),
    st.binary(max_size=300),
)
def test_html_extractor_on_hostile_pages(entries, noise):
    rows = "".join(f'<li><a href="{href}">{text}</a><time>{text[:20]}</time></li>' for text, href in entries)
    run_extractor(f"<html><body><ul>{rows}</ul></body></html>".encode("utf-8", "surrogatepass") + noise, HTML)


LIVE = re.compile(r"<[!@#]|<(?:https?|mailto|javascript)[^>]*\|")


@BUDGET
@given(HOSTILE_TEXT, HOSTILE_TEXT, st.sampled_from(["", "https://example.org/x", "javascript:alert(1)", "data:,x"]))
def test_alert_message_is_accepted_and_inert(title, text, url):
    found = Item(
        source="fuzz-src",
        id="f" * 24,
        url=url,
        title=title,
        published=datetime(2024, 5, 13, tzinfo=UTC),
        text=text,
    )
    message = render(build_alert(found, Tags(dprk_cyber=True, score=0.9, actors=("Lazarus Group",)), alert_id=1))
    params = {"text": message.text, "blocks": json.dumps(message.blocks), "metadata": json.dumps(message.metadata)}
    assert _check_message(params) is None
    rendered = message.text + json.dumps(message.blocks, ensure_ascii=False)
    ours = {f"<{url}|"} if url.startswith("https://") else set()
    stripped = rendered
    for own in ours:
        stripped = stripped.replace(own, "")
    assert not LIVE.search(stripped), rendered
    assert not re.search("[\u202a-\u202e\u2066-\u2069\x00-\x08\x1b]", rendered)


@BUDGET
@given(HOSTILE_TEXT, st.integers(min_value=1, max_value=300))
def test_escape_and_truncate_never_leave_live_syntax(text, limit):
    out = truncate(escape(text), limit)
    assert len(out) <= max(limit, 1)
    assert "<" not in out and ">" not in out
    assert not re.search(r"&[a-z]{0,3}$", out.removesuffix("\u2026"))  # never cut inside an entity
    assert not re.search(r"(?<!\u200b)@(channel|here|everyone)\b", out.replace("@\u200b", ""))


@BUDGET
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_link_only_for_http(url, label):
    out = link(url, label)
    if out.startswith("<"):
        target = out[1 : out.index("|")]
        assert re.match(r"https?://", target, re.I) and not re.search(r"[\s<>|]", target)
        assert out.count("<") == 1 and out.endswith(">")
    else:
        assert "<" not in out


def test_found_by_fuzzing_out_of_range_character_reference():
    # feedparser's loose parser raised ValueError from chr() on &#x110000; (a crash, not an ExtractError)
    body = rss_doc("<item><title>bad &#x110000; ref &#0; here</title><link>https://e.example/1</link></item>")
    (found,) = extract(FetchResult(url="https://example.org/feed", status=200, body=body), RSS)
    assert found.title == "bad \ufffd ref \ufffd here"
    run_extractor(b"<item>&a;&b;&x;&amp;&nbsp;&#0;&#x110000;", RSS)


def rss_doc(items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
