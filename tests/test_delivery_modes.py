"""Bursts, digests, follow-ups and ops events, delivered with the real WebClient to the loopback Slack stand-in."""

import re
from datetime import UTC, datetime, timedelta

from bot.config.routes import RoutesFile
from bot.delivery.deliver import deliver_due
from bot.delivery.route import Router
from bot.notify.slack import SlackNotifier
from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.health import Ops, after_failure, after_success
from bot.run.runtime import Runtime, iso
from bot.run.store import store
from storage import outbox
from tests.conftest import Clock, make_source

INTEL, OPS = "C0INTEL", "C0OPS"
NOW = datetime(2026, 11, 26, 12, 10, tzinfo=UTC)


def make_rt(tmp_path, slack_api, clock, routes, threshold=20):
    config = RoutesFile.model_validate(
        {
            "notifiers": [
                {"name": "intel", "type": "slack", "channel": INTEL},
                {"name": "ops", "type": "slack", "channel": OPS},
            ],
            "routes": routes,
            "ops": {"to": ["ops"], "failures": 3},
            "delivery": {"burst_threshold": threshold},
        }
    )
    notifiers = {
        n: SlackNotifier(slack_api.token, ch, base_url=slack_api.url) for n, ch in (("intel", INTEL), ("ops", OPS))
    }
    for name, notifier in notifiers.items():
        notifier.name = name
    return Runtime(
        db_path=tmp_path / "a.db",
        tagger=None,
        routes=Router(config).targets,
        notifiers=notifiers,
        delivery=config.delivery,
        ops=Ops((("ops", OPS),), 3),
        now=lambda: clock.now,
        monotonic=lambda: clock.mono,
    )


def tagged(n, actor="Kimsuky", advisory=None, source="news", url=None):
    item = Item(
        source=source,
        id=f"item-{n}",
        url=url or f"https://news.example.org/{n}",
        title=f"{actor} operation number {n}",
        published=NOW,
        text=f"North Korean hackers, report {n}.",
    )
    tags = Tags(
        dprk_cyber=True,
        dprk_related=True,
        score=0.5 + (n % 50) / 100,
        actors=(actor,),
        advisories=(advisory,) if advisory else (),
        evidence=(Evidence("actor", actor, actor, 0, len(actor)),),
    )
    return TaggedItem(item, tags)


def store_routed(rt, items, source="news"):
    return store(rt.db(), source, items, iso(rt.now()), routes=lambda t: rt.routing.routes(t.item, t.tags, rt.now()))


def payloads(slack_api, channel=INTEL):
    return [m["metadata"]["event_payload"] for m in slack_api.messages(channel)]


def test_a_burst_becomes_one_summary_and_thread_parts(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    store_routed(rt, [tagged(n, actor=("Kimsuky", "Andariel")[n % 2]) for n in range(200)])
    report = deliver_due(rt, sleep=clock.sleep)
    messages = slack_api.messages(INTEL)
    assert len(messages) == 11  # 1 summary + 200 items / 20 per reply
    summary, parts = messages[0], messages[1:]
    assert "200 new DPRK cyber items" in summary["text"]
    assert all(m["thread_ts"] == summary["ts"] for m in parts)
    assert report.sent == 200 and outbox.counts(rt.db()) == {"sent": 200}
    assert all(s >= 0.99 for s in clock.sleeps) and len(clock.sleeps) == 10  # paced: one post a second
    listed = "".join(str(m["blocks"]) for m in parts)
    assert sorted(int(n) for n in re.findall(r"operation number (\d+)", listed)) == list(range(200))  # each once


def test_a_burst_whose_summary_failed_is_posted_whole_later(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}], threshold=5)
    store_routed(rt, [tagged(n) for n in range(45)])
    slack_api.fail_next(1, status=500, method="chat.postMessage")  # the summary fails: nothing goes out
    deliver_due(rt, sleep=clock.sleep)
    assert slack_api.messages(INTEL) == []
    clock.now += timedelta(hours=1)
    deliver_due(rt, sleep=clock.sleep)
    assert len(slack_api.messages(INTEL)) == 4  # summary + 45/20 -> 3 parts
    keys = [p["alert_id"] for p in payloads(slack_api)]
    assert len(keys) == len(set(keys))
    clock.now += timedelta(hours=1)
    assert deliver_due(rt, sleep=clock.sleep).posts == 0
    assert outbox.counts(rt.db()) == {"sent": 45}


def test_burst_part_failure_then_recovery_posts_each_part_once(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}], threshold=5)
    store_routed(rt, [tagged(n) for n in range(45)])
    calls = {"n": 0}
    original = rt.routing.notifiers["intel"].send

    def send_fails_on_third_post(message):
        calls["n"] += 1
        if calls["n"] == 3:
            from bot.errors import NotifyError

            raise NotifyError("notify: slack chat.postMessage to C0INTEL: 500")
        return original(message)

    rt.routing.notifiers["intel"].send = send_fails_on_third_post
    first = deliver_due(rt, sleep=clock.sleep)
    assert first.posts == 2 and first.failed == 20  # summary, part one; part two failed
    clock.now += timedelta(hours=1)
    second = deliver_due(rt, sleep=clock.sleep)
    assert second.posts == 2  # parts two and three; the summary is not posted again
    messages = slack_api.messages(INTEL)
    assert len(messages) == 4 and all(m["thread_ts"] == messages[0]["ts"] for m in messages[1:])
    assert outbox.counts(rt.db()) == {"sent": 45}


