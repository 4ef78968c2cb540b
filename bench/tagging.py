"""Benchmark the tagger: the dev corpus repeated to N items, items/s and peak RSS.

Usage: python bench/tagging.py [--items 5000] [--corpus PATH]
Reads ../shared/corpus/dev.jsonl relative to the repository unless --corpus is given.
Target: >= 300 items/s on one core, peak RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from itertools import cycle, islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench: corpus not found at {args.corpus} (pass --corpus PATH)", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [(r.get("title", ""), r.get("text", ""), r.get("language")) for r in islice(cycle(records), args.items)]

    started = time.perf_counter()
    from bot.tagging import get_tagger

    tagger = get_tagger()
    built = time.perf_counter()
    tags = tagger.tag_many(items)
    done = time.perf_counter()

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    chars = sum(len(t) + len(x) + 1 for t, x, _ in items)
    print(f"items: {len(tags)}  chars: {chars}  dprk_cyber: {sum(t.dprk_cyber for t in tags)}")
    print(f"startup_s: {built - started:.2f}")
    print(f"tagging_s: {done - built:.2f}  items_per_s: {len(tags) / (done - built):.0f}")
    print(f"peak_rss_mb: {rss_mb:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
