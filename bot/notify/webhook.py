"""POST alerts as a documented JSON body to any HTTPS endpoint (SOAR, ticketing, a team's own bot).

Rules:
- The body is versioned (`schema_version`) and documented field by field in docs/notifiers.md; fields are only
  ever added, never renamed or retyped, without a new schema_version.
- The URL is a credential (it usually embeds a token): it never reaches a log line or an error message, which
  name the notifier instead (`notify: webhook soc-hook: 500`).
- bot.fetch.address_guard checks the URL before every POST (DNS may change between start-up and send): private and
  loopback addresses are refused unless the notifier sets `allow_private`. The connection is opened by the fetcher's
  pinned backend (bot.fetch.address_guard.PinnedBackend): the name is resolved once there and the socket goes to the
  address checked, so an answer that turns private between check and connect (DNS rebinding) never reaches it.
  Redirects are not followed (a redirect could lead the POST, and its body, anywhere).
- 2xx is delivered; 408, 429, 5xx, timeouts and connection failures are transient (Retry-After honoured);
  other statuses are permanent. Either way a NotifyError leaves the outbox row pending, nothing is dropped.
- `Idempotency-Key` carries `<event>:<id>` so a receiver can drop the duplicate of a retried POST.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from bot.errors import ConfigError, NotifyError
from bot.fetch.address_guard import PinnedBackend, Refused, allowing_private, refusal
from bot.fetch.client import USER_AGENT, PinnedTransport, parse_retry_after, tls_context
from bot.fetch.inflate import EncodingError, decoded
from bot.notify import plain
from bot.notify.card import EVENT_TYPE, AlertCard, Card, Message
from bot.notify.escape import clean

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1
MAX_ANSWER = 64 * 1024  # bytes of the receiver's answer we read, to find an id
MAX_ID = 200
_TRANSIENT = frozenset({408, 425, 429})


def event_id(message: Message) -> str | None:
    """The delivery key of the message (an alert id or another post's key), else an alert's item id, as text."""
    if message.key is not None:
        return message.key
    card = message.card
    return card.item.item_id or None if isinstance(card, AlertCard) else None


def item_json(card: Card, item_id: str | None = None) -> dict:
    """The card's facts as JSON (schema_version 1)."""
    return {
        "id": item_id,
        "title": card.title,
        "url": card.url or None,
        "sources": list(card.sources),
        "published": card.published or None,
        "dprk_cyber": card.dprk_cyber,
        "actors": list(card.actors),
        "sectors": list(card.sectors),
        "malware": list(card.malware),
        "ids": list(card.ids),
        "wallets": list(card.wallets),
        "score": round(card.score, 3),
        "snippet": "".join(text for text, _ in card.snippet),
        "highlights": [text for text, hit in card.snippet if hit],
    }


def body(message: Message) -> dict:
    """The JSON body POSTed for one message (documented in docs/notifiers.md): raw text, JSON-encoded only."""
    card = message.card
    alert = card.item if isinstance(card, AlertCard) else None
    listed = () if alert is not None else getattr(card, "items", ())
    return {
        "schema_version": SCHEMA_VERSION,
        "event": EVENT_TYPE,
        "kind": message.kind,
        "id": event_id(message),
        "item": item_json(alert, alert.item_id or None) if alert is not None else None,
        "text": plain.text(card),
        "items": [item_json(c, c.item_id or None) for c in listed],
    }


class _HideURL(logging.Filter):
    """httpx logs each request's full URL at INFO: mask this notifier's (installed for the notifier's lifetime)."""

    def __init__(self, *urls: str):
        super().__init__()
        self.urls = sorted(set(urls), key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(url in message for url in self.urls):
            for url in self.urls:
                message = message.replace(url, "[webhook url]")
            record.msg, record.args = message, None
        return True


class WebhookNotifier:
    """POSTs each Message as JSON to one URL."""

    def __init__(
        self,
        name: str,
        url: str,
        allow_private: bool = False,
        timeout: float = 10.0,
        client: httpx.Client | None = None,
    ):
        url = (url or "").strip()
        try:
            parts = urlsplit(url)
            ok = parts.scheme in ("http", "https") and bool(parts.hostname) and (parts.port or 1) > 0
            normalised = str(httpx.URL(url))  # what httpx will log and request
        except (ValueError, httpx.InvalidURL):  # a malformed port, host or IPv6 literal
            ok = False
        if not ok:
            raise ConfigError(f"notify: webhook {name}: the URL must be http(s)://host/... (value not shown)")
        self.name = name
        self.allow_private = allow_private
        self._url = url
        logging.getLogger("httpx").addFilter(_HideURL(url, normalised))
        self._client = client or httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: the netguard check must see the real peer
            transport=PinnedTransport(tls_context(), PinnedBackend()),
        )

    @staticmethod
    def destination(config) -> str:
        """One URL, no channels: the notifier's name (never the URL, a credential)."""
        return config.name

    def __repr__(self) -> str:
        return f"WebhookNotifier(name={self.name!r}, allow_private={self.allow_private!r})"  # never the URL

    def send(self, message: Message) -> str:
        """POST the message; return the receiver's id for it (or a hash of the body). Raises NotifyError."""
        where = f"notify: webhook {self.name}"
        self._check(where)
        payload = body(message)
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
        if payload["id"] is not None:
            headers["Idempotency-Key"] = f"{payload['event']}:{payload['id']}"
        started = time.monotonic()
        try:
            with (
                allowing_private(self.allow_private),  # the policy PinnedBackend applies where it connects
                self._client.stream(
                    "POST", self._url, content=data, headers=headers, follow_redirects=False
                ) as response,
            ):
                answer = _read_capped(response)
        except httpx.TimeoutException as e:
            raise NotifyError(f"{where}: timed out ({type(e).__name__})") from None
        except (httpx.TransportError, OSError) as e:  # refused, reset, DNS, TLS
            if isinstance(e.__cause__, Refused):  # the answer turned private after the check: config, as in _check
                raise NotifyError(f"{where}: refused: {self._hide_host(str(e))}", permanent=True) from None
            raise NotifyError(f"{where}: connection failed ({type(e).__name__})") from None
        status = response.status_code
        if not 200 <= status < 300:
            raise _status_error(where, status, response.headers)
        sent_id = _answer_id(answer) or "webhook:" + hashlib.sha256(data).hexdigest()[:16]
        elapsed_ms = int((time.monotonic() - started) * 1000)
        log.info("notify_sent notifier=%s status=%d elapsed_ms=%d", self.name, status, elapsed_ms)
        return sent_id

    def _check(self, where: str) -> None:
        """netguard, at send time; the host name stays out of the message (it is part of the credential)."""
        reason = refusal(self._url, self.allow_private)
        if reason is None:
            return
        reason = self._hide_host(reason)
        transient = reason.startswith("cannot resolve")  # DNS trouble is weather, a private address is config
        raise NotifyError(f"{where}: refused: {reason}", permanent=not transient)

    def _hide_host(self, text: str) -> str:
        host = urlsplit(self._url).hostname or ""
        return text.replace(host, "the host") if host else text


def _read_capped(response: httpx.Response) -> bytes:
    """The first MAX_ANSWER bytes of the answer, decoded by bot.fetch.inflate in bounded steps (httpx would inflate
    a whole network read, and each stacked coding over the other's whole output, before the cap is looked at). An
    answer we cannot or will not decode (stacked codings, a broken stream) is no answer: the post itself succeeded,
    the answer only ever gives its id."""
    chunks, size = [], 0
    try:
        for chunk in decoded(response.headers.get("content-encoding", ""), response.iter_raw()):
            chunks.append(chunk)
            size += len(chunk)
            if size >= MAX_ANSWER:
                break
    except EncodingError:
        return b""
    return b"".join(chunks)[:MAX_ANSWER]


def _answer_id(answer: bytes) -> str | None:
    """`id` (or `message_id`) of a JSON object answer, cleaned and bounded; None otherwise."""
    try:
        data = json.loads(answer)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    for key in ("id", "message_id"):
        value = data.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            text = clean(str(value), single_line=True)[:MAX_ID]
            if text:
                return text
    return None


def _status_error(where: str, status: int, headers) -> NotifyError:
    if status in _TRANSIENT or status >= 500:
        return NotifyError(f"{where}: {status}", retry_after=parse_retry_after(headers.get("retry-after")))
    if 300 <= status < 400:
        return NotifyError(f"{where}: {status} (redirects are not followed: update the URL)", permanent=True)
    return NotifyError(f"{where}: {status}", permanent=True)


def from_config(cfg, env: Mapping[str, str]) -> WebhookNotifier:
    """A WebhookNotifier from a routes.yaml entry; the URL comes from the variable named by `url_env`."""
    url = (env.get(cfg.url_env or "") or "").strip() if cfg.url_env else ""
    if not url:
        raise ConfigError(f"notify: webhook {cfg.name}: environment variable {cfg.url_env} is not set or empty")
    try:
        return WebhookNotifier(cfg.name, url, allow_private=cfg.allow_private)
    except ConfigError as e:
        raise ConfigError(f"{e} (from {cfg.url_env})") from None
