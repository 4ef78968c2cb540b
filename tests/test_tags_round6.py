"""Issue 16, sixth round: how the military, ministries, aides and a few industries are named as victims.

A systematic pass by sector and language (not by a text's error): each sentence is written for this test in
the shape of a report's sentence; none is taken from an article. Confusers: the same words as sources, bait or
the DPRK's own, which must stay quiet.
"""

import pytest

from bot.tagging import get_tagger
from tests.test_tags_short import assert_dprk_sectors


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


VICTIMS = [
    # the military as an institution: bare, possessed, coordinated, its commands and people
    ("North Korean hackers hacked the South's military, a spokesman said.", {"defense"}),
    (
        "North Korean hackers have targeted the South Korean government and military since 2012.",
        {"defense", "government"},
    ),
    ("North Korea is suspected in a hack of South Korea's cyber command.", {"defense"}),
    ("North Korean hackers targeted soldiers and military officers with malware-laden messages.", {"defense"}),
    ("North Korean hackers compromised the smartphones of dozens of military commanders.", {"defense"}),
    ("North Korean hackers stole wartime operational plans from the army's data center.", {"defense"}),
    ("North Korean hackers attacked troops' computers at a frontline unit.", {"defense"}),
    # a defense ministry is a ministry too
    ("North Korean hackers broke into the defense ministry's network.", {"defense", "government"}),
    # aircraft and rockets as makers' modifiers
    ("North Korean hackers breached the network of a fighter jet maker.", {"aerospace"}),
    ("North Korean hackers attacked helicopter and drone makers.", {"aerospace"}),
    ("North Korean hackers stole data from a rocket developer.", {"space"}),
    # who governs: aides, intelligence officials, policymakers, missions
    ("North Korean hackers targeted aides to the president.", {"government"}),
    ("North Korean hackers hacked the email of an aide to the president.", {"government"}),
    ("North Korean hackers targeted U.S. intelligence officials.", {"government"}),
    ("North Korean hackers targeted diplomatic missions in Europe.", {"government"}),
    ("North Korean hackers targeted policymakers in Washington and Seoul.", {"government"}),
    # finance, telecoms and media nouns
    ("North Korean hackers attacked a credit card company.", {"finance"}),
    ("North Korean hackers attacked an internet service provider.", {"telecommunications"}),
    ("North Korean hackers breached a news website and planted malware.", {"media"}),
    ("North Korean hackers attacked television stations.", {"media"}),
    # a paralysed network was hit
    ("North Korean hackers paralysed the networks of broadcasters and banks.", {"finance", "media"}),
    # Korean: 군 standing alone, the cyber command, soldiers, aides; malware spread (유포) to them
    ("북한 해킹조직이 군 전산망에 침투했다.", {"defense"}),
    ("북한이 우리 군을 노려 사이버 공격을 벌였다.", {"defense"}),
    ("북한 해커들이 정부와 군을 겨냥해 공격했다.", {"defense", "government"}),
    ("북한 해킹조직이 사이버사령부 서버를 해킹했다.", {"defense"}),
    ("북한 해커들이 군 장병들에게 악성 앱을 유포했다.", {"defense"}),
    ("북한 해킹조직이 국회의원 보좌관들의 이메일을 해킹했다.", {"government"}),
    # Japanese: 軍 standing alone and in a list, weapons makers, mail sent (送った), experts, a fraudulent transfer
    ("北朝鮮のハッカーが韓国政府や軍を標的にサイバー攻撃を仕掛けた。", {"defense", "government"}),
    ("北朝鮮のハッカーが軍の関係者のスマートフォンをハッキングした。", {"defense"}),
    ("北朝鮮のハッカー集団が兵器メーカーの社員に偽の求人メールを送った。", {"defense"}),
    ("北朝鮮のハッカーが大学の研究者にフィッシングメールを送った。", {"think-tanks-academia"}),
    ("北朝鮮のハッカーが記者にフィッシングメールを送った。", {"media"}),
    ("北朝鮮のハッカーが北朝鮮問題の専門家を狙った。", {"think-tanks-academia"}),
    ("北朝鮮のハッカーが銀行から不正送金した。", {"finance"}),
    ("北朝鮮のハッカーがセキュリティソフトの開発会社をハッキングした。", {"technology"}),
]

