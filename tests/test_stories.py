"""Stories: the labelled set (no false merge, recall >= 0.9), each rule, revisions, the alert thread, the CLI."""

import dataclasses
import subprocess
import sys
from datetime import datetime

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.delivery.route import Target
from bot.records import Item, TaggedItem, Tags
from bot.run.assemble import story_keeper
from bot.run.store import store
from bot.stories.rules import amounts, text_names, title_words
from bot.tagging import get_tagger
from storage import open_archive
from storage.signatures import SHINGLE_CHARS, SHINGLE_WORDS, band_hashes, shingles, signature
from tests.story_cases import CLUSTERS, archive_cases, load, pairwise

NOW = "2026-11-26T12:00:00+00:00"


def test_labelled_clusters_no_false_merge_and_recall(tmp_path):
    rows = load()
    result = pairwise(rows, archive_cases(tmp_path / "a.db", rows, get_tagger(), story_keeper()))
    assert result["false_merges"] == []  # different stories with shared actors stay apart
    assert result["recall"] >= 0.9, result["missed"]


def item(n, title, text, source="news", url=None, published="2026-11-25T10:00:00+00:00", links=()):
    return Item(
        source=source,
        id=f"i{n}",
        url=url or f"https://{source}.example.org/{n}",
        title=title,
        published=datetime.fromisoformat(published),
        text=text,
        links=tuple(links),
    )


def tags(**kw):
    return Tags(**{"dprk_cyber": True, "dprk_related": True, "score": 0.9, **kw})


def put(db, *tagged, source="news", routes=None):
    """Store items as `source` carried them."""
    carried = [TaggedItem(dataclasses.replace(t.item, source=source), t.tags) for t in tagged]
    return store(db, source, carried, NOW, routes=routes, stories=story_keeper())


def story(db, item_id):
    return db.execute("SELECT story_id FROM items WHERE id = ?", (item_id,)).fetchone()[0]


def reason(db, item_id):
    return db.execute("SELECT rule, reason FROM story_members WHERE item_id = ?", (item_id,)).fetchone()


@pytest.fixture
def db(tmp_path):
    return open_archive(tmp_path / "a.db")


def test_advisory_id_joins(db):
    advisory = item(1, "Joint advisory on Andariel", "Details.", url="https://agency.example.gov/news/aa24-207a")
    put(db, TaggedItem(advisory, tags(advisories=("AA24-207A",))))
    put(
        db,
        TaggedItem(item(2, "Partners publish Andariel guidance", "See AA24-207A."), tags(advisories=("AA24-207A",))),
        source="partner",
    )
    assert story(db, "i2") == story(db, "i1") and reason(db, "i2") == ("advisory", "advisory AA24-207A")


ROUNDUP_IDS = tuple(f"AA26-{n:03d}A" for n in range(330, 366))


def test_a_roundup_citing_many_advisory_ids_captures_no_later_advisory(db):
    text = "This week's advisories: " + ", ".join(ROUNDUP_IDS)
    put(db, TaggedItem(item(1, "Weekly roundup", text), tags(advisories=ROUNDUP_IDS)))
    advisory = item(2, "AA26-345A: a new advisory", "Guidance.", url="https://agency.example.gov/aa26-345a")
    put(db, TaggedItem(advisory, tags(advisories=("AA26-345A",))), source="agency")
    assert story(db, "i2") != story(db, "i1")
    # nor does a roundup published after the advisories join one of them
    put(db, TaggedItem(item(3, "Weekly roundup, again", text), tags(advisories=ROUNDUP_IDS)), source="digest")
    assert story(db, "i3") != story(db, "i2")


def test_an_advisory_id_joins_only_within_its_window(db):
    old = item(
        1,
        "AA24-207A: Andariel",
        "Details.",
        url="https://agency.example.gov/aa24-207a",
        published="2026-01-05T10:00:00+00:00",
    )
    put(db, TaggedItem(old, tags(advisories=("AA24-207A",))))
    put(db, TaggedItem(item(2, "A look back", "As AA24-207A said in January."), tags(advisories=("AA24-207A",))))
    assert story(db, "i2") != story(db, "i1")


def test_link_to_the_primary_source_joins(db):
    put(db, TaggedItem(item(1, "Vendor report", "Long analysis.", url="https://lab.example.org/r/1"), tags()))
    put(
        db,
        TaggedItem(item(2, "Roundup", "Worth reading.", links=["https://lab.example.org/r/1"]), tags()),
        source="digest",
    )
    assert story(db, "i2") == story(db, "i1") and reason(db, "i2")[0] == "links-to"


