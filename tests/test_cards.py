"""Neutral cards: delivery hands raw, cleaned facts to notifiers and each notifier renders (and escapes) its own format.

Hostile feed text goes through every output for real: Slack through slack_sdk's WebClient to the Slack stand-in,
the webhook to the loopback receiver, Apprise to the loopback receiver and the loopback SMTP server, the console to
a stream that says it is a TTY.
"""

import io
import json
import re
from datetime import UTC, datetime

import pytest
from pydantic import TypeAdapter

from bot.config.routes import NotifierConfig, RoutesFile
from bot.delivery.route import Router
from bot.notify import ConsoleNotifier, destination, notifier_class
from bot.notify.apprise_notifier import AppriseNotifier
from bot.notify.card import (
    BurstCard,
    DigestCard,
    FollowupCard,
    ListCard,
    Message,
    build_alert,
    card,
    followup,  # fmt: skip
    ops_event,
)
from bot.notify.kinds import console as console_kind
from bot.notify.kinds.apprise import TYPES as APPRISE_TYPES
from bot.notify.markdown import render_card_markdown
from bot.notify.plain import text as plain_text
from bot.notify.slack import SlackNotifier
from bot.notify.slack_blocks import render
from bot.notify.webhook import WebhookNotifier
from bot.records import Evidence, Item, Tags

HOSTILE = ("<!channel> <http://evil.example/x|click> *bold* AT&amp;T \x1b[31mred\x1b]0;pwned\x07 "
           "[x](javascript:alert(1)) \u202eevil\u202c zero\u200bwidth @here <img src=x>")  # fmt: skip
SHOWN = (
    "<!channel> <http://evil.example/x|click> *bold* AT&amp;T red "
    "[x](javascript:alert(1)) evil zerowidth @here <img src=x>"
)  # what a card keeps: controls gone, nothing escaped
BODY = "Analysts tied the intrusion to Kimsuky, which phished a ministry."


def hostile_item(n: int = 1, url: str = "javascript:alert(1)", source: str = "feed-<!here>") -> tuple[Item, Tags]:
    start = len(HOSTILE) + 1 + BODY.index("Kimsuky")
    item = Item(source, f"h{n}", url, HOSTILE, datetime(2026, 11, 22, tzinfo=UTC), BODY)
    tags = Tags(True, True, 0.9, ("Kimsuky",), ("government",), evidence=(Evidence("actor", "Kimsuky", "Kimsuky",
                                                                                   start, start + 7),))  # fmt: skip
    return item, tags


def every_card() -> list[Message]:
    """One message of each kind, all carrying the hostile title (one with an http(s) link, one without)."""
    listed = (card(*hostile_item(2, "https://news.example.org/a?x=1&y=(2)")), card(*hostile_item(3)))
    return [
        build_alert(*hostile_item(), ["mirror <@U123>"], alert_id="a1"),
        Message(DigestCard("d1", "daily <!here>", "2026-11-22 08:00 UTC", listed)),
        Message(BurstCard("b1-0", listed)),
        Message(ListCard("b1-2", "Items 1-2 of this burst", listed)),
        followup("f1", [f"title now {HOSTILE}"], ["blog <!everyone>"], listed[:1]),
        ops_event("o1", f"Source {HOSTILE} failing", [f"503 from {HOSTILE}"]),
    ]


# -- the cards themselves -----------------------------------------------------------------------------------------


def test_a_card_holds_raw_cleaned_text_and_only_http_links():
    c = card(*hostile_item())
    assert c.title == SHOWN and c.url == "" and c.sources == ("feed-<!here>",)
    assert card(*hostile_item(url="https://a.example/x?a=1&b=2")).url == "https://a.example/x?a=1&b=2"
    assert card(*hostile_item(url="data:text/html,x")).url == ""
    ops = ops_event("o", "a\x1b[2J\u202eb", ["c\x07d"]).card
    assert (ops.title, ops.lines) == ("ab", ("cd",))


def test_followup_heading_says_what_changed():
    listed = (card(*hostile_item(2)), card(*hostile_item(3)))
    assert followup("f", ["title fixed"], ["b", "a", "b"], listed).card.heading == (
        "Updated: title fixed; Also reported by b, a; 2 related report(s) on this story"
    )
    lead = followup("f", (), (), listed, lead_changed=True).card
    assert lead.related == 1 and lead.heading == (
        "an agency advisory now leads this story (the alert above shows it); first report below"
    )
    assert FollowupCard("f", also_reported_by=("x",)).heading == "Also reported by x"


