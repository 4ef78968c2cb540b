"""A story's alert and its thread: replies go out in the run that made them, never repeat what the alert shows,
and an agency's own advisory that joins a story first reported by the press leads it (chat.update)."""

from bot.delivery.deliver import deliver_due
from tests.conftest import Clock
from tests.test_delivery_modes import INTEL, NOW, make_rt, store_routed, tagged


def test_a_rounds_follow_ups_go_out_in_the_same_run(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    advisory = tagged(1, advisory="AA26-341A", url="https://agency.example.gov/aa26-341a", source="agency")
    store_routed(rt, [advisory], source="agency")
    store_routed(rt, [tagged(2, advisory="AA26-341A", source="press")], source="press")
    report = deliver_due(rt, sleep=clock.sleep)  # one call, as one `run --once`
    alert, reply = slack_api.messages(INTEL)
    assert reply["thread_ts"] == alert["ts"] and report.sent == 2
    assert rt.db().execute("SELECT count(*) FROM outbox WHERE status != 'sent'").fetchone()[0] == 0


def test_a_follow_up_never_repeats_a_source_the_alert_named(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    item = tagged(1)
    store_routed(rt, [item], source="news")
    store_routed(rt, [tagged(1, source="security-news")], source="security-news")  # before the alert is sent
    deliver_due(rt, sleep=clock.sleep)
    (alert,) = slack_api.messages(INTEL)
    assert "security-news" in str(alert["blocks"])
    assert rt.db().execute("SELECT count(*) FROM outbox WHERE status != 'sent'").fetchone()[0] == 0
    store_routed(rt, [tagged(1, source="later-news")], source="later-news")  # after it: news for the thread
    deliver_due(rt, sleep=clock.sleep)
    alert, reply = slack_api.messages(INTEL)
    assert "Also reported by later-news" in reply["text"] and "security-news" not in reply["text"]


def test_an_agency_advisory_joining_a_press_story_leads_the_alert(tmp_path, slack_api):
    clock = Clock(NOW)
    rt = make_rt(tmp_path, slack_api, clock, [{"name": "all", "to": ["intel"]}])
    store_routed(rt, [tagged(1, advisory="AA26-350A", source="press")], source="press")
    deliver_due(rt, sleep=clock.sleep)
    advisory = tagged(2, advisory="AA26-350A", url="https://agency.example.gov/aa26-350a", source="agency")
    store_routed(rt, [advisory], source="agency")
    deliver_due(rt, sleep=clock.sleep)
    alert, reply = slack_api.messages(INTEL)  # the stand-in applied the edit to the alert
    assert alert["metadata"]["event_payload"]["item_id"] == "item-2"  # now leads with the advisory
    assert "agency.example.gov/aa26-350a" in str(alert["blocks"])
    assert reply["thread_ts"] == alert["ts"] and "advisory now leads" in reply["text"]
    assert "news.example.org/1" in str(reply["blocks"])  # the first report stays in the thread
    (update,) = slack_api.calls("chat.update")
    assert update.params["ts"] == alert["ts"]
