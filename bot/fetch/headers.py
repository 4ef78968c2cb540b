"""Request headers: what every fetch sends, as the big feed readers send it, and what a source may add.

Rules: the User-Agent names the bot, its version and where to read about it, in the form Miniflux and other
readers use (`Mozilla/5.0 (compatible; NAME/VERSION; +URL)`): sites that refuse bare bot names (cisa.gov
answered 403 to `name/1.0` clients and 200 to this form) accept it, and an operator reading logs knows who came.
`Accept` names what the source type expects (its extractor's ACCEPT). A source's `headers:` add to or replace
these, but never Host (the URL decides it), hop-by-hop fields (RFC 9110 7.6.1), fields the fetcher owns
(conditional GET, encodings, framing) or credentials (sources.yaml is shown, shared and committed).
"""

from __future__ import annotations

import re

from bot import __url__, __version__

USER_AGENT = f"Mozilla/5.0 (compatible; advisory-bot/{__version__}; +{__url__})"
FORBIDDEN = frozenset(
    {
        "host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "content-length", "accept-encoding", "if-none-match", "if-modified-since", "range",
    }
)  # fmt: skip
CREDENTIALS = frozenset({"authorization", "proxy-authorization", "cookie"})
MAX_VALUE = 1000
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # RFC 9110 5.6.2 token: a field name


def check_headers(headers: dict[str, str]) -> dict[str, str]:
    """`headers` if every name may be set by a source (sources.yaml validation), else ValueError naming it."""
    seen: set[str] = set()
    for name, value in headers.items():
        lower = name.lower()
        if not _TOKEN.match(name):
            raise ValueError(f"{name!r} is not a header name")
        if lower in seen:
            raise ValueError(f"{name!r} is given twice")
        seen.add(lower)
        if lower in FORBIDDEN:
            raise ValueError(f"{name!r} cannot be set: Host, hop-by-hop, or set by the fetcher itself")
        if lower in CREDENTIALS:
            raise ValueError(f"{name!r} carries a credential, which does not belong in sources.yaml")
        if any(c in value for c in "\r\n\x00") or len(value) > MAX_VALUE:
            raise ValueError(f"{name!r}: the value must be one line of at most {MAX_VALUE} characters")
    return headers


def request_headers(source) -> dict[str, str]:
    """The headers of a request for `source`: User-Agent, Accept for its type, then its own `headers:`."""
    from extractors import EXTRACTORS

    headers = {"User-Agent": USER_AGENT, "Accept": getattr(EXTRACTORS.get(source.type), "ACCEPT", "*/*")}
    for name, value in getattr(source, "headers", ()) or ():
        for known in [k for k in headers if k.lower() == name.lower()]:
            del headers[known]
        headers[name] = value
    return headers
