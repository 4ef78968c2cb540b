"""Defang leaves no live link: URLs after `|` or inside paths, names under any public suffix, mailto:.

The public suffixes come from the Public Suffix List that the `publicsuffixlist` package ships; nothing is
fetched at run time (the list is loaded with sockets disabled below).
"""

import re
import socket

import pytest

from bot.notify import escape as escape_module
from bot.notify.escape import defang, escape

# what Slack would auto-link: a scheme, a mailto:, or a dotted name ending in a real TLD, undefanged
LIVE = re.compile(r"(?i)\b(?:https?|ftp)://|\bmailto:|\b[\w-]+\.(?:com|de|co|gov|ai|sh|uk|kr|io)\b")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.cisa.gov|https://evil.de/login", "hxxps://www[.]cisa[.]gov|hxxps://evil[.]de/login"),
        ("visit evil.co, login.gov, x.de, model.ai or get.sh", "visit evil[.]co, login[.]gov, x[.]de, model[.]ai or get[.]sh"),
        ("portal.gov.kr and shop.co.uk", "portal[.]gov[.]kr and shop[.]co[.]uk"),
        ("mailto:ceo@corp.de", "mailto[:]ceo@corp[.]de"),
        ("write to hr@corp.co", "write to hr@corp[.]co"),
        ("https://a.example/r?next=https://evil.de/x", "hxxps://a[.]example/r?next=hxxps://evil[.]de/x"),
        ("already hxxps://evil[.]com/a", "already hxxps://evil[.]com/a"),
        ("Version 2.1, file.exe, node.js and 10.5 percent", "Version 2.1, file.exe, node.js and 10.5 percent"),
        ("http://10.0.0.1:8080/a", "hxxp://10[.]0[.]0[.]1:8080/a"),
    ],
)  # fmt: skip
def test_defang(raw, expected):
    assert defang(raw) == expected
    assert not LIVE.search(defang(raw))


def test_escaped_link_spoof_in_a_title_has_no_live_part():
    text = escape("Advisory <https://www.cisa.gov|https://evil.de/login> mailto:x@evil.sh")
    assert "https://" not in text and "evil.de" not in text and "mailto:" not in text
    assert "hxxps://evil[.]de/login" in text and "&lt;" in text


def test_the_list_is_the_shipped_snapshot_never_fetched(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the Public Suffix List must not be fetched")

    escape_module._suffixes.cache_clear()
    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    try:
        assert defang("evil.de") == "evil[.]de"
    finally:
        escape_module._suffixes.cache_clear()
