"""Issue 16, thirteenth round: kinds found when the text sets R and S were opened, after their blind measurements
at the twelfth round's start and end and at this session's start (their figures before these rules are in
docs/tagging.md).

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Sectors: a university hospital is a hospital, not academia (대학교병원); the Defense Department's Cyber Crime Center
  investigates (国防省サイバー犯罪センター), it is no defence victim; a press briefing (기자설명회) and an outlet named in
  quotes that reports (북한전문매체 'X'는 ... 보도했다) are no media victims; lawmakers briefed on a hack are its
  audience; a financial regulator (the Financial Services Agency, 金融庁, 금융위원회) speaks; what stolen money pays
  for ("to bankroll ... missile projects") is the DPRK's own programme; money laundered through a financial company
  (금융회사를 통해 돈세탁) names its route; a list of sectors after "including" or "in" keeps its first item
  ("including media, defence, and aerospace"), and "finance" is a sector word ("the media and finance sectors").
- Confusers: hackers of another state disguised as North Korean and Chinese hackers (북한과 중국 해커들로 위장);
  the DPRK inside the quoted title of a lure ("attachments titled “... North Korea ...”", '북한 ...'이라는 제목의);
  a breach of which "who did it is not known" (誰による犯行かは不明), with the DPRK only as the name of a sanctions
  body and as the party that protested (北朝鮮はこれに反発し).
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


SECTORS = [
    (
        "북한 해킹조직, 대학병원 서버 침입",
        "경찰은 북한 해킹조직이 서울의 한 대학교병원 서버의 취약점을 이용해 내부망에 침입했다고 밝혔다.",
        "ko",
        {"healthcare"},
    ),
    (
        "北朝鮮、暗号資産を窃取",
        "警察庁と米国国防省サイバー犯罪センター(DC3)は連名で、北朝鮮のハッカー集団が暗号資産取引所から暗号資産を"
        "窃取したと発表した。",
        "ja",
        {"cryptocurrency"},
    ),
    (
        "북한 소행 확인",
        "경찰은 기자설명회를 열고 북한 해킹조직이 병원 서버에 침입했다고 밝혔다.",
        "ko",
        {"healthcare"},
    ),
    (
        "북한 해커, 의원 해킹",
        "미국의 북한전문매체 'NK뉴스'는 북한 해커들이 국회의원 사무실에 피싱 메일을 보냈다고 보도했다.",
        "ko",
        {"government"},
    ),
    (
        "North Korean hackers stole data",
        "North Korean hackers stole the data, and the matter was the subject of an intelligence briefing held with "
        "lawmakers last week.",
        "en",
        set(),
    ),
    (
        "Lazarus lawmakers",
        "North Korean hackers stole files, and lawmakers were briefed on the hack by the spy agency.",
        "en",
        set(),
    ),
    (
        "Lazarus targets Japanese crypto firms",
        "Lazarus attacked Japanese crypto funds, according to a joint statement by local police and the Financial "
        "Services Agency of Japan.",
        "en",
        {"cryptocurrency"},
    ),
    (
        "北朝鮮、暗号資産窃取",
        "北朝鮮のハッカー集団が暗号資産を窃取した。金融庁は交換業者に注意を呼びかけた。",
        "ja",
        {"cryptocurrency"},
    ),
    (
        "Lazarus steals crypto",
        "Lazarus stole cryptocurrency, reportedly using the stolen cash to bankroll nuclear and ballistic missile "
        "projects in North Korea.",
        "en",
        {"cryptocurrency"},
    ),
    (
        "북한 소행",
        "북한 해킹조직이 가상자산을 해킹해 벌어들인 돈이 해외 금융회사를 통해 돈세탁된 정황이 포착됐다.",
        "ko",
        {"cryptocurrency"},
    ),
]


@pytest.mark.parametrize(("title", "text", "language", "sectors"), SECTORS)
def test_sector_kinds(tagger, title, text, language, sectors):
    tags = tagger.tag(title, text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


CONFUSERS = [
    (
        "러시아 해커",
        "러시아군 정보기관 소속 부대가 자신들을 북한과 중국 해커들로 위장해 공격을 감행했다고 설명했다.",
        "ko",
    ),
    (
        "Hackers in China stole government data",
        "Hackers in China stole data from officials. The e-mails contained attachments titled “Briefing on an "
        "envoy’s North Korea visit,” “Peninsula outlook” and “Itinerary of the leader’s trip.”",
        "en",
    ),
    (
        "중국 해커, 외교부 공무원 해킹",
        "중국 해킹조직이 '북한 정세 전망'이라는 제목의 문서로 위장한 악성코드를 외교부 공무원들에게 보냈다.",
        "ko",
    ),
    (
        "北朝鮮制裁委がハッキング被害",
        "国連の制裁委員会の専門家パネルがなりすましメールによるハッキング被害に遭っていた。誰による犯行かや動機は"
        "不明だが、制裁委は最近会合を開いた。北朝鮮はこれに反発し、書簡を送っていた。",
        "ja",
    ),
]


@pytest.mark.parametrize(("title", "text", "language"), CONFUSERS)
def test_confuser_kinds(tagger, title, text, language):
    assert not tagger.tag(title, text, language).dprk_cyber


def test_dprk_hackers_posing_as_others_stay(tagger):
    """The false flag reads who was framed: North Korean hackers who posed as a recruiter are still DPRK cyber."""
    text = "북한 해커들이 채용 담당자로 위장해 방산업체 직원들에게 악성코드를 보냈다."
    assert tagger.tag("북한 해커, 채용 담당자 위장", text, "ko").dprk_cyber


def test_a_lure_title_does_not_hide_the_sender(tagger):
    """A DPRK word in the lure's title is its topic; the DPRK named as the sender still decides."""
    text = "North Korean hackers sent e-mails with attachments titled “North Korea outlook” to officials."
    assert tagger.tag("North Korean phishing", text, "en").dprk_cyber


