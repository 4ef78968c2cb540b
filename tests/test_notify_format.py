"""Slack message format: golden files per case, plus the escaping and limit rules every case must obey.

Regenerate the goldens after an intended format change: UPDATE_GOLDENS=1 pytest tests/test_notify_format.py
"""

import json
import os
import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.notify.card import build_alert
from bot.notify.escape import (
    BLOCK_LIMIT,
    ELLIPSIS,
    FIELD_LIMIT,
    SECTION_LIMIT,
    TEXT_LIMIT,
    clean,
    defang,
    escape,
    fit_blocks,
    link,
    safe_url,
    truncate,
)
from bot.notify.slack_blocks import render
from bot.notify.snippet import snippet, spans
from bot.records import Evidence, Item, Tags

GOLDEN_DIR = Path(__file__).parent / "data" / "slack"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


def ev(title: str, text: str, label: str, value: str, match: str, nth: int = 0) -> Evidence:
    """Evidence for the nth occurrence of `match` in title + "\\n" + text."""
    full, start = title + "\n" + text, -1
    for _ in range(nth + 1):
        start = full.index(match, start + 1)
    return Evidence(label, value, match, start, start + len(match))


def case_normal():
    title = "Lazarus Group pivots to fake job offers against exchange engineers"
    text = (
        "A new report describes how operators linked to Pyongyang approached staff at a cryptocurrency exchange "
        "with invented recruiter profiles. The analysts attribute the activity to Lazarus Group, which they also "
        "call Diamond Sleet, and say the lure delivered a trojanised coding test carrying AppleJeus. "
        "The same campaign abused CVE-2024-21338 for privilege escalation, and the joint advisory AA24-207A "
        "lists the infrastructure."
    )
    item = Item(
        "vendor-blog",
        "item-normal-1",
        "https://research.example.org/posts/fake-recruiters?ref=feed&lang=en",
        title,
        datetime(2024, 7, 26, 1, 15, tzinfo=timezone(timedelta(hours=9))),  # KST: still the 25th in UTC
        text,
    )
    tags = Tags(
        dprk_cyber=True,
        dprk_related=True,
        score=0.934,
        actors=("Lazarus Group",),
        sectors=("cryptocurrency", "technology"),
        malware=("AppleJeus",),
        cves=("CVE-2024-21338",),
        advisories=("AA24-207A",),
        evidence=(
            ev(title, text, "actor", "Lazarus Group", "Lazarus Group"),
            ev(title, text, "actor", "Lazarus Group", "Lazarus Group", 1),
            ev(title, text, "actor", "Lazarus Group", "Diamond Sleet"),
            ev(title, text, "malware", "AppleJeus", "AppleJeus"),
        ),
    )
    return item, tags, ["cisa-advisories"], 101


def case_hostile():
    title = "<!channel> Kimsuky & friends <@U123> \u202eevil\u202c update"
    text = (
        "Quiet intro. \x1b[31mKimsuky\x1b[0m\x07 sent <!here> lures from mail.bad-domain.com to "
        "<https://evil.example/login|innocent> and javascript:alert(1). "
        "Also @channel, @everyone, <!subteam^S123>, <#C999|general>, &lt;!channel&gt;."
    )
    tags = Tags(
        dprk_cyber=True,
        dprk_related=True,
        score=0.71,
        actors=("Kimsuky",),
        sectors=("think-tanks-academia",),
        evidence=(ev(title, text, "actor", "Kimsuky", "Kimsuky", 1),),
    )
    item = Item("hostile-feed", "item-hostile-<1>", "javascript:alert(document.cookie)", title, None, text)
    return item, tags, ["<!channel> mirror"], 102


def case_long():
    title = "APT38 " + "very long headline about a bank heist " * 20
    sentence = "BlueNoroff operators & their SWIFT tooling moved funds through layered accounts <again>. "
    text = "Background paragraph without any names. " * 5 + sentence * 300
    item = Item(
        "long-feed",
        "item-long-1",
        "https://news.example.com/" + "a" * 500,
        title,
        datetime(2023, 1, 2, tzinfo=UTC),
        text,
    )
    tags = Tags(
        dprk_cyber=True,
        dprk_related=True,
        score=0.88,
        actors=tuple(f"Actor {i:03d} & Co" for i in range(300)),  # absurd, to hit the field limit
        sectors=("finance",),
        cves=tuple(f"CVE-2023-{n:05d}" for n in range(400)),
        evidence=(ev(title, text, "actor", "APT38", "BlueNoroff"),),
    )
    return item, tags, [], 103