NOT_VICTIMS = [
    # the ministry or the military speaks
    ("The defense ministry said North Korean hackers stole data from shipbuilders.", {"manufacturing"}),
    ("The military said North Korean hackers had breached two shipbuilders.", {"manufacturing"}),
    ("국방부는 북한 해커가 조선업체를 해킹했다고 밝혔다.", {"manufacturing"}),
    ("군은 북한 해킹조직이 반도체 업체를 공격했다고 밝혔다.", {"manufacturing"}),
    ("北朝鮮のハッカーが銀行を攻撃したと軍は発表した。", {"finance"}),
    (
        "North Korean hackers stole $50 million from a crypto exchange, the intelligence officials said.",
        {"cryptocurrency"},
    ),
    # bait: posing as officers, mail that appeared to come from the ministry (to its real recipients)
    ("North Korean hackers posing as military officers targeted bank employees.", {"finance"}),
    (
        "North Korean hackers sent fake messages that appeared to come from the defense ministry to bank staff.",
        {"finance"},
    ),
    # the DPRK's own military and its units
    ("Soldiers of the North Korean army run hacking units that target banks.", {"finance"}),
    ("North Korean military hackers targeted banks.", {"finance"}),
    ("북한군 해킹부대가 은행을 공격했다.", {"finance"}),
    ("북한 군 정찰총국 소속 해커들이 은행을 공격했다.", {"finance"}),
    ("北朝鮮の軍の偵察総局のハッカーが暗号資産交換業者を攻撃した。", {"cryptocurrency"}),
    # a venue, not a victim; a national security adviser speaking
    ("North Korean hackers targeted power companies, the parliament's intelligence committee was told.", {"energy"}),
    ("국정원은 국회 정보위원회에서 북한 해커들이 정부 기관을 해킹했다고 보고했다.", {"government"}),
    ("백악관 국토안보보좌관은 북한 해커들이 병원을 공격했다고 밝혔다.", {"healthcare"}),
    # a county (군) and weapons data are no organisation (stolen military secrets are: test_tags_round8.py)
    ("북한 해커들이 정부와 군청을 겨냥해 공격했다.", set()),
    ("North Korean hackers stole missile designs and weapons data.", set()),
]


