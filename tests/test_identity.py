"""extractors.identity: URL normalisation and the GUID -> URL -> title+date fallbacks, table-driven."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from extractors.identity import ID_LENGTH, identity_key, item_id, normalize_url

NORMALIZE = [
    # (url, base, expected)
    ("https://www.cisa.gov/a", None, "https://www.cisa.gov/a"),
    ("HTTPS://WWW.CISA.GOV/News/AA24-130A", None, "https://www.cisa.gov/News/AA24-130A"),  # path case kept
    ("http://example.org:80/x", None, "http://example.org/x"),
    ("https://example.org:443/x", None, "https://example.org/x"),
    ("https://example.org:8443/x", None, "https://example.org:8443/x"),
    ("https://example.org", None, "https://example.org/"),
    ("https://example.org/a#section-2", None, "https://example.org/a"),
    ("https://example.org/a?utm_source=rss&utm_medium=feed&id=7", None, "https://example.org/a?id=7"),
    ("https://example.org/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&_ga=3&ref=tw", None, "https://example.org/a"),
    ("https://example.org/a?source=rss&b=2", None, "https://example.org/a?b=2"),
    ("https://example.org/a?source=partner", None, "https://example.org/a?source=partner"),  # not a tracker
    ("https://example.org/a?z=1&a=2&m=3", None, "https://example.org/a?a=2&m=3&z=1"),
    ("https://example.org/view.php?123", None, "https://example.org/view.php?123"),  # bare key kept as is
    ("https://example.org/a/./b/../c", None, "https://example.org/a/c"),
    ("https://user:pw@example.org/a", None, "https://example.org/a"),
    ("https://example.org./a", None, "https://example.org/a"),
    ("https://example.org/a b", None, "https://example.org/a%20b"),
    ("  https://example.org/a\n", None, "https://example.org/a"),
    (
        "/kr/bbs/view.do?nttId=1",
        "https://www.krcert.example/kr/bbs/list.do",
        "https://www.krcert.example/kr/bbs/view.do?nttId=1",
    ),
    (
        "view.do?nttId=1",
        "https://www.krcert.example/kr/bbs/list.do",
        "https://www.krcert.example/kr/bbs/view.do?nttId=1",
    ),
    ("../up", "https://example.org/a/b/c", "https://example.org/a/up"),
    ("//cdn.example.org/x", "https://example.org/", "https://cdn.example.org/x"),
    ("https://[2001:db8::1]:443/x", None, "https://[2001:db8::1]/x"),
    # not http(s): always ""
    ("javascript:alert(1)", None, ""),
    ("JavaScript:alert(1)", "https://example.org/", ""),
    ("java\tscript:alert(1)", "https://example.org/", ""),
    ("data:text/html,<script>alert(1)</script>", None, ""),
    ("file:///etc/passwd", None, ""),
    ("mailto:someone@example.org", None, ""),
    ("ftp://example.org/x", None, ""),
    ("//cdn.example.org/x", None, ""),  # no base to resolve against
    ("/relative/only", None, ""),
    ("https://", None, ""),
    ("https://example.org:99999/x", None, ""),  # bad port
    ("", None, ""),
    (None, None, ""),
]


@pytest.mark.parametrize(("url", "base", "expected"), NORMALIZE)
def test_normalize_url(url, base, expected):
    assert normalize_url(url, base) == expected


WHEN = datetime(2024, 5, 13, 9, 0, tzinfo=UTC)

KEYS = [
    # (source, guid, url, title, published, expected key)
    (
        "cisa",
        "40001 at https://www.cisa.gov",
        "https://www.cisa.gov/a",
        "T",
        WHEN,
        "guid:cisa:40001 at https://www.cisa.gov",
    ),
    ("cisa", "https://www.cisa.gov/a?utm_source=rss", "", "T", None, "url:https://www.cisa.gov/a"),
    ("cisa", "HTTPS://WWW.CISA.GOV/a#x", "", "T", None, "url:https://www.cisa.gov/a"),
    ("cisa", "  ", "https://www.cisa.gov/a?fbclid=1", "T", None, "url:https://www.cisa.gov/a"),
    ("cisa", None, "https://www.cisa.gov/a", "T", WHEN, "url:https://www.cisa.gov/a"),
    ("cisa", "tag:blog.example,2024:1", "https://x.example/", "T", None, "guid:cisa:tag:blog.example,2024:1"),
    ("cisa", "urn:uuid:1234", "", "T", None, "guid:cisa:urn:uuid:1234"),
    ("board", None, "", "  Kimsuky   Notice ", WHEN, "title:board:kimsuky notice:2024-05-13T09:00:00+00:00"),
    ("board", None, "javascript:alert(1)", "T", None, "title:board:t:"),
]


@pytest.mark.parametrize(("source", "guid", "url", "title", "published", "expected"), KEYS)
def test_identity_key_fallbacks(source, guid, url, title, published, expected):
    assert identity_key(source, guid, url, title, published) == expected


def test_item_id_is_short_stable_hex():
    first = item_id("cisa", "40001", "https://www.cisa.gov/a", "T", WHEN)
    assert first == item_id("cisa", "40001", "https://www.cisa.gov/other", "Other title", None)  # guid wins
    assert len(first) == ID_LENGTH >= 20
    assert int(first, 16) >= 0


def test_same_article_from_two_sources_has_one_id():
    a = item_id("news-a", None, "https://example.org/story?utm_source=rss", "Story", WHEN)
    b = item_id("news-b", "https://example.org/story#comments", "", "Story (copy)", None)
    assert a == b


def test_opaque_guid_is_namespaced_by_source():
    assert item_id("feed-a", "123", "", "T", None) != item_id("feed-b", "123", "", "T", None)


def test_title_fallback_depends_on_date_and_source_but_not_zone_or_spacing():
    kst = timezone(timedelta(hours=9))
    same_instant = WHEN.astimezone(kst)
    assert item_id("b", None, "", "Notice  A", WHEN) == item_id("b", None, "", "notice a", same_instant)
    assert item_id("b", None, "", "Notice A", WHEN) != item_id("b", None, "", "Notice A", WHEN + timedelta(days=1))
    assert item_id("b", None, "", "Notice A", WHEN) != item_id("c", None, "", "Notice A", WHEN)


def test_tracking_parameters_do_not_split_identity():
    assert item_id("s", None, "https://e.org/a?utm_source=x", "", None) == item_id(
        "s", None, "https://e.org/a", "", None
    )
