"""Issue 16, twenty-first round: a field's technology stolen or leaked names the field (docs/tagging.md).

Space was the sector missed most on the six fresh sets (8 of 11 labelled), and five of those sets label the field
of stolen technology as hit ("stole weapons and satellite technology" -> defense, space). Each sentence is written
for this test in the shape of a kind; none is taken from an article.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


STOLEN = [
    ("North Korean hackers stole satellite technology from research firms in Europe.", "en", {"space"}),
    (
        "Kimsuky hackers stole advanced technology related to weapons development and satellites from abroad.",
        "en",
        {"defense", "space"},
    ),
    ("Lazarus hackers stole aerospace technology, prosecutors said.", "en", {"aerospace"}),
    ("북한 해킹조직 김수키가 무기와 인공위성 관련 첨단 기술을 탈취했다.", "ko", {"defense", "space"}),
    ("북한 해커들이 원자력 기술을 빼돌렸다.", "ko", {"energy"}),
    ("北朝鮮のハッカー集団は各国から兵器や宇宙関連の先端技術を盗み出した。", "ja", {"defense", "space"}),
    ("北朝鮮のハッカーが造船技術を盗んだ。", "ja", {"manufacturing"}),
]


@pytest.mark.parametrize(("text", "language", "sectors"), STOLEN)
def test_a_fields_technology_stolen_names_the_field(tagger, text, language, sectors):
    tags = tagger.tag("", text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


NOT_STOLEN = [
    # an aim, not a theft that took place
    ("North Korean hackers of the Lazarus Group are seeking satellite technology.", "en"),
    ("북한 해킹조직 라자루스가 위성 기술을 노리고 있다.", "ko"),
    # the DPRK's own know-how, which the stolen money pays for
    ("Lazarus hackers stole cryptocurrency to fund its satellite technology.", "en"),
    ("북한 해킹조직이 북한의 위성 기술 개발에 쓸 자금을 마련하려고 은행을 털었다.", "ko"),
    # another state's hackers
    ("Chinese hackers stole satellite technology, while North Korea's Lazarus Group robbed a bank.", "en"),
]


@pytest.mark.parametrize(("text", "language"), NOT_STOLEN)
def test_no_field_without_a_theft_of_its_know_how(tagger, text, language):
    assert "space" not in tagger.tag("", text, language).sectors


def test_a_field_technology_company_is_read_as_a_company(tagger):
    tags = tagger.tag("", "Lazarus hackers breached defense technology firms and stole data.", "en")
    assert tags.sectors == ("defense",)


def test_information_technology_stolen_is_no_field(tagger):
    tags = tagger.tag("", "North Korean hackers of the Lazarus Group stole information technology secrets.", "en")
    assert not {"defense", "space", "aerospace", "energy", "manufacturing"} & set(tags.sectors)


LISTS = [
    # the first item of a Japanese list bridged to its head by a compound (関連の), as the last item always was
    ("北朝鮮のハッカー集団は航空・宇宙関連の企業を標的にした。", "ja", {"aerospace", "space"}),
    ("北朝鮮のハッカー集団は防衛・宇宙関連の企業を標的にした。", "ja", {"defense", "space"}),
    # a Korean list of fields (read so before this round too)
    ("북한 해킹조직은 항공·우주, 원자력 등 분야의 기업을 표적으로 삼았다.", "ko", {"aerospace", "energy", "space"}),
]


@pytest.mark.parametrize(("text", "language", "sectors"), LISTS)
def test_every_item_of_a_list_of_fields_counts(tagger, text, language, sectors):
    assert set(tagger.tag("", text, language).sectors) == sectors


@pytest.mark.parametrize(
    "text",
    [
        "북한 해커들이 항공기 설계 자료를 노렸다.",  # an aircraft's design data: the topic, not an airline
        "북한 해킹조직이 항공모함 관련 자료를 노렸다.",  # an aircraft carrier
    ],
)
def test_aviation_words_that_name_no_field(tagger, text):
    assert "aerospace" not in tagger.tag("", text, "ko").sectors
