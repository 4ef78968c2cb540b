"""Issue 16, second round: sector phrases and headline words the tagger missed on real text, in en/ko/ja.

Every sentence here is written for this test in the shape of a headline or a report's sentence; none is taken
from an article. Each rule has a case that failed before it and a confuser it must not fire on.
"""

import pytest

from bot.tagging import get_tagger


def assert_dprk_sectors(tagger, text: str, sectors: set[str]) -> None:
    """`text` is DPRK cyber and tags exactly `sectors`."""
    tags = tagger.tag("", text)
    assert tags.dprk_cyber, tags.evidence
    assert set(tags.sectors) == sectors, tags.evidence


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


HEADLINES = [
    # a one-character subject before a comma is no digest item ("美, ... 北 ... , ...")
    ("美, 국내 ‘北 노트북 농장’ 12곳 적발…북한인들, 신분 도용해 원격취업", ("Famous Chollima",)),
    # the IT-worker scheme in news wording, identity theft, a theft of crypto written 도난
    ("Justice Department finds North Korean workers hidden in US tech jobs", ("Famous Chollima",)),
    ("Prosecutors charge North Korean nationals with identity theft", ()),
    ("모바일 지갑 가상자산 300억원 도난…“북한 소행 추정”", ()),
    # North Korea as the one syllable 북, alone before a comma or before 해커
    ("북 해커 조직, 국내 방산업체 서버 해킹", ()),
    # a theft of information or technical data, with the DPRK as its subject
    ("北 연구원들 상대로 정보 탈취 시도", ()),
    ("북한, 방산업체 10여곳서 기술자료 탈취", ()),
    ("北朝鮮、韓国の戦車部品の技術を窃取", ()),
    # a title item led by a pronoun, "not" or a verb goes on with the item before it (no digest)
    ("Firm hired North Korean for remote role, he hacked data, demanded ransom on being fired", ()),
    ("North Korea, not China, was behind the hack, FBI says", ()),
    # North Korea written 北韓 (Korean press in Japanese); malicious mail or programs, illicit transfers, information
    # stolen, a robbery of bitcoin, IT spies
    ("統一部出入りの記者に不審メール 北韓のハッキングか", ()),
    ("北朝鮮が偽メール使い新作戦", ()),
    ("韓国軍のネットワークに不正プログラム 北朝鮮の犯行と推定", ()),
    ("北朝鮮か 韓国の作戦情報盗まれる", ()),
    ("482億円のビットコイン強奪の北朝鮮", ()),
    ("北朝鮮のITスパイを採用しないために", ()),
    ("북한, 국내 기관에 악성 메일 유포", ()),
    ("'안보 전문가 대상 악성 전자우편 유포 사건' 북 소행 확인", ()),
    ("韓国:放送・金融、一斉ネット障害 北朝鮮の攻撃か", ()),
    # e-mail authentication abused (DMARC) is a cyber word
    ("FBI and NSA warn North Korean actors are abusing weak DMARC policies", ()),
    # Lazarus (no ordinary word) with a targeting verb and a sector's organisations in its sentence; the group
    # written with its group word in katakana
    ("Energy providers in the U.S., Canada and Japan targeted by Lazarus", ("Lazarus Group",)),
    ("ラザルス、欧州の防衛産業を狙う", ("Lazarus Group",)),
    ("ラザルスグループとは", ("Lazarus Group",)),
]


@pytest.mark.parametrize(("title", "actors"), HEADLINES)
def test_headline_alone_is_dprk_cyber(tagger, title, actors):
    tags = tagger.tag(title, "")
    assert tags.dprk_cyber, tags.evidence
    assert tags.actors == actors


