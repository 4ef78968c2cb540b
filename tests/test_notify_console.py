"""ConsoleNotifier: one readable plain-text block per alert, ANSI only on a TTY, nothing a feed can inject."""

import io
from datetime import UTC, datetime

from bot.notify import ConsoleNotifier, Message, build_alert
from bot.notify.card import OpsCard, ops_event
from bot.records import Evidence, Item, Tags


class TTY(io.StringIO):
    def isatty(self):
        return True


def hostile_alert() -> Message:
    title = "\x1b[2J\x1b]0;pwned\x07Konni & <!channel> \u202eupdate\u202c"
    text = "Analysts linked the document lure to Konni, which sent it to a ministry mailbox."
    start = len(title) + 1 + text.index("Konni")
    item = Item("gov-feed", "k1", "javascript:alert(1)", title, None, text)
    tags = Tags(
        True, True, 0.77, ("Konni",), ("government",), evidence=(Evidence("actor", "Konni", "Konni", start, start + 5),)
    )
    return build_alert(item, tags, alert_id=3)


def normal_alert() -> Message:
    title = "APT37 spreads RokRAT through a fake news app"
    text = "The campaign, credited to APT37, hid RokRAT inside an app that claimed to carry regional news."
    start = len(title) + 1 + text.index("APT37")
    item = Item(
        "vendor-blog", "n1", "https://blog.example.net/apt37", title, datetime(2024, 9, 9, 12, tzinfo=UTC), text
    )
    tags = Tags(
        True,
        True,
        0.95,
        ("APT37",),
        ("media",),
        ("RokRAT",),
        ("CVE-2022-41128",),
        advisories=("AA23-000X",),
        evidence=(Evidence("actor", "APT37", "APT37", start, start + 5),),
    )
    return build_alert(item, tags, ["mirror-feed"], alert_id=1)


def test_block_has_every_fact_and_no_ansi_off_tty():
    stream = io.StringIO()
    ConsoleNotifier(stream).send(normal_alert())
    out = stream.getvalue()
    assert out == (
        "[DPRK cyber alert] APT37 spreads RokRAT through a fake news app\n"
        "  https://blog.example.net/apt37\n"
        "  source:      vendor-blog, mirror-feed\n"
        "  published:   2024-09-09\n"
        "  confidence:  0.95 (tagger)\n"
        "  actors:      APT37\n"
        "  sectors:     media\n"
        "  malware:     RokRAT\n"
        "  ids:         CVE-2022-41128, AA23-000X\n"
        "  archive:     advisory-bot show n1\n"
        "  > The campaign, credited to APT37, hid RokRAT inside an app that claimed to carry regional news.\n"
        "\n"
    )


def test_tty_gets_bold_title():
    stream = TTY()
    ConsoleNotifier(stream).send(normal_alert())
    out = stream.getvalue()
    assert out.startswith("\x1b[1m[DPRK cyber alert] APT37")
    assert "\x1b[2msource:     \x1b[0m vendor-blog" in out  # labels padded before styling
    assert "credited to \x1b[1mAPT37\x1b[0m, hid" in out  # the evidence is highlighted


def test_feed_cannot_inject_terminal_escapes_or_bidi():
    stream = TTY()
    ConsoleNotifier(stream).send(hostile_alert())
    out = stream.getvalue()
    assert "\x1b[2J" not in out and "\x1b]0" not in out and "\u202e" not in out and "\x07" not in out
    assert "Konni & <!channel> update" in out  # plain text: shown as written, not Slack-escaped
    assert "javascript:" not in out  # a non-http(s) link is not printed as a link


def test_an_ops_card_prints_as_written_and_printable():
    stream = io.StringIO()
    ConsoleNotifier(stream).send(ops_event("o1", "Tom &amp; Jerry <b> \x1b[31mred"))
    assert stream.getvalue() == "Tom &amp; Jerry <b> red\n\n"  # nothing is un-escaped: the text is shown as written
    raw = io.StringIO()  # a card built by hand, never cleaned: the console's own terminal escaping still applies
    ConsoleNotifier(raw).send(Message(OpsCard("o2", "a\x1b]0;pwned\x07b \u202eevil", ("\x9b2Jline",))))
    assert raw.getvalue() == "ab evil\nline\n\n"


def test_ids_are_synthetic_and_distinct():
    notifier = ConsoleNotifier(io.StringIO())
    assert [notifier.send(normal_alert()) for _ in range(3)] == ["console:1", "console:2", "console:3"]
    assert notifier.find_posted(1, 0.0) is None
