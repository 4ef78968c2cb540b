"""`fulltext: auto`: only the pages of new short items whose headline and summary leave the tagger undecided are
read (a feed and its article pages on loopback, a real archive); and the decision itself, as a function."""

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config.sources import load_sources
from bot.errors import ConfigError
from bot.tagging import get_tagger
from bot.tagging.undecided import cyber_wording, page_may_decide
from storage import open_archive

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Briefs</title>
<item><title>Exchange drained of $40 million overnight</title><link>{base}/a/1</link><guid>c1</guid>
<description>The company paused withdrawals.</description></item>
<item><title>City council approves new park</title><link>{base}/a/2</link><guid>c2</guid>
<description>Work starts in spring.</description></item>
<item><title>North Korean hackers hit a bank</title><link>{base}/a/3</link><guid>c3</guid>
<description>Short.</description></item>
<item><title>Seoul points at the North over last week's outage</title><link>{base}/a/4</link><guid>c4</guid>
<description>Officials spoke on Monday.</description></item>
</channel></rss>"""

PAGE_1 = """<html><body><article><h1>Exchange drained of $40 million overnight</h1>
<p>Investigators said on Tuesday that hackers of the Lazarus Group, a North Korean state group, drained the hot
wallets of the exchange after they compromised the laptop of one of its developers with a fake job offer.</p>
<p>The exchange said that customers would be repaid from its reserves and that every key had been rotated.</p>
</article></body></html>"""

PAGE_4 = """<html><body><article><h1>Seoul points at the North over last week's outage</h1>
<p>South Korea's intelligence service said North Korean hackers planted malware in the servers of the broadcaster
whose network went down last week, and that the same group had attacked two banks in March.</p>
</article></body></html>"""


def _serve_briefs(tmp_path, feed_server, page_4: bool):
    """The feed and its article pages on loopback (page 4 served, or answering 404), and a sources file reading it
    with `fulltext: auto`."""
    feed_server.serve("/feed.xml", FEED.format(base=feed_server.url("")[:-1]).encode())
    feed_server.serve("/a/1", PAGE_1.encode(), content_type="text/html; charset=utf-8")
    for path in ("/a/2", "/a/3"):
        feed_server.serve(path, b"<html><body><p>Not to be read.</p></body></html>", content_type="text/html")
    if page_4:
        feed_server.serve("/a/4", PAGE_4.encode(), content_type="text/html; charset=utf-8")
    else:
        feed_server.fail("/a/4", 404)
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - name: briefs\n    type: rss\n    url: {feed_server.url('/feed.xml')}\n"
        "    allow_private: true\n    fulltext: auto\n    fulltext_allow_private: true\n"
    )
    return sources


@pytest.mark.slow
def test_auto_reads_only_the_pages_that_may_decide(tmp_path, feed_server):
    sources = _serve_briefs(tmp_path, feed_server, page_4=True)
    args = ["run", "--once", "--sources", str(sources), "--db", str(tmp_path / "a.db")]
    assert CliRunner().invoke(cli, args, env={"SLACK_BOT_TOKEN": ""}).exit_code == 0
    read = sorted(r.path for r in feed_server.requests if r.path.startswith("/a/"))
    # a theft without a culprit and the North without an act: read; a park, and a headline already DPRK cyber: not
    assert read == ["/a/1", "/a/4"]
    db = open_archive(tmp_path / "a.db")
    rows = {t: (c, a) for t, c, a in db.execute("SELECT title, dprk_cyber, actors FROM items").fetchall()}
    assert rows["Exchange drained of $40 million overnight"] == (1, '["Lazarus Group"]')  # decided by the page
    assert rows["Seoul points at the North over last week's outage"][0] == 1
    assert rows["City council approves new park"] == (0, "[]")
    texts = dict(db.execute("SELECT title, text FROM items").fetchall())
    assert texts["North Korean hackers hit a bank"] == "Short."  # already decided: its summary is kept
    feed_server.serve("/feed.xml", FEED.format(base=feed_server.url("")[:-1]).encode() + b" ")
    assert CliRunner().invoke(cli, args, env={"SLACK_BOT_TOKEN": ""}).exit_code == 0
    assert sorted(r.path for r in feed_server.requests if r.path.startswith("/a/")) == read  # known: none again


@pytest.mark.parametrize(
    ("title", "decide"),
    [
        ("Exchange drained of $40 million overnight", True),  # a theft, no culprit named
        ("North Korea fires a missile", True),  # the DPRK named, no cyber act: the page may tell of one
        ("거래소 해킹 피해", True),
        ("北朝鮮、声明を発表", True),
        ("North Korean hackers hit a bank", False),  # already DPRK cyber
        ("City council approves new park", False),  # neither the DPRK nor a cyber word
        ("Weekly recipes", False),
    ],
)
def test_page_may_decide(title, decide):
    tags = get_tagger().tag(title, "")
    assert page_may_decide(tags, title, "") is decide


def test_cyber_wording_matches_whole_english_words():
    assert cyber_wording("Ransomware hits a hospital") and cyber_wording("ハッキング被害")
    assert not cyber_wording("A hackathon for students") and not cyber_wording("Theftless design")


@pytest.mark.parametrize("value", ["auto", "AUTO", True, False])
def test_fulltext_accepts_true_false_and_auto(tmp_path, value):
    text = "true" if value is True else "false" if value is False else value
    path = tmp_path / "s.yaml"
    path.write_text(f"sources:\n  - name: a\n    type: rss\n    url: https://example.com/f.xml\n    fulltext: {text}\n")
    (source,) = load_sources(path)
    assert source.fulltext == (value if isinstance(value, bool) else "auto")


def test_fulltext_other_words_are_a_clear_error(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        "sources:\n  - name: a\n    type: rss\n    url: https://example.com/f.xml\n    fulltext: sometimes\n"
    )
    with pytest.raises(ConfigError, match=r"s\.yaml:5 sources\[0\]\.fulltext: must be true, false or auto"):
        load_sources(path)


@pytest.mark.slow
def test_sources_test_reads_the_pages_the_run_would_read(tmp_path, feed_server):
    import json

    sources = _serve_briefs(tmp_path, feed_server, page_4=False)  # its page fails: the summary is kept, and said so
    result = CliRunner().invoke(cli, ["sources", "test", "briefs", "--sources", str(sources), "--json"])
    report = json.loads(result.output)
    pages = {i["title"]: (i["page"], i["dprk_cyber"]) for i in report["items"]}
    assert pages["Exchange drained of $40 million overnight"] == ("read", True)  # tagged on the page it read
    assert pages["City council approves new park"] == ("not needed: the summary decides", False)
    assert pages["North Korean hackers hit a bank"] == ("not needed: the summary decides", True)
    assert pages["Seoul points at the North over last week's outage"] == ("failed: summary kept", False)
    read = sorted(r.path for r in feed_server.requests if r.path.startswith("/a/"))
    assert read == ["/a/1", "/a/4"]
    text = CliRunner().invoke(cli, ["sources", "test", "briefs", "--sources", str(sources)]).output
    assert "     page: read (fulltext: auto)" in text


def test_pages_read_and_failed_are_counted_in_the_metrics(tmp_path, feed_server):
    from bot.fetch.client import make_client
    from bot.fetch.fulltext import enrich
    from bot.observe.metrics import Metrics
    from bot.records import Item
    from tests.conftest import make_source

    feed_server.serve("/a/1", PAGE_1.encode(), content_type="text/html; charset=utf-8")
    feed_server.fail("/a/2", 404)
    source = make_source("briefs", "rss", fulltext="auto", fulltext_allow_private=True)
    metrics = Metrics(tmp_path / "a.db")

    class Rt:  # what enrich asks of the run's Runtime
        gate = None

        def __init__(self, client):
            self.client, self.metrics = client, metrics

        def http(self, allow_private=False):
            return self.client

    items = [
        Item(
            id=str(n), source="briefs", title=f"Item {n}", url=feed_server.url(f"/a/{n}"), text="Short.", published=None
        )
        for n in (1, 2)
    ]
    with make_client() as client:
        enriched = enrich(items, source, Rt(client), known=lambda _: False)
    assert "Lazarus Group" in enriched[0].text and enriched[1].text == "Short."
    text = metrics.exposition().decode()
    assert 'advisory_bot_fulltext_pages_total{outcome="read",source="briefs"} 1.0' in text
    assert 'advisory_bot_fulltext_pages_total{outcome="failed",source="briefs"} 1.0' in text
