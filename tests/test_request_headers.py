"""Requests as feed readers make them: the User-Agent and Accept every fetch sends, a source's own `headers:`
(validated), and a 403 that names its likely cause, against a loopback server that refuses bare bot clients."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from bot import __url__, __version__
from bot.cli import cli
from bot.config.sources import load_sources
from bot.errors import ConfigError, FetchError
from bot.fetch.client import USER_AGENT, fetch, make_client
from bot.fetch.headers import request_headers
from bot.run.refresh import refresh
from bot.run.runtime import Runtime
from extractors import EXTRACTORS
from tests.conftest import make_source

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Agency</title>
<item><title>Advisory one</title><link>https://agency.example.org/1</link><pubDate>Mon, 13 May 2024 09:00:00 GMT</pubDate></item>
</channel></rss>"""
OLD_USER_AGENT = f"advisory-bot/{__version__} (DPRK advisory aggregator)"  # what the bot sent before issue 15


def source(url: str, type: str = "rss", **kw):
    return make_source("agency", type, url=url, allow_private=True, timeout=5.0, **kw)


def test_user_agent_is_in_the_feed_readers_form():
    assert f"Mozilla/5.0 (compatible; advisory-bot/{__version__}; +{__url__})" == USER_AGENT
    assert __url__.startswith("https://")


@pytest.mark.parametrize("kind", ["rss", "html", "json"])
def test_every_request_names_the_types_its_source_expects(feed_server, kind):
    feed_server.serve("/doc", RSS)
    with make_client() as client:
        fetch(client, source(feed_server.url("/doc"), kind))
    seen = feed_server.requests[-1].headers
    assert seen["user-agent"] == USER_AGENT
    assert seen["accept"] == EXTRACTORS[kind].ACCEPT
    assert EXTRACTORS["rss"].ACCEPT.startswith("application/rss+xml, application/atom+xml")


def test_a_sources_headers_are_sent_and_replace_the_defaults(feed_server):
    feed_server.serve("/feed.xml", RSS)
    own = (("Referer", "https://agency.example.org/"), ("accept", "application/xml"))
    with make_client() as client:
        fetch(client, source(feed_server.url("/feed.xml"), headers=own))
    seen = feed_server.requests[-1].headers
    assert seen["referer"] == "https://agency.example.org/"
    assert seen["accept"] == "application/xml"  # one Accept, the source's
    assert seen["user-agent"] == USER_AGENT
    assert list(request_headers(source("https://x.example/", headers=own))) == ["User-Agent", "Referer", "accept"]


def test_a_server_refusing_bare_bot_clients_serves_the_feed_reader(feed_server):
    feed_server.serve("/feed.xml", RSS)
    feed_server.bot_wall("/feed.xml")
    with make_client() as client:
        ok = fetch(client, source(feed_server.url("/feed.xml")))
        assert ok.status == 200 and ok.body == RSS
        with pytest.raises(FetchError) as refused:  # the same server, the client the bot used to be
            fetch(client, source(feed_server.url("/feed.xml"), headers=(("User-Agent", OLD_USER_AGENT),)))
    assert refused.value.kind == "http_error"
    assert str(refused.value) == "fetch: 403 from agency: the site refused this client; try `headers:`"
    assert [r.headers["user-agent"] for r in feed_server.requests] == [USER_AGENT, OLD_USER_AGENT]


SOURCES = "sources:\n  - name: walled\n    type: rss\n    url: {url}\n    allow_private: true\n"


def test_sources_test_names_the_likely_cause_of_a_403(tmp_path, monkeypatch, feed_server):
    monkeypatch.chdir(tmp_path)
    feed_server.fail("/feed.xml", 403)
    (tmp_path / "sources.yaml").write_text(SOURCES.format(url=feed_server.url("/feed.xml")))
    result = CliRunner().invoke(cli, ["sources", "test", "walled", "--sources", str(tmp_path / "sources.yaml")])
    assert result.exit_code == 1
    assert "fetch: 403 from walled: the site refused this client; try `headers:`" in result.output


def test_status_names_the_likely_cause_of_a_403(tmp_path, feed_server):
    feed_server.fail("/feed.xml", 403)
    (tmp_path / "sources.yaml").write_text(SOURCES.format(url=feed_server.url("/feed.xml")))
    (walled,) = load_sources(tmp_path / "sources.yaml")
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={}, rng=random.Random(1))
    assert refresh(walled, rt).outcome != "ok"
    args = ["status", "--sources", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "a.db")]
    text = CliRunner().invoke(cli, args).output
    assert "403 from walled: the site refused this client; try `headers:`" in text
    (row,) = [json.loads(line) for line in CliRunner().invoke(cli, [*args, "--json"]).output.splitlines()]
    assert row["last_error"].endswith("the site refused this client; try `headers:`")


ENTRY = "sources:\n  - name: agency\n    type: rss\n    url: https://agency.example.org/feed\n    headers:\n      {header}\n"


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("Host: other.example.org", "cannot be set"),
        ("Connection: close", "cannot be set"),
        ("Transfer-Encoding: chunked", "cannot be set"),
        ("If-None-Match: '\"x\"'", "cannot be set"),
        ("Accept-Encoding: br", "cannot be set"),
        ("Cookie: session=1", "credential"),
        ("Authorization: Bearer x", "credential"),
        ("'Bad Name': x", "not a header name"),
        ('X-Long: "' + "a" * 1001 + '"', "one line of at most 1000"),
        ('X-Split: "a\\r\\nInjected: 1"', "one line of at most 1000"),
    ],
)
def test_headers_that_a_source_may_not_set_are_config_errors(tmp_path, header, reason):
    path = tmp_path / "sources.yaml"
    path.write_text(ENTRY.format(header=header))
    with pytest.raises(ConfigError) as err:
        load_sources(path)
    assert "sources[0].headers" in str(err.value) and reason in str(err.value)


def test_allowed_headers_load_in_order(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(ENTRY.format(header="User-Agent: Mozilla/5.0 (compatible; x)\n      Referer: https://a.example/"))
    (agency,) = load_sources(path)
    assert agency.headers == (("User-Agent", "Mozilla/5.0 (compatible; x)"), ("Referer", "https://a.example/"))


@pytest.mark.parametrize(("zone", "ok"), [("Asia/Seoul", True), ("KST", False), ("Mars/Olympus", False)])
def test_timezone_is_validated(tmp_path, zone, ok):
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - name: agency\n    type: rss\n    url: https://a.example/f\n    timezone: {zone}\n")
    if ok:
        assert load_sources(path)[0].timezone == zone
    else:
        with pytest.raises(ConfigError, match=r"sources\[0\]\.timezone: .*unknown time zone"):
            load_sources(path)
