"""Issue 16, twentieth round: kinds that recur in the sector errors of sets that no round was tuned on (AC, AD, AE;
docs/tagging.md), kept only where the fix is general and changes no right tag on the labelled sets.

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- The kanji spellings of the Japanese impersonation marker (成りすまして, 成り済まして) mark the bait, as なりすまして
  already did: the journalists and diplomats posed as are no victims.
- A sanctioned entity ("the previously designated <name> Bank", "sanctioned crypto mixers") is the DPRK's own or its
  launderer, not a victim.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


@pytest.mark.parametrize("marker", ["なりすまして", "成りすまして", "成り済まして"])
def test_the_impersonated_are_bait_in_every_spelling(tagger, marker):
    text = f"北朝鮮のハッカー集団は、米国人記者や韓国の外交官に{marker}電子メールを送り付け、北朝鮮アナリストを狙った。"
    tags = tagger.tag("北朝鮮のサイバー攻撃", text, "ja")
    assert tags.dprk_cyber
    assert "government" not in tags.sectors and "media" not in tags.sectors


def test_the_impersonated_and_the_targeted_apart(tagger):
    text = "北朝鮮のハッカー集団は外交官に成り済まして電子メールを送り、韓国の大学の研究者を標的にした。"
    tags = tagger.tag("北朝鮮のサイバー攻撃", text, "ja")
    assert tags.sectors == ("think-tanks-academia",)


SANCTIONED = [
    "Treasury sanctioned two North Korean bankers for managing funds on behalf of the previously designated Example "
    "Credit Bank, including proceeds of ransomware attacks by the Lazarus Group.",
    "The Lazarus Group laundered the stolen funds through sanctioned crypto mixers, officials said.",
    "North Korean hackers moved the proceeds of their hacks through the designated Example Trade Bank.",
]


@pytest.mark.parametrize("text", SANCTIONED)
def test_a_sanctioned_entity_is_no_victim(tagger, text):
    tags = tagger.tag("Sanctions", text, "en")
    assert tags.dprk_cyber
    assert not {"finance", "cryptocurrency"} & set(tags.sectors)


def test_a_bank_hit_beside_a_sanctioned_one_stays_a_victim(tagger):
    text = (
        "The Lazarus Group stole $80 million from a central bank and laundered it through the designated Example "
        "Credit Bank."
    )
    assert "finance" in tagger.tag("Heist", text, "en").sectors


def test_a_sanctioned_bank_that_was_later_hacked_stays_a_victim(tagger):
    text = "North Korean hackers of the Lazarus Group breached banks in ten countries, the FBI said."
    assert "finance" in tagger.tag("Sanctions designated", text, "en").sectors