def case_korean():
    title = "김수키, 통일 분야 연구원 겨냥한 피싱 메일 유포"
    # a feed that sends decomposed jamo (NFD) must still render as syllables; offsets index the text as received
    text = unicodedata.normalize(
        "NFD",
        "보안업체 분석에 따르면 김수키가 대북 연구자에게 학술 행사 초청을 가장한 메일을 보냈다. "
        "첨부 파일을 열면 BabyShark 악성코드가 설치된다. 공격자는 라자루스와 다른 조직으로 분류된다.",
    )
    tags = Tags(
        dprk_cyber=True,
        dprk_related=True,
        score=0.82,
        actors=("Kimsuky",),
        sectors=("think-tanks-academia",),
        malware=("BabyShark",),
        evidence=(
            ev(title, text, "actor", "Kimsuky", unicodedata.normalize("NFD", "김수키")),
            ev(title, text, "malware", "BabyShark", "BabyShark"),
        ),
    )
    item = Item("krcert", "item-ko-1", "http://boho.example.kr/notice/1", title, datetime(2024, 3, 1, tzinfo=UTC), text)
    return item, tags, [], 104


def case_wallets():
    title = "Exchange loses funds to TraderTraitor; stolen coins traced to seven addresses"
    text = "Investigators traced the stolen funds from the exchange to wallets controlled by TraderTraitor."
    wallets = (
        "0x" + "ab" * 20,
        "bc1q" + "x" * 38,
        "0x" + "cd" * 20,
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "0x" + "ef" * 20,
        "0x" + "12" * 20,
        "TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW",
    )
    tags = Tags(
        dprk_cyber=True,
        dprk_related=True,
        score=1.0,
        actors=("TraderTraitor",),
        sectors=("cryptocurrency",),
        wallets=wallets,
        evidence=(ev(title, text, "actor", "TraderTraitor", "TraderTraitor", 1),),
    )
    item = Item("fbi-news", "t1cccccccccccccccccccccc", "https://fbi.example.gov/news/theft", title,
                datetime(2026, 11, 22, tzinfo=UTC), text)  # fmt: skip
    return item, tags, [], 105


CASES = {"normal": case_normal, "hostile": case_hostile, "long": case_long, "korean": case_korean,
         "wallets": case_wallets}  # fmt: skip


def build(name):
    item, tags, sources, alert_id = CASES[name]()
    return render(build_alert(item, tags, sources, alert_id=alert_id))  # the Slack payload: text, blocks, metadata


def rendered(message) -> dict:
    return {"text": message.text, "blocks": message.blocks, "metadata": message.metadata}


