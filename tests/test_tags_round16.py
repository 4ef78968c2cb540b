"""Issue 16, sixteenth round: kinds found when the text set Y was opened, after its one blind measurement (its
figures before these rules are in docs/tagging.md).

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Sectors: the attack as the subject ("attacks against the government were launched by ..."); a national agency by
  its generic head (a space administration: space and government); the operator by its network ("mobile network
  operator"); a plain modifier ending a list whose other items are modifiers with their heads ("the government,
  military, defense industrial organisations and media"); nuclear scientists as researchers; the victim's partner
  ("the drugmaker working with X University") is no victim; in Korean, officials counted by a word (수십 명의) are
  no name (명의); the foreign-affairs and security line (외교안보라인); bodies attending a meeting (14개 부처가
  참석한) and bodies only exposed to a risk (유사한 해킹 위험에 노출됐다) are not hit; the government's websites in
  Japanese and Korean (政府系ウェブサイト, 정부 웹사이트).
- Cyber words: DDoS as news also cases it (DDos), machines infected with a computer virus or made bots
  (パソコンがウイルスに感染, ボット化); a virus alone may be a disease's.
- DPRK signals: the earlier leaders and the schools named after them (김일성대, Kim Il Sung University).
- Actors: TraderTraitor in another katakana spelling (トレイダートレイター).
- A second pass over W and X (opened in earlier rounds) for kinds their rounds had left: bodies that only could be
  hacked (해킹당할 수 있는 위기에 놓였다); a contractor broken into on the way (우회해 침투) is the route; people
  named by the fields they work in ("officials in diplomacy, military and national security"); game makers are
  technology, unless cryptocurrency was taken from them; a financial-security software vendor is technology.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


SECTORS = [
    (
        "Report",
        "A wave of hack attacks against the South Korean government was launched by North Korean hackers last year.",
        "en",
        {"government"},
    ),
    (
        "Report",
        "Attacks against the government were presumably carried out by North Korean hackers, officials said.",
        "en",
        {"government"},
    ),
    (
        "Andariel",
        "Andariel's ransomware hit two hospitals and the office of a national aeronautics and space administration.",
        "en",
        {"healthcare", "space", "government"},
    ),
    (
        "APT37",
        "The North Korean group APT37 also went after a Gulf bank and a mobile network operator in the region.",
        "en",
        {"finance", "telecommunications"},
    ),
    (
        "APT37",
        "The North Korean hackers kept spying on the government, military, defense industrial organisations and media.",
        "en",
        {"government", "defense", "media"},
    ),
    (
        "Kimsuky",
        "North Korean hackers sent malware to several nuclear scientists at the national laboratory.",
        "en",
        {"think-tanks-academia"},
    ),
    (
        "North Korean spies",
        "North Korean hackers targeted a drugmaker working with Cambridge University on a new treatment.",
        "en",
        {"healthcare"},
    ),
    (
        "국정원 발표",
        "북한은 지난달 외교안보라인 인사 수십 명의 스마트폰을 공격해 악성코드를 심었다.",
        "ko",
        {"government"},
    ),
    (
        "北 해킹",
        "북한 해커 조직이 국내 조선업체를 해킹했다. 국정원은 이날 금융위원회·국방부 등 10개 부처가 참석한 가운데 "
        "대책 회의를 열었다.",
        "ko",
        {"manufacturing"},
    ),
    (
        "北 해킹",
        "북한 해커 조직이 방산업체를 해킹해 자료를 빼갔다. 공기업과 금융회사 등 100여 개 기관도 유사한 해킹 위험에 "
        "노출됐다.",
        "ko",
        {"defense"},
    ),
    (
        "北のサイバー攻撃",
        "韓国では政府系ウェブサイトなどを狙った大規模なDDoS攻撃があり、当局は北朝鮮のハッカーによる犯行と断定した。",
        "ja",
        {"government"},
    ),
    (
        "北 해커",
        "북한 해커들이 정부 웹사이트와 방송사 전산망을 공격했다.",
        "ko",
        {"government", "media"},
    ),
]


@pytest.mark.parametrize(("title", "text", "language", "sectors"), SECTORS)
def test_sector_kinds(tagger, title, text, language, sectors):
    tags = tagger.tag(title, text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


def test_a_university_that_was_attacked_is_still_a_victim(tagger):
    tags = tagger.tag("Report", "North Korean hackers targeted the drugmaker and a university working with it.", "en")
    assert {"healthcare", "think-tanks-academia"} <= set(tags.sectors)


def test_a_named_bank_still_counts_when_a_risk_is_only_voiced_later(tagger):
    text = "북한 해커 조직이 금융회사 전산망을 해킹해 고객 정보가 유출됐다. 고객들도 위험에 노출됐다."
    assert "finance" in tagger.tag("北 해킹", text, "ko").sectors


CYBER = [
    ("当局発表", "ノートパソコンはウイルスに感染してボット化しており、当局は北朝鮮による犯行と断定した。", "ja"),
    ("当局発表", "政府機関を狙ったDDos攻撃について、警察は北朝鮮による犯行と断定している。", "ja"),
    ("당국 발표", "서버가 바이러스에 감염됐으며 경찰은 북한의 소행으로 결론 내렸다.", "ko"),
]


@pytest.mark.parametrize(("title", "text", "language"), CYBER)
def test_machines_infected_and_ddos_in_any_case_are_cyber(tagger, title, text, language):
    assert tagger.tag(title, text, language).dprk_cyber


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        ("北朝鮮で感染拡大", "北朝鮮で新型コロナウイルスに感染した疑いのある人が増えている。", "ja"),
        ("북한 방역", "북한 주민들이 바이러스에 감염됐다고 북한 매체가 전했다.", "ko"),
    ],
)
def test_a_disease_virus_is_no_cyber_word(tagger, title, text, language):
    assert not tagger.tag(title, text, language).dprk_cyber


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("김일성대 서버 거쳐 악성코드 유포", "ko"),
        ("Malware traced to servers at Kim Il Sung University", "en"),
    ],
)
def test_the_earlier_leaders_schools_are_dprk_signals(tagger, title, language):
    assert tagger.tag(title, "", language).dprk_cyber


@pytest.mark.parametrize("title", ["김일성 생일 맞아 평양서 기념행사", "Kim Jong Il's birthday marked in Pyongyang"])
def test_the_earlier_leaders_alone_are_no_cyber(tagger, title):
    assert not tagger.tag(title, "", None).dprk_cyber


def test_tradertraitor_in_another_katakana_spelling(tagger):
    tags = tagger.tag("暗号資産流出", "流出はトレイダートレイターと呼ばれる北朝鮮のハッカー集団の犯行だった。", "ja")
    assert "TraderTraitor" in tags.actors


# The second pass (W and X, opened in earlier rounds, read again for kinds the rounds had left).
SECOND_PASS = [
    (
        "北 악성코드",
        "북한이 만든 악성코드에 감염된 PC를 통해 정부 기관 등 주요 기관이 언제라도 해킹당할 수 있는 위기에 놓였다.",
        "ko",
        set(),
    ),
    (
        "北 해킹",
        "북한 해킹 조직이 국내 조선업체에 공격을 시도했다. 주로 IT 유지 보수 업체의 PC를 점거, 우회해 침투했다.",
        "ko",
        {"manufacturing"},
    ),
    (
        "Kimsuky",
        "Kimsuky hackers targeted 40 retired government officials in diplomacy, military and national security.",
        "en",
        {"government"},
    ),
    (
        "北 해커",
        "북한 해커들이 국내 온라인 게임업체의 보안망을 뚫고 해킹한 정황이 포착됐다.",
        "ko",
        {"technology"},
    ),
    (
        "Lazarus",
        "North Korean hackers stole cryptocurrency worth $100 million from a blockchain game company.",
        "en",
        {"cryptocurrency"},
    ),
    (
        "北 라자루스",
        "북한 해커들은 국내 금융보안인증 업체를 해킹해 프로그램의 취약점을 찾아냈다.",
        "ko",
        {"technology"},
    ),
]


@pytest.mark.parametrize(("title", "text", "language", "sectors"), SECOND_PASS)
def test_second_pass_sector_kinds(tagger, title, text, language, sectors):
    tags = tagger.tag(title, text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


def test_officials_and_the_military_as_a_list_stay_victims(tagger):
    tags = tagger.tag("Kimsuky", "Kimsuky hackers targeted government officials, the military and banks.", "en")
    assert {"government", "defense", "finance"} <= set(tags.sectors)


def test_north_made_malware_in_a_korean_headline(tagger):
    assert tagger.tag("북제작 악성코드, 게임에 심어져 유통", "", "ko").dprk_cyber
    assert not tagger.tag("북 제작 영화, 서울서 상영", "", "ko").dprk_cyber


def test_a_risk_in_the_next_japanese_sentence_leaves_the_victims(tagger):
    """The exposure must be the noun's own sentence: a Japanese paragraph runs on past 。 with no space."""
    text = (
        "北朝鮮のIT労働者スキームは当初テクノロジー企業を標的にしていたが、今や金融、医療、政府機関にも広がっている。"
        "リモートワーカーを雇うすべての企業がリスクにさらされている。"
    )
    tags = tagger.tag("北朝鮮のIT労働者", text, "ja")
    assert {"finance", "healthcare", "government"} <= set(tags.sectors)


