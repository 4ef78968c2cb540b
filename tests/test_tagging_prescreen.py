"""The prescreen only skips texts the pipeline would find nothing DPRK in: the tags are the same either way."""

import json
from pathlib import Path

from bot.records import FetchResult
from bot.tagging import get_tagger
from extractors import extract
from tests.conftest import make_source

DATA = Path(__file__).parent / "data"


def texts():
    out = []
    for name in ("tagging/holdout.jsonl", "stories/clusters.jsonl", "stories/holdout.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["title"], row["text"], row.get("language")))
    for feed in sorted((DATA / "feeds").glob("*.xml")) + sorted((DATA / "feeds").glob("*.atom")):
        result = FetchResult(url="https://example.org/", status=200, body=feed.read_bytes())
        out += [(i.title, i.text, i.language) for i in extract(result, make_source("x", "rss"))]
    out += [
        ("Patch Tuesday", "Microsoft fixed CVE-2026-21001 and CVE-2026-21002 in Windows.", None),
        ("Weather", "Sleet and snow tonight; zinc prices rose on the metals market.", None),
        # a bare "North" beside Seoul names the DPRK (the_north.py): the prescreen must let it through
        ("Seoul says the North hacked its navy", "", None),
    ]
    return out


def test_prescreen_changes_no_tag(monkeypatch):
    tagger = get_tagger()
    items = texts()
    screened = tagger.tag_many(items)
    skipped = sum(not tagger.prescreen.may_match(f"{t}\n{x}") for t, x, _ in items)
    monkeypatch.setattr(tagger.prescreen, "may_match", lambda text: True)
    full = tagger.tag_many(items)
    assert skipped >= 5  # it does skip something
    assert [a.to_contract("") for a in screened] == [b.to_contract("") for b in full]


def test_plain_tags_keep_indicators():
    tags = get_tagger().tag("Patch notes", "Fixes CVE-2026-0001 (T1190); see AA26-001A.")
    assert (tags.dprk_cyber, tags.score, tags.cves, tags.techniques, tags.advisories) == (
        False,
        0.0,
        ("CVE-2026-0001",),
        ("T1190",),
        ("AA26-001A",),
    )
    assert [e.label for e in tags.evidence] == ["cve", "technique", "advisory"]


def test_words_of_a_phrase_must_occur_in_order():
    screen = get_tagger().prescreen
    # a long technical text has "APT", "group" and numbers everywhere: no DPRK phrase, no pipeline
    scattered = "APT actors used port 38 and 37; group policy 77 was changed; the general bureau of statistics."
    assert not screen.may_match(scattered)
    assert screen.may_match("Activity by APT 38 was seen.") and screen.may_match("apt-38 (apt_38)")


def test_words_split_the_way_spacys_tokens_are():
    screen, tagger = get_tagger().prescreen, get_tagger()
    for text in (
        "_DPRK_ hackers breached a bank",
        "Hackers of APT38K breached a bank network in a cyber heist",
        "Lazarus_ hackers stole cryptocurrency from an exchange",
    ):
        assert screen.may_match(text), text  # spaCy splits "_" and units off words: these can match
        assert tagger.tag("", text).dprk_related, text
