"""`sources test` and `sources add` against the loopback feed server: what they print, flag, write and refuse."""

import json

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config.sources import load_sources
from bot.config.sources_edit import append_source
from bot.errors import ConfigError

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Agency</title><link>https://agency.example.org/</link>
<item><title>Lazarus Group targets cryptocurrency exchanges with new malware</title>
<link>https://agency.example.org/a/1</link><pubDate>Mon, 13 May 2024 09:00:00 GMT</pubDate>
<description>North Korean hackers of the Lazarus Group stole cryptocurrency.</description></item>
<item><title>Weather report for Tuesday</title><link>https://agency.example.org/a/2</link>
<pubDate>Tue, 14 May 2024 09:00:00 GMT</pubDate><description>Sunny.</description></item>
</channel></rss>
"""
RSS_GAPS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Gaps</title>
<item><title>Dated and linked</title><link>https://agency.example.org/b/1</link>
<pubDate>Mon, 13 May 2024 09:00:00 GMT</pubDate></item>
<item><title>No date at all</title><link>https://agency.example.org/b/2</link></item>
<item><title>Date that is not one</title><link>https://agency.example.org/b/3</link><pubDate>next week</pubDate></item>
<item><title>Link that is not http</title><link>ftp://agency.example.org/b/4</link>
<pubDate>Mon, 13 May 2024 10:00:00 GMT</pubDate></item>
</channel></rss>
"""
EMPTY_RSS = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Nothing yet</title></channel></rss>\n'
BOARD = """<html><body><h1>Notices</h1><table>
<tr class="notice"><td class="subject"><a href="/n/1">Kimsuky phishing notice</a></td><td class="date">2024-05-13</td></tr>
<tr class="notice"><td class="subject"><a href="/n/2">Second notice</a></td><td class="date">soon, maybe</td></tr>
<tr class="notice"><td class="subject"><a href="mailto:x@y.org">Mail us</a></td><td class="date">2024-05-14</td></tr>
</table></body></html>
"""
HEADER = "# my sources: keep this comment\ndefaults:\n  every: 1h  # hourly\n\nsources:\n"


def entry(name, type_, url, extra=""):
    return f"  # {name}: a comment that must survive\n  - name: {name}\n    type: {type_}\n    url: {url}\n    allow_private: true\n{extra}"


@pytest.fixture
def sources_file(workdir, feed_server):
    board = '    selectors: {item: "tr.notice", title: "td.subject a", link: "td.subject a", date: "td.date"}\n'
    text = HEADER + "".join(
        [
            entry("agency", "rss", feed_server.url("/feed.xml")),
            entry("gaps", "rss", feed_server.url("/gaps.xml")),
            entry("empty", "rss", feed_server.url("/empty.xml")),
            entry("board", "html", feed_server.url("/board"), board),
            entry("wrong-board", "html", feed_server.url("/board"), '    selectors: {item: "li.post"}\n'),
            entry("down", "rss", feed_server.url("/down.xml")),
        ]
    )
    path = workdir / "sources.yaml"
    path.write_text(text)
    return path


def run(*args, input=None):
    return CliRunner().invoke(cli, ["sources", *args], input=input)


# --- sources test -----------------------------------------------------------------------------------------


def test_good_feed_prints_items_tags_and_routes_and_stores_nothing(sources_file, feed_server, workdir):
    feed_server.serve("/feed.xml", RSS.encode())
    result = run("test", "agency", "--sources", str(sources_file))
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"source: agency (rss)  {feed_server.url('/feed.xml')}" in out
    assert f"fetched: HTTP 200, {len(RSS.encode())} bytes" in out
    assert "items: 2" in out
    assert "1. Lazarus Group targets cryptocurrency exchanges with new malware" in out
    assert "date: 2024-05-13T09:00+00:00" in out
    assert "link: https://agency.example.org/a/1" in out
    assert "dprk_cyber=true" in out and "'Lazarus Group'" in out
    assert "-> console (console) via dprk, immediate" in out
    assert "2. Weather report for Tuesday" in out and "-> nowhere" in out
    assert "ok: no problems" in out
    assert not (workdir / "data").exists()  # no archive was opened
    assert [r.path for r in feed_server.requests] == ["/feed.xml"]
    assert not {"if-none-match", "if-modified-since"} & set(feed_server.requests[0].headers)


