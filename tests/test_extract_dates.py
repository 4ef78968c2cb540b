"""extractors.dates: formats, zones, plausibility, table-driven."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.dates import parse_date

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)

CASES = [
    ("Thu, 04 Jan 2018 18:47:21 +0000", "2018-01-04T18:47:21+00:00"),
    ("Mon, 13 May 2024 13:00:00 EDT", "2024-05-13T17:00:00+00:00"),
    ("Mon, 13 May 2024 09:00:00 GMT", "2024-05-13T09:00:00+00:00"),
    ("Mon, 13 May 2024 18:00:00 KST", "2024-05-13T09:00:00+00:00"),
    ("13 May 2024 10:00 +0900", "2024-05-13T01:00:00+00:00"),
    ("13 May 2024", "2024-05-13T00:00:00+00:00"),
    ("2024-05-13T10:00:00Z", "2024-05-13T10:00:00+00:00"),
    ("2024-05-13T10:00:00.123456+09:00", "2024-05-13T01:00:00.123456+00:00"),
    ("2024-05-13T10:00:00+0900", "2024-05-13T01:00:00+00:00"),
    ("2024-05-13 10:00:00", "2024-05-13T10:00:00+00:00"),
    ("2024-05-13", "2024-05-13T00:00:00+00:00"),
    ("2024.05.13", "2024-05-13T00:00:00+00:00"),
    ("2024. 5. 13.", "2024-05-13T00:00:00+00:00"),
    ("2024/05/13 14:30", "2024-05-13T14:30:00+00:00"),
    ("2024년 5월 13일", "2024-05-13T00:00:00+00:00"),
    ("2024년 05월 13일 (월) 14:05", "2024-05-13T14:05:00+00:00"),
    ("등록일 : 2024.05.13", "2024-05-13T00:00:00+00:00"),
    ("2024年5月13日", "2024-05-13T00:00:00+00:00"),
    ("2024年5月13日（月）", "2024-05-13T00:00:00+00:00"),
    ("2024年05月13日 09時30分", "2024-05-13T09:30:00+00:00"),
    # implausible or unparseable -> None
    ("Thu, 01 Jan 1970 00:00:00 GMT", None),
    ("1989-12-31", None),
    ("2024-06-04", None),  # three days after NOW
    ("2099-01-01T00:00:00Z", None),
    ("2024-13-45", None),
    ("2024-02-30", None),
    ("yesterday", "2024-05-31T12:00:00+00:00"),  # relative forms count back from now (issue 15)
    ("sometime soon", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_parse_date(raw, expected):
    parsed = parse_date(raw, now=NOW)
    assert (parsed.isoformat() if parsed else None) == expected
    if parsed:
        assert parsed.tzinfo is UTC


def test_two_days_ahead_is_still_plausible():
    assert parse_date("2024-06-03T11:00:00Z", now=NOW) is not None