def test_near_duplicate_text_joins_and_a_different_text_does_not(db):
    body = (
        "Researchers found that a North Korean group planted a backdoor in a widely used open source package "
        "and used it to reach developers at several cryptocurrency firms over two months this autumn. The "
        "package was downloaded thousands of times before maintainers removed the malicious release, and the "
        "researchers published indicators so that affected companies can check their build servers."
    )
    put(db, TaggedItem(item(1, "Backdoored package hits crypto developers", body + " Subscribe now."), tags()))
    put(
        db,
        TaggedItem(item(2, "Package backdoor targets crypto firms", "(Wire) " + body), tags(dprk_cyber=False)),
        source="wire",
    )
    other = "A ransomware gang encrypted a hospital network and demanded a payment in bitcoin from the managers."
    put(db, TaggedItem(item(3, "Hospital hit by ransomware", other + " " + other), tags(dprk_cyber=False)), source="x")
    assert story(db, "i2") == story(db, "i1") and reason(db, "i2")[0] == "near-duplicate"
    assert story(db, "i3") != story(db, "i1")


def test_same_event_needs_a_strong_identifier_and_the_window(db):
    put(
        db,
        TaggedItem(
            item(1, "Lazarus exploits browser flaw", "Uses CVE-2026-1111."),
            tags(actors=("Lazarus Group",), cves=("CVE-2026-1111",)),
        ),
    )
    put(
        db,
        TaggedItem(
            item(2, "Zero-day used by TraderTraitor", "Same bug."),
            tags(actors=("TraderTraitor",), cves=("CVE-2026-1111",)),
        ),
        source="b",
    )  # same family
    put(
        db,
        TaggedItem(
            item(3, "Kimsuky uses the same browser flaw", "Also CVE-2026-1111."),
            tags(actors=("Kimsuky",), cves=("CVE-2026-1111",)),
        ),
        source="c",
    )  # other family
    put(
        db,
        TaggedItem(
            item(
                4,
                "Lazarus exploits browser flaw again",
                "CVE-2026-1111, months later.",
                published="2026-11-01T10:00:00+00:00",
            ),
            tags(actors=("Lazarus Group",), cves=("CVE-2026-1111",)),
        ),
        source="d",
    )  # outside 72 h
    assert story(db, "i2") == story(db, "i1") and reason(db, "i2")[0] == "same-event"
    assert story(db, "i3") != story(db, "i1") and story(db, "i4") != story(db, "i1")


def test_two_campaigns_of_one_actor_in_one_week_stay_apart(db):
    put(
        db,
        TaggedItem(
            item(1, "Lazarus targets engineers with fake job offers", "Trojanized archives."),
            tags(actors=("Lazarus Group",), malware=("ThreatNeedle",)),
        ),
    )
    put(
        db,
        TaggedItem(
            item(2, "Lazarus steals funds from a gaming platform", "Compromised keys."), tags(actors=("Lazarus Group",))
        ),
        source="b",
    )
    assert story(db, "i1") != story(db, "i2")


def test_story_counts_sources_and_actors(db):
    put(
        db,
        TaggedItem(
            item(1, "Advisory AA25-001A", "x", url="https://a.example.org/1"),
            tags(actors=("Kimsuky",), advisories=("AA25-001A",)),
        ),
    )
    put(db, TaggedItem(item(1, "Advisory AA25-001A", "x", url="https://a.example.org/1"), tags()), source="mirror")
    put(db, TaggedItem(item(2, "News", "y"), tags(actors=("APT37",), advisories=("AA25-001A",))), source="press")
    row = db.execute(
        "SELECT items_count, sources_count, actors FROM stories WHERE id = ?", (story(db, "i1"),)
    ).fetchone()
    assert row == (2, 3, '["APT37","Kimsuky"]')


def test_revision_is_a_version_and_an_update_reply(db):
    def routes(t):
        return [Target("slack", "C1", "default")]

    original = "The agencies describe the campaign. Patch the listed servers."
    put(db, TaggedItem(item(1, "Advisory on Andariel", original), tags(actors=("Andariel",))), source="cisa")
    put(
        db,
        TaggedItem(item(1, "Advisory on Andariel", original), tags(actors=("Andariel",))),
        source="cisa",
        routes=routes,
    )
    assert db.execute("SELECT count(*) FROM item_versions").fetchone()[0] == 0  # unchanged: no version
    put(db, TaggedItem(item(1, "Advisory on Andariel", "  " + original.replace(" ", "  ")), tags()), source="cisa")
    assert db.execute("SELECT count(*) FROM item_versions").fetchone()[0] == 0  # whitespace only
    db.execute(
        "INSERT INTO outbox (kind, item_id, notifier, channel, status, message_id, created_at, updated_at)"
        " VALUES ('alert', 'i1', 'slack', 'C1', 'sent', '1.000', ?, ?)",
        (NOW, NOW),
    )
    revised = original + " Update: new indicators were added for the ransomware payloads."
    result = put(
        db,
        TaggedItem(item(1, "Advisory on Andariel (Update)", revised), tags(actors=("Andariel",))),
        source="cisa",
        routes=routes,
    )
    versions = db.execute("SELECT version, title FROM item_versions ORDER BY version").fetchall()
    assert versions == [(1, "Advisory on Andariel"), (2, "Advisory on Andariel (Update)")]
    assert db.execute("SELECT text FROM items WHERE id = 'i1'").fetchone()[0] == revised
    reply = db.execute("SELECT kind, subject, payload FROM outbox WHERE kind = 'followup'").fetchone()
    assert result.alerts == 1 and reply[1] == "revision-2"
    assert "1 sentence(s) added" in reply[2] and "new indicators" in reply[2]
    assert db.execute("SELECT count(*) FROM outbox WHERE kind = 'alert'").fetchone()[0] == 1  # never a second alert
    # the same URL from another source with other words is that source's summary, not a revision
    put(db, TaggedItem(item(1, "Andariel advisory, summarized", "Short summary."), tags()), source="aggregator")
    assert db.execute("SELECT count(*) FROM item_versions").fetchone()[0] == 2


