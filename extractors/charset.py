"""Bytes -> str for feeds and pages: pick the encoding, decode.

Order (RFC 7303 3.2 for XML, WHATWG "encoding sniffing" for HTML): byte-order mark, then the HTTP
Content-Type charset, then the document's own declaration (<?xml encoding?> or <meta charset>), then UTF-8,
then windows-1252. A candidate that fails to decode strictly is skipped, so a server that says utf-8 for an
EUC-KR feed is survived. Legacy labels map to the supersets browsers use (EUC-KR -> cp949,
Shift_JIS -> cp932, ISO-8859-1 -> windows-1252): real Korean and Japanese sites use those characters.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SUPERSETS = {
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "euc_jp": "euc_jis_2004",
    "latin_1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
}
_LOCALE_FALLBACK = {"ko": "cp949", "ja": "cp932", "zh": "gb18030", "ru": "cp1251"}
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)
_META = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def decode(body: bytes, content_type: str = "", kind: str = "xml", language: str = "") -> tuple[str, str]:
    """Decode `body` (kind "xml" or "html"); return (text, codec used). The BOM is not part of the text.

    `language` (the source's) picks the legacy fallback tried before windows-1252, as browsers use the locale's
    (WHATWG encoding sniffing, last step): a Korean feed that wrongly declares utf-8 is still read as cp949.
    """
    candidates = _candidates(body, content_type, kind)
    legacy = _LOCALE_FALLBACK.get(language.split("-")[0].lower())
    if legacy and legacy not in candidates:
        candidates.insert(candidates.index("cp1252"), legacy)
    for name in candidates:
        try:
            text = body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        return text.removeprefix("\ufeff"), name
    return body.decode("cp1252", "replace"), "cp1252"


def codec(label: str | None) -> str | None:
    """Python codec for a charset label, widened to the superset browsers use; None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name in ("utf-16", "utf-32"):  # no BOM left to tell the byte order: let the sniffer decide
        return None
    return _SUPERSETS.get(name, name)


def _candidates(body: bytes, content_type: str, kind: str) -> list[str]:
    out: list[str | None] = []
    for bom, name in _BOMS:
        if body.startswith(bom):
            out.append(name)
            break
    if body[:4] in (b"\x00<\x00?", b"\x00<\x00!"):
        out.append("utf-16-be")
    elif body[:4] in (b"<\x00?\x00", b"<\x00!\x00"):
        out.append("utf-16-le")
    match = _HTTP_CHARSET.search(content_type or "")
    out.append(codec(match.group(1)) if match else None)
    head = body[:4096]
    declared = _XML_DECL.search(head) if kind == "xml" else _META.search(head) if kind == "html" else None
    if declared is None and kind == "xml":  # an XML-ish page without a declaration may still carry <meta>
        declared = _META.search(head)
    out.append(codec(declared.group(1).decode("ascii", "replace")) if declared else None)
    out += ["utf-8", "cp1252"]
    seen: list[str] = []
    for name in out:
        if name and name not in seen:
            seen.append(name)
    return seen
