"""Issue 16, tenth round: headline shapes of batteries written by kind before any new text was read.

The North as one Hangul syllable before the words behind, linked, suspected, malware, cyber, ransomware, crypto and
IT workers (북 배후 해커조직, 북 악성코드); the North as the agent of a passive cyber verb in Japanese (北にハッキング
され); a server or mail broken into in Korean (서버 뚫, 뚫린 메일); a server abused; a fictional group name (Andariel)
with a theft from a sector's organisations; a Hangul name in quotes before the word group ('탈륨' 조직). Each sentence
is written for this test; none is taken from an article. Confusers: 북 as a book (북 콘서트, 전자북), 北に as a
direction or an attack on the North, a chemical in tissue, Diablo's boss.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


HEADLINES = [
    # 북 alone before a culprit's or a cyber word
    "북 악성코드, 국내 보안업체 제품에 숨어",
    "“북 악성코드 국내 웹서버에 설치”",
    "북 배후 해커조직, 유럽 방산업체 기술 노려",
    "북 연계 해킹그룹, 국내 연구기관 공격",
    "북 추정 해커, 언론사 기자 사칭 메일 유포",
    "북 사이버 공격 하루 평균 150만건",
    "북 랜섬웨어, 국내 중소기업 노려",
    "북 IT 인력, 가짜 신분으로 국내 기업 취업",
    "북 IT 노동자 위장취업 적발",
    "북 가상자산 탈취액 사상 최대",
    '국정원 "북 추정 세력이 국내 기관 해킹"',
    '경찰 "북 연계 조직이 정부 사칭 메일 발송"',
    # 北に as the agent of a passive cyber verb
    "韓国選管、北に7回ハッキングされても点検勧告を拒否",
    "韓国の防衛企業、北にハッキングされ機密流出",
    "韓国軍、北にサイバー攻撃され資料流出",
    "北に盗まれた暗号資産、洗浄先を追跡",
    # a server, a network or mail broken into; a server abused
    '국정원 "북한, 국내 반도체 업체 서버 뚫었다"',
    "北에 뚫린 청와대 메일",
    "북한, 백신 업데이트 서버 악용",
    # a fictional group name with a theft from (or a targeting of) a sector's organisations
    "안다리엘, 국내 방산업체 기술 유출",
    "Andariel steals data from defense firms",
    # a Hangul name in quotes, then the word group; a name before the words hacking group
    "'탈륨' 조직, 외교부 사칭",
    "‘코니’ 조직, 세무 안내문 위장",
    "코니 해킹조직, 세무 안내문 위장",
    # English and Japanese batteries: the leader's hackers, crypto seized (an amount with a decimal point), a
    # vendor's name hitting developers, the leader by his Japanese title, a development environment broken into,
    # the scheme's "IT warriors"
    "Kim's cyber army targets South Korean defense contractors",
    "Feds seize $1.7M in crypto from North Korean laundering network",
    "Jade Sleet hits GitHub developers",
    "金総書記の指示でハッキング強化",
    "北朝鮮関連グループ、ゲーム会社の開発環境に侵入",
    "北朝鮮の「IT戦士」、外貨稼ぎに暗躍",
    # a DPRK malware family in a title with the words of a malware report
    "RokRAT hidden in Hangul documents",
    "New Dtrack variant found in Indian bank",
    "CISA, FBI release analysis of ELECTRICFISH",
    # theft in headline verbs; stolen billions; thieves called digital; devices spied on; networks tapped into
    "North Korea-linked group drains $50 million from DeFi protocol",
    "North Korea siphons millions from crypto bridge",
    "North Korea pilfers crypto from gaming company",
    "North Korea grabbed $200 million from exchange",
    "North Korea snatched military secrets from Seoul's defense firms",
    "How North Korea launders its stolen billions",
    "North Korea's digital bank robbers",
    "Pyongyang's digital heist machine",
    "North Korea's drive-by downloads hit Korean news sites",
    "North Korea spies on South Korean officials' phones",
    "North Korea tapped into South Korean military network",
    # a legal and policy battery: mixers sanctioned, the scheme in the Justice Department's and hiring managers'
    # words, crypto fraud, developers hired or infiltrating, North Koreans infiltrating companies, a warning about
    # the DPRK's targeting voiced by others
    "Treasury sanctions mixer used by North Korea to launder stolen funds",
    "OFAC designates Sinbad mixer over North Korea links",
    "Man pleads guilty to helping North Koreans infiltrate US companies",
    "Justice Department disrupts North Korean revenue generation scheme",
    "North Korean national extradited to US over crypto fraud",
    "NSA and partners warn about DPRK targeting of think tanks",
    "Crypto firms warned about North Korean job applicants",
    "Recruiters beware: North Korean candidates flood tech hiring",
    "Companies unknowingly hired North Korean developers",
    "North Korean developer infiltrated blockchain project for months",
]


@pytest.mark.parametrize("title", HEADLINES)
def test_dprk_cyber_titles(tagger, title):
    assert tagger.tag(title, "").dprk_cyber


NOT_CYBER = [
    # 북 as a book, or a word ending in 북
    "북 콘서트 열려…작가와 독자 만남",
    "북 추천 도서 목록 공개",
    "북 토크 콘서트, 사이버 보안 작가 초청",
    "전자북 해킹 사고로 이용자 정보 유출",
    "e북 해킹 피해 접수",
    # 北に as a direction, a place, or the target of an attack
    "北に向かう船舶、不正アクセスで航路情報流出",
    "東北にサイバー攻撃、自治体のサイト停止",
    "北に対するサイバー攻撃を検討",
    # a border broken through is no network
    "북한군, 철책 뚫고 귀순",
    # thallium in tissue; Diablo's boss
    "탈륨 조직 농도가 높아",
    "'탈륨' 중독 환자 조직 검사",
    "Andariel targets players in the Monastery",
    "Diablo boss Andariel attacks the Rogue companies",
    # the weather and a cocktail; a poet
    "Sleet hits drivers on the highway",
    "Ruby Sleet hits the bar menus",
    "Emma Lazarus hits developers conference",
    "Police seize $1.7M in crypto from a local fraud ring",
    # theft verbs with no DPRK act: a heist by unknown hands, troops that grabbed land, spies on trial
    "Hackers drain $50 million from DeFi protocol",
    "North Korean troops grabbed a hill near the border",
    "North Korean spies on trial in Seoul for stealing phones",
    "DTrack dependency tracking tool released",
    # a kitchen mixer; the DPRK's own threats and accusations
    "Stand mixer sales rise in North Korea's markets",
    "North Korea warns it will target South Korean media outlets",
    "North Korea accuses US of cyber warfare preparations",
    "North Korea accuses the United States of hacking",
]


@pytest.mark.parametrize("title", NOT_CYBER)
def test_not_dprk_cyber(tagger, title):
    tags = tagger.tag(title, "")
    assert not tags.dprk_cyber, tags.evidence


@pytest.mark.parametrize(
    ("title", "related"),
    [
        ("북 미사일 발사에 정부 긴급 회의", False),  # 북 before a missile is not read as the DPRK here
        ("북 추정 무인기, 군사분계선 넘어", True),  # 북 추정: the DPRK, but no cyber act
        ("북 연계 선박, 제재 위반 혐의", True),
    ],
)
def test_the_north_without_a_cyber_act(tagger, title, related):
    tags = tagger.tag(title, "")
    assert tags.dprk_related is related and not tags.dprk_cyber, tags.evidence


def test_the_fictional_name_is_the_group_with_its_victims(tagger):
    tags = tagger.tag("안다리엘, 국내 방산업체 기술 유출", "")
    assert list(tags.actors) == ["Andariel"] and "defense" in tags.sectors, tags.evidence


def test_a_quoted_name_before_group_is_the_actor(tagger):
    assert list(tagger.tag("'탈륨' 조직, 외교부 사칭", "").actors) == ["Kimsuky"]
    assert list(tagger.tag("‘코니’ 조직, 세무 안내문 위장", "").actors) == ["Konni"]


SET_ASIDE = [
    # a first suspicion (or a name impersonated), then another state's hackers after a contrast: not the DPRK's act
    "정부기관 해킹, 당초 김수키 소행으로 알려졌으나 중국 해커 조직으로 추정된다.",
    "통신사 해킹 사건의 배후로 북한 김수키가 거론됐지만, 분석 결과 중국 해킹조직의 소행일 가능성이 높다.",
    "해커는 김수키를 사칭했지만 실제로는 중국 해커로 보인다고 전문가들은 말했다.",
    "Researchers first suspected Kimsuky, but the toolkit and working hours point to a Chinese group.",
    "The leak was initially blamed on North Korea's Kimsuky; analysts now say Chinese hackers were behind it.",
    "当初は北朝鮮のキムスキーの犯行とみられたが、中国のハッカー集団による攻撃だった可能性が高い。",
    "당초 김수키 소행으로 알려졌다. 그러나 분석 결과 중국 해커 조직의 소행으로 추정된다.",
]


@pytest.mark.parametrize("text", SET_ASIDE)
def test_a_first_suspicion_set_aside_for_another_states_hackers(tagger, text):
    tags = tagger.tag("", text)
    assert not tags.dprk_cyber and not tags.actors, tags.evidence


@pytest.mark.parametrize(
    "text",
    [
        # the contrast before the name: the DPRK is the conclusion
        "The attack was first blamed on China, but investigators now attribute it to North Korea's Lazarus Group.",
        "중국 해커로 의심됐지만 분석 결과 북한 라자루스 소행으로 확인됐다.",
        # Chinese servers are no hackers
        "국정원은 당초 이번 공격이 북한 김수키 소행으로 알려졌으나 중국 서버를 경유했다고 밝혔다.",
    ],
)
def test_the_dprk_stays_the_conclusion(tagger, text):
    assert tagger.tag("", text).dprk_cyber


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # a sector written as a company-name suffix or a generic company noun (sentences written here)
        ("북한이 국내 한 조선해양 업체를 해킹해 잠수함 설계 자료를 빼냈다.", "manufacturing"),
        ("북한 해커들이 SK텔레콤 협력사를 통해 침투를 시도했다.", "telecommunications"),
        ("북한 해커가 중앙일보 홈페이지를 해킹했다.", "media"),
        ("북한이 전자문서시스템 개발업체를 해킹했다.", "technology"),
        ("북한 해커들이 보안 소프트웨어 제작사의 내부망에 침투했다.", "technology"),
        ("North Korean hackers attacked India's space research organisation before the moon launch.", "space"),
        ("North Korean hackers targeted the state power utility.", "energy"),
        ("North Korean hackers targeted satellite makers.", "space"),
    ],
)
def test_sector_by_company_suffix_or_generic_noun(tagger, text, sector):
    assert sector in tagger.tag("", text).sectors


def test_a_step_forward_is_no_newspaper(tagger):
    assert "media" not in tagger.tag("", "북한 해커들이 기술을 훔쳐 무기 개발에 일보 전진했다.").sectors


def test_a_rebuttal_of_hacking_claims_stays_the_dprks(tagger):
    # the DPRK answering claims about its own hacking is about that hacking (taxonomy.md: denials stay DPRK cyber)
    assert tagger.tag("Pyongyang slams Seoul over hacking claims", "").dprk_cyber
    assert tagger.tag("US accuses North Korea of cyberattacks", "").dprk_cyber


@pytest.mark.parametrize(
    ("text", "sector", "not_sector"),
    [
        # another sector's institute is no think tank: the modifier decides its head (sentences written here)
        ("북한이 한국원자력연구원을 해킹했다.", "energy", "think-tanks-academia"),
        ("북한 해커가 국방과학연구소를 해킹했다.", "defense", "think-tanks-academia"),
        ("北朝鮮のハッカーがインドの宇宙研究機関を攻撃した。", "space", "think-tanks-academia"),
        ("북한이 인도 우주연구소를 사이버 공격했다.", "space", "think-tanks-academia"),
        ("북한 해커가 한국항공우주연구원 서버에 침투했다.", "aerospace", "space"),
        (
            "북한 해커가 보안업체를 해킹했다고 A사 수석연구원이 밝혔다. 정부기관도 노렸다.",
            "government",
            "think-tanks-academia",
        ),
        # an electric company; government employees in Japanese; experts by their field; warship designs leaked
        ("북한 해커들이 미국 전기 회사에 피싱을 시도했다.", "energy", None),
        ("北朝鮮のハッカー集団が政府職員を標的にした。", "government", None),
        (
            "The North Korean group is targeting experts in foreign policy and nuclear disarmament.",
            "think-tanks-academia",
            None,
        ),
        ("북한 해커가 국내 조선업체를 해킹해 군함 설계 도면이 유출됐다.", "defense", None),
        # a newspaper as the source, the DPRK's state media
        ("국민일보가 10일 보도한 바에 따르면 북한 해커들이 정부기관을 해킹했다.", "government", "media"),
        ("북한 해커들이 정부기관을 해킹했다. 북한은 국영 언론을 통해 이를 부인했다.", "government", "media"),
    ],
)
def test_sector_institutes_and_sources(tagger, text, sector, not_sector):
    sectors = tagger.tag("", text).sectors
    assert sector in sectors and (not_sector is None or not_sector not in sectors), sectors


def test_north_korea_as_nhk_korean_writes_it(tagger):
    tags = tagger.tag("북조선, 가상화폐 거래소에서 5600억 엔 탈취", "")
    assert tags.dprk_cyber and "cryptocurrency" in tags.sectors


OPENED_HM = [
    # kinds met in blind headline set HM once it was opened (sentences written here): foreign currency earned
    # online, the North's ministries and backed groups as 북, a sanctions report on cyber revenue, the bare North
    # opening a headline as the culprit, bank heists, a two-word group name in quotes, cyberspying
    "북 정찰총국, 온라인으로 외화벌이",
    "경찰 “디도스 공격, 북 체신성 소행”",
    "미 재무부, 북 지원 해킹 그룹 제재",
    "国連の対北朝鮮制裁報告書「サイバー攻撃が重要な収入源」",
    "North suspected in hacking of nuclear operator",
    "North hacked email accounts of security officials",
    "Is North Korea behind the bank heists?",
    "The “Dark Seoul” hackers were after military secrets",
    "‘Dark Seoul’ attack points to cyberspying on militaries",
]


@pytest.mark.parametrize("title", OPENED_HM)
def test_kinds_of_an_opened_headline_set(tagger, title):
    assert tagger.tag(title, "").dprk_cyber


@pytest.mark.parametrize(
    "title",
    [
        "북 지원 단체 홈페이지 해킹 피해",  # aid to the North, not the North's backing
        "North Face hacked, customer data stolen",  # a brand
        "The “Reaper” drone was hacked",  # one quoted ordinary word is no group name
        "北朝鮮制裁委員会、サイバー攻撃を議論",  # the sanctions committee as a topic
    ],
)
def test_not_the_dprks_cyber_act(tagger, title):
    assert not tagger.tag(title, "").dprk_cyber


def test_its_neighbour_to_the_north_in_a_text_about_south_korea(tagger):
    tags = tagger.tag("", "South Korea was hacked by its northern neighbour, officials said.")
    assert tags.dprk_cyber
    text = "A South Korean institute is investigating an intrusion; reports say its neighbor to the north is behind it."
    assert tagger.tag("", text).dprk_related
    assert not tagger.tag("", "Canada says its neighbor to the north hosts hackers.").dprk_related


@pytest.mark.parametrize(
    "text",
    [
        "북한이 국내 연구원을 해킹했다. 조선해양 업체도 해킹당했다. 북한의 소행은 아니라고 한다.",
        "North Korean hackers breached a research institute. A shipbuilder was also hacked, but that was not the work"
        " of North Korea, officials said.",
        "北朝鮮のハッカーが研究機関に侵入した。造船会社もハッキングされたが、北朝鮮の犯行ではないという。",
    ],
)
def test_a_victim_of_someone_else_is_no_dprk_victim(tagger, text):
    tags = tagger.tag("", text)
    assert tags.dprk_cyber and "manufacturing" not in tags.sectors, tags.sectors


@pytest.mark.parametrize(
    "title",
    [
        # a last English battery: crypto hauls, posing as freelancers, LinkedIn scams, fake venture capital firms,
        # the group's laundering
        "North Korea's crypto haul hits record",
        "North Korean operatives pose as Japanese freelancers",
        "North Korea behind wave of LinkedIn scams",
        "North Korea uses fake VC firms to lure crypto founders",
        "North Korea's Lazarus laundered the stolen funds in 10 days",
        "Lazarus laundered $100 million in crypto through mixers",
    ],
)
def test_a_last_english_battery(tagger, title):
    assert tagger.tag(title, "").dprk_cyber


@pytest.mark.parametrize("title", ["Lazarus laundered the money, police say", "Pastor Lazarus laundered church funds"])
def test_a_person_called_lazarus_launders_no_crypto(tagger, title):
    assert not tagger.tag(title, "").actors


@pytest.mark.parametrize(
    "text",
    [
        # kinds of the confuser false alarms of blind sets L and HN, opened after their last blind measurement
        # (sentences written here): another state more likely than the name, a source's attribution doubted with
        # the hackers called another state's
        "정부와 통신사를 해킹한 범인은 북한 ‘김수키’보다는 중국 배후 집단일 가능성에 힘이 실리고 있다.",
        "한 매체는 북한 해커 조직 '김수키'를 범인으로 지목했지만, 전문가들은 의문을 제기한다.\n한 대학은 \"해커는 중국인일"
        ' 가능성이 높다"고 밝혔다.',
    ],
)
def test_confuser_kinds_of_opened_blind_sets(tagger, text):
    tags = tagger.tag("", text)
    assert not tags.dprk_cyber and not tags.actors, tags.evidence


def test_defectors_attacked_by_state_backed_hackers_stay_the_dprks(tagger):
    assert tagger.tag("North Korean defectors' group leader attacked by state-backed hackers", "").dprk_cyber
    assert tagger.tag("", "북한 해커들이 국내 기업을 해킹했다. 북한보다 더 많은 공격을 한 국가는 없다.").dprk_cyber
