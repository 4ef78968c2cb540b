"""The webhook notifier connects only to the address it checked (issue 13 item 11): DNS rebinding on loopback.

`rebind.invalid` exists only in this test's getaddrinfo: its first answer is public (what the URL check sees), every
later one is 127.0.0.1 (what a second resolution at connect time would use). The receiver listens on 127.0.0.1, so
a POST that reaches it went to an address nobody checked.
"""

import socket

import pytest

from bot.errors import NotifyError
from bot.notify.webhook import WebhookNotifier
from tests.test_notify_webhook import alert

PUBLIC = "93.184.215.14"


@pytest.fixture
def rebinding_dns(monkeypatch):
    real = socket.getaddrinfo
    answers = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host != "rebind.invalid":
            return real(host, port, *args, **kwargs)
        address = PUBLIC if not answers else "127.0.0.1"
        answers.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


def test_a_name_that_turns_to_loopback_after_the_check_is_refused(webhook_receiver, rebinding_dns):
    url = webhook_receiver.url("/hooks/s3cr3t").replace("127.0.0.1", "rebind.invalid")
    notifier = WebhookNotifier("soc-hook", url, timeout=2.0)
    with pytest.raises(NotifyError, match="non-public address") as info:
        notifier.send(alert())
    assert webhook_receiver.requests == []  # nothing reached loopback
    assert rebinding_dns[0] == PUBLIC and "127.0.0.1" in rebinding_dns  # the check saw public, the connect did not
    assert info.value.permanent and "s3cr3t" not in str(info.value) and "rebind.invalid" not in str(info.value)


def test_allow_private_still_reaches_the_resolved_address(webhook_receiver, monkeypatch):
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "hook.invalid":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port or 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    url = webhook_receiver.url("/hooks/s3cr3t").replace("127.0.0.1", "hook.invalid")
    WebhookNotifier("soc-hook", url, allow_private=True, timeout=2.0).send(alert())
    (request,) = webhook_receiver.requests
    assert request.path == "/hooks/s3cr3t" and request.headers["host"].startswith("hook.invalid")
