"""`advisory-bot stats` and `report --week`: counts per period, the chart, the weekly summary."""

from click.testing import CliRunner

from bot.cli import cli
from storage import open_archive
from storage.stats import Count, counts

PNG = b"\x89PNG\r\n\x1a\n"


def run(archive, *args):
    result = CliRunner().invoke(cli, [*args, "--db", str(archive)])
    assert result.exit_code == 0, result.output
    return result


def test_counts_per_month_and_week(archive):
    db = open_archive(archive)
    assert counts(db, "actor", "month", since="2026-11-01") == [
        Count("2026-11", "Kimsuky", 2), Count("2026-11", "TraderTraitor", 2), Count("2026-11", "APT38", 1)
    ]  # fmt: skip
    weeks = {(c.period, c.key): c.items for c in counts(db, "sector", "week", since="2026-11-16")}
    # weeks start on Monday: 2026-11-16 and 2026-11-23
    assert weeks == {("2026-11-16", "cryptocurrency"): 1, ("2026-11-16", "government"): 1,
                     ("2026-11-16", "think-tanks-academia"): 1, ("2026-11-23", "cryptocurrency"): 1,
                     ("2026-11-23", "technology"): 1}  # fmt: skip
    sources = {(c.period, c.key): c.items for c in counts(db, "source", "month", since="2026-11-01", dprk_only=False)}
    assert sources[("2026-11", "security-week")] == 3 and sources[("2026-11", "vendor-research")] == 1


def test_stats_table_and_plot(archive, tmp_path):
    png = tmp_path / "mentions.png"
    out = run(archive, "stats", "--by", "actor", "--period", "month", "--plot", str(png)).stdout.splitlines()
    assert out[0].split() == ["period", "Kimsuky", "TraderTraitor", "APT38", "Andariel", "Famous", "Chollima",
                              "Lazarus", "Group"]  # fmt: skip
    assert out[-1].split() == ["2026-11", "2", "2", "1", "0", "0", "0"]
    assert png.read_bytes().startswith(PNG) and png.stat().st_size > 10_000


def test_stats_for_one_actor_by_alias(archive):
    out = run(archive, "stats", "--actor", "Jade Sleet", "--period", "week").stdout.splitlines()
    assert out == ["period      TraderTraitor", "2026-11-16              1", "2026-11-23              1"]


def test_weekly_report_text(archive):
    out = run(archive, "report", "--week", "--end", "2026-11-25").stdout
    assert "2 new story(ies)" in out
    assert "new stories by actor:  APT38 1, Kimsuky 1, TraderTraitor 1" in out
    assert "2  TraderTraitor exchange theft  [APT38, TraderTraitor]" in out
    # the top item is the one carried by two sources
    assert out.split("top items:\n")[1].splitlines()[0].startswith("  2026-11-23  Exchange hack")


def test_weekly_report_html_with_chart(archive, tmp_path):
    page = tmp_path / "week.html"
    run(archive, "report", "--week", "--end", "2026-11-25", "--out", str(page))
    html = page.read_text()
    assert "<h1>DPRK cyber week 2026-11-18 to 2026-11-25</h1>" in html
    assert '<tr><td>Kimsuky</td><td class="n">1</td></tr>' in html
    assert '<a href="https://news.example.com/exchange-hack">Exchange hack' in html
    assert 'src="data:image/png;base64,iVBORw0KGgo' in html  # the chart, embedded
    # an older week: the Dream Job story (October) and nothing from November
    old = run(archive, "report", "--week", "--end", "2026-10-08").stdout
    assert "Operation Dream Job" in old and "TraderTraitor" not in old
