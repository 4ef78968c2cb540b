"""Issue 16, eighth round: victims named by what was stolen from them, and more industries' words.

Each sentence is written for this test in the shape of a report's sentence; none is taken from an article.
Confusers: the same words where nothing was hit (data sought by a lure, the DPRK's own programme), which must
stay quiet.
"""

import pytest

from bot.tagging import get_tagger
from tests.test_tags_short import assert_dprk_sectors


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


VICTIMS = [
    # electric companies are energy, like power companies
    ("North Korean hackers targeted U.S. electric companies with spear-phishing emails.", {"energy"}),
    ("Suspected North Korean hackers tried to infiltrate electric utilities last month.", {"energy"}),
    # military secrets stolen or leaked: the military was breached
    ("North Korean hackers stole classified military documents from the South.", {"defense"}),
    ("Lawmakers said the hackers, believed to be North Korean, stole military secrets.", {"defense"}),
    ("Seoul accused North Korea of hacking and leaking sensitive military secrets and war plans.", {"defense"}),
    ("북한 해킹조직이 군사기밀을 빼돌린 것으로 드러났다.", {"defense"}),
    ("북한 해커가 국군의 작전계획을 탈취했다.", {"defense"}),
    ("北朝鮮のハッカー集団が軍事機密を盗み出したとみられる。", {"defense"}),
    ("北朝鮮による不正アクセスで軍事資料が流出した。", {"defense"}),
    # a systematic battery by sector (written before the round's new texts were read)
    ("A payment processor was breached by North Korea-linked hackers.", {"finance"}),
    ("A drug company developing a vaccine was targeted by North Korean hackers.", {"healthcare"}),
    ("North Korean hackers siphoned funds from banks in Asia.", {"finance"}),
    ("디파이 프로토콜이 북한 해커에게 3천만 달러를 털렸다.", {"cryptocurrency"}),
    ("分散型金融のプロトコルが北朝鮮のハッカーに3000万ドルを盗まれた。", {"cryptocurrency"}),
    ("北朝鮮のハッカーが国会議員や秘書を標的にした。", {"government"}),
    ("북한 해킹조직이 국회의원들에게 악성 메일을 보냈다.", {"government"}),
    ("医療機関が北朝鮮のランサムウェア攻撃を受けた。", {"healthcare"}),
    ("石油会社とガス会社が北朝鮮のハッカーの標的になった。", {"energy"}),
    ("정유사와 가스 회사가 북한 해커들의 표적이 됐다.", {"energy"}),
    ("北朝鮮のハッカー、IT企業のサーバーを乗っ取り", {"technology"}),
    ("北朝鮮のハッカーが政府高官のメールをハッキングした。", {"government"}),
    ("북한 해커들이 고위 공직자들의 이메일을 해킹했다.", {"government"}),
    # a space agency is a government agency; military commands and bases; victims in Japanese; an ATM variant
    ("North Korean hackers targeted the US space agency.", {"government", "space"}),
    (
        "米国の被害者には米航空宇宙局や空軍基地も含まれていると述べた。北朝鮮のハッカーが関与した。",
        {"defense", "government", "space"},
    ),
    ("北朝鮮による米韓連合司令部のPCに対するハッキング事例もあった。", {"defense"}),
    ("北朝鮮ハッカーが韓国内の現金自動預払機(ATM)をハッキングした。", {"finance"}),
    # lists of what was hit: "the affected industries include", 대상은 ... 등, ... 등 최소 N곳을 타깃으로, も対象
    (
        "North Korean hackers struck again. The affected industries include manufacturing, media, and construction.",
        {"manufacturing", "media"},
    ),
    ("North Korean hackers struck again. Victims included banks and crypto exchanges.", {"cryptocurrency", "finance"}),
    (
        "북한 해킹조직의 공격이 포착됐다. 이번 공격의 대상은 소프트웨어, 금융, 반도체, 통신 등 최소 6개 조직에 이른다.",
        {"finance", "manufacturing", "technology", "telecommunications"},
    ),
    (
        "북한 해킹 그룹이 국내 주요 산업군인 IT·금융·통신 등 최소 6곳을 타깃으로 공격을 벌였다.",
        {"finance", "technology", "telecommunications"},
    ),
    ("北朝鮮のハッカー集団の攻撃で、銀行のほか政府機関やメディアも対象となった。", {"finance", "government", "media"}),
    ("被害を受けた企業には、北朝鮮のハッカーにより携帯電話事業大手の関連企業も含まれていた。", {"telecommunications"}),
    ("North Korean hackers targeted machinery makers in South Korea.", {"manufacturing"}),
    # election commissions, consulates, another country's foreign ministry (외무부)
    ("Kimsuky breached South Korea's National Election Commission.", {"government"}),
    ("북한 해킹조직이 중앙선거관리위원회를 해킹했다.", {"government"}),
    ("北朝鮮のハッカーが選挙管理委員会のシステムに侵入した。", {"government"}),
    ("북한 해킹조직이 러시아 외무부와 영사관을 해킹했다.", {"government"}),
    # the UN's staff; foreign-affairs experts
    ("Kimsuky has targeted at least 28 UN officials with spear-phishing.", {"government"}),
    (
        "The North Korean hacking group targeted foreign affairs experts with fake interview requests.",
        {"think-tanks-academia"},
    ),
    # a hard-wrapped sentence is one sentence
    (
        "Reports say so.\nNorth Korean hacking groups have infiltrated the systems of\nSouth Korean "
        "financial institutions and news outlets, foreign\ndefense companies.",
        {"defense", "finance", "media"},
    ),
]


