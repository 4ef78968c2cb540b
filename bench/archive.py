"""Benchmark the analysts' archive: build 500,000 items, then time search, a month facet and a STIX export.

    python bench/archive.py [--items 500000] [--db /tmp/bench-archive.db] [--rebuild]

Items are invented but shaped like the real archive: titles of 6-16 words, texts of 40-600 words
(log-normal), a third DPRK cyber with Zipf-like actor shares, 0-2 sectors, 60 sources, 85% English.
Targets (issue "analysts' archive"): search p50 <= 50 ms and p95 <= 200 ms, facet <= 500 ms, STIX export
>= 2,000 items/s. Rows go in with executemany (the FTS triggers fire as in production); stories are
left to the clustering and not built here.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.export import (
    ExportOptions,  # noqa: E402
    stix,  # noqa: E402
)
from storage import open_archive  # noqa: E402
from storage.archive import transaction  # noqa: E402
from storage.search import Query, iter_items  # noqa: E402
from storage.stats import counts  # noqa: E402

ACTORS = [("Lazarus Group", 30), ("Kimsuky", 20), ("APT38", 10), ("Andariel", 8), ("APT37", 8),
          ("TraderTraitor", 6), ("Famous Chollima", 6), ("Moonstone Sleet", 3), ("Citrine Sleet", 3), ("Konni", 3),
          ("Ruby Sleet", 1), ("Pearl Sleet", 1), ("H0lyGh0st", 1)]  # fmt: skip
SECTORS = ["cryptocurrency", "finance", "defense", "aerospace", "government", "think-tanks-academia", "healthcare",
           "energy", "technology", "telecommunications", "media", "manufacturing"]  # fmt: skip
TOPICS = [  # topical phrases: an item covers 1-3 of them, so a query term matches a realistic share of items
    "spear phishing email", "ransomware attack", "backdoor malware loader", "exploit vulnerability patch",
    "cryptocurrency exchange stolen million", "bridge hack wallet", "npm package supply chain",
    "job offer recruiter linkedin", "remote IT workers laundering", "sanctions treasury indictment charged",
    "espionage think tank diplomat", "defense aerospace engineers", "hospital healthcare network",
    "bank SWIFT ATM", "command control server infrastructure", "credential theft lateral movement",
]  # fmt: skip
QUERIES = ["phishing", '"remote IT workers"', "crypto*", "exchange OR bridge", "malware NOT ransomware",
           "backdoor", '"supply chain"', "laundering", "npm package", "espionage"]  # fmt: skip


def _filler_vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    syllables = "ka ri to me na so lu pe vi da re mo ti ga lo ne fu sa be ko ru mi ta".split()
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(size)]


FILLER = _filler_vocabulary(random.Random(1))
FILLER_CUM = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(FILLER))))  # Zipf: few common, most rare


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(FILLER, cum_weights=FILLER_CUM, k=n))


def make_rows(rng: random.Random, n: int, start: int):
    actor_names, weights = zip(*ACTORS, strict=True)
    base = datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(start, start + n):
        cyber = rng.random() < 0.35
        actors = sorted(set(rng.choices(actor_names, weights, k=rng.choice((1, 1, 1, 2))))) if cyber else []
        sectors = sorted(set(rng.sample(SECTORS, rng.choice((0, 1, 1, 2))))) if cyber else []
        text_words = max(40, min(600, int(rng.lognormvariate(5.0, 0.6))))
        topics = rng.sample(TOPICS, rng.randint(1, 3))
        title = f"{topics[0]} {words(rng, rng.randint(3, 12))}"
        text = " ".join(f"{words(rng, text_words // len(topics))} {t}" for t in topics)
        if actors:
            title = f"{actors[0]} {title}"
            text = f"{text} {' '.join(actors)} {words(rng, 20)}"
        when = base + timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
        source = f"source-{rng.randint(1, 60):02d}"
        item_id = f"{i:024x}"
        yield (
            {
                "id": item_id, "url": f"https://news{rng.randint(1, 400)}.example.org/{i}", "title": title,
                "text": text, "published": when.isoformat(), "first_seen": (when + timedelta(hours=2)).isoformat(),
                "source": source, "language": rng.choices(("en", "ko", "ja"), (85, 10, 5))[0], "guid": item_id,
                "dprk_cyber": int(cyber), "dprk_related": int(cyber), "score": round(rng.random(), 3),
                "actors": json.dumps(actors), "sectors": json.dumps(sectors), "tagged_at": when.isoformat(),
            },
            [(item_id, "actor", a) for a in actors] + [(item_id, "sector", s) for s in sectors],
            (item_id, source, when.isoformat(), "", ""),
        )  # fmt: skip


def build(path: Path, n: int) -> float:
    db = open_archive(path)
    rng = random.Random(20261126)
    started = time.perf_counter()
    batch = 20_000
    for start in range(0, n, batch):
        rows = list(make_rows(rng, min(batch, n - start), start))
        cols = list(rows[0][0])
        with transaction(db) as conn:
            conn.executemany(
                f"INSERT INTO items ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                [tuple(r[0][c] for c in cols) for r in rows],
            )
            conn.executemany(
                "INSERT INTO item_tags (item_id, kind, value) VALUES (?, ?, ?)", [t for r in rows for t in r[1]]
            )
            conn.executemany("INSERT INTO item_sources VALUES (?, ?, ?, ?, ?)", [r[2] for r in rows])
        print(f"\rbuilt {start + len(rows):,} items", end="", file=sys.stderr)
    print(file=sys.stderr)
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


def timed(func) -> float:
    started = time.perf_counter()
    func()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/advisory-bot-bench-archive.db"))
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    db = open_archive(args.db)
    have = db.execute("SELECT count(*) FROM items").fetchone()[0]
    if have != args.items:
        if have:
            sys.exit(f"{args.db} holds {have:,} items, not {args.items:,}: use --rebuild")
        print(f"build: {build(args.db, args.items):.0f} s for {args.items:,} items")
        db = open_archive(args.db)
    size = sum(Path(f"{args.db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{args.db}{s}").exists())
    print(f"database: {size / 1e6:.0f} MB, {size / args.items:,.0f} bytes per item")

    rng = random.Random(7)
    actors = [a for a, _ in ACTORS[:7]]
    for sort in ("auto", "date"):
        queries = [
            Query(text=rng.choice(QUERIES), actors=(rng.choice(actors),), sort=sort, limit=50) for _ in range(100)
        ]
        times = sorted(timed(lambda q=q: list(iter_items(db, q))) for q in queries)
        p50, p95 = statistics.median(times), times[94]
        verdict = "ok" if p50 <= 50 and p95 <= 200 else "MISSED"
        print(f"search (text + actor, sort {sort}, 100 queries): p50 {p50:.1f} ms, p95 {p95:.1f} ms  [{verdict}]")

    facet = timed(lambda: counts(db, "actor", "month"))
    print(f"facet: actor mentions per month, whole archive: {facet:.0f} ms  [{'ok' if facet <= 500 else 'MISSED'}]")
    month = timed(
        lambda: db.execute(
            "SELECT substr(published, 1, 7) AS value, count(*) FROM items WHERE dprk_cyber = 1 GROUP BY value"
        ).fetchall()
    )
    verdict = "ok" if month <= 500 else "MISSED"
    print(f"facet: DPRK items per month (the web UI's month facet SQL): {month:.0f} ms  [{verdict}]")

    out = io.StringIO()
    options = ExportOptions(generated_at=datetime.now(UTC).isoformat())
    started = time.perf_counter()
    exported = stix.write(iter_items(db, Query(dprk_cyber=True, sort="date", limit=10_000)), out, options)
    rate = exported / (time.perf_counter() - started)
    print(f"STIX export: {exported:,} items, {rate:,.0f} items/s, {len(out.getvalue()) / 1e6:.1f} MB"
          f"  [{'ok' if rate >= 2000 else 'MISSED'}]")  # fmt: skip


if __name__ == "__main__":
    main()
