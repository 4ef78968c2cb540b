"""Content-Encoding, decoded by us in bounded steps, so a body's size cap also bounds the memory it takes.

httpx inflates each network read in one call (a 64 KB read of a gzip bomb became 64 MB at once) and applies
stacked codings each to the whole output of the other (`gzip, gzip`: 1.8 KB on the wire, 1 GiB after the second
layer, 2 GB of RSS before the cap was looked at). Here a read is inflated at most CHUNK bytes at a time (zlib's
`max_length`), and the caller counts the pieces against its cap as they come.

Rules: gzip (x-gzip) and deflate (zlib-wrapped or raw, as httpx reads it) are decoded; identity, and codings we do
not know, pass through unchanged, as httpx does (servers send `Content-Encoding: utf-8` on plain bodies); two or
more compressing codings are refused (we only ever ask for one, `Accept-Encoding: gzip, deflate`). Bytes after
the end of the compressed stream are ignored, as by httpx, and not read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

CHUNK = 64 * 1024
_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


class EncodingError(ValueError):
    """A Content-Encoding refused, or a compressed body that does not decode."""


def decoded(content_encoding: str, raw: Iterable[bytes]) -> Iterator[bytes]:
    """The body of `raw` (the bytes as they came off the wire) decoded, in pieces of at most CHUNK bytes."""
    codings = [c for c in (p.strip().lower() for p in content_encoding.split(",")) if c in _WBITS]
    if len(codings) > 1:
        raise EncodingError(f"stacked content codings ({content_encoding.strip()}) are refused")
    if not codings:
        return iter(raw)
    return _inflate(codings[0], raw)


def _inflate(coding: str, raw: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj(_WBITS[coding])
    first = coding == "deflate"  # "deflate" is often sent raw, without the zlib wrapper: retry once as raw
    for data in raw:
        while data and not inflater.eof:
            try:
                piece = inflater.decompress(data, CHUNK)
            except zlib.error as exc:
                if not first:
                    raise EncodingError(f"undecodable {coding} body: {exc}") from exc
                inflater, first = zlib.decompressobj(-zlib.MAX_WBITS), False
                continue
            first = False
            data = inflater.unconsumed_tail
            if piece:
                yield piece
        if inflater.eof:  # what follows the stream is not read (nor would it count against any cap)
            break
    try:
        rest = inflater.flush()  # what zlib still holds once the input ran out: at most a window (32 KB)
    except zlib.error as exc:
        raise EncodingError(f"undecodable {coding} body: {exc}") from exc
    if rest:
        yield rest
