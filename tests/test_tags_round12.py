"""Issue 16, twelfth round: kinds found when four blind sets were opened after their blind measurement: the
headline set HS, the text set Q and NS, a sample of the ordinary stream of North Korea news.

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Headline kinds (HS, Q): a number written with a thousands comma is one item of a title, not two; a speaker set
  off by commas ("North Korea, officials say, sent ..."); phishy emails; email scams; the DPRK as a cryptocurrency
  threat; the IT-worker scheme as IT staff, an infiltration into IT, or jobs under a false identity (신원 위장 취업)
  and its workers as 북 노동자; data robbed by the DPRK (북한에 털린); crypto laundered (暗号資産を資金洗浄), also as
  the sanctions panel's report; an outflow incident the DPRK had a hand in (流出事件は北朝鮮が絡んで);
  "attacks supply chain" beside an ambiguous group name.
- Confuser kinds (NS, Q, and CT1, a training set of hard negatives gathered for this round): "breach" of a rule ("breached a sanctions cap"); "vulnerability to disease"; a state's
  sympathisers as the attackers (친러 해킹그룹, pro-Russian hacktivists) beside a DPRK topic; a breach the
  authority said nothing about the culprit of (背後関係には触れなかった), with the DPRK only as past record and as
  where families live; a cyber-cafe; ships exploiting their flags or tracking systems; drones breaching a no-fly
  zone or airspace (their "intrusion"); radio jamming "attacks" (GPS 전파 교란 공격, 電子攻撃); other states as the
  subject of a clause (中国やロシアが ... サイバー分野); a game or comedy mocking the DPRK, hackers who sympathise with
  it; an attack on the North (대북 사이버공격); a Pyongyang dateline of the DPRK's news agency. From CT2 (a second
  training set, of cyber texts that name the DPRK without its activity): its troop deployment as the occasion of
  others' attacks; its news as a scam's bait (관심을 이용해 ... 스미싱); a cyber word negated (해킹이 아니었다,
  サイバー攻撃ではない); a hackers' conference; cybersecurity researchers; the South's intelligence service as the
  owner of hacking tools; the DPRK as the subject of an unanswered question (소행 가능성에 대해 ... 파악 중); "not to
  have been North Korean hackers"; the DPRK hit (북한 사이버 공격 받아, 북한을 겨냥해 이뤄진 사이버 공격); a breach whose
  hackers a ministry did not identify, with the DPRK as what it "is known for" and as the country defectors fled.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


KINDS = [
    ("North Korea impersonated tax officials, university staff in 40,000 phishing emails", "en"),
    ("North Korea, officials say, sent phishing emails to reporters", "en"),
    ("North Korea sending phishy emails to ministries", "en"),
    ("Prosecutors blame suspected North Korean group for email scams", "en"),
    ("North Korea emerges as a major cryptocurrency threat", "en"),
    ("Your new remote IT hire may be working for North Korea", "en"),
    ("How North Korea's infiltration into Western IT changes hiring", "en"),
    ("Lazarus attacks supply chain of software vendors", "en"),
    ("북한에 털린 개인정보 수천 건", "ko"),
    ('북 노동자 "신원 위장해 해외 IT업체 취업"', "ko"),
    ("북한, 가상자산 수백억 원 자금세탁", "ko"),
    ("北朝鮮が暗号資産100億円を資金洗浄", "ja"),
    ("暗号資産50億円を資金洗浄=北朝鮮制裁委員会の専門家パネルが報告", "ja"),
    ("交換所の流出事件は北朝鮮が関与か", "ja"),
]


@pytest.mark.parametrize(("title", "language"), KINDS)
def test_headline_kinds(tagger, title, language):
    assert tagger.tag(title, "", language).dprk_cyber


CONFUSERS = [
    ("US says North Korea breached sanctions cap through ship-to-ship transfers", "", "en"),
    ("North Korea breached UN resolutions again, envoy says", "", "en"),
    (
        "UN warns of North Korea food shortage",
        "Families eat fewer meals, increasing their vulnerability to diseases, an aid official said of North Korea.",
        "en",
    ),
    ("North Korea fires missile, officials say, exchange hit by data breach", "", "en"),
    (
        '정부 "친러 해킹그룹 사이버 공격 주시"',
        '정부는 "친러시아 핵티비스트 그룹의 사이버 공격이 북한의 러시아 파병 이후 빈번해지고 있다"고 말했다.',
        "ko",
    ),
    (
        "Pro-Russian hacktivists claim attacks on ministries",
        "Pro-Russian hacktivists launched DDoS attacks on ministry sites after North Korea sent troops to Russia.",
        "en",
    ),
    (
        "脱北者の個人情報、ハッキングで流出",
        "当局は不正侵入の背後関係には触れなかった。情報が漏れれば北朝鮮内にいる家族が監視される恐れがある。"
        "北朝鮮にはサイバー攻撃を仕掛ける組織があるとされ、これまで起きた攻撃への関与が指摘される。",
        "ja",
    ),
    ("북 노동자 러시아 파견 늘어", "", "ko"),
]


@pytest.mark.parametrize(("title", "text", "language"), CONFUSERS)
def test_confuser_kinds(tagger, title, text, language):
    tags = tagger.tag(title, text, language)
    assert not tags.dprk_cyber
    assert tags.dprk_related  # the DPRK is still what the text is about, or part of it


@pytest.mark.parametrize(
    "title",
    [
        "North Korean hackers breached the network of a law firm",
        "North Korean hackers breached the trust company's servers",
        "North Korean hackers exploited a vulnerability to steal data",
        "North Korean hackers found a vulnerability to exploit in the VPN",
    ],
)
def test_the_cyber_senses_stay(tagger, title):
    assert tagger.tag(title, "", "en").dprk_cyber


def test_a_culprit_named_keeps_the_dprk_in_a_breach_the_authority_did_not_attribute(tagger):
    text = "当局は不正侵入の背後関係には触れなかった。専門家は北朝鮮のハッカー集団による犯行の可能性が高いと分析した。"
    assert tagger.tag("脱北者の個人情報、ハッキングで流出", text, "ja").dprk_cyber


CT1_CONFUSERS = [
    ("North Korea's first cyber-cafe opened in 2002", "", "en"),
    ("North Korean vessels exploiting tracking system flaws to evade sanctions", "", "en"),
    ("Sanctions evasion", "North Korean tankers continue to exploit the flags of other states.", "en"),
    ("North Korean drone breached the presidential no-fly zone, officials say", "", "en"),
    (
        "Drones from the North",
        "North Korea has sent drones into South Korean airspace. The South rarely answers their intrusion with jets.",
        "en",
    ),
    ("북한, 사흘 연속 GPS 전파 교란 공격", "", "ko"),
    ("北朝鮮、航空機にGPS妨害", "北朝鮮が本格的な対南電子攻撃を開始したと分析されている。", "ja"),
    (
        "防衛白書 北朝鮮の脅威",
        "北朝鮮の核・ミサイルの脅威に変化はない。また、中国やロシアが宇宙・サイバー分野の能力を強化していると指摘した。",
        "ja",
    ),
    ("Studio halts its North Korea parody after hackers wipe game data", "", "en"),
    ("Hackers deface a shooter game", "The hackers, who sympathize with North Korea, left a message.", "en"),
    ("北 '美 대북 사이버공격 준비' 보도에 반발", "", "ko"),
    (
        "노동신문, 미국 비난",
        "(평양 3월 2일발 조선중앙통신) 미국 중부사령부가 이슬람국가에 동조하는 해커의 공격을 받았다. "
        "미국은 피해 규모를 밝히지 않았다. 신문은 이를 두고 미국의 이중 기준을 비난했다. 북한은 이날 새 발사대를 공개했다.",
        "ko",
    ),
]


@pytest.mark.parametrize(("title", "text", "language"), CT1_CONFUSERS)
def test_ct1_confuser_kinds(tagger, title, text, language):
    tags = tagger.tag(title, text, language)
    assert not tags.dprk_cyber
    assert tags.dprk_related


@pytest.mark.parametrize(
    "title",
    [
        "North Korean hackers breached a drone maker's network",
        "North Korean hackers exploited flaws in shipping software",
        "North Korean hackers jammed nothing: they stole data from an internet cafe chain",
    ],
)
def test_ct1_cyber_senses_stay(tagger, title):
    assert tagger.tag(title, "", "en").dprk_cyber


CT2_CONFUSERS = [
    (
        "Watchdog warns of cyberattacks in the wake of North Korea's troop deployment to Russia",
        "Amid the war, as well as North Korea's dispatch of troops, cyber threats against agencies are rising.",
        "en",
    ),
    (
        "'숙청 동영상' 스미싱 주의보",
        "북한 고위 인사 숙청 사태와 관련해 시민들의 높아진 관심을 이용해 이런 내용을 담은 스미싱이 등장했다.",
        "ko",
    ),
    ("군무원 구속", '군무원은 북한에 당했다고 주장하지만, 정보사는 "해킹이 아니었다"고 보고 있다.', "ko"),
    (
        "北朝鮮で大規模なネットワーク中断",
        "北朝鮮は7日に大規模な中断が起きた。外部からのサイバー攻撃ではないと推測されている。",
        "ja",
    ),
    (
        "北朝鮮の独自OS",
        "北朝鮮の独自OSの調査は、ハンブルクで開かれたハッカーやセキュリティー研究者の会合で公表された。",
        "ja",
    ),
    ("북한 서버 접속 장애", "북한 주요 기관 사이트들에 대한 인터넷 접속이 이틀째 원활하지 않다.", "ko"),
    ("북한 사이버 공격 받아 인터넷 6시간 먹통", "", "ko"),
    (
        "해킹 사건, 수사 의뢰",
        '통일부는 해킹 사실을 확인하고 수사를 의뢰했다. 북한 소행 가능성에 대해 당국자는 "수사기관이 파악 중"이라고만 말했다.',
        "ko",
    ),
    (
        "Hackers steal data on 1,000 North Korean defectors",
        "The ministry did not identify the hackers. North Korea is known for constant cyberattacks on its rival. "
        "About 1,000 people flee North Korea each year.",
        "en",
    ),
    (
        "Lender hack",
        "The hack of the lender seems not to have been North Korean hackers after all: the thieves returned the funds.",
        "en",
    ),
]


@pytest.mark.parametrize(("title", "text", "language"), CT2_CONFUSERS)
def test_ct2_confuser_kinds(tagger, title, text, language):
    tags = tagger.tag(title, text, language)
    assert not tags.dprk_cyber
    # an open question or a ruled-out suspect leaves no DPRK signal at all (as in the earlier rounds)
    assert tags.dprk_related or "파악 중" in text or "not to have been" in text


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        (
            "北朝鮮のハッカーが暗号資産を窃取",
            "サイバーセキュリティ研究者によると、北朝鮮のハッカー集団が交換所を攻撃した。",
            "ja",
        ),
        ("Breach", "It was not a simple hack but an organised cyberattack by North Korean hackers.", "en"),
        ("대북 관련 기업 사이버 공격 당해", "", "ko"),
        ('국정원 "북한 해커, 방산업체 해킹"', "", "ko"),
    ],
)
def test_ct2_dprk_cyber_stays(tagger, title, text, language):
    assert tagger.tag(title, text, language).dprk_cyber


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("북한판 보이스피싱 기승", "ko"),
        ('"北 여성, 중국 방문해 보이스피싱"', "ko"),
        ("North Korean women ran a voice phishing ring in China", "en"),
        ("美 북한전문 웹사이트 디도스 공격받아…주체는 몰라", "ko"),
    ],
)
def test_ct3_headline_confusers(tagger, title, language):
    """From CT3 (205 headlines that name the DPRK beside a word that sounds like hacking): telephone fraud
    (보이스피싱) is no intrusion; a site that covers the DPRK (북한전문 웹사이트) is not the DPRK."""
    tags = tagger.tag(title, "", language)
    assert not tags.dprk_cyber


def test_a_phishing_headline_stays(tagger):
    assert tagger.tag("북한 해커, 국방부 사칭 피싱 메일 유포", "", "ko").dprk_cyber


@pytest.mark.parametrize(
    ("title", "language"),
    [
        ("北朝鮮、仮想通貨詐欺で荒稼ぎ", "ja"),
        ("FBI warns crypto firms of North Korean crypto scams", "en"),
        ("북한, 가상자산 사기로 수익", "ko"),
        ("北朝鮮、暗号業界への巧妙な攻撃を強化", "ja"),
        ("金融システムへの攻撃、北韓の手口と一致", "ja"),
        ("米財務省、北朝鮮制裁関連でトルネードキャッシュを制裁指定", "ja"),
        ('"재택 가능" 北 IT전문가들, 해외 기업서 거액 챙겨', "ko"),
    ],
)
def test_ht3_headline_kinds(tagger, title, language):
    """From HT3 (144 training headlines, mostly Japanese): crypto fraud (仮想通貨詐欺), attacks on the crypto
    industry and on computer systems (システムへの攻撃), the mixer named in katakana under DPRK sanctions, the
    scheme's workers as IT전문가."""
    assert tagger.tag(title, "", language).dprk_cyber


