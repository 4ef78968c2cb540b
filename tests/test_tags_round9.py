"""Issue 16, ninth round: headline shapes of a third battery, written by kind before any new text was read.

Laundered cryptocurrency, accounts taken over, passwords stolen, deepfakes in job interviews, wallets linked to
the DPRK, a company attacked (Korean and Japanese), and the North named as the culprit (北の犯行). Each sentence
is written for this test; none is taken from an article. Confusers: the same words where no DPRK cyber act is told
(money laundered through ships and accounts, a deepfake of the leader, missiles, a hijacked airliner).
"""

import pytest

from bot.tagging import get_tagger
from tests.test_tags_short import assert_dprk_sectors


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


HEADLINES = [
    # cryptocurrency laundered: the proceeds of the DPRK's thefts
    "북한, 가상자산 세탁에 믹서 이용",
    "북한 가상화폐 돈세탁 규모 늘어",
    "北朝鮮、暗号資産の資金洗浄で新手法",
    "北朝鮮の仮想通貨マネロン、ミキサー経由",
    # accounts taken over, passwords stolen
    "North Korean group hijacks social media accounts",
    "North Korean hackers took over the email accounts of diplomats",
    "북한, 외교관 이메일 계정 탈취",
    "北朝鮮系グループ、SNSアカウント乗っ取り",
    "북한, 포털 비밀번호 빼내",
    "北朝鮮、パスワード盗む手口",
    # deepfakes in job interviews: the IT-worker scheme
    "North Korea uses deepfakes in job interviews",
    "북한, 딥페이크로 화상 면접",
    "北朝鮮がディープフェイクで採用面接",
    # wallets and addresses held by the DPRK's thieves
    "North Korea-linked wallets moved $100 million",
    "US sanctions Lazarus-linked addresses",
    "라자루스 연계 지갑 주소 공개",
    # the North as the culprit
    "サイバー攻撃は北の犯行か",
    # a fourth battery by kind: smishing, malicious apps and packages, watering holes, defacement, zombie PCs,
    # browser extensions, VPNs, the hacking units, networks broken into
    "북한, 스미싱 문자 대량 유포",
    "北朝鮮、スミッシングで個人情報狙う",
    "北朝鮮、不正アプリで情報抜き取り",
    "북한, npm에 악성 패키지 배포",
    "北朝鮮、悪意あるパッケージをnpmに公開",
    "북한, 워터링홀 공격",
    "北朝鮮、水飲み場攻撃で韓国メディア狙う",
    "북한 추정 홈페이지 변조",
    "北朝鮮、ホームページ改ざん",
    "북한, 좀비PC 동원",
    "북한, 크롬 확장 프로그램 악용",
    "North Korea abuses browser extensions",
    "North Korea abuses VPN flaw",
    "北朝鮮、VPNの欠陥を悪用",
    "北朝鮮、身代金要求型ウイルス",
    "North Korea's Bureau 121 expands",
    "North Korea-linked spies breach defense firm networks",
    # a fifth battery: AI misused, scam coins and rug pulls, communications stolen, operatives inside companies
    "North Korea abuses AI to get jobs",
    "OpenAI bans accounts linked to North Korea",
    "북한, AI 악용해 취업",
    "北朝鮮、AIを悪用",
    "オープンAI、北朝鮮のアカウントを削除",
    "North Korean scam coins raised millions",
    "北朝鮮のスキャムコイン、数百万ドル集める",
    "북한, 러그풀로 투자금 가로채",
    "North Korea stole messages of diplomats",
    "북한, 외교안보 인사 통화내역·문자메시지 빼내",
    "北朝鮮、韓国高官のメール盗み出す",
    "North Korean operatives infiltrate Western companies",
    "日本企業に潜り込む北朝鮮工作員",
    "北朝鮮の工作員、日本企業の外注に潜む",
    # kinds met in a blind headline set once it was opened (sentences written here): the hacking units by number,
    # IT staff hired unknowingly, foreign currency seized, a breach of customers' data blamed on the DPRK, call
    # contents taken, crypto plundered, operatives slipping into companies, hiring fraud
    "「121局」、日本企業を狙う",
    "미 정부, 북한 IT 직원 채용 주의 당부",
    "北朝鮮、外貨奪取を加速",
    "個人情報流出、背後に北朝鮮か",
    "고객정보 유출 배후는 북한",
    "北이 고위 인사 통화 내용 탈취",
    "北朝鮮が略奪した仮想通貨、ミサイル開発に",
    "日本企業に入り込む北朝鮮工作員",
    # kinds met in a second blind headline set once opened (sentences written here): the North as the culprit in
    # Japanese (北が関与, 北ハッキング部隊), a developer who is a 北工作員, a laptop farmer, a disguised app, a
    # theft (절도) from a central bank, a fronted place phrase before a comma, "North" beside Seoul
    "FBI、不正アクセスは北が関与と結論",
    "「北ハッキング部隊が主導」、攻撃7万件",
    "在宅の開発者、正体は「北工作員」",
    "Laptop farmer admits helping North Korean IT workers",
    "북한, 앱마켓에 위장 앱 올려",
    "북한 소행 은행 절도 사건",
    "In North Korea, hackers live as a handpicked, pampered elite",
    "Seoul says the North hacked its navy",
    "U.S., S. Korea blame North for cyber-attack",
    # a sixth battery by kind: machines taken over or used as relays, malicious files, certificates
    "북한, 국내 기업 PC 100여대 장악",
    "北朝鮮、PCを遠隔操作",
    "北朝鮮、サーバー乗っ取り",
    "북한, 국내 대학 서버 경유",
    "North Korea hijacked South Korean PCs",
    "North Korea used South Korean servers as relays",
    "북, 이메일로 악성 파일 유포",
    "北朝鮮の不正ファイル拡散",
    "North Korea spreads malicious files via email",
    "北朝鮮、電子証明書を盗む",
    "North Korea stole digital certificates",
    # a seventh battery: IT workers earning foreign currency, network separation breached, an intranet broken into
    "北 IT 외화벌이 일꾼 적발",
    "北, 망분리 뚫어",
    "北朝鮮、韓国国防部の内部網に侵入",
    # an eighth battery (English headline words): stolen ether cashed out, crypto seized or forfeited, AI misused in
    # scams, fake video calls, crypto laundered and its proceeds moved, data stolen
    "North Korea cashes out stolen ether",
    "U.S. seizes crypto tied to North Korea",
    "DOJ files forfeiture action against North Korean crypto",
    "North Korea uses generative AI in scams",
    "North Korea-linked fake Zoom calls target crypto founders",
    "North Korea funnels crypto proceeds into weapons",
    "North Korea launders crypto through OTC brokers",
    "North Korea accused of stealing F-35 data",
    # a ninth battery (Korean headline idioms): account credentials sought, an intranet broken into, fake apps
    "北, 국내 포털 계정 정보 노려",
    "北, 군 인트라넷 침투",
    "北, 가짜 앱으로 개인정보 수집",
    # sanctions evaded by hacking stay the DPRK's act
    "北朝鮮の制裁逃れ、ハッキングで資金",
    "북한의 제재 회피 위한 해킹",
]

