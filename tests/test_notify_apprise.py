"""AppriseNotifier with the real apprise library: json/form/Mattermost/Matrix to the loopback HTTP receiver,
e-mail to the loopback SMTP server; Discord and Teams (fixed public hosts) only validated and rendered, never sent."""

import logging
from datetime import UTC, datetime

import pytest

from bot.errors import ConfigError, NotifyError
from bot.notify import Message, Notifier, build_alert
from bot.notify.apprise_notifier import AppriseNotifier, from_config
from bot.notify.card import ops_event
from bot.notify.kinds.apprise import AppriseConfig
from bot.notify.markdown import escape_md, render_markdown, render_plain_md
from bot.records import Evidence, Item, Tags

TITLE = "Andariel deploys a new loader against a defense supplier"
HOSTILE = "Lazarus <img src=x onerror=alert(1)> hits *AT&T* @everyone [click](https://evil.example.com/x)"
DISCORD = "discord://123456789012345678/d1sc0rdW3bh00kT0k3n"
WORKFLOWS = "workflows://prod-01.westus.logic.azure.com:443/0a1b2c3d4e5f/s1gnatur3S3cret"


def alert(alert_id: int = 1, title: str = TITLE, url: str = "https://news.example.org/a?x=1&y=(2)") -> Message:
    text = "Investigators tied the loader to Andariel after it reused evil.example.com for C2."
    start = len(title) + 1 + text.index("Andariel")
    item = Item("test-feed", f"item-{alert_id}", url, title, datetime(2024, 5, 2, tzinfo=UTC), text)
    tags = Tags(True, True, 0.9, ("Andariel",), ("defense",), ("TigerRAT",), cves=("CVE-2024-1234",),
                evidence=(Evidence("actor", "Andariel", "Andariel", start, start + 8),))  # fmt: skip
    return build_alert(item, tags, alert_id=alert_id)


def mattermost(receiver, token="mm0stT0kenSecret"):
    return AppriseNotifier("mm-alerts", "mattermost", f"mmost://127.0.0.1:{receiver.port}/{token}")


# -- sending on loopback -----------------------------------------------------------------------------------------


def test_generic_json_url_gets_plain_text(webhook_receiver):
    notifier = AppriseNotifier("json-hook", "apprise", f"json://127.0.0.1:{webhook_receiver.port}/ingest")
    assert isinstance(notifier, Notifier)
    assert notifier.send(alert(5)) == "apprise:json-hook:5"
    (request,) = webhook_receiver.requests
    assert request.path == "/ingest"
    message = request.json["message"]
    assert message.startswith(f"[DPRK cyber alert] {TITLE}\n") and "https://news.example.org/a?x=1&y=(2)" in message
    assert "actors: Andariel" in message and "**" not in message and "\\" not in message


def test_generic_form_url_and_plain_message(webhook_receiver):
    notifier = AppriseNotifier("form-hook", "apprise", f"form://127.0.0.1:{webhook_receiver.port}/f")
    notifier.send(ops_event("o1", "Source cisa failing: 3 errors @here"))
    form = webhook_receiver.requests[0].form
    assert form["message"] == "Source cisa failing: 3 errors @\u200bhere" and form.get("title", "") == ""


def test_mattermost_gets_escaped_markdown(webhook_receiver):
    mattermost(webhook_receiver).send(alert(3, title=HOSTILE))
    (request,) = webhook_receiver.requests
    assert request.path == "/hooks/mm0stT0kenSecret"
    text = request.json["text"]
    first = text.split("\n")[0]
    assert first.startswith("**[Lazarus \\<img src=x onerror=alert(1)\\> hits \\*AT&T\\* @\u200beveryone")
    assert "\\[click\\](hxxps://evil\\[.\\]example\\[.\\]com/x)" in first  # defanged and inert, as in Slack
    assert first.endswith("](https://news.example.org/a?x=1&y=%282%29)**  ")
    assert (
        "**Actors:** Andariel" in text
        and "**Malware:** TigerRAT" in text
        and "**CVEs / advisories:** CVE-2024-1234" in text
    )
    assert "Published: 2024-05-02" in text and "Score: 0.90" in text
    assert text.endswith(
        "> Investigators tied the loader to **Andariel** after it reused evil\\[.\\]example\\[.\\]com for C2."
    )


