"""The address decision for fetches, tested as a function: no test connects anywhere but loopback."""

import httpcore
import pytest

from bot.config.sources import Source
from bot.errors import FetchError
from bot.fetch.address_guard import PinnedBackend, Refused, allowing_private, is_public_address, refusal, resolve_host
from bot.fetch.client import fetch, make_client
from tests.conftest import make_source


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("224.0.0.1", False),
        ("not-an-ip", False),
    ],
)
def test_is_public_address(address, public):
    assert is_public_address(address) is public


def fake_dns(table):
    return lambda host: table[host]


def test_refusal_checks_every_resolved_address():
    dns = fake_dns({"feeds.example.org": ["93.184.215.14"], "rebind.example.org": ["93.184.215.14", "10.0.0.7"]})
    assert refusal("https://feeds.example.org/rss", False, resolve=dns) is None
    reason = refusal("https://rebind.example.org/rss", False, resolve=dns)
    assert "non-public address 10.0.0.7" in reason


@pytest.mark.parametrize(
    "url",
    ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:8080/feed", "http://[::1]/feed", "http://10.0.0.1/"],
)
def test_private_literals_refused_unless_allowed(url):
    assert refusal(url, False) is not None
    assert refusal(url, True) is None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x.example.org/", "javascript:alert(1)", "ftp://x/"])
def test_only_http_schemes(url):
    assert "not http(s)" in refusal(url, True)


def test_unresolvable_host_is_refused():
    def no_dns(host):
        raise OSError("name not known")

    assert "cannot resolve" in refusal("https://nowhere.example.org/", False, resolve=no_dns)


# --- where the connection is opened: the address checked is the address used (DNS rebinding) --------------------


class Recording(httpcore.NetworkBackend):
    """A backend that must not be reached: records what it was asked to connect to."""

    def __init__(self):
        self.calls = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.calls.append((host, port))
        raise httpcore.ConnectError("recorded")


@pytest.mark.parametrize("answer", [["10.0.0.5"], ["169.254.169.254"], ["93.184.216.34", "127.0.0.1"], ["::1"]])
def test_backend_refuses_a_name_that_now_resolves_privately(answer):
    inner = Recording()
    backend = PinnedBackend(resolve=lambda host: answer, inner=inner)
    with pytest.raises(Refused, match="non-public address"):
        backend.connect_tcp("feed.example", 443)
    assert inner.calls == []  # refused before any connection


def test_backend_connects_to_the_address_it_checked_in_order():
    inner = Recording()
    backend = PinnedBackend(resolve=lambda host: ["93.184.216.34", "2606:2800:220:1::"], inner=inner)
    with pytest.raises(httpcore.ConnectError, match="recorded"):
        backend.connect_tcp("feed.example", 443)
    assert inner.calls == [("93.184.216.34", 443), ("2606:2800:220:1::", 443)]  # never the name again
    with allowing_private(True), pytest.raises(httpcore.ConnectError, match="recorded"):
        PinnedBackend(resolve=lambda host: ["10.0.0.5"], inner=inner).connect_tcp("intranet.example", 80)
    assert inner.calls[-1] == ("10.0.0.5", 80)


def test_fetch_connects_to_the_checked_address_not_a_new_answer(feed_server, monkeypatch):
    """End to end on loopback: `rebind.invalid` exists only in the fake resolver, so a fetch that works went to
    the address the policy saw; with private addresses not allowed, a name whose answer turned private after the
    URL check (simulated by letting that check pass) is refused where the connection opens."""
    feed_server.serve("/feed", b"<rss version='2.0'><channel><title>t</title></channel></rss>")
    url = feed_server.url("/feed").replace("127.0.0.1", "rebind.invalid")
    client = make_client(resolve=lambda host: ["127.0.0.1"] if host == "rebind.invalid" else resolve_host(host))
    assert fetch(client, source(url, allow_private=True)).status == 200
    asked = len(feed_server.requests)
    monkeypatch.setattr("bot.fetch.client.refusal", lambda url, allow_private: None)  # the check saw a public answer
    with pytest.raises(FetchError, match="non-public address 127.0.0.1") as refused:
        fetch(make_client(resolve=lambda host: ["127.0.0.1"]), source(url, allow_private=False))
    assert refused.value.kind == "blocked" and len(feed_server.requests) == asked


def source(url: str, allow_private: bool) -> Source:
    return make_source("rebind", "rss", url=url, timeout=5.0, allow_private=allow_private)


def test_a_connection_opened_for_private_sources_is_never_reused_for_others(tmp_path):
    from bot.run.runtime import Runtime

    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={})
    private, public = rt.http(allow_private=True), rt.http(allow_private=False)
    assert private is not public  # separate pools: a pooled connection is checked under one policy only
    assert rt.http(allow_private=True) is private and rt.http() is public
