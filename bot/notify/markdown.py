"""Render cards as Markdown for services that show it: CommonMark-style for chat services, Python-Markdown for HTML.

Rules: feed text is escaped for the renderer behind the flavour: CommonMark backslash escapes where the service
renders Markdown itself ('markdown': Teams, Discord, Mattermost); entities plus Python-Markdown escapes where Apprise
turns Markdown into HTML ('html': Matrix, e-mail), so `<img ...>` in a title arrives as text; 'text' only breaks
mentions. Feed URLs inside text are defanged (no link previews of attacker pages), `@everyone`/`@channel`/`@room`
mentions are broken, and only the card's own http(s) link becomes a Markdown link, its target percent-encoded where
it would end the destination (`[x](javascript:...)` in a title stays escaped text).
"""

from __future__ import annotations

import html
import re

from bot.notify.card import LIST_LIMIT, AlertCard, AnyCard, BurstCard, Card, DigestCard, FollowupCard, ListCard, OpsCard
from bot.notify.escape import ELLIPSIS, clean, defang

TITLE_LIMIT, FIELD_LIMIT = 300, 500

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_~|\[\]<>#!])")  # CommonMark: any ASCII punctuation may be escaped
_HTML_MD_SPECIAL = re.compile(r"([\\`*_\[\]#!])")  # what Python-Markdown honours; & < > become entities
_MENTION = re.compile(r"@(everyone|here|channel|all|room)\b", re.IGNORECASE)
_URL_TOKEN = re.compile(r"https?://[^\s<>()\[\]`*|\\\"']+")


def break_mentions(text: str) -> str:
    """`@everyone`, `@here`, `@channel`, `@all`, `@room` with a zero-width break: they notify nobody."""
    return _MENTION.sub("@\u200b\\1", text)


def escape_md(text: str, flavour: str) -> str:
    """Feed text -> inert Markdown for the flavour ('markdown' or 'html'); 'text' only breaks mentions."""
    if flavour == "markdown":
        text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
        text = re.sub(r"&(?=#?\w+;)", r"\\&", text)  # `&amp;` in feed text stays literal
    elif flavour == "html":
        text = _HTML_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return break_mentions(text)


def _escape_keep_urls(text: str, flavour: str) -> str:
    """Escape a line of our own text, leaving plain http(s) URLs raw so they stay clickable."""
    if flavour == "text":
        return break_mentions(text)
    out, last = [], 0
    for m in _URL_TOKEN.finditer(text):
        out += [
            escape_md(text[last : m.start()], flavour),
            m.group(0) if flavour == "markdown" else html.escape(m.group(0)),
        ]
        last = m.end()
    line = "".join([*out, escape_md(text[last:], flavour)])
    return "\\" + line if line[:1] in "#>" else line  # no heading or quote from a line's first character


def shorten(text: str, limit: int) -> str:
    """One cleaned line of at most `limit` characters, an ellipsis where it was cut."""
    text = clean(text, single_line=True)
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


def _link_target(url: str) -> str:
    """An http(s) URL safe inside `(...)`: the characters that would end or break the destination encoded."""
    for char, code in (("\\", "%5C"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), (" ", "%20")):
        url = url.replace(char, code)
    return url


def render_markdown(card: Card, flavour: str = "markdown") -> str:
    """A card as Markdown: linked title, context line, facts, quoted snippet; all feed text defanged and escaped."""

    def esc(text: str, limit: int = FIELD_LIMIT) -> str:
        return escape_md(defang(shorten(text, limit)), flavour)

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
    """Plain text, line by line, escaped for the flavour with its http(s) URLs left clickable."""
    lines = [_escape_keep_urls(line, flavour) for line in clean(text).split("\n")]
    return "  \n".join(lines) if flavour != "text" else "\n".join(lines)


def _list_item(card: Card, flavour: str) -> str:
    """One listed item: linked title, actors, date, the source that carried it."""
    title = escape_md(defang(shorten(card.title, TITLE_LIMIT)), flavour)
    line = f"[{title}]({_link_target(card.url)})" if card.url else title
    if card.actors:
        line += " (" + escape_md(defang(shorten(", ".join(card.actors), FIELD_LIMIT)), flavour) + ")"
    if card.published:
        line += f" {card.published}"
    if card.sources:
        line += " \u2014 " + escape_md(defang(shorten(card.sources[0], FIELD_LIMIT)), flavour)
    return "- " + line


def render_card_markdown(card: AnyCard, flavour: str = "markdown") -> str:
    """Any card as Markdown for the flavour: an alert as render_markdown, lists as a bold heading and a bullet list
    of linked titles, an ops event as a bold title and its lines; all feed text defanged and escaped."""
    if isinstance(card, AlertCard):
        return render_markdown(card.item, flavour)

    def bold(text: str) -> str:
        return f"**{escape_md(defang(shorten(text, FIELD_LIMIT)), flavour)}**"

    def listing(cards) -> str:
        return "\n".join(_list_item(c, flavour) for c in cards)

    if isinstance(card, OpsCard):
        lines = [escape_md(defang(shorten(x, FIELD_LIMIT)), flavour) for x in card.lines]
        return "  \n".join([bold(card.title), *lines])
    if isinstance(card, DigestCard):
        head = f"DPRK digest ({card.route}): {len(card.items)} item(s), window ending {card.window}"
        parts = [bold(head)]
        for actor, members in card.groups():
            parts += [f"{bold(actor)} ({len(members)})", listing(members[:LIST_LIMIT])]
        return "\n\n".join(parts)
    if isinstance(card, BurstCard):
        return "\n\n".join([bold(f"{len(card.items)} new DPRK cyber items. Top items:"), listing(card.best)])
    if isinstance(card, ListCard | FollowupCard):
        return "\n\n".join([bold(card.heading), listing(card.items)] if card.items else [bold(card.heading)])
    raise TypeError(f"notify: no Markdown rendering for {type(card).__name__}")
