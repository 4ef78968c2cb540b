"""WebhookNotifier with real httpx against the loopback receiver (tests/servers/webhook.py)."""

import gzip
import logging
import tracemalloc
import zlib
from datetime import UTC, datetime

import pytest

from bot.errors import ConfigError, NotifyError
from bot.notify import Message, Notifier, build_alert
from bot.notify.card import DigestCard, ops_event
from bot.notify.kinds.webhook import WebhookConfig
from bot.notify.webhook import SCHEMA_VERSION, WebhookNotifier, body, from_config
from bot.records import Evidence, Item, Tags

TITLE = "Andariel deploys a new loader against a defense supplier"


def alert(alert_id: int = 1, title: str = TITLE) -> Message:
    text = "Investigators tied the loader to Andariel after it reused a known command server."
    start = len(title) + 1 + text.index("Andariel")
    item = Item(
        "test-feed", f"item-{alert_id}", "https://news.example.org/a", title, datetime(2024, 5, 2, tzinfo=UTC), text
    )
    tags = Tags(True, True, 0.9, ("Andariel",), ("defense",), cves=("CVE-2024-1234",),
                evidence=(Evidence("actor", "Andariel", "Andariel", start, start + 8),))  # fmt: skip
    return build_alert(item, tags, alert_id=alert_id)


@pytest.fixture
def hook(webhook_receiver):
    url = webhook_receiver.url("/hooks/s3cr3t-t0ken-value")
    notifier = WebhookNotifier("soc-hook", url, allow_private=True, timeout=2.0)
    return notifier


def test_posts_the_documented_json_body(webhook_receiver, hook):
    webhook_receiver.default.body = b""
    sent = hook.send(alert(7))
    (request,) = webhook_receiver.requests
    assert request.method == "POST" and request.path == "/hooks/s3cr3t-t0ken-value"
    assert request.headers["content-type"].startswith("application/json")
    assert request.headers["idempotency-key"] == "advisory_alert:7"
    data = request.json
    assert list(data) == ["schema_version", "event", "kind", "id", "item", "text", "items"]  # fields only added
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert (data["event"], data["id"]) == ("advisory_alert", "7")
    assert data["item"] == {
        "id": "item-7",
        "title": TITLE,
        "url": "https://news.example.org/a",
        "sources": ["test-feed"],
        "published": "2024-05-02",
        "dprk_cyber": True,
        "actors": ["Andariel"],
        "sectors": ["defense"],
        "malware": [],
        "ids": ["CVE-2024-1234"],
        "wallets": [],
        "score": 0.9,
        "snippet": data["item"]["snippet"],
        "highlights": ["Andariel"],
    }
    assert "tied the loader to Andariel" in data["item"]["snippet"] and "*" not in data["item"]["snippet"]
    assert data["text"].startswith(f"[DPRK cyber alert] {TITLE}") and "actors:" in data["text"]
    assert sent.startswith("webhook:") and len(sent) == len("webhook:") + 16
    assert hook.send(alert(7)) == sent  # the fallback id is a hash of the body: stable across a retry


def test_feed_text_arrives_unescaped_and_clean(webhook_receiver, hook):
    hook.send(alert(2, title="Lazarus & <Kimsuky> \u202eevil\x1b[31m @channel"))
    item = webhook_receiver.requests[0].json["item"]
    assert item["title"] == "Lazarus & <Kimsuky> evil @channel"  # JSON needs no mrkdwn entities; controls gone


def test_a_digest_sends_plain_text_its_items_and_event(webhook_receiver, hook):
    listed = alert(4, title="Kimsuky & <friends> &amp; more").card.item
    hook.send(Message(DigestCard("d12", "daily", "2024-05-02 08:00 UTC", (listed,))))
    data = webhook_receiver.requests[0].json
    assert {k: data[k] for k in ("schema_version", "event", "kind", "id", "item")} == {
        "schema_version": 1, "event": "advisory_alert", "kind": "digest", "id": "d12", "item": None}  # fmt: skip
    assert data["text"].split("\n") == [
        "DPRK digest (daily): 1 item(s), window ending 2024-05-02 08:00 UTC",
        "Andariel (1)",
        "- Kimsuky & <friends> &amp; more (Andariel) [test-feed] https://news.example.org/a",
    ]  # raw text: JSON needs no entities, and feed text that holds "&amp;" arrives as written
    assert [i["title"] for i in data["items"]] == ["Kimsuky & <friends> &amp; more"] and data["items"][0][
        "id"
    ] == "item-4"
    ops = body(ops_event("o1", "Source a <b> failing", ["503 from a"]))
    assert (ops["text"], ops["id"], ops["kind"], ops["items"]) == ("Source a <b> failing\n503 from a", "o1", "ops", [])


@pytest.mark.parametrize(("answer", "expected"), [({"id": "T-42"}, "T-42"), ({"message_id": 99}, "99"),
                                                  ({"id": True}, None), ([1, 2], None), ("not json", None)])  # fmt: skip
def test_returns_the_receivers_id_when_it_gives_one(webhook_receiver, hook, answer, expected):
    webhook_receiver.answer(200, answer)
    sent = hook.send(alert())
    assert sent == expected if expected else sent.startswith("webhook:")


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503])
def test_retryable_statuses_are_transient_with_retry_after(webhook_receiver, hook, status):
    webhook_receiver.answer(status, b"busy", retry_after=30)
    with pytest.raises(NotifyError) as info:
        hook.send(alert())
    assert not info.value.permanent and info.value.retry_after == 30.0
    assert str(info.value) == f"notify: webhook soc-hook: {status}"