def test_a_burst_part_slack_stored_but_never_answered_is_not_posted_twice(tmp_path, slack_api):
    """A reply is looked for in its thread (conversations.history lists top-level messages only)."""
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}], threshold=5)
    store_routed(rt, [tagged(n) for n in range(45)])
    posts = {"n": 0}

    def lose_the_answer_to_part_two(params):
        posts["n"] += 1
        return "store" if posts["n"] == 3 else None  # summary, part one, then part two: stored, answer lost

    slack_api.on("chat.postMessage", lose_the_answer_to_part_two)
    first = deliver_due(rt, sleep=clock.sleep)
    assert first.failed == 20 and len(slack_api.messages(INTEL)) == 3  # part two exists, the bot never heard
    clock.now += timedelta(hours=1)
    second = deliver_due(rt, sleep=clock.sleep)
    assert (second.recovered, second.sent) == (20, 5)  # part two found in the thread, part three posted
    keys = [p["alert_id"] for p in payloads(slack_api)]
    assert len(slack_api.messages(INTEL)) == 4 and len(keys) == len(set(keys))
    assert any(c.params.get("ts") for c in slack_api.calls("conversations.replies"))
    assert outbox.counts(rt.db()) == {"sent": 45}


def test_digest_waits_for_its_window_and_groups_by_actor(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(
        tmp_path,
        slack_api,
        clock,
        [{"name": "hourly", "to": ["intel"], "mode": "digest", "digest": {"every": "hourly"}}],
    )
    store_routed(rt, [tagged(1, "Kimsuky"), tagged(2, "Lazarus Group"), tagged(3, "Kimsuky")])
    assert deliver_due(rt, sleep=clock.sleep).posts == 0  # the window ends at 13:00
    clock.now = datetime(2026, 11, 26, 13, 0, 5, tzinfo=UTC)
    assert deliver_due(rt, sleep=clock.sleep).posts == 1
    (digest,) = slack_api.messages(INTEL)
    text = str(digest["blocks"])
    assert "3 item(s)" in text and text.index("Kimsuky* (2)") < text.index("Lazarus Group* (1)")
    clock.now += timedelta(hours=3)  # empty windows post nothing
    assert deliver_due(rt, sleep=clock.sleep).posts == 0
    assert len(slack_api.messages(INTEL)) == 1


def test_follow_ups_go_in_the_alert_thread(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    store_routed(rt, [tagged(1, advisory="AA24-207A", url="https://agency.example.gov/aa24-207a")])
    deliver_due(rt, sleep=clock.sleep)
    # the same advisory from another agency, and the first story carried by a news site
    store_routed(rt, [tagged(2, advisory="AA24-207A", source="agency-2")], source="agency-2")
    store_routed(
        rt,
        [tagged(1, advisory="AA24-207A", url="https://agency.example.gov/aa24-207a", source="news-2")],
        source="news-2",
    )
    deliver_due(rt, sleep=clock.sleep)
    alert, reply = slack_api.messages(INTEL)  # both follow-ups of one round: one reply, in the alert's thread
    assert reply["thread_ts"] == alert["ts"]
    assert "Also reported by news-2; 1 related report(s) on this story" in reply["text"]
    assert "operation number 2" in str(reply["blocks"])


def test_ops_events_for_a_failing_then_recovering_source(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    source = make_source("kr-board", "html", "ko", url="https://kr.example.org/", every=1800, timeout=5, max_bytes=1000)
    for count in (1, 2, 3, 4, 5):
        after_failure(rt, source, count, "fetch: 503 from kr-board", "2026-11-25T00:00:00+00:00")
    after_success(rt, source, 5, 10, 10, iso(clock.now))
    after_success(rt, source, 0, 0, 10, iso(clock.now))  # the selector stopped matching
    deliver_due(rt, sleep=clock.sleep)
    texts = [m["text"] for m in slack_api.messages(OPS)]
    assert texts == [
        "Source kr-board failed 3 times in a row",
        "Source kr-board is back to health",
        "Source kr-board stopped producing items",
    ]
    assert slack_api.messages(INTEL) == []  # never mixed with intelligence


def test_a_broken_notifier_is_reported_to_ops(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    store_routed(rt, [tagged(1)])
    slack_api.fail_next(1, error="channel_not_found", method="chat.postMessage")
    report = deliver_due(rt, sleep=clock.sleep)
    assert report.broken == {"intel"}
    clock.now += timedelta(minutes=1)
    deliver_due(rt, sleep=clock.sleep)  # the ops event is delivered; the alert waits for its backoff
    assert [m["text"] for m in slack_api.messages(OPS)] == ["Notifier intel is failing"]
    assert outbox.counts(rt.db())["pending"] == 1


def test_story_follow_up_edits_the_alert_to_count_sources(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    store_routed(
        rt,
        [tagged(1, advisory="AA25-100A", source="agency", url="https://agency.example.gov/aa25-100a")],
        source="agency",
    )
    deliver_due(rt, sleep=clock.sleep)
    store_routed(rt, [tagged(2, advisory="AA25-100A", source="press")], source="press")
    deliver_due(rt, sleep=clock.sleep)
    alert, reply = slack_api.messages(INTEL)
    assert reply["thread_ts"] == alert["ts"]
    (update,) = slack_api.calls("chat.update")
    assert update.params["ts"] == alert["ts"]
    assert "Reported by 2 sources" in str(alert["blocks"])  # the stand-in applied the edit