QUIET = [
    # the malware's authors are no software makers hit
    (
        "The North Korean crew hacked SWIFT banks and is believed to be the developers of the WannaCry ransomware.",
        {"finance"},
    ),
    # stealing military secrets as an aim, not a theft that took place
    (
        "The campaign by North Korean hackers has focused on stealing military secrets and crypto exchanges.",
        {"cryptocurrency"},
    ),
    # military information only sought, or the DPRK's own
    ("North Korean hackers sought military information with lures posing as journalists.", set()),
    ("북한 해커들이 군사 정보를 노린 피싱 메일을 기자를 사칭해 보냈다.", set()),
    ("North Korean hackers stole data on electric vehicles from a crypto exchange.", {"cryptocurrency"}),
    # a list of industries that are not the attack's
    ("North Korean hackers targeted exchanges. Sanctions affected industries including shipping and mining.", set()),
    # "IT" inside a Latin word is no sector
    ("The LIT and ITEM teams said North Korean hackers attacked.", set()),
    # the hackers' own unit ("소속", "傘下") is no victim
    ("북한 사이버사령부 소속 해커들이 은행을 공격했다.", {"finance"}),
    ("北朝鮮軍偵察総局傘下のハッキング集団が病院を攻撃した。", {"healthcare"}),
    # an agency named 군사정보 is not data
    ("북한 해커들이 가상자산을 탈취했다고 군사정보사령부가 밝혔다.", {"cryptocurrency"}),
]


QUOTED_EXPERTS = [
    # an expert quoted on the attack: the university is the speaker's, not a victim
    (
        "North Korean hackers stole $100 million from an exchange, said Kim Min-su, a professor at Korea "
        "University's graduate school of information security.",
        set(),
    ),
    (
        "North Korean hackers stole $100 million from banks. Korea University professor Kim Min-su said the "
        "hackers launder funds quickly.",
        {"finance"},
    ),
    (
        "北朝鮮のハッカーが銀行から1億ドルを盗んだ。高麗大学情報保護大学院のキム教授は「資金洗浄が速い」と話した。",
        {"finance"},
    ),
    ('북한 해커들이 은행을 털었다. 한 대학 연구원은 "피해가 크다"고 말했다.', {"finance"}),
]


QUOTED_OFFICIALS = [
    # a body's official quoted on the attack speaks; the body is not named as hit
    ("北朝鮮のハッカー組織が取引所から暗号資産を盗んだ。政府関係者は「国家が背後にある」とした。", {"cryptocurrency"}),
    ('북한 해커들이 거래소를 털었다. 정부 관계자는 "국가 배후 세력으로 보인다"고 말했다.', {"cryptocurrency"}),
    ("北朝鮮のハッカーが銀行を狙った。IT会社の関係者は「添付ファイルは悪性だ」と述べた。", {"finance"}),
    ("North Korean hackers targeted banks, the South Korean Ministry of Foreign Affairs said on the day.", {"finance"}),
    # officials hit stay hit
    ("北朝鮮のハッカーが政府関係者を狙った。", {"government"}),
    ("North Korean hackers breached the Ministry of Foreign Affairs network.", {"government"}),
]


