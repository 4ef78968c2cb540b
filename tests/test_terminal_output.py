"""Terminal escapes in feed text, feed URLs and discovered links never reach the terminal.

Every command prints through bot.terminal (`echo`, `stream`); the log formatters use the same `printable`.
"""

import io
import logging
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.observe import logs
from bot.terminal import printable
from storage.archive import transaction
from storage.sources import record_failure
from tests.analyst_archive import build
from tests.test_sources_cli import RSS

# an OSC 8 hyperlink hiding its target, a clear-screen, a title change, an 8-bit CSI, a CR that overwrites the line
ESCAPES = "\x1b]8;;https://evil.example/\x07\x1b[2J\x1b]0;pwned\x07\x9b31m\rok"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def assert_clean(text: str) -> None:
    assert not RAW.search(text), repr(RAW.search(text).group(0))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),
        ("x\x1b]8;;https://evil.example/\x07link\x1b]8;;\x07", "xlink"),
        ("t\x9b2Jz", "tz"),
        ("over\rwrite", "overwrite"),
        ("keep\ttab\nand line", "keep\ttab\nand line"),
        ("abc\u202edcb", "abcdcb"),
        ("한국어 日本語", "한국어 日本語"),
    ],
)
def test_printable(raw, expected):
    assert printable(raw) == expected


@pytest.fixture
def escapes_archive(tmp_path):
    path = tmp_path / "advisories.db"
    db = build(path)
    with transaction(db) as conn:
        conn.execute(
            "UPDATE items SET url = ?, title = ? WHERE id = 'k1aaaaaaaaaaaaaaaaaaaaaa'",
            (f"https://kisa.example/{ESCAPES}", f"Kimsuky {ESCAPES}"),
        )
    record_failure(db, "evil-feed", f"https://feed.example/{ESCAPES}", "2026-11-25T09:00:00+00:00",
                   f"fetch: 503 {ESCAPES}", "server_error", None)  # fmt: skip
    db.close()
    return path


def test_show_and_search(escapes_archive):
    for args in (["show", "k1aaaaaaaaaaaaaaaaaaaaaa"], ["show", "k1aaaaaaaaaaaaaaaaaaaaaa", "--json"], ["search", "Kimsuky"],
                 ["search", "Kimsuky", "--csv"], ["search", "Kimsuky", "--json"]):  # fmt: skip
        result = CliRunner().invoke(cli, [*args, "--db", str(escapes_archive)])
        assert result.exit_code == 0, result.output
        assert "kisa.example" in result.output or "k1aaaa" in result.output
        assert_clean(result.output)


def test_status(escapes_archive, tmp_path):
    for args in (["status"], ["status", "--json"]):
        result = CliRunner().invoke(
            cli, [*args, "--db", str(escapes_archive), "--sources", str(tmp_path / "none.yaml")]
        )
        assert result.exit_code == 0, result.output
        assert "evil-feed" in result.output
        assert_clean(result.output)


def test_sources_add_with_hostile_discovered_links(tmp_path, feed_server, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n")
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        f'<link rel="alternate" type="application/rss+xml" href="/other{ESCAPES}.xml" title="T {ESCAPES}">'
        "</head></html>"
    )
    feed_server.serve("/page", page.encode(), content_type="text/html; charset=utf-8")
    feed_server.serve("/rss.xml", RSS.replace("/a/1<", f"/a/1{ESCAPES}<").encode())
    result = CliRunner().invoke(cli, ["sources", "add", feed_server.url("/page"), "--sources", str(sources),
                                      "--allow-private", "--yes"])  # fmt: skip
    assert "also: " in result.output and "evil.example" in result.output  # shown, but inert
    assert_clean(result.output)


def test_errors_and_logs(tmp_path):
    result = CliRunner().invoke(
        cli, ["show", f"nope{ESCAPES}", "--db", str(build(tmp_path / "a.db") and tmp_path / "a.db")]
    )
    assert result.exit_code == 1 and "no item" in result.output
    assert_clean(result.output)
    for fmt in ("human", "json"):
        out = io.StringIO()
        logs.setup("INFO", fmt, stream=out)
        logging.getLogger("advisory_bot.test").warning(f"fetch failed {ESCAPES}", extra={"url": f"https://x/{ESCAPES}"})
        assert "fetch failed" in out.getvalue()
        assert_clean(out.getvalue())
    logging.getLogger().handlers.clear()


def test_every_command_prints_through_the_helper():
    commands = Path(__file__).parent.parent / "bot" / "commands"
    raw = [f"{p.name}:{n}" for p in commands.glob("*.py") for n, line in enumerate(p.read_text().splitlines(), 1)
           if re.search(r"\bclick\.(echo|secho)\(|\bprint\(|sys\.stdout\.write", line)]  # fmt: skip
    assert raw == []


def test_sources_add_refuses_a_discovered_link_with_escapes(tmp_path, feed_server, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n")
    page = f'<html><head><link rel="alternate" type="application/rss+xml" href="/rss{ESCAPES}.xml"></head></html>'
    feed_server.serve("/page", page.encode(), content_type="text/html; charset=utf-8")
    result = CliRunner().invoke(cli, ["sources", "add", feed_server.url("/page"), "--sources", str(sources),
                                      "--allow-private", "--yes"])  # fmt: skip
    assert result.exit_code == 1 and "a space or a control character" in result.output and "not added" in result.output
    assert sources.read_text() == "sources: []\n"
    assert_clean(result.output)
