"""Issue 16, seventeenth round: kinds found when the text set Z was opened, after its blind measurement (its figures
before these rules are in docs/tagging.md).

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Sectors: a modifier reaches its head across the next modifier's own bridge word ("broadcasting and financial
  computer networks"); what backs the attacks is no victim ("attacks backed by national governments"); the DPRK's own
  bodies written without a particle (북한 군부) and the programme an attack serves (해군 군사력 강화를 위해) are its
  own; researchers who announce a finding in Japanese (研究者らは、…ことを明らかにした) are the source; a ransom
  demanded in Japanese (ビットコインを要求, 出さなければ) is the payment; a Japanese list of fields aimed at past an
  adjective (…ヘルスケアなど幅広い業界を狙う) names what was targeted, healthcare written in katakana too.
- Headlines: mail robbed (이메일 털었다), the North's forces (북 세력 추정), IT operatives (北 IT공작원) and the
  scheme's applicants (北朝鮮の応募者), a URL slug without its apostrophe ("North Koreas crypto theft").
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


SECTORS = [
    (
        "Report",
        "North Korean hackers were behind the 2013 attack on broadcasting and financial computer networks.",
        "en",
        {"media", "finance"},
    ),
    (
        "Kimsuky breached a hospital",
        "Kimsuky hacked the hospital's servers, one of many cyberattacks backed by national governments this year.",
        "en",
        {"healthcare"},
    ),
    (
        "北 해킹",
        "농협 해킹의 주범인 정찰총국은 북한 군부의 핵심 기관이다. 북한 해커들은 은행 전산망을 마비시켰다.",
        "ko",
        {"finance"},
    ),
    (
        "국정원 발표",
        "국정원은 북한이 해군 군사력 강화를 위해 국내 조선업체를 대상으로 해킹 공격을 벌이고 있다고 밝혔다.",
        "ko",
        {"manufacturing"},
    ),
    (
        "北朝鮮のハッカー",
        "韓国の研究者らは、取引所へのサイバー攻撃が北朝鮮のハッカー集団によって組織されたことを明らかにした。",
        "ja",
        {"cryptocurrency"},
    ),
    (
        "北朝鮮のサイバー攻撃",
        "北朝鮮のハッカーは通販サイトに「ビットコインを出さなければ顧客情報を公開する」と脅迫した。",
        "ja",
        set(),
    ),
    (
        "北朝鮮のハッカー集団",
        "北朝鮮のハッカー集団は化学、電子、ヘルスケアなど幅広い業界を狙っているという。",
        "ja",
        {"manufacturing", "healthcare"},
    ),
]


@pytest.mark.parametrize(("title", "text", "language", "sectors"), SECTORS)
def test_sector_kinds(tagger, title, text, language, sectors):
    tags = tagger.tag(title, text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


def test_the_military_network_an_upgrade_was_for_stays_hit(tagger):
    tags = tagger.tag("北 해킹", "북한 해커들이 군 전산망 강화를 위해 도입된 장비를 해킹했다.", "ko")
    assert "defense" in tags.sectors


def test_a_ministry_hacked_in_a_headline_without_comma_stays_a_victim(tagger):
    tags = tagger.tag("北 해킹", "북한 국방부 전산망 해킹 시도가 드러났다. 북한 해커들이 국방부를 노렸다.", "ko")
    assert "defense" in tags.sectors


HEADLINES = [
    ("북한, 군 장성 '개인 이메일' 털었다…합동수사 착수", "ko", None),
    ("'잠수함' 기밀 자료 해킹 시도…북 세력 추정", "ko", None),
    ("화상 면접 피하고 채팅만… 北 IT공작원, 국내 기업 노렸다", "ko", "Famous Chollima"),
    ("なりすます北朝鮮の応募者を見抜く方法", "ja", "Famous Chollima"),
    ("North Koreas Crypto Theft Hits New Record", "en", None),
]


@pytest.mark.parametrize(("title", "language", "actor"), HEADLINES)
def test_headline_kinds(tagger, title, language, actor):
    tags = tagger.tag(title, "", language)
    assert tags.dprk_cyber
    if actor:
        assert actor in tags.actors


@pytest.mark.parametrize("title", ["남북 세력 균형 논의", "북 세력과 남 세력의 대화 재개"])
def test_forces_in_politics_are_no_cyber(tagger, title):
    assert not tagger.tag(title, "", "ko").dprk_cyber


def test_the_longest_hits_win_and_do_not_overlap():
    """The finders keep the longest of overlapping hits (ties: the earlier), now marked character by character."""
    from bot.tagging.read.nlp import Hit, longest_first

    hits = [Hit("noun", "defense", 0, 7, "defense"), Hit("noun", "defense", 0, 17, "defense contractor"),
            Hit("mod", "finance", 20, 27, "banking"), Hit("mod", "finance", 24, 31, "kingdom"),
            Hit("noun", "media", 40, 44, "news")]  # fmt: skip
    kept = longest_first(hits)
    assert [(h.start, h.end) for h in sorted(kept, key=lambda h: h.start)] == [(0, 17), (20, 27), (40, 44)]


@pytest.mark.parametrize(
    ("word", "prefix", "is_vocab"),
    [("방산업체를", "방산업체", True), ("방산업체", "방산업체", True), ("정부와", "정부", True), ("정부청사", "정부", False),
     ("北朝鮮", None, False)],
)  # fmt: skip
def test_korean_and_japanese_sector_words_are_found_by_their_prefixes(word, prefix, is_vocab):
    from bot.tagging.sectors.cjk import _is_vocab, _vocab_prefix

    assert _vocab_prefix(word) == prefix
    assert _is_vocab(word) is is_vocab


def test_a_product_named_after_a_group_is_not_the_group(tagger):
    """From the one confuser false alarm of the blind set ZD (the only record of ZD read): a vendor's platform named
    after a DPRK group."""
    text = "According to the analyst, their Andariel intelligence platform detected Emotet and TrickBot on the network."
    tags = tagger.tag("Ransomware hits a hospital chain", text, "en")
    assert not tags.dprk_cyber
    assert "Andariel" not in tags.actors


def test_the_group_beside_its_tools_stays(tagger):
    tags = tagger.tag("Report", "The Andariel group used a new platform of loaders against defense firms.", "en")
    assert "Andariel" in tags.actors


def test_a_bare_noun_far_past_its_target_word_is_not_read_again():
    """bare_sector_noun reads the words between a target word and a bare "military" or "government" (coordinated
    bare nouns may stand between): within BARE_REACH characters only, so a hostile list of thousands is linear."""
    from bot.tagging.sectors.frames import BARE_REACH

    tagger = get_tagger()
    near = tagger.tag("Report", "North Korean hackers targeted the government and military.", "en")
    assert {"government", "defense"} <= set(near.sectors)
    far = "North Korean hackers targeted the " + "government, " * (BARE_REACH // 12 + 1) + "and military."
    assert len(far) > BARE_REACH
    assert "government" in tagger.tag("Report", far, "en").sectors  # the first items, near the target word, count
