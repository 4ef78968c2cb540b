"""The feed_server fixture itself, exercised with httpx over loopback."""

from __future__ import annotations

import resource
import time

import httpx
import pytest

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


def test_serves_body_with_validators(feed_server):
    feed_server.serve("/feed.xml", FEED)
    response = httpx.get(feed_server.url("/feed.xml"))
    assert response.status_code == 200
    assert response.content == FEED
    assert response.headers["content-type"].startswith("application/rss+xml")
    assert response.headers["etag"].startswith('"')
    assert response.headers["last-modified"].endswith("GMT")
    assert feed_server.url("/x").startswith("http://127.0.0.1:")


def test_unknown_path_is_404(feed_server):
    assert httpx.get(feed_server.url("/nope")).status_code == 404


def test_if_none_match_gives_304_without_body(feed_server):
    feed_server.serve("/feed.xml", FEED)
    etag = httpx.get(feed_server.url("/feed.xml")).headers["etag"]
    response = httpx.get(feed_server.url("/feed.xml"), headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag
    assert feed_server.requests[-1].headers["if-none-match"] == etag


def test_changing_the_body_changes_the_etag(feed_server):
    feed_server.serve("/feed.xml", FEED)
    old = httpx.get(feed_server.url("/feed.xml")).headers["etag"]
    feed_server.serve("/feed.xml", FEED.replace(b"<title>t", b"<title>u"))
    response = httpx.get(feed_server.url("/feed.xml"), headers={"If-None-Match": old})
    assert response.status_code == 200
    assert response.headers["etag"] != old


def test_if_modified_since(feed_server):
    feed_server.serve("/feed.xml", FEED, last_modified="Mon, 13 May 2024 09:00:00 GMT", etag=False)
    url = feed_server.url("/feed.xml")
    assert httpx.get(url, headers={"If-Modified-Since": "Mon, 13 May 2024 09:00:00 GMT"}).status_code == 304
    assert httpx.get(url, headers={"If-Modified-Since": "Tue, 14 May 2024 00:00:00 GMT"}).status_code == 304
    assert httpx.get(url, headers={"If-Modified-Since": "Sun, 12 May 2024 00:00:00 GMT"}).status_code == 200


def test_if_none_match_wins_over_if_modified_since(feed_server):
    # RFC 9110 13.1.3: a recipient MUST ignore If-Modified-Since when If-None-Match is present
    feed_server.serve("/feed.xml", FEED)
    headers = {"If-None-Match": '"stale"', "If-Modified-Since": "Tue, 14 May 2024 00:00:00 GMT"}
    assert httpx.get(feed_server.url("/feed.xml"), headers=headers).status_code == 200


def test_redirect_is_followed_and_logged(feed_server):
    feed_server.serve("/new.xml", FEED)
    feed_server.redirect("/old.xml", "/new.xml", status=301)
    response = httpx.get(feed_server.url("/old.xml"), follow_redirects=True)
    assert response.status_code == 200
    assert str(response.url) == feed_server.url("/new.xml")
    assert [r.path for r in feed_server.requests] == ["/old.xml", "/new.xml"]


def test_failure_status_with_retry_after(feed_server):
    feed_server.fail("/busy", 429, retry_after="120")
    feed_server.fail("/down", 503)
    busy = httpx.get(feed_server.url("/busy"))
    assert busy.status_code == 429
    assert busy.headers["retry-after"] == "120"
    assert httpx.get(feed_server.url("/down")).status_code == 503


def test_custom_headers_status_and_gzip(feed_server):
    feed_server.serve("/gz", FEED, gzip=True, headers={"X-Test": "1"}, status=203)
    response = httpx.get(feed_server.url("/gz"))
    assert response.status_code == 203
    assert response.headers["content-encoding"] == "gzip"
    assert response.headers["x-test"] == "1"
    assert response.content == FEED  # httpx inflates


def test_request_log_records_headers(feed_server):
    feed_server.serve("/feed.xml", FEED)
    httpx.get(feed_server.url("/feed.xml?x=1"), headers={"User-Agent": "advisory-bot-test"})
    (request,) = feed_server.requests
    assert request.method == "GET"
    assert request.path == "/feed.xml?x=1"
    assert request.headers["user-agent"] == "advisory-bot-test"


def test_slow_first_byte_trips_client_timeout(feed_server):
    feed_server.serve("/slow", FEED, delay=30)
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(feed_server.url("/slow"), timeout=0.3)
    assert time.monotonic() - started < 5  # and teardown does not wait the 30 s either


def test_trickling_body_arrives_a_byte_at_a_time(feed_server):
    feed_server.trickle("/drip", FEED, chunk=1, interval=0.05)
    received = b""
    started = time.monotonic()
    with httpx.stream("GET", feed_server.url("/drip"), timeout=2) as response:
        assert response.headers["content-length"] == str(len(FEED))
        for piece in response.iter_raw():
            received += piece
            if time.monotonic() - started > 0.3:
                break
    assert 0 < len(received) < len(FEED)  # each read succeeded, yet the body never finished in time


def test_connection_reset_mid_body(feed_server):
    feed_server.reset("/cut", FEED * 100, after=50)
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        httpx.get(feed_server.url("/cut"), timeout=5)


def test_huge_body_is_streamed_not_held(feed_server):
    size = 200 * 2**20
    feed_server.huge("/huge", size=size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    total = 0
    with httpx.stream("GET", feed_server.url("/huge"), timeout=10) as response:
        assert int(response.headers["content-length"]) == size
        for piece in response.iter_raw(2**20):
            total += len(piece)
    assert total == size
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 64, f"server or client held the body: +{grown_mib:.0f} MiB"


def test_huge_body_can_be_abandoned(feed_server):
    feed_server.huge("/huge")
    with httpx.stream("GET", feed_server.url("/huge"), timeout=5) as response:
        first = next(response.iter_raw(2**16))
    assert first.startswith(b"<!-- ")


def test_gzip_bomb_is_small_on_the_wire_and_large_inflated(feed_server):
    feed_server.gzip_bomb("/bomb", size=64 * 2**20)
    inflated = 0
    with httpx.stream("GET", feed_server.url("/bomb"), timeout=10) as response:
        assert response.headers["content-encoding"] == "gzip"
        assert int(response.headers["content-length"]) < 2**20
        for piece in response.iter_bytes():
            inflated += len(piece)
            if inflated > 16 * 2**20:
                break
    assert inflated > 16 * 2**20


def test_head_has_headers_only(feed_server):
    feed_server.serve("/feed.xml", FEED)
    response = httpx.head(feed_server.url("/feed.xml"))
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == str(len(FEED))


def test_keep_alive_connection_does_not_block_teardown(feed_server):
    feed_server.serve("/feed.xml", FEED)
    client = httpx.Client()
    assert client.get(feed_server.url("/feed.xml")).status_code == 200
    started = time.monotonic()
    feed_server.stop()  # the idle keep-alive connection is closed, not waited for
    assert time.monotonic() - started < 3
    client.close()


def test_new_body_moves_last_modified_forward(feed_server):
    feed_server.serve("/feed.xml", FEED)
    first = httpx.get(feed_server.url("/feed.xml")).headers["last-modified"]
    feed_server.serve("/feed.xml", FEED)  # same body: same validators
    assert httpx.get(feed_server.url("/feed.xml")).headers["last-modified"] == first
    feed_server.serve("/feed.xml", FEED + b"<!-- new -->")
    response = httpx.get(feed_server.url("/feed.xml"), headers={"If-Modified-Since": first})
    assert response.status_code == 200  # a client that only sends If-Modified-Since still sees the change
    assert response.headers["last-modified"] != first


def test_servers_use_distinct_ephemeral_loopback_ports(feed_server):
    from tests.servers.feeds import FeedServer

    other = FeedServer().start()
    try:
        assert other.port != feed_server.port and other.port > 0
        assert feed_server._httpd.server_address[0] == "127.0.0.1"
    finally:
        other.stop()


def test_serve_file(feed_server):
    from tests.extractor_cases import DATA

    feed_server.serve_file("/kev.json", DATA / "feeds" / "cisa_kev.json")
    response = httpx.get(feed_server.url("/kev.json"))
    assert response.headers["content-type"] == "application/json"
    assert response.json()["vulnerabilities"][0]["cveID"] == "CVE-2024-90001"
