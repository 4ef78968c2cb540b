"""Issue 16, twelfth round: kinds found when four blind sets were opened after their blind measurement: the
headline set HS, the text set Q and NS, a sample of the ordinary stream of North Korea news.

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Headline kinds (HS, Q): a number written with a thousands comma is one item of a title, not two; a speaker set
  off by commas ("North Korea, officials say, sent ..."); phishy emails; email scams; the DPRK as a cryptocurrency
  threat; the IT-worker scheme as IT staff, an infiltration into IT, or jobs under a false identity (신원 위장 취업)
  and its workers as 북 노동자; data robbed by the DPRK (북한에 털린); crypto laundered (暗号資産を資金洗浄), also as
  the sanctions panel's report; an outflow incident the DPRK had a hand in (流出事件は北朝鮮が絡んで);
  "attacks supply chain" beside an ambiguous group name.
- Confuser kinds (NS, Q): "breach" of a rule ("breached a sanctions cap"); "vulnerability to disease"; a state's
  sympathisers as the attackers (친러 해킹그룹, pro-Russian hacktivists) beside a DPRK topic; a breach the
  authority said nothing about the culprit of (背後関係には触れなかった), with the DPRK only as past record and as
  where families live.
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
