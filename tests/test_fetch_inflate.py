"""Compressed bodies (issue 13 item 1): inflated in bounded steps against the cap, stacked codings refused.

Memory is measured in-process with tracemalloc (zlib's output buffers are Python bytes, so they are traced);
bench/fetch_bomb.py measures the same as a real process's peak RSS.
"""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import pytest

from bot.errors import FetchError
from bot.fetch.client import fetch, make_client
from bot.fetch.inflate import CHUNK, EncodingError, decoded
from tests.test_fetch import BODY, source

MiB = 2**20


def peak_while(action) -> tuple[int, BaseException | None]:
    """Peak bytes traced while `action()` runs (above what was allocated before), and what it raised."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        try:
            action()
            error = None
        except BaseException as exc:  # handed back to the test
            error = exc
        return tracemalloc.get_traced_memory()[1] - before, error
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_stops_at_the_cap_with_memory_near_the_cap(feed_server):
    feed_server.gzip_bomb("/bomb", size=128 * MiB)  # 130 KB on the wire
    with make_client() as client:
        peak, error = peak_while(lambda: fetch(client, source(feed_server.url("/bomb"), max_bytes=MiB)))
    assert isinstance(error, FetchError) and error.kind == "too_large"
    assert peak < 6 * MiB, f"{peak / MiB:.0f} MiB traced for a 1 MiB cap"  # httpx inflated 64 KB reads at once


def test_stacked_gzip_is_refused_before_inflating(feed_server):
    route = feed_server.gzip_bomb("/bomb2", size=128 * MiB, layers=2)
    assert route.headers["Content-Encoding"] == "gzip, gzip" and len(route.body) < 4096
    with make_client() as client:
        peak, error = peak_while(lambda: fetch(client, source(feed_server.url("/bomb2"), max_bytes=MiB)))
    assert isinstance(error, FetchError) and error.kind == "bad_body" and "stacked" in str(error)
    assert peak < 6 * MiB, f"{peak / MiB:.0f} MiB traced"


def compressed(coding: str, data: bytes) -> bytes:
    if coding in ("gzip", "x-gzip"):
        return gzip.compress(data)
    if coding == "deflate":
        return zlib.compress(data)
    if coding == "raw-deflate":
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return packer.compress(data) + packer.flush()
    return data


@pytest.mark.parametrize(
    ("coding", "header"),
    [
        ("gzip", "gzip"),
        ("x-gzip", "x-gzip"),
        ("gzip", "GZIP, identity"),
        ("deflate", "deflate"),
        ("raw-deflate", "deflate"),  # deflate without its zlib wrapper, as some servers send it
        ("identity", "identity"),
        ("identity", "utf-8"),  # an unknown coding passes through, as with httpx
    ],
)
def test_bodies_decode_as_before(feed_server, coding, header):
    feed_server.serve("/c", compressed(coding, BODY * 50), headers={"Content-Encoding": header})
    with make_client() as client:
        assert fetch(client, source(feed_server.url("/c"))).body == BODY * 50


def test_a_corrupt_gzip_body_is_a_bad_body(feed_server):
    feed_server.serve("/bad", b"\x1f\x8b\x08\x00garbage-not-deflate" * 10, headers={"Content-Encoding": "gzip"})
    with make_client() as client, pytest.raises(FetchError) as info:
        fetch(client, source(feed_server.url("/bad")))
    assert info.value.kind == "bad_body" and "undecodable gzip body" in str(info.value)


def test_pieces_are_bounded_and_trailing_bytes_ignored():
    wire = gzip.compress(bytes(4 * MiB)) + b"trailing junk"
    pieces = list(decoded("gzip", [wire[:100], wire[100:]]))
    assert max(map(len, pieces)) <= CHUNK and b"".join(pieces) == bytes(4 * MiB)
    with pytest.raises(EncodingError, match="stacked"):
        decoded("deflate, gzip", [wire])
