"""Which addresses a fetch may reach: public ones, unless the source explicitly allows private ones.

A feed URL, or a redirect from it, pointing at loopback, private, link-local (169.254.169.254, the
cloud metadata service), multicast or reserved space is refused: feed servers are strangers.

The check is made twice: on the URL before each request (`refusal`, for a clear error naming the URL), and
where the connection is opened (`PinnedBackend`): the name is resolved once there, every address checked, and
the socket opened to a checked address. A DNS answer that changes between a check and the connect (rebinding:
public when checked, 127.0.0.1 when used) therefore never reaches a private address.
"""

from __future__ import annotations

import contextvars
import ipaddress
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import httpcore

_ALLOW_PRIVATE: contextvars.ContextVar[bool] = contextvars.ContextVar("allow_private", default=False)


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address; an IPv6 address carrying an IPv4 one is judged by that."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _SITE_LOCAL or ip.teredo:  # deprecated site-local (RFC 3879); Teredo reaches a NAT's inside
            return False
        carried = embedded_ipv4(ip)
        if carried:
            return all(_public(v4) for v4 in carried)
    return _public(ip)


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not ip.is_multicast


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to, when its prefix carries one: IPv4-mapped and IPv4-translated
    (::ffff:a.b.c.d, ::ffff:0:a.b.c.d, RFC 4291 2.5.5.2, RFC 2765), IPv4-compatible (::a.b.c.d, RFC 4291
    2.5.5.1), NAT64 (64:ff9b::/96, RFC 6052; the local-use 64:ff9b:1::/48 of RFC 8215 read both as a /96 and
    with the /48 layout, since the network chooses), 6to4 (2002::/16, RFC 3056). Python's `is_global` judges
    the IPv6 prefix only, so 64:ff9b::127.0.0.1 would pass as public while the translator delivers to loopback."""
    value = int(ip)
    low32 = ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if ip.ipv4_mapped or ip in _TRANSLATED or ip in _COMPATIBLE or ip in _NAT64:
        return [low32]
    if ip in _NAT64_LOCAL:  # RFC 6052 2.2, /48: v4 bits 0-15 at 48-63, bits 16-31 at 72-87 (64-71 is "u")
        layout48 = ((value >> 64) & 0xFFFF) << 16 | (value >> 40) & 0xFFFF
        return [low32, ipaddress.IPv4Address(layout48)]
    if ip.sixtofour:
        return [ip.sixtofour]
    return []


_COMPATIBLE = ipaddress.IPv6Network("::/96")
_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_SITE_LOCAL = ipaddress.IPv6Network("fec0::/10")


def resolve_host(host: str) -> list[str]:
    """Every address the host resolves to (an IP literal resolves to itself), in the resolver's order."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return [host.strip("[]")]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


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


class Refused(httpcore.ConnectError):
    """A connection the address policy refused (httpx raises it as ConnectError, with this as its cause)."""


@contextmanager
def allowing_private(allow: bool) -> Iterator[None]:
    """The policy for connections opened in this block (this thread): private addresses allowed or not."""
    token = _ALLOW_PRIVATE.set(allow)
    try:
        yield
    finally:
        _ALLOW_PRIVATE.reset(token)


class PinnedBackend(httpcore.NetworkBackend):
    """httpcore's network backend, connecting only to addresses it resolved and checked itself."""

    def __init__(self, resolve=resolve_host, inner: httpcore.NetworkBackend | None = None, public=is_public_address):
        self.resolve, self.public = resolve, public
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            addresses = self.resolve(host)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not _ALLOW_PRIVATE.get():
            blocked = [a for a in addresses if not self.public(a)]
            if blocked:
                raise Refused(f"{host} resolves to non-public address {blocked[0]} (set allow_private: true to permit)")
        error: Exception = httpcore.ConnectError(f"{host}: no address")
        for address in addresses:  # as socket.create_connection does: each address in turn
            try:
                return self.inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except httpcore.ConnectError as exc:
                error = exc
        raise error

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise Refused("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)