SECTORS = [
    ("北朝鮮の採用詐欺、暗号企業を狙う", {"cryptocurrency"}),
    # kinds met in blind set J once opened (sentences written here): lists of fields that were targeted, with
    # 와/과 and a parenthesis in them; the workplaces of IT workers; 航空宇宙 as aerospace alone
    (
        "북한 해킹조직이 가상자산과 금융, 정보기술(IT), 국방 등 분야로 공격 대상을 넓혔다.",
        {"cryptocurrency", "finance", "technology", "defense"},
    ),
    ("北朝鮮のハッカーは通信、金融などの分野の企業を標的にしてきた。", {"telecommunications", "finance"}),
    (
        "北朝鮮のIT労働者の勤務先には、テレビ局や航空宇宙関連企業などが含まれていた。",
        {"media", "aerospace", "technology"},
    ),
    (
        "The North Korean IT workers' employers included a television network and a bank.",
        {"media", "finance", "technology"},
    ),
    # bait and payments: journalists impersonated, a ransom paid in bitcoin
    ("North Korean hackers posed as journalists and sent malware to diplomats.", {"government"}),
    (
        "North Korean hackers sent emails that looked like interview requests from journalists to diplomats.",
        {"government"},
    ),
    (
        "North Korean hackers stole data from a hospital and extorted 200 million won, or about $150,000, in bitcoin "
        "from it as ransom.",
        {"healthcare"},
    ),
    # a sector's companies attacked, in Korean and Japanese (as "attacks defense contractors" in English)
    ("북, 국내 방산업체 공격", {"defense"}),
    ("북한 해커가 국내 방산업체를 공격했다.", {"defense"}),
    ("北朝鮮、日本の暗号資産企業を攻撃", {"cryptocurrency"}),
    ("北朝鮮のハッカーが日本の暗号資産企業を攻撃した。", {"cryptocurrency"}),
]

