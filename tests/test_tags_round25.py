"""Issue 16, twenty-fifth round: the fresh set AL (measured blind first: two confuser false alarms, the first in
eleven sets) and the whole-text errors of AK (docs/tagging.md).

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Every spelling of a name that is also a person's or a game character's is as ambiguous as the common one: a poet
  written 라자러스, Diablo's demon written アンダリエル.
- A false flag in Korean: the hacking pinned on the DPRK ("해킹 사실을 북한에 뒤집어씌우려고 했다").
- The DPRK as the other party of what someone else does ("trade with North Korea") or as the owner of a list ("North
  Korea's textiles, manufacturing, information technology, fishing, and other industries") aims at no one.
- "the Lazarus APT group" amid a fake game's players is the group; "Lazarus North Korea's most prolific hacking
  group" is no surname.
- Headline words: "N. Koreans", "cyberhack".
- Sectors: a head allowed in the singular is allowed in the plural ("IT industries", "education sectors");
  malware "spotted in" organisations hit them; a "medicine manufacturer" is healthcare; a ministry that says
  "“...”고 밝혔다" speaks.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("미국 시인 엠마 라자러스(Emma Lazarus)가 자유의 여신상 건립 기금을 마련하려고 시를 썼다.", "ko"),
        ("苦悶の乙女アンダリエルは、ディアブロらに敗れてその手下となった女魔神である。", "ja"),
        ("러시아 군 정보기관 요원들이 올림픽 전산망을 해킹하고, 해킹 사실을 북한에 뒤집어씌우려고 했다.", "ko"),
        (
            "The sanctions include targeting those conducting trade in goods, services, or technology with North "
            "Korea, and blocking the assets of those supporting North Korea's textiles, manufacturing, information "
            "technology, fishing, and other industries.",
            "en",
        ),
    ],
)
def test_confusers_false_flags_and_the_dprk_as_another_party_are_no_dprk_cyber(tagger, text, language):
    tags = tagger.tag("", text, language)
    assert not tags.dprk_cyber
    assert not tags.actors


@pytest.mark.parametrize(
    ("title", "text", "actors"),
    [
        (
            "Scammers use a tank game to reach players",
            "Players of a tank game found a backdoor on their computers, an unusual target for the Lazarus APT group.",
            {"Lazarus Group"},
        ),
        (
            "",
            "Hackers siphoned the bank's funds. Experts believe that Lazarus North Koreas most prolific hacking group "
            "was behind the theft.",
            {"Lazarus Group"},
        ),
        ("Fallout over hack by N. Koreans hits bank", "", set()),
        ("Man pleads guilty to laundering money in alleged North Korean cyberhack", "", set()),
    ],
)
def test_names_and_headline_words(tagger, title, text, actors):
    tags = tagger.tag(title, text, "en")
    assert tags.dprk_cyber
    assert set(tags.actors) == actors


@pytest.mark.parametrize(
    "text",
    [
        "In the anime, Lazarus hackers fight in season two.",  # a team of characters, no APT designation
        "N. Korea fires a missile into the East Sea.",  # the abbreviation alone is no cyber
    ],
)
def test_a_games_team_and_a_missile_stay_no_dprk_cyber(tagger, text):
    assert not tagger.tag("", text, "en").dprk_cyber


FOUND = [
    ("Diamond Sleet, a North Korean group, typically targets media, defense, and IT industries.", "en", "technology"),
    (
        "H0lyGh0st, a North Korean ransomware group, hit small businesses in the manufacturing, finance and education "
        "sectors.",
        "en",
        "think-tanks-academia",
    ),
    ("The North Korean Dtrack malware was spotted in financial institutions and research centres.", "en", "finance"),
    ("North Korean hackers tried to breach the network of a British medicine manufacturer.", "en", "healthcare"),
]


@pytest.mark.parametrize(("text", "language", "sector"), FOUND)
def test_sector_words_in_plural_heads_and_where_malware_was_spotted(tagger, text, language, sector):
    tags = tagger.tag("", text, language)
    assert tags.dprk_cyber
    assert sector in tags.sectors


def test_a_medicine_manufacturer_is_no_manufacturing(tagger):
    tags = tagger.tag("", "North Korean hackers tried to breach the network of a British medicine manufacturer.", "en")
    assert "manufacturing" not in tags.sectors


def test_a_ministry_that_speaks_in_a_quotation_is_no_victim(tagger):
    text = "북한 해커가 기자들에게 악성 메일을 보냈다. 외교부는 “외교부를 통해서 발송된 것은 아니다”고 밝혔다."
    tags = tagger.tag("", text, "ko")
    assert tags.dprk_cyber
    assert "government" not in tags.sectors
    assert "media" in tags.sectors
