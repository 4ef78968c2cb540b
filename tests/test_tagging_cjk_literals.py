"""The CJK matcher skips a pattern when the text lacks the pattern's literal (korean.py): the hits are the same as
scanning the text with every pattern."""

import pytest

from bot.tagging import get_tagger
from bot.tagging.read.korean import CjkMatcher

DPRK_TEXTS = [
    "북한 해킹조직 라자루스가 가상자산 거래소를 공격해 암호화폐를 탈취했다.",
    "北 해커, 국내 방산업체 서버에 침투…군사기밀 빼돌려",
    "北朝鮮のハッカー集団「ラザルス」が暗号資産交換業者から482億円相当を窃取した。",
    "サイバー攻撃は北の犯行か、政府機関のネットワークに侵入",
    '국정원 "북, 외교안보 인사 통화 내용 탈취"…스미싱 문자 유포',
    "北朝鮮IT労働者、偽の身元で米企業に就職 ラップトップファームも",
    "Lazarus가 npm에 악성 패키지를 배포했다. 북한 APT37 그룹도 VPN 취약점을 악용",
]
OTHER_TEXTS = ["오늘 날씨는 맑고 북쪽에서 바람이 분다.", "東北の天気は晴れ、北海道は雪"]


@pytest.fixture(scope="module")
def matcher():
    return CjkMatcher(get_tagger().kb)


def scan_all(matcher: CjkMatcher, text: str) -> list:
    saved = matcher.patterns
    try:
        matcher.patterns = [(kind, value, pattern, "") for kind, value, pattern, _ in saved]
        return matcher.find(text)
    finally:
        matcher.patterns = saved


@pytest.mark.parametrize("text", DPRK_TEXTS)
def test_literals_change_no_hit(matcher, text):
    fast = matcher.find(text)
    assert fast == scan_all(matcher, text)
    assert any(kind == "dprk" for kind, *_ in fast) and any(kind == "cyber" for kind, *_ in fast)


@pytest.mark.parametrize("text", OTHER_TEXTS)
def test_literals_change_no_hit_without_the_dprk(matcher, text):
    fast = matcher.find(text)
    assert fast == scan_all(matcher, text)
    assert not any(kind == "dprk" for kind, *_ in fast)
