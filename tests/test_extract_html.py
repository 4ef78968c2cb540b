"""extractors.html: CSS-selector boards, link resolution, defaults, encodings, errors."""

from __future__ import annotations

import pytest

from bot.config.sources import Selectors
from bot.errors import ExtractError
from bot.records import FetchResult
from extractors import extract
from tests.conftest import make_source
from tests.extractor_cases import CASES, DATA

PAGE = "https://www.krcert.example/kr/bbs/list.do?menuNo=205020"


def run(html: str | bytes, selectors: Selectors, content_type: str = "text/html; charset=utf-8", url: str = PAGE):
    body = html.encode() if isinstance(html, str) else html
    source = make_source("board", "html", "ko", selectors=selectors)
    return extract(FetchResult(url=url, status=200, body=body, content_type=content_type), source)


def test_krcert_board_finds_the_kimsuky_notice():
    spec = CASES["krcert_notices"]
    items = extract(spec.result(), spec.source)
    assert len(items) == 3  # the fourth row has no link and no title: skipped
    kimsuky = items[0]
    assert "북한 해킹조직 김수키" in kimsuky.title
    assert kimsuky.url == "https://www.krcert.example/kr/bbs/view.do?bbsId=B0000133&menuNo=205020&nttId=71234"
    assert kimsuky.published.isoformat() == "2024-05-13T00:00:00+00:00"
    assert kimsuky.language == "ko"
    assert items[1].title == "웹 브라우저 보안 업데이트 권고"  # trimmed, the NEW badge is outside the link
    assert items[2].url.endswith("nttId=71221")  # utm_campaign dropped


def test_euckr_page_equals_utf8_page():
    utf8 = extract(CASES["krcert_notices"].result(), CASES["krcert_notices"].source)
    euckr = extract(CASES["krcert_notices_euckr"].result(), CASES["krcert_notices_euckr"].source)
    assert euckr == utf8


def test_euckr_page_decodes_from_http_header_alone():
    body = (DATA / "pages" / "krcert_notices_euckr.html").read_bytes().replace(b"charset=euc-kr", b"")
    items = run(body, CASES["krcert_notices"].source.selectors, content_type="text/html; charset=EUC-KR")
    assert "김수키" in items[0].title


def test_defaults_title_from_link_text_and_first_link():
    html = """<ul class="posts">
      <li><span>2024年5月13日</span> <a href="/ja/a1.html">北朝鮮関連の注意喚起</a> <a href="/other">other</a></li>
      <li><a href="javascript:void(0)">script link</a></li>
      <li>no link at all</li>
    </ul>"""
    items = run(html, Selectors(item="ul.posts li", date="span"), url="https://jp.example/ja/list.html")
    assert [(i.title, i.url) for i in items] == [
        ("北朝鮮関連の注意喚起", "https://jp.example/ja/a1.html"),
        ("script link", ""),  # a javascript: link is no link, but the title keeps the entry
    ]
    assert items[0].published.day == 13


def test_link_selector_without_href_uses_inner_anchor_and_base_tag():
    html = """<html><head><base href="https://cdn.example/notices/"></head><body>
      <div class="row"><h3 class="t">Title <b>one</b></h3><div class="go"><a href="n1">read</a></div>
      <time datetime="2024-05-13T10:00:00+09:00">May 13</time><div class="s"><p>Para 1</p><p>Para 2</p></div></div>
    </body></html>"""
    sel = Selectors(item="div.row", title=".t", link="div.go", date="time", summary="div.s")
    (item,) = run(html, sel)
    assert item.title == "Title one"
    assert item.url == "https://cdn.example/notices/n1"
    assert item.published.isoformat() == "2024-05-13T01:00:00+00:00"
    assert item.text == "Para 1\n\nPara 2"


def test_ids_differ_for_same_title_on_different_dates_without_links():
    html = "<table><tr><td class=t>정기 점검 안내</td><td class=d>2024-05-01</td></tr>"
    html += "<tr><td class=t>정기 점검 안내</td><td class=d>2024-06-01</td></tr></table>"
    items = run(html, Selectors(item="tr", title=".t", date=".d"))
    assert len(items) == 2 and items[0].id != items[1].id and items[0].url == ""


def test_no_matching_items_is_empty_not_error():
    assert run("<html><body><p>maintenance</p></body></html>", Selectors(item="table.board tr")) == []


@pytest.mark.parametrize("body", [b"", b"   ", b"just text, no markup", b"\x00\x01\x02<\x00\x00"])
def test_not_html_raises(body):
    with pytest.raises(ExtractError, match=r"^extract: board: "):
        run(body, Selectors(item="tr"))


def test_bad_selector_raises_extract_error():
    with pytest.raises(ExtractError, match="bad CSS selector"):
        run("<table><tr><td>x</td></tr></table>", Selectors(item="tr[[["))