def test_retry_after_as_http_date_and_absent(webhook_receiver, hook):
    webhook_receiver.answer(503, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")  # in the past: retry now
    with pytest.raises(NotifyError) as info:
        hook.send(alert())
    assert info.value.retry_after == 0.0
    webhook_receiver.answer(500)
    with pytest.raises(NotifyError) as info:
        hook.send(alert())
    assert info.value.retry_after is None and not info.value.permanent


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 413, 422])
def test_other_client_errors_are_permanent(webhook_receiver, hook, status):
    webhook_receiver.answer(status, {"error": "nope"})
    with pytest.raises(NotifyError) as info:
        hook.send(alert())
    assert info.value.permanent and str(info.value) == f"notify: webhook soc-hook: {status}"


def test_redirects_are_not_followed(webhook_receiver, hook):
    webhook_receiver.answer(307, headers={"Location": webhook_receiver.url("/elsewhere")})
    with pytest.raises(NotifyError) as info:
        hook.send(alert())
    assert info.value.permanent and "redirects are not followed" in str(info.value)
    assert [r.path for r in webhook_receiver.requests] == ["/hooks/s3cr3t-t0ken-value"]


def test_timeout_and_reset_and_refused_are_transient(webhook_receiver):
    notifier = WebhookNotifier("slow", webhook_receiver.url("/h"), allow_private=True, timeout=0.2)
    webhook_receiver.answer(200, delay=2.0)
    with pytest.raises(NotifyError, match="timed out") as info:
        notifier.send(alert())
    assert not info.value.permanent
    webhook_receiver.answer(reset=True)
    with pytest.raises(NotifyError, match="connection failed") as info:
        notifier.send(alert())
    assert not info.value.permanent
    url = webhook_receiver.url("/h")
    webhook_receiver.close()
    with pytest.raises(NotifyError, match="connection failed") as info:
        WebhookNotifier("gone", url, allow_private=True).send(alert())
    assert not info.value.permanent


def test_loopback_refused_without_allow_private(webhook_receiver):
    notifier = WebhookNotifier("soc-hook", webhook_receiver.url("/hooks/s3cr3t"))
    with pytest.raises(NotifyError) as info:
        notifier.send(alert())
    assert info.value.permanent and "non-public address" in str(info.value)
    assert "127.0.0.1" not in str(info.value) and "s3cr3t" not in str(info.value)
    assert webhook_receiver.requests == []


def test_the_url_never_appears_in_errors_logs_or_repr(webhook_receiver, hook, caplog):
    caplog.set_level(logging.DEBUG)
    webhook_receiver.answer(500, b"s3cr3t-t0ken-value echoed")
    with pytest.raises(NotifyError) as info:
        hook.send(alert())
    hook.send(alert())
    text = str(info.value) + repr(hook) + caplog.text
    assert "s3cr3t-t0ken-value" not in text and "notify_sent notifier=soc-hook" in caplog.text


@pytest.mark.parametrize("url", ["", "ftp://example.org/x", "hooks.example.org/x", "https://", "http://h:99999/x"])
def test_bad_urls_are_config_errors_without_the_value(url):
    with pytest.raises(ConfigError) as info:
        WebhookNotifier("soc-hook", url)
    assert "soc-hook" in str(info.value) and (not url or url not in str(info.value))


def test_from_config_reads_the_named_variable(webhook_receiver):
    cfg = WebhookConfig(name="soc-hook", type="webhook", url_env="SOC_WEBHOOK_URL", allow_private=True)
    notifier = from_config(cfg, {"SOC_WEBHOOK_URL": webhook_receiver.url("/x")})
    assert isinstance(notifier, Notifier) and notifier.name == "soc-hook" and notifier.allow_private
    notifier.send(alert())
    assert webhook_receiver.requests[0].path == "/x"
    for env in ({}, {"SOC_WEBHOOK_URL": "  "}):
        with pytest.raises(ConfigError, match="SOC_WEBHOOK_URL"):
            from_config(cfg, env)
    with pytest.raises(ConfigError, match="SOC_WEBHOOK_URL") as info:
        from_config(cfg, {"SOC_WEBHOOK_URL": "gopher://secret-host/x"})
    assert "secret-host" not in str(info.value)


def _gzip_zeros(size: int, layers: int) -> bytes:
    """`size` zero bytes gzipped `layers` times, compressed from a stream (never `size` bytes in memory)."""
    squeezer, block, out = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16), bytes(2**20), []
    for _ in range(size // len(block)):
        out.append(squeezer.compress(block))
    body = b"".join(out) + squeezer.flush()
    for _ in range(layers - 1):
        body = gzip.compress(body, mtime=0)
    return body


@pytest.mark.parametrize("layers", [1, 2])
def test_a_compressed_answer_is_inflated_in_bounded_steps(webhook_receiver, hook, layers):
    """A receiver answering with a gzip bomb (256 MiB of zeros, gzipped once or twice) costs a bounded amount of
    memory: bot.fetch.inflate decodes 64 KB at a time up to MAX_ANSWER and refuses stacked codings, where httpx
    inflated each network read whole (and `gzip, gzip` layer over layer)."""
    bomb = _gzip_zeros(256 * 2**20, layers)
    webhook_receiver.answer(200, bomb, headers={"Content-Encoding": ", ".join(["gzip"] * layers)})
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        sent = hook.send(alert())
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert sent.startswith("webhook:")  # zeros carry no id: the body's hash stands in
    assert peak < 8 * 2**20, f"{peak / 2**20:.1f} MiB held while reading a {len(bomb)}-byte answer"


def test_a_gzipped_answer_still_gives_its_id(webhook_receiver, hook):
    webhook_receiver.answer(200, gzip.compress(b'{"id": "T-7"}'), headers={"Content-Encoding": "gzip"})
    assert hook.send(alert()) == "T-7"
