"""Time `advisory-bot run --once` over the project's own fixture feeds, served on loopback.

Usage: python bench/run_once.py [--copies N]
Serves every file of tests/data/feeds and tests/data/pages (N copies each, as separate sources), runs
`advisory-bot run --once` three times in a fresh archive (backlog, unchanged, unchanged) as a real
subprocess, and prints wall time, items stored and alerts per run. Alerts go to the console (no Slack).
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.servers.feeds import FeedServer  # noqa: E402 - the tests' loopback server, reused

PAGE_SELECTORS = '{item: "table.board tbody tr", title: "td.title a", link: "td.title a", date: "td.date"}'
JSON_FIELDS = (
    "{items: vulnerabilities, id: cveID, title: vulnerabilityName, date: dateAdded, summary: shortDescription}"
)


def source_entry(name: str, url: str, file: Path) -> str:
    kind = {".json": "json", ".html": "html"}.get(file.suffix, "rss")
    extra = {"html": f"    selectors: {PAGE_SELECTORS}\n", "json": f"    fields: {JSON_FIELDS}\n"}.get(kind, "")
    language = "ko" if "kr" in file.stem else "en"
    head = f"  - name: {name}\n    type: {kind}\n    url: {url}\n"
    return head + f"    language: {language}\n    allow_private: true\n{extra}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    files = sorted((ROOT / "tests/data/feeds").iterdir()) + sorted((ROOT / "tests/data/pages").iterdir())
    server = FeedServer().start()
    with tempfile.TemporaryDirectory() as tmp:
        entries = []
        for copy in range(args.copies):
            for file in files:
                name = re.sub(r"[^a-z0-9]+", "-", f"{file.stem}-{copy}".lower()).strip("-")
                server.serve_file(f"/{copy}/{file.name}", file)
                entries.append(source_entry(name, server.url(f"/{copy}/{file.name}"), file))
        sources = Path(tmp) / "sources.yaml"
        sources.write_text("sources:\n" + "".join(entries))
        db = Path(tmp) / "data" / "advisories.db"
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
        print(f"sources: {len(entries)} ({len(files)} fixture files x {args.copies})")
        for run in ("first (backlog)", "second (unchanged)", "third (unchanged)"):
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "bot", "run", "--once", "--sources", str(sources), "--db", str(db)],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            wall = time.perf_counter() - started
            summary = [line for line in done.stderr.splitlines() if line.startswith("cycle:")]
            items = sqlite3.connect(db).execute("SELECT count(*) FROM items").fetchone()[0]
            print(f"{run:<20} wall_s={wall:.2f} exit={done.returncode} items={items}  {summary[-1] if summary else ''}")
    server.stop()


if __name__ == "__main__":
    main()