HEADLINE_CONFUSERS = [
    "Briefing: North Korea missile test, oil prices, and a retail data breach",  # still a digest
    "North Korean workers sent to Russian construction jobs",  # not tech jobs
    "Identity theft rises among retirees, regulator says",  # no DPRK
    "북한 주민 자전거 도난 신고 늘어",  # a theft of no cryptocurrency
    "북 콘서트 연 작가, 해킹 피해 호소",  # 북 as a book
    "남북 협력 사무소 서버 해킹",  # 남북 is not 북 alone
    "탈북민 단체 해킹 피해",  # a defectors' group
    "中国企業、韓国の半導体技術を窃取か",  # a theft of technology, no DPRK
    "대기업의 중소기업 기술 탈취 근절 대책 발표",  # no DPRK
    "북한, 서해상에서 어선 탈취",  # a seizure, no information taken
    # still a digest; a plain "attacked" is no targeting; a first name makes a person
    "Morning news: North Korea fires missile, stocks rise, and hacked retailers count losses",
    "Lazarus attacked the hospital's reputation in a sermon",
    "Emma Lazarus's poem targeted by critics at a university",
    # the DPRK, or its group, named as who it was not
    "국내 공공기관 해킹 공격, 북한 아닌 중국 해커 그룹 추정",
    "북한 해커가 아닌 중국 해커가 정부기관 해킹",
    "北朝鮮のハッカーではなく中国のハッカー集団が攻撃",
    "北韓、ミサイル発射",  # 北韓 without cyber words: related only
    "北朝鮮、偽札の流通を拡大",  # counterfeit banknotes, not malicious mail
    "북한 미사일 발사에 국내 전산망 점검",  # a network checked, not paralysed
    "KT 전산망 마비…원인 조사 중",  # an outage with no DPRK
    "Hackers were from China, not North Korea, investigators say",
    # the DPRK as one side of an open question of attribution
    "Agency hacked; officials must find out whether it was North Korea or someone else",
    '방사청 PC 해킹당해…"해킹 주체가 북한인지 어딘지 규명해야"',
    "機関にハッキング、北朝鮮かどうか調査",
]


def test_north_korea_as_one_syllable_is_related_only_without_cyber(tagger):
    tags = tagger.tag("북, '南겨냥' 방사포 사격훈련", "")
    assert tags.dprk_related and not tags.dprk_cyber


@pytest.mark.parametrize("title", HEADLINE_CONFUSERS)
def test_headline_confusers_stay_quiet(tagger, title):
    tags = tagger.tag(title, "")
    assert not tags.dprk_cyber, tags.evidence
    assert tags.actors == ()


SECTORS = [
    # English: supply-chain attacks (plural), a modifier standing alone in a list with sector nouns
    ("North Korean hackers were behind supply chain attacks on a VoIP vendor's users.", {"technology"}),
    (
        "North Korean hackers went after organizations in the defense industry, media, diplomacy, and academia.",
        {"defense", "government", "media", "think-tanks-academia"},
    ),
    ("ScarCruft infiltrated a space and missile engineering company.", {"defense", "space"}),
    ("North Korean ransomware hit the national health service.", {"healthcare"}),
    ("North Korean hackers breached a directory vendor to target its cryptocurrency clients.", {"cryptocurrency"}),
    ("North Korean hackers struck a decentralized wallet and drained it.", {"cryptocurrency"}),
    (
        "North Korean hackers used the money for more hackings into defense and government entities.",
        {
            "defense",
            "government",
        },
    ),
    ("The FBI tied the North Korean group to the hack of a Japanese bitcoin exchange.", {"cryptocurrency"}),
    ("Andariel's ransomware proceeds paid for attacks against the country's government organizations.", {"government"}),
    # Korean: modifier + head across a list, a target marker after the modifier, the armed forces, officials
    ("김수키는 외교·국방 등 분야 기관을 노린 공격을 이어갔다.", {"defense", "government"}),
    ("북한 해커가 의료서비스 업체와 방위 계약업체, 공군 기지를 공격했다.", {"defense", "healthcare"}),
    ("북한 해킹조직이 한국, 미국, 중국 정부 등을 대상으로 공격을 시도했다.", {"government"}),
    (
        "북한 해커들이 전 세계 정부나 정치계, 학계, 언론계 주요 인사를 대상으로 공격했다.",
        {"government", "media", "think-tanks-academia"},
    ),
    ("북한이 미국 IT 관리 회사를 해킹했다.", {"technology"}),
    ("북한 해커들이 소프트웨어 공급망 공격으로 기업들을 노렸다.", {"technology"}),
    ("김수키가 고위공무원과 대학교수 등 150명을 대상으로 메일을 보냈다.", {"government", "think-tanks-academia"}),
    ("김수키는 국방 분야 기관으로부터 첩보를 수집했다.", {"defense"}),
    ("북한 IT 노동자들이 유럽의 방위산업을 주요 목표로 삼고 있다.", {"defense", "technology"}),
    ("북한 해커가 법원 전산망을 해킹했다.", {"judiciary"}),
    ("북한 해커가 지방검찰청 서버에 침투했다.", {"judiciary"}),
    ("북한 해커들이 랜섬웨어를 퍼뜨렸다. 영국의 병원과 중국의 공공기관이 공격을 당했다.", {"government", "healthcare"}),
    # Japanese: modifier + head in one word, a target marker after the modifier
    ("北朝鮮のハッカーが防衛関連企業を狙った攻撃を続けている。", {"defense"}),
    ("北朝鮮のハッカー集団が日本政府を狙ったサイバー攻撃を行った。", {"government"}),
    ("北朝鮮のハッカーが銀行を狙った。", {"finance"}),
    ("北朝鮮は防衛や宇宙、原子力の分野の事業体を標的にサイバー攻撃を仕掛けた。", {"defense", "energy", "space"}),
    ("北朝鮮のハッカー集団がロシアのミサイル開発企業に侵入した。", {"defense"}),
    ("北朝鮮のハッカーはIT保守サービス関連企業に侵入した。", {"technology"}),
    ("北朝鮮のハッカー集団が防衛・エンジニアリング企業を標的とした。", {"defense", "manufacturing"}),
    ("김수키는 국가기관을 노린 해킹을 벌였다.", {"government"}),
    ("북한 해커들이 외교·안보 분야 전문가를 주 공격대상으로 삼았다.", {"think-tanks-academia"}),
    ("북한 해커가 군 지휘관 40여 명의 PC를 해킹했다.", {"defense"}),
    ("North Korean cyber actors gained access to the computer systems of news media organizations.", {"media"}),
    (
        "North Korean cyber actors hack the media, academe and think tank organizations.",
        {
            "media",
            "think-tanks-academia",
        },
    ),
    # one maker, builder or supplier named by what it makes
    ("North Korean hackers breached a Russian missile maker.", {"defense"}),
    ("North Korean hackers compromised a VoIP software maker and its customers.", {"technology"}),
    ("Kimsuky hackers targeted a vaccine developer.", {"healthcare"}),
    ("North Korean hackers stole data from a chipmaker and a shipyard.", {"manufacturing"}),
    ("北朝鮮のハッカーがミサイルメーカーに侵入した。", {"defense"}),
    # a bridge by its name, a navy, lawmakers, a telecom carrier, a power company
    ("North Korean hackers stole $600 million from the Ronin bridge.", {"cryptocurrency"}),
    ("North Korean hackers infiltrated the networks of the South Korean navy.", {"defense"}),
    ("North Korean hackers hacked the email accounts of lawmakers' aides.", {"government"}),
    ("North Korean hackers targeted employees of a major telecom carrier.", {"telecommunications"}),
    ("North Korean hackers hit a Japanese power company.", {"energy"}),
]


