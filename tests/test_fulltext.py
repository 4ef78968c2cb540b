"""Full text: a feed with one-line summaries, article pages on loopback, the page text archived and tagged."""

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.fetch.fulltext import main_text
from storage import open_archive

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Briefs</title>
<item><title>Exchange breach attributed</title><link>{base}/a/1</link><guid>b1</guid>
<description>Read more.</description></item>
<item><title>Patch notes</title><link>{base}/a/2</link><guid>b2</guid><description>Short.</description></item>
<item><title>Gone article</title><link>{base}/a/404</link><guid>b3</guid><description>Short too.</description></item>
</channel></rss>"""

PAGE = """<html><body><nav>Home | World | Tech</nav><article><h1>Exchange breach attributed</h1>
<p>Investigators said on Monday that North Korean hackers of the Lazarus Group were behind the theft of digital
assets from a cryptocurrency exchange, after the attackers compromised a developer's laptop.</p>
<p>The company said customer funds would be covered from its reserves while the investigation continues and
that it had rotated every signing key used by its hot wallets.</p></article><footer>Copyright</footer></body></html>"""


def test_main_text_by_extraction_and_by_selector():
    assert "Lazarus Group were behind the theft" in main_text(PAGE, None)
    assert "Home | World" not in main_text(PAGE, None)
    assert main_text(PAGE, "article h1") == "Exchange breach attributed"


@pytest.mark.slow
def test_run_fetches_pages_of_new_short_items_only(tmp_path, feed_server):
    feed_server.serve("/feed.xml", FEED.format(base=feed_server.url("")[:-1]).encode())
    feed_server.serve("/a/1", PAGE.encode(), content_type="text/html; charset=utf-8")
    feed_server.serve("/a/2", b"<html><body><p>Minor fixes.</p></body></html>", content_type="text/html")
    feed_server.fail("/a/404", 404)
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - name: briefs\n    type: rss\n    url: {feed_server.url('/feed.xml')}\n"
        "    allow_private: true\n    fulltext: true\n    fulltext_allow_private: true\n"
    )
    args = ["run", "--once", "--sources", str(sources), "--db", str(tmp_path / "a.db")]
    assert CliRunner().invoke(cli, args, env={"SLACK_BOT_TOKEN": ""}).exit_code == 0
    db = open_archive(tmp_path / "a.db")
    texts = dict(db.execute("SELECT title, text FROM items").fetchall())
    assert "compromised a developer's laptop" in texts["Exchange breach attributed"]  # page text, not the summary
    assert texts["Gone article"] == "Short too."  # the page failed: the item keeps its summary, nothing is lost
    tags = db.execute("SELECT actors, dprk_cyber FROM items WHERE title = 'Exchange breach attributed'").fetchone()
    assert tags == ('["Lazarus Group"]', 1)  # tagged on the full text
    pages = [r.path for r in feed_server.requests if r.path.startswith("/a/")]
    feed_server.serve("/feed.xml", FEED.format(base=feed_server.url("")[:-1]).encode() + b" ")
    assert CliRunner().invoke(cli, args, env={"SLACK_BOT_TOKEN": ""}).exit_code == 0
    assert [r.path for r in feed_server.requests if r.path.startswith("/a/")] == pages  # known items: no refetch
