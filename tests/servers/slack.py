"""Loopback Slack Web API stand-in: the real `slack_sdk.WebClient(base_url=slack_api.url)` talks to it.

A threaded HTTP server on 127.0.0.1 (ephemeral port) that speaks auth.test, chat.postMessage, chat.update,
conversations.history and conversations.replies with Slack's envelope (HTTP 200 + {"ok": false, "error": ...}),
checks the bearer token, enforces the Block Kit limits a notifier must respect, and injects failures:
`fail_next(...)`, `down()` / `up()`. Same idea as slack-sdk's own tests (a real local server, not a patched client).
"""

from __future__ import annotations

import copy
import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest

# Slack limits (https://api.slack.com/reference/block-kit/blocks); the stand-in rejects what Slack rejects.
MAX_BLOCKS, MAX_SECTION, MAX_FIELD, MAX_FIELDS, MAX_PLAIN, MAX_TEXT = 50, 3000, 2000, 10, 150, 40000


@dataclass
class Recorded:
    """One request as the server saw it."""

    method: str  # API method, e.g. "chat.postMessage"
    params: dict  # query + form + JSON body, merged
    headers: dict
    status: int = 0  # HTTP status answered; 0 while unanswered or reset, -1 when a hook reset it


@dataclass
class Failure:
    """One queued misbehaviour; `method` limits it to one API method."""

    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    delay: float = 0.0
    reset: bool = False
    method: str | None = None


@dataclass
class SlackAPI:
    """The stand-in's state and controls; the `slack_api` fixture yields one, already listening."""

    token: str = "xoxb-0000-loopback-test-token"
    clock: Callable[[], float] = time.time  # epoch seconds; ts values derive from it
    requests: list[Recorded] = field(default_factory=list)
    _channels: dict = field(default_factory=dict)
    _failures: deque = field(default_factory=deque)
    _hooks: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _last_us: int = 0
    _port: int = 0
    _mode: str = "up"  # up | refuse | reset
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}/api/"

    # -- lifecycle --------------------------------------------------------------------------------------------
    def start(self) -> SlackAPI:
        server = ThreadingHTTPServer(("127.0.0.1", self._port), _Handler)
        server.daemon_threads = True
        server.api = self
        self._server, self._port = server, server.server_address[1]
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = self._thread = None

    def down(self, mode: str = "refuse") -> None:
        """`refuse`: nothing listens on the port; `reset`: every connection is reset before an answer."""
        assert mode in ("refuse", "reset"), mode
        self._mode = mode
        if mode == "refuse":
            self.close()

    def up(self) -> None:
        self._mode = "up"
        if self._server is None:
            self.start()  # same port: the client's base_url stays valid

    # -- controls ----------------------------------------------------------------------------------------------
    def fail_next(
        self,
        n: int = 1,
        status: int | None = None,
        *,
        retry_after: int | None = None,
        error: str | None = None,
        delay: float = 0.0,
        reset: bool = False,
        method: str | None = None,
    ):
        """Misbehave on the next n requests: HTTP `status` (429 adds Retry-After), `{"ok": false, "error": error}`,
        answer after `delay` seconds (then normally, unless status/error say otherwise), or reset the connection."""
        if status is None:  # bare fail_next(n) is a rate limit; error/delay/reset alone answer HTTP 200
            status = 200 if (error or delay or reset) and retry_after is None else 429
        if status == 429 and retry_after is None:
            retry_after = 1
        with self._lock:
            for _ in range(n):
                self._failures.append(Failure(status, error, retry_after, delay, reset, method))

    def on(self, method: str, callback) -> None:
        """Call `callback(params)` when `method` arrives, before answering: it may act (e.g. kill the client) and
        return "drop" (reset the connection, nothing stored), "store" (store, then reset: the post exists but
        the client never hears back) or None (answer normally)."""
        self._hooks[method] = callback

    def messages(self, channel: str) -> list[dict]:
        """Every stored message of a channel (thread replies included), oldest first, as deep copies."""
        with self._lock:
            return copy.deepcopy(self._channels.get(channel, []))

    def calls(self, method: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method]

    def add_message(self, channel: str, text: str, metadata: dict | None = None, **extra) -> str:
        """Seed a message as if posted earlier (e.g. by a crashed run); returns its ts."""
        with self._lock:
            return self._store(channel, {"text": text, "metadata": metadata, **extra})["ts"]

    # -- internals ---------------------------------------------------------------------------------------------
    def _next_ts(self) -> str:
        us = max(int(self.clock() * 1_000_000), self._last_us + 1)  # strictly increasing, like Slack's ts
        self._last_us = us
        return f"{us // 1_000_000}.{us % 1_000_000:06d}"

    def _store(self, channel: str, msg: dict) -> dict:
        stored = {"type": "message", "user": "U0BOT", "bot_id": "B0BOT", "app_id": "A0BOT", "ts": self._next_ts()}
        stored.update({k: v for k, v in msg.items() if v is not None})
        self._channels.setdefault(channel, []).append(stored)
        return stored

    def _take_failure(self, method: str) -> Failure | None:
        with self._lock:
            for f in self._failures:
                if f.method in (None, method):
                    self._failures.remove(f)
                    return f
        return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - keep pytest output clean
        pass

    def do_GET(self):
        self._serve()

    def do_POST(self):
        self._serve()

    def _serve(self):
        api: SlackAPI = self.server.api
        parts = urlsplit(self.path)
        method = parts.path.rsplit("/", 1)[-1]
        params = dict(parse_qsl(parts.query))
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if "json" in (self.headers.get("Content-Type") or ""):
            params.update(json.loads(body or b"{}"))
        else:
            params.update(parse_qsl(body.decode("utf-8")))
        record = Recorded(method, params, dict(self.headers))
        with api._lock:
            api.requests.append(record)
        hook = api._hooks.get(method)
        outcome = hook(params) if hook else None
        if outcome in ("drop", "store"):
            if outcome == "store":
                with api._lock:
                    METHODS[method](api, params)
            record.status = -1  # handled by the hook: the connection is reset, no answer
            return self._reset()
        failure = api._take_failure(method)
        if api._mode == "reset" or (failure and failure.reset):
            return self._reset()
        if failure and failure.delay:
            time.sleep(failure.delay)
        if failure and (failure.status != 200 or failure.error):
            headers = {"Retry-After": str(failure.retry_after)} if failure.status == 429 else {}
            error = failure.error or {429: "ratelimited", 200: "internal_error"}.get(failure.status, "internal_error")
            return self._answer(record, failure.status, {"ok": False, "error": error}, headers)
        error = _auth_error(self.headers.get("Authorization", ""), params.get("token"), api.token)
        if error:
            return self._answer(record, 200, {"ok": False, "error": error})
        handler = METHODS.get(method)
        if handler is None:
            return self._answer(record, 200, {"ok": False, "error": "unknown_method"})
        with api._lock:
            payload = handler(api, params)
        self._answer(record, 200, payload)

    def _answer(self, record: Recorded, status: int, payload: dict, headers: dict | None = None):
        record.status = status
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _reset(self):
        # SO_LINGER 0 + close sends RST: the client sees "connection reset by peer", as behind a broken proxy.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


