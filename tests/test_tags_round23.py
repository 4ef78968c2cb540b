"""Issue 16, twenty-third round: what two fresh sets (AI, AJ; docs/tagging.md) showed, measured blind first.

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- The law at work and its partners, recurring in both sets: evidence handed to prosecutors, a conclusion reached by
  them, their office's statement; "cooperate with the FBI, other US government agencies"; "... 경찰청과 협력하고";
  researchers who "... 확보했다고 강조했다" speak, as 말했다 or 밝혔다 do.
- Lists a text says were targeted: the first item right after a target verb ("targeting "media, aerospace, financial,
  and critical infrastructure sectors""), "targets range far and wide, including ...", "a range of industries from
  electronics and aerospace to automotive and health care", "정부·싱크탱크·대학 직원 등을 목표로 잡았다".
- Japanese: a suspicion is no negation ("ハッキングしたのではないか": it may well have); a false flag written
  "北朝鮮の仕業と見せ掛け" frames the DPRK, it is not its attack.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


NOT_VICTIMS = [
    (
        "North Korean hackers stole cryptocurrency from an exchange employee. The spy agency has passed evidence "
        "of the hacking to prosecutors.",
        "en",
        {"judiciary"},
    ),
    (
        "Kimsuky hackers attacked the nuclear operator. The conclusion reached by the prosecutors comes a week "
        "after the attack.",
        "en",
        {"judiciary"},
    ),
    (
        "Kimsuky hackers attacked the nuclear operator with the same malware, a statement from the central "
        "prosecutors' office said.",
        "en",
        {"judiciary"},
    ),
    (
        "North Korean hackers stole bitcoin from a crypto exchange. The police agency will continue to cooperate "
        "with the FBI, other US government agencies and international partners to investigate.",
        "en",
        {"government"},
    ),
    (
        "북한 해커 조직이 가상자산 거래소에서 비트코인을 훔쳤다. FBI는 국방부 사이버 범죄 센터 및 일본 경찰청과 "
        "협력하고 있다.",
        "ko",
        {"defense"},
    ),
    (
        "북한 해커 조직 라자루스가 은행을 해킹했다. 보안업체 연구진은 해킹에 쓰인 서버의 기록을 확보했다고 강조했다.",
        "ko",
        {"think-tanks-academia"},
    ),
]


@pytest.mark.parametrize(("text", "language", "absent"), NOT_VICTIMS)
def test_the_law_at_work_its_partners_and_researchers_who_speak_are_no_victims(tagger, text, language, absent):
    tags = tagger.tag("", text, language)
    assert tags.dprk_cyber
    assert not absent & set(tags.sectors)


VICTIMS = [
    (
        "North Korean hackers of the Lazarus Group targeted prosecutors and judges with phishing emails.",
        "en",
        "judiciary",
    ),
    ("Kimsuky hackers sent phishing e-mails with malware to prosecutors' office staff.", "en", "judiciary"),
    ("Kimsuky hackers breached the networks of the government agencies that worked with the FBI.", "en", "government"),
    ("북한 해커 조직이 국방부를 해킹했다. 국방부는 경찰과 협력해 조사하고 있다.", "ko", "defense"),
    ("북한 해커 조직 김수키는 국방부 직원들을 노렸다고 군 관계자가 강조했다.", "ko", "defense"),
]


@pytest.mark.parametrize(("text", "language", "sector"), VICTIMS)
def test_victims_stay_beside_those_rules(tagger, text, language, sector):
    tags = tagger.tag("", text, language)
    assert tags.dprk_cyber
    assert sector in tags.sectors


LISTS = [
    (
        'The FBI warned that a North Korean hacking group is targeting "media, aerospace, financial, and critical '
        'infrastructure sectors".',
        "en",
        {"media", "aerospace", "finance"},
    ),
    (
        "The Lazarus Group's targets range far and wide, including government, military, financial, manufacturing, "
        "publishing, media, entertainment and shipping.",
        "en",
        {"government", "defense", "finance", "manufacturing", "media"},
    ),
    (
        "The North Korean hacking group now infiltrates a range of industries from electronics and aerospace to "
        "automotive and health care.",
        "en",
        {"manufacturing", "aerospace", "healthcare"},
    ),
    ("북한 해킹조직 탈륨은 정부·싱크탱크·대학 직원 등을 목표로 잡았다.", "ko", {"government", "think-tanks-academia"}),
]


@pytest.mark.parametrize(("text", "language", "sectors"), LISTS)
def test_every_item_of_a_targeted_list_counts(tagger, text, language, sectors):
    tags = tagger.tag("", text, language)
    assert tags.dprk_cyber
    assert sectors <= set(tags.sectors)


NOT_LISTED = [
    # a range that is no target list: what the group's own programme spans
    (
        "North Korean hackers stole funds for programmes ranging from missiles to satellites.",
        "en",
        {"space", "defense"},
    ),
    # the government staff impersonated: the bait
    ("북한 해커들이 정부 직원을 사칭해 악성코드를 담은 메일을 보냈다.", "ko", {"government"}),
    # a list after a target verb whose items are countries, not sectors
    ("North Korean hackers are targeting the UK, the US and Japan, officials said.", "en", {"government"}),
]


@pytest.mark.parametrize(("text", "language", "absent"), NOT_LISTED)
def test_what_is_no_target_list_names_no_sector(tagger, text, language, absent):
    tags = tagger.tag("", text, language)
    assert tags.dprk_cyber
    assert not absent & set(tags.sectors)


def test_a_japanese_suspicion_is_no_negation(tagger):
    tags = tagger.tag("北朝鮮が映画会社をハッキングしたのではないかと報じられる", "", "ja")
    assert tags.dprk_cyber
    assert not tagger.tag("", "北朝鮮が銀行をハッキングしたのではない。", "ja").dprk_cyber  # a negation stays one


def test_a_suspected_lazarus_is_no_ruled_out_name(tagger):
    tags = tagger.tag("", "ラザルスではないかとみられるハッカー集団が暗号資産取引所をハッキングした。", "ja")
    assert tags.dprk_cyber
    assert "Lazarus Group" in tags.actors


@pytest.mark.parametrize(
    "text",
    [
        "ロシア軍のスパイが五輪組織委員会のコンピューターをハッキングし、北朝鮮の仕業と見せ掛けようとした。",
        "ロシアのハッカーがシステムをハッキングし、北朝鮮の犯行に見せかけようとした。",
    ],
)
def test_a_japanese_false_flag_frames_the_dprk(tagger, text):
    tags = tagger.tag("", text, "ja")
    assert not tags.dprk_cyber
    assert not tags.actors