@pytest.mark.parametrize(("text", "sectors"), SECTORS)
def test_sector_phrases(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


SECTOR_CONFUSERS = [
    # lawmakers as the source, also past a relative clause; the DPRK's own navy
    ("Lawmakers said North Korean hackers targeted defense firms.", {"defense"}),
    (
        "South Korean lawmakers who met with local reporters after a briefing said that a state research "
        "institute was the target of North Korean hackers.",
        {"think-tanks-academia"},
    ),
    ("Officials at the foreign ministry told reporters that North Korean hackers targeted banks.", {"finance"}),
    ("North Korean hackers, not the North Korean navy, attacked crypto firms.", {"cryptocurrency"}),
    # a maker impersonated in a lure is bait; the DPRK's own missile maker is its own
    ("Lazarus hackers posed as a recruiter from a defense contractor and a vaccine maker.", set()),
    ("North Korean hackers stole cryptocurrency to fund the country's missile makers.", {"cryptocurrency"}),
    # a function word is no bridge to a head; "media reports" is the source
    ("North Korean hackers stole technology from organizations in the defense industry.", {"defense"}),
    ("North Korean hackers targeted banks, media reports said.", {"finance"}),
    # a supply-chain attack named as a method; a lure suffix; the actor of an indictment
    (
        "North Korean hackers rely on supply chain attacks and social engineering techniques to rob crypto exchanges.",
        {"cryptocurrency"},
    ),
    ("Kimsuky sent diplomatic organization-spoofing emails to universities.", {"think-tanks-academia"}),
    ("Federal prosecutors have indicted a North Korean hacker who attacked hospitals.", {"healthcare"}),
    (
        "Lazarus drained a crypto exchange. Government and industry sources told reporters the loss was large.",
        {"cryptocurrency"},
    ),
    # the DPRK's own programme; the source of a story; a court office acting
    ("North Korean hackers stole crypto to fund the country's nuclear programme.", {"cryptocurrency"}),
    (
        "North Korean hackers drained a crypto exchange, as first reported by a South Korean news outlet.",
        {"cryptocurrency"},
    ),
    ("서울중앙지방검찰청은 거래소를 해킹한 북한 해커를 기소했다.", {"cryptocurrency"}),
    ("North Korean hackers used the wallet addresses published by the FBI.", set()),  # no target word
    ("North Korean hackers stole crypto to fund their weapons programmes.", {"cryptocurrency"}),
    # Korean: the DPRK's own government, a subject before the list, the source, no head, a court acting
    ("북한 정부 당국이 지원하는 해킹 단체가 거래소를 공격했다.", {"cryptocurrency"}),
    ("미국 정부가 공중보건 분야를 겨냥한 북한의 랜섬웨어 공격에 주의보를 발령했다.", {"healthcare"}),
    ("국내 IT 업계에 따르면 북한 해커가 거래소를 공격했다.", {"cryptocurrency"}),
    ("북한 해커가 군사기밀 해킹 혐의로 거래소 공격과 함께 기소됐다.", {"cryptocurrency"}),
    ("캔자스주 연방 지방법원은 거래소를 해킹한 북한 해커에 대한 체포영장을 발부했다.", {"cryptocurrency"}),
    ("경찰은 거래소를 턴 북한의 해킹 수법을 금융기관에 공유했다.", {"cryptocurrency"}),
    ("북한 해커가 점프클라우드를 해킹했다.", set()),  # a product name that contains a sector word
    ("북한 해커가 방산업체를 해킹해 항공정찰기 자료를 빼돌렸다.", {"defense"}),  # aircraft data, not an airline
    ("北朝鮮のハッカーが取引所を攻撃し、北朝鮮のミサイル開発企業に資金を送った。", {"cryptocurrency"}),  # its own
    ("The governments of the US and Japan said North Korean hackers hit banks.", {"finance"}),  # the authors
    ("North Korean hackers breached a defense analysis institute.", set()),  # a research body, not defense
    ("북한 해커들이 정부·기관이 아닌 개인을 상대로 해킹을 시도했다.", set()),  # not the government
    ("북한 해커가 통일부 명의의 메일로 거래소를 공격했다.", {"cryptocurrency"}),  # 명의: in the ministry's name
    # Japanese: a bank robbery as a comparison, the DPRK's own holdings, a supply-chain attack as a method
    ("北朝鮮にとって銀行強盗より仮想通貨取引所のハッキングの方が簡単だ。", {"cryptocurrency"}),
    ("北朝鮮のハッカーによる攻撃で、北朝鮮のビットコイン保有量は世界3位になった。", set()),
    ("北朝鮮のハッカーは取引所を狙い、サプライチェーン攻撃といった手法を使う。", {"cryptocurrency"}),
]


@pytest.mark.parametrize(("text", "sectors"), SECTOR_CONFUSERS)
def test_sector_words_that_are_not_victims(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


# Round 2 (a blind set's false alarms, by kind): an impersonated sender past a list or introduced as such, and a
# Korean/Japanese body acting as an issuer (a statement, an advisory, a sanction listing) in its own sentence.
ISSUERS_AND_BAIT = [
    ("북한 해커가 방송사 기자, 대학 교수로 위장해 거래소 직원들에게 악성 메일을 보냈다.", {"cryptocurrency"}),
    ("북한 해커는 자신을 외신 통신사의 서울 지국 기자라고 소개하며 거래소 직원에게 메일을 보냈다.", {"cryptocurrency"}),
    ("北朝鮮のハッカーは政府機関であるかのように装ったメールで取引所を攻撃した。", {"cryptocurrency"}),
    ("북한 해커가 거래소를 해킹했다. 통일부는 성명에서 북한을 규탄했다.", {"cryptocurrency"}),
    ("외교부가 북한 해킹조직을 독자제재 대상으로 지정했다. 이 조직은 거래소를 공격했다.", {"cryptocurrency"}),
    ("외교부와 국가정보원은 이날 공동으로 주의보를 내고 북한 해커의 거래소 공격을 경고했다.", {"cryptocurrency"}),
]
# ... and the same bodies hit: an attack word before the act keeps them victims
ISSUERS_HIT = [
    ("북한 해커가 통일부를 해킹했고, 통일부는 성명에서 피해를 밝혔다.", {"government"}),
    ("북한 해커가 방송사 기자들을 노린 메일을 보냈다.", {"media"}),
]


@pytest.mark.parametrize(("text", "sectors"), ISSUERS_AND_BAIT + ISSUERS_HIT)
def test_issuers_and_impersonated_senders_are_not_victims(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


# Round 2, lists by kind: an adjective between 등 and the head, the last item carrying the list's head though it is
# no sector word, Japanese field words (政界, 学界, マスコミ), and を対象に / に対して as target markers.
LISTS_ROUND2 = [
    (
        "북한 해커들은 정치, 외교, 금융, 가상자산 등 다양한 분야를 표적으로 삼고 있다.",
        {"government", "finance", "cryptocurrency"},
    ),
    ("北朝鮮のハッカー集団は軍事、エネルギー、物流分野を攻撃ターゲットにしている。", {"defense", "energy"}),
    (
        "北朝鮮のハッカー集団は政府や政界、学界、マスコミ関係者を対象に偽のメールを送信している。",
        {"government", "think-tanks-academia", "media"},
    ),
    (
        "北朝鮮のハッカー集団が各国の研究機関や報道機関に対してサイバー攻撃を行っている。",
        {"think-tanks-academia", "media"},
    ),
]
LISTS_ROUND2_CONFUSERS = [
    ("米財務省は北朝鮮のハッキング組織を制裁対象に指定した。", set()),  # designated for sanctions: no target
    ("북한 해커가 거래소를 공격했다. 정부는 정치, 외교 등 다양한 분야의 대응을 논의했다.", {"cryptocurrency"}),
]


@pytest.mark.parametrize(("text", "sectors"), LISTS_ROUND2 + LISTS_ROUND2_CONFUSERS)
def test_lists_round_two(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


# Round 2, English by kind: the military as a noun, officials and executives as heads, "in the crosshairs"
ENGLISH_ROUND2 = [
    ("North Korean hackers targeted the military.", {"defense"}),
    ("North Korea-sponsored hackers are attacking the South Korean military, the government alleges.", {"defense"}),
    (
        "Government officials, media executives and scholars found themselves in the North Korean hackers' crosshairs.",
        {"government", "media", "think-tanks-academia"},
    ),
]
ENGLISH_ROUND2_CONFUSERS = [
    ("The South Korean military said North Korean hackers attacked banks.", {"finance"}),  # the source
    ("Three North Korean military officials were charged for a hacking scheme that attacked banks.", {"finance"}),
    ("North Korean hackers hit crypto firms, executives at the exchange said.", {"cryptocurrency"}),
]


@pytest.mark.parametrize(("text", "sectors"), ENGLISH_ROUND2 + ENGLISH_ROUND2_CONFUSERS)
def test_english_round_two(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        ("South Korea's largest news agency, Yonhap News, reports that North Korean hackers hit banks.", {"finance"}),
        ("The news agency reports that North Korean hackers hit banks.", {"finance"}),
        ("North Korean hackers attacked a news agency, Yonhap News, and a broadcaster.", {"media"}),  # the victim
    ],
)
def test_a_reporting_outlet_past_its_name_is_the_source(tagger, text, sectors):
    tags = tagger.tag("", text)
    assert set(tags.sectors) == sectors, tags.evidence


@pytest.mark.parametrize(
    ("text", "dprk_cyber"),
    [
        ("해커가 표적으로 삼은 부서는 북한, 중국, 러시아 등에 대한 제재를 담당하는 부서였다.", False),
        ("Hackers breached the office that administers sanctions on Iran, North Korea and Russia.", False),
        # the DPRK in a list of states whose hackers act, or acting under sanctions, still counts
        ("북한, 중국, 러시아 해커들이 국내 기업을 공격했다.", True),
        ("Hackers from China, Russia and North Korea attacked the ministry.", True),
        ("북한 해킹조직이 제재를 피하려 거래소를 털었다.", True),
    ],
)
def test_the_dprk_in_a_list_of_sanctioned_states_is_no_actor(tagger, text, dprk_cyber):
    assert tagger.tag("", text).dprk_cyber is dprk_cyber


def test_a_group_named_as_who_it_was_not_names_no_one(tagger):
    tags = tagger.tag(
        "연구진 '중국 해커 소행 추정'",
        "연구진은 공공기관 해킹 공격이 북한 해커 그룹 '김수키'가 아닌 중국 해커 그룹에 의한 것이라고 발표했다.",
    )
    assert not tags.dprk_cyber and tags.actors == (), tags.evidence


@pytest.mark.parametrize(
    "title",
    [
        "경찰, 해킹 공격 북한 소행이 아닌지 조사",  # a suspicion ("whether it was not"), not a denial
        "경찰, 해킹 공격 북한 소행인지 조사",  # a suspicion, no alternative named
        "북한 해커조직 가상자산 거래소가 아닌 개인 지갑 노려",  # the negation is about the target
        "김수키가 국내 기관 해킹",
    ],
)
def test_a_negation_elsewhere_keeps_the_dprk(tagger, title):
    assert tagger.tag(title, "").dprk_cyber


# Round 4 (a training set's errors, by kind): education and IT-maintenance organisations, a specialised outlet;
# a ransom's currency, who is told, an outlet reporting, a press conference, informed sources, a venue, a
# university hospital, a false self-introduction, an outlet cited past its name.
ROUND4 = [
    (
        "North Korean hackers compromised educational institutions and IT maintenance contractors.",
        {"think-tanks-academia", "technology"},
    ),
    ("북한 해킹조직이 북한 전문매체 웹사이트를 공격했다.", {"media"}),
    ("North Korean hackers encrypted hospital servers and demanded a ransom in bitcoin.", {"healthcare"}),
    ("북한 해커들이 병원 서버를 암호화한 뒤 대가로 비트코인을 받았다.", {"healthcare"}),
    ("北朝鮮のハッカーが病院を攻撃し、病院側は身代金をビットコインで支払った。", {"healthcare"}),
    ("A security officer tells the newspaper that North Korean hackers breached government services.", {"government"}),
    ("North Korean hackers breached defense contractors, Yonhap News Agency reported.", {"defense"}),
    ("議員は記者会見を開き、北朝鮮のハッカーが病院に侵入したと主張した。", {"healthcare"}),
    ("북한 해커들이 거래소를 해킹했다고 정부 소식통은 전했다.", {"cryptocurrency"}),
    ("北朝鮮のハッカーがソウル大学病院のネットワークに侵入した。", {"healthcare"}),
    ("北朝鮮ハッカーが病院を攻撃したと、フォーダム大学で開催された会議で司法副長官が述べた。", {"healthcare"}),
    ("자신을 언론사 기자라고 속인 북한 해커가 외교 전문가들에게 악성 메일을 보냈다.", {"think-tanks-academia"}),
    ("정치 전문매체 더힐에 따르면 북한 해커들이 거래소에서 가상화폐를 훔쳤다.", {"cryptocurrency"}),
    # Japanese fields: an academic society, the press world, aviation in a list (not an aircraft's blueprints)
    (
        "北朝鮮のハッカー組織が外交・安保・国防分野の関係者や政府機関、学会、言論界を標的にした。",
        {"government", "defense", "think-tanks-academia", "media"},
    ),
    (
        "北朝鮮のハッカー集団が航空・宇宙、原子力、政府機関を標的にした。",
        {"aerospace", "space", "energy", "government"},
    ),
    ("北朝鮮のハッカーが航空機の設計図を盗んだ。", set()),
    # a list joined by a standalone 및 past a neutral word (민간); politics and "the main figures of" a field;
    # collecting information from organisations; a journalist the hacker "became" is bait; "concentrate on"
    ("북한 해커들이 각국 정부 및 민간 기업을 공격했다.", {"government"}),
    (
        "北朝鮮のハッカーが全世界の政府や政治・学会・言論界の主要人物を対象に攻撃した。",
        {"government", "think-tanks-academia", "media"},
    ),
    (
        "북한 해커가 한국 정부기관이나 학회, 싱크 탱크 등으로부터 정보를 수집했다.",
        {"government", "think-tanks-academia"},
    ),
    ("북한 해커는 미국 방송사 기자가 되어 외교 전문가들에게 악성 메일을 보냈다.", {"think-tanks-academia"}),
    (
        "North Korean hackers of BlueNoroff concentrate on crypto startups and the fintech industry.",
        {"cryptocurrency", "finance"},
    ),
    # seized cryptocurrency is the proceeds; stolen and laundered cryptocurrency is still stolen
    ("The Justice Department seized bitcoin that North Korean hackers extorted from two hospitals.", {"healthcare"}),
    ("米司法省は北朝鮮のハッカー集団から医療機関が支払ったビットコインを押収した。", set()),
    ("North Korean hackers are stealing and laundering cryptocurrency to fund the regime.", {"cryptocurrency"}),
    # still counted: a theft of cryptocurrency with a payment word elsewhere; a victim confirming its breach
    ("North Korean hackers stole bitcoin from a crypto exchange and paid nothing.", {"cryptocurrency"}),
    ("A nuclear power plant operator confirmed that North Korean hackers had breached its network.", {"energy"}),
]


@pytest.mark.parametrize(("text", "sectors"), ROUND4)
def test_round_four(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Russian hackers target South Korea over North Korean troop deployment", ""),
        ("Chinese hackers target North Korea watchers", ""),
        ("China-linked hackers breached a think tank that studies North Korea", ""),
        ("中国のハッカー集団、北朝鮮専門家を標的に", ""),
        ("러시아 연계 해커, 북한군 파병 모니터링한 한국 겨냥", ""),
        # the text's hackers are only Russia's: "the hackers" later on are theirs, and the DPRK is a topic
        (
            "Russian hackers hit NATO members",
            "The hackers also targeted South Korea, which monitored North Korean troops.",
        ),
        (
            "러시아 국가 연계 해커 집단, 한국 겨냥",
            "러시아와 연계된 단체들이 사이버 공격의 배후다. 해커들이 한국도 겨냥했는데 이는 북한군 파병을 모니터링한 데 대한 "
            "대응이다. 사이버 위협은 정부 부처에서 발생했다.",
        ),
    ],
)
def test_another_states_hackers_with_the_dprk_as_topic(tagger, title, text):
    tags = tagger.tag(title, text)
    assert not tags.dprk_cyber, tags.evidence


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Russian hackers and North Korean hackers both targeted banks", ""),
        ("North Korean hackers breached a Russian missile maker", ""),
        ("North Korea-linked hackers target Russian defense firms", ""),
        ("Chinese and North Korean hackers targeted a defense agency", ""),
        ("북한 해커들이 중국 해커처럼 위장했다", ""),
        ("Russian hackers hit NATO members", "North Korea has also been hacking banks."),
    ],
)
def test_the_dprks_own_hackers_beside_another_states(tagger, title, text):
    assert tagger.tag(title, text).dprk_cyber


