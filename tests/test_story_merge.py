"""A report close in meaning to reports of two stories bridges them: one story, whichever report came first.

Sources are refreshed in parallel, so two reports of one event can each start a story in one cycle when they are
not close enough to each other; a third close to both must not leave them apart. An alert still waiting for
delivery then becomes a reply in the other story's thread; two stories whose alerts are both out stay apart
(merging would hide one alert's replies in another's thread).

The vectors are set by hand (unit vectors with known cosines) so each test decides exactly which reports are close;
the encoder itself is tested in test_stories_meaning.py. The archive, the store transaction, the routing, the
delivery and the Slack stand-in are the real ones.
"""

import dataclasses
from datetime import timedelta

import numpy as np
import pytest

from bot.delivery.deliver import deliver_due
from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.store import store
from bot.stories import meaning
from storage import open_archive
from tests.conftest import Clock
from tests.test_delivery_modes import INTEL, NOW, make_rt, store_routed

A = np.array([1.0, 0.0, 0.0, 0.0])
B = np.array([0.8, 0.6, 0.0, 0.0])  # cos(A, B) = 0.80: below the same-language bar (0.89)


def between(weight_a: float) -> np.ndarray:
    """A unit vector between A and B: 0.5 is 0.95 from both; 0.6 is 0.97 from A and 0.93 from B."""
    v = weight_a * A + (1 - weight_a) * B
    return v / np.linalg.norm(v)


TITLES = {
    "a": ("Exchange halts withdrawals after wallet drained", "The exchange paused deposits overnight."),
    "b": ("Investigators trace stolen tokens to mixers", "Analysts followed the funds across chains."),
    "c": ("Pyongyang operatives blamed for overnight crypto raid", "Officials pointed at North Korean hackers."),
}


def report(key: str, vector: np.ndarray, *, cyber: bool, minutes: int, source: str | None = None) -> TaggedItem:
    title, text = TITLES[key]
    item = Item(
        source=source or f"outlet-{key}",
        id=f"item-{key}",
        url=f"https://{key}.example.org/story",
        title=title,
        published=NOW + timedelta(minutes=minutes),
        text=text,
        language="en",
    )
    tags = Tags(
        dprk_cyber=cyber,
        dprk_related=True,
        score=0.9 if cyber else 0.3,
        evidence=(Evidence("dprk", "North Korea", "North Korean", 0, 12),) if cyber else (),
    )
    t = TaggedItem(item, tags)
    clues = meaning.clues(title, text, "en", tags)
    return dataclasses.replace(t, vector=vector.astype("<f4").tobytes(), model="hand-made", clues=clues.to_json())


def stories_of(db) -> dict[str, int]:
    return dict(db.execute("SELECT id, story_id FROM items").fetchall())


@pytest.mark.parametrize("order", ["abc", "bac"])
def test_a_report_close_to_two_stories_makes_them_one_whichever_came_first(tmp_path, order):
    db = open_archive(tmp_path / "a.db")
    reports = {
        "a": report("a", A, cyber=False, minutes=0),
        "b": report("b", B, cyber=False, minutes=5),
        "c": report("c", between(0.5), cyber=False, minutes=10),
    }
    now = NOW.isoformat()
    for key in order[:2]:
        store(db, reports[key].item.source, [reports[key]], now)
    assert len(set(stories_of(db).values())) == 2  # a and b are not close enough to each other
    store(db, "outlet-c", [reports["c"]], now)
    story = stories_of(db)
    assert story["item-a"] == story["item-b"] == story["item-c"]
    ((count, first, title),) = db.execute("SELECT items_count, first_item_id, title FROM stories").fetchall()
    assert (count, first, title) == (3, "item-a", TITLES["a"][0])  # the earlier report is first, in both orders
    members = dict(db.execute("SELECT item_id, story_id FROM story_members").fetchall())
    assert set(members.values()) == {story["item-a"]}  # no member left pointing at the story that was dropped


def test_a_bridged_story_without_an_alert_joins_the_alerted_one_and_its_report_replies_in_the_thread(
    tmp_path, slack_api
):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    store_routed(rt, [report("a", A, cyber=False, minutes=0)], source="outlet-a")  # not DPRK cyber: no alert
    store_routed(rt, [report("b", B, cyber=True, minutes=5)], source="outlet-b")  # its own story, alerted
    store_routed(rt, [report("c", between(0.6), cyber=True, minutes=10)], source="outlet-c")  # closest to a
    story = stories_of(rt.db())
    assert story["item-a"] == story["item-b"] == story["item-c"]
    deliver_due(rt, sleep=clock.sleep)
    alert, reply = slack_api.messages(INTEL)
    assert alert["metadata"]["event_payload"]["item_id"] == "item-b"  # the alerted story kept its lead
    assert reply["thread_ts"] == alert["ts"] and "c.example.org" in str(reply["blocks"])


