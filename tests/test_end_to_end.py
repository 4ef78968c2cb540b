"""The whole pipeline, `advisory-bot run --once`, against a feed server and a Slack stand-in on loopback.

Run 1 stores every source's backlog and posts nothing; run 2 posts each new DPRK item once, tagged;
run 3 finds nothing changed (conditional requests, 304s) and posts nothing.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from storage import open_archive

pytestmark = pytest.mark.slow  # whole cycles through the CLI against the servers

DATA = Path(__file__).parent / "data"
CHANNEL = "C0ALERTS"

NEW_CISA_ITEMS = """
    <item>
      <title>Andariel Ransomware Operators Extort Hospitals</title>
      <link>https://www.cisa.gov/news-events/cybersecurity-advisories/aa24-300a</link>
      <description><![CDATA[<p>North Korean state-sponsored cyber actors of the Andariel group deployed ransomware
      against hospitals and other healthcare providers, then demanded payment in bitcoin.</p>]]></description>
      <pubDate>Mon, 25 Nov 2024 10:00:00 GMT</pubDate>
      <guid isPermaLink="false">49001 at https://www.cisa.gov</guid>
    </item>
    <item>
      <title>Ransomware Gang Hits Regional Water Utility</title>
      <link>https://www.cisa.gov/news-events/cybersecurity-advisories/aa24-301a</link>
      <description><![CDATA[<p>A financially motivated criminal group encrypted billing systems at a water utility.</p>]]></description>
      <pubDate>Tue, 26 Nov 2024 10:00:00 GMT</pubDate>
      <guid isPermaLink="false">49002 at https://www.cisa.gov</guid>
    </item>
"""

HOSTILE_ITEM = """
    <item>
      <title>Lazarus Group &lt;!channel&gt; &lt;@U123&gt; drains exchange &amp; &lt;https://evil.example|click here&gt;</title>
      <link>javascript:alert(document.cookie)</link>
      <description>North Korean hackers of the Lazarus Group stole cryptocurrency from an exchange. &lt;!here&gt;</description>
      <pubDate>Wed, 27 Nov 2024 08:00:00 GMT</pubDate>
      <guid isPermaLink="false">e2e-hostile-2</guid>
    </item>
"""

NEW_NOTICE_ROW = """
      <tr>
        <td class="num">1205</td>
        <td class="title"><a href="/kr/bbs/view.do?bbsId=B0000133&amp;nttId=71299&amp;menuNo=205020">북한 해킹조직 라자루스가 국내 방산업체를 공격, 보안 점검 권고</a></td>
        <td class="date">2024-11-27</td>
        <td class="hits">1</td>
      </tr>"""


def sources_yaml(feed_server) -> str:
    return f"""
sources:
  - name: cisa-advisories
    type: rss
    url: {feed_server.url("/cisa.xml")}
    allow_private: true
  - name: security-news
    type: rss
    url: {feed_server.url("/news.xml")}
    allow_private: true
  - name: krcert-notices
    type: html
    url: {feed_server.url("/kr/notices.html")}
    language: ko
    allow_private: true
    selectors: {{item: "table.board tbody tr", title: "td.title a", link: "td.title a", date: "td.date"}}
