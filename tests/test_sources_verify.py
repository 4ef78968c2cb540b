"""`sources verify`: every enabled source tested now against loopback servers, one line each, exit 1 on a failure."""

from __future__ import annotations

import json

from click.testing import CliRunner

from bot.cli import cli

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Agency</title>
<item><title>Older</title><link>https://agency.example.org/1</link><pubDate>Mon, 13 May 2024 09:00:00 GMT</pubDate></item>
<item><title>Newer</title><link>https://agency.example.org/2</link><pubDate>Wed, 15 May 2024 09:00:00 GMT</pubDate></item>
</channel></rss>"""
UNDATED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Undated</title>
<item><title>When?</title><link>https://agency.example.org/3</link><pubDate>some day soon</pubDate></item>
</channel></rss>"""


def entry(name: str, url: str, extra: str = "") -> str:
    return f"  - name: {name}\n    type: rss\n    url: {url}\n    allow_private: true\n{extra}"


def write(tmp_path, feed_server, *entries: str):
    path = tmp_path / "sources.yaml"
    path.write_text("fetching:\n  per_host_interval: 0.001s\nsources:\n" + "".join(entries))
    return path


def verify(path, *args):
    return CliRunner().invoke(cli, ["sources", "verify", "--sources", str(path), *args])


def test_one_line_per_enabled_source_and_exit_1_when_one_fails(tmp_path, feed_server):
    feed_server.serve("/ok.xml", RSS)
    feed_server.serve("/undated.xml", UNDATED)
    feed_server.serve("/walled.xml", RSS)
    feed_server.bot_wall("/walled.xml")
    feed_server.fail("/gone.xml", 404)
    path = write(
        tmp_path,
        feed_server,
        entry("agency", feed_server.url("/ok.xml")),
        entry("undated", feed_server.url("/undated.xml")),
        entry("walled", feed_server.url("/walled.xml")),  # served: the bot's client passes the wall
        entry("gone", feed_server.url("/gone.xml")),
        entry("parked", feed_server.url("/parked.xml"), "    enabled: false\n"),
    )
    result = verify(path)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:6] == ["ok", "agency", "2", "items", "newest", "2024-05-15"]
    assert lines[0].endswith("  -")
    assert lines[1].split()[:5] == ["warn", "undated", "1", "items", "newest"]
    assert "1 of 1 items have no date" in lines[1]
    assert lines[2].split()[:4] == ["ok", "walled", "2", "items"]
    assert lines[3].split()[:3] == ["FAIL", "gone", "0"] and "fetch: 404 from gone: gone" in lines[3]
    assert lines[4] == "4 sources: 2 ok, 1 with warnings, 1 failed; 1 disabled not tested"
    assert "/parked.xml" not in [r.path for r in feed_server.requests]  # disabled: never fetched


def test_exit_0_when_none_fails_and_strict_fails_on_warnings(tmp_path, feed_server):
    feed_server.serve("/ok.xml", RSS)
    feed_server.serve("/undated.xml", UNDATED)
    path = write(
        tmp_path,
        feed_server,
        entry("agency", feed_server.url("/ok.xml")),
        entry("undated", feed_server.url("/undated.xml")),
    )
    assert verify(path).exit_code == 0
    assert verify(path, "--strict").exit_code == 1
    assert verify(path, "agency", "--strict").exit_code == 0  # only the named source


def test_json_lines_and_unknown_names(tmp_path, feed_server):
    feed_server.fail("/walled.xml", 403)
    path = write(tmp_path, feed_server, entry("walled", feed_server.url("/walled.xml")))
    result = verify(path, "--json")
    assert result.exit_code == 1
    (row,) = [json.loads(line) for line in result.output.splitlines()]
    assert (row["source"], row["state"], row["items"], row["newest"]) == ("walled", "fail", 0, None)
    assert row["problems"][0]["message"] == "fetch: 403 from walled: the site refused this client; try `headers:`"
    missing = verify(path, "nope")
    assert missing.exit_code == 2 and "no source named 'nope'" in missing.output
