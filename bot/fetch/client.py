"""Fetching: one bounded HTTP request per source, handing bytes (never a URL) to the extractors.

Rules: a total deadline per fetch (slow trickling bodies included), a body-size cap counted on the
decoded bytes as they are inflated, 64 KB at a time (bot.fetch.inflate: a gzip bomb stops at the cap, with memory
near the cap; stacked codings are refused), redirects followed by hand so each hop is checked
against bot.fetch.address_guard, conditional GET with the stored validators (RFC 9110 13.1: If-None-Match wins
over If-Modified-Since), Retry-After honoured on 429/503, and errors mapped to a few named kinds.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import lru_cache
from urllib.parse import urljoin

import certifi
import httpcore
import httpx

from bot.errors import FetchError, bounded_wait
from bot.fetch.address_guard import PinnedBackend, Refused, allowing_private, is_public_address, refusal, resolve_host
from bot.fetch.headers import USER_AGENT, request_headers
from bot.fetch.inflate import EncodingError, decoded
from bot.records import FetchResult

MAX_REDIRECTS = 5
REFUSED_HINT = "the site refused this client; try `headers:`"  # docs/sources.md says how
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Validators:
    """What the archive remembers of the last successful fetch."""

    etag: str | None = None
    last_modified: str | None = None


def make_client(resolve=resolve_host, public=is_public_address) -> httpx.Client:
    """One client per thread: pooled connections, gzip, no automatic redirects, no env proxies, and connections
    opened only to addresses the address policy checked (bot.fetch.address_guard.PinnedBackend)."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        follow_redirects=False,
        trust_env=False,
        transport=PinnedTransport(tls_context(), PinnedBackend(resolve, public=public)),
    )


class PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport (request mapping, errors, streaming) over a pool with our network backend: httpx
    has no option for one, so the pool it built is replaced by the same pool with the backend."""

    def __init__(self, ssl_context: ssl.SSLContext, backend: httpcore.NetworkBackend):
        limits = httpx.Limits()  # httpx's defaults, as HTTPTransport() uses them
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )


_TLS_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context(cafile=certifi.where())


def tls_context() -> ssl.SSLContext:
    """httpx's default verification (certifi's CA bundle), built once and shared by every thread's client:
    each context loads the bundle again, 18 ms apiece, a quarter of a second for 16 source threads (the lock:
    threads starting together would each build one)."""
    with _TLS_LOCK:
        return _tls_context()


def fetch(
    client: httpx.Client, source, validators: Validators = Validators(), clock=time.monotonic, gate=None
) -> FetchResult:
    """Fetch `source.url`; raise FetchError (with a kind) on anything but 200 or 304.

    `gate` (bot.fetch.politeness.HostGate) spaces requests to the source's host; the deadline starts once it admits.
    """
    if gate is None:
        return _fetch(client, source, validators, clock)
    with gate.enter(source.url):
        return _fetch(client, source, validators, clock)


def _fetch(client: httpx.Client, source, validators: Validators, clock) -> FetchResult:
    deadline = clock() + source.timeout
    url = source.url
    started = clock()
    with allowing_private(source.allow_private):
        return _follow(client, source, validators, clock, deadline, started, url)


def _follow(client, source, validators, clock, deadline, started, url) -> FetchResult:
    for _hop in range(MAX_REDIRECTS + 1):
        reason = refusal(url, source.allow_private)
        if reason:
            if reason.startswith("cannot resolve"):  # no DNS is no refusal: not worded like the address guard
                raise FetchError(f"fetch: {source.name}: {reason} ({url})", kind="network")
            raise FetchError(f"fetch: {source.name}: refused {url}: {reason}", kind="blocked")
        headers = request_headers(source)  # bot.fetch.headers: User-Agent, Accept by type, the source's own
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        response, body = _request(client, source, url, headers, deadline, clock)
        if response.status_code in _REDIRECTS and "location" in response.headers:
            url = urljoin(url, response.headers["location"])
            continue
        elapsed_ms = int((clock() - started) * 1000)
        return _result(source, url, response, body, elapsed_ms)
    raise FetchError(f"fetch: {source.name}: more than {MAX_REDIRECTS} redirects", kind="redirects")


def _request(client, source, url, headers, deadline, clock) -> tuple[httpx.Response, bytes]:
    remaining = deadline - clock()
    if remaining <= 0:
        raise FetchError(f"fetch: {source.name}: timed out after {source.timeout:g}s", kind="timeout")
    timeout = httpx.Timeout(remaining, connect=min(remaining, 10.0))
    try:
        with client.stream("GET", url, headers=headers, timeout=timeout) as response:
            if response.status_code != 200:
                return response, b""
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > source.max_bytes:
                raise FetchError(
                    f"fetch: {source.name}: body of {int(length)} bytes exceeds the {source.max_bytes}-byte cap",
                    kind="too_large",
                )
            chunks, size = [], 0
            with _Watchdog(response, deadline - clock()):
                for chunk in decoded(response.headers.get("content-encoding", ""), response.iter_raw()):
                    size += len(chunk)
                    if size > source.max_bytes:
                        raise FetchError(
                            f"fetch: {source.name}: body exceeds the {source.max_bytes}-byte cap", kind="too_large"
                        )
                    if clock() > deadline:
                        raise FetchError(f"fetch: {source.name}: timed out after {source.timeout:g}s", kind="timeout")
                    chunks.append(chunk)
            return response, b"".join(chunks)
    except httpx.TimeoutException as exc:
        raise FetchError(f"fetch: {source.name}: timed out after {source.timeout:g}s", kind="timeout") from exc
    except httpx.InvalidURL as exc:  # httpx builds the next request of every 3xx: a Location of javascript:...
        raise FetchError(f"fetch: {source.name}: unusable redirect from {url} ({exc})", kind="redirects") from exc
    except EncodingError as exc:
        raise FetchError(f"fetch: {source.name}: {exc}", kind="bad_body") from exc
    except httpx.TransportError as exc:
        if clock() > deadline:  # the watchdog cut a body that kept the reads just in time
            raise FetchError(f"fetch: {source.name}: timed out after {source.timeout:g}s", kind="timeout") from exc
        if isinstance(exc.__cause__, Refused):  # the address policy, where the connection was opened
            raise FetchError(f"fetch: {source.name}: refused {url}: {exc}", kind="blocked") from exc
        raise FetchError(f"fetch: {source.name}: {type(exc).__name__}: {exc}", kind="network") from exc


class _Watchdog:
    """Shut the connection down at the deadline: httpx's read timeout is per read, so a body that sends a byte
    just before each read times out would otherwise run past the total deadline (slowloris)."""

    def __init__(self, response: httpx.Response, seconds: float):
        stream = response.extensions.get("network_stream")
        self._socket = stream.get_extra_info("socket") if stream is not None else None
        self._timer = threading.Timer(max(seconds, 0.0), self._cut)
        self._timer.daemon = True

    def _cut(self) -> None:
        with contextlib.suppress(OSError):
            self._socket.shutdown(socket.SHUT_RDWR)  # wakes the blocked recv; close() alone would not

    def __enter__(self) -> _Watchdog:
        if self._socket is not None:
            self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()


def _result(source, url: str, response: httpx.Response, body: bytes, elapsed_ms: int) -> FetchResult:
    status = response.status_code
    if status in (200, 304):
        return FetchResult(
            url=url,
            status=status,
            body=body,
            content_type=response.headers.get("content-type", ""),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            elapsed_ms=elapsed_ms,
        )
    if status in (429, 503):
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        raise FetchError(f"fetch: {status} from {source.name}", kind="rate_limited", retry_after=retry_after)
    if status == 403:  # most often a bot filter judging the client, not the page: say what to try
        raise FetchError(f"fetch: 403 from {source.name}: {REFUSED_HINT}", kind="http_error")
    if status in (404, 410):
        raise FetchError(f"fetch: {status} from {source.name}: gone", kind="gone")
    kind = "server_error" if status >= 500 else "http_error"
    raise FetchError(f"fetch: {status} from {source.name}", kind=kind)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """RFC 9110 10.2.3: delay-seconds or an HTTP-date; seconds to wait (at most MAX_WAIT), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return bounded_wait(float(value))  # float, not int: 5,000 digits are inf, not a ValueError
    try:
        when = parsedate_to_datetime(value)
        seconds = when.timestamp() - (time.time() if now is None else now)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return bounded_wait(seconds)
