"""IPv6 addresses that carry an IPv4 address are judged by that address (issue 13 item 9), as functions only."""

import ipaddress

import pytest

from bot.fetch.address_guard import embedded_ipv4, is_public_address, refusal

# each pair: the carried IPv4 address is loopback, private or link-local, then the same form carrying a public one
CARRIERS = [
    ("64:ff9b::127.0.0.1", "64:ff9b::93.184.215.14"),  # NAT64 well-known prefix (RFC 6052)
    ("64:ff9b::169.254.169.254", "64:ff9b::8.8.8.8"),
    ("2002:7f00:1::", "2002:5db8:d70e::1"),  # 6to4 (RFC 3056)
    ("2002:a9fe:a9fe::1", "2002:0808:0808::"),
    ("::127.0.0.1", "::93.184.215.14"),  # IPv4-compatible (RFC 4291 2.5.5.1, deprecated)
    ("::10.0.0.1", "::8.8.4.4"),
    ("::ffff:0:127.0.0.1", "::ffff:0:93.184.215.14"),  # IPv4-translated (RFC 2765)
    ("::ffff:0:192.168.1.1", "::ffff:0:8.8.8.8"),
    ("::ffff:10.0.0.1", "::ffff:8.8.8.8"),  # IPv4-mapped (held before, kept)
]


@pytest.mark.parametrize(("private", "public"), CARRIERS)
def test_an_embedded_ipv4_address_decides(private, public):
    assert is_public_address(private) is False
    assert is_public_address(public) is True


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b:1::127.0.0.1",  # local-use NAT64 (RFC 8215), read as a /96
        "64:ff9b:1:7f00:0:100::",  # the same prefix with the /48 layout of RFC 6052 2.2: 127.0.0.1
        "64:ff9b:1:5db8:d7:e00::",  # /48 layout of 93.184.215.14, but the /96 reading is 0.0.0.0: either refuses
        "fec0::1",  # site-local (RFC 3879, deprecated): never global
        "fec0:0:0:ffff::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo: reaches behind a NAT
        "::",
        "::1",
    ],
)
def test_local_use_nat64_site_local_and_teredo_are_not_public(address):
    assert is_public_address(address) is False


def test_the_local_use_prefix_is_read_both_ways():
    assert [str(a) for a in embedded_ipv4(ipaddress.IPv6Address("64:ff9b:1:7f00:0:100::"))] == [
        "0.0.0.0",
        "127.0.0.1",
    ]


@pytest.mark.parametrize("address", [p for p, _ in CARRIERS])
def test_urls_and_dns_answers_with_such_addresses_are_refused(address):
    assert "non-public address" in refusal(f"http://[{address}]/feed", False)
    assert "non-public address" in refusal("https://feeds.example.org/", False, resolve=lambda host: [address])
    assert refusal(f"http://[{address}]/feed", True) is None  # allow_private still permits them
