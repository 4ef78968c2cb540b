"""What an alert tells its reader beyond the title: the tagger's confidence named as such (no "severity"), the
wallets, the archive id for `advisory-bot show`, and, in thread replies and lists, the source of every item.

Slack's block layout is pinned by the goldens in tests/test_notify_format.py; these tests cover the other
renderings (console, webhook, Markdown) and the compose messages.
"""

import io
from datetime import UTC, datetime

from bot.notify import plain
from bot.notify.card import BurstCard, DigestCard, FollowupCard, Message, build_alert, card
from bot.notify.console import ConsoleNotifier
from bot.notify.markdown import render_markdown
from bot.notify.slack_blocks import render
from bot.notify.webhook import item_json
from bot.records import Item, Tags

WALLETS = tuple(f"0x{n:040x}" for n in range(1, 8))


def theft(item_id="w1aaaaaaaaaaaaaaaaaaaaaa", source="fbi-news", wallets=WALLETS, score=1.0):
    item = Item(source, item_id, f"https://{source}.example.org/{item_id}", f"Theft report {item_id}",
                datetime(2026, 11, 22, tzinfo=UTC), "TraderTraitor moved the stolen funds.")  # fmt: skip
    return item, Tags(dprk_cyber=True, dprk_related=True, score=score, actors=("TraderTraitor",), wallets=wallets)


def test_console_names_confidence_and_shows_wallets_and_archive_id():
    stream = io.StringIO()
    ConsoleNotifier(stream).send(build_alert(*theft(), alert_id=3))
    out = stream.getvalue()
    assert "severity" not in out and "high" not in out
    assert "  confidence:  1.00 (tagger)\n" in out
    assert f"  wallets:     {', '.join(WALLETS[:5])}, and 2 more\n" in out
    assert "  archive:     advisory-bot show w1aaaaaaaaaaaaaaaaaaaaaa\n" in out


def test_webhook_and_markdown_carry_wallets_and_archive_id():
    c = card(*theft(wallets=WALLETS[:2]))
    assert item_json(c)["wallets"] == list(WALLETS[:2])
    md = render_markdown(c)
    assert f"**Wallets:** {WALLETS[0]}, {WALLETS[1]}" in md
    assert "\nArchive: advisory-bot show w1aaaaaaaaaaaaaaaaaaaaaa\n" in md


def test_no_wallets_no_wallet_line():
    stream = io.StringIO()
    ConsoleNotifier(stream).send(build_alert(*theft(wallets=()), alert_id=3))
    assert "wallets" not in stream.getvalue()
    assert "Wallets" not in str(render(build_alert(*theft(wallets=()))).blocks)


def test_followup_replies_name_each_items_source():
    related = [
        card(*theft("r1bbbbbbbbbbbbbbbbbbbbbb", "security-week")),
        card(*theft("r2cccccccccccccccccccccc", "<!here> blog")),
    ]
    reply = Message(FollowupCard("f9", related=2, items=tuple(related)), thread_ts="171.1")
    text = "\n".join(b["text"]["text"] for b in render(reply).blocks)
    assert text.startswith("*2 related report(s) on this story*\n")
    assert "2026-11-22 — security-week" in text
    assert "2026-11-22 — &lt;!here&gt; blog" in text  # the source name is escaped like any feed text
    assert "[security-week] https://security-week.example.org/r1bbbbbbbbbbbbbbbbbbbbbb" in plain.text(reply.card)


def test_burst_and_digest_lines_name_the_source():
    cards = [card(*theft(f"b{n}" + "d" * 22, f"feed-{n}")) for n in range(3)]
    burst = Message(BurstCard("b1-0", tuple(cards)))
    digest = Message(DigestCard("d1", "default", "2026-11-22 12:00 UTC", tuple(cards)))
    for message in (burst, digest):
        text = "\n".join(b["text"]["text"] for b in render(message).blocks)
        assert all(f"— feed-{n}" in text for n in range(3)), text
