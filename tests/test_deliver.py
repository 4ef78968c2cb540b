"""Delivery through the outbox with the real slack_sdk WebClient and the loopback Slack stand-in.

The crash points of one post: before it (row 'sending', nothing in Slack), after it (in Slack, row not
yet marked), and a failure after Slack stored it. Each must end with the alert in Slack exactly once.
"""

import threading
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.deliver import deliver_due
from bot.delivery.route import Target
from bot.notify.card import build_alert
from bot.notify.slack import SlackNotifier
from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.runtime import Runtime, iso
from storage import outbox
from storage.items import store
from tests.conftest import Clock

CHANNEL = "C0DELIVER"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    return Clock(NOW, mono=1000.0)


@pytest.fixture
def rt(tmp_path, slack_api, clock):
    notifier = SlackNotifier(slack_api.token, CHANNEL, base_url=slack_api.url)
    return Runtime(
        db_path=tmp_path / "a.db",
        tagger=None,
        routes=None,
        notifiers={"slack": notifier},
        now=lambda: clock.now,
        monotonic=lambda: clock.mono,
    )


def alerts(rt, n):
    items = []
    for i in range(n):
        item = Item(
            source="feed",
            id=f"item-{i}",
            url=f"https://news.example.org/{i}",
            title=f"Kimsuky campaign {i} against researchers",
            published=NOW,
            text="North Korean hackers.",
        )
        tags = Tags(
            dprk_cyber=True,
            dprk_related=True,
            score=0.9,
            actors=("Kimsuky",),
            evidence=(Evidence("actor", "Kimsuky", "Kimsuky", 0, 7),),
        )
        items.append(TaggedItem(item, tags))
    store(rt.db(), "feed", items, iso(NOW), routes=lambda t: [Target("slack", CHANNEL, "default")])
    return outbox.due(rt.db(), iso(NOW))


def sent_ids(slack_api):
    """The outbox row id behind each post (posts of single alerts carry the key a<row id>)."""
    return [int(m["metadata"]["event_payload"]["alert_id"][1:]) for m in slack_api.messages(CHANNEL)]


def test_posts_in_order_once_and_paced_per_channel(rt, slack_api, clock):
    rows = alerts(rt, 3)
    report = deliver_due(rt, sleep=clock.sleep)
    assert report.sent == 3
    assert sent_ids(slack_api) == [r["id"] for r in rows]
    assert clock.sleeps == [1.0, 1.0]  # at most one message per second per channel
    assert deliver_due(rt, sleep=clock.sleep).sent == 0
    assert len(slack_api.messages(CHANNEL)) == 3


def test_crash_before_the_post(rt, slack_api, clock):
    (row,) = alerts(rt, 1)
    outbox.mark_sending(rt.db(), [row["id"]], f"a{row['id']}", iso(NOW))  # then the process died
    report = deliver_due(rt, sleep=clock.sleep)
    assert (report.sent, report.recovered) == (1, 0)
    assert sent_ids(slack_api) == [row["id"]]


def test_crash_after_the_post_before_marking(rt, slack_api, clock):
    (row,) = alerts(rt, 1)
    outbox.mark_sending(rt.db(), [row["id"]], f"a{row['id']}", iso(NOW))
    from storage.items import load_tagged

    tagged = load_tagged(rt.db(), row["item_id"])
    rt.routing.notifiers["slack"].send(
        build_alert(tagged.item, tagged.tags, alert_id=f"a{row['id']}")
    )  # posted, killed
    report = deliver_due(rt, sleep=clock.sleep)
    assert (report.sent, report.recovered) == (0, 1)
    assert sent_ids(slack_api) == [row["id"]]
    assert outbox.counts(rt.db()) == {"sent": 1}


def test_outage_keeps_rows_pending_then_delivers_each_once(rt, slack_api, clock):
    rows = alerts(rt, 2)
    slack_api.fail_next(1, status=500, method="chat.postMessage")
    report = deliver_due(rt, sleep=clock.sleep)
    assert (report.sent, report.failed) == (0, 1)  # the channel is held after the first failure: no hammering
    assert outbox.counts(rt.db()) == {"pending": 2}
    held = rt.db().execute("SELECT DISTINCT next_attempt_at FROM outbox").fetchall()
    assert len(held) == 1  # both rows wait the same time, so the later one cannot overtake
    assert deliver_due(rt, sleep=clock.sleep).sent == 0  # backing off
    clock.now = NOW + timedelta(hours=2)
    assert deliver_due(rt, sleep=clock.sleep).sent == 2
    assert sent_ids(slack_api) == [r["id"] for r in rows]


def test_timeout_after_slack_stored_the_post_is_not_posted_twice(rt, slack_api, clock):
    (row,) = alerts(rt, 1)
    rt.routing.notifiers["slack"] = SlackNotifier(slack_api.token, CHANNEL, base_url=slack_api.url, timeout=0.3)
    slack_api.fail_next(1, delay=0.8, method="chat.postMessage")  # Slack stores it, the answer comes too late
    report = deliver_due(rt, sleep=clock.sleep)
    assert report.failed == 1 and outbox.counts(rt.db()) == {"pending": 1}
    clock.now = NOW + timedelta(hours=2)
    for _ in range(50):  # the stand-in finishes the slow request in the background
        if slack_api.messages(CHANNEL):
            break
        threading.Event().wait(0.05)
    report = deliver_due(rt, sleep=clock.sleep)
    assert (report.sent, report.recovered) == (0, 1)
    assert sent_ids(slack_api) == [row["id"]]


def test_permanent_error_stops_the_notifier_and_keeps_rows(rt, slack_api, clock):
    alerts(rt, 3)
    slack_api.fail_next(1, error="channel_not_found", method="chat.postMessage")
    report = deliver_due(rt, sleep=clock.sleep)
    assert report.broken == {"slack"} and report.failed == 1
    assert outbox.counts(rt.db()) == {"pending": 3}  # nothing dropped, nothing else attempted
    assert len(slack_api.calls("chat.postMessage")) == 1
