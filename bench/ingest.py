"""Ingest throughput and alert latency.

Usage: python bench/ingest.py [--items 10000] [--latency-runs 1]
1. items/s through extract + tag + dedupe + store, one thread (one core), for --items new items arriving as
   feeds of 500 items (titles and ~600-character summaries in the style of news and advisories, some DPRK).
2. seconds from an item appearing in a feed to its Slack post, with the daemon (`advisory-bot run`) fetching
   the feed every minute, against the loopback Slack stand-in. Target: within the interval plus 5 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bot.records import FetchResult, TaggedItem  # noqa: E402
from bot.run.store import store  # noqa: E402
from bot.tagging import get_tagger  # noqa: E402
from extractors import extract  # noqa: E402
from storage import open_archive  # noqa: E402
from tests.extractor_cases import make_source  # noqa: E402
from tests.servers.feeds import FeedServer  # noqa: E402
from tests.servers.slack import SlackAPI  # noqa: E402

SUMMARY = (
    "Security researchers describe campaign {n}: the actors sent spear-phishing emails with malicious documents "
    "to employees of {target}, exploited CVE-2024-{cve:04d} in an exposed VPN appliance, moved laterally with "
    "stolen credentials and exfiltrated data over HTTPS. {extra} Administrators should apply the vendor patch, "
    "reset credentials and review logs for the listed indicators of compromise."
)
EXTRA = (
    "Analysts attribute the activity to the North Korean Lazarus Group.",
    "The intrusion set overlaps with a financially motivated ransomware group.",
    "No attribution has been made.",
)


def feed(start: int, count: int) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>bench</title>']
    for n in range(start, start + count):
        text = SUMMARY.format(n=n, target=("banks", "hospitals", "exchanges")[n % 3], cve=n, extra=EXTRA[n % 3])
        out.append(
            f"<item><title>Campaign {n} targets {('banks', 'hospitals', 'exchanges')[n % 3]}</title>"
            f"<link>https://bench.example/{n}</link><guid isPermaLink='false'>bench-{n}</guid>"
            f"<pubDate>Mon, 13 May 2024 09:00:00 GMT</pubDate><description>{text}</description></item>"
        )
    out.append("</channel></rss>")
    return "".join(out).encode()


def throughput(total: int, batch: int = 500) -> None:
    source, tagger = make_source("bench", "rss"), get_tagger()
    feeds = [feed(start, min(batch, total - start)) for start in range(0, total, batch)]
    with tempfile.TemporaryDirectory() as tmp:
        db = open_archive(Path(tmp) / "a.db")
        times = dict.fromkeys(("extract", "tag", "store"), 0.0)
        started, cpu = time.perf_counter(), time.process_time()
        stored = 0
        for n, body in enumerate(feeds):
            t0 = time.perf_counter()
            items = extract(FetchResult(url="https://bench.example/feed", status=200, body=body), source)
            t1 = time.perf_counter()
            tags = tagger.tag_many([(i.title, i.text, i.language) for i in items])
            t2 = time.perf_counter()
            result = store(
                db, "bench", [TaggedItem(i, t) for i, t in zip(items, tags, strict=True)], f"2024-05-13T{n:02d}"
            )
            times["extract"], times["tag"] = times["extract"] + t1 - t0, times["tag"] + t2 - t1
            times["store"] += time.perf_counter() - t2
            stored += len(result.new)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    split = " ".join(f"{k}_s={v:.2f}" for k, v in times.items())
    print(f"ingest: {stored} new items in wall_s={wall:.2f} cpu_s={cpu:.2f}: {stored / wall:.0f} items/s  ({split})")


def latency(runs: int) -> None:
    server, slack = FeedServer().start(), SlackAPI().start()
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.yaml"
        sources.write_text(
            f"sources:\n  - {{name: live, type: rss, url: '{server.url('/live')}', allow_private: true, every: 1m}}\n"
        )
        server.serve("/live", feed(0, 5))
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
        env |= {"SLACK_BOT_TOKEN": slack.token, "SLACK_CHANNEL": "C0BENCH", "SLACK_API_URL": slack.url}
        args = [sys.executable, "-m", "bot", "run", "--sources", str(sources), "--db", str(Path(tmp) / "a.db")]
        daemon = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 120
            while len(server.requests) < 1 and time.monotonic() < deadline:  # backlog fetched (first minute)
                time.sleep(0.05)
            time.sleep(1.0)  # the backlog is stored
            for run in range(runs):
                n = 1000 + run
                server.serve("/live", feed(n, 1).replace(b"Campaign", b"Lazarus Group campaign") + feed(0, 5))
                appeared = time.monotonic()
                while time.monotonic() < appeared + 180 and not any(
                    f"campaign {n} " in m["text"] for m in slack.messages("C0BENCH")
                ):
                    time.sleep(0.05)
                waited = time.monotonic() - appeared
                print(f"latency: item {n} posted {waited:.1f} s after it appeared (interval 60 s, target <= 65 s)")
        finally:
            daemon.terminate()
            daemon.wait(timeout=60)
            server.stop()
            slack.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--latency-runs", type=int, default=1)
    args = parser.parse_args()
    throughput(args.items)
    if args.latency_runs:
        latency(args.latency_runs)


if __name__ == "__main__":
    main()