def test_matrix_logs_in_joins_and_sends_html_without_injected_markup(webhook_receiver):
    notifier = AppriseNotifier(
        "mx", "matrix", f"matrix://bot:m4trixPassw0rd@127.0.0.1:{webhook_receiver.port}/%23alerts"
    )
    notifier.send(alert(4, title=HOSTILE))
    paths = [r.path for r in webhook_receiver.requests]
    assert paths[0] == "/_matrix/client/v3/login" and paths[-1].startswith("/_matrix/client/v3/rooms/")
    event = webhook_receiver.requests[-1].json
    html = event["formatted_body"]
    assert '<a href="https://news.example.org/a?x=1&amp;y=%282%29">' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert "<strong>Andariel</strong>" in html and "<blockquote>" in html
    assert "evil[.]example[.]com" in html and "https://evil" not in html


def test_email_is_delivered_as_html_with_a_plain_subject(smtp_receiver):
    url = f"mailto://127.0.0.1:{smtp_receiver.port}?to=soc@example.com&from=bot@example.com"
    AppriseNotifier("soc-mail", "email", url).send(alert(6, title=HOSTILE))
    (mail,) = smtp_receiver.mails
    assert mail.rcpt_to == ["soc@example.com"]
    msg = mail.message
    assert msg["Subject"].startswith("DPRK cyber alert: Lazarus <img src=x onerror=alert(1)> hits *AT&T*")
    assert "hxxps://evil[.]example[.]com" in msg["Subject"]
    html = msg.get_body(("html",)).get_content()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert "<strong>Actors:</strong> Andariel" in html


def test_http_failure_is_transient_with_apprises_reason_and_no_token(webhook_receiver, caplog):
    caplog.set_level(logging.DEBUG)
    notifier = mattermost(webhook_receiver)
    webhook_receiver.answer(500, b"mm0stT0kenSecret echoed")
    with pytest.raises(NotifyError) as info:
        notifier.send(alert())
    assert not info.value.permanent
    assert str(info.value).startswith("notify: mattermost mm-alerts: Apprise could not deliver: ")
    assert "500" in str(info.value)
    assert "mm0stT0kenSecret" not in str(info.value) + caplog.text + repr(notifier)
    notifier.send(alert())  # the receiver recovered: the same notifier delivers
    assert len(webhook_receiver.requests) == 2


def test_refused_connection_and_smtp_rejection_are_transient(webhook_receiver, smtp_receiver):
    notifier = mattermost(webhook_receiver)
    webhook_receiver.close()
    with pytest.raises(NotifyError, match="Apprise could not deliver: .*[Cc]onnection") as info:
        notifier.send(alert())
    assert not info.value.permanent
    smtp_receiver.reject_next(554)
    url = f"mailto://127.0.0.1:{smtp_receiver.port}?to=soc@example.com&from=bot@example.com"
    with pytest.raises(NotifyError, match="notify: email soc-mail") as info:
        AppriseNotifier("soc-mail", "email", url).send(alert())
    assert not info.value.permanent and smtp_receiver.mails == []


# -- validation at start-up --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "url"), [("discord", DISCORD), ("teams", WORKFLOWS), ("mattermost", "mmosts://chat.example.org/t0k3n"),
                                           ("matrix", "matrixs://tok3n@matrix.example.org/#room"), ("email", "mailtos://user:pw@mail.example.org"),
                                           ("apprise", "ntfy://ntfy.example.org/topic"), ("apprise", DISCORD)])  # fmt: skip
def test_urls_that_fit_their_kind_are_accepted_without_connecting(kind, url):
    assert AppriseNotifier("n", kind, url).kind == kind  # the loopback guard proves nothing was contacted