def test_limit_and_json(sources_file, feed_server):
    feed_server.serve("/feed.xml", RSS.encode())
    result = run("test", "agency", "--sources", str(sources_file), "--limit", "1", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["status"], report["items_found"], len(report["items"]), report["ok"]) == (200, 2, 1, True)
    first = report["items"][0]
    assert first["link"] == "https://agency.example.org/a/1" and first["date"].startswith("2024-05-13T09:00")
    assert first["dprk_cyber"] is True and "Lazarus Group" in first["actors"]
    assert first["routes"] == [{"notifier": "console", "channel": "console", "route": "dprk", "mode": "immediate"}]
    assert report["problems"] == []


def test_undated_and_linkless_items_are_problems(sources_file, feed_server):
    feed_server.serve("/gaps.xml", RSS_GAPS.encode())
    result = run("test", "gaps", "--sources", str(sources_file), "--limit", "10")
    assert result.exit_code == 1, result.output
    assert "items: 4" in result.output
    assert "no date" in result.output and "no link" in result.output
    assert "problems: 2" in result.output
    assert "2 of 4 items have no date (missing or unparsable)" in result.output
    assert "1 of 4 items have no http(s) link" in result.output


def test_feed_with_zero_items(sources_file, feed_server):
    feed_server.serve("/empty.xml", EMPTY_RSS.encode())
    result = run("test", "empty", "--sources", str(sources_file), "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["items_found"] == 0
    assert [p["kind"] for p in report["problems"]] == ["no_items"]


def test_saved_page_with_a_selector_that_matches_nothing(sources_file, feed_server, workdir):
    saved = workdir / "board.html"
    saved.write_text(BOARD)
    result = run("test", "wrong-board", "--sources", str(sources_file), "--file", str(saved))
    assert result.exit_code == 1, result.output
    assert f"read: {saved} (saved copy), {len(BOARD.encode())} bytes" in result.output
    assert "selectors.item 'li.post' matches nothing on the page" in result.output
    assert "no items found" in result.output
    assert feed_server.requests == []  # --file: nothing fetched


def test_saved_page_dates_that_do_not_parse_and_links_that_are_not_http(sources_file, feed_server, workdir):
    saved = workdir / "board.html"
    saved.write_text(BOARD)
    result = run("test", "board", "--sources", str(sources_file), "--file", str(saved), "--json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert report["items_found"] == 3
    assert report["items"][0]["link"] == feed_server.url("/n/1") and report["items"][0]["date"].startswith("2024-05-13")
    assert report["items"][1]["date"] is None
    problems = {p["kind"]: p for p in report["problems"]}
    assert set(problems) == {"bad_dates", "bad_links"}
    assert problems["bad_dates"]["count"] == 1
    assert (
        problems["bad_dates"]["message"] == "1 of 3 items: the date ('td.date') has text that does not parse as a date"
    )
    assert problems["bad_links"]["message"] == "1 of 3 items have no http(s) link"


def test_fetch_failure_exits_1(sources_file, feed_server):
    feed_server.fail("/down.xml", 503)
    result = run("test", "down", "--sources", str(sources_file))
    assert result.exit_code == 1
    assert "fetch: 503 from down" in result.output
    assert "fetched:" not in result.output


def test_extract_error_exits_1(sources_file, feed_server):
    feed_server.serve("/feed.xml", b"<html><body>a login page</body></html>", content_type="text/html")
    result = run("test", "agency", "--sources", str(sources_file), "--json")
    assert result.exit_code == 1
    assert json.loads(result.output)["problems"][0]["kind"] == "extract"


def test_unknown_name_and_invalid_files_exit_2(sources_file, workdir):
    unknown = run("test", "nope", "--sources", str(sources_file))
    assert unknown.exit_code == 2
    assert "no source named 'nope'" in unknown.output and "agency" in unknown.output
    bad = workdir / "bad.yaml"
    bad.write_text("sources:\n  - name: a\n    type: rss\n    url: https://x.example.org/\n    every: soon\n")
    assert run("test", "a", "--sources", str(bad)).exit_code == 2
    (workdir / "routes.yaml").write_text("notifiers: []\nroutes:\n  - name: r\n    to: [ghost]\n")
    assert run("test", "agency", "--sources", str(sources_file)).exit_code == 2


def test_loopback_is_refused_without_allow_private(workdir, feed_server):
    feed_server.serve("/feed.xml", RSS.encode())
    path = workdir / "sources.yaml"
    path.write_text(f"sources:\n  - name: agency\n    type: rss\n    url: {feed_server.url('/feed.xml')}\n")
    result = run("test", "agency", "--sources", str(path))
    assert result.exit_code == 1
    assert "refused" in result.output
    assert feed_server.requests == []


# --- sources add ------------------------------------------------------------------------------------------

PAGE_WITH_FEEDS = """<html><head><title>Vendor research</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/feed+json" href="/feed.json" title="JSON">
<link rel="alternate" type="application/rss+xml" href="/blog/rss.xml" title="Research (RSS)">
<link rel="alternate" type="application/atom+xml" href="https://elsewhere.example.org/atom.xml">
</head><body><p>Posts</p></body></html>
"""
JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Research",
    "items": [
        {
            "id": "1",
            "url": "https://vendor.example.org/p/1",
            "title": "Andariel update",
            "date_published": "2024-05-13T09:00:00Z",
        }
    ],
}


def added(path):
    return {s.name: s for s in load_sources(path)}


def test_add_discovers_the_advertised_feed_and_keeps_comments(sources_file, feed_server):
    feed_server.serve("/research/", PAGE_WITH_FEEDS.encode(), content_type="text/html; charset=utf-8")
    feed_server.serve("/blog/rss.xml", RSS.encode())
    before = sources_file.read_text()
    result = run("add", feed_server.url("/research/"), "--sources", str(sources_file), "--allow-private", "--yes")
    assert result.exit_code == 0, result.output
    assert f"using {feed_server.url('/blog/rss.xml')}" in result.output
    assert "also: https://elsewhere.example.org/atom.xml (rss)" in result.output
    assert f"also: {feed_server.url('/feed.json')} (json, 'JSON')" in result.output
    assert "tested: 2 items" in result.output
    assert "name: agency-2" in result.output  # printed entry; the name comes from the feed's title ("Agency")
    after = sources_file.read_text()
    assert after.startswith(before)  # every comment and line above is untouched
    assert "# my sources: keep this comment" in after and "every: 1h  # hourly" in after
    assert "# added by `advisory-bot sources add" in after
    new = added(sources_file)["agency-2"]
    assert (new.type, new.url, new.allow_private, new.every) == ("rss", feed_server.url("/blog/rss.xml"), True, 3600.0)


def test_add_a_feed_url_directly_with_options(sources_file, feed_server):
    feed_server.serve("/new.xml", RSS.encode())
    args = ["--name", "agency-two", "--every", "2h", "--language", "ko", "--allow-private", "--yes"]
    result = run("add", feed_server.url("/new.xml"), "--sources", str(sources_file), *args)
    assert result.exit_code == 0, result.output
    assert "found" not in result.output  # no discovery needed
    new = added(sources_file)["agency-two"]
    assert (new.url, new.every, new.language) == (feed_server.url("/new.xml"), 7200.0, "ko")
    assert "    every: 2h\n    language: ko\n    allow_private: true\n" in sources_file.read_text()


def test_add_hints_at_fulltext_for_short_summaries_and_writes_it_on_request(sources_file, feed_server):
    feed_server.serve("/short.xml", RSS.encode())  # two items, one-line summaries
    args = ["--name", "briefs", "--allow-private", "--yes"]
    result = run("add", feed_server.url("/short.xml"), "--sources", str(sources_file), *args)
    assert result.exit_code == 0, result.output
    assert "hint: 2 of 2 items carry a summary under 600 characters; --fulltext auto" in result.output
    assert added(sources_file)["briefs"].fulltext is False  # a hint only: nothing is written without the option
    result = run(
        "add", feed_server.url("/short.xml?2"), "--sources", str(sources_file), "--name", "briefs-pages",
        "--allow-private", "--fulltext", "auto", "--yes",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "hint:" not in result.output and added(sources_file)["briefs-pages"].fulltext == "auto"
    assert "    fulltext: auto\n" in sources_file.read_text()


def test_add_a_json_feed(sources_file, feed_server):
    feed_server.serve("/feed.json", json.dumps(JSON_FEED).encode(), content_type="application/feed+json")
    result = run("add", feed_server.url("/feed.json"), "--sources", str(sources_file), "--allow-private", "-y")
    assert result.exit_code == 0, result.output
    new = added(sources_file)["research"]  # the JSON Feed's title
    assert new.type == "json" and new.fields.link == "url" and new.fields.date == "date_published"


def test_add_derives_a_unique_name(sources_file, feed_server):
    for path in ("/one.xml", "/two.xml"):
        feed_server.serve(path, RSS.encode())
        assert run("add", feed_server.url(path), "--sources", str(sources_file), "--allow-private", "-y").exit_code == 0
    assert {"agency", "agency-2", "agency-3"} <= set(added(sources_file))


def test_add_names_a_feed_without_a_title_by_its_host_never_by_an_ip(sources_file, feed_server):
    feed_server.serve("/untitled.xml", RSS.replace("<title>Agency</title>", "").encode())
    result = run("add", feed_server.url("/untitled.xml"), "--sources", str(sources_file), "--allow-private", "-y")
    assert result.exit_code == 0, result.output
    assert "feed" in added(sources_file) and "127-0-0-1" not in result.output


def test_add_refuses_a_url_already_configured(sources_file, feed_server):
    before = sources_file.read_bytes()
    url = feed_server.url("/feed.xml")
    for spelling in (url, url + "/", url.replace("http://", "HTTP://")):
        result = run("add", spelling, "--sources", str(sources_file), "--allow-private", "-y")
        assert result.exit_code == 2, result.output
        assert "is already in" in result.output and "as source 'agency'; not added" in result.output
    assert sources_file.read_bytes() == before and feed_server.requests == []  # refused before fetching


def test_add_refuses_a_page_whose_feed_is_configured(sources_file, feed_server):
    feed_server.serve("/home", b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">')
    before = sources_file.read_bytes()
    result = run("add", feed_server.url("/home"), "--sources", str(sources_file), "--allow-private", "-y")
    assert result.exit_code == 2 and "as source 'agency'" in result.output
    assert sources_file.read_bytes() == before


@pytest.mark.parametrize(
    ("page", "body", "content_type", "message"),
    [
        ("/plain", b"<html><head><title>No feed</title></head><body>hi</body></html>", "text/html", "advertises none"),
        ("/empty-new.xml", EMPTY_RSS.encode(), "application/rss+xml", "the feed has no items; not added"),
        ("/down", None, None, "fetch: 503"),
    ],
)
def test_add_refuses_and_leaves_the_file_untouched(sources_file, feed_server, page, body, content_type, message):
    if body is None:
        feed_server.fail(page, 503)
    else:
        feed_server.serve(page, body, content_type=content_type)
    before = sources_file.read_bytes()
    result = run("add", feed_server.url(page), "--sources", str(sources_file), "--allow-private", "--yes")
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert sources_file.read_bytes() == before


def test_add_refuses_loopback_without_allow_private(sources_file, feed_server):
    feed_server.serve("/new.xml", RSS.encode())
    before = sources_file.read_bytes()
    result = run("add", feed_server.url("/other.xml"), "--sources", str(sources_file), "--yes")
    assert result.exit_code == 1
    assert "refused" in result.output
    assert "add --allow-private to permit" in result.output and "allow_private: true" not in result.output
    assert sources_file.read_bytes() == before and feed_server.requests == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "agency"], "already in"),
        (["--name", "Bad_Name"], "kebab-case"),
        (["--every", "soon"], "not a duration"),
    ],
)
def test_add_bad_options_exit_2(sources_file, feed_server, args, message):
    feed_server.serve("/new.xml", RSS.encode())
    before = sources_file.read_bytes()
    result = run("add", feed_server.url("/new.xml"), "--sources", str(sources_file), "--allow-private", "--yes", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert sources_file.read_bytes() == before


def test_add_asks_before_writing(sources_file, feed_server):
    feed_server.serve("/new.xml", RSS.encode())
    before = sources_file.read_bytes()
    result = run("add", feed_server.url("/new.xml"), "--sources", str(sources_file), "--allow-private", input="n\n")
    assert result.exit_code == 0
    assert "append to" in result.output and "not added" in result.output
    assert sources_file.read_bytes() == before


def test_an_invalid_result_is_rolled_back(sources_file):
    before = sources_file.read_bytes()
    with pytest.raises(ConfigError) as info:
        append_source(sources_file, {"name": "agency", "type": "rss", "url": "https://x.example.org/"})
    line = len(sources_file.read_text().splitlines()) + 1  # the appended entry's first line: its name
    assert f"{sources_file}:{line} sources[6].name: duplicate source name 'agency'" in str(info.value)
    assert sources_file.read_bytes() == before
    assert [p.name for p in sources_file.parent.iterdir() if p.name.startswith(".")] == []


def test_the_shipped_file_survives_an_append_byte_for_byte(tmp_path):
    from pathlib import Path

    copy = tmp_path / "sources.yaml"
    shipped = (Path(__file__).parent.parent / "sources.yaml").read_text()
    copy.write_text(shipped)
    append_source(copy, {"name": "new-feed", "type": "rss", "url": "https://new.example.org/feed.xml"}, "added")
    text = copy.read_text()
    assert text.startswith(shipped)
    assert (
        text[len(shipped) :]
        == "\n  # added\n  - name: new-feed\n    type: rss\n    url: https://new.example.org/feed.xml\n"
    )
    assert "new-feed" in {s.name for s in load_sources(copy)}