def test_a_culprit_named_keeps_the_dprk_when_the_motive_is_unclear(tagger):
    text = "誰による犯行かは不明だったが、警察は北朝鮮のハッカー集団が関与したと発表した。"
    assert tagger.tag("制裁委にハッキング", text, "ja").dprk_cyber


def test_a_bank_hit_keeps_finance(tagger):
    """Only a regulator's name is no victim: a bank's systems breached by DPRK hackers stay finance."""
    tags = tagger.tag("北朝鮮ハッカー、銀行に侵入", "北朝鮮のハッカー集団が金融機関のシステムに侵入した。", "ja")
    assert "finance" in tags.sectors


LISTS = [
    ("North Korean hackers targeted organisations in media, defence and aerospace.", {"media", "defense", "aerospace"}),
    (
        "North Korean hackers targeted people in a variety of businesses, including media, defence, and aerospace.",
        {"media", "defense", "aerospace"},
    ),
    (
        "North Korean hackers targeted sectors including media, technology and finance.",
        {"media", "technology", "finance"},
    ),
    ("North Korean hackers hit the media and finance sectors.", {"media", "finance"}),
]


@pytest.mark.parametrize(("text", "sectors"), LISTS)
def test_a_list_of_sectors_keeps_its_first_item_and_finance(tagger, text, sectors):
    """From S: a coordinated list of sectors after "including" or "in" keeps its first item when that item is a
    modifier ("media"); "finance" is a sector word, as "financial" was."""
    assert set(tagger.tag("North Korean hackers", text, "en").sectors) == sectors


def test_finance_as_a_verb_names_no_sector(tagger):
    text = "North Korean hackers stole cryptocurrency to finance the regime's weapons programmes."
    assert "finance" not in tagger.tag("North Korean hackers", text, "en").sectors