EXPERTS_HIT = [
    # the same words where the experts were hit
    ("North Korean hackers targeted a professor at Korea University, police said.", {"think-tanks-academia"}),
    ('북한 해커의 표적이 된 고려대 김 교수는 "메일을 열지 않았다"고 말했다.', {"think-tanks-academia"}),
    ("北朝鮮のハッカーが大学教授を狙った。被害を受けた大学の教授は「怖い」と話した。", {"think-tanks-academia"}),
    ("북한 해커들이 연구원들을 노렸다.", {"think-tanks-academia"}),
]


HEADLINES = [
    # a heist or a robbery of millions by the DPRK is stolen online, like a theft
    "North Korea Accused of Orchestrating the $534 Million Exchange Heist",
    "North Korea behind $100 million heist, investigators say",
    "北朝鮮、5億ドル強奪か",
    "북한, 1조원 털었다",
    # the Japanese names of malware kinds
    "北朝鮮のランサムウェア、米病院を攻撃",
    "北朝鮮系グループのバックドア、新たに確認",
    # 北 as the subject in Japanese before a cyber word; a theft of millions; the IT-worker scheme as IT工作員
    "北が韓国の政府機関にサイバー攻撃 情報機関発表",
    "$200 Million Gone: North Korean Involvement in Exchange Theft",
    "北朝鮮IT工作員を見抜く質問",
    "米IT企業の求人に殺到する「北朝鮮のリモートワーカー」たち",
    # a second battery of Japanese headline shapes, written before the round's end: a sum taken from a crypto
    # firm or a bank, fake interviews and résumés, Lazarus aiming at companies of any kind
    "北朝鮮、日本の暗号資産業者から482億円",
    "北朝鮮、世界の銀行から13億ドル 米司法省が起訴",
    "북한, 거래소에서 580억 원",
    "北朝鮮、偽の就職面接で技術者狙う",
    "北朝鮮、生成AIを悪用 偽の履歴書作成",
    "ラザルス、日本企業も標的",
    "Lazarus targets Japanese companies",
    "韓国の放送局などサーバーダウン、北朝鮮関与を調査",
    # a computer network broken into or knocked out
    "韓国、軍のネットワーク侵入で北朝鮮を非難",
    "Prosecution says N. Korea behind bank's network breakdown",
    "북한, 국방부 전산망에 침투",
    # the DPRK's attack on a longer word than its own internet (인터넷뱅킹)
    "북한의 국내 인터넷뱅킹 보안업체 전산망 해킹과 관련해 금융당국이 대응에 나섰다",
]


NOT_CYBER = [
    # money flowing to the DPRK is sanctions news, not a theft
    "北朝鮮への資金流出、5億円",
    # sanctions on the DPRK are a topic: their panel hacked by someone unnamed
    "안보리 대북제재 관련부서 컴퓨터 해킹…유엔 조사 착수",
    "北朝鮮制裁委員会の専門家にハッキング",
    # the DPRK's media accusing another state
    "北朝鮮メディア「米国はハッカー帝国、最悪のならず者国家」",
    "North Korean state media calls the US a hacking empire",
    '북한 매체 "미국은 해킹 왕국"',
    # the DPRK's own bank; money sent from the DPRK
    "北朝鮮の銀行から100万ドル引き出し",
    # development work with the DPRK is no scheme by itself
    "北朝鮮、システム開発の国際協力を拡大",
    # troops crossing a border are no network intrusion
    "北朝鮮軍が韓国領内に侵入",
]


STILL_CYBER = [
    # the sanctions panel reporting the DPRK's hacking
    '유엔 대북제재위 "북한, 해킹으로 30억 달러 탈취"',
    "国連の北朝鮮制裁委員会「北朝鮮が暗号資産を窃取」",
    "北朝鮮、ITエンジニアを海外に派遣し外貨稼ぎ",
    # a denial is about the DPRK's own hacking (taxonomy.md); its media praising a hack names no other state
    "北朝鮮メディア「ソニーへのハッキングは米国のでっち上げ」",
    "North Korea's foreign ministry denies the US accusation that it hacked a bank",
    "北朝鮮メディア、韓国の銀行へのハッキングを称賛",
]


