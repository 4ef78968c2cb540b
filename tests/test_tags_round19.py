"""Issue 16, nineteenth round: kinds found when the set AB was opened after its blind measurement (docs/tagging.md).

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Headlines: the IT-worker scheme's applicants screened out ("blocks 900 job applications from suspected North Korean
  agents"), fake recruiters luring developers, and "information technology (IT) workers" (from the headlines of AC,
  opened for them after its blind measurement).
- Sectors: a hot wallet in a DPRK cyber text is what was drained, in whichever sentence; "blockchain and fintech
  verticals"; a "government official" in the singular.
- No victim: a numbered unit (227연구소) is the DPRK's own; the ministries concerned (関係省庁が連携) respond; a
  class of victims denied ("none among those tricked were government employees"); an institution of "the People's"
  (the Ministry of the People's Armed Forces) is a state's own; "federal agencies have issued an alert" are the
  issuers; another thief's record a theft is compared with ("a record previously held by X, who stole ... from a
  central bank", in two sets); the court where a case is heard ("the indictment unsealed in the US District Court").
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


@pytest.mark.parametrize(
    "title",
    [
        "Retailer blocks 900 job applications from suspected North Korean agents",
        "North Korean operatives use fake startups to lure crypto developers",
        "Guidance on North Korean information technology (IT) workers",  # from AC's headlines
    ],
)
def test_headline_kinds(tagger, title):
    assert tagger.tag(title, "", "en").dprk_cyber


@pytest.mark.parametrize(
    "text",
    [
        "North Korean defectors sent 300 job applications last year, the ministry said.",
        "A lure is cheap, North Korean fishermen said.",
    ],
)
def test_job_seekers_and_lures_alone_are_no_cyber(tagger, text):
    assert not tagger.tag("North Korea", text, "en").dprk_cyber


SECTORS = [
    (
        "Exchange Suffers $120 Million Security Breach",
        "Examplex, a custodial exchange, experienced a security breach due to a private key compromise. The attacker "
        "exploited Examplex's hot wallets and withdrew funds. The theft is believed to be the work of North Korea's "
        "Lazarus Group.",
        "en",
        {"cryptocurrency"},
    ),
    (
        "Report",
        "North Korean hackers are consistently targeting blockchain and fintech verticals.",
        "en",
        {"cryptocurrency", "finance"},
    ),
    (
        "Report",
        "North Korean hackers stole the account information of one incumbent government official and four academics.",
        "en",
        {"government", "think-tanks-academia"},
    ),
    (
        "북한 해킹 역량 강화",
        "북한 해커 조직이 가상자산 거래소를 공격했다. 북한은 정찰총국 산하에 227연구소를 설립해 해킹 능력을 키우고 있다.",
        "ko",
        {"cryptocurrency"},
    ),
    (
        "北朝鮮ハッカー、暗号資産業者を標的",
        "北朝鮮のハッカー集団ラザルスが暗号資産関連企業を標的にしている。政府として関係省庁が連携して対応に取り組むと述べた。",
        "ja",
        {"cryptocurrency"},
    ),
    (
        "North Korean hackers phished experts",
        "North Korean hackers sent phishing emails to 900 researchers at universities. None among those tricked were "
        "government employees, police said.",
        "en",
        {"think-tanks-academia"},
    ),
    (
        "Treasury sanctions North Korean network",
        "Treasury sanctioned Department 7 of the Ministry of the People's Armed Forces, which ran North Korean IT "
        "workers who stole cryptocurrency from exchanges.",
        "en",
        {"cryptocurrency", "technology"},
    ),
    (
        "Exchange theft breaks a record",
        "North Korea's Lazarus Group stole $1.5 billion from a crypto exchange, the largest theft ever, a record "
        "previously held by a dictator who stole $1 billion from a central bank.",
        "en",
        {"cryptocurrency"},
    ),
    (
        "North Korean hacker indicted",
        "The North Korean hacker attacked hospitals in Kansas, according to the indictment unsealed in the US District "
        "Court for the District of Kansas.",
        "en",
        {"healthcare"},
    ),
    (
        "Feds Issue Another Cybersecurity Alert",
        "Federal agencies have issued another cybersecurity alert. The FBI said North Korea's Kimsuky hackers are "
        "compromising think tanks.",
        "en",
        {"think-tanks-academia"},
    ),
]


@pytest.mark.parametrize(("title", "text", "language", "sectors"), SECTORS)
def test_sector_kinds(tagger, title, text, language, sectors):
    tags = tagger.tag(title, text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


def test_the_ministries_hit_stay_victims(tagger):
    tags = tagger.tag("北朝鮮、省庁を攻撃", "北朝鮮のハッカー集団が日本の省庁を標的にサイバー攻撃を仕掛けた。", "ja")
    assert "government" in tags.sectors


def test_victims_that_are_not_only_one_kind_stay(tagger):
    text = "The North Korean hackers' targets are not only banks but also government agencies."
    assert set(tagger.tag("Lazarus targets", text, "en").sectors) == {"finance", "government"}


def test_an_institute_with_a_count_after_it_stays_a_victim(tagger):
    text = "북한 해커들이 국내 연구소 3곳을 해킹했다. 2019년 연구소 해킹도 있었다."
    assert tagger.tag("북한 해커, 연구소 해킹", text, "ko").sectors == ("think-tanks-academia",)


def test_the_record_that_the_dprk_holds_stays_its_theft(tagger):
    text = "The record belonged to North Korean hackers, who stole $81 million from a central bank."
    assert tagger.tag("Lazarus record", text, "en").sectors == ("finance",)


def test_a_court_hacked_stays_a_victim(tagger):
    text = "North Korean hackers of the Lazarus Group hacked the court's network and stole data from the Supreme Court."
    assert tagger.tag("Court hacked", text, "en").sectors == ("judiciary",)


def test_a_vertical_farm_is_no_vertical(tagger):
    assert not tagger.tag("Report", "North Korean hackers targeted a vertical farm.", "en").sectors


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        (
            '대표 "해킹, 北 소행 가능성 낮아"',
            "브릿지에서 가상자산이 해킹으로 탈취됐다. 대표는 북한 소행 가능성은 낮다고 말했다.",
            "ko",
        ),
        (
            "Exchange hacked",
            "Hackers drained $30 million. Investigators said North Korean involvement is unlikely.",
            "en",
        ),
        ("Exchange hacked", "Hackers drained $30 million. There is no evidence that North Korea was behind it.", "en"),
        ("取引所に不正アクセス", "取引所がハッキングされた。警察は北朝鮮の関与の可能性は低いとみている。", "ja"),
    ],
)
def test_the_dprk_denied_or_called_unlikely_is_no_signal(tagger, title, text, language):
    # from AD, measured blind at f0df965: a hack whose owner calls the North's hand unlikely
    assert not tagger.tag(title, text, language).dprk_cyber


@pytest.mark.parametrize(
    ("title", "text", "language"),
    [
        ("북한 해킹", "경찰은 북한 소행 가능성이 높다고 밝혔다. 해커들이 거래소를 해킹했다.", "ko"),
        ("북한 해킹", "경찰은 북한 소행일 가능성이 적지 않다고 밝혔다. 해커들이 거래소를 해킹했다.", "ko"),
        (
            "Lazarus hack",
            "North Korea's Lazarus Group hacked the exchange; there was no evidence that users lost funds.",
            "en",
        ),
    ],
)
def test_the_dprk_called_likely_stays(tagger, title, text, language):
    assert tagger.tag(title, text, language).dprk_cyber
