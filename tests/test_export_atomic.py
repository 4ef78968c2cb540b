"""Exports are written whole or not at all; the Atom feed takes items whose link was dropped."""

import os

import feedparser
import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.export import atom
from bot.export.output import export_file
from storage import open_archive
from storage.archive import transaction


def test_atom_takes_an_item_without_a_link(writable_archive, tmp_path):
    with transaction(open_archive(writable_archive)) as conn:  # a javascript: link is dropped at extraction: url ''
        conn.execute("UPDATE items SET url = '' WHERE id LIKE 'k1%'")
    out = tmp_path / "feed.xml"
    result = CliRunner().invoke(cli, ["export", "--format", "atom", "-o", str(out), "--db", str(writable_archive)])
    assert result.exit_code == 0, result.output
    feed = feedparser.parse(out.read_bytes())
    assert not feed.bozo and len(feed.entries) == 7
    entry = next(e for e in feed.entries if e.id.endswith("k1aaaaaaaaaaaaaaaaaaaaaa"))
    assert "links" not in entry or not [link for link in entry.links if link.get("rel") == "alternate"]
    assert entry.content[0].value.startswith("The advisory describes spear phishing")


def listing(directory):
    return sorted(p.name for p in directory.iterdir())


def test_a_failing_export_leaves_the_old_file_and_no_temporary(writable_archive, tmp_path, monkeypatch):
    out = tmp_path / "out" / "feed.xml"
    out.parent.mkdir()
    out.write_text("the previous feed\n")
    os.chmod(out, 0o640)

    def half_then_fail(rows, stream, options):
        stream.write("<feed>")
        raise RuntimeError("exporter broke halfway")

    monkeypatch.setattr(atom, "write", half_then_fail)
    result = CliRunner().invoke(cli, ["export", "--format", "atom", "-o", str(out), "--db", str(writable_archive)])
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    assert out.read_text() == "the previous feed\n"
    assert listing(out.parent) == ["feed.xml"]
    monkeypatch.undo()
    result = CliRunner().invoke(cli, ["export", "--format", "atom", "-o", str(out), "--db", str(writable_archive)])
    assert result.exit_code == 0 and out.read_text().startswith("<?xml")
    assert listing(out.parent) == ["feed.xml"] and out.stat().st_mode & 0o777 == 0o640  # its mode kept


def test_export_file_replaces_only_on_success(tmp_path):
    target = tmp_path / "x.csv"
    with export_file(target) as out:
        out.write("a,b\n")
    assert target.read_text() == "a,b\n" and target.stat().st_mode & 0o777 == 0o666 & ~current_umask()
    with pytest.raises(KeyboardInterrupt), export_file(target) as out:
        out.write("partial")
        raise KeyboardInterrupt
    assert target.read_text() == "a,b\n" and listing(tmp_path) == ["x.csv"]


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
