"""The fetcher against a real HTTP server on loopback: conditional GET, caps, deadlines, redirects, errors."""

import pytest

from bot.errors import FetchError
from bot.fetch.client import USER_AGENT, Validators, fetch, make_client, parse_retry_after
from tests.conftest import make_source

BODY = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"


def source(url, **kw):
    return make_source(
        "test-feed", "rss", **{"url": url, "timeout": 5.0, "max_bytes": 2**20, "allow_private": True, **kw}
    )


@pytest.fixture
def client():
    with make_client() as c:
        yield c


def test_fetch_returns_bytes_and_validators(feed_server, client):
    feed_server.serve("/feed.xml", BODY, content_type="application/rss+xml")
    result = fetch(client, source(feed_server.url("/feed.xml")))
    assert (result.status, result.body) == (200, BODY)
    assert result.etag and result.last_modified
    assert feed_server.requests[-1].headers["user-agent"] == USER_AGENT


def test_conditional_get_gives_304_and_no_body(feed_server, client):
    feed_server.serve("/feed.xml", BODY)
    first = fetch(client, source(feed_server.url("/feed.xml")))
    second = fetch(client, source(feed_server.url("/feed.xml")), Validators(first.etag, first.last_modified))
    assert second.not_modified and second.body == b""
    headers = feed_server.requests[-1].headers
    assert headers["if-none-match"] == first.etag
    assert headers["if-modified-since"] == first.last_modified
    feed_server.serve("/feed.xml", BODY + b"<!-- changed -->")
    third = fetch(client, source(feed_server.url("/feed.xml")), Validators(first.etag, first.last_modified))
    assert third.status == 200 and third.etag != first.etag


def test_gzip_is_decoded(feed_server, client):
    feed_server.serve("/gz", BODY, gzip=True)
    assert fetch(client, source(feed_server.url("/gz"))).body == BODY


@pytest.mark.parametrize("route", ["huge", "gzip_bomb"])
def test_body_cap_stops_huge_and_bomb_answers(feed_server, client, route):
    getattr(feed_server, route)("/big", size=64 * 1024 * 1024)
    with pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/big"), max_bytes=1024 * 1024))
    assert info.value.kind == "too_large"
    assert "test-feed" in str(info.value)


def test_total_deadline_stops_a_trickling_body(feed_server, client):
    feed_server.trickle("/drip", BODY * 10, chunk=10, interval=0.2)
    with pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/drip"), timeout=1.0))
    assert info.value.kind == "timeout"


def test_slow_first_byte_times_out(feed_server, client):
    feed_server.serve("/slow", BODY, delay=5)
    with pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/slow"), timeout=0.5))
    assert info.value.kind == "timeout"


def test_reset_mid_body_is_a_network_error(feed_server, client):
    feed_server.reset("/cut", BODY * 100, after=50)
    with pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/cut")))
    assert info.value.kind in ("network", "bad_body")


@pytest.mark.parametrize(("status", "kind"), [(404, "gone"), (410, "gone"), (500, "server_error"), (403, "http_error")])
def test_status_codes_map_to_kinds(feed_server, client, status, kind):
    feed_server.fail("/x", status)
    with pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/x")))
    assert info.value.kind == kind
    assert f"fetch: {status} from test-feed" in str(info.value)


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_reported(feed_server, client, status):
    feed_server.fail("/busy", status, retry_after="120")
    with pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/busy")))
    assert (info.value.kind, info.value.retry_after) == ("rate_limited", 120.0)


def test_redirects_are_followed_and_limited(feed_server, client):
    feed_server.serve("/final", BODY)
    feed_server.redirect("/a", "/b", status=301)
    feed_server.redirect("/b", "/final", status=302)
    result = fetch(client, source(feed_server.url("/a")))
    assert result.body == BODY and result.url.endswith("/final")
    feed_server.redirect("/loop1", "/loop2")
    feed_server.redirect("/loop2", "/loop1")
    with pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/loop1")))
    assert info.value.kind == "redirects"


def test_redirect_into_loopback_refused_without_allow_private(feed_server, client):
    # the guard runs before any connection: with allow_private false, even the first hop to 127.0.0.1 is refused
    feed_server.serve("/canary", BODY)
    with pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/canary"), allow_private=False))
    assert info.value.kind == "blocked"
    assert feed_server.requests == []


@pytest.mark.parametrize(
    ("value", "seconds"), [("120", 120.0), ("Thu, 26 Nov 2026 12:02:00 GMT", 120.0), ("soon", None), (None, None)]
)
def test_parse_retry_after(value, seconds):
    from datetime import UTC, datetime

    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC).timestamp()
    assert parse_retry_after(value, now=now) == seconds
