"""Which addresses a fetch may reach: public ones, unless the source explicitly allows private ones.

A feed URL, or a redirect from it, pointing at loopback, private, link-local (169.254.169.254, the
cloud metadata service), multicast or reserved space is refused: feed servers are strangers.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve_host(host: str) -> list[str]:
    """Every address the host resolves to (an IP literal resolves to itself)."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return [host.strip("[]")]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def refusal(url: str, allow_private: bool, resolve=resolve_host) -> str | None:
    """Why `url` must not be fetched, or None when it may be."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme or '(none)'!r} is not http(s)"
    if not parts.hostname:
        return "no host"
    if allow_private:
        return None
    try:
        addresses = resolve(parts.hostname)
    except OSError as exc:
        return f"cannot resolve {parts.hostname}: {exc}"
    blocked = [a for a in addresses if not is_public_address(a)]
    if blocked:
        return f"{parts.hostname} resolves to non-public address {blocked[0]} (set allow_private: true to permit)"
    return None
