"""How far two labellers agree on the sectors and actors of the same texts: the ceiling a tagger is measured against.

Usage: python bench/label_agreement.py FIRST.jsonl SECOND.jsonl

Each file holds one JSON object per text with an `id` and either `labels: {sectors, actors}` (the format of the
labelled sets) or `sectors` and `actors` at the top level (a second labeller's file). Texts in both files are
compared; F1 takes FIRST as the reference (it is symmetric: swapping the files swaps false and missed). Printed:
micro F1 (agreed, only in SECOND, only in FIRST) for sectors and for actors, texts whose sector sets are equal, and
each text where the sector sets differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def labels(path: Path) -> dict[str, dict[str, set[str]]]:
    out = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            source = record.get("labels", record)
            out[record["id"]] = {key: set(source.get(key) or ()) for key in ("sectors", "actors")}
    return out


def f1(agreed: int, only_second: int, only_first: int) -> float:
    total = 2 * agreed + only_second + only_first
    return 2 * agreed / total if total else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    first, second = labels(args.first), labels(args.second)
    shared = [i for i in second if i in first]
    print(f"texts in both: {len(shared)}")
    for key in ("sectors", "actors"):
        agreed = sum(len(first[i][key] & second[i][key]) for i in shared)
        only_second = sum(len(second[i][key] - first[i][key]) for i in shared)
        only_first = sum(len(first[i][key] - second[i][key]) for i in shared)
        print(f"{key}: F1 {f1(agreed, only_second, only_first):.3f} ({agreed}, {only_second}, {only_first})")
    same = sum(first[i]["sectors"] == second[i]["sectors"] for i in shared)
    print(f"texts with the same sectors: {same} of {len(shared)}")
    for i in shared:
        if first[i]["sectors"] != second[i]["sectors"]:
            print(f"  {i}: {sorted(first[i]['sectors'])} / {sorted(second[i]['sectors'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
