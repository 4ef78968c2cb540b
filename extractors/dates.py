"""Dates as sources write them -> timezone-aware UTC datetimes, or None.

Understands RFC 822/1123 (RSS), ISO 8601 / RFC 3339 (Atom, JSON), and the Korean and Japanese board forms
(2024.05.13, 2024-05-13, 2024/05/13, 2024년 5월 13일, 2024年5月13日, optionally followed by HH:MM[:SS]).
A date without a zone is taken as UTC. Implausible dates (before 1990, or more than two days ahead of `now`)
are None: a feed that says 1970-01-01 or 2099 is wrong, and a wrong date must not sort an item to the top.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

EARLIEST_YEAR = 1990
MAX_AHEAD = timedelta(days=2)

_CJK = re.compile(
    r"(?P<y>\d{4})\s*(?:[.\-/]|년|年)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월|月)\s*(?P<d>\d{1,2})\s*(?:일|日)?\.?"
    r"(?:\s*(?:\([^)]{1,3}\)|（[^）]{1,3}）))?"  # weekday such as (월) or （月）
    r"(?:\s*T?\s*(?P<H>\d{1,2})\s*(?::|시|時)\s*(?P<M>\d{1,2})(?:\s*(?::|분|分)\s*(?P<S>\d{1,2}))?)?"
)
_ISO_Z = re.compile(r"[zZ]$")
# Abbreviations RFC 822 does not know but Asian and European feeds use.
_ZONES = {"KST": "+0900", "JST": "+0900", "CET": "+0100", "CEST": "+0200", "BST": "+0100", "IST": "+0530"}
_ZONE_WORD = re.compile(r"\b(" + "|".join(_ZONES) + r")\b")


def parse_date(value: str | None, now: datetime | None = None) -> datetime | None:
    """Parse one date string to aware UTC; None when unparseable or implausible (see module docstring)."""
    if not value:
        return None
    text = value.strip()[:80]
    if not text:
        return None
    parsed = _rfc822(text) or _iso(text) or _cjk(text)
    return plausible(parsed, now)


def plausible(value: datetime | None, now: datetime | None = None) -> datetime | None:
    """`value` in UTC if it lies between 1990 and two days from `now`, else None."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        value = value.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+14:00 or 9999-12-31T23:59-14:00: no UTC datetime exists for it
        return None
    now = now or datetime.now(UTC)
    if value.year < EARLIEST_YEAR or value > now + MAX_AHEAD:
        return None
    return value


def _rfc822(text: str) -> datetime | None:
    if not re.match(r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}", text):
        return None
    text = _ZONE_WORD.sub(lambda m: _ZONES[m.group(1)], text)
    if ":" not in text:  # "13 May 2024": the email parser wants a time
        text += " 00:00:00 +0000"
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _iso(text: str) -> datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}(?:$|[T ]\d)", text):
        return None
    try:
        return datetime.fromisoformat(_ISO_Z.sub("+00:00", text))
    except ValueError:
        pass
    match = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*([zZ]|[+-]\d{2}:?\d{2})?", text)
    if not match:
        return _cjk(text)
    zone = (match.group(3) or "+00:00").upper().replace("Z", "+00:00")
    if ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    try:
        return datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}{zone}")
    except ValueError:
        return None


def _cjk(text: str) -> datetime | None:
    match = _CJK.search(text)
    if not match:
        return None
    try:
        return datetime(
            int(match["y"]),
            int(match["m"]),
            int(match["d"]),
            int(match["H"] or 0),
            int(match["M"] or 0),
            int(match["S"] or 0),
            tzinfo=UTC,
        )
    except ValueError:
        return None