# Round 4, second training set: the source past a determiner or an adverb, a ministry that "states", social media
# platforms, educational institutes, the DPRK's naval power, a report's byline.
ROUND4_T4 = [
    (
        "North Korean hackers target banks for intelligence gathering, according to the ministry.",
        {"finance"},
    ),
    ("North Korean hackers sent phishing emails to banks, which prosecutors here said was the method.", {"finance"}),
    (
        "North Korean hackers attacked banks, and Israel's Defense Ministry states they thwarted one attack.",
        {"finance"},
    ),
    (
        "North Korean hackers threatened to publish the stolen data of hospitals on social media networks.",
        {"healthcare"},
    ),
    (
        "North Korean hackers stole data from defense contractors and educational institutes.",
        {"defense", "think-tanks-academia"},
    ),
    ("북한 해커가 해군력 강화를 위해 조선업체를 해킹했다.", {"manufacturing"}),
    ("북한이 조선업체를 해킹했다. 신현준 기자의 보도입니다.", {"manufacturing"}),
    # bullet lines introduced by a line about targets; not a list of methods; social engineering is a technique
    (
        "Lazarus hackers use custom malware.\n\nWho do they target?\n\nTheir operations span across:\n\n"
        "  • Defense and aerospace\n  • Education and public health\n\nKey attack methods\n\n"
        "  • Spear-phishing and social engineering\n  • Malware deployment\n",
        {"defense", "aerospace", "think-tanks-academia", "healthcare"},
    ),
    # Japanese forces and ministries, embassies; a list item before a target marker (に対し); a paralysed network
    ("このハッカー集団は北朝鮮のもので、韓国政府や韓国軍に対しサイバー攻撃を仕掛けた。", {"government", "defense"}),
    ("北朝鮮のハッカーがアメリカ軍の基地のシステムに侵入した。", {"defense"}),
    ("北朝鮮のハッカーが駐米韓国大使館を標的にした。", {"government"}),
    ("북한 해커의 공격으로 은행과 방송사의 전산망이 마비됐다.", {"finance", "media"}),
    # "spy on", a financial system, servers and websites as heads, schools
    ("North Korean hackers spy on government officials and financial institutions.", {"government", "finance"}),
    ("In 2013, the South Korean financial system fell victim to North Korean hackers.", {"finance"}),
    (
        "North Korean hackers hit Korean banks, government servers, and media agencies.",
        {"finance", "government", "media"},
    ),
    ("North Korean hackers attacked schools and banks.", {"think-tanks-academia", "finance"}),
    # the public sector, public agencies (公的機関), the cryptocurrency market
    ("North Korean hackers targeted public sector organizations and defense companies.", {"government", "defense"}),
    ("北朝鮮のハッカー集団は韓国の公的機関を標的にしてきた。", {"government"}),
    ("Lazarus hackers launched attacks against the cryptocurrency market.", {"cryptocurrency"}),
    ("North Korean hackers stole from the public.", set()),
    # the DPRK's own army; servers used, not hit
    ("朝鮮人民軍系のハッカー集団ラザルスが銀行を攻撃した。", {"finance"}),
    ("North Korean hackers used servers in China to attack banks.", {"finance"}),
    # "the United States" is no reporting verb
    (
        "North Korean hackers sent emails to targets in the United States, with universities receiving most of them.",
        {"think-tanks-academia"},
    ),
]