def mrkdwn_texts(message) -> list[str]:
    out = [message.text]
    for block in message.blocks:
        out += [block["text"]["text"]] if "text" in block else []
        out += [f["text"] for f in block.get("fields", [])]
        out += [e["text"] for e in block.get("elements", [])]
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    path = GOLDEN_DIR / f"{name}.expected.json"
    actual = rendered(build(name))
    if os.environ.get("UPDATE_GOLDENS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.exists(), f"missing golden {path}; run with UPDATE_GOLDENS=1"
    assert actual == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_case_obeys_slack_limits_and_escaping(name):
    message = build(name)
    assert len(message.blocks) <= BLOCK_LIMIT
    assert len(message.text) <= TEXT_LIMIT
    for block in message.blocks:
        if "text" in block:
            assert len(block["text"]["text"]) <= SECTION_LIMIT
        assert all(len(f["text"]) <= FIELD_LIMIT for f in block.get("fields", []))
    for text in mrkdwn_texts(message):
        # the only "<" left is the opening of our own http(s) title link
        assert re.findall(r"<(?!https?://)", text) == []
        assert not re.search(r"&(?!amp;|lt;|gt;)", text), text  # no bare & and no cut entity
        assert not any(c in text for c in BIDI + "\x1b\x07")


def test_hostile_item_arrives_inert():
    message = build("hostile")
    blob = json.dumps(mrkdwn_texts(message), ensure_ascii=False)
    for live in ("<!channel>", "<!here>", "<@U123>", "<https://evil", "<!subteam", "<#C999", "<javascript"):
        assert live not in blob
    title = message.blocks[0]["text"]["text"]
    assert title == "*&lt;!channel&gt; Kimsuky &amp; friends &lt;@U123&gt; evil update*"  # no link: javascript:
    assert "&amp;lt;!channel&amp;gt;" in blob  # pre-escaped text is shown as written, not un-escaped
    assert "@\u200bchannel" in blob and "@\u200beveryone" in blob
    assert "mail[.]bad-domain[.]com" in blob and "hxxps://evil[.]example/login" in blob
    assert message.metadata == {
        "event_type": "advisory_alert",
        "event_payload": {"alert_id": 102, "item_id": "item-hostile-<1>"},
    }


def test_normal_alert_content():
    message = build("normal")
    title, context, facts, quote, archive = (b for b in message.blocks)
    assert title["text"]["text"].startswith(
        "*<https://research.example.org/posts/fake-recruiters?ref=feed&amp;lang=en|"
    )
    assert "Published: 2024-07-25" in context["elements"][0]["text"]  # UTC date, not the KST one
    assert "Source: vendor-blog, cisa-advisories" in context["elements"][0]["text"]
    assert [f["text"].split("\n")[0] for f in facts["fields"]] == [
        "*Actors*",
        "*Sectors*",
        "*Malware*",
        "*CVEs / advisories*",
    ]
    assert "*Lazarus Group*" in quote["text"]["text"] and "*Diamond Sleet*" in quote["text"]["text"]
    assert "Tagger confidence: 0.93" in context["elements"][0]["text"] and "Severity" not in str(message.blocks)
    assert archive["elements"][0]["text"] == "Archive: `advisory-bot show item-normal-1`"


def test_korean_text_is_nfc_and_not_falsely_bolded():
    message = build("korean")
    quote = message.blocks[-2]["text"]["text"]
    assert "김수키가" in quote  # NFD jamo from the feed became syllables; no "*김수키*가" (mrkdwn would show stars)
    assert "*BabyShark*" in quote
    assert message.blocks[0]["text"]["text"].startswith("*<http://boho.example.kr/notice/1|김수키, ")


def test_long_item_is_truncated_with_an_ellipsis():
    message = build("long")
    fields = message.blocks[2]["fields"]
    assert fields[0]["text"].endswith(ELLIPSIS) and len(fields[0]["text"]) <= FIELD_LIMIT
    assert message.blocks[0]["text"]["text"].endswith(f"{ELLIPSIS}>*")  # the label is cut, the link stays whole


def test_wallets_and_archive_id_are_shown():
    message = build("wallets")
    fields = [f["text"] for f in message.blocks[2]["fields"]]
    assert fields[-1] == "*Wallets*\n" + "\n".join(
        ["`0x" + "ab" * 20 + "`", "`bc1q" + "x" * 38 + "`", "`0x" + "cd" * 20 + "`",
         "`1BoatSLRHtKNngkdXEeobR76b53LETtpyT`", "`0x" + "ef" * 20 + "`", "and 2 more"]
    )  # fmt: skip
    context = message.blocks[1]["elements"][0]["text"]
    assert context.startswith("DPRK cyber alert | Tagger confidence: 1.00 | Source: fbi-news")
    assert message.blocks[-1]["elements"][0]["text"] == "Archive: `advisory-bot show t1cccccccccccccccccccccc`"


def test_hostile_item_id_is_escaped_in_the_archive_line():
    assert build("hostile").blocks[-1]["elements"][0]["text"] == "Archive: `advisory-bot show item-hostile-&lt;1&gt;`"


def test_item_without_text_or_evidence():
    item = Item("s", "i", "", "Only a title", None, "")
    message = render(build_alert(item, Tags(score=0.2)))
    assert [b["type"] for b in message.blocks] == ["section", "context", "context"]
    assert message.blocks[0]["text"]["text"] == "*Only a title*"
    assert message.blocks[2]["elements"][0]["text"] == "Archive: `advisory-bot show i`"
    assert message.metadata["event_payload"] == {"item_id": "i"}  # no alert id yet: omitted, not null
    assert message.text == "DPRK-related item: Only a title [s]"


# -- escape -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a & b", "a &amp; b"),
        ("<!channel>", "&lt;!channel&gt;"),
        ("<@U123> hi", "&lt;@U123&gt; hi"),
        ("<https://evil.example|innocent>", "&lt;hxxps://evil[.]example|innocent&gt;"),
        ("ping @here now", "ping @\u200bhere now"),
        ("x\u202egnp.exe\u202c", "xgnp.exe"),
        ("tab\tand\nnewline\x00", "tab and newline"),
        ("see evil.com or EVIL.DE or ASP.NET", "see evil[.]com or EVIL[.]DE or ASP[.]NET"),  # any case
        ("ftp://files.example.net/x", "fxp://files[.]example[.]net/x"),
    ],
)
def test_escape(raw, expected):
    assert escape(raw) == expected


