"""Issue 16, eighteenth round: kinds found when half of the set AA (its Korean news `ka-` and its repository news
copies `kd-`) was opened after the whole set's blind measurement (docs/tagging.md); `kb-` and `kc-` stay blind.

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Ruled out: "'김수키'가 아니라 중국 조직" names the group as who it was not, as "'김수키'가 아닌" does; not "뿐만 아니라"
  (not only).
- Actors: KONNI in capitals, as vendors write the cluster.
- Sectors: examples of the sectors targeted in parentheses ("targeted multiple sectors (e.g., ...)"); "on the APT's
  radar" is a target frame; a modifier spelled out and then abbreviated before its head (정보기술(IT) 기업); reporters
  on a field's beat (외교안보 분야 기자들) are media, not the field; a ransom paid (지급) is a payment; the skills a job
  seeker claims (블록체인 기술에서 전문가 수준의 역량) are no victim; the DPRK's own programme pushed (해군 무력 강화에
  매진하는 북한) and a unit its leader inspects (해군부대를 직접 시찰) are its own; "prosecutors in <place> unsealed
  charges" are the law acting.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


SECTORS = [
    (
        "North Korean hackers wipe phones",
        "The campaign belongs to the KONNI activity cluster. These North Korean hackers have targeted multiple sectors "
        "(e.g., education, government, and cryptocurrency).",
        "en",
        {"think-tanks-academia", "government", "cryptocurrency"},
    ),
    (
        "Kimsuky lures analysts",
        "Kimsuky hackers phished think tanks with fake blog posts. Aerospace organizations also appear to be on the "
        "APT's radar.",
        "en",
        {"think-tanks-academia", "aerospace"},
    ),
    (
        "북한 해킹조직, 인증 SW 악용",
        "북한 해킹조직이 인증 소프트웨어 취약점을 악용해 방산 및 정보기술(IT) 기업 등 30여개 기관의 PC를 감염시켰다.",
        "ko",
        {"defense", "technology"},
    ),
    (
        "북한 해킹조직, 기자들에게 해킹 메일",
        "북한 해킹조직 김수키가 통일·외교 분야 기자들에게 해킹 메일을 보냈다.",
        "ko",
        {"media"},
    ),
    (
        "북한 해킹조직, 서버 마비",
        "북한 해킹조직 김수키가 업체 서버를 마비시켰다. 피해 업체 두 곳은 비트코인 300만 원을 지급했다.",
        "ko",
        set(),
    ),
    (
        "북한 IT 인력, 원격 채용 노려",
        "북한 IT 인력들이 신분을 위장해 해외 IT 기업에 취업했다. 이들은 암호화폐 및 블록체인 기술에서 전문가 수준의 "
        "역량을 갖췄다고 내세웠다.",
        "ko",
        {"technology"},
    ),
    (
        "북, 조선소 해킹",
        "해군 무력 강화에 매진하는 북한이 조선업체를 상대로 해킹 공격을 벌였다. 김정은은 지난달 해군부대를 직접 시찰했다.",
        "ko",
        {"manufacturing"},
    ),
    (
        "Launderer for North Korean hackers sentenced",
        "He laundered money North Korean hackers stole from a bank. Prosecutors in Texas and Ohio unsealed charges "
        "against him.",
        "en",
        {"finance"},
    ),
]


@pytest.mark.parametrize(("title", "text", "language", "sectors"), SECTORS)
def test_sector_kinds(tagger, title, text, language, sectors):
    tags = tagger.tag(title, text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


def test_konni_in_capitals_is_the_group(tagger):
    tags = tagger.tag("Report", "Researchers tie the wiper campaign to KONNI, a North Korean hacking group.", "en")
    assert list(tags.actors) == ["Konni"]


def test_konni_in_capitals_outside_cyber_is_no_actor(tagger):
    tags = tagger.tag("KONNI", "KONNI is a town in Kerala; its municipal office was renovated this year.", "en")
    assert not tags.dprk_related and not tags.actors


def test_the_group_named_as_who_it_was_not_is_ruled_out(tagger):
    text = "통신사를 공격한 해킹 조직이 북한 '김수키'가 아니라 중국 조직으로 추정된다는 분석이 나왔다."
    tags = tagger.tag('연구진 "통신사 해킹, 중국 해커 소행"', text, "ko")
    assert not tags.dprk_cyber


def test_not_only_the_group_keeps_it(tagger):
    tags = tagger.tag("북한 해킹 확산", "북한 김수키뿐만 아니라 다른 북한 해킹조직도 국내 기관을 공격했다.", "ko")
    assert tags.dprk_cyber


def test_a_unit_attacked_stays_a_victim_beside_an_inspection_elsewhere(tagger):
    text = "북한 해커들이 해군부대 전산망을 해킹했다. 군은 피해를 조사하고 있다."
    assert "defense" in tagger.tag("北 해킹", text, "ko").sectors


def test_a_speaker_in_a_place_hit_stays_a_victim(tagger):
    text = "North Korean hackers of the Lazarus Group attacked banks in South Korea last week."
    assert "finance" in tagger.tag("Lazarus hits banks", text, "en").sectors


def test_a_radar_that_belongs_to_a_sector_is_no_target_frame(tagger):
    text = "Lazarus hackers phished staff at a bank. Separately, the navy's radar tracked a North Korean boat."
    assert set(tagger.tag("Lazarus phished bankers", text, "en").sectors) == {"finance"}


def test_a_name_negated_for_another_state_is_ruled_out_in_its_later_mentions(tagger):
    text = (
        "통신사를 공격한 해킹 조직이 북한 '김수키'가 아니라 중국 조직으로 추정된다는 분석이 나왔다. "
        "연구진은 김수키 추정 해킹 관련 공개 자료를 분석했다고 설명했다."
    )
    assert not tagger.tag('연구진 "통신사 해킹, 중국 해커 소행"', text, "ko").dprk_cyber


def test_a_name_negated_for_another_dprk_group_keeps_the_dprk(tagger):
    text = "이번 공격은 김수키가 아니라 라자루스의 소행으로 드러났다. 라자루스는 금융기관을 해킹해 왔다."
    tags = tagger.tag("北 해킹조직 라자루스 소행", text, "ko")
    assert tags.dprk_cyber and "Lazarus Group" in tags.actors
