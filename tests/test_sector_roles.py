"""Sector roles, issue 16 round B: an impersonated role whose own name holds a target word ("채용담당자로 위장",
a recruiter) is still the bait; a target word earlier in the clause still makes the noun a victim.

Sentences written for these tests (no article text).
"""

from __future__ import annotations

import pytest

from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


CASES = [
    # the impersonated roles: a reporter listed beside a recruiter the hackers posed as
    ("북한 해커는 방송사 기자, 신문사 채용담당자로 위장해 거래소 직원에게 메일을 보냈다.", {"cryptocurrency"}),
    ("북한 해커는 기자, 채용담당자를 사칭해 거래소 직원에게 접근했다.", {"cryptocurrency"}),
    # confusers: the reporters are who the mail went to, before the sender the hackers posed as
    ("북한 해커는 기자들을 대상으로 보안업체를 사칭한 메일을 보냈다.", {"media"}),
    ("북한 해커는 기자들에게 채용 제안을 보내며 보안업체를 사칭했다.", {"media"}),
    ("북한 해커가 기자를 대상으로 사칭 메일을 보냈다.", {"media"}),
    (
        "北朝鮮のハッカーは政府や学界の関係者を対象に、記者を装ったメールを送った。",
        {"government", "think-tanks-academia"},
    ),
]


@pytest.mark.parametrize(("text", "sectors"), CASES)
def test_an_impersonated_role_named_with_a_target_word_is_bait(tagger, text, sectors):
    tags = tagger.tag("", text)
    assert tags.dprk_cyber, tags.evidence
    assert set(tags.sectors) == sectors, tags.evidence
