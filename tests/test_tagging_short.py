"""Headlines and two-line summaries (issue 16): the shapes feeds carry, in English, Korean and Japanese.

Every sentence here is written for this test in the shape of a real headline or lede; none is taken from an
article. Each miss listed in the issue has a case that failed before the fix; each new rule has a confuser.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


HEADLINES = [
    # North Korea as one Hanja in Korean headlines
    ("北 해커, 국내 방산 협력업체 해킹", ()),
    ("北해킹조직이 거래소 가상자산 탈취", ()),
    ("美, 北해커 2명 공개수배", ()),
    ("'랜섬웨어' 공격 北소행으로 결론", ()),
    # coined actor names are cyber on their own; plain names with security wording; codes need context
    ("Kimsuky turns its attention to European think tanks", ("Kimsuky",)),
    ("US Issues BeagleBoyz Alert", ("APT38",)),
    ("Andariel's espionage targeted shipyards, the FBI said", ("Andariel",)),
    # "Lazarus" beside stolen crypto, an exploit, a job-lure operation
    ("Lazarus behind $25 million hot wallet theft", ("Lazarus Group",)),
    ("Police tie Lazarus to token bridge exploit", ("Lazarus Group",)),
    ("Lazarus lured developers with fake job offers", ("Lazarus Group",)),
    ("Lazarus Suspected in Major Exchange Hack", ("Lazarus Group",)),
    # crypto theft and the IT-worker scheme
    ("North Korea stole $1 billion in crypto this year, analysts say", ()),
    ("#StopRansomware: advisory on DPRK actors", ()),
    ("Prosecutors charge 5 in North Korean remote worker scheme", ("Famous Chollima",)),
    ("북한 인력 위장 취업 도운 미국인 기소", ("Famous Chollima",)),
    ("北, 거래소서 비트코인 300억 털었다", ()),
    ("北朝鮮のIT労働者、欧州企業に潜入", ("Famous Chollima",)),
    ("「Lazarus」のハッカー、脆弱性を悪用", ("Lazarus Group",)),
]


@pytest.mark.parametrize(("title", "actors"), HEADLINES)
def test_headline_alone_is_dprk_cyber(tagger, title, actors):
    tags = tagger.tag(title, "")
    assert tags.dprk_cyber, tags.evidence
    assert tags.actors == actors


CONFUSERS = [
    ("北京で国際会議が開幕", ""),  # Beijing
    ("北米の電力会社にサイバー攻撃", ""),  # North America
    ("탈北자 단체, 해킹 피해 호소", ""),  # a defectors' group hit: no DPRK signal from 北 after 탈
    ("中 해커공격에 개인정보 대거 유출", ""),  # China's hackers, written 中
    ("Form TA406 must be filed by March.", ""),  # a code name with no security wording
    ("Lazarus Chakwera Condemns Ransomware Attack", "Chakwera said the ministry's servers were restored."),
    ("Pastor Lazarus warns his flock of crypto theft", ""),
    ("North Korea stole the match in extra time", ""),
    ("Andariel is the first boss; steal her loot", "Players say the season's dungeon is long."),
]


@pytest.mark.parametrize(("title", "text"), CONFUSERS)
def test_headline_confusers_stay_quiet(tagger, title, text):
    tags = tagger.tag(title, text)
    assert not tags.dprk_cyber, tags.evidence
    assert tags.actors == ()


def test_north_korea_hanja_is_a_dprk_signal_only_alone(tagger):
    assert tagger.tag("北 미사일 발사", "").dprk_related
    assert not tagger.tag("北 미사일 발사", "").dprk_cyber
    assert not tagger.tag("北京 날씨", "").dprk_related


SECTOR_FRAMES = [
    ("North Korean hackers ran a campaign targeting the South Korean government.", {"government"}),
    (
        "North Korean hackers broke into the network of the ministry of foreign affairs of a European country.",
        {"government"},
    ),
    (
        "North Korean hackers compromised organisations in the media, defense and aerospace, and information "
        "technology sectors.",
        {"aerospace", "defense", "media", "technology"},
    ),
    (
        "The North Korean hacking group is known for its focus on public and private entities in South Korea, such as "
        "chemicals, electronics, manufacturing, aerospace, automotive, and healthcare entities.",
        {"aerospace", "healthcare", "manufacturing"},
    ),
    (
        "Andariel's espionage focused on satellite and space technology firms, according to the joint advisory "
        "from the FBI and NSA.",
        {"space"},
    ),
    ("North Korea stole $600 million in crypto last year, a spy agency says.", {"cryptocurrency"}),
    ("미국 기업 수십 곳에 북한 인력 위장 취업", {"technology"}),
]


@pytest.mark.parametrize(("text", "sectors"), SECTOR_FRAMES)
def test_plain_sector_frames(tagger, text, sectors):
    tags = tagger.tag("", text)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


SECTOR_NOT = [
    # reported to, named in a lure, a source: not the victim
    "North Korean hackers hit a research institute, which reported the attack to the government on Friday.",
    "North Korean hackers sent a document using the name of the government to deceive victims.",
    "North Korean hackers drained the exchange. Government sources told reporters the loss was large.",
    # a byline and the issuers of a joint alert are not victims
    "[서울=뉴스 김민수 기자] 북한 해커가 거래소를 공격했다.",
    "북한 랜섬웨어 공격에 대비해 부처 합동 주의보를 발령했다.",
    # software as the vulnerable product, not a software maker
    "북한 해커들이 소프트웨어 취약점을 악용해 공격했다.",
]


@pytest.mark.parametrize("text", SECTOR_NOT)
def test_sector_words_that_are_not_victims(tagger, text):
    tags = tagger.tag("", text)
    assert tags.dprk_cyber
    assert not {"government", "media", "technology"} & set(tags.sectors), tags.evidence


SECTOR_MORE = [
    ("북한 해커들이 미국 보건 분야를 랜섬웨어로 공격했다.", {"healthcare"}),
    ("北朝鮮のハッカーが日本のエネルギー企業に侵入した。", {"energy"}),
    ("Lazarus hackers compromised the exchange's hot wallet.", {"cryptocurrency"}),
    (
        "The platform went offline on Sunday. North Korean hackers were blamed by investigators.\n\nLater that "
        "week it emerged that the assets stolen included several cryptocurrencies.",
        {"cryptocurrency"},
    ),
    # the source, a press conference, press reports and the bait are not victims
    ("US federal agencies warned about North Korean ransomware attacks against hospitals.", {"healthcare"}),
    ("의원은 기자회견에서 북한 해커 조직이 원자력 발전소를 해킹했다고 밝혔다.", {"energy"}),
    ("언론 보도로 북한 해커들의 거래소 공격이 알려졌다.", {"cryptocurrency"}),
    (
        "북한 해킹 조직이 통일부 산하 기관 직원을 사칭해 만든 피싱 메일을 국내 대학 연구자들에게 발송했다.",
        {"think-tanks-academia"},
    ),
]


@pytest.mark.parametrize(("text", "sectors"), SECTOR_MORE)
def test_more_sector_frames(tagger, text, sectors):
    tags = tagger.tag("", text)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors, tags.evidence