@pytest.mark.parametrize(("text", "sectors"), VICTIMS + NOT_VICTIMS)
def test_round_six_sector_names(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


HEADLINES = [
    # the DPRK aiming at or stealing from a sector's organisations is cyber in a headline
    ("North Korea Targeting Japanese Research Institutes", {"think-tanks-academia"}),
    ("UK aerospace and defense sectors targeted in new wave of North Korean attacks", {"aerospace", "defense"}),
    ("Tokyo accuses North Korea of stealing chipmakers' blueprints", {"manufacturing"}),
    ("북한, 국내 싱크탱크 겨냥", {"think-tanks-academia"}),
    ("北朝鮮、日本の研究機関を標的に", {"think-tanks-academia"}),
    # a vendor's name for the group, capitalised, with a cyber word or a targeting word and a sector
    ("Springtail deploys new Windows backdoor against Japanese ministries", {"government"}),
    ("Pearl Sleet targets journalists with fake interview requests", {"media"}),
    # a code name beside "state-sponsored"; "APT" glued to Japanese text
    ("TA444: a state-sponsored actor with a venture mindset", set()),
    ("カスペルスキー、APTグループLazarusの2023年の活動", set()),
]

HEADLINE_CONFUSERS = [
    # what missiles, troops, balloons and sanctions aim at
    "US targets Chinese banks that helped North Korea evade sanctions",
    "North Korea threatens to target US military bases in Japan",
    "North Korea fires missiles targeting waters off Japan",
    "North Korean balloons target presidential office",
    "Treasury targets North Korean IT companies",
    "North Korea targets foreign investors for economic zone",
    "북한, 미사일로 한국 발전소 겨냥 위협",
    # the insect, the weather, a form number
    "Springtail populations spike after rain, a threat to seedlings",
    "Freezing sleet targets commuters in Ohio",
    "Heavy Sleet hits roads across Ohio",
    "TA406 form: request for tax refund",
]


@pytest.mark.parametrize(("title", "sectors"), HEADLINES)
def test_round_six_headlines(tagger, title, sectors):
    tags = tagger.tag(title, "")
    assert tags.dprk_cyber, tags.evidence
    assert set(tags.sectors) == sectors, tags.evidence


@pytest.mark.parametrize("title", HEADLINE_CONFUSERS)
def test_round_six_headline_confusers(tagger, title):
    tags = tagger.tag(title, "")
    assert not tags.dprk_cyber and not tags.actors, tags.evidence


# Prompted by a new training set (after its first measurement): kinds, in sentences written here.
TRAINING_ROUND = [
    # a university hospital is a hospital, not academia
    ("North Korea hacked Seoul National University Hospital and stole patient data.", {"healthcare"}),
    ("North Korean hackers breached a university hospital's network.", {"healthcare"}),
    # a defense ministry's own systems are a ministry's too; a ministry that found the breach is neither
    ("North Korean hackers stole documents from the Defense Ministry's database.", {"defense", "government"}),
    ("北朝鮮のハッカーが韓国国防省のシステムに侵入した。", {"defense", "government"}),
    ("북한 해커들이 국방부 전산망을 해킹했다.", {"defense", "government"}),
    # since the twenty-fourth round a weapon's blueprints stolen hit the military (defense); the ministry that
    # discovered the breach still adds no government
    (
        "The breach was discovered by the defence ministry after North Korean hackers stole warship blueprints.",
        {"defense"},
    ),
    # a company's legal suffix is a head; a power generation agency is energy
    ("North Korean hackers breached Korea Shipbuilding Co. and stole designs.", {"manufacturing"}),
    ("North Korean hackers targeted a power generation agency.", {"energy"}),
    # Korean: a network broken through (뚫다), the military's officials, the security line
    ("북한 해커들이 방산협력업체 그룹웨어를 뚫었다.", {"defense"}),
    ("북한이 군 책임자들의 스마트폰을 해킹했다.", {"defense"}),
    ("북한 해킹조직이 정부 외교안보 라인을 해킹했다.", {"government"}),
    # a ministry's accredited reporters are the press
    ("북한 해커가 통일부 출입기자들에게 해킹 메일을 보냈다.", {"media"}),
    # Japanese: an internet service provider, journalists, scholars; but a crypto payment provider is no ISP
    ("北朝鮮のハッカーがインターネット・サービス・プロバイダーのネットワークを攻撃した。", {"telecommunications"}),
    ("北朝鮮のハッカーがジャーナリストを狙った。", {"media"}),
    ("北朝鮮のハッカーが学識者にフィッシングメールを送った。", {"think-tanks-academia"}),
    ("ラザルスが暗号資産決済プロバイダーから資金を盗んだ。", {"cryptocurrency"}),
    # not victims: the topic of stolen data, reporters met, the military acting, a journalist interviewed, bait
    ("北朝鮮のハッカーが発電所に関する情報を盗んだ。", set()),
    ("北朝鮮のハッカーが銀行を攻撃したと、記者団と会った議員が明らかにした。", {"finance"}),
    ("北朝鮮のハッカーが銀行を攻撃し、軍は警戒レベルを引き上げた。", {"finance"}),
    ("北朝鮮のハッカーが銀行を攻撃した。ラザルスを追うジャーナリストに聞いた。", {"finance"}),
    ("북한 해커들이 공공기관 사이트와 비슷한 미끼 사이트로 악성코드를 유포했다.", set()),
]


@pytest.mark.parametrize(("text", "sectors"), TRAINING_ROUND)
def test_round_six_training_set_kinds(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


MORE_HEADLINES = [
    # the DPRK attacking a sector's companies; the IT-worker scheme as fake workers or 'IT warriors'
    ("NBC: N.Korea tried to attack US power companies", {"energy"}, ()),
    ("Justice Department uncovers North Korean fake US workers scheme", {"technology"}, ("Famous Chollima",)),
    ("Remote North Korean 'IT warriors' funneled millions to weapons programs", {"technology"}, ("Famous Chollima",)),
    # mail sent under a false name is phishing
    ("검찰·기자 사칭해 통일 전문가에게 메일…북한 소행", set(), ()),
    ("北朝鮮、政府職員になりすましメールを送付", set(), ()),
    # a list of katakana names joined by ・; Microsoft's old names in Korean, Japanese and English
    (
        "北朝鮮のハッカー組織ラザルス・アンダリエル・キムスキーが防衛産業を狙った",
        {"defense"},
        ("Andariel", "Kimsuky", "Lazarus Group"),
    ),
    ("북한 해커집단 ‘라자루스’와 ‘세륨’, 제약사 공격", {"healthcare"}, ("Lazarus Group", "Ruby Sleet")),
    ("North Korean groups Zinc and Cerium targeted vaccine makers", {"healthcare"}, ("Lazarus Group", "Ruby Sleet")),
]

MORE_CONFUSERS = [
    "North Korea vows to attack South Korean broadcasters",
    "North Korea warns it will attack South Korean newspapers",
    "북한, 남한 언론사 공격하겠다고 경고",
    "North Korean workers in Russia build apartments",
    "세륨 가격이 올랐다",
    "Cerium prices rise as rare earth supply tightens",
]


@pytest.mark.parametrize(("title", "sectors", "actors"), MORE_HEADLINES)
def test_round_six_more_headlines(tagger, title, sectors, actors):
    tags = tagger.tag(title, "")
    assert tags.dprk_cyber, tags.evidence
    assert set(tags.sectors) == sectors and tuple(tags.actors) == actors, tags.evidence


@pytest.mark.parametrize("title", MORE_CONFUSERS)
def test_round_six_more_confusers(tagger, title):
    tags = tagger.tag(title, "")
    assert not tags.dprk_cyber and not tags.actors, tags.evidence


def test_a_form_number_beside_state_sponsored_grants_names_no_actor(tagger):
    tags = tagger.tag("Form TA406: apply for state-sponsored tuition grants", "")
    assert not tags.dprk_cyber and not tags.actors, tags.evidence


@pytest.mark.parametrize(
    ("title", "dprk_cyber", "sectors"),
    [
        ("Lazarus stole $81 million from Bangladesh's central bank", True, {"finance"}),
        ("North Korean hackers compromised a managed service provider.", True, {"technology"}),
        ("Lazarus stole the show at the film festival", False, set()),
        ("Lazarus Chakwera stole the election, opposition says", False, set()),
    ],
)
def test_lazarus_stealing_from_a_sector(tagger, title, dprk_cyber, sectors):
    tags = tagger.tag(title, "")
    assert tags.dprk_cyber == dprk_cyber and set(tags.sectors) == sectors, tags.evidence


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        ("북한 해커들이 통신 3사를 공격했다.", {"telecommunications"}),
        ("北朝鮮のハッカーが官公庁を攻撃した。", {"government"}),
        ("北朝鮮のハッカーが報道各社を狙った。", {"media"}),
        ("北朝鮮のハッカーがテレビ局を攻撃した。", {"media"}),
        ("北朝鮮のハッカーが医療機関に身代金を要求した。", {"healthcare"}),
        ("북한 해커들이 병원에 몸값을 요구했다.", {"healthcare"}),
    ],
)
def test_round_six_cjk_nouns(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


@pytest.mark.parametrize(
    ("title", "dprk_cyber"),
    [
        ("North Korean spies posed as recruiters on LinkedIn", True),
        ("FBI warns of North Korean social engineering attacks against crypto firms", True),
        ("North Korean agents infiltrated Western firms as freelancers", True),
        ("北朝鮮工作員がリモートワークで米企業に潜入", True),
        ("North Korea's social engineering of its citizens", False),
        ("North Korea to send freelancers of art to China exhibition", False),
    ],
)
def test_round_six_social_engineering_and_freelancers(tagger, title, dprk_cyber):
    assert tagger.tag(title, "").dprk_cyber == dprk_cyber


@pytest.mark.parametrize(
    ("title", "dprk_cyber"),
    [
        ("北朝鮮、日本企業の従業員装い偽の求人", True),
        ("북한, 가짜 채용 공고로 개발자 노려", True),
        ("偽の求人広告に注意 ハローワーク", False),  # a fake job ad with no DPRK
    ],
)
def test_round_six_job_lures_in_korean_and_japanese(tagger, title, dprk_cyber):
    assert tagger.tag(title, "").dprk_cyber == dprk_cyber


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        # approached or contacted (social engineering), malware installed on
        (
            "북한 해킹조직이 미국과 한국의 정부 기관과 학계, 싱크탱크 등에 접근했다.",
            {"government", "think-tanks-academia"},
        ),
        ("北朝鮮のハッカー集団が各国の学識者やシンクタンクに連絡し、情報を入手していた。", {"think-tanks-academia"}),
        ("북한 해커들이 방산협력업체 그룹웨어의 허점을 악용해 악성코드를 설치했다.", {"defense"}),
        # access rights are no approach
        ("북한 해커들이 은행을 공격했다. 관리자 계정에 접근 권한이 있었다.", {"finance"}),
    ],
)
def test_round_six_approaches_and_installed_malware(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


@pytest.mark.parametrize(
    "text",
    [
        "North Korean ransomware hit hospitals; the hackers requested at least $300 in bitcoin to decrypt files.",
        "北朝鮮のハッカーが病院を攻撃し、犯罪者のアカウントにビットコインが送られていた。",
    ],
)
def test_bitcoin_requested_or_sent_as_a_ransom_names_no_crypto_victim(tagger, text):
    tags = tagger.tag("", text)
    assert tags.dprk_cyber and set(tags.sectors) == {"healthcare"}, tags.evidence


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ('익명 해커, 北 선전매체 해킹 주장…"러시아 지원한 대가"', ""),
        (
            '북 선전, 우리민족끼리 해킹 "처음 아니다"',
            "북한의 대남 선전용 웹사이트인 '우리민족끼리'가 해킹 당했다고 국가정보원이 확인했다.",
        ),
        ("American hacker says he took down North Korea's internet", "North Korea's internet was knocked offline."),
        ("北朝鮮の宣伝サイトがダウン、ハッカーが犯行声明", ""),
    ],
)
def test_the_dprk_as_the_victim_of_a_hack_is_no_dprk_cyber(tagger, title, text):
    tags = tagger.tag(title, text)
    assert not tags.dprk_cyber and tags.dprk_related, tags.evidence