def test_helpers():
    assert amounts("stole $1.5 billion, 400,000 ETH and US$ 25 million") == {"1.5b", "400000", "25m"}
    assert "bybit" in text_names("The thieves drained Bybit overnight.")
    assert "lazarus" not in title_words("Lazarus hits Bybit", frozenset({"lazarus"}))


def test_band_hashes_are_the_same_in_another_process():
    text = "North Korean hackers planted a backdoor in a package used by developers at exchanges across Asia."
    here = band_hashes(signature(text))
    code = f"from storage.signatures import band_hashes, signature; print(band_hashes(signature({text!r})))"
    there = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    ).stdout.strip()
    assert there == str(here)


def test_stories_command(tmp_path):
    db = open_archive(tmp_path / "a.db")
    put(
        db,
        TaggedItem(
            item(1, "AA24-207A: joint advisory on Andariel", "Details."),
            tags(actors=("Andariel",), advisories=("AA24-207A",)),
        ),
    )
    put(
        db,
        TaggedItem(
            item(2, "Allies warn of Andariel", "AA24-207A."), tags(actors=("Andariel",), advisories=("AA24-207A",))
        ),
        source="uk",
    )
    out = CliRunner().invoke(cli, ["stories", "--members", "--actor", "Onyx Sleet", "--db", str(tmp_path / "a.db")])
    assert out.exit_code == 0, out.output
    assert "2 item(s), 2 source(s)  [Andariel]" in out.output
    assert "advisory        1.00  uk: Allies warn of Andariel  (advisory AA24-207A)" in out.output
    none = CliRunner().invoke(cli, ["stories", "--actor", "Kimsuky", "--db", str(tmp_path / "a.db")])
    assert none.output == ""


def test_independent_holdout_set(tmp_path):
    """48 reports in 18 stories written apart from the rules (cross-language pairs, long gaps, linked negatives).

    Measured when it was written: precision 0.76 and recall 0.46 before the rules saw it, 0.89 and 0.56 after
    (the misses are cross-language pairs and reworded reports without shared identifiers): a floor, not a target.
    """
    rows = load(CLUSTERS.parent / "holdout.jsonl")
    result = pairwise(rows, archive_cases(tmp_path / "a.db", rows, get_tagger(), story_keeper()))
    assert result["precision"] >= 0.85 and result["recall"] >= 0.5, result


def test_signature_is_datasketchs_minhash_of_the_shingles(monkeypatch):
    from datasketch import MinHash

    monkeypatch.setattr("storage.signatures._BLOCK", 100)  # several blocks of shingles per text

    texts = [
        "North Korean hackers planted a backdoor in a package used by developers at exchanges across Asia.",
        " ".join(f"word{n % 997} filler{n % 13}" for n in range(12_000)),
        "라자루스 그룹이 국내 방산업체를 노린 공격을 벌였다고 보안업체가 밝혔다. 북한 해킹조직의 소행으로 추정된다.",
        "Short text, eight words at most here.",
    ]
    for text in texts:
        grams = shingles(text)
        if len(set(grams)) < 8:
            assert signature(text) is None
            continue
        reference = MinHash(num_perm=64, scheme="affine32")
        reference.update_batch(grams)
        assert signature(text) == reference.hashvalues.astype("<u4").tobytes()


def test_signature_covers_the_first_thousand_words():
    head = " ".join(f"w{n}" for n in range(SHINGLE_WORDS))
    assert signature(head + " and an appendix of hashes and tables") == signature(head)
    assert signature(head[: len(head) // 2]) != signature(head)  # shorter texts are signed whole
    cjk = "".join(chr(0xAC00 + (n * 7) % 11000) for n in range(SHINGLE_CHARS))
    assert signature(cjk + "뒤에 붙은 부록") == signature(cjk)
