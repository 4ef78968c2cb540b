"""Loopback receivers for the webhook and Apprise notifiers: an HTTP endpoint and a minimal SMTP server.

`webhook_receiver`: a threaded HTTP server on 127.0.0.1 (ephemeral port) that records every request (method,
path, query, headers, body, parsed JSON or form) and answers as told: `answer(status, body, retry_after=...,
delay=..., reset=..., times=n)` queues misbehaviour, `default` is the answer otherwise (200 with a JSON body that
also satisfies Apprise's Matrix client: room_id, event_id, access_token).

`smtp_receiver`: just enough RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no AUTH, no STARTTLS) to
take Apprise's `mailto://` deliveries; messages are parsed with the email package; `reject_next(code)` refuses
the next DATA.
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import socketserver
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest

MATRIX_OK = {
    "room_id": "!room:loopback",
    "event_id": "$event",
    "access_token": "syt_loopback",
    "user_id": "@bot:loopback",
}


@dataclass
class Request:
    """One request as the receiver saw it; header names are lower-cased."""

    method: str
    path: str
    query: dict
    headers: dict
    body: bytes

    @property
    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    @property
    def form(self) -> dict:
        return (
            dict(parse_qsl(self.body.decode("utf-8", "replace")))
            if "form" in self.headers.get("content-type", "")
            else {}
        )


@dataclass
class Answer:
    status: int = 200
    body: bytes | str | dict | list = field(default_factory=lambda: dict(MATRIX_OK))
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False


class WebhookReceiver:
    """The receiver's state and controls; the fixture yields one, already listening."""

    def __init__(self):
        self.requests: list[Request] = []
        self.default = Answer()
        self._queue: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()  # wakes delayed answers when the test ends
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.receiver = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, status: int = 200, body=b"", *, retry_after: str | int | None = None, delay: float = 0.0,
               reset: bool = False, headers: dict | None = None, times: int = 1) -> None:  # fmt: skip
        """Answer the next `times` requests so (after `delay` seconds; `reset` drops the connection instead)."""
        headers = dict(headers or {})
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        with self._lock:
            self._queue.extend(Answer(status, body, headers, delay, reset) for _ in range(times))

    def wait_for(self, n: int, timeout: float = 5.0) -> list[Request]:
        """Poll until n requests arrived (returns as soon as they have)."""
        deadline = time.monotonic() + timeout
        while len(self.requests) < n and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.requests

    def close(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _next(self) -> Answer:
        with self._lock:
            return self._queue.popleft() if self._queue else self.default


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - keep pytest output clean
        pass

    def do_POST(self):
        self._serve()

    do_GET = do_PUT = do_PATCH = do_DELETE = do_POST

    def _serve(self):
        receiver: WebhookReceiver = self.server.receiver
        parts = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k.lower(): v for k, v in self.headers.items()}
        with receiver._lock:
            receiver.requests.append(Request(self.command, parts.path, dict(parse_qsl(parts.query)), headers, body))
        answer = receiver._next()
        if answer.delay and receiver._stop.wait(answer.delay):
            return
        if answer.reset:  # SO_LINGER 0 + close sends RST: "connection reset by peer"
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        data = answer.body if isinstance(answer.body, bytes) else None
        data = data if data is not None else answer.body.encode() if isinstance(answer.body, str) else None
        data = data if data is not None else json.dumps(answer.body).encode()
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json" if isinstance(answer.body, dict | list) else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        for k, v in answer.headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def webhook_receiver():
    """A listening loopback HTTP receiver; shut down (threads joined, port closed) after the test."""
    receiver = WebhookReceiver()
    try:
        yield receiver
    finally:
        receiver.close()


# -- SMTP ------------------------------------------------------------------------------------------------------


@dataclass
class Mail:
    mail_from: str
    rcpt_to: list[str]
    data: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)


class SMTPReceiver:
    """A minimal SMTP server on 127.0.0.1 that records each accepted message."""

    def __init__(self):
        self.mails: list[Mail] = []
        self._rejects: deque[int] = deque()
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
        self._server.daemon_threads = True
        self._server.receiver = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def reject_next(self, code: int = 554) -> None:
        self._rejects.append(code)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _SMTPHandler(socketserver.StreamRequestHandler):
    def _say(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        receiver: SMTPReceiver = self.server.receiver
        mail_from, rcpt = "", []
        self._say("220 loopback ESMTP")
        while line := self.rfile.readline(65536):
            verb = line.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
            arg = line.decode("utf-8", "replace").strip()[len(verb) :].strip()
            if verb == "EHLO":
                self._say("250-loopback")
                self._say("250 8BITMIME")
            elif verb == "HELO":
                self._say("250 loopback")
            elif verb == "MAIL":
                mail_from, rcpt = arg.partition(":")[2].strip().strip("<>").split(">")[0], []
                self._say("250 OK")
            elif verb == "RCPT":
                rcpt.append(arg.partition(":")[2].strip().strip("<>").split(">")[0])
                self._say("250 OK")
            elif verb == "DATA":
                self._say("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while (chunk := self.rfile.readline(65536)) not in (b".\r\n", b".\n", b""):
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)  # RFC 5321 4.5.2 dot-stuffing
                if receiver._rejects:
                    self._say(f"{receiver._rejects.popleft()} 5.7.1 rejected by loopback policy")
                else:
                    receiver.mails.append(Mail(mail_from, rcpt, b"".join(data)))
                    self._say("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self._say("250 OK")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("502 command not implemented")


@pytest.fixture
def smtp_receiver():
    """A listening loopback SMTP server; shut down after the test."""
    receiver = SMTPReceiver()
    try:
        yield receiver
    finally:
        receiver.close()
