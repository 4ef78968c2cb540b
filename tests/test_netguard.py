"""The address decision for fetches, tested as a function: no test connects anywhere but loopback."""

import pytest

from bot.netguard import is_public_address, refusal


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
