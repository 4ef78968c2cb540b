"""The same-story check at scale: an archive of N items (default 200,000), then new items assigned to stories.

Usage: python bench/stories.py [--items 200000] [--new 1000] [--encoded 0.15]
Builds the archive in a temporary SQLite file (items spread over a year, realistic titles, actors and text
lengths, near-duplicate signatures and LSH bands, and for a share `--encoded` of the items an encoder vector with
its clues, as items about the DPRK get), then times bot.stories.assign for new items (each runs every rule:
advisory id, links, near-duplicate, same event, and meaning for the encoded ones; the encoding itself is not
timed here: bench/stories_real.py reports it) and prints ms per item, peak RSS and the size of the story index.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import struct
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bot.records import Item, TaggedItem, Tags  # noqa: E402
from bot.run.assemble import story_keeper  # noqa: E402
from bot.stories import meaning  # noqa: E402
from storage import open_archive, signatures, vectors  # noqa: E402
from storage.archive import transaction  # noqa: E402

ACTORS = ["Lazarus Group", "Kimsuky", "APT37", "Andariel", "APT38", "TraderTraitor", "Famous Chollima", "Konni"]
WORDS = (
    "north korean hackers exchange developers backdoor campaign phishing researchers wallet theft laundering "
    "ransomware hospitals defense aerospace satellite engineers recruiters package npm pypi browser zero-day "
    "espionage ministry diplomats journalists think tank university bank swift atm loader stealer android "
    "spyware update installer vpn router firmware supply chain indictment sanctions treasury laptop farm "
    "identity remote job interview blockchain bridge defi token game airdrop telegram linkedin"
).split()
NAMES = [f"Victim{i}" for i in range(3000)]
_SYLLABLES = "ka ri mo tan vel os dre qua lin pes ur sho ne bai tol".split()
# a long-tailed vocabulary as in real prose: a few very common words, many rare ones
VOCAB = WORDS + ["".join(random.Random(i).choices(_SYLLABLES, k=3)) for i in range(20000)]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCAB))]


DIM = 384
ENCODED = 0.15


def vector(rng: random.Random) -> bytes:
    values = [rng.gauss(0, 1) for _ in range(DIM)]
    norm = sum(v * v for v in values) ** 0.5
    return struct.pack(f"<{DIM}f", *(v / norm for v in values))


def fake(rng: random.Random, n: int, when: datetime) -> TaggedItem:
    words = rng.choices(VOCAB, weights=WEIGHTS, k=rng.randint(60, 400))
    name = rng.choice(NAMES)
    title = f"{rng.choice(ACTORS)} {' '.join(rng.choice(WORDS) for _ in range(5))} {name}"
    item = Item(
        source=f"src{n % 50}",
        id=f"b{n}",
        url=f"https://news{n % 50}.example.org/{n}",
        title=title,
        published=when,
        text=f"The attack on {name} was reported. " + " ".join(words),
    )
    actor = rng.choice(ACTORS)
    tags = Tags(
        dprk_cyber=rng.random() < 0.7,
        dprk_related=True,
        score=0.8,
        actors=(actor,),
        cves=(f"CVE-2026-{rng.randint(1000, 99999)}",) if rng.random() < 0.1 else (),
        advisories=(f"AA26-{rng.randint(1, 365):03d}A",) if rng.random() < 0.02 else (),
    )
    if rng.random() < ENCODED:  # vectors from their own generator: the items are the same whatever --encoded says
        return TaggedItem(item, tags, vector=vector(random.Random(n)), model="bench")
    return TaggedItem(item, tags)


def build(db, count: int, start: datetime, rng: random.Random) -> None:
    """Bulk-load archived items with their stories, signatures and bands (the state assign() searches)."""
    step = timedelta(days=365) / count
    batch = 5000
    for first in range(0, count, batch):
        rows = [fake(rng, n, start + n * step) for n in range(first, min(count, first + batch))]
        with transaction(db) as conn:
            for t in rows:
                i, g = t.item, t.tags
                seen = i.published.isoformat(timespec="seconds")
                conn.execute(
                    "INSERT INTO items (id, url, title, text, published, first_seen, source, dprk_cyber, actors,"
                    " cves, advisories) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        i.id,
                        i.url,
                        i.title,
                        i.text,
                        seen,
                        seen,
                        i.source,
                        int(g.dprk_cyber),
                        f'["{g.actors[0]}"]',
                        str(list(g.cves)).replace("'", '"'),
                        str(list(g.advisories)).replace("'", '"'),
                    ),
                )
                conn.executemany(
                    "INSERT INTO item_tags (item_id, kind, value) VALUES (?, ?, ?)",
                    [
                        (i.id, "actor", g.actors[0]),
                        *((i.id, "cve", c) for c in g.cves),
                        *((i.id, "advisory", a) for a in g.advisories),
                    ],
                )
                conn.execute(
                    "INSERT INTO item_sources (item_id, source, seen_at) VALUES (?, ?, ?)", (i.id, i.source, seen)
                )
                story = conn.execute(
                    "INSERT INTO stories (title, first_item_id, first_seen, last_seen) VALUES (?, ?, ?, ?)",
                    (i.title, i.id, seen, seen),
                ).lastrowid
                conn.execute("UPDATE items SET story_id = ? WHERE id = ?", (story, i.id))
                conn.execute(
                    "INSERT INTO story_members (item_id, story_id, rule, joined_at) VALUES (?, ?, 'first', ?)",
                    (i.id, story, seen),
                )
                sig = signatures.signature(f"{i.title}\n{i.text}")
                conn.execute("INSERT INTO item_signatures (item_id, minhash) VALUES (?, ?)", (i.id, sig))
                if t.vector is not None:
                    clues = meaning.clues(i.title, i.text, "en", g)
                    vectors.add(conn, i.id, "bench", seen, t.vector, clues.to_json(), "en")
                conn.executemany(
                    "INSERT INTO item_bands (band, hash, item_id) VALUES (?, ?, ?)",
                    [(b, h, i.id) for b, h in signatures.band_hashes(sig)],
                )
        print(f"  built {min(count, first + batch)} items", file=sys.stderr, end="\r")
    print(file=sys.stderr)


def main() -> None:
    global ENCODED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--encoded", type=float, default=0.15, help="share of items with an encoder vector")
    parser.add_argument("--keep", type=Path, help="build the archive at this path once and reuse it on later runs")
    args = parser.parse_args()
    ENCODED = args.encoded
    rng = random.Random(7)
    start = datetime(2025, 11, 1, tzinfo=UTC)
    keeper = story_keeper()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stories.db"
        reuse = args.keep is not None and args.keep.exists()
        if reuse:  # a copy, so the kept archive stays as built
            shutil.copy(args.keep, path)
        db = open_archive(path)
        began = time.perf_counter()
        if not reuse:
            build(db, args.items, start, rng)
            if args.keep:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything into the main file before copying it
                shutil.copy(path, args.keep)
        built = time.perf_counter() - began
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        now = start + timedelta(days=365)
        fresh_rng = random.Random(99)  # not the build's sequence: a kept archive must not hold copies of the new items
        fresh = [fake(fresh_rng, args.items + n, now) for n in range(args.new)]
        timings, joined = [], 0
        for t in fresh:
            with transaction(db) as conn:
                i, g = t.item, t.tags
                seen = now.isoformat(timespec="seconds")
                conn.execute(
                    "INSERT INTO items (id, url, title, text, published, first_seen, source, dprk_cyber,"
                    " actors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (i.id, i.url, i.title, i.text, seen, seen, i.source, int(g.dprk_cyber), f'["{g.actors[0]}"]'),
                )
                conn.execute("INSERT INTO item_tags (item_id, kind, value) VALUES (?, 'actor', ?)", (i.id, g.actors[0]))
                t0 = time.perf_counter()
                _story, match = keeper.assign(conn, t, seen)
                timings.append((time.perf_counter() - t0) * 1000)
                joined += match is not None
        timings.sort()
        size = path.stat().st_size
        index = db.execute(
            "SELECT (SELECT count(*) FROM item_bands), (SELECT count(*) FROM item_signatures),"
            " (SELECT count(*) FROM item_vectors)"
        ).fetchone()
        print(
            f"archive: {args.items} items built in {built:.0f} s, {size / args.items:.0f} bytes/item on disk, "
            f"{index[0]} band rows, {index[1]} signatures, {index[2]} encoder vectors ({args.encoded:.0%})"
        )
        print(
            f"assign: {args.new} new items, mean {sum(timings) / len(timings):.2f} ms/item, "
            f"p50 {timings[len(timings) // 2]:.2f} ms, p95 {timings[int(len(timings) * 0.95)]:.2f} ms, "
            f"max {timings[-1]:.2f} ms; {joined} joined an existing story"
        )
        print(
            f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
            f"(after build {rss_before:.0f} MB)"
        )


if __name__ == "__main__":
    main()