def _auth_error(header: str, body_token: str | None, expected: str) -> str | None:
    token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else body_token
    if not token:
        return "not_authed"
    return None if token == expected else "invalid_auth"


def _truthy(value) -> bool:
    return value is True or str(value).lower() in ("1", "true")


def _json_arg(value):
    """Form-encoded bodies carry blocks and metadata as JSON strings; JSON bodies carry them as objects."""
    return json.loads(value) if isinstance(value, str) and value[:1] in "[{" else value


def _check_message(params: dict) -> tuple[str, list[str]] | None:
    """Slack's validation of text, blocks and metadata: an (error, errors) pair or None."""
    text, blocks, metadata = params.get("text"), _json_arg(params.get("blocks")), _json_arg(params.get("metadata"))
    if not text and not blocks:
        return "no_text", []
    if text and len(text) > MAX_TEXT:
        return "msg_too_long", []
    if metadata is not None and not (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload"), dict)
    ):
        return "invalid_metadata_format", []
    if blocks is None:
        return None
    if not isinstance(blocks, list):
        return "invalid_blocks_format", []
    problems = [] if len(blocks) <= MAX_BLOCKS else [f"no more than {MAX_BLOCKS} items allowed [json-pointer:/blocks]"]
    for i, block in enumerate(blocks):
        problems += [f"{p} [json-pointer:/blocks/{i}]" for p in _block_problems(block)]
    return ("invalid_blocks", problems) if problems else None


def _text_problems(obj, limit: int) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in ("mrkdwn", "plain_text") or not obj.get("text"):
        return ["must be a text object with non-empty text"]
    return [f"must be less than {limit + 1} characters"] if len(obj["text"]) > limit else []


def _block_problems(block: dict) -> list[str]:
    kind = block.get("type")
    if kind == "section":
        problems = _text_problems(block["text"], MAX_SECTION) if "text" in block else []
        fields = block.get("fields", [])
        if len(fields) > MAX_FIELDS:
            problems.append(f"fields: no more than {MAX_FIELDS} items allowed")
        for f in fields:
            problems += _text_problems(f, MAX_FIELD)
        return problems if ("text" in block or fields) else ["section needs text or fields"]
    if kind == "header":
        return _text_problems(block.get("text"), MAX_PLAIN)
    if kind == "context":
        elements = block.get("elements", [])
        problems = [] if 0 < len(elements) <= 10 else ["context needs 1 to 10 elements"]
        return problems + [p for e in elements for p in _text_problems(e, MAX_SECTION)]
    if kind == "divider":
        return []
    return [f"unsupported block type {kind!r}"]


