"""Issue 16, fifteenth round: kinds found when the text set X was opened, after its one blind measurement (its
figures before these rules are in docs/tagging.md).

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Sectors: a plain adjective after "and" still reaches the head ("academic and strategic institutions"); reporters
  a speaker meets (기자들과 만난 자리에서) are the audience; a body that speaks past a topic particle, in Japanese
  after では too, with "analysis results announced" (分析結果を発表した, と分析) or, in Korean, a warning
  (경고했다), is the source; a counted list whose machines were infected (등 50여개 기관의 PC가 악성코드에 감염)
  names what was hit; the senders mail pretended to come from stay bait however long their list; a sentence that
  opens on "meanwhile" (한편) tells another story unless it names the DPRK's hackers itself.
- Headlines: tech workers who infiltrated (潜入した技術労働者) are the IT-worker scheme; DPRK labourers sent abroad
  (技術労働者がロシアに派遣) are not.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


SECTORS = [
    (
        "APT37",
        "The North Korean group APT37 targeted South Korean academic and strategic institutions.",
        "en",
        {"think-tanks-academia"},
    ),
    (
        "국정원, 北 해킹 노출",
        '정보위 간사인 의원은 이날 기자들과 만난 자리에서 "원전 운영 기업이 북한 연계 해킹 공격을 당했다"고 밝혔다.',
        "ko",
        {"energy"},
    ),
    (
        "北朝鮮のサイバー部隊",
        "韓国の政府系研究機関は31日、北朝鮮のハッカー集団が原子力発電所の運営会社を攻撃したとする分析結果を発表した。",
        "ja",
        {"energy"},
    ),
    (
        "北朝鮮のサイバー部隊",
        "北朝鮮のハッカー集団が原発の運営企業を攻撃した。研究機関では北朝鮮のサイバー部隊の能力が高まっていると分析。",
        "ja",
        {"energy"},
    ),
    (
        "북한 해커, 병원 해킹",
        "북한 해커들이 미국 병원을 해킹했다. 미국 정부 기관들은 이달 초 북한 해커들이 러시아와 동유럽에 기반을 둔 범죄 "
        "해킹 그룹과 손잡고 랜섬웨어를 쓰고 있다고 경고했다.",
        "ko",
        {"healthcare"},
    ),
    (
        "북한 해커",
        "북한 해킹조직의 공격으로 공공기관, 방산, IT, 언론사 등 50여개 기관의 PC가 악성코드에 감염됐다.",
        "ko",
        {"government", "defense", "technology", "media"},
    ),
    (
        "North Korean hackers pose as agencies",
        "North Korean hackers stole cryptocurrency from 1,400 people. Their mails pretended to be sent from South "
        "Korean government agencies including the National Police Agency, the National Health Insurance Service, the "
        "National Pension Service and the National Tax Service.",
        "en",
        {"cryptocurrency"},
    ),
    (
        "북한 해커, 공공기관 사칭 메일 유포",
        "북한 해킹조직이 공공기관을 사칭한 악성 메일을 가상자산 거래소 직원들에게 보냈다. 한편, 올해 들어 국내 "
        "의료기관을 대상으로 한 랜섬웨어 공격이 잇달아 발생하고 있다.",
        "ko",
        {"cryptocurrency"},
    ),
]


@pytest.mark.parametrize(("title", "text", "language", "sectors"), SECTORS)
def test_sector_kinds(tagger, title, text, language, sectors):
    tags = tagger.tag(title, text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


def test_a_meanwhile_sentence_that_names_the_hackers_keeps_its_victims(tagger):
    text = "북한 해킹조직이 병원을 공격했다. 한편, 북한 해커들은 국내 의료기관을 대상으로 랜섬웨어 공격을 벌였다."
    assert "healthcare" in tagger.tag("북한 해커", text, "ko").sectors


def test_the_dprk_as_the_speaker_meeting_reporters_keeps_a_media_victim(tagger):
    text = "북한 해커들이 언론사 8곳을 해킹했다고 경찰이 밝혔다."
    assert "media" in tagger.tag("북한 해커", text, "ko").sectors


def test_infiltrated_tech_workers_are_the_scheme(tagger):
    tags = tagger.tag("FBI、北朝鮮から潜入した技術労働者の活動取り締まり強化", "", "ja")
    assert tags.dprk_cyber
    assert "Famous Chollima" in tags.actors


@pytest.mark.parametrize("title", ["北朝鮮の技術労働者がロシアに派遣 建設現場で", "北朝鮮のIT人材育成、平壌で大会"])
def test_labourers_sent_abroad_are_no_scheme(tagger, title):
    assert not tagger.tag(title, "", "ja").dprk_cyber


AGAINST_THE_DPRK = [
    (
        "情報機関のハッキング疑惑",
        "情報機関は北朝鮮やテロ対策の目的で200回余りハッキングを試みていたと報告した。削除されたハッキング関連資料の"
        "うち北朝鮮に対するものは10件だった。",
        "ja",
    ),
    ("국정원 해킹 의혹", "국정원은 북한에 대한 감시 목적으로 해킹 프로그램을 썼다고 국회에 보고했다.", "ko"),
]


@pytest.mark.parametrize(("title", "text", "language"), AGAINST_THE_DPRK)
def test_another_states_hacking_aimed_at_the_dprk_is_no_dprk_cyber(tagger, title, text, language):
    """From the one confuser false alarm of the blind set Y (the only record of Y read): an agency's hacking for
    countermeasures against North Korea (北朝鮮対策の目的で, 北朝鮮に対するもの, 북한에 대한 감시) has the DPRK as
    its target."""
    assert not tagger.tag(title, text, language).dprk_cyber


def test_dprk_hackers_after_countermeasure_files_stay(tagger):
    text = "北朝鮮のハッカー集団がテロ対策の資料を狙ってハッキングを試みた。"
    assert tagger.tag("北朝鮮のハッカーが攻撃", text, "ja").dprk_cyber
