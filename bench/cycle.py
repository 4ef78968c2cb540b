"""The cost of one cycle: 100 real advisory feeds (228 KB each) served on loopback with 200 ms latency.

Usage: python bench/cycle.py [--sources 100] [--latency 0.2] [--workers 16] [--daemon-seconds 0]
Measures, in one run:
- the floor: the same URLs fetched with 16 threads and parsed by feedparser, nothing else (wall, CPU);
- `advisory-bot run --once` as a real process, first cycle (backlog: extract, tag, store 1,000 items) and
  second cycle (unchanged: every request conditional, 304, headers only): wall, CPU (user+sys), peak RSS.
Each feed is the US-CERT alerts feed of 2018 (ten full alerts) with its links and GUIDs made unique per copy,
so every copy is really stored and tagged. Targets (issue): first wall <= 1.0x floor, CPU <= 3x floor,
second wall <= 2 s, peak RSS <= 250 MB. With --daemon-seconds N, the daemon (`advisory-bot run`) also runs N
seconds on a fresh archive (its first runs are spread over the first minute), then SIGTERM: its peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import feedparser
import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.servers.feeds import FeedServer  # noqa: E402 - the tests' loopback server, reused

FEED = Path("/work/shared/feeds/us-cert_alerts_2018.xml")


def floor(urls: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds to fetch every URL with 16 threads and parse it with feedparser."""

    def one(client: httpx.Client, url: str) -> int:
        return len(feedparser.parse(client.get(url).content).entries)

    wall, cpu = time.perf_counter(), time.process_time()
    limits = httpx.Limits(max_connections=16)
    with httpx.Client(trust_env=False, limits=limits) as client, ThreadPoolExecutor(16) as pool:
        entries = sum(pool.map(lambda u: one(client, u), urls))
    assert entries == 10 * len(urls), entries
    return time.perf_counter() - wall, time.process_time() - cpu


def run_once(sources: Path, db: Path) -> tuple[float, float, int, str]:
    """Wall s, CPU s (user+sys) and peak RSS (KiB) of one `run --once` process, and its summary line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    args = [sys.executable, "-m", "bot", "run", "--once", "--sources", str(sources), "--db", str(db)]
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*args, "--log-level", "WARNING"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(err[-3000:])
    summary = next((line for line in err.splitlines() if line.startswith("cycle:")), "")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, summary


def daemon_rss(sources: Path, db: Path, seconds: float) -> tuple[float, str]:
    """Peak RSS (MiB) of the daemon over `seconds`, and its items archived."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    args = [sys.executable, "-m", "bot", "run", "--sources", str(sources), "--db", str(db), "--log-level", "WARNING"]
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    proc.send_signal(signal.SIGTERM)
    _, _, usage = os.wait4(proc.pid, 0)
    items = sqlite3.connect(db).execute("SELECT count(*) FROM items").fetchone()[0]
    return usage.ru_maxrss / 1024, f"{items} items archived"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--daemon-seconds", type=float, default=0)
    args = parser.parse_args()
    original = FEED.read_text(encoding="utf-8")
    server = FeedServer().start()
    try:
        urls = []
        for n in range(args.sources):
            body = original.replace(
                "https://www.us-cert.gov/ncas/alerts/", f"https://www.us-cert.gov/ncas/alerts/c{n}/"
            )
            body = body.replace(" at https://www.us-cert.gov</guid>", f" at https://www.us-cert.gov/c{n}</guid>")
            server.serve(f"/feed/{n}.xml", body.encode(), delay=args.latency)
            urls.append(server.url(f"/feed/{n}.xml"))
        with tempfile.TemporaryDirectory() as tmp:
            sources = Path(tmp) / "sources.yaml"
            # one loopback host stands for 100 hosts: per-host politeness would otherwise serialise the fleet
            head = (
                f"fetching: {{workers: {args.workers}, per_host_concurrency: {args.workers}, "
                "per_host_interval: 0.001s}\nsources:\n"
            )
            entries = [
                f"  - {{name: feed-{n}, type: rss, url: '{u}', allow_private: true}}" for n, u in enumerate(urls)
            ]
            sources.write_text(head + "\n".join(entries) + "\n")
            floor_wall, floor_cpu = floor(urls)
            print(f"feeds: {len(urls)} x {len(original.encode()) // 1024} KB, latency {args.latency * 1000:.0f} ms")
            print(f"floor (16 threads, httpx + feedparser): wall_s={floor_wall:.2f} cpu_s={floor_cpu:.2f}")
            db = Path(tmp) / "a.db"
            for label in ("first (backlog)", "second (unchanged)"):
                wall, cpu, rss_kb, summary = run_once(sources, db)
                ratio = f"  wall/floor={wall / floor_wall:.2f} cpu/floor={cpu / floor_cpu:.2f}"
                print(f"{label:<19} wall_s={wall:.2f} cpu_s={cpu:.2f} peak_rss_mb={rss_kb / 1024:.0f}{ratio}")
                print(f"{'':<19} {summary}")
                errors = sqlite3.connect(db).execute(
                    "SELECT last_error_kind, substr(last_error, 1, 120), count(*) FROM sources"
                    " WHERE last_error IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 3"
                )
                for kind, error, count in errors:
                    print(f"{'':<19} failed: {count} x {kind}: {error}")
            conditional = [r for r in server.requests[-len(urls) :] if "if-none-match" in r.headers]
            print(f"second cycle conditional requests: {len(conditional)}/{len(urls)}")
            if args.daemon_seconds:
                rss, archived = daemon_rss(sources, Path(tmp) / "daemon.db", args.daemon_seconds)
                print(f"daemon ({args.daemon_seconds:g} s, fresh archive): peak_rss_mb={rss:.0f}, {archived}")
    finally:
        server.stop()
    print(f"bench process peak rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
