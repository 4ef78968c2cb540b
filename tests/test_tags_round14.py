"""Issue 16, fourteenth round: kinds found when the text set W was opened, after its one blind measurement at this
session's start (its figures before these rules are in docs/tagging.md).

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- Sectors: a drone's other names are aerospace words ("UAV", "unmanned aerial vehicle"), and a short name in
  brackets after a modifier does not cut it from its head ("defence and unmanned aerial vehicle (UAV)
  manufacturers" is defence and aerospace, not manufacturing); "court documents" cite a case, they are no court
  hit; a newspaper named again in brackets before its topic particle reports (東京新聞(東京新聞社)は ... と報じた);
  social engineering (소셜 엔지니어링, ソーシャルエンジニアリング) is a technique, not an engineering firm; the
  DPRK foreign ministry's institute (외무성 ... 연구소) is its own, and a justice ministry that mentions something
  (법무부가 언급한) speaks; a software engineer phished is the technology sector.
- Headlines: the DPRK named as the culprit after an ellipsis ("…北소행 추정") is the verdict on the acts told in
  the items before it; cryptocurrency frozen (仮想通貨口座の凍結, "freezes ... stablecoins") beside the DPRK is the
  proceeds of its thefts, as seized cryptocurrency already was.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


SECTORS = [
    (
        "Lazarus hits drone makers",
        "The Lazarus group's campaign aimed at European defence and unmanned aerial vehicle (UAV) manufacturers.",
        "en",
        {"defense", "aerospace"},
    ),
    (
        "Lazarus hits drone makers",
        "The Lazarus group's campaign aimed at European defence and UAV manufacturers.",
        "en",
        {"defense", "aerospace"},
    ),
    (
        "North Korean hackers stole data",
        "Two Air Force bases were listed in court documents as having had data stolen by North Korean hackers.",
        "en",
        {"defense"},
    ),
    (
        "北朝鮮ハッカーが暗号資産を盗む",
        "取引所のウォレットがハッキングされ、暗号資産が流出した。東京新聞(東京新聞社)は5日、北朝鮮のハッカー集団の犯行の"
        "可能性があると報じた。",
        "ja",
        {"cryptocurrency"},
    ),
    (
        "북한 해커, 암호화폐 탈취",
        "북한은 암호화폐 산업을 대상으로 한 공격을 강화했고, 소셜 엔지니어링 공격으로 악성 코드를 퍼뜨렸다.",
        "ko",
        {"cryptocurrency"},
    ),
    (
        "北朝鮮ハッカー",
        "北朝鮮のハッカーはソーシャルエンジニアリングの手口で暗号資産企業を狙った。",
        "ja",
        {"cryptocurrency"},
    ),
    (
        "북한 해커",
        "북한은 외무성 미국연구소 연구사 명의의 담화에서 미 사법성(법무부)이 언급한 해킹 행위들은 우리와 무관하다고 주장했다."
        " 북한 해커들은 은행을 해킹했다.",
        "ko",
        {"finance"},
    ),
    (
        "Lazarus",
        "North Korean hackers spear-phished a software engineer at the company.",
        "en",
        {"technology"},
    ),
]


@pytest.mark.parametrize(("title", "text", "language", "sectors"), SECTORS)
def test_sector_kinds(tagger, title, text, language, sectors):
    tags = tagger.tag(title, text, language)
    assert tags.dprk_cyber
    assert set(tags.sectors) == sectors


KEPT = [
    ("North Korean hackers hit courts", "North Korean hackers breached the court records system.", "en", "judiciary"),
    ("북한 해커", "북한 해커들이 국내 엔지니어링 업체를 해킹했다.", "ko", "manufacturing"),
    ("Lazarus targets makers", "The Lazarus group aimed at manufacturers of machine tools.", "en", "manufacturing"),
]


@pytest.mark.parametrize(("title", "text", "language", "sector"), KEPT)
def test_the_victims_beside_them_stay(tagger, title, text, language, sector):
    """A court's systems breached, an engineering firm hacked, plain manufacturers targeted: still victims."""
    assert sector in tagger.tag(title, text, language).sectors


HEADLINES = [
    ("방산업체 사칭 '해킹 메일', 협력사에 무차별 발송…北소행 추정, 당국 신고 당부", "ko"),
    ("국책연구기관 '해킹 메일' 수신, 자료 유출…북한 배후 추정, 보안 점검 착수", "ko"),
    ("米裁判所が北朝鮮関連の仮想通貨口座の凍結を命令", "ja"),
    ("북한 연루 가상자산 계좌 동결", "ko"),
    ("Stablecoin issuer freezes $2 million in tokens tied to North Korea", "en"),
]


@pytest.mark.parametrize(("title", "language"), HEADLINES)
def test_headline_kinds(tagger, title, language):
    assert tagger.tag(title, "", language).dprk_cyber


CONFUSERS = [
    ("증시 급락, 은행 해킹 피해, 北 미사일 발사…軍 대응", "ko"),  # a digest: the DPRK item names no culprit
    ("US freezes North Korean assets in new sanctions push", "en"),
    ("北朝鮮関連の資産を凍結 国連制裁", "ja"),
]


@pytest.mark.parametrize(("title", "language"), CONFUSERS)
def test_confuser_kinds(tagger, title, language):
    assert not tagger.tag(title, "", language).dprk_cyber
