"""How long the tagger takes on hostile texts made of long lists: thousands of sector words, list items, guesses.

    python bench/tagging_hostile.py [--repeat 3]

Feed text is hostile: a page may list a word thousands of times. The sector finder reads each candidate word with
its neighbours, so its work must grow with the text, not with its square. Prints seconds per text (best of
--repeat) and characters per second; an ordinary 9 KB article takes a few milliseconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.tagging import get_tagger  # noqa: E402

CASES = {
    "fields of people, 4,000 modifiers (en)": (
        "North Korean hackers targeted officials in " + "diplomacy, military, " * 2000 + "and security.",
        "en",
    ),
    "a list of 2,000 headed items (en)": (
        "North Korean hackers spied on the government, "
        + "military, defense industrial organisations, " * 1000
        + "and media.",
        "en",
    ),
    "a list of 3,000 fields (ja)": (
        "北朝鮮のハッカー集団は" + "化学、" * 3000 + "ヘルスケアなど幅広い業界を狙っている。",
        "ja",
    ),
    "3,000 bodies exposed to a risk (ko)": (
        "북한 해커가 금융회사를 해킹했다. 금융회사 " + "등 기관도 " * 3000 + "위험에 노출됐다.",
        "ko",
    ),
    "6,000 actor names (en)": (
        "North Korean hackers: " + "Lazarus Group, Kimsuky, Andariel, " * 2000 + "and APT37.",
        "en",
    ),
    # every name read against the others' negations (judge/ruled_out.py): once per text, not once per name
    "6,000 names beside another state (en)": (
        "Not Kimsuky but Chinese hackers: " + "Lazarus Group, Kimsuky, Andariel, " * 2000 + "and APT37.",
        "en",
    ),
    # one sentence of 40 KB with no boundary: rules that read a hit's sentence read it in bounded pieces
    # (read/context.py SENTENCE_MAX); a state before a CJK noun is matched by position (sectors/find.py)
    "1,200 mixed en/ja list items (ja)": (
        "North Korean hackers " + "北朝鮮のハッカー and universities and 政府機関 and stole from and " * 1200,
        "ja",
    ),
    "1,200 names beside suspicions (ja)": (
        "North Korean hackers " + "initially blamed on and 北朝鮮のハッカー and Kimsuky and 中国のハッカー and " * 1200,
        "ja",
    ),
    "1,200 states before nouns (ko)": (
        "North Korean hackers "
        + "を攻撃 and told reporters and 러시아 해커 and government agencies and 銀行 and " * 1200,
        "ko",
    ),
    # many sentences, each naming another state and the DPRK: every DPRK word, noun, cyber word, paragraph and field
    # of stolen know-how is found by position (find/frames.py, judge/other_states.py, sectors/)
    "4,000 sentences of stolen know-how (en)": (
        "\n\n".join(
            ["Chinese hackers and North Korean Lazarus hackers stole satellite and nuclear technology."] * 4000
        ),
        "en",
    ),
    "3,000 guesses (en)": ("North Korea" + ", Alpha Beta Gamma" * 3000 + " or a kid did it, a hacker said.", "en"),
    # sixteenth session: ranges of industries that never reach "to" (sectors/lists.py), the IT-worker scheme's
    # employers in one long sentence (sectors/find.py), the DPRK as the owner of lists (find/frames.py)
    "3,000 ranges with no end (en)": (
        "North Korean hackers " + "hacked industries from banks and " * 3000 + "hospitals.",
        "en",
    ),
    "2,000 employers of IT workers (en)": (
        "North Korean IT workers " + "were placed at banks, hospitals and " * 2000 + "a defense contractor.",
        "en",
    ),
    "2,000 owned lists (en)": (
        "North Korea targeted " + "North Korea's textiles, fishing, mining, banks and " * 2000 + "hospitals.",
        "en",
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tagger = get_tagger()
    tagger.tag("warm-up", "North Korean hackers hit a bank.", "en")
    for name, (text, language) in CASES.items():
        best = min(_timed(tagger, text, language) for _ in range(args.repeat))
        print(f"{name:<42} {len(text):>7,} chars  {best:6.2f} s  {len(text) / best:>10,.0f} chars/s")


def _timed(tagger, text: str, language: str) -> float:
    started = time.perf_counter()
    tagger.tag("hostile", text, language)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