def test_message_key_and_kind_come_from_the_card():
    kinds = [(m.kind, m.key) for m in every_card()]
    assert kinds == [("alert", "a1"), ("digest", "d1"), ("burst", "b1-0"), ("burst", "b1-2"), ("followup", "f1"),
                     ("ops", "o1")]  # fmt: skip
    assert build_alert(*hostile_item()).key is None


# -- every output keeps hostile text inert ------------------------------------------------------------------------

SLACK_LIVE = re.compile(r"<(?!https://news\.example\.org/a\?x=1&amp;y=\(2\)\|)")  # any "<" but our one link


def test_slack_posts_every_card_inert_through_the_real_client(slack_api):
    notifier = SlackNotifier(slack_api.token, "C0CARDS", base_url=slack_api.url)
    for message in every_card():
        notifier.send(message)
    posted = slack_api.messages("C0CARDS")
    assert len({m["ts"] for m in posted}) == 6  # the stand-in validated and stored each one
    for stored in posted:
        blob = stored["text"] + json.dumps(stored["blocks"], ensure_ascii=False)
        assert not SLACK_LIVE.search(blob), blob
        assert "&amp;amp;T" in blob or "AT&amp;" not in blob  # "&amp;" in a feed is shown as written
        assert not re.search("[\x00-\x08\x1b\u202a-\u202e\u2066-\u2069]", blob)
        assert "@here" not in blob and "@\u200bhere" in blob
    alert_title = render(every_card()[0]).blocks[0]["text"]["text"]
    assert alert_title == ("*&lt;!channel&gt; &lt;hxxp://evil[.]example/x|click&gt; *bold* AT&amp;amp;T red "
                           "[x](javascript:alert(1)) evil zerowidth @\u200bhere &lt;img src=x&gt;*")  # fmt: skip


def test_console_prints_every_card_as_written_with_only_its_own_styles():
    stream = io.StringIO()
    stream.isatty = lambda: True
    console = ConsoleNotifier(stream)
    for message in every_card():
        console.send(message)
    out = stream.getvalue()
    assert out.count(SHOWN) >= 6 and "&lt;" not in out  # plain text: nothing escaped, nothing un-escaped
    assert set(re.findall(r"\x1b\[[0-9;]*m", out)) == {"\x1b[1m", "\x1b[2m", "\x1b[0m"}
    assert not re.search(r"\x1b(?!\[[012]m)", out) and "\x07" not in out
    assert not re.search("[\u200b\u202a-\u202e\u2066-\u2069]", out)
    assert "javascript:alert(1)) evil" in out and "\n  javascript" not in out  # text, never printed as the link


def test_webhook_posts_raw_json_for_every_card(webhook_receiver):
    hook = WebhookNotifier("cards", webhook_receiver.url("/cards"), allow_private=True, timeout=2.0)
    for message in every_card():
        hook.send(message)
    bodies = [r.json for r in webhook_receiver.requests]
    assert [b["kind"] for b in bodies] == ["alert", "digest", "burst", "burst", "followup", "ops"]
    assert bodies[0]["item"]["title"] == SHOWN and bodies[0]["item"]["url"] is None and bodies[0]["items"] == []
    assert [len(b["items"]) for b in bodies[1:]] == [2, 2, 2, 1, 0]
    assert bodies[1]["items"][0]["url"] == "https://news.example.org/a?x=1&y=(2)"
    assert all(i["title"] == SHOWN for b in bodies for i in b["items"])
    assert bodies[4]["text"].startswith(f"Updated: title now {SHOWN}; Also reported by blog <!everyone>; 1 related")
    for b in bodies:
        assert "&lt;" not in b["text"] and "\x1b" not in b["text"] and "\u202e" not in b["text"]


def test_markdown_keeps_feed_text_from_linking_or_formatting():
    for message in every_card():
        for flavour in ("markdown", "html"):
            body = render_card_markdown(message.card, flavour)
            assert not re.search(r"(?<!\\)\]\((?!https://news\.example\.org/)", body), body  # only our own link
            assert "](javascript" not in body.replace("\\]", "")
            assert "@here" not in body and not re.search(r"(?<!\\)<", body)  # every "<" escaped (or an entity)
            assert not re.search("[\x1b\u202a-\u202e]", body) and "zerowidth" in body  # our \u200b breaks @here
    listing = render_card_markdown(every_card()[1].card, "markdown")
    assert (
        "\n- [\\<\\!channel\\> \\<hxxp://evil\\[.\\]example/x\\|click\\> \\*bold\\* AT\\&amp;T red \\[x\\](javascript"
        in listing
    )
    assert "](https://news.example.org/a?x=1&y=%282%29) (Kimsuky) 2026-11-22 \u2014 feed-\\<\\!here\\>" in listing