def test_a_defector_is_a_person_not_the_state(tagger):
    tags = tagger.tag("North Korean defector masterminds crypto scam", "", "en")
    assert not tags.dprk_cyber


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        ("North Korean hackers targeted organisations in the defense, manufacturing and construction sectors.",
         {"defense", "manufacturing"}),
        ("North Korean hackers hit victims in the manufacturing, home network services, media, and construction "
         "sectors.", {"manufacturing", "media"}),
        ("North Korean hackers stole data on anti-aircraft weapons systems from defense companies.", {"defense"}),
        ("北朝鮮のハッカーが陸軍士官学校出身の軍将校約60人にメールを送った。", {"defense"}),
    ],
)  # fmt: skip
def test_st1_sector_kinds(tagger, text, sectors):
    """From ST1 (24 training texts): a list whose other items are no sectors ("... and construction sectors")
    keeps its sectors; anti-aircraft arms are defense, not aerospace; officers (軍将校) are the military."""
    assert set(tagger.tag("x", text).sectors) == sectors


def test_exchanges_used_to_launder_are_the_route(tagger):
    tags = tagger.tag("North Korean hackers", "Andariel laundered stolen funds through cryptocurrency exchanges.", "en")
    assert tags.dprk_cyber and "cryptocurrency" not in tags.sectors
    stolen = tagger.tag("North Korean hackers", "Lazarus stole cryptocurrency and laundered it through mixers.", "en")
    assert "cryptocurrency" in stolen.sectors
