"""Deliver alerts through Apprise: Microsoft Teams (workflows), Discord, Mattermost, Matrix, e-mail, any Apprise URL.

Rules:
- One `apprise.Apprise()` per notifier, holding exactly one URL, validated at start-up: Apprise must understand
  it and its plugin must fit the configured kind (an `email` notifier with a `discord://` URL is a ConfigError).
- The URL is a credential (webhook tokens, passwords): no message we build shows it, and while Apprise works for
  us its log records pass through a filter that masks every part of it (Apprise logs POST URLs at DEBUG).
- Feed text is escaped for the renderer behind the kind: CommonMark-style backslash escapes where the service
  renders Markdown itself (Teams, Discord, Mattermost); entities plus Python-Markdown escapes where Apprise turns
  Markdown into HTML (Matrix, e-mail), so `<img ...>` in a title arrives as text. Feed URLs are defanged as in
  Slack (no link previews of attacker pages) and `@everyone`/`@channel`/`@room` mentions are broken.
- A generic `apprise` URL gets plain text: its renderer is unknown, and plain text reads right everywhere.
- notify() returning False is a transient NotifyError carrying the reason Apprise logged for that call
  (captured, redacted): the outbox row stays pending.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import parse_qsl, unquote, urlsplit

import apprise

from bot.errors import ConfigError, NotifyError
from bot.notify.console import render
from bot.notify.escape import clean, defang
from bot.notify.message import Card, Message
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
FLAVOURS = {"teams": "markdown", "discord": "markdown", "mattermost": "markdown", "matrix": "html",
            "email": "html", "apprise": "text"}  # fmt: skip
TITLE_LIMIT, FIELD_LIMIT, SUBJECT_LIMIT = 300, 500, 200

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_~|\[\]<>#!])")  # CommonMark: any ASCII punctuation may be escaped
_HTML_MD_SPECIAL = re.compile(r"([\\`*_\[\]#!])")  # what Python-Markdown honours; & < > become entities
_MENTION = re.compile(r"@(everyone|here|channel|all|room)\b", re.IGNORECASE)
_URL_TOKEN = re.compile(r"https?://[^\s<>()\[\]`*|\\\"']+")
_ANY_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s'\"<>]+", re.IGNORECASE)


def _mentions(text: str) -> str:
    return _MENTION.sub("@\u200b\\1", text)


def escape_md(text: str, flavour: str) -> str:
    """Feed text -> inert Markdown for the flavour ('markdown' or 'html'); 'text' only breaks mentions."""
    if flavour == "markdown":
        text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
        text = re.sub(r"&(?=#?\w+;)", r"\\&", text)  # `&amp;` in feed text stays literal
    elif flavour == "html":
        text = _HTML_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return _mentions(text)


def _escape_keep_urls(text: str, flavour: str) -> str:
    """Escape a line of our own text, leaving plain http(s) URLs raw so they stay clickable."""
    if flavour == "text":
        return _mentions(text)
    out, last = [], 0
    for m in _URL_TOKEN.finditer(text):
        out += [
            escape_md(text[last : m.start()], flavour),
            m.group(0) if flavour == "markdown" else html.escape(m.group(0)),
        ]
        last = m.end()
    line = "".join([*out, escape_md(text[last:], flavour)])
    return "\\" + line if line[:1] in "#>" else line  # no heading or quote from a line's first character


def _short(text: str, limit: int) -> str:
    text = clean(text, single_line=True)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _link_target(url: str) -> str:
    """An http(s) URL safe inside `(...)`: the characters that would end or break the destination encoded."""
    for char, code in (("\\", "%5C"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), (" ", "%20")):
        url = url.replace(char, code)
    return url


def render_markdown(card: Card, flavour: str = "markdown") -> str:
    """A card as Markdown: linked title, context line, facts, quoted snippet; all feed text defanged and escaped."""

    def esc(text: str, limit: int = FIELD_LIMIT) -> str:
        return escape_md(defang(_short(text, limit)), flavour)

    title = esc(card.title, TITLE_LIMIT)
    lines = [f"**[{title}]({_link_target(card.url)})**" if card.url else f"**{title}**"]
    context = [card.headline, f"Source: {', '.join(card.sources)}"]
    if card.published:
        context.append(f"Published: {card.published}")
    context.append(f"Score: {card.score:.2f}")
    lines.append(esc(" \u00b7 ".join(context)))
    facts = [("Actors", card.actors), ("Sectors", card.sectors), ("Malware", card.malware),
             ("CVEs / advisories", card.ids), ("Wallets", card.wallets_shown)]  # fmt: skip
    lines += [f"**{label}:** {esc(', '.join(values))}" for label, values in facts if values]
    if card.show_command:
        lines.append(f"Archive: {esc(card.show_command)}")
    text = "  \n".join(lines)  # two spaces: a hard line break in CommonMark and Python-Markdown
    if card.snippet:
        quoted = []
        for segment, hit in card.snippet:
            segment = re.sub(r"\s+", " ", segment)
            safe = escape_md(defang(clean(segment, single_line=True, strip=False)), flavour)
            quoted.append(f"**{safe}**" if hit and safe and safe == safe.strip() else safe)
        text += "\n\n> " + "".join(quoted).strip()
    return text


def render_plain_md(text: str, flavour: str) -> str:
    """A message without a card (digest, ops event): its plain text, line by line, escaped for the flavour."""
    lines = [_escape_keep_urls(line, flavour) for line in clean(text).split("\n")]
    return "  \n".join(lines) if flavour != "text" else "\n".join(lines)


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

    def render(self, message: Message) -> tuple[str, str, str]:
        """(title, body, body_format) for the message, as this kind's renderer needs them."""
        card = message.card
        title = (
            _mentions(defang(_short(f"{card.headline}: {card.title}", SUBJECT_LIMIT)))
            if card and self.kind == "email"
            else ""
        )
        if self.flavour == "text":
            text = "\n".join(render(card)) if card else (message.plain or html.unescape(message.text))
            return title, render_plain_md(text, "text"), apprise.NotifyFormat.TEXT
        if card:
            return title, render_markdown(card, self.flavour), apprise.NotifyFormat.MARKDOWN
        return (
            title,
            render_plain_md(message.plain or html.unescape(message.text), self.flavour),
            apprise.NotifyFormat.MARKDOWN,
        )

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
    payload = (message.metadata or {}).get("event_payload") or {}
    return str(next((payload[k] for k in ("alert_id", "key", "item_id") if payload.get(k) is not None), "sent"))


def from_config(cfg, env: Mapping[str, str]) -> AppriseNotifier:
    """An AppriseNotifier from a routes.yaml entry; the URL comes from the variable named by `url_env`."""
    url = (env.get(cfg.url_env) or "").strip() if cfg.url_env else ""
    if not url:
        raise ConfigError(f"notify: {cfg.type} {cfg.name}: environment variable {cfg.url_env} is not set or empty")
    return AppriseNotifier(cfg.name, cfg.type, url, url_env=cfg.url_env)