@pytest.mark.parametrize(
    "text",
    [
        "국내 반도체 장비업체 2개사가 북한으로부터 서버를 해킹당했다.",  # from North Korea: the author
        "North Korea's internet went down. Days later North Korean hackers attacked US banks.",  # an agent too
        "북한 해커가 국내 언론사 웹사이트를 해킹했다.",
    ],
)
def test_the_dprk_as_author_beside_websites_stays_dprk_cyber(tagger, text):
    assert tagger.tag("", text).dprk_cyber


@pytest.mark.parametrize(
    "title",
    [
        # a speaker and a quotation: the commas inside the quotation make no digest
        "국정원, “DDoS공격 배후, 북한과 그 추종세력으로 추정” 발표",
        # "the North" in Japanese written 北の / 北 glued to a cyber word; the leader; a programmer indicted
        "韓国新聞社ハッキング「北のサイバーテロ」",
        "日本も狙う北サイバー部隊の世界的犯行",
        "大統領府HPがハッキング、「偉大なる金正恩首領」の書き込み",
        "米、北朝鮮プログラマー起訴",
        # infiltrating a sector's companies; the IT-worker scheme and false identities in Japanese and Korean
        "「仮想通貨企業の最大20%に北朝鮮が潜入」",
        "北朝鮮IT人材が偽装就業、米司法省が「ラップトップファーム」29ヵ所を摘発",
        "北朝鮮の工作員が偽の身元を使ってブロックチェーン企業に侵入",
        "북한의 한 IT 기술자가 일본에서 스마트폰 앱 개발에 관여",
        # an intrusion, virus mail, mail under a false name
        "大学院のEメール、北朝鮮と見られる勢力が不正侵入",
        "「国政介入事件」ウイルスメールは北朝鮮の犯行",
        "北朝鮮の核実験直後、政府の主要機関を名乗る所から電子メールが大量に送付された",
        # a Japanese quotation naming the DPRK and hacking
        "韓国国家情報院「北朝鮮、韓国の半導体装備企業のサーバーハッキングし図面奪取」",
    ],
)
def test_round_six_korean_and_japanese_headlines(tagger, title):
    assert tagger.tag(title, "").dprk_cyber, tagger.tag(title, "").evidence