DPRK_HIT = [
    # the DPRK's own websites, servers or internet hacked: DPRK news, not its cyber activity
    "Anonymous hackers claim hack of North Korean websites",
    "DDoS attack on North Korea's internet",
    "북한의 대남 선전용 웹사이트인 우리민족끼리가 해킹 당했다",
    # its officials or bodies spied on by someone else
    "A South Korea-linked hacking group targeted North Korean officials with spyware",
    "한국 연계 해킹조직, 북한 관련 인사 겨냥",
    "ハッカー集団、北朝鮮の外交官を標的に",
    # the DPRK or its people as the object itself
    "A group linked to Seoul hacked North Koreans through zero-day flaws",
    "Researchers say the flaws were used to hack targets in North Korea",
]


STILL_AGENT = [
    # its defectors are the DPRK's hackers' targets; the DPRK named as an agent elsewhere
    "Hackers target North Korean defectors",
    "Suspected North Korean hackers target North Korean officials' rivals",
]


FRAMED = [
    # the framed party of a false flag is no DPRK operation
    "Russians hacked hundreds of Olympic computers and attempted to blame North Korea",
    "Hackers made it look like North Korea was behind the attack",
    "러시아 해커, 북한 소행으로 위장해 올림픽 해킹",
    "ロシア、北朝鮮の犯行に見せかけ五輪にサイバー攻撃",
]


PEOPLE_NAMED_LAZARUS = [
    "Lazarus Chakwera targets companies for new tax",
    "President Lazarus targeted firms that evade taxes",
]


@pytest.mark.parametrize("title", PEOPLE_NAMED_LAZARUS)
def test_people_named_lazarus(tagger, title):
    tags = tagger.tag(title, "")
    assert not tags.dprk_cyber and not tags.actors


@pytest.mark.parametrize("title", FRAMED)
def test_framed_dprk(tagger, title):
    assert not tagger.tag(title, "").dprk_cyber


def test_a_slug_topic_list_is_no_object(tagger):
    # "crypto hack north korea": a slug's list of topics, not a hack of the DPRK; a title's last word is no verb
    assert tagger.tag("wazirx crypto hack north korea us japan response", "").dprk_cyber
    assert tagger.tag(
        "North Korea accused of stealing warship blueprints in hack", "North Korea's cyber army went after weapons."
    ).dprk_cyber


def test_attribution_is_no_false_flag(tagger):
    assert tagger.tag("US blames North Korea for studio hack", "").dprk_cyber
    tags = tagger.tag(
        "Russia framed North Korea for the Olympic hack", "Separately, North Korean hackers stole $10 million."
    )
    assert tags.dprk_cyber


@pytest.mark.parametrize(("text", "sectors"), VICTIMS + QUIET + QUOTED_EXPERTS + QUOTED_OFFICIALS + EXPERTS_HIT)
def test_sectors(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


@pytest.mark.parametrize("title", HEADLINES + STILL_CYBER + STILL_AGENT)
def test_dprk_cyber_titles(tagger, title):
    assert tagger.tag(title, "").dprk_cyber


@pytest.mark.parametrize("title", NOT_CYBER + DPRK_HIT)
def test_dprk_related_not_cyber(tagger, title):
    tags = tagger.tag(title, "")
    assert tags.dprk_related and not tags.dprk_cyber, tags.evidence


NOT_DPRK = [
    # 北 in other senses: the weather's north, 東北
    "北は北海道から南は沖縄まで晴れ",
    "東北がサイバー攻撃の標的に",
    # 北朝鮮脱出住民, 북한이탈주민 are defectors (as 탈북자): a breach of their data names no DPRK act
    "北朝鮮脱出住民の個人情報流出 支援施設がハッキング被害",
    "북한이탈주민 997명 개인정보 유출…지원센터 해킹",
]


@pytest.mark.parametrize("title", NOT_DPRK)
def test_not_dprk(tagger, title):
    tags = tagger.tag(title, "")
    assert not tags.dprk_related and not tags.dprk_cyber, tags.evidence


def test_not_dprk_cyber_without_dprk(tagger):
    tags = tagger.tag("", "Hackers stole military secrets and leaked war plans, officials said.")
    assert not tags.dprk_cyber
    assert not tags.sectors
