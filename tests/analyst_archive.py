"""A small archive for the analysts' tools (search, show, export, serve, stats): invented items, two stories.

Built with the storage API (store, the outbox helpers); stories are filled directly, as the clustering
will fill them. Items: k1/k2 (Kimsuky, story 1), t1/t2 (TraderTraitor, story 2), l1 (Lazarus), a1
(Andariel), f1 (IT workers), n1 (not DPRK), r1 (DPRK related, not cyber).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.store import store
from storage import open_archive
from storage.archive import transaction
from storage.items import upsert_source
from storage.sources import get_state, record_failure, success_row


def _item(item_id, source, published, title, text, url="", language="en", **tags):
    item = Item(
        source=source,
        id=item_id,
        url=url,
        title=title,
        published=published,
        text=text,
        language=language,
        guid=item_id,
    )
    cyber = tags.pop("cyber", True)
    evidence = tuple(Evidence("actor", a, a, 0, len(a)) for a in tags.get("actors", ()))
    return TaggedItem(
        item,
        Tags(dprk_cyber=cyber, dprk_related=tags.pop("related", cyber), score=0.9 if cyber else 0.2,
             evidence=evidence, **tags),
    )  # fmt: skip


def d(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


ITEMS = [
    _item("k1aaaaaaaaaaaaaaaaaaaaaa", "cisa-advisories", d("2026-11-20"),
          "Kimsuky spear-phishing campaign targets North Korea researchers",
          "The advisory describes spear phishing emails sent to think tank researchers. BabyShark malware was dropped.",
          url="https://advisories.example.org/aa26-324a", actors=("Kimsuky",), sectors=("think-tanks-academia",),
          malware=("BabyShark",), advisories=("AA26-324A",), techniques=("T1566.001",)),
    _item("k2bbbbbbbbbbbbbbbbbbbbbb", "krcert-notices", d("2026-11-21"), "김수키 그룹, 외교부 사칭 피싱 메일 유포",
          "김수키 조직이 외교부를 사칭한 피싱 메일을 유포했다.", url="https://notices.example.kr/1234", language="ko",
          actors=("Kimsuky",), sectors=("government",)),
    _item("t1cccccccccccccccccccccc", "fbi-news", d("2026-11-22"),
          "FBI attributes $308 million crypto theft to TraderTraitor",
          "The FBI attributes the theft from a cryptocurrency exchange to TraderTraitor, also tracked as Jade Sleet.",
          url="https://fbi.example.gov/news/tradertraitor-theft", actors=("TraderTraitor",),
          sectors=("cryptocurrency",), wallets=("bc1qexamplewallet0000000000000000000000",)),
    _item("t2dddddddddddddddddddddd", "security-week", d("2026-11-23"),
          "Exchange hack: TraderTraitor and BlueNoroff behind the heist",
          "Researchers say TraderTraitor worked with APT38 operators; the intrusion abused CVE-2024-21338 on a "
          "developer workstation at the exchange.", url="https://news.example.com/exchange-hack",
          actors=("APT38", "TraderTraitor"), sectors=("cryptocurrency", "technology"), cves=("CVE-2024-21338",)),
    _item("l1eeeeeeeeeeeeeeeeeeeeee", "vendor-research", d("2026-10-05"),
          "Operation Dream Job lures aerospace engineers",
          "Lazarus Group sent fake job offers to aerospace and defense engineers, installing DTrack.",
          url="https://research.example.net/dream-job", actors=("Lazarus Group",), sectors=("aerospace", "defense"),
          malware=("DTrack",)),
    _item("a1ffffffffffffffffffffff", "cisa-advisories", d("2026-07-15"),
          "Andariel deploys Maui ransomware against hospitals",
          "Andariel exploited CVE-2021-44228 to deploy Maui ransomware in healthcare networks.",
          url="https://advisories.example.org/aa26-196a", actors=("Andariel",), sectors=("healthcare",),
          malware=("Maui",), cves=("CVE-2021-44228",)),
    _item("f1gggggggggggggggggggggg", "doj-press", d("2026-09-10"),
          "Facilitators charged in remote IT workers scheme",
          "Prosecutors charged facilitators who helped North Korean remote IT workers get hired by software firms.",
          url="https://justice.example.gov/it-workers", actors=("Famous Chollima",), sectors=("technology",)),
    _item("n1hhhhhhhhhhhhhhhhhhhhhh", "security-week", d("2026-11-24"), "Ransomware gang hits hospital chain",
          "A criminal ransomware gang encrypted systems at a hospital chain.", url="https://news.example.com/ransomware",
          cyber=False, related=False),
    _item("r1iiiiiiiiiiiiiiiiiiiiii", "security-week", d("2026-11-19"), "North Korea launches a satellite",
          "Pyongyang launched a reconnaissance satellite, its state media said.",
          url="https://news.example.com/satellite", cyber=False, related=True),
]  # fmt: skip

STORIES = [
    (1, "Kimsuky phishing of researchers and diplomats", ["k1aaaaaaaaaaaaaaaaaaaaaa", "k2bbbbbbbbbbbbbbbbbbbbbb"]),
    (2, "TraderTraitor exchange theft", ["t1cccccccccccccccccccccc", "t2dddddddddddddddddddddd"]),
]


def build(path, story_last_seen: dict[int, str] | None = None):
    """The archive at `path`; `story_last_seen` overrides stories' last_seen (for "stories this week")."""
    db = open_archive(path)
    for tagged in ITEMS:
        now = (tagged.item.published + timedelta(hours=1)).isoformat()
        store(db, tagged.item.source, [tagged], now)
    # t2 was also carried by a second source
    store(db, "vendor-research", [ITEMS[3]], "2026-11-23T12:00:00+00:00")
    with transaction(db) as conn:
        # the archive clusters on store; these tests want known stories: replace them with ours
        conn.execute("UPDATE items SET story_id = NULL")
        conn.execute("DELETE FROM story_members")
        conn.execute("DELETE FROM stories")
        for story_id, title, members in STORIES:
            rows = [conn.execute("SELECT first_seen, actors FROM items WHERE id = ?", (m,)).fetchone() for m in members]
            actors = sorted({a for _, acts in rows for a in json.loads(acts)})
            last_seen = (story_last_seen or {}).get(story_id, rows[-1][0])
            conn.execute(
                "INSERT INTO stories (id, title, first_item_id, first_seen, last_seen, items_count, sources_count,"
                " actors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (story_id, title, members[0], rows[0][0], last_seen, len(members), len(members), json.dumps(actors)),
            )
            for n, member in enumerate(members):
                rule, score = ("first", 1.0) if n == 0 else ("same-actor-window", 0.8)
                conn.execute(
                    "INSERT INTO story_members (item_id, story_id, rule, score, reason, joined_at) VALUES (?, ?, ?, ?,"
                    " ?, ?)",
                    (member, story_id, rule, score, f"invented: {rule}", rows[n][0]),
                )
                conn.execute("UPDATE items SET story_id = ? WHERE id = ?", (story_id, member))
    # source health: one healthy source, one failing
    healthy = success_row(
        get_state(db, "cisa-advisories"),
        "https://advisories.example.org/feed.xml",
        "2026-11-25T09:00:00+00:00",
        etag='"abc"',
        last_modified=None,
        items=12,
    )
    with transaction(db) as conn:
        upsert_source(conn, healthy)
    record_failure(
        db,
        "krcert-notices",
        "https://notices.example.kr/rss",
        "2026-11-25T09:00:00+00:00",
        "fetch: 503 from krcert-notices",
        "server_error",
        "2026-11-25T10:00:00+00:00",
    )
    # alert history: k1 alerted to Slack and sent, a1's alert failed once and is pending
    store_alert(db, "k1aaaaaaaaaaaaaaaaaaaaaa", sent=True)
    store_alert(db, "a1ffffffffffffffffffffff", sent=False)
    return db


def store_alert(db, item_id: str, sent: bool) -> None:
    """One outbox row for the item: sent to Slack, or failed once and pending."""
    now = "2026-11-25T10:00:00+00:00"
    with transaction(db) as conn:
        conn.execute(
            "INSERT INTO outbox (kind, item_id, notifier, channel, route, status, attempts, last_error, message_id,"
            " created_at, updated_at, sent_at) VALUES ('alert', ?, 'slack', 'C0DPRK', 'default', ?, 1, ?, ?, ?, ?, ?)",
            (
                item_id,
                "sent" if sent else "pending",
                None if sent else "slack: 503 from chat.postMessage",
                "1764064800.000100" if sent else None,
                now,
                now,
                now if sent else None,
            ),
        )