def test_mattermost_gets_escaped_markdown_lists(webhook_receiver):
    url = f"mmost://127.0.0.1:{webhook_receiver.port}/t0kenForCards"
    AppriseNotifier("mm", "mattermost", url).send(every_card()[1])
    text = webhook_receiver.requests[0].json["text"]
    assert text.startswith("**DPRK digest (daily \\<\\!here\\>): 2 item(s), window ending 2026-11-22 08:00 UTC**")
    assert "\n\n- [" in text and "@\u200bhere" in text and "<!channel>" not in text


def test_email_digest_arrives_as_html_without_live_markup(smtp_receiver):
    url = f"mailto://127.0.0.1:{smtp_receiver.port}?to=soc@example.com&from=bot@example.com"
    AppriseNotifier("mail", "email", url).send(every_card()[1])
    (mail,) = smtp_receiver.mails
    assert mail.message["Subject"].startswith("DPRK digest (daily <!here>): 2 item(s)")
    html = mail.message.get_body(("html",)).get_content()
    assert "<img" not in html and "&lt;img src=x&gt;" in html and 'href="javascript' not in html
    assert '<a href="https://news.example.org/a?x=1&amp;y=%282%29">' in html


def test_generic_apprise_gets_plain_text(webhook_receiver):
    AppriseNotifier("j", "apprise", f"json://127.0.0.1:{webhook_receiver.port}/j").send(every_card()[0])
    message = webhook_receiver.requests[0].json["message"]
    assert message.startswith("[DPRK cyber alert] <!channel> <http://evil.example/x|click> *bold* AT&amp;T red")
    assert "@\u200bhere" in message and "\x1b" not in message


# -- routing asks the notifier class where it posts ---------------------------------------------------------------

NOTIFIER_CONFIGS = [
    {"name": "slack-alerts", "type": "slack", "channel": "C0SLACK"},
    {"name": "console", "type": "console"},
    {"name": "soc-hook", "type": "webhook", "url_env": "SOC_URL"},
    *({"name": f"n-{kind}", "type": kind, "url_env": "X_URL"} for kind in APPRISE_TYPES),
]


def test_every_notifier_type_names_its_destination():
    got = {c["type"]: destination(TypeAdapter(NotifierConfig).validate_python(c)) for c in NOTIFIER_CONFIGS}
    assert got == {"slack": "C0SLACK", "console": "console", "webhook": "soc-hook",
                   **{kind: f"n-{kind}" for kind in APPRISE_TYPES}}  # fmt: skip


def test_the_router_takes_its_channels_from_the_notifier_classes(monkeypatch):
    class Pager(ConsoleNotifier):
        @staticmethod
        def destination(config) -> str:
            return f"pager:{config.name}"

    monkeypatch.setattr("tests.test_cards.Pager", Pager, raising=False)
    monkeypatch.setattr(console_kind, "NOTIFIER", "tests.test_cards:Pager")
    assert notifier_class("console") is Pager
    config = RoutesFile.model_validate(
        {"notifiers": NOTIFIER_CONFIGS[:2], "routes": [{"name": "all", "to": ["slack-alerts", "console"]}]}
    )
    item, tags = hostile_item()
    targets = Router(config).targets(item, tags, datetime(2026, 11, 22, tzinfo=UTC))
    assert [(t.notifier, t.channel) for t in targets] == [("slack-alerts", "C0SLACK"), ("console", "pager:console")]


def test_console_find_posted_takes_the_thread_the_outbox_passes():
    # the outbox looks a reply up in its thread (Deliverer._find passes thread_ts): the console must accept it
    assert ConsoleNotifier(io.StringIO()).find_posted("f1", 0.0, channel="console", thread_ts="1.1") is None


@pytest.mark.parametrize("kind", ["alert", "digest", "burst", "followup", "ops"])
def test_plain_text_of_each_kind_starts_with_its_heading(kind):
    first = {m.kind: plain_text(m.card).split("\n")[0] for m in every_card()}[kind]
    assert (
        first
        == {
            "alert": f"[DPRK cyber alert] {SHOWN}",
            "digest": "DPRK digest (daily <!here>): 2 item(s), window ending 2026-11-22 08:00 UTC",
            "burst": "Items 1-2 of this burst",
            "followup": f"Updated: title now {SHOWN}; Also reported by blog <!everyone>; 1 related report(s) on this story",
            "ops": f"Source {SHOWN} failing",
        }[kind]
    )