def _auth_test(api: SlackAPI, params: dict) -> dict:
    return {
        "ok": True,
        "url": "https://loopback.slack.test/",
        "team": "loopback",
        "user": "advisory-bot",
        "team_id": "T0LOOP",
        "user_id": "U0BOT",
        "bot_id": "B0BOT",
    }


def _post_message(api: SlackAPI, params: dict) -> dict:
    channel = params.get("channel")
    if not channel:
        return {"ok": False, "error": "channel_not_found"}
    invalid = _check_message(params)
    if invalid:
        return {"ok": False, "error": invalid[0], "errors": invalid[1]}
    thread_ts = params.get("thread_ts")
    msgs = api._channels.get(channel, [])
    parent = next((m for m in msgs if m["ts"] == thread_ts), None) if thread_ts else None
    if thread_ts and parent is None:
        return {"ok": False, "error": "thread_not_found"}
    fields = {k: _json_arg(params.get(k)) for k in ("text", "blocks", "metadata")}
    stored = api._store(channel, {**fields, "thread_ts": thread_ts})
    if parent is not None:
        parent.update(thread_ts=parent["ts"], reply_count=parent.get("reply_count", 0) + 1, latest_reply=stored["ts"])
    return {"ok": True, "channel": channel, "ts": stored["ts"], "message": _public(stored, True)}


def _update(api: SlackAPI, params: dict) -> dict:
    msg = next((m for m in api._channels.get(params.get("channel"), []) if m["ts"] == params.get("ts")), None)
    if msg is None:
        return {"ok": False, "error": "message_not_found"}
    invalid = _check_message({"text": msg.get("text"), **params})
    if invalid:
        return {"ok": False, "error": invalid[0], "errors": invalid[1]}
    msg.update({k: _json_arg(params[k]) for k in ("text", "blocks", "metadata") if k in params})
    msg["edited"] = {"user": "U0BOT", "ts": api._next_ts()}
    return {
        "ok": True,
        "channel": params["channel"],
        "ts": msg["ts"],
        "text": msg.get("text", ""),
        "message": _public(msg, True),
    }


def _public(msg: dict, with_metadata: bool) -> dict:
    out = copy.deepcopy(msg)
    if not with_metadata:
        out.pop("metadata", None)  # Slack returns metadata only with include_all_metadata=true
    return out


def _page(api: SlackAPI, msgs: list[dict], params: dict) -> dict:
    limit = max(1, min(int(params.get("limit") or 100), 1000))
    start = int(params.get("cursor") or 0)
    chunk = msgs[start : start + limit]
    more = start + limit < len(msgs)
    meta = _truthy(params.get("include_all_metadata"))
    return {
        "ok": True,
        "messages": [_public(m, meta) for m in chunk],
        "has_more": more,
        "response_metadata": {"next_cursor": str(start + limit) if more else ""},
    }


def _in_range(ts: str, params: dict) -> bool:
    oldest, latest = float(params.get("oldest") or 0), float(params.get("latest") or "inf")
    inclusive = _truthy(params.get("inclusive"))
    t = float(ts)
    return (oldest <= t <= latest) if inclusive else (oldest < t < latest)


def _history(api: SlackAPI, params: dict) -> dict:
    if not params.get("channel"):
        return {"ok": False, "error": "channel_not_found"}
    msgs = [
        m
        for m in api._channels.get(params["channel"], [])
        if m.get("thread_ts") in (None, m["ts"]) and _in_range(m["ts"], params)
    ]
    return {**_page(api, msgs[::-1], params), "pin_count": 0}  # newest first


def _replies(api: SlackAPI, params: dict) -> dict:
    msgs = api._channels.get(params.get("channel"), [])
    ts = params.get("ts")
    if not any(m["ts"] == ts for m in msgs):
        return {"ok": False, "error": "thread_not_found"}
    thread = [m for m in msgs if m["ts"] == ts or m.get("thread_ts") == ts]  # oldest first, parent first
    return _page(api, thread, params)


METHODS = {
    "auth.test": _auth_test,
    "chat.postMessage": _post_message,
    "chat.update": _update,
    "conversations.history": _history,
    "conversations.replies": _replies,
}


@pytest.fixture
def slack_api():
    """A listening Slack Web API stand-in; shut down (threads joined, port closed) after the test."""
    api = SlackAPI().start()
    try:
        yield api
    finally:
        api.close()
