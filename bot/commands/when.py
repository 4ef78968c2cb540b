"""Dates as people type them on the command line: `2026-11-01`, `7d`, `yesterday`, `2 weeks ago`, `last monday`.

Rules: ISO dates and datetimes are read exactly (datetime.fromisoformat); everything else goes through
dateparser (English, UTC, dates in the past preferred). A date given without a time of day is that day
(YYYY-MM-DD: the archive compares ISO strings, so a day covers its whole length); a time of day or an hour or
minute offset keeps the time (UTC, seconds). Day/month order is never guessed: `12/01/2026` is refused, as is
anything dateparser cannot read; both exit 2 with examples.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import click

EXAMPLES = "e.g. 2026-11-01, 2026-11-01T08:00, 7d, 12h, yesterday, '2 weeks ago'"
_COMPACT = re.compile(r"^\s*(\d+)\s*([hdwmy])\s*$", re.I)  # 7d, 12h, 2w, 3m (months), 1y
_COMPACT_UNITS = {"h": "hours", "d": "days", "w": "weeks", "m": "months", "y": "years"}
_NUMERIC = re.compile(r"^\s*\d{1,4}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{1,4}\s*$")  # 12/01/2026, 1.12.2026
_TIMED = re.compile(r"\d:\d|\b(hours?|hrs?|minutes?|mins?|seconds?|secs?|now|noon|midnight)\b|\d\s*[ap]m\b", re.I)
_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
_MONTH_NAME_YEAR = re.compile(r"^\s*[^\W\d]+\.?\s+\d{4}\s*$")  # "November 2026": its first day


def parse_when(text: str, now: datetime | None = None) -> str:
    """The ISO date (YYYY-MM-DD) or UTC datetime `text` names; ValueError with examples when it names none."""
    now = now or datetime.now(UTC)
    value = text.strip()
    if not value:
        raise ValueError(f"empty date ({EXAMPLES})")
    iso = _iso(value)
    if iso is not None:
        return iso
    if _NUMERIC.match(value):
        raise ValueError(f"{text!r}: day and month order is ambiguous; write the ISO date ({EXAMPLES})")
    month = _MONTH.match(value)
    if month and 1 <= int(month.group(2)) <= 12:
        return f"{month.group(1)}-{month.group(2)}-01"
    compact = _COMPACT.match(value)
    if compact:
        value = f"{compact.group(1)} {_COMPACT_UNITS[compact.group(2).lower()]} ago"
    import dateparser  # 0.1 s to import: only for the forms ISO does not cover

    settings = {
        "TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": now.astimezone(UTC).replace(tzinfo=None),
    }
    if _MONTH_NAME_YEAR.match(value):
        settings["PREFER_DAY_OF_MONTH"] = "first"
    found = dateparser.parse(value, languages=["en"], settings=settings)
    if found is None:
        raise ValueError(f"{text!r} is not a date ({EXAMPLES})")
    found = found.astimezone(UTC)
    if _TIMED.search(value):
        return found.isoformat(timespec="seconds")
    return found.date().isoformat()


def _iso(value: str) -> str | None:
    """An ISO 8601 date or datetime as the archive compares it; None when `value` is not ISO-shaped; ValueError
    for an ISO-shaped value that names no real date (2026-13-45)."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date ({EXAMPLES})") from None
    if len(value) == 10:
        return moment.date().isoformat()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class DateParam(click.ParamType):
    """A click option type: the value as parse_when reads it, or a usage error (exit 2) with examples."""

    name = "date"

    def convert(self, value, param, ctx):
        if value is None:
            return None
        try:
            return parse_when(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateParam()
