"""The shipped sources.yaml entries on fixtures that reproduce their sites' real markup (tests/data/sites/, written
from the evidence in docs/sources-evidence.md): OFAC's Recent Actions list, KrCERT's date-only feed, a Korean
board's dates. `sources test --file` reads them with the very entries the bot ships."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import time_machine
from click.testing import CliRunner

from bot.cli import cli
from bot.config.sources import Selectors, load_sources
from bot.fetch.probe import read_saved
from extractors import extract
from tests.conftest import make_source

ROOT = Path(__file__).parent.parent
SITES = Path(__file__).parent / "data/sites"
SHIPPED = {s.name: s for s in load_sources(ROOT / "sources.yaml")}


def sources_test(name: str, page: Path) -> dict:
    result = CliRunner().invoke(
        cli, ["sources", "test", name, "--sources", str(ROOT / "sources.yaml"), "--file", str(page), "--json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_ofac_recent_actions_give_three_items_with_title_link_and_date(workdir):
    report = sources_test("treasury-ofac-actions", SITES / "ofac_recent_actions.html")
    assert report["items_found"] == 3 and report["problems"] == []
    got = [(i["title"], i["link"], i["date"]) for i in report["items"]]
    assert got == [
        (
            "North Korea Designations; Cyber-related Designations",
            "https://ofac.treasury.gov/recent-actions/20260904",
            "2026-09-04T04:00:00+00:00",  # September 04, 2026 in Washington
        ),
        (
            "Publication of Updated Frequently Asked Questions",
            "https://ofac.treasury.gov/recent-actions/20260903",
            "2026-09-03T04:00:00+00:00",
        ),
        (
            "Issuance of Amended General License; Counter Terrorism Designation Removal",
            "https://ofac.treasury.gov/recent-actions/20260828",
            "2026-08-28T04:00:00+00:00",
        ),
    ]
    assert report["items"][0]["dprk_cyber"] is True


def test_the_old_ofac_selectors_took_the_title_for_the_date():
    """The defect the shipped entry had: `.margin-top-1` is also on the title's div."""
    old = SHIPPED["treasury-ofac-actions"].model_copy(
        update={
            "selectors": Selectors(
                item="div.view-content .views-row", link="a[href]", date=".margin-top-1, .font-sans-2xs"
            )
        }
    )
    items = extract(read_saved(old, SITES / "ofac_recent_actions.html"), old)
    assert len(items) == 3 and all(i.published is None for i in items)


def test_krcert_date_only_feed_means_the_seoul_day(workdir):
    report = sources_test("krcert-notices", SITES / "krcert_date_only.xml")
    assert [i["date"] for i in report["items"]] == ["2026-09-03T15:00:00+00:00", "2026-09-02T15:00:00+00:00"]
    assert report["items"][0]["link"].startswith("https://www.boho.or.kr/kr/bbs/view.do?")


def test_without_a_time_zone_the_same_feed_would_be_a_utc_day():
    utc = SHIPPED["krcert-notices"].model_copy(update={"timezone": None})
    items = extract(read_saved(utc, SITES / "krcert_date_only.xml"), utc)
    assert items[0].published == datetime(2026, 9, 4, tzinfo=UTC)


BOARD = make_source(
    "kr-press",
    "html",
    "ko",
    url="https://press.example.go.kr/press/list.do",
    timezone="Asia/Seoul",
    selectors=Selectors(item="table.board_list tbody tr", link="td.subject a", date="td.date"),
)


def test_a_board_with_korean_and_relative_dates():
    with time_machine.travel(datetime(2026, 9, 5, 3, 0, tzinfo=UTC), tick=False):  # 12:00 in Seoul
        items = extract(read_saved(BOARD, SITES / "korean_board.html"), BOARD)
    assert [(i.title.split()[0], i.url.rsplit("=", 1)[1], i.published) for i in items] == [
        ("북한", "103", datetime(2026, 9, 5, 0, 0, tzinfo=UTC)),  # 3시간 전 at 12:00 in Seoul
        ("사이버안보", "102", datetime(2026, 8, 31, 15, 0, tzinfo=UTC)),  # 2026. 9. 1. in Seoul
        ("국가", "101", datetime(2026, 8, 30, 15, 0, tzinfo=UTC)),  # 2026년 8월 31일 (월) in Seoul
    ]
    assert items[0].url == "https://press.example.go.kr/press/view.do?seq=103"


def test_shipped_korean_sources_are_ten_or_more_and_name_their_time_zone():
    korean = [s for s in SHIPPED.values() if s.language == "ko"]
    assert len([s for s in korean if s.enabled]) >= 10
    assert all(s.timezone == "Asia/Seoul" for s in korean)
    assert all(s.timezone == "Asia/Tokyo" for s in SHIPPED.values() if s.language == "ja")


def test_shipped_entries_from_the_evidence():
    assert SHIPPED["cccs-advisories"].url.startswith("https://www.cyber.gc.ca/api/cccs/atom/v1/get?")
    assert SHIPPED["nis-press"].enabled is False
    mirror = SHIPPED["cisa-kev-mirror"]
    assert mirror.enabled is False and mirror.url.startswith("https://raw.githubusercontent.com/cisagov/kev-data/")
    assert mirror.fields == SHIPPED["cisa-kev"].fields


def test_every_shipped_entry_carries_an_evidence_comment():
    lines = (ROOT / "sources.yaml").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        if line.startswith("  - name: "):
            above = lines[n - 1]
            assert above.lstrip().startswith("#"), f"{line.strip()}: no comment above the entry"
