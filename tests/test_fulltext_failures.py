"""Full text, hostile pages (issue 13 items 7 and 8): a failed page keeps the summary, always, and article links
obey the default address policy unless the source sets `fulltext_allow_private`. Real feed server on loopback."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.errors import ConfigError, FetchError
from bot.fetch.client import fetch, make_client
from storage import open_archive
from tests.conftest import make_source
from tests.servers.feeds import Route

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Bridge</title>
<item><title>First</title><link>{base}/a/1</link><guid>b1</guid><description>Summary one.</description></item>
<item><title>Second</title><link>{base}/a/2</link><guid>b2</guid><description>Summary two.</description></item>
</channel></rss>"""

PAGE = """<html><body><article><h1>{title}</h1><p>Internal page text that only the intranet serves: the service
account password for the build system is written here, and it must never reach the archive or a chat message unless
the operator said article links may reach private addresses.</p></article></body></html>"""


def run_once(tmp_path, feed_server, extra: str = ""):
    feed_server.serve("/feed.xml", FEED.format(base=feed_server.url("")[:-1]).encode())
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - name: bridge\n    type: rss\n    url: {feed_server.url('/feed.xml')}\n"
        f"    allow_private: true\n    fulltext: true\n{extra}"
    )
    args = ["run", "--once", "--sources", str(sources), "--db", str(tmp_path / "a.db")]
    result = CliRunner().invoke(cli, args, env={"SLACK_BOT_TOKEN": ""})
    assert result.exit_code == 0, result.output[-2000:]
    db = open_archive(tmp_path / "a.db")
    state = next(db.query("SELECT error_count, last_error FROM sources WHERE name = 'bridge'"))
    return dict(db.execute("SELECT title, text FROM items").fetchall()), state


def serve_pages(feed_server):
    for n, title in ((1, "First"), (2, "Second")):
        feed_server.serve(f"/a/{n}", PAGE.format(title=title).encode(), content_type="text/html; charset=utf-8")


def page_requests(feed_server):
    return [r.path for r in feed_server.requests if r.path.startswith("/a/")]


# --- item 8: allow_private is for the feed; article links need their own key -----------------------------------


def test_allow_private_does_not_let_article_links_reach_private_addresses(tmp_path, feed_server):
    serve_pages(feed_server)
    texts, state = run_once(tmp_path, feed_server)
    assert texts == {"First": "Summary one.", "Second": "Summary two."}  # summaries kept, nothing internal
    assert page_requests(feed_server) == []  # refused before any connection
    assert state["error_count"] == 0  # the feed itself is fine


def test_fulltext_allow_private_lets_them(tmp_path, feed_server):
    serve_pages(feed_server)
    texts, _ = run_once(tmp_path, feed_server, "    fulltext_allow_private: true\n")
    assert "service account password" in texts["First"] and sorted(page_requests(feed_server)) == ["/a/1", "/a/2"]


def test_fulltext_allow_private_needs_fulltext(tmp_path):
    from bot.config.sources import load_sources

    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n  - name: x\n    type: rss\n    url: https://example.org/feed\n    fulltext_allow_private: true\n"
    )
    with pytest.raises(ConfigError, match="fulltext_allow_private: only with fulltext: true"):
        load_sources(path)


# --- item 7: a failed page keeps the summary, whatever the failure ---------------------------------------------


def test_an_article_link_redirecting_to_javascript_keeps_the_summary(tmp_path, feed_server):
    serve_pages(feed_server)
    feed_server.routes["/a/1"] = Route(status=302, headers={"Location": "javascript:alert(1)"}, conditional=False)
    texts, state = run_once(tmp_path, feed_server, "    fulltext_allow_private: true\n")
    assert texts["First"] == "Summary one." and "service account password" in texts["Second"]
    assert state["error_count"] == 0


def test_a_redirect_to_javascript_is_a_fetch_error(feed_server):
    feed_server.routes["/r"] = Route(status=302, headers={"Location": "javascript:alert(1)"}, conditional=False)
    source = make_source("r", "rss", url=feed_server.url("/r"), allow_private=True, timeout=5.0)
    with pytest.raises(FetchError, match="redirect") as info:
        fetch(make_client(), source)
    assert info.value.kind == "redirects"


def test_a_missing_extraction_module_keeps_the_summary(tmp_path, feed_server, monkeypatch):
    serve_pages(feed_server)
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` raises ImportError
    texts, state = run_once(tmp_path, feed_server, "    fulltext_allow_private: true\n")
    assert texts == {"First": "Summary one.", "Second": "Summary two."} and state["error_count"] == 0
    assert sorted(page_requests(feed_server)) == ["/a/1", "/a/2"]  # fetched, then the extractor failed