RELATED_NOT_CYBER = [
    # money laundering with no cryptocurrency: ships, accounts, front companies
    "북한 자금세탁 선박 적발",
    "북한, 해외 계좌 통해 자금세탁",
    "北朝鮮、資金洗浄で制裁逃れ 船舶を利用",
    # a deepfake of the leader is no job scheme
    "Deepfake video of Kim Jong Un spreads online",
    # what missiles and troops attack
    "북한, 남측 기업 공격 위협",
    "北朝鮮のミサイル攻撃で企業株価下落",
    "North Korea attacks South Korean border post with artillery",
    "北朝鮮の大陸間弾道ミサイル発射に北の関与",
    # a hijacked airliner is no account
    "North Korean agents hijacked a South Korean airliner in 1969",
    "1969年の大韓航空機ハイジャック事件、北の犯行",
    # a border crossed, missiles through defenses, a ring of people: no network
    "North Korean troops breached the border fence",
    "North Korean soldiers breached the military demarcation line",
    "North Korea's new missiles could penetrate US missile defense systems",
    "North Korean spies infiltrated a network of defectors",
    # the DPRK's own AI work, its agents and labourers, a spy's orders by mail
    "North Korea develops its own AI, state media says",
    "북한도 생성형 AI 개발",
    "北朝鮮、AI研究所を新設",
    "North Korean agents infiltrated a South Korean fishing village in 1968",
    "North Korean workers hired by Chinese seafood companies",
    "北朝鮮工作員、日本人を拉致",
    "북한 공작원 지령 메일 수신",
    # "North" beside Seoul with no cyber word
    "Seoul: North fires missiles",
    # a ship taken over, a missile fired by remote control, the DPRK's own internet addresses
    "북한 선박, 한국 어선 장악",
    "北朝鮮、ミサイルを遠隔操作で発射",
    "North Korea has only 1,024 IP addresses",
    # AI in weapons, a human spy's theft, a tanker seized, boats stolen, workers hired for building sites
    "North Korea uses AI in weapons development",
    "North Korean spy stole data on troop movements",
    "U.S. seizes North Korean oil tanker",
    "North Korea accused of stealing fishing boats",
    "North Korean recruiters hire workers for Russian construction sites",
    # the DPRK's control of its own people's accounts, its own intranet
    "북한, 주민 계정 정보 통제",
    "북한 인트라넷 광명 소개",
    # the DPRK's own intranet
    "北朝鮮のイントラネット「光明」",
    "북한, 자체 내부망 광명 운영",
    # the DPRK as the topic of sanctions investigators who were hacked (北朝鮮の制裁, 북한의 제재)
    "北朝鮮の制裁決議違反を調べる専門家委員にハッキング",
    "북한의 제재 위반 조사 패널 해킹",
    # secrets leaked by spies, goods plundered from a boat
    "군사기밀 유출 사건 배후에 북한 공작원",
    "機密情報流出、背後に北朝鮮の工作員",
    "北朝鮮、日本の漁船から物資を略奪",
    # a crypto conference is no theft
    "North Korea hosts cryptocurrency conference in Pyongyang",
]