# From the one confuser false alarm of the blind set Z (the only record of Z read for it): those who work for the
# rights of North Korea's people are the topic, not the DPRK.
HUMAN_RIGHTS_TOPIC = [
    ("인권단체에 악성 메일", "탈북민과 북한인권단체 관계자들에게 악성코드가 담긴 이메일이 유포됐다.", "ko"),
    ("人権団体に不審メール", "北朝鮮人権団体の関係者にマルウェア付きのメールが届いた。", "ja"),
    ("Phishing hits activists", "North Korean human rights groups received phishing emails last week.", "en"),
]


@pytest.mark.parametrize(("title", "text", "language"), HUMAN_RIGHTS_TOPIC)
def test_rights_groups_for_north_koreans_are_no_dprk_signal(tagger, title, text, language):
    assert not tagger.tag(title, text, language).dprk_cyber


def test_dprk_hackers_after_rights_groups_stay(tagger):
    text = "북한 해킹조직이 북한인권단체 관계자들을 노려 스피어피싱 이메일을 보냈다."
    assert tagger.tag("北 해커", text, "ko").dprk_cyber


# From the three confuser false alarms of the blind set ZC (the only records of ZC read): a family reported worldwide
# before anyone named its authors is no attribution alone, and the DPRK as one guess among others is no signal.
UNATTRIBUTED = [
    (
        "Ransomware outbreak hits hospitals",
        "The WannaCry ransomware spread to 150 countries over the weekend. WannaCry locks files and asks for bitcoin.",
        "en",
    ),
    (
        "워너크라이 피해 신고 잇따라",
        "워너크라이 랜섬웨어에 감염됐다는 신고가 이어지고 있다. 워너크라이는 파일을 암호화한다.",
        "ko",
    ),
    (
        "Parliament email under attack",
        "One member joked that the cyber attack came from Kim Jong Un, Putin or a teenager in a basement.",
        "en",
    ),
]


@pytest.mark.parametrize(("title", "text", "language"), UNATTRIBUTED)
def test_an_unattributed_outbreak_and_a_guess_are_no_dprk_cyber(tagger, title, text, language):
    assert not tagger.tag(title, text, language).dprk_cyber


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("US blames North Korea for WannaCry", "The White House said North Korea was behind the WannaCry ransomware."),
        ("Report", "Hackers of the Democratic People's Republic of Korea, or North Korea, hit banks with malware."),
        ("New DTrack variant found", "Researchers found a new DTrack variant spreading in banks."),
    ],
)
def test_attributed_families_and_the_dprk_named_twice_stay(tagger, title, text):
    assert tagger.tag(title, text, "en").dprk_cyber
