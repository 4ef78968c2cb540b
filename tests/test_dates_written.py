"""extractors.dates on dates as pages print them: English month names, Korean and Japanese boards, relative
forms, dates inside other words, and a source's own time zone for values written without one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.dates import parse_date, valid_timezone

NOW = datetime(2026, 9, 5, 3, 0, tzinfo=UTC)  # 12:00 in Seoul

WRITTEN = [
    # English month names, with or without time and zone
    ("September 4, 2026", "2026-09-04T00:00:00+00:00"),
    ("September 04, 2026 - Sanctions List Updates", "2026-09-04T00:00:00+00:00"),  # OFAC's meta line
    ("Sep. 3, 2026", "2026-09-03T00:00:00+00:00"),
    ("Sep 3, 2026", "2026-09-03T00:00:00+00:00"),
    ("2 September 2026", "2026-09-02T00:00:00+00:00"),
    ("September 4, 2026 10:30 AM EDT", "2026-09-04T14:30:00+00:00"),
    ("Updated Sep 3, 2026 at 4:05 pm", "2026-09-03T16:05:00+00:00"),
    # Korean and Japanese boards
    ("2026. 9. 1.", "2026-09-01T00:00:00+00:00"),
    ("2026년 8월 31일 (월)", "2026-08-31T00:00:00+00:00"),
    ("2026-09-04 오후 3:20", "2026-09-04T15:20:00+00:00"),
    ("2026年9月1日（火）", "2026-09-01T00:00:00+00:00"),
    ("2026年9月1日 午後2時", "2026-09-01T14:00:00+00:00"),
    # relative forms, counted back from now
    ("3시간 전", "2026-09-05T00:00:00+00:00"),
    ("5분 전", "2026-09-05T02:55:00+00:00"),
    ("2 hours ago", "2026-09-05T01:00:00+00:00"),
    ("2時間前", "2026-09-05T01:00:00+00:00"),
    # not a day: no date rather than a guessed one
    ("September 2026", None),
    ("Sanctions List Updates", None),
    ("13 items", None),
    ("CVE-2024-1234", None),
    ("Sep 31, 2026", None),
    ("in 3 days", None),  # ahead of the plausibility window
    ("September 4, 1989", None),
]


@pytest.mark.parametrize(("raw", "expected"), WRITTEN)
def test_dates_as_pages_print_them(raw, expected):
    parsed = parse_date(raw, now=NOW)
    assert (parsed.isoformat() if parsed else None) == expected
    if parsed:
        assert parsed.tzinfo is UTC


SEOUL = [
    # a date without a zone is that day in the source's zone: 2026-09-04 in Seoul began at 15:00 UTC the day before
    ("2026-09-04", "2026-09-03T15:00:00+00:00"),
    ("2026.09.04", "2026-09-03T15:00:00+00:00"),
    ("2026년 9월 4일", "2026-09-03T15:00:00+00:00"),
    ("2026-09-04 10:00:00", "2026-09-04T01:00:00+00:00"),
    ("04 Sep 2026", "2026-09-03T15:00:00+00:00"),
    ("September 4, 2026", "2026-09-03T15:00:00+00:00"),
    ("2026-09-04 오후 3:20", "2026-09-04T06:20:00+00:00"),
    ("3시간 전", "2026-09-05T00:00:00+00:00"),  # relative: the same instant whatever the zone
    # a written zone wins over the source's
    ("Fri, 04 Sep 2026 10:00:00 +0000", "2026-09-04T10:00:00+00:00"),
    ("Fri, 04 Sep 2026 10:00:00 GMT", "2026-09-04T10:00:00+00:00"),
    ("2026-09-04T10:00:00Z", "2026-09-04T10:00:00+00:00"),
    ("September 4, 2026 10:30 AM EDT", "2026-09-04T14:30:00+00:00"),
]


@pytest.mark.parametrize(("raw", "expected"), SEOUL)
def test_source_time_zone_for_values_without_one(raw, expected):
    parsed = parse_date(raw, now=NOW, tz="Asia/Seoul", language="ko")
    assert (parsed.isoformat() if parsed else None) == expected


def test_the_same_date_is_utc_without_a_time_zone():
    assert parse_date("2026-09-04", now=NOW) == datetime(2026, 9, 4, tzinfo=UTC)


def test_year_one_in_a_far_east_zone_is_no_date_and_no_crash():
    assert parse_date("0001-01-01", now=NOW, tz="Pacific/Kiritimati") is None


@pytest.mark.parametrize("name", ["Asia/Seoul", "Asia/Tokyo", "America/New_York", "UTC"])
def test_known_time_zones_validate(name):
    assert valid_timezone(name) == name


@pytest.mark.parametrize("name", ["KST", "Asia/Pyongyang-ish", "", "../../etc/passwd"])
def test_unknown_time_zones_are_refused(name):
    with pytest.raises(ValueError, match="unknown time zone"):
        valid_timezone(name)
