"""Golden cases for the extractors: one row per fixture document, with the source config that reads it.

Regenerate the expected files after an intended change with:

    UPDATE_GOLDENS=1 /work/venv/bin/pytest tests/test_extract_golden.py

then review the diff of tests/data/extractors/*.expected.json before committing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bot.config.sources import JsonFields, Selectors, Source
from bot.records import FetchResult, Item
from tests.conftest import make_source

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "extractors"

KREC_SELECTORS = Selectors(item="table.board tbody tr", title="td.title a", link="td.title a", date="td.date")
KEV_FIELDS = JsonFields(
    items="vulnerabilities",
    id="cveID",
    title="vulnerabilityName",
    date="dateAdded",
    summary="shortDescription",
    link_template="https://nvd.nist.gov/vuln/detail/{cveID}",
)


@dataclass(frozen=True)
class Case:
    file: str  # under tests/data/
    source: Source
    url: str
    content_type: str = ""
    notes: dict = field(default_factory=dict)

    def result(self) -> FetchResult:
        return FetchResult(
            url=self.url, status=200, body=(DATA / self.file).read_bytes(), content_type=self.content_type
        )


CASES = {
    "cisa_advisories": Case(
        "feeds/cisa_advisories.xml",
        make_source("cisa-advisories", "rss"),
        "https://www.cisa.gov/cybersecurity-advisories/all.xml",
        "application/rss+xml; charset=utf-8",
    ),
    "vendor_blog": Case(
        "feeds/vendor_blog.atom",
        make_source("example-security-blog", "rss"),
        "https://blog.example-security.com/feed.atom",
        "application/atom+xml",
    ),
    "news_hostile": Case(
        "feeds/news_hostile.xml", make_source("example-news", "rss"), "https://news.example.org/feed/", "text/xml"
    ),
    "jpcert_rdf": Case(
        "feeds/jpcert_rdf.rdf", make_source("jpcert", "rss", "ja"), "https://www.jpcert.example/rss/jpcert.rdf"
    ),
    "krcert_euckr": Case(
        "feeds/krcert_euckr.xml",
        make_source("krcert-feed", "rss", "ko"),
        "https://www.krcert.example/rss.xml",
        "application/rss+xml",  # no charset: the XML declaration decides
    ),
    "jp_sjis": Case("feeds/jp_sjis.xml", make_source("jp-news", "rss", "ja"), "https://security.example.jp/rss.xml"),
    "krcert_notices": Case(
        "pages/krcert_notices.html",
        make_source("krcert-notices", "html", "ko", selectors=KREC_SELECTORS),
        "https://www.krcert.example/kr/bbs/list.do?bbsId=B0000133&menuNo=205020",
        "text/html; charset=utf-8",
    ),
    "krcert_notices_euckr": Case(
        "pages/krcert_notices_euckr.html",
        make_source("krcert-notices", "html", "ko", selectors=KREC_SELECTORS),
        "https://www.krcert.example/kr/bbs/list.do?bbsId=B0000133&menuNo=205020",
        "text/html",  # no charset: the <meta http-equiv> decides
    ),
    "cisa_kev": Case(
        "feeds/cisa_kev.json",
        make_source("cisa-kev", "json", fields=KEV_FIELDS),
        "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json",
        "application/json",
    ),
}


def item_to_json(item: Item) -> dict:
    return {
        "source": item.source,
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "published": item.published.isoformat() if item.published else None,
        "text": item.text,
        "language": item.language,
        "guid": item.guid,
    }


def dumps(items: list[Item]) -> str:
    return json.dumps([item_to_json(i) for i in items], ensure_ascii=False, indent=2) + "\n"