DPRK_ATTACKED = [
    # the DPRK itself the target of someone else's cyber attack (dprk_victim.py)
    "해커단체, 북한에 대한 사이버 공격 개시",
    "ハッカー集団、北朝鮮に対するサイバー攻撃を開始",
    "Hacktivists launch cyberattacks on North Korea",
]

STILL_THE_DPRKS = [
    # blame placed on it, the people who study it, its own attacks on others, blame sought for its hacking
    "U.S. expected to officially blame Sony hack on North Korea",
    "Experts have blamed those cyberattacks on North Korea",
    "Hackers posed as reporters in attacks on North Korea experts",
    "North Korea launches cyberattacks on South Korea",
    "북한에 대한 해킹 책임 추궁",
]


@pytest.mark.parametrize("title", HEADLINES + STILL_THE_DPRKS)
def test_dprk_cyber_titles(tagger, title):
    assert tagger.tag(title, "").dprk_cyber


@pytest.mark.parametrize(("text", "sectors"), SECTORS)
def test_sectors(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


@pytest.mark.parametrize("title", RELATED_NOT_CYBER + DPRK_ATTACKED)
def test_dprk_related_not_cyber(tagger, title):
    tags = tagger.tag(title, "")
    assert tags.dprk_related and not tags.dprk_cyber, tags.evidence


NOT_DPRK = [
    # "North" that is no DPRK: a place before a name, compass points, lower case, or no South Korea in the text
    "North Carolina bank hacked, Seoul office closed",
    "Hackers hit banks in North America and South Korea",
    "South Korea's north hit by cyber-attack",
    "Hackers suspected in North, officials say",
    # 北 after a kanji or katakana word is part of it (東北, 台北)
    "東北の関与、サイバー攻撃で",
    "台北がハッキング被害",
]


@pytest.mark.parametrize("title", NOT_DPRK)
def test_not_dprk(tagger, title):
    tags = tagger.tag(title, "")
    assert not tags.dprk_related and not tags.dprk_cyber, tags.evidence


def test_account_takeover_needs_the_dprk(tagger):
    tags = tagger.tag("Hackers hijacked the social media accounts of a bank", "")
    assert not tags.dprk_related and not tags.dprk_cyber


def test_a_false_flag_that_places_the_blame(tagger):
    framed = tagger.tag(
        "Olympic hack",
        "The agents attempted to place the blame on North Korea, planting evidence that pointed elsewhere. "
        "Investigators said the hacking came from another state.",
    )
    assert not framed.dprk_cyber, framed.evidence
    attributed = tagger.tag("", "The U.S. put the blame on North Korea for the Sony hack.")
    assert attributed.dprk_cyber


def test_the_dprk_as_a_member_state_a_panel_oversees(tagger):
    tags = tagger.tag(
        "유엔 패널 컴퓨터 해킹",
        "유엔 안보리 대북한 제재결의 관련 부서의 컴퓨터가 해킹당했다. 패널은 북한을 포함한 모든 회원국의 결의 위반을 "
        "조사한다. 이번 해킹은 내부 정보를 노린 것으로 보인다.",
    )
    assert tags.dprk_related and not tags.dprk_cyber, tags.evidence


NO_LINK = [
    # an attribution denied or not found: the DPRK named as who it was not shown to be
    "Police found no evidence linking North Korea to the hack.",
    "There is no indication that North Korea was behind the ransomware attack.",
    "경찰은 이번 해킹에서 북한과 관련된 혐의점을 찾지 못했다고 밝혔다.",
    "警察は、今回のサイバー攻撃に北朝鮮が関与した証拠は見つかっていないとしている。",
]


@pytest.mark.parametrize("text", NO_LINK)
def test_no_link_found_is_no_attribution(tagger, text):
    assert not tagger.tag("", text).dprk_cyber


def test_an_attribution_beside_a_link_not_found(tagger):
    assert tagger.tag("", "There is no doubt that North Korea was behind the hack.").dprk_cyber
    assert tagger.tag(
        "", "Police found no evidence linking North Korea to the hack, but experts suspect Lazarus."
    ).dprk_cyber
    assert tagger.tag("", "북한과 관련된 해킹조직이 국내 기업을 공격했다.").dprk_cyber
