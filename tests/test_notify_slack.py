"""SlackNotifier with the real slack_sdk WebClient against the loopback Slack stand-in (tests/servers/slack.py)."""

import io
import json
import logging
import socket
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import ConnectionErrorRetryHandler, FixedValueRetryIntervalCalculator

from bot.config.routes import NOTIFIER_TYPES
from bot.errors import ConfigError, NotifyError
from bot.notify import (
    NOTIFIERS,
    ConsoleNotifier,
    Message,
    Notifier,
    SlackNotifier,
    build_alert,
    default_notifier,
    notifier_class,
)
from bot.notify.kinds.apprise import TYPES as APPRISE_TYPES
from bot.notify.slack import BoundedRateLimitRetryHandler, NoRepostRetryHandler, default_retry_handlers
from bot.notify.slack_blocks import SlackPayload, render
from bot.records import Evidence, Item, Tags

CHANNEL = "C0ALERTS"
GOLDENS = sorted((Path(__file__).parent / "data" / "slack").glob("*.expected.json"))


def alert(alert_id: int = 1, title: str = "Andariel deploys a new loader against a defense supplier") -> Message:
    text = "Investigators tied the loader to Andariel after it reused a known command server."
    start = len(title) + 1 + text.index("Andariel")
    item = Item(
        "test-feed", f"item-{alert_id}", "https://news.example.org/a", title, datetime(2024, 5, 2, tzinfo=UTC), text
    )
    tags = Tags(
        True,
        True,
        0.9,
        ("Andariel",),
        ("defense",),
        evidence=(Evidence("actor", "Andariel", "Andariel", start, start + 8),),
    )
    return build_alert(item, tags, alert_id=alert_id)


def fast_handlers():
    """The production handler types, with a 10 ms connection back-off so tests stay fast."""
    return [
        NoRepostRetryHandler(max_retry_count=1, interval_calculator=FixedValueRetryIntervalCalculator(0.01)),
        BoundedRateLimitRetryHandler(max_retry_count=1),
    ]


@pytest.fixture
def notifier(slack_api):
    # no trailing slash on purpose: the notifier must normalise it for slack_sdk
    return SlackNotifier(slack_api.token, CHANNEL, base_url=slack_api.url.rstrip("/"), retry_handlers=fast_handlers())


