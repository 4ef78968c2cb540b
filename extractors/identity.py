"""Item identity: the one function that says which entries are the same, and URL normalisation.

Rules (miniflux rss/adapter.go): the key is the GUID, else the normalised URL, else title + date.
A GUID that is an http(s) URL is normalised like a URL, so one article carried by two sources gets one id;
an opaque GUID ("123", "tag:...", "urn:uuid:...") is namespaced by source, since two feeds may share it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

ID_LENGTH = 24  # hex chars of sha256: 96 bits, plenty for a per-archive dedupe key

# Query parameters that only track the reader; dropped from every URL. `source` only when it names the feed.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url", "spm", "oly_anon_id", "oly_enc_id",
        "vero_id", "wt.mc_id", "s_cid", "cmpid", "at_medium", "at_campaign",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
FEED_SOURCE_VALUES = frozenset({"rss", "feed", "atom", "rss2", "feedburner", "twitter", "newsletter"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# WHATWG URL: tab and newline are removed anywhere; C0 controls and space are trimmed at the ends.
_STRIP_INNER = re.compile(r"[\t\n\r]")
_TRIM = "".join(chr(c) for c in range(0x21)) + "\u00a0\ufeff"
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/?%:@!$&'()*+,;=-._~[]|"
_WS = re.compile(r"\s+")


def normalize_url(url: str | None, base: str | None = None) -> str:
    """Canonical form of an http(s) URL, resolved against `base`; "" for anything else.

    Lower-cases scheme and host, drops userinfo, default ports, the fragment and tracking parameters,
    removes dot segments, sorts the remaining query parameters and keeps the path's case.
    """
    if not url:
        return ""
    url = _STRIP_INNER.sub("", url).strip(_TRIM)
    if not url:
        return ""
    try:
        if base:
            url = urljoin(_STRIP_INNER.sub("", base).strip(_TRIM), url)
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").rstrip(".")  # .hostname is already lower-case, without userinfo
        port = parts.port
    except ValueError:  # bad port, bad IPv6 literal
        return ""
    if scheme not in DEFAULT_PORTS or not host:
        return ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = quote(_remove_dot_segments(parts.path) or "/", safe=_PATH_SAFE)
    return urlunsplit((scheme, netloc, path, _clean_query(parts.query), ""))


def _clean_query(query: str) -> str:
    """Drop tracking parameters, sort the rest; pieces keep their own encoding ("?123" stays "?123")."""
    kept = []
    for piece in query.split("&"):
        if not piece:
            continue
        key, _, value = piece.partition("=")
        name = unquote(key.replace("+", " ")).strip().lower()
        if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
            continue
        if name == "source" and unquote(value).lower() in FEED_SOURCE_VALUES:
            continue
        kept.append(quote(piece, safe=_QUERY_SAFE))
    return "&".join(sorted(kept))


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4, so /a/./b/../c and /a/c are one URL."""
    if "." not in path:
        return path
    out: list[str] = []
    segments = path.split("/")
    for i, seg in enumerate(segments):
        if seg == ".":
            if i == len(segments) - 1:
                out.append("")
        elif seg == "..":
            if len(out) > 1:
                out.pop()
            if i == len(segments) - 1:
                out.append("")
        else:
            out.append(seg)
    return "/".join(out)


def identity_key(source: str, guid: str | None, url: str, title: str, published: datetime | None) -> str:
    """The readable key behind item_id: 'url:...', 'guid:<source>:...' or 'title:<source>:...'."""
    guid = (guid or "").strip()
    if guid:
        as_url = normalize_url(guid) if guid.lower().startswith(("http://", "https://")) else ""
        return f"url:{as_url}" if as_url else f"guid:{source}:{guid}"
    normalized = normalize_url(url)
    if normalized:
        return f"url:{normalized}"
    when = published.astimezone(UTC).isoformat() if published else ""
    return f"title:{source}:{_WS.sub(' ', title).strip().casefold()}:{when}"


def item_id(source: str, guid: str | None, url: str, title: str, published: datetime | None) -> str:
    """Stable id of an entry: sha256 prefix of GUID -> normalised URL -> title + date (see module docstring)."""
    key = identity_key(source, guid, url, title, published)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:ID_LENGTH]
