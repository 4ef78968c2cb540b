"""How many article pages `fulltext: auto` would read: real feed files, and labelled texts' short views.

Usage: python bench/fulltext_auto.py [--feeds FILE ...] [--corpus PATH ...]
Feeds (default: ../shared/feeds/*.xml): items, those short enough for full text (summary < SHORT_TEXT characters),
and of those the ones whose headline and summary leave the tagger undecided (their page would be read).
Corpora (labelled JSONL; default: ../shared/corpus/*.jsonl): dprk_cyber F1 of the headline and lead views, alone
and with the undecided ones read whole (as `advisory-bot eval --view headline+page` does), and the pages read.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared"


def feed_counts(path: Path, tagger) -> tuple[int, int, int]:
    from bot.config.source_base import Source
    from bot.fetch.fulltext import SHORT_TEXT
    from bot.records import FetchResult
    from bot.run.analyse import pages_wanted
    from extractors import extract

    source = Source(
        name="bench", type="rss", url="https://example.org/", every=1800.0, timeout=20.0, max_bytes=10 * 2**20,
        language="en", enabled=True, selectors=None, fields=None, allow_private=False, fulltext="auto",
    )  # fmt: skip
    items = extract(FetchResult(url=source.url, status=200, body=path.read_bytes()), source)
    wanted = pages_wanted(items, source, tagger, known=lambda _: False)  # the run's own decision
    return len(items), sum(len(i.text) < SHORT_TEXT for i in items), sum(wanted(i) for i in items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=Path, nargs="*", default=sorted((SHARED / "feeds").glob("*.xml")))
    parser.add_argument("--corpus", type=Path, nargs="*", default=sorted((SHARED / "corpus").glob("*.jsonl")))
    args = parser.parse_args()
    from bot.tagging import get_tagger
    from bot.tagging.measure.evaluate import evaluate_views, load_corpus

    tagger = get_tagger()
    if not args.feeds and not args.corpus:
        print("bench: no feed or corpus found (pass --feeds / --corpus)", file=sys.stderr)
        return 2
    for path in args.feeds:
        items, short, undecided = feed_counts(path, tagger)
        print(f"feed {path.name}: items {items}, short {short}, pages read by auto {undecided}")
    for path in args.corpus:
        started = time.perf_counter()
        reports = evaluate_views(load_corpus(path), tagger, ("headline", "headline+page", "lead", "lead+page"))
        cells = []
        for view, report in reports.items():
            d = report.as_dict()
            s = d["scores"]["dprk_cyber"]
            pages = f", pages {d['pages_read']} of {d['items']}" if "pages_read" in d else ""
            cells.append(f"{view} {s['f1']:.3f} ({s['tp']},{s['fp']},{s['fn']}){pages}")
        print(f"corpus {path.name}: " + "; ".join(cells) + f"  [{time.perf_counter() - started:.1f}s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
