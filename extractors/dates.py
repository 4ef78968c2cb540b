"""Dates as sources write them -> timezone-aware UTC datetimes, or None.

Exact forms first, by hand and fast: RFC 822/1123 (RSS), ISO 8601 / RFC 3339 (Atom, JSON), and the Korean and
Japanese board forms (2024.05.13, 2024/05/13, 2024년 5월 13일, 2024年5月13日, optionally with HH:MM[:SS]).
Everything else as pages print it goes to dateparser (the kept library that reads 200 languages): English month
names (`September 4, 2026`, `Sep. 3, 2026`, `2 September 2026`, with or without time and zone), Korean and
Japanese dates with weekdays or 오후/午後, and relative forms (`3시간 전`, `2時間前`, `2 hours ago`) counted back
from `now`. A date inside other words (`September 04, 2026 - Sanctions List Updates`) is searched for. Absolute
dates need day, month and year: `September 2026` or `13 items` is no date.

A value without a zone is local time in `tz` (a source's `timezone:`, default UTC), so a date-only `2026-09-04`
of a Seoul board is that Seoul day. Implausible dates (before 1990, or more than two days ahead of `now`) are
None: a feed that says 1970-01-01 or 2099 is wrong, and a wrong date must not sort an item to the top.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

EARLIEST_YEAR = 1990
MAX_AHEAD = timedelta(days=2)
MAX_TEXT = 80  # a date is short; a longer string is cut before parsing (and searched within)
LANGUAGES = ("en", "ko", "ja")  # always tried by dateparser, plus the source's own language

_CJK = re.compile(
    r"(?P<y>\d{4})\s*(?:[.\-/]|년|年)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월|月)\s*(?P<d>\d{1,2})\s*(?:일|日)?\.?"
    r"(?:\s*(?:\([^)]{1,3}\)|（[^）]{1,3}）))?"  # weekday such as (월) or （月）
    r"(?:\s*T?\s*(?P<H>\d{1,2})\s*(?::|시|時)\s*(?P<M>\d{1,2})(?:\s*(?::|분|分)\s*(?P<S>\d{1,2}))?)?"
)
_CJK_AFTER = re.compile(r"\s*(?:오전|오후|午前|午後|[AaPp]\.?[Mm]\b)")  # a 12-hour clock: dateparser's job
_ISO_Z = re.compile(r"[zZ]$")
# Abbreviations RFC 822 does not know but Asian and European feeds use.
_ZONES = {"KST": "+0900", "JST": "+0900", "CET": "+0100", "CEST": "+0200", "BST": "+0100", "IST": "+0530"}
_ZONE_WORD = re.compile(r"\b(" + "|".join(_ZONES) + r")\b")
_HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")
_KANA_KANJI = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
DateReader = Callable[[str | None], datetime | None]
_DATEPARSER_LOCK = threading.Lock()  # its caches fill on first use of a language; fetch threads share them


def parse_date(
    value: str | None, now: datetime | None = None, tz: str | tzinfo | None = None, language: str | None = None
) -> datetime | None:
    """Parse one date string to aware UTC; None when unparseable or implausible (see module docstring).

    `tz`: the zone of values written without one (an IANA name or a tzinfo; default UTC). `language`: the
    source's language, tried by dateparser next to English, Korean and Japanese.
    """
    if not value:
        return None
    text = value.strip()[:MAX_TEXT]
    if not text:
        return None
    zone = _zone(tz)
    now = now or datetime.now(UTC)
    parsed = _rfc822(text) or _iso(text) or _cjk(text)
    if parsed is None:
        parsed = _written(text, now, zone, language)
    elif parsed.tzinfo is None:
        parsed = _localize(parsed, zone)
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


def valid_timezone(name: str) -> str:
    """`name` if it is an IANA time zone this machine knows (config validation), else ValueError."""
    try:
        _zone(name)
    except (ValueError, KeyError, OSError) as exc:
        raise ValueError(f"unknown time zone {name!r} (use an IANA name such as Asia/Seoul or UTC)") from exc
    return name


@lru_cache(maxsize=64)
def _zone_named(name: str) -> tzinfo:
    if name.upper() == "UTC":
        return UTC
    if "/" not in name and not name.startswith("Etc"):  # ZoneInfo("KST") would look for a file named KST
        raise ValueError(name)
    return ZoneInfo(name)


def _zone(tz: str | tzinfo | None) -> tzinfo:
    if tz is None:
        return UTC
    return _zone_named(tz) if isinstance(tz, str) else tz


def _localize(naive: datetime, zone: tzinfo) -> datetime | None:
    if naive.year < EARLIEST_YEAR:  # implausible anyway; converting year 1 from UTC+14 would overflow
        return None
    return naive.replace(tzinfo=zone)


def _rfc822(text: str) -> datetime | None:
    if not re.match(r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}", text):
        return None
    text = _ZONE_WORD.sub(lambda m: _ZONES[m.group(1)], text)
    if ":" not in text:  # "13 May 2024": the email parser wants a time
        text += " 00:00:00"
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None and not re.search(r"(?:[+-]\d{4}|\b[A-Za-z]{1,5})\s*$", text):
        return parsed  # no zone written: the caller's zone applies
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)  # -0000 or an unknown zone word


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
    zone = (match.group(3) or "").upper().replace("Z", "+00:00")
    if zone and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    try:
        return datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}{zone}")
    except ValueError:
        return None


def _cjk(text: str) -> datetime | None:
    match = _CJK.search(text)
    if not match or (match["H"] is None and _CJK_AFTER.match(text, match.end())):
        return None
    try:
        return datetime(
            int(match["y"]),
            int(match["m"]),
            int(match["d"]),
            int(match["H"] or 0),
            int(match["M"] or 0),
            int(match["S"] or 0),
        )
    except ValueError:
        return None


def _written(text: str, now: datetime, zone: tzinfo, language: str | None) -> datetime | None:
    """dateparser on the whole text, then a search for a date inside it."""
    import dateparser
    from dateparser.search import search_dates

    languages = _languages(language)
    settings = {
        "TIMEZONE": _zone_name(zone),
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": now.astimezone(zone).replace(tzinfo=None),  # "2 hours ago" counts back from now
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],  # "September 2026" is not a day
    }
    with _DATEPARSER_LOCK:
        try:
            parsed = dateparser.parse(text, languages=languages, settings=settings)
            if parsed is None:
                found = search_dates(text, languages=_by_script(text, languages), settings=settings)
                parsed = found[0][1] if found else None
        except Exception:  # noqa: BLE001  a library on hostile text: whatever it raises, this field has no date
            return None
    return parsed.astimezone(UTC) if parsed is not None and parsed.year >= EARLIEST_YEAR else None


def _by_script(text: str, languages: list[str]) -> list[str]:
    """The languages worth searching `text` in, by its script: searching in all three costs ~7x (11 ms a string)."""
    if _HANGUL.search(text):
        wanted = "ko"
    elif _KANA_KANJI.search(text):
        wanted = "ja"
    else:
        wanted = "en"
    return [wanted, *(lang for lang in languages if lang not in LANGUAGES)]


def _zone_name(zone: tzinfo) -> str:
    return "UTC" if zone is UTC else str(getattr(zone, "key", None) or zone)


@lru_cache(maxsize=32)
def _languages(language: str | None) -> list[str]:
    from dateparser.languages.loader import default_loader

    known = set(default_loader.get_locale_map())
    extra = [language] if language and language not in LANGUAGES and language in known else []
    return [*LANGUAGES, *extra]


def date_reader(source, now: datetime) -> DateReader:
    """parse_date bound to `now` and to the source's `timezone:` and language: what an extractor reads with."""
    return functools.partial(
        parse_date, now=now, tz=getattr(source, "timezone", None), language=getattr(source, "language", None)
    )