def wait_until(predicate, timeout: float = 3.0) -> bool:
    """Poll a condition on the stand-in (not a timing sleep: returns as soon as it holds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


def test_post_sends_blocks_text_metadata_without_unfurls(slack_api, notifier):
    message = alert(7)
    ts = notifier.send(message)
    [stored] = slack_api.messages(CHANNEL)
    assert stored["ts"] == ts
    payload = render(message)
    assert stored["blocks"] == payload.blocks and stored["text"] == payload.text
    assert stored["metadata"] == {"event_type": "advisory_alert", "event_payload": {"alert_id": 7, "item_id": "item-7"}}
    [request] = slack_api.calls("chat.postMessage")
    assert request.headers["Authorization"] == f"Bearer {slack_api.token}"
    assert request.params["unfurl_links"] is False and request.params["unfurl_media"] is False


def test_ts_increase_and_channel_override(slack_api, notifier):
    first = notifier.send(alert(1))
    second = notifier.send(alert(2).to("C0OTHER"))
    assert float(second) > float(first)
    assert [m["ts"] for m in slack_api.messages("C0OTHER")] == [second]


def test_thread_reply_is_visible_in_replies_not_history(slack_api, notifier):
    parent = notifier.send(alert(1))
    reply = notifier.send(alert(2).to(CHANNEL, thread_ts=parent))
    client = WebClient(token=slack_api.token, base_url=slack_api.url)
    thread = client.conversations_replies(channel=CHANNEL, ts=parent)["messages"]
    assert [m["ts"] for m in thread] == [parent, reply]
    history = client.conversations_history(channel=CHANNEL)["messages"]
    assert [m["ts"] for m in history] == [parent] and history[0]["reply_count"] == 1


def test_metadata_round_trip_only_with_include_all_metadata(slack_api, notifier):
    notifier.send(alert(3))
    client = WebClient(token=slack_api.token, base_url=slack_api.url)
    with_meta = client.conversations_history(channel=CHANNEL, include_all_metadata=True)["messages"][0]
    assert with_meta["metadata"]["event_payload"] == {"alert_id": 3, "item_id": "item-3"}
    assert "metadata" not in client.conversations_history(channel=CHANNEL)["messages"][0]


def test_history_newest_first_with_oldest_and_limit(slack_api):
    ts = [slack_api.add_message(CHANNEL, f"m{i}") for i in range(5)]
    client = WebClient(token=slack_api.token, base_url=slack_api.url)
    page = client.conversations_history(channel=CHANNEL, oldest=ts[1], limit=2)
    assert [m["text"] for m in page["messages"]] == ["m4", "m3"] and page["has_more"] is True
    rest = client.conversations_history(channel=CHANNEL, oldest=ts[1], cursor=page["response_metadata"]["next_cursor"])
    assert [m["text"] for m in rest["messages"]] == ["m2"] and rest["has_more"] is False


def test_chat_update_changes_the_stored_message(slack_api, notifier):
    ts = notifier.send(alert(4))
    client = WebClient(token=slack_api.token, base_url=slack_api.url)
    client.chat_update(channel=CHANNEL, ts=ts, text="resolved", blocks=[])
    [stored] = slack_api.messages(CHANNEL)
    assert stored["text"] == "resolved" and "edited" in stored and stored["metadata"]["event_payload"]["alert_id"] == 4


def test_429_with_short_retry_after_is_retried_by_the_sdk_handler(slack_api, notifier):
    slack_api.fail_next(1, status=429, retry_after=1, method="chat.postMessage")
    started = time.monotonic()
    ts = notifier.send(alert(5))
    assert time.monotonic() - started >= 1.0  # the SDK honoured Retry-After
    assert [r.status for r in slack_api.calls("chat.postMessage")] == [429, 200]
    assert [m["ts"] for m in slack_api.messages(CHANNEL)] == [ts]


def test_429_with_long_retry_after_goes_back_to_the_outbox(slack_api, notifier):
    slack_api.fail_next(1, status=429, retry_after=120)
    started = time.monotonic()
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(6))
    assert time.monotonic() - started < 1.0  # not slept inside send
    assert err.value.permanent is False and err.value.retry_after == 120
    assert len(slack_api.calls("chat.postMessage")) == 1 and slack_api.messages(CHANNEL) == []


def test_429_again_after_the_bounded_retry_is_transient(slack_api, notifier):
    slack_api.fail_next(2, status=429, retry_after=0)
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(6))
    assert err.value.permanent is False and err.value.retry_after == 1.0  # "0" means "soon": never busy-loop
    assert len(slack_api.calls("chat.postMessage")) == 2


def test_500_is_transient(slack_api, notifier):
    slack_api.fail_next(1, status=500)
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(8))
    assert err.value.permanent is False
    assert str(err.value).startswith("notify: slack chat.postMessage to C0ALERTS: internal_error (HTTP 500)")
    assert slack_api.messages(CHANNEL) == []


@pytest.mark.parametrize(
    "error", ["channel_not_found", "not_in_channel", "is_archived", "account_inactive", "invalid_auth"]
)
def test_permanent_errors(slack_api, notifier, error):
    slack_api.fail_next(1, error=error)
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(9))
    assert err.value.permanent is True and error in str(err.value)


@pytest.mark.parametrize("error", ["internal_error", "fatal_error", "service_unavailable", "something_new"])
def test_other_api_errors_are_transient(slack_api, notifier, error):
    slack_api.fail_next(1, error=error)
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(9))
    assert err.value.permanent is False


def test_wrong_token_is_permanent_invalid_auth(slack_api):
    wrong = SlackNotifier("xoxb-1111-not-the-right-one", CHANNEL, base_url=slack_api.url)
    with pytest.raises(NotifyError) as err:
        wrong.send(alert(10))
    assert err.value.permanent is True and "invalid_auth" in str(err.value)


def test_payload_over_slack_limits_is_permanent(slack_api, notifier):
    too_long = SlackPayload("x", [{"type": "section", "text": {"type": "mrkdwn", "text": "y" * 3001}}])
    with pytest.raises(NotifyError) as err:
        notifier.post(too_long)
    assert err.value.permanent is True and "invalid_blocks" in str(err.value)


@pytest.mark.parametrize("golden", GOLDENS, ids=[p.name.split(".")[0] for p in GOLDENS])
def test_every_golden_message_is_accepted(slack_api, notifier, golden):
    data = json.loads(golden.read_text(encoding="utf-8"))
    notifier.post(SlackPayload(data["text"], data["blocks"], data["metadata"]))
    assert slack_api.messages(CHANNEL)[0]["blocks"] == data["blocks"]


def test_connection_refused_is_transient_then_recovers(slack_api, notifier):
    slack_api.down()
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(11))
    assert err.value.permanent is False and "connection failed" in str(err.value)
    slack_api.up()
    assert notifier.send(alert(11))


def test_a_reset_post_is_not_sent_again_at_once(slack_api, notifier):
    """A reset after the request went out may mean Slack stored it: a second post could duplicate it. The post
    fails (transient) and the outbox looks it up before posting again."""
    slack_api.fail_next(1, reset=True, method="chat.postMessage")
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(12))
    assert err.value.permanent is False and len(slack_api.calls("chat.postMessage")) == 1


def test_a_reset_read_is_retried_by_the_connection_handler(slack_api, notifier):
    notifier.send(alert(14))
    slack_api.fail_next(1, reset=True, method="conversations.history")
    assert notifier.find_posted(14, 0) is not None
    assert [r.status for r in slack_api.calls("conversations.history")] == [0, 200]


def test_a_refused_post_is_retried_at_once(slack_api):
    """A refused connection never reached Slack: trying again cannot duplicate anything."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: connections to it are refused
    notifier = SlackNotifier(
        slack_api.token, CHANNEL, base_url=f"http://127.0.0.1:{port}/api/", retry_handlers=fast_handlers()
    )
    attempts = []
    handler = notifier.client.retry_handlers[0]
    original = handler._can_retry

    def counting(**kwargs):
        answer = original(**kwargs)
        attempts.append(answer)
        return answer

    handler._can_retry = counting
    with pytest.raises(NotifyError):
        notifier.send(alert(15))
    assert attempts[:1] == [True]  # the refused post was retried


