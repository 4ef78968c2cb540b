"""Make feed text safe for Slack mrkdwn and fit it into Slack's limits.

Rules:
- ALL feed text goes through `escape` (or `link` for the one link we build): Slack's three entities
  (`&` `<` `>`, https://api.slack.com/reference/surfaces/formatting#escaping), so `<!channel>`, `<@U123>` and
  `<https://evil|innocent>` arrive as inert text.
- Control characters, bidi overrides and invisible characters are removed first (`clean`): they reorder or hide
  text in the client ("Trojan Source", CVE-2021-42574) and can smuggle terminal escapes into the console.
- Text that Slack would still turn into a link or a mention is neutralised: URLs, `mailto:` and bare domains under
  any public suffix (the Public Suffix List the `publicsuffixlist` package ships) are defanged the threat-intel
  way (`hxxps://evil[.]example`), `@channel`/`@here`/`@everyone` get a zero-width break.
- Only http(s) URLs become links; truncation never cuts inside an entity (`&amp;`) or a `<url|label>` link.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from publicsuffixlist import PublicSuffixList

# Slack limits: https://api.slack.com/reference/block-kit/blocks and chat.postMessage "text" (40,000 chars).
SECTION_LIMIT = 3000
FIELD_LIMIT = 2000
BLOCK_LIMIT = 50
TEXT_LIMIT = 40000
ELLIPSIS = "\u2026"

# Bidi embeddings/overrides/isolates (Trojan Source), marks, zero-width and invisible characters, BOM, the
# interlinear annotation controls and Unicode tag characters (hidden "ASCII smuggling").
_INVISIBLE = re.compile(
    "[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")  # CSI, OSC, 2-byte
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls except \t and \n
_LINE_SEPARATORS = re.compile("\r\n?|[\u2028\u2029\x85]")
_SPACES = re.compile(r"\s+")
_BLANKS = re.compile(r"[^\S\n]+")

# a scheme and host Slack would link; the host ends where a URL's host ends (`|` included: `<a|b>` is Slack's)
_URL_HOST = re.compile(r"\b(https?|ftp|hxxps?|fxp)://([^\s<>\"'/?#|\\]*)", re.IGNORECASE)
_SCHEME = re.compile(r"\b(h)tt(ps?)://|\b(f)t(p)://", re.IGNORECASE)
_BARE_DOT = re.compile(r"(?<!\[)\.(?!\])")  # a dot not defanged already
_MAILTO = re.compile(r"\bmailto:", re.IGNORECASE)
# a dotted name: Slack links it (bare, in a path, after an @) when its last labels are a public suffix
_DOTTED = re.compile(r"(?<![\w.-])(?:[\w-]+\.)+[\w-]+")
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_ENTITY_TAIL = re.compile(r"&[a-z]{0,3}$")


def clean(text: str, *, single_line: bool = False, strip: bool = True) -> str:
    """Remove controls, bidi overrides and invisible characters; NFC-normalise (Korean may arrive as jamo)."""
    text = unicodedata.normalize("NFC", text or "")
    text = _LINE_SEPARATORS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", _ANSI.sub("", text)).replace("\t", " ")
    text = _SPACES.sub(" ", text) if single_line else _BLANKS.sub(" ", text)
    return text.strip() if strip else text


@functools.cache
def _suffixes() -> PublicSuffixList:
    """The Public Suffix List's ICANN section, from the snapshot the package ships (never fetched)."""
    return PublicSuffixList(only_icann=True)


def _has_public_suffix(name: str) -> bool:
    labels = name.lower().split(".")
    if not all(labels) or labels[-1].isdigit():  # "v2..3", "Version 2.1", addresses: not a host name
        return False
    return _suffixes().publicsuffix(".".join(labels), accept_unknown=False) not in (None, ".".join(labels))


def defang(text: str) -> str:
    """Stop chat clients from auto-linking feed text, the threat-intel way.

    `https://a.b/c` -> `hxxps://a[.]b/c` wherever a scheme appears (after `|`, inside a path too), the dots of
    every URL host, every dotted name ending in a public suffix (Public Suffix List: `evil[.]de`,
    `x[.]co[.]uk`), and `mailto[:]`. Names under no public suffix (`Version 2.1`, `file.exe`) stay as written.
    """
    text = _URL_HOST.sub(lambda m: f"{m.group(1)}://{_BARE_DOT.sub('[.]', m.group(2))}", text)
    text = _SCHEME.sub(
        lambda m: f"{m.group(1)}xx{m.group(2)}://" if m.group(1) else f"{m.group(3)}x{m.group(4)}://", text
    )
    text = _MAILTO.sub(lambda m: m.group(0)[:-1] + "[:]", text)
    return _DOTTED.sub(lambda m: m.group(0).replace(".", "[.]") if _has_public_suffix(m.group(0)) else m.group(0), text)


def escape(text: str, *, single_line: bool = True, strip: bool = True) -> str:
    """Feed text -> inert mrkdwn: cleaned, defanged, entities escaped, broadcast mentions broken."""
    text = defang(clean(text, single_line=single_line, strip=strip))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub("@\u200b\\1", text)


def safe_url(url: str) -> str | None:
    """The URL if it is a plain http(s) URL, else None (no javascript:, data:, slack:// ...)."""
    url = clean(url or "", single_line=True)
    if not re.match(r"https?://[^\s/?#]+", url, re.IGNORECASE) or any(c.isspace() for c in url):
        return None
    return url


def link(url: str, label: str, *, label_limit: int = 300) -> str:
    """`<url|label>` for an http(s) URL (its `&`, `<`, `>`, `|` escaped), else just the escaped label."""
    text = truncate(escape(label), label_limit)
    target = safe_url(url)
    if target is None:
        return text
    # Slack: escape & < > in the URL too; a `|` would end the URL early, so percent-encode it.
    target = target.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"<{target}|{text}>"


def truncate(mrkdwn: str, limit: int) -> str:
    """Cut escaped mrkdwn to at most `limit` chars with an ellipsis, never inside `&amp;` or a `<...>` link."""
    if len(mrkdwn) <= limit:
        return mrkdwn
    cut = mrkdwn[: max(limit - len(ELLIPSIS), 0)]
    tail = _ENTITY_TAIL.search(cut)
    if tail:
        cut = cut[: tail.start()]
    if cut.rfind("<") > cut.rfind(">"):  # inside one of our links: drop the whole link
        cut = cut[: cut.rfind("<")]
    return cut.rstrip() + ELLIPSIS


def fit_blocks(blocks: list[dict], limit: int = BLOCK_LIMIT) -> list[dict]:
    """At most `limit` blocks; the last kept one says how many were dropped."""
    if len(blocks) <= limit:
        return blocks
    dropped = len(blocks) - limit + 1
    note = {"type": "context", "elements": [{"type": "mrkdwn", "text": f"{ELLIPSIS} {dropped} more blocks omitted"}]}
    return [*blocks[: limit - 1], note]
