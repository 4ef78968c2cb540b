"""Issue 16, twenty-second round: kinds that recur in the sector errors of two or more unopened sets (AD, AF, AG;
docs/tagging.md), as the twenty-first round did.

Each sentence is written for this test in the shape of a kind; none is taken from an article.
- A crime's name ("wire fraud, identity fraud, and bank fraud") is a charge, not a bank hit.
- The law at work: "gone to court to seize", "the court district where the charges were filed", and people of the
  law as the subject of what they do ("federal prosecutors this year have racked up indictments"); not "prosecutors
  targeted by", nor a court's network breached.
"""

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


NOT_VICTIMS = [
    (
        "The indictment charges the Lazarus Group hackers with conspiracy to defraud the United States, and "
        "conspiracy to commit money laundering, wire fraud, identity fraud, and bank fraud.",
        {"finance"},
    ),
    (
        "North Korean hackers of the Lazarus Group face charges of securities fraud and bank-fraud conspiracy.",
        {"finance"},
    ),
    (
        "Federal prosecutors this year have racked up indictments against people accused of helping Lazarus Group "
        "hackers launder stolen funds.",
        {"judiciary"},
    ),
    (
        "Prosecutors and investigators have once again exposed the Lazarus Group hackers behind the theft.",
        {"judiciary"},
    ),
    ("The government has gone to court to seize funds that North Korean Lazarus hackers stole.", {"judiciary"}),
    ("The charges against the Lazarus Group hacker were filed in the court district of Los Angeles.", {"judiciary"}),
]


@pytest.mark.parametrize(("text", "absent"), NOT_VICTIMS)
def test_the_law_at_work_and_a_crimes_name_are_no_victims(tagger, text, absent):
    tags = tagger.tag("", text, "en")
    assert tags.dprk_cyber
    assert not absent & set(tags.sectors)


VICTIMS = [
    ("Lazarus Group hackers stole $80 million from a bank in Bangladesh.", "finance"),
    ("Lazarus Group hackers breached the court network and stole personal data.", "judiciary"),
    ("North Korean hackers of the Lazarus Group targeted prosecutors and judges with phishing emails.", "judiciary"),
    ("Prosecutors targeted by Lazarus Group hackers received phishing emails.", "judiciary"),
    ("Kimsuky hackers breached the computers of prosecutors in Seoul.", "judiciary"),
]


@pytest.mark.parametrize(("text", "sector"), VICTIMS)
def test_banks_courts_and_prosecutors_hit_stay_victims(tagger, text, sector):
    assert sector in tagger.tag("", text, "en").sectors