def test_connections_reset_while_down_is_transient(slack_api, notifier):
    slack_api.down("reset")
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(13))
    assert err.value.permanent is False and len(slack_api.calls("chat.postMessage")) == 1


def test_timeout_then_find_posted_prevents_a_duplicate(slack_api):
    """A slow answer times out but Slack posted anyway: the outbox asks find_posted before posting again."""
    notifier = SlackNotifier(
        slack_api.token, CHANNEL, base_url=slack_api.url, timeout=0.2, retry_handlers=fast_handlers()
    )
    since = time.time() - 1
    slack_api.fail_next(1, delay=0.5, method="chat.postMessage")
    with pytest.raises(NotifyError) as err:
        notifier.send(alert(14))
    assert err.value.permanent is False
    assert wait_until(lambda: len(slack_api.messages(CHANNEL)) == 1)
    assert notifier.find_posted(14, since) == slack_api.messages(CHANNEL)[0]["ts"]


def test_find_posted(slack_api, notifier):
    since = time.time() - 1
    slack_api.add_message(CHANNEL, "someone else", {"event_type": "other", "event_payload": {"alert_id": 21}})
    ts = notifier.send(alert(21))
    for i in range(250):  # push it past the first page of 200
        slack_api.add_message(CHANNEL, f"chatter {i}")
    assert notifier.find_posted(21, since) == ts
    assert notifier.find_posted(22, since) is None
    assert notifier.find_posted(21, float(ts)) is None  # oldest is exclusive, as in Slack
    calls = slack_api.calls("conversations.history")
    assert calls[0].params["include_all_metadata"] in ("1", True) and len(calls) >= 2


def test_find_posted_maps_errors(slack_api, notifier):
    slack_api.fail_next(1, error="channel_not_found", method="conversations.history")
    with pytest.raises(NotifyError) as err:
        notifier.find_posted(1, 0.0)
    assert err.value.permanent is True and "conversations.history" in str(err.value)


