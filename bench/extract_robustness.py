"""Run the rss extractor over feedparser's own test suite and count ok / ExtractError / crash, with timing.

    /work/venv/bin/python bench/extract_robustness.py [SUITE_DIR] [--show-crashes]

Any exception other than ExtractError is a crash, i.e. a bug to fix; the exit status is 1 when there is one.
Each suite file opens with a comment naming what feedparser expects; we only check that nothing crashes,
that no entry keeps markup-bearing hostile text in a URL, and how long each file takes.
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config.sources import Source  # noqa: E402
from bot.errors import ExtractError  # noqa: E402
from bot.records import FetchResult  # noqa: E402
from extractors import rss  # noqa: E402

DEFAULT_SUITE = Path("/work/shared/feeds/feedparser-suite")
SOURCE = Source(
    name="feedparser-suite",
    type="rss",
    url="http://127.0.0.1/",
    every=1800.0,
    timeout=20.0,
    max_bytes=10 * 2**20,
    language="en",
    enabled=True,
    selectors=None,
    fields=None,
    allow_private=False,
)


def main(argv: list[str]) -> int:
    show = "--show-crashes" in argv
    args = [a for a in argv if not a.startswith("--")]
    suite = Path(args[0]) if args else DEFAULT_SUITE
    files = sorted(p for p in suite.rglob("*.xml") if p.is_file())
    counts = {"ok": 0, "extract_error": 0, "crash": 0}
    items_total = unsafe_urls = 0
    crashes: list[tuple[Path, str]] = []
    timings: list[tuple[float, Path]] = []
    started = time.perf_counter()
    for path in files:
        result = FetchResult(url="http://127.0.0.1/feed.xml", status=200, body=path.read_bytes())
        t0 = time.perf_counter()
        try:
            items = rss.extract(result, SOURCE)
        except ExtractError:
            counts["extract_error"] += 1
        except Exception:  # noqa: BLE001 - counting crashes is the point
            counts["crash"] += 1
            crashes.append((path, traceback.format_exc()))
        else:
            counts["ok"] += 1
            items_total += len(items)
            unsafe_urls += sum(1 for i in items if i.url and not i.url.startswith(("http://", "https://")))
        timings.append((time.perf_counter() - t0, path))
    total = time.perf_counter() - started
    timings.sort(reverse=True)
    print(
        f"files: {len(files)}  ok: {counts['ok']}  extract_error: {counts['extract_error']}  crash: {counts['crash']}"
    )
    print(f"items: {items_total}  non-http(s) urls: {unsafe_urls}")
    print(f"total: {total * 1000:.0f} ms  mean: {total / max(1, len(files)) * 1000:.2f} ms/file")
    print("slowest:", ", ".join(f"{p.relative_to(suite)} {t * 1000:.1f} ms" for t, p in timings[:3]))
    for path, trace in crashes[: None if show else 5]:
        print(f"\nCRASH {path.relative_to(suite)}\n{trace}")
    return 1 if counts["crash"] or unsafe_urls else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
