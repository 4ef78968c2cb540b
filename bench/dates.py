"""Benchmark extractors.dates: microseconds per value, by form, and for random hostile strings.

    python bench/dates.py [--n 2000]

Exact forms (RFC 822, ISO 8601, the CJK board forms) never reach dateparser; the written forms do, and a value
that is not a date at all pays for a dateparser parse and a search. Prints one line per form: median and p95.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.dates import parse_date  # noqa: E402

NOW = datetime(2026, 9, 5, 3, 0, tzinfo=UTC)
FORMS = {
    "rfc822": "Fri, 04 Sep 2026 10:00:00 +0000",
    "iso8601": "2026-09-04T10:00:00Z",
    "korean board": "2026년 8월 31일 (월)",
    "english month": "September 4, 2026",
    "inside words": "September 04, 2026 - Sanctions List Updates",
    "relative ko": "3시간 전",
    "not a date": "Sanctions List Updates",
}


def timed(values: list[str], tz: str | None) -> list[float]:
    out = []
    for value in values:
        start = time.perf_counter()
        parse_date(value, NOW, tz=tz, language="ko")
        out.append((time.perf_counter() - start) * 1e6)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    n = parser.parse_args().n
    parse_date("September 4, 2026", NOW)  # dateparser's first call loads its language data
    rng = random.Random(1)
    alphabet = string.printable + "년월일시분전前時間午後오후日月 ()"
    hostile = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80))) for _ in range(n)]
    for name, value in [*FORMS.items(), ("random hostile", None)]:
        values = hostile if value is None else [value] * n
        us = sorted(timed(values, "Asia/Seoul"))
        print(f"{name:<16} median {statistics.median(us):9.1f} us   p95 {us[int(len(us) * 0.95)]:9.1f} us")


if __name__ == "__main__":
    main()
