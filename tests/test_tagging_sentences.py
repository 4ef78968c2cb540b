"""How the tagger cuts a text into sentences (bot/tagging/read/context.py): Japanese full stops, quotations,
abbreviations, hard-wrapped lines, headings and bullets. Texts written for this test."""

from bot.tagging.read.context import sentence_starts


def _sentences(text: str) -> list[str]:
    starts = sentence_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def test_english_abbreviations_do_not_end_a_sentence():
    assert _sentences("Title\nU.S. officials said N. Korea did it. Next one.") == [
        "Title",
        "U.S. officials said N. Korea did it.",
        "Next one.",
    ]


def test_a_japanese_paragraph_is_one_sentence():
    # the rules read a Japanese paragraph as one sentence (a measured choice, see context.py)
    assert _sentences("見出し\n北朝鮮が攻撃した。次の文。\n次の段落。") == [
        "見出し",
        "北朝鮮が攻撃した。次の文。",
        "次の段落。",
    ]


def test_a_hard_wrapped_sentence_is_one_sentence():
    text = (
        "Title\nNorth Korean hacking groups have infiltrated the systems of\n"
        "South Korean financial institutions and news outlets, foreign\ndefense companies.\nNext."
    )
    assert _sentences(text) == [
        "Title",
        "North Korean hacking groups have infiltrated the systems of\n"
        "South Korean financial institutions and news outlets, foreign\ndefense companies.",
        "Next.",
    ]


def test_headings_bullets_and_the_title_stay_apart():
    text = "a title without a full stop of\nNorth Korean Spies Try New Hacking Method\nTargets include\n• banks\n• exchanges"
    assert _sentences(text) == [
        "a title without a full stop of",
        "North Korean Spies Try New Hacking Method",
        "Targets include",
        "• banks",
        "• exchanges",
    ]


def test_a_run_without_boundaries_is_cut_into_bounded_pieces_at_spaces():
    from bot.tagging.read.context import SENTENCE_MAX

    text = "Title\n" + "banks, hospitals and universities " * 1000  # one 34,000-character sentence
    starts = sentence_starts(text)
    ends = [*starts[1:], len(text)]
    assert len(starts) > 8
    assert all(b - a <= SENTENCE_MAX for a, b in zip(starts, ends, strict=True))
    assert all(text[s - 1] in " ," for s in starts[2:])  # cut after a space or a comma, never inside a word


def test_ordinary_sentences_are_not_cut():
    text = "Title\n" + "Hackers hit banks in Seoul. " * 300
    assert sentence_starts(text) == [0, 6, *range(6 + 28, len(text), 28)]
