"""A post's kind is the one stored with its batch key (outbox.batch_kind), never the key's first letter, so a
burst resumed after a crash goes on as a burst: its rows are alert rows, only batch_kind says they are a burst."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.deliver import deliver_due
from bot.delivery.plan import plan
from bot.notify.slack import SlackNotifier
from storage import open_archive, outbox
from storage.archive import MIGRATIONS
from tests.conftest import Clock
from tests.old_archive import archive_at
from tests.test_delivery_modes import INTEL, make_rt, payloads, store_routed, tagged

NOW = datetime(2026, 11, 26, 12, 10, tzinfo=UTC)


def row(id_, kind="alert", mode="immediate", batch_key=None, batch_kind=None, **extra):
    return {
        "id": id_,
        "kind": kind,
        "mode": mode,
        "notifier": "intel",
        "channel": INTEL,
        "route": "all",
        "due_at": None,
        "parent_id": None,
        "batch_key": batch_key,
        "batch_kind": batch_kind,
        **extra,
    }


def test_the_stored_kind_decides_even_when_the_key_letter_disagrees():
    rows = [
        row(1, batch_key="a1", batch_kind="burst"),
        row(2, batch_key="a1", batch_kind="burst"),
        row(3, kind="followup", batch_key="o3", batch_kind="followup", parent_id=1),
        row(4, mode="digest", batch_key="x4", batch_kind="digest"),  # a letter no kind has
    ]
    assert [(p.key, p.kind, p.ids) for p in plan(rows, burst_threshold=20)] == [
        ("a1", "burst", [1, 2]),
        ("o3", "followup", [3]),
        ("x4", "digest", [4]),
    ]


def test_fresh_rows_take_their_kind_from_the_kind_and_mode_columns():
    rows = [row(1), row(2, mode="digest", due_at="2026-11-26T13:00:00"), row(3, kind="ops"), row(4, kind="followup")]
    assert [(p.key, p.kind) for p in plan(rows, burst_threshold=20)] == [
        ("a1", "alert"),
        ("d2", "digest"),
        ("o3", "ops"),
        ("f4", "followup"),
    ]
    burst = plan([row(n) for n in range(1, 5)], burst_threshold=3)
    assert [(p.key, p.kind, len(p.rows)) for p in burst] == [("b1", "burst", 4)]


def test_a_burst_under_a_key_with_an_alert_letter_is_delivered_as_a_burst(tmp_path, slack_api):
    """Delivery reads the kind it stored: with the kind taken from the key, these 45 rows would be one alert."""
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}], threshold=5)
    store_routed(rt, [tagged(n) for n in range(45)])
    ids = [r["id"] for r in outbox.due(rt.db(), NOW.isoformat())]
    outbox.mark_sending(rt.db(), ids, f"a{ids[0]}", NOW.isoformat(), kind="burst")  # then the process died
    report = deliver_due(rt, sleep=clock.sleep)
    messages = slack_api.messages(INTEL)
    assert len(messages) == 4 and all(m["thread_ts"] == messages[0]["ts"] for m in messages[1:])  # summary, 3 parts
    assert report.sent == 45 and outbox.counts(rt.db()) == {"sent": 45}


class Killed(BaseException):
    """kill -9 in the middle of a post: nothing after it runs (no except clause of the deliverer catches it)."""


@pytest.mark.parametrize(
    ("killed_at", "reaches_slack"),
    [(1, True), (3, False)],  # the summary posted but never answered; part two's post never sent
)
def test_a_burst_resumed_after_a_crash_goes_on_as_the_same_burst(tmp_path, slack_api, killed_at, reaches_slack):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}], threshold=5)
    store_routed(rt, [tagged(n) for n in range(45)])
    notifier = rt.routing.notifiers["intel"]
    send, posts = notifier.send, {"n": 0}

    def dies_at_one_post(message):
        posts["n"] += 1
        if posts["n"] == killed_at:
            if reaches_slack:
                send(message)
            raise Killed
        return send(message)

    notifier.send = dies_at_one_post
    with pytest.raises(Killed):
        deliver_due(rt, sleep=clock.sleep)
    kinds = {r[0] for r in rt.db().execute("SELECT batch_kind FROM outbox WHERE batch_key IS NOT NULL")}
    assert kinds == {"burst"}  # the burst's alert rows carry the post's kind
    clock.now += timedelta(minutes=5)
    restarted = SlackNotifier(slack_api.token, INTEL, base_url=slack_api.url)  # a new process
    restarted.name = "intel"
    rt.routing.notifiers["intel"] = restarted
    deliver_due(rt, sleep=clock.sleep)
    messages = slack_api.messages(INTEL)
    assert len(messages) == 4  # one summary and three parts of 20, 20 and 5: nothing twice, nothing as an alert
    assert all(m["thread_ts"] == messages[0]["ts"] for m in messages[1:])
    keys = [p["alert_id"] for p in payloads(slack_api)]
    assert len(keys) == len(set(keys)) and all(k.startswith("b") for k in keys)
    assert outbox.counts(rt.db()) == {"sent": 45}


def test_an_archive_of_version_7_gets_the_kind_of_the_posts_already_tried(tmp_path):
    path = tmp_path / "v7.db"
    db = archive_at(path, 7)
    db.execute("INSERT INTO items (id, first_seen, source) VALUES ('i1', '2026-11-26', 'feed')")
    keys = ["a1", "b2", "b2", "d4", "f5", "o6", None]
    for n, key in enumerate(keys, start=1):
        db.execute(
            "INSERT INTO outbox (id, kind, item_id, notifier, channel, subject, batch_key, thread_ts, status,"
            " created_at, updated_at) VALUES (?, 'alert', 'i1', 'intel', ?, ?, ?, ?, 'pending', 'now', 'now')",
            (n, INTEL, f"s{n}", key, "1.1" if key == "b2" else None),
        )
    db.conn.close()
    db = open_archive(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    kinds = db.execute("SELECT batch_kind FROM outbox ORDER BY id").fetchall()
    assert [k[0] for k in kinds] == ["alert", "burst", "burst", "digest", "followup", "ops", None]
    burst = [p for p in plan(outbox.due(db, "2026-11-27"), burst_threshold=20) if p.key == "b2"]
    assert [(p.kind, p.ids) for p in burst] == [("burst", [2, 3])]  # two alert rows: still one burst