@pytest.mark.parametrize(
    "title",
    [
        '"Briefing: North Korea missile launch, exchange rates, and a retail data breach"',  # a digest in quotes
        "北の大地でハッキング大会",  # the north (Hokkaido), not the DPRK
        "金正恩氏、ミサイル発射を視察",
        "北海道の企業がサイバー攻撃受ける",
    ],
)
def test_round_six_korean_and_japanese_headline_confusers(tagger, title):
    assert not tagger.tag(title, "").dprk_cyber


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        # industrial control systems are a plant's machinery, not manufacturers
        (
            "North Korean hackers phished power companies but did not reach their industrial control systems.",
            {"energy"},
        ),
        ("North Korean hackers targeted industrial companies in Europe.", {"manufacturing"}),
        # agencies that warn or recommend speak
        ("North Korean hackers target hospitals, federal agencies warn", {"healthcare"}),
        # a financial-security software vendor is technology; the machinery sector is manufacturing
        ("북한 해킹조직이 금융보안업체의 전산망을 해킹했다.", {"technology"}),
        ("북한 해킹조직이 국내 건설·기계 분야 업체를 겨냥했다.", {"manufacturing"}),
        # professors in a field are academia, not the field; a research team
        ("북한 해커가 외교·통일·안보·국방 분야 교수 등 800여 명에게 악성 메일을 보냈다.", {"think-tanks-academia"}),
        ("북한 해커가 대학 연구진의 이메일을 해킹했다.", {"think-tanks-academia"}),
        # Korea's ministries as Japanese writes them; cash machines
        ("北朝鮮のハッカーが国防部と外交部の職員にウイルスメールを送った。", {"defense", "government"}),
        ("北朝鮮のハッカーが現金自動出入機から顧客情報を盗んだ。", {"finance"}),
        # impersonated (詐称) and reporting outlets (報道各社が伝えた) are no victims
        ("北朝鮮のハッキング組織が記者らを詐称し、北朝鮮問題の専門家にメールを送った。", {"think-tanks-academia"}),
        ("北朝鮮のハッカーが製薬会社に侵入を試みた。報道各社が伝えた。", {"healthcare"}),
    ],
)
def test_round_six_training_set_two_kinds(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


def test_it_talent_in_japanese_is_not_the_it_worker_scheme_on_its_own(tagger):
    tags = tagger.tag("北朝鮮、IT人材の育成に注力", "北朝鮮のIT人材が中国でハッキング技術を学んでいる。")
    assert "Famous Chollima" not in tags.actors, tags.evidence


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        ("北朝鮮のハッカーが米製薬大手のシステムへ侵入を試みた。", {"healthcare"}),  # X大手: a major X company
        ("北朝鮮のハッカーが防衛大手を狙った。", {"defense"}),
    ],
)
def test_a_major_company_in_japanese(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


@pytest.mark.parametrize(
    ("title", "dprk_cyber"),
    [
        ("N. Korea-linked group behind attack on crypto firm", True),  # a sector's firm, singular
        ("NK hackers steal $30m from gaming platform", True),  # a weak signal right before hackers
        ("DPRK-linked actors target macOS users", True),  # state-linked actors are threat actors
        ("North Korea laundered crypto through mixers", True),
        ("NK cells boost immune response", False),
        ("North Korean actors star in propaganda film", False),
        ("RGB lighting hacks for gamers", False),
    ],
)
def test_round_seven_headline_shapes(tagger, title, dprk_cyber):
    assert tagger.tag(title, "").dprk_cyber == dprk_cyber


@pytest.mark.parametrize(
    ("title", "dprk_cyber"),
    [
        # a theft of money by the million
        ("North Korea stole $81 million from a bank account", True),
        ("FBI、Bybitからの15億ドル相当窃盗は「北朝鮮関与か」", True),
        ("North Korean defector stole $5 million from a casino", False),
        ("North Korean restaurant workers stole 300 dollars", False),
        ("North Korea earned $500 million from arms sales", False),
        # Japanese: attackers, attack groups, unauthorized outflows and acquisitions, sneaking into firms
        ("北朝鮮、暗号資産を不正取得", True),
        ("北朝鮮による不正流出の疑い", True),
        ("北朝鮮系の攻撃グループが日本の組織を狙う", True),
        ("北朝鮮の攻撃者が偽の採用面接を悪用", True),
        ("北朝鮮がAIを悪用してIT企業に潜り込む", True),
        ("偵察総局傘下の組織が関与", False),  # the RGB named, no cyber word: related only
        ("在宅勤務が広がる 北海道", False),
        # the IT-worker scheme: North Korean engineers developing apps, remote IT jobs in Korean
        ("北朝鮮技術者、日本のアプリ開発か", True),
        ("北朝鮮のIT要員、身分偽り在宅勤務", True),
        ("美, 北 불법 원격 IT기업 취업·무기 자금 조달 적발", True),
        ("An Update on the North Korean Threat Landscape", True),
    ],
)
def test_round_seven_headlines(tagger, title, dprk_cyber):
    assert tagger.tag(title, "").dprk_cyber == dprk_cyber, tagger.tag(title, "").evidence