@pytest.mark.parametrize(("text", "sectors"), ROUND4_T4)
def test_round_four_second_set(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


# Systematic Korean and Japanese sector vocabulary (the sector's common news nouns), with confusers: a network of
# communications, a portal account and the DPRK's own satellite technology are no victims. (Satellite technology
# stolen was a confuser here until the twenty-first round: the labels of every fresh set count the field of stolen
# technology as hit, tests/test_tags_round21.py.)
CJK_VOCABULARY = [
    ("북한 해커들이 저축은행과 보험사를 공격했다.", {"finance"}),
    ("북한 해킹조직이 합참과 방위사업청을 노렸다.", {"defense"}),
    ("북한 해커가 지자체와 행정안전부를 해킹했다.", {"government"}),
    ("북한 해커들이 신문사와 방송국을 공격했다.", {"media"}),
    ("북한 해커가 법무법인과 사법부를 해킹했다.", {"judiciary"}),
    ("북한 해커들이 조선업체와 부품업체를 해킹했다.", {"manufacturing"}),
    ("北朝鮮のハッカーが証券会社と保険会社を攻撃した。", {"finance"}),
    ("北朝鮮のハッカーが新聞社を攻撃した。", {"media"}),
    ("北朝鮮のハッカーが携帯電話会社に侵入した。", {"telecommunications"}),
    ("북한 해커들이 기업들의 통신망을 감시했다.", set()),
    # English: the sectors' common news nouns
    ("North Korean hackers breached insurers and a stock exchange.", {"finance"}),
    ("North Korean hackers targeted an ambassador and local governments.", {"government"}),
    ("North Korean hackers hit drugmakers and a medical center.", {"healthcare"}),
    ("North Korean hackers compromised telcos and internet service providers.", {"telecommunications"}),
    ("North Korean hackers attacked automakers and factories.", {"manufacturing"}),
    ("North Korean hackers phished North Korea specialists at a research institute.", {"think-tanks-academia"}),
    ("Lawyers said North Korean hackers stole crypto.", {"cryptocurrency"}),
    ("북한 해커가 포털 계정으로 메일을 보냈다.", set()),
    ("北朝鮮のハッカーが人工衛星に関する技術を盗んだ。", {"space"}),
    ("北朝鮮のハッカーが盗んだ資金は北朝鮮の人工衛星技術の開発に使われた。", set()),
]


@pytest.mark.parametrize(("text", "sectors"), CJK_VOCABULARY)
def test_korean_and_japanese_sector_vocabulary(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


# Round 5, on blind set F after it was measured (its numbers are reported as blind before this round): one-word
# thinktanks, a ministry that declined, "reports Yonhap", the DPRK's wallet addresses, an investigating office,
# judicial cooperation, who reports it in Korean and Japanese, Japanese conjunctions in lists, network failures,
# disguised employment, a spokesman, "revealed by researchers".
ROUND5 = [
    ("North Korean hackers targeted top Seoul thinktanks.", {"think-tanks-academia"}),
    (
        "North Korean hackers targeted defence firms, and the defence ministry declined to provide further details.",
        {"defense"},
    ),
    ("North Korean hackers reset victims' phones remotely, reports Yonhap news agency.", set()),
    ("북한 해킹조직이 국내 기업을 해킹했다. 조직이 사용한 가상자산 지갑 주소도 발견됐다.", set()),
    ("북한 해커들이 외교부 공무원 이메일을 해킹하려 했다고 대검찰청 사이버수사과는 밝혔다.", {"government"}),
    ("북한 해커가 제약사를 해킹했다. 검찰은 해외 서버에 대해 사법공조를 추진 중이다.", {"healthcare"}),
    ("다른 언론은 제약사도 북한 해커의 해킹 대상이었다고 전했다.", {"healthcare"}),
    ("北朝鮮のハッカーが韓国の政府、防衛、およびメディアの組織を標的とした。", {"government", "defense", "media"}),
    (
        "韓国の放送局や銀行のネットワークに一斉にネット障害が起き、北朝鮮のサイバー攻撃とみられる。",
        {"media", "finance"},
    ),
    ("北朝鮮がハッカーを海外IT企業に偽装就職させていた。", {"technology"}),
    ("北朝鮮のハッカーが病院を攻撃した。韓国国防省報道官は「北朝鮮の犯行の可能性がある」と述べた。", {"healthcare"}),
    ("北朝鮮のハッカーが銀行を攻撃したことが、研究者たちによって明らかになった。", {"finance"}),
    # still victims: a topic that was hit, with no report verb; a Japanese list without conjunctions
    ("북한 해커들이 병원을 공격했다. 병원은 시스템을 복구했다.", {"healthcare"}),
    ("北朝鮮のハッカーが防衛や宇宙、原子力の分野を狙った。", {"defense", "space", "energy"}),
]


@pytest.mark.parametrize(("text", "sectors"), ROUND5)
def test_round_five(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)