def test_token_never_in_errors_or_logs(slack_api, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "xoxb-9999-very-secret-token"
    leaky = SlackNotifier(secret, CHANNEL, base_url=slack_api.url, retry_handlers=fast_handlers())
    errors = []
    for arrange in (lambda: None, lambda: slack_api.fail_next(1, status=500), lambda: slack_api.down("reset")):
        arrange()
        with pytest.raises(NotifyError) as err:
            leaky.send(alert(30))
        errors.append(err.value)
    slack_api.up()
    logging.getLogger("bot.notify.slack.sdk").warning("header was Bearer %s", secret)  # the filter's last line
    dumps = [str(e) + repr(e) + "".join(traceback.format_exception(e)) for e in errors]
    assert all(secret not in d for d in dumps)
    assert caplog.records and secret not in caplog.text
    assert "***" in caplog.text
    assert secret not in repr(leaky) and secret not in str(vars(leaky).get("channel"))
    assert any(r.headers["Authorization"] == f"Bearer {secret}" for r in slack_api.requests)  # it was really sent


def test_default_retry_handlers_are_the_sdk_ones():
    handlers = default_retry_handlers()
    assert [type(h).__name__ for h in handlers] == ["NoRepostRetryHandler", "BoundedRateLimitRetryHandler"]
    assert isinstance(handlers[0], ConnectionErrorRetryHandler)
    assert all(h.max_retry_count == 1 for h in handlers)


# -- registry and default notifier ------------------------------------------------------------------------------


def test_registry_and_protocol():
    classes = {kind: notifier_class(kind) for kind in NOTIFIERS}
    assert set(classes) == set(NOTIFIER_TYPES)  # every type has a class, so routing can ask it where it posts
    assert (classes["slack"], classes["console"], classes["webhook"].__name__) == (
        SlackNotifier, ConsoleNotifier, "WebhookNotifier")  # fmt: skip
    assert {classes[k].__name__ for k in APPRISE_TYPES} == {"AppriseNotifier"}
    assert all(callable(getattr(cls, "destination", None)) for cls in classes.values())
    assert isinstance(ConsoleNotifier(io.StringIO()), Notifier)


def test_default_notifier_is_console_without_token():
    stream = io.StringIO()
    chosen = default_notifier(env={}, stream=stream)
    assert isinstance(chosen, ConsoleNotifier) and chosen.stream is stream


def test_default_notifier_requires_channel_with_token():
    with pytest.raises(ConfigError, match="SLACK_CHANNEL"):
        default_notifier(env={"SLACK_BOT_TOKEN": "xoxb-1"})


def test_default_notifier_is_slack_and_posts_to_the_configured_url(slack_api):
    env = {"SLACK_BOT_TOKEN": slack_api.token, "SLACK_CHANNEL": CHANNEL, "SLACK_API_URL": slack_api.url.rstrip("/")}
    chosen = default_notifier(env=env)
    assert isinstance(chosen, SlackNotifier) and chosen.client.base_url == slack_api.url
    assert chosen.send(alert(40)) == slack_api.messages(CHANNEL)[0]["ts"]


# -- the stand-in's own controls --------------------------------------------------------------------------------


def test_bare_fail_next_is_a_rate_limit_and_slow_answers_still_arrive(slack_api, notifier):
    slack_api.fail_next(1, retry_after=0)
    slack_api.fail_next(1, delay=0.1)
    assert notifier.send(alert(50))
    assert [r.status for r in slack_api.calls("chat.postMessage")] == [429, 200]
    assert slack_api.calls("chat.postMessage")[0].method == "chat.postMessage"


def test_down_and_up_keep_the_url(slack_api):
    url = slack_api.url
    slack_api.down()
    slack_api.up()
    assert slack_api.url == url
    assert WebClient(token=slack_api.token, base_url=url).auth_test()["user_id"] == "U0BOT"


def test_unknown_method_and_missing_token(slack_api):
    client = WebClient(base_url=slack_api.url)
    with pytest.raises(SlackApiError, match="not_authed"):
        client.auth_test()
    with pytest.raises(SlackApiError, match="unknown_method"):
        WebClient(token=slack_api.token, base_url=slack_api.url).api_call("chat.fly")
