"""Loopback HTTP server for feed and page fixtures: the `feed_server` pytest fixture.

A real threaded HTTP/1.1 server on 127.0.0.1 with an ephemeral port. Tests program answers per path:

    feed_server.serve("/feed.xml", body, content_type="application/rss+xml")   # ETag/Last-Modified, 304s
    feed_server.serve_file("/feed.xml", DATA / "feeds/cisa.xml")
    feed_server.redirect("/old", "/feed.xml", status=301)
    feed_server.fail("/busy", 429, retry_after="120")
    feed_server.serve("/slow", body, delay=5)             # slow first byte
    feed_server.trickle("/drip", body, chunk=1, interval=0.5)   # slowloris body
    feed_server.reset("/cut", body, after=100)            # TCP reset mid-body
    feed_server.huge("/huge", size=200 * 2**20)           # generated lazily, never held in memory
    feed_server.gzip_bomb("/bomb", size=2**28)            # ~250 KB on the wire, 256 MB inflated
    feed_server.gzip_bomb("/bomb2", size=2**30, layers=2)  # Content-Encoding: gzip, gzip; ~7 KB, 1 GiB
    feed_server.bot_wall("/feed.xml")                     # 403 to bare bot User-Agents, as cisa.gov's edge
    feed_server.url("/feed.xml")  ->  "http://127.0.0.1:<port>/feed.xml"
    feed_server.requests          ->  [Request(method, path, headers), ...]  (header names lower-case)

Conditional GET follows RFC 9110 13.1: If-None-Match wins over If-Modified-Since; a 304 has no body.
The ETag is derived from the body, so serving a new body changes it; so does the default Last-Modified
(one hour later per new body on the same path). Waits (delay, trickle) end at teardown,
so a test that gives up early never makes the suite wait.
"""

from __future__ import annotations