@pytest.mark.parametrize(("kind", "url", "reason"), [
    ("email", DISCORD, "is a Discord URL; type email needs mailto:// or mailtos://"),
    ("discord", WORKFLOWS, "type discord needs discord://"),
    ("matrix", "mmost://chat.example.org/t0k3nS3cret", "type matrix needs matrix://"),
    ("mattermost", "https://chat.example.org/hooks/t0k3nS3cret", "type mattermost needs mmost://"),
    ("apprise", "bogus://t0k3nS3cret@host/x", "is not one Apprise"),
    ("discord", "discord://", "is not one Apprise"),
    ("email", "", "is not one Apprise"),
])  # fmt: skip
def test_urls_that_do_not_fit_are_config_errors_without_the_url(kind, url, reason):
    with pytest.raises(ConfigError, match=f"^notify: {kind} n: the URL in N_URL ") as info:
        AppriseNotifier("n", kind, url, url_env="N_URL")
    assert reason in str(info.value)
    for secret in ("t0k3nS3cret", "d1sc0rdW3bh00kT0k3n", "123456789012345678", "s1gnatur3S3cret"):
        assert secret not in str(info.value)


def test_msteams_urls_point_to_workflows_when_apprise_dropped_them():
    import apprise

    if apprise.Apprise.instantiate("msteams://a1b2c3d4@e5f6a7b8/c9d0e1f2/0a1b2c3d") is not None:
        assert AppriseNotifier("t", "teams", "msteams://a1b2c3d4@e5f6a7b8/c9d0e1f2/0a1b2c3d").kind == "teams"
        return
    with pytest.raises(ConfigError, match="use a workflows:// URL"):
        AppriseNotifier("t", "teams", "msteams://a1b2c3d4@e5f6a7b8/c9d0e1f2/0a1b2c3d")


def test_from_config_reads_the_named_variable(webhook_receiver):
    cfg = AppriseConfig(name="mm-alerts", type="mattermost", url_env="MM_URL")
    notifier = from_config(cfg, {"MM_URL": f"mmost://127.0.0.1:{webhook_receiver.port}/t0k"})
    assert (notifier.name, notifier.kind) == ("mm-alerts", "mattermost")
    for env in ({}, {"MM_URL": " "}):
        with pytest.raises(ConfigError, match="notify: mattermost mm-alerts: environment variable MM_URL"):
            from_config(cfg, env)
    with pytest.raises(ConfigError, match="in MM_URL"):
        from_config(cfg, {"MM_URL": DISCORD})


# -- rendering (Discord and Teams are only ever rendered here) ----------------------------------------------------


def test_discord_and_teams_render_markdown_without_sending():
    for kind, url in (("discord", DISCORD), ("teams", WORKFLOWS)):
        title, body, body_format = AppriseNotifier("n", kind, url).render(alert(title=HOSTILE))
        assert (title, body_format) == ("", "markdown")
        assert body.startswith("**[Lazarus \\<img") and "@\u200beveryone" in body and "https://evil" not in body


def test_render_markdown_without_url_and_with_empty_fields():
    message = alert(url="javascript:alert(1)")
    body = render_markdown(message.card.item)
    assert body.startswith(f"**{TITLE}**  \n") and "javascript" not in body and "](" not in body


@pytest.mark.parametrize(("text", "flavour", "expected"), [
    ("a*b_c`d~e|f", "markdown", "a\\*b\\_c\\`d\\~e\\|f"),
    ("[x](y) <b> #1 !", "markdown", "\\[x\\](y) \\<b\\> \\#1 \\!"),
    ("AT&T &amp; co", "markdown", "AT&T \\&amp; co"),
    ("AT&T <b> *x*", "html", "AT&amp;T &lt;b&gt; \\*x\\*"),
    ("@here @channel @all @room @everyone", "text", "@\u200bhere @\u200bchannel @\u200ball @\u200broom @\u200beveryone"),
    ("a\\b", "markdown", "a\\\\b"),
])  # fmt: skip
def test_escape_md(text, flavour, expected):
    assert escape_md(text, flavour) == expected


def test_plain_messages_keep_their_urls_clickable_and_lose_headings():
    text = "# Digest\n> 2 items\nAndariel_loader https://a.example/x_y?q=1&r=2 *new*"
    assert render_plain_md(text, "markdown").split("  \n") == [
        "\\# Digest", "\\> 2 items", "Andariel\\_loader https://a.example/x_y?q=1&r=2 \\*new\\*"]  # fmt: skip
    assert (
        render_plain_md(text, "html").split("  \n")[2]
        == "Andariel\\_loader https://a.example/x_y?q=1&amp;r=2 \\*new\\*"
    )
    assert render_plain_md(text, "text") == text
