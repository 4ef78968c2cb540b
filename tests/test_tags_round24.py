"""Issue 16, twenty-fourth round: kinds that recur across the opened fresh sets AI, AJ and AK (docs/tagging.md); AK
was measured blind before this round and the twenty-third.

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- A weapon's blueprints stolen: the military was hit ("stole warship blueprints", "the blueprints for the new fighter
  were stolen"); an aim still names no victim ("tried to steal the blueprints").
- The IT-worker scheme's employers: "placed these workers at several companies and at least one defense
  contractor", "fake remote IT workers at unsuspecting tech and crypto companies".
- Who acts on the case is no victim: a suit filed with a court (연방법원에 고소장을 제출), the bodies that jointly
  issue a statement (6府省庁連名), a university that analyses the hacking or holds a briefing on it.
- Words of the taxonomy's sectors: "telecommunication firms", 군 기관 (military bodies), 연구 분야 종사자.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


FOUND = [
    (
        "North Korean hackers probably stole the navy's warship blueprints after breaking into the shipyard's database.",
        "en",
        {"defense"},
    ),
    (
        "The lawmaker said the blueprints for the country's new stealth fighter were stolen by Kimsuky hackers.",
        "en",
        {"defense"},
    ),
    (
        "Prosecutors say the scheme sent North Korean IT workers to remote jobs. It placed these workers at dozens of "
        "companies and at least one defense contractor.",
        "en",
        {"defense", "technology"},
    ),
    (
        "North Korea ran a scheme of fake remote IT workers at unsuspecting tech and crypto companies.",
        "en",
        {"cryptocurrency", "technology"},
    ),
    (
        "Andariel malware hit a wide range of industries. Sectors targeted are utility providers and telecommunication "
        "firms.",
        "en",
        {"energy", "telecommunications"},
    ),
    ("북한 해커그룹이 주요 정부 및 군 기관과 통신사에 해킹 공격을 가해왔다.", "ko", {"defense", "government"}),
    (
        "김수키 조직은 방위산업체와 대북 연구 분야 종사자를 집중 공격하고 있다.",
        "ko",
        {"defense", "think-tanks-academia"},
    ),
]


@pytest.mark.parametrize(("text", "language", "sectors"), FOUND)
def test_blueprints_employers_and_sector_words(tagger, text, language, sectors):
    tags = tagger.tag("", text, language)
    assert tags.dprk_cyber
    assert sectors <= set(tags.sectors)


NOT_FOUND = [
    ("North Korean hackers tried to steal the blueprints of fighter jets from a shipyard.", "en", {"defense"}),
    (
        "북한 해킹 조직 탈륨은 MS가 버지니아주 연방법원에 정식으로 고소장을 제출하면서 알려졌다. 탈륨은 기자들을 "
        "공격했다.",
        "ko",
        {"judiciary"},
    ),
    (
        "北朝鮮による暗号資産窃取について3カ国が共同声明を発表した。日本からの発表は、金融庁、警察庁、外務省の"
        "3府省庁連名によるもの。北朝鮮のハッカーは取引所から暗号資産を盗んだ。",
        "ja",
        {"government", "finance"},
    ),
    (
        "한 대학원이 김수키 소행으로 추정되는 해킹 집단이 통신사들을 대상으로 벌인 해킹을 심층 분석한다.",
        "ko",
        {"think-tanks-academia"},
    ),
    (
        "북한 해킹 조직이 통신사를 해킹했다. 한 대학 연구진이 해킹에 대해 새로 발견한 사항을 보고한다.",
        "ko",
        {"think-tanks-academia"},
    ),
]


@pytest.mark.parametrize(("text", "language", "absent"), NOT_FOUND)
def test_an_aim_a_court_case_issuers_and_analysts_are_no_victims(tagger, text, language, absent):
    tags = tagger.tag("", text, language)
    assert tags.dprk_cyber
    assert not absent & set(tags.sectors)


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("북한 해킹 조직이 대학 연구진을 해킹했다고 경찰이 보고했다.", "think-tanks-academia"),
        ("북한 해킹 조직이 서울의 한 대학을 해킹했다. 그 대학은 피해 규모를 분석하고 있다.", "think-tanks-academia"),
        ("북한 해커들이 법원 전산망에 침투해 자료를 빼냈다.", "judiciary"),
    ],
)
def test_victims_stay_beside_those_rules(tagger, text, sector):
    tags = tagger.tag("", text, "ko")
    assert tags.dprk_cyber
    assert sector in tags.sectors