import contextlib
import functools
import gzip as gzip_module
import hashlib
import socket
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DEFAULT_LAST_MODIFIED = "Mon, 13 May 2024 09:00:00 GMT"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Request:
    """One request as the server saw it; header names are lower-case."""

    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Route:
    """How the server answers one path."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    conditional: bool = True  # honour If-None-Match / If-Modified-Since
    stream: Callable[[], Iterator[bytes]] | None = None  # lazily generated body (huge)
    length: int | None = None  # Content-Length to announce, when it is not len(body)
    trickle: tuple[int, float] | None = None  # (bytes per write, seconds between writes)
    reset_after: int | None = None  # send this many body bytes, then a TCP RST
    refuse: Callable[[dict[str, str]], bool] | None = None  # request headers -> answer 403 instead


class _HTTPServer(ThreadingHTTPServer):
    # socketserver's default listen backlog is 5: sixteen clients connecting at once lost SYNs and waited 1 s
    # for the retry, which no real web server makes them do (bench/cycle.py's floor paid it on every run)
    request_queue_size = 128


class FeedServer:
    """The programmable server behind the `feed_server` fixture (see module docstring)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._httpd = _HTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = False  # server_close() joins the handler threads
        self._httpd.block_on_close = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, name="feed-server", daemon=True
        )

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, wake every waiting handler, close open connections, join all threads."""
        self.stopping.set()
        self._httpd.shutdown()
        with self._lock:
            for conn in list(self._connections):
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str = "/") -> str:
        """Absolute URL of `path` on this server."""
        return f"http://127.0.0.1:{self.port}{path if path.startswith('/') else '/' + path}"

    def serve(
        self,
        path: str,
        body: bytes,
        content_type: str = "application/rss+xml; charset=utf-8",
        etag: bool | str = True,
        last_modified: bool | str = True,
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0,
        gzip: bool = False,
    ) -> Route:
        """Answer GET `path` with `body`; etag/last_modified True derive them, a str sets them, False omits."""
        out = {"Content-Type": content_type} if content_type else {}
        wire = gzip_module.compress(body, mtime=0) if gzip else body
        if etag:
            out["ETag"] = etag if isinstance(etag, str) else f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if last_modified:
            out["Last-Modified"] = last_modified if isinstance(last_modified, str) else self._next_modified(path, wire)
        if gzip:
            out["Content-Encoding"] = "gzip"
        out.update(headers or {})
        route = Route(status=status, body=wire, headers=out, delay=delay, conditional=bool(etag or last_modified))
        self.routes[path] = route
        return route

    def _next_modified(self, path: str, body: bytes) -> str:
        """Same body: same date; a new body on a path already served: one hour later (so IMS-only clients see it)."""
        previous = self.routes.get(path)
        if previous is None or "Last-Modified" not in previous.headers:
            return DEFAULT_LAST_MODIFIED
        if previous.body == body:
            return previous.headers["Last-Modified"]
        later = parsedate_to_datetime(previous.headers["Last-Modified"]) + timedelta(hours=1)
        return format_datetime(later, usegmt=True)

    def serve_file(self, path: str, file: str | Path, content_type: str | None = None, **kwargs) -> Route:
        """serve() the bytes of a fixture file; the content type is guessed from its suffix."""
        file = Path(file)
        guessed = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml"}
        guessed |= {".rdf": "application/rdf+xml", ".json": "application/json", ".html": "text/html; charset=utf-8"}
        kind = content_type or guessed.get(file.suffix, "application/octet-stream")
        return self.serve(path, file.read_bytes(), content_type=kind, **kwargs)

    def redirect(self, path: str, to: str, status: int = 302) -> Route:
        """Answer `path` with a redirect to `to` (a path on this server or an absolute URL)."""
        route = Route(status=status, headers={"Location": to if "://" in to else self.url(to)}, conditional=False)
        self.routes[path] = route
        return route

    def fail(self, path: str, status: int, retry_after: str | None = None, body: bytes = b"") -> Route:
        """Answer `path` with an error status, optionally with Retry-After (seconds or an HTTP date)."""
        headers = {"Content-Type": "text/plain"} | ({"Retry-After": retry_after} if retry_after else {})
        route = Route(status=status, body=body, headers=headers, conditional=False)
        self.routes[path] = route
        return route

    def trickle(self, path: str, body: bytes, chunk: int = 1, interval: float = 0.5) -> Route:
        """Send `body` `chunk` bytes at a time, `interval` seconds apart (a slowloris answer)."""
        route = Route(body=body, headers={"Content-Type": "application/xml"}, conditional=False)
        route.trickle = (chunk, interval)
        self.routes[path] = route
        return route

    def reset(self, path: str, body: bytes, after: int) -> Route:
        """Announce all of `body`, send `after` bytes of it, then reset the connection."""
        route = Route(body=body, headers={"Content-Type": "application/xml"}, conditional=False, reset_after=after)
        self.routes[path] = route
        return route

    def huge(self, path: str, size: int = 200 * 2**20, content_type: str = "application/xml") -> Route:
        """A `size`-byte body generated chunk by chunk while sending (never held in memory)."""

        def generate() -> Iterator[bytes]:
            block = b"<!-- " + b"x" * (CHUNK - 9) + b" -->\n"
            sent = 0
            while sent < size:
                piece = block[: size - sent]
                sent += len(piece)
                yield piece

        route = Route(headers={"Content-Type": content_type}, conditional=False, stream=generate, length=size)
        self.routes[path] = route
        return route

    def gzip_bomb(self, path: str, size: int = 2**28, content_type: str = "application/xml", layers: int = 1) -> Route:
        """Gzip of `size` zero bytes (Content-Encoding: gzip): ~1/1000 of `size` on the wire; `layers=2` gzips that
        again (Content-Encoding: gzip, gzip): a 1 GiB body in ~7 KB."""
        compressed = _zeros_gzip(size)
        for _ in range(layers - 1):
            compressed = gzip_module.compress(compressed, mtime=0)
        headers = {"Content-Type": content_type, "Content-Encoding": ", ".join(["gzip"] * layers)}
        route = Route(body=compressed, headers=headers, conditional=False)
        self.routes[path] = route
        return route

    def bot_wall(self, path: str) -> Route:
        """Answer `path` (already served) with 403 unless the client looks like a feed reader: a User-Agent in the
        `Mozilla/5.0 (compatible; ...)` form and an Accept naming a type (not just */*). The rule the cisa.gov edge
        applied in 2026 by its collectors' logs: `name/1.0` clients got 403, the same client as
        `Mozilla/5.0 (compatible; name/2.0; +URL)` with an RSS Accept got 200."""

        def refuse(headers: dict[str, str]) -> bool:
            agent, accept = headers.get("user-agent", ""), headers.get("accept", "*/*")
            return not agent.startswith("Mozilla/5.0 (compatible;") or accept.strip() == "*/*"

        route = self.routes[path]
        route.refuse = refuse
        return route

    def _log(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def _track(self, conn: socket.socket, open_: bool) -> None:
        with self._lock:
            (self._connections.add if open_ else self._connections.discard)(conn)


@functools.lru_cache(maxsize=4)
def _zeros_gzip(size: int) -> bytes:
    """Gzip member of `size` zero bytes, built from one 1 MiB zero block (cached per size)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = bytes(2**20)
    parts = [b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"]
    crc, left = 0, size
    while left:
        piece = block[: min(left, len(block))]
        crc = zlib.crc32(piece, crc)
        parts.append(deflate.compress(piece))
        left -= len(piece)
    parts += [deflate.flush(), struct.pack("<II", crc, size & 0xFFFFFFFF)]
    return b"".join(parts)


def _handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 10  # a client that stops talking does not pin a thread forever

        def log_message(self, format: str, *args: object) -> None:  # quiet: pytest shows failures, not access logs
            pass

        def setup(self) -> None:
            super().setup()
            server._track(self.connection, True)

        def finish(self) -> None:
            server._track(self.connection, False)
            with contextlib.suppress(OSError):  # the client (or a reset route) already closed the socket
                super().finish()

        def do_HEAD(self) -> None:
            self._answer(head=True)

        def do_GET(self) -> None:
            self._answer(head=False)

        def _answer(self, head: bool) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            server._log(Request(self.command, self.path, headers))
            route = server.routes.get(self.path) or server.routes.get(self.path.split("?", 1)[0])
            if route is None:
                route = Route(status=404, body=b"not found\n", headers={"Content-Type": "text/plain"})
            if route.delay and server.stopping.wait(route.delay):
                return
            if route.refuse is not None and route.refuse(headers):
                route = Route(
                    status=403, body=b"<html><h1>Access Denied</h1></html>", headers={"Content-Type": "text/html"}
                )
            if route.conditional and route.status == 200 and _not_modified(route.headers, headers):
                self.send_response(304)
                for name in ("ETag", "Last-Modified"):
                    if name in route.headers:
                        self.send_header(name, route.headers[name])
                self.send_header("Content-Length", "0")  # RFC 9110 15.4.5: a 304 has no content
                self.end_headers()
                return
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            length = route.length if route.length is not None else len(route.body)
            self.send_header("Content-Length", str(length))
            if route.trickle or route.reset_after is not None or route.stream:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if head or route.status in (204, 304):
                return
            try:
                self._body(route)
            except OSError:  # client went away (broken pipe, reset, timeout, shut down at teardown)
                self.close_connection = True

        def _body(self, route: Route) -> None:
            if route.stream:
                for piece in route.stream():
                    if server.stopping.is_set():
                        return
                    self.wfile.write(piece)
            elif route.trickle:
                size, interval = route.trickle
                for start in range(0, len(route.body), size):
                    self.wfile.write(route.body[start : start + size])
                    self.wfile.flush()
                    if server.stopping.wait(interval):
                        return
            elif route.reset_after is not None:
                self.wfile.write(route.body[: route.reset_after])
                self.wfile.flush()
                # SO_LINGER with a zero timeout: close() sends RST instead of FIN (a connection reset)
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
            else:
                self.wfile.write(route.body)

    return Handler


def _not_modified(route_headers: dict[str, str], request: dict[str, str]) -> bool:
    """RFC 9110 13.1.2/13.1.3: If-None-Match decides when present; else If-Modified-Since."""
    etag = route_headers.get("ETag")
    if "if-none-match" in request:
        tags = [t.strip().removeprefix("W/") for t in request["if-none-match"].split(",")]
        return etag is not None and ("*" in tags or etag.removeprefix("W/") in tags)
    since, modified = request.get("if-modified-since"), route_headers.get("Last-Modified")
    if since and modified:
        try:
            return parsedate_to_datetime(modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A fresh loopback FeedServer per test, shut down at teardown."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()