"""


def serve(feed_server, *, updated: bool) -> None:
    cisa = (DATA / "feeds/cisa_advisories.xml").read_text()
    news = (DATA / "feeds/news_hostile.xml").read_text()
    page = (DATA / "pages/krcert_notices.html").read_text()
    if updated:
        cisa = cisa.replace("<item>", NEW_CISA_ITEMS.strip() + "\n    <item>", 1)
        news = news.replace("</channel>", HOSTILE_ITEM + "</channel>")
        page = page.replace("<tbody>", "<tbody>" + NEW_NOTICE_ROW, 1)
    feed_server.serve("/cisa.xml", cisa.encode(), content_type="application/rss+xml")
    feed_server.serve("/news.xml", news.encode(), content_type="application/rss+xml")
    feed_server.serve("/kr/notices.html", page.encode(), content_type="text/html; charset=utf-8")


@pytest.fixture
def setup(tmp_path, feed_server, slack_api):
    sources = tmp_path / "sources.yaml"
    sources.write_text(sources_yaml(feed_server))
    env = {"SLACK_BOT_TOKEN": slack_api.token, "SLACK_CHANNEL": CHANNEL, "SLACK_API_URL": slack_api.url}
    db = tmp_path / "data" / "advisories.db"

    def run_once():
        result = CliRunner().invoke(cli, ["run", "--once", "--sources", str(sources), "--db", str(db)], env=env)
        assert result.exit_code == 0, result.output
        return result

    return run_once, db


def test_backlog_then_new_items_then_nothing_changed(setup, feed_server, slack_api):
    run_once, db = setup

    serve(feed_server, updated=False)
    first = run_once()
    assert "3 sources, 0 unchanged, 0 failed" in first.output
    archive = open_archive(db)
    backlog = archive.execute("SELECT count(*) FROM items").fetchone()[0]
    assert backlog >= 10
    assert archive.execute("SELECT count(*) FROM items WHERE dprk_cyber = 1").fetchone()[0] >= 3
    assert slack_api.messages(CHANNEL) == []  # first contact: backlog stored silently
    assert archive.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0

    serve(feed_server, updated=True)
    second = run_once()
    assert "3 alerts sent" in second.output, second.output
    posted = slack_api.messages(CHANNEL)
    assert len(posted) == 3
    by_title = {m["metadata"]["event_payload"]["item_id"]: m for m in posted}
    assert len(by_title) == 3  # three different items, each once
    texts = [json.dumps(m["blocks"], ensure_ascii=False) + m["text"] for m in posted]
    andariel = next(t for t in texts if "Andariel Ransomware" in t)
    assert "Andariel" in andariel and "healthcare" in andariel
    korean = next(t for t in texts if "라자루스" in t)
    assert "Lazarus Group" in korean
    assert not any("Water Utility" in t for t in texts)  # not DPRK: never posted

    hostile = next(t for t in texts if "drains exchange" in t)
    for raw in ("<!channel>", "<@U123>", "<!here>", "<https://evil.example|", "javascript:"):
        assert raw not in hostile
    assert "&lt;!channel&gt;" in hostile and "&amp;" in hostile

    rows = archive.execute("SELECT status, message_id FROM outbox").fetchall()
    assert len(rows) == 3 and all(status == "sent" and ts for status, ts in rows)
    assert archive.execute("SELECT count(*) FROM items").fetchone()[0] == backlog + 4

    requests_before = len(feed_server.requests)
    third = run_once()
    assert "3 sources, 3 unchanged, 0 failed, 0 new items, 0 alerts sent" in third.output
    conditional = feed_server.requests[requests_before:]
    assert len(conditional) == 3 and all("if-none-match" in r.headers for r in conditional)
    assert len(slack_api.messages(CHANNEL)) == 3


def test_one_broken_source_does_not_stop_the_others(setup, feed_server, slack_api):
    run_once, db = setup
    serve(feed_server, updated=False)
    feed_server.fail("/news.xml", 500)
    feed_server.serve("/cisa.xml", b"<html><body>this is not a feed</body></html>", content_type="text/html")
    result = run_once()
    assert "3 sources, 0 unchanged, 2 failed" in result.output
    archive = open_archive(db)
    states = {r["name"]: r for r in archive.query("SELECT * FROM sources")}
    assert states["security-news"]["error_count"] == 1
    assert "500 from security-news" in states["security-news"]["last_error"]
    assert states["cisa-advisories"]["last_error_kind"] == "extract"
    assert states["krcert-notices"]["error_count"] == 0 and states["krcert-notices"]["items_last_fetch"] == 3


def test_slack_outage_keeps_alerts_pending_until_it_is_back(setup, feed_server, slack_api):
    run_once, db = setup
    serve(feed_server, updated=False)
    run_once()
    serve(feed_server, updated=True)
    slack_api.down("refuse")
    result = run_once()
    assert "0 alerts sent" in result.output
    archive = open_archive(db)
    assert archive.execute("SELECT count(*) FROM outbox WHERE status != 'sent'").fetchone()[0] == 3
    slack_api.up()
    archive.execute("UPDATE outbox SET next_attempt_at = NULL")  # skip the backoff instead of waiting for it
    run_once()
    assert len(slack_api.messages(CHANNEL)) == 3
    assert archive.execute("SELECT count(*) FROM outbox WHERE status = 'sent'").fetchone()[0] == 3


def test_without_a_slack_token_alerts_print_to_the_console(tmp_path, feed_server):
    sources = tmp_path / "sources.yaml"
    sources.write_text(sources_yaml(feed_server))
    db = tmp_path / "a.db"
    args = ["run", "--once", "--sources", str(sources), "--db", str(db)]
    serve(feed_server, updated=False)
    assert CliRunner().invoke(cli, args, env={"SLACK_BOT_TOKEN": ""}).exit_code == 0
    serve(feed_server, updated=True)
    result = CliRunner().invoke(cli, args, env={"SLACK_BOT_TOKEN": ""})
    assert result.exit_code == 0
    assert "Andariel Ransomware Operators Extort Hospitals" in result.stdout
    assert "Water Utility" not in result.stdout


def test_invalid_sources_file_exits_2_before_anything_starts(tmp_path):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - name: x\n    type: rss\n    url: ftp://nope\n")
    result = CliRunner().invoke(cli, ["run", "--once", "--sources", str(sources), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "sources.yaml:4 sources[0].url: not an http(s) URL" in result.output
    assert not (tmp_path / "a.db").exists()
