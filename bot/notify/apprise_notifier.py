"""Deliver alerts through Apprise: Microsoft Teams (workflows), Discord, Mattermost, Matrix, e-mail, any Apprise URL.

Rules:
- One `apprise.Apprise()` per notifier, holding exactly one URL, validated at start-up: Apprise must understand
  it and its plugin must fit the configured kind (an `email` notifier with a `discord://` URL is a ConfigError).
- The URL is a credential (webhook tokens, passwords): no message we build shows it, and while Apprise works for
  us its log records pass through a filter that masks every part of it (Apprise logs POST URLs at DEBUG).
- Each card is rendered for the renderer behind the kind (bot.notify.markdown): escaped CommonMark where the service
  renders Markdown itself (Teams, Discord, Mattermost), escaped Markdown that Apprise turns into HTML (Matrix,
  e-mail). A generic `apprise` URL gets the plain text of bot.notify.plain with mentions broken: its renderer is
  unknown, and plain text reads right everywhere.
- notify() returning False is a transient NotifyError carrying the reason Apprise logged for that call
  (captured, redacted): the outbox row stays pending.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import parse_qsl, unquote, urlsplit

import apprise

from bot.errors import ConfigError, NotifyError
from bot.notify import plain
from bot.notify.card import AlertCard, Message
from bot.notify.escape import defang
from bot.notify.markdown import (
    break_mentions,
    render_card_markdown,
    render_plain_md,
    shorten,
)
from bot.observe.logs import redact

log = logging.getLogger(__name__)

# The Apprise protocols each kind accepts. msteams:// (Office 365 connectors, retired by Microsoft) is only
# understood by Apprise 1.x; Power Automate workflows:// works with both.
KIND_PROTOCOLS: dict[str, tuple[str, ...] | None] = {
    "teams": ("workflows", "workflow", "msteams"),
    "discord": ("discord",),
    "mattermost": ("mmost", "mmosts"),
    "matrix": ("matrix", "matrixs"),
    "email": ("mailto", "mailtos"),
    "apprise": None,  # any URL the installed Apprise understands
}
# the renderer behind each kind: bot.notify.markdown escapes for it
FLAVOURS = {"teams": "markdown", "discord": "markdown", "mattermost": "markdown", "matrix": "html",
            "email": "html", "apprise": "text"}  # fmt: skip
SUBJECT_LIMIT = 200
_ANY_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s'\"<>]+", re.IGNORECASE)


def _secrets(url: str) -> list[str]:
    """Every part of an Apprise URL that may be a credential, longest first (host names with a dot excepted)."""
    parts = urlsplit(url)
    found = {url, url.split("://", 1)[-1], parts.username or "", parts.password or "", parts.fragment}
    host = parts.hostname or ""
    if "." not in host and ":" not in host:  # discord://<webhook id>/..., a bare token in the host slot
        found.add(host)
    found.update(unquote(s) for s in parts.path.split("/"))
    found.update(v for _, v in parse_qsl(parts.query))
    return sorted((s for s in found if len(s) >= 4), key=len, reverse=True)


def _hide(text: str, secrets: list[str]) -> str:
    return redact(_ANY_URL.sub("[url]", text), secrets=secrets)


class _Mask(logging.Filter):
    """Rewrites log records with this notifier's URL parts masked; installed for the notifier's lifetime (Apprise
    and urllib3 log request URLs at DEBUG, and Matrix logs out when the plugin is collected)."""

    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _ANY_URL.search(message) or any(secret in message for secret in self.secrets):
            record.msg, record.args = _hide(message, self.secrets), None
        return True


class _Collect(logging.Handler):
    """Keeps the warnings and errors Apprise logs for one call. Apprise 2 may run the call in a worker thread,
    but it copies the caller's context there, so a ContextVar (not the thread id) tells our call's records apart."""

    def __init__(self, sink: list[str], marker: object):
        super().__init__(logging.WARNING)
        self.sink, self.marker = sink, marker

    def emit(self, record: logging.LogRecord) -> None:
        if _CALL.get() is self.marker:
            self.sink.append(record.getMessage())


_CALL: ContextVar[object | None] = ContextVar("apprise_call", default=None)
MASKED_LOGGERS = ("apprise", "urllib3.connectionpool")


@contextmanager
def _apprise_logs(secrets: list[str]) -> Iterator[list[str]]:
    """Collect what Apprise logs during the block, masked."""
    logger, lines, marker = logging.getLogger("apprise"), [], object()
    collect = _Collect(lines, marker)
    token = _CALL.set(marker)
    logger.addHandler(collect)
    try:
        yield lines
    finally:
        logger.removeHandler(collect)
        _CALL.reset(token)
        lines[:] = [_hide(line, secrets) for line in lines]


def _protocols(plugin) -> set[str]:
    names = set()
    for attr in ("protocol", "secure_protocol"):
        value = getattr(plugin, attr, None) or ()
        names.update((value,) if isinstance(value, str) else value)
    return {n.lower() for n in names}


class AppriseNotifier:
    """Sends each Message through one Apprise URL of one kind (teams, discord, mattermost, matrix, email, apprise)."""

    def __init__(self, name: str, kind: str, url: str, *, url_env: str | None = None):
        if kind not in KIND_PROTOCOLS:
            raise ConfigError(f"notify: {name}: unknown Apprise kind {kind!r} (one of {', '.join(KIND_PROTOCOLS)})")
        self.name, self.kind, self.flavour = name, kind, FLAVOURS[kind]
        where = f"notify: {kind} {name}: the URL" + (f" in {url_env}" if url_env else "")
        url = (url or "").strip()
        self._secrets = _secrets(url)
        mask = _Mask(self._secrets)
        for logger_name in MASKED_LOGGERS:
            logging.getLogger(logger_name).addFilter(mask)
        # async_mode off: the call runs in this thread, so its log lines can be told apart from other threads'.
        self._apprise = apprise.Apprise(asset=apprise.AppriseAsset(async_mode=False))
        with _apprise_logs(self._secrets) as reasons:
            plugin = apprise.Apprise.instantiate(url, asset=self._apprise.asset) if url else None
        scheme = url.split("://", 1)[0].lower() if "://" in url else ""
        wanted = KIND_PROTOCOLS[kind]
        needs = f"type {kind} needs " + " or ".join(s + "://" for s in wanted or ())
        if plugin is None:
            if (kind, scheme) == ("teams", "msteams"):
                needs = "msteams:// needs Apprise 1.x; use a workflows:// URL"
            hint = f" ({needs})" if wanted is not None and (scheme not in wanted or kind == "teams") else ""
            detail = "; ".join(reasons)[:300]
            raise ConfigError(
                f"{where} is not one Apprise {apprise.__version__} understands{hint}"
                + (f": {detail}" if detail else "")
            )
        if wanted is not None and not _protocols(plugin) & set(wanted):
            service = getattr(plugin, "service_name", type(plugin).__name__)
            raise ConfigError(f"{where} is a {service} URL; {needs}")
        self._apprise.add(plugin)

    def __repr__(self) -> str:
        return f"AppriseNotifier(name={self.name!r}, kind={self.kind!r})"  # never the URL

    @staticmethod
    def destination(config) -> str:
        """One URL, no channels: the notifier's name (never the URL, a credential)."""
        return config.name

    def render(self, message: Message) -> tuple[str, str, str]:
        """(title, body, body_format) for the message, as this kind's renderer needs them."""
        card = message.card
        title = ""
        if self.kind == "email":  # the subject: an alert's headline and title, else the first line
            subject = f"{card.item.headline}: {card.item.title}" if isinstance(card, AlertCard) else plain.text(card)
            title = break_mentions(defang(shorten(subject.split("\n")[0], SUBJECT_LIMIT)))
        if self.flavour == "text":
            return title, render_plain_md(plain.text(card), "text"), apprise.NotifyFormat.TEXT
        return title, render_card_markdown(card, self.flavour), apprise.NotifyFormat.MARKDOWN

    def send(self, message: Message) -> str:
        """Notify; return a synthetic id (Apprise reports no message id). Raises a transient NotifyError."""
        title, body, body_format = self.render(message)
        with _apprise_logs(self._secrets) as reasons:
            try:
                ok = self._apprise.notify(body=body, title=title, body_format=body_format)
            except Exception as e:  # a plugin bug must not crash the outbox loop
                reasons.append(f"{type(e).__name__}: {e}")
                ok = False
        if not ok:
            detail = _hide("; ".join(dict.fromkeys(reasons)), self._secrets)[:500] or "no reason logged"
            raise NotifyError(f"notify: {self.kind} {self.name}: Apprise could not deliver: {detail}")
        log.info("notify_sent notifier=%s kind=%s", self.name, self.kind)
        return f"{self.kind}:{self.name}:{_event_key(message)}"


def _event_key(message: Message) -> str:
    if message.key is not None:
        return message.key
    card = message.card
    return (card.item.item_id if isinstance(card, AlertCard) else "") or "sent"


def from_config(cfg, env: Mapping[str, str]) -> AppriseNotifier:
    """An AppriseNotifier from a routes.yaml entry; the URL comes from the variable named by `url_env`."""
    url = (env.get(cfg.url_env) or "").strip() if cfg.url_env else ""
    if not url:
        raise ConfigError(f"notify: {cfg.type} {cfg.name}: environment variable {cfg.url_env} is not set or empty")
    return AppriseNotifier(cfg.name, cfg.type, url, url_env=cfg.url_env)