def test_clean_keeps_lines_unless_single_line_and_normalises():
    assert clean("a\u2028b\r\nc\x85d") == "a\nb\nc\nd"
    assert clean(unicodedata.normalize("NFD", "한국")) == "한국"
    assert clean("  spaced   out \n x ", single_line=True) == "spaced out x"
    assert clean("zero\u200bwidth\ufeff tag\U000e0041") == "zerowidth tag"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://a.example/x", True),
        ("HTTP://A.EXAMPLE", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("slack://channel?id=C1", False),
        ("https:///nohost", False),
        ("", False),
    ],
)
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) is ok


def test_link_escapes_url_and_label():
    assert (
        link("https://a.example/?q=1&r=<2>|x", "T & <b>")
        == "<https://a.example/?q=1&amp;r=%3C2%3E%7Cx|T &amp; &lt;b&gt;>"
    )
    assert link("javascript:alert(1)", "Click") == "Click"


def test_truncate_never_cuts_inside_an_entity_or_link():
    text = escape("a&b<c>" * 50) + " <https://x.example|label> end"
    for limit in range(1, len(text) + 1):
        cut = truncate(text, limit)
        assert len(cut) <= limit
        assert not re.search(r"&[a-z]*$", cut.removesuffix(ELLIPSIS))
        assert cut.count("<") == cut.count(">") or cut.rfind("<") < cut.rfind(">")
    assert truncate("short", 10) == "short"


def test_fit_blocks():
    blocks = [{"type": "divider"}] * 60
    fitted = fit_blocks(blocks)
    assert len(fitted) == BLOCK_LIMIT and "11 more blocks omitted" in fitted[-1]["elements"][0]["text"]


def test_defang_only_touches_links():
    assert defang("Version 2.1 of the tool") == "Version 2.1 of the tool"
    assert defang("https://a.example.com/p?u=b.net") == "hxxps://a[.]example[.]com/p?u=b[.]net"


# -- snippet ----------------------------------------------------------------------------------------------------


def test_snippet_finds_spans_with_wrong_offsets_by_text():
    item = Item("s", "i", "", "Title", None, "Quiet start. Then Andariel struck a hospital.")
    wrong = Evidence("actor", "Andariel", "Andariel", 0, 8)  # offsets point into the title
    assert spans("Title\n" + item.text, (wrong,)) == [(24, 32)]
    assert snippet(item, (wrong,)) == (("Then ", False), ("Andariel", True), (" struck a hospital.", False))


def test_snippet_ignores_unknown_spans_and_starts_at_body():
    item = Item("s", "i", "", "T", None, "word " * 100)
    segments = snippet(item, (Evidence("actor", "X", "absent", 500, 506),))
    assert segments[0][0].startswith("word word") and segments[-1] == (ELLIPSIS, False)
    assert not any(hit for _, hit in segments)
