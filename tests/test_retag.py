"""`advisory-bot retag`: re-tag the archive, report gains and losses, alert only when asked."""

from datetime import UTC, datetime

from click.testing import CliRunner

from bot.cli import cli
from bot.records import Item, TaggedItem, Tags
from bot.run.store import store
from storage import open_archive
from storage.items import load_tagged

NOW = "2026-11-26T12:00:00+00:00"


def archive_with_stale_tags(path):
    db = open_archive(path)
    missed = Item(
        source="news",
        id="missed",
        url="https://news.example.org/1",
        title="Kimsuky hackers target think tanks with fake interview requests",
        published=datetime(2026, 11, 1, tzinfo=UTC),
        text="North Korean state hackers of the Kimsuky group sent spear-phishing emails to researchers.",
    )
    wrong = Item(
        source="news",
        id="wrong",
        url="https://news.example.org/2",
        title="Zinc prices rose again",
        published=datetime(2026, 11, 2, tzinfo=UTC),
        text="Zinc and copper prices rose on the metals market.",
    )
    store(
        db,
        "news",
        [
            TaggedItem(missed, Tags()),
            TaggedItem(wrong, Tags(dprk_cyber=True, dprk_related=True, score=0.8, actors=("Lazarus Group",))),
        ],
        NOW,
    )
    return db


def test_retag_reports_and_updates_without_alerting(tmp_path):
    db = archive_with_stale_tags(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["retag", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    assert "+ dprk_cyber  missed" in result.output
    assert "- dprk_cyber  wrong" in result.output
    assert "2 items, 2 changed, 1 gained dprk_cyber, 1 lost it, 0 alerts queued" in result.output
    assert load_tagged(db, "missed").tags.actors == ("Kimsuky",)
    assert load_tagged(db, "wrong").tags.actors == ()
    assert db.execute("SELECT value FROM item_tags WHERE item_id = 'missed' AND kind = 'actor'").fetchall() == [
        ("Kimsuky",)
    ]
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    again = CliRunner().invoke(cli, ["retag", "--db", str(tmp_path / "a.db")])
    assert "2 items, 0 changed" in again.output


def test_retag_alert_queues_and_delivers_gains_once(tmp_path):
    db = archive_with_stale_tags(tmp_path / "a.db")
    args = ["retag", "--alert", "--db", str(tmp_path / "a.db")]
    result = CliRunner().invoke(cli, args, env={"SLACK_BOT_TOKEN": ""})
    assert result.exit_code == 0, result.output
    assert "1 alerts queued" in result.output and "1 alerts sent" in result.output
    assert "Kimsuky hackers target think tanks" in result.stdout  # the console notifier printed it
    assert db.execute("SELECT item_id, status FROM outbox").fetchall() == [("missed", "sent")]


def test_retag_since_limits_the_items(tmp_path):
    archive_with_stale_tags(tmp_path / "a.db")
    result = CliRunner().invoke(cli, ["retag", "--since", "2026-11-02", "--db", str(tmp_path / "a.db")])
    assert "1 items, 1 changed, 0 gained dprk_cyber, 1 lost it" in result.output
