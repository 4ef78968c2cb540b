"""The labelled story set (tests/data/stories/clusters.jsonl) and its pairwise evaluation, for tests and bench."""

from __future__ import annotations

import json
from datetime import datetime
from itertools import combinations
from pathlib import Path

from bot.records import Item, TaggedItem
from bot.run.store import store
from storage import open_archive

CLUSTERS = Path(__file__).parent / "data/stories/clusters.jsonl"


def load(path: Path = CLUSTERS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def archive_cases(db_path: Path, rows: list[dict], tagger, keeper) -> dict[str, int]:
    """Store the cases in publication order, tagged for real; return each case's story id."""
    db = open_archive(db_path)
    rows = sorted(rows, key=lambda r: r["published"])
    tags = tagger.tag_many([(r["title"], r["text"], None) for r in rows])
    for row, tag in zip(rows, tags, strict=True):
        item = Item(
            source=row["source"],
            id=row["id"],
            url=row["url"],
            title=row["title"],
            published=datetime.fromisoformat(row["published"]),
            text=row["text"],
            language="ko" if any("\uac00" <= c <= "\ud7a3" for c in row["title"]) else "en",
            links=tuple(row.get("links", ())),
        )
        store(db, row["source"], [TaggedItem(item, tag)], row["published"], stories=keeper)
    return {r[0]: r[1] for r in db.execute("SELECT id, story_id FROM items")}


def pairwise(rows: list[dict], predicted: dict[str, int]) -> dict:
    """Pairwise precision and recall of the predicted stories against the labelled clusters."""
    tp = fp = fn = 0
    false_merges, missed = [], []
    for a, b in combinations(rows, 2):
        same_label = a["cluster"] == b["cluster"]
        same_story = predicted[a["id"]] == predicted[b["id"]]
        if same_label and same_story:
            tp += 1
        elif same_story:
            fp += 1
            false_merges.append((a["id"], b["id"]))
        elif same_label:
            fn += 1
            missed.append((a["id"], b["id"]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "false_merges": false_merges,
        "missed": missed,
    }
