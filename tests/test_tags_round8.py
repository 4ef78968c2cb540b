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
]


@pytest.mark.parametrize(("text", "sectors"), VICTIMS)
def test_victims(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


QUIET = [
    # military information only sought, or the DPRK's own
    ("North Korean hackers sought military information with lures posing as journalists.", set()),
    ("북한 해커들이 군사 정보를 노린 피싱 메일을 기자를 사칭해 보냈다.", set()),
    ("North Korean hackers stole data on electric vehicles from a crypto exchange.", {"cryptocurrency"}),
    # an agency named 군사정보 is not data
    ("북한 해커들이 가상자산을 탈취했다고 군사정보사령부가 밝혔다.", {"cryptocurrency"}),
]


@pytest.mark.parametrize(("text", "sectors"), QUIET)
def test_quiet(tagger, text, sectors):
    assert_dprk_sectors(tagger, text, sectors)


def test_not_dprk_cyber_without_dprk(tagger):
    tags = tagger.tag("", "Hackers stole military secrets and leaked war plans, officials said.")
    assert not tags.dprk_cyber
    assert not tags.sectors