def test_two_alerted_stories_stay_apart_once_both_alerts_are_out(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    store_routed(rt, [report("a", A, cyber=True, minutes=0)], source="outlet-a")
    store_routed(rt, [report("b", B, cyber=True, minutes=5)], source="outlet-b")
    deliver_due(rt, sleep=clock.sleep)  # both alerts are posted before the bridging report comes
    store_routed(rt, [report("c", between(0.6), cyber=True, minutes=10)], source="outlet-c")
    story = stories_of(rt.db())
    assert story["item-c"] == story["item-a"] != story["item-b"]  # c joins the closer; b keeps its own alert
    deliver_due(rt, sleep=clock.sleep)
    messages = slack_api.messages(INTEL)
    top = [m for m in messages if m.get("thread_ts", m["ts"]) == m["ts"]]  # a thread's parent carries its own ts
    assert sorted(m["metadata"]["event_payload"]["item_id"] for m in top) == ["item-a", "item-b"]
    (reply,) = [m for m in messages if m not in top]
    assert reply["thread_ts"] == next(m["ts"] for m in top if m["metadata"]["event_payload"]["item_id"] == "item-a")


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_an_alert_still_waiting_becomes_a_reply_when_a_report_bridges_its_story(tmp_path, slack_api, order):
    """Two reports of one event, in two languages, each open a story in one cycle (not close enough to each
    other), both alerts queued; a third close to both arrives before delivery: one story, one alert (the earlier
    report's), the other two replies in its thread, whichever source answered first."""
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    reports = {"a": report("a", A, cyber=True, minutes=0), "b": report("b", B, cyber=True, minutes=5)}
    for key in order:
        store_routed(rt, [reports[key]], source=f"outlet-{key}")
    assert len(set(stories_of(rt.db()).values())) == 2
    store_routed(rt, [report("c", between(0.6), cyber=True, minutes=10)], source="outlet-c")
    story = stories_of(rt.db())
    assert story["item-a"] == story["item-b"] == story["item-c"]
    deliver_due(rt, sleep=clock.sleep)
    messages = slack_api.messages(INTEL)
    top = [m for m in messages if m.get("thread_ts", m["ts"]) == m["ts"]]
    assert [m["metadata"]["event_payload"]["item_id"] for m in top] == ["item-a"]  # one alert for the event
    replies = [m for m in messages if m not in top]
    assert replies and all(m["thread_ts"] == top[0]["ts"] for m in replies)
    shown = " ".join(str(m["blocks"]) for m in replies)
    assert "b.example.org" in shown and "c.example.org" in shown  # both later reports are in the thread
    statuses = {row[0] for row in rt.db().execute("SELECT status FROM outbox").fetchall()}
    assert statuses == {"sent"}  # nothing left waiting, nothing sent twice


def test_an_alert_read_for_posting_is_not_posted_once_it_became_a_reply(tmp_path, slack_api):
    """The daemon delivers beside the stores: rows read for a post may change before the post claims them. An
    alert folded into another story's thread in between is not posted as an alert; the next round posts it as
    the reply it became."""
    from storage import outbox

    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    store_routed(rt, [report("a", A, cyber=True, minutes=0)], source="outlet-a")
    store_routed(rt, [report("b", B, cyber=True, minutes=5)], source="outlet-b")
    db = rt.db()
    read = {row["item_id"]: row["id"] for row in outbox.due(db, NOW.isoformat())}  # what a deliverer has read
    store_routed(rt, [report("c", between(0.6), cyber=True, minutes=10)], source="outlet-c")  # b folds into a
    assert not outbox.mark_sending(db, [read["item-b"]], f"a{read['item-b']}", NOW.isoformat(), kind="alert")
    ((status, attempts, kind),) = db.execute(
        "SELECT status, attempts, kind FROM outbox WHERE id = ?", (read["item-b"],)
    ).fetchall()
    assert (status, attempts, kind) == ("pending", 0, "followup")  # untouched by the refused claim
    assert outbox.mark_sending(db, [read["item-a"]], f"a{read['item-a']}", NOW.isoformat(), kind="alert")


def test_folding_keeps_an_alert_in_a_channel_the_kept_story_never_alerted(tmp_path):
    """alerting.fold, channel by channel: where the kept story has an alert, the merged story's waiting alert
    becomes a reply there (with the reply queued under it); where it has none, the alert stays an alert."""
    from bot.stories import alerting
    from storage import alerts

    db = open_archive(tmp_path / "a.db")
    now = NOW.isoformat()
    for key, vector in (("a", A), ("b", B)):
        store(db, f"outlet-{key}", [report(key, vector, cyber=True, minutes=0)], now)
    story = stories_of(db)
    with db.conn:
        kept = alerts.add_alert(db.conn, "item-a", "slack", "#intel", "all", "immediate", None, now)
        alerts.add_alert(db.conn, "item-b", "slack", "#intel", "all", "immediate", None, now)
        alerts.add_alert(db.conn, "item-b", "slack", "#exec", "all", "immediate", None, now)
    assert kept == 1
    rows = {(r[0], r[1]): r[2] for r in db.execute("SELECT item_id, channel, id FROM outbox").fetchall()}
    with db.conn:  # one more source carried b: a reply queued under b's own alert
        alerts.add_followup(db.conn, "item-b", "slack", "#intel", "all", rows[("item-b", "#intel")], now, "outlet-z")
        alerting.fold(db.conn, story["item-b"], story["item-a"], now)
    got = {
        (item, channel, subject): (kind, parent)
        for item, channel, subject, kind, parent in db.execute(
            "SELECT item_id, channel, subject, kind, parent_id FROM outbox"
        )
    }
    intel_alert = rows[("item-a", "#intel")]
    assert got[("item-a", "#intel", "")] == ("alert", None)
    assert got[("item-b", "#intel", "")] == ("followup", intel_alert)  # a reply in the kept story's thread
    assert got[("item-b", "#intel", "outlet-z")] == ("followup", intel_alert)  # its reply moved along
    assert got[("item-b", "#exec", "")] == ("alert", None)  # the kept story never alerted #exec: still an alert
