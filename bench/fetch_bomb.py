"""Peak memory of one fetch of a compressed bomb: a real child process fetching from a loopback server.

Usage: python bench/fetch_bomb.py [--size-mib 1024] [--cap-mib 10]
Serves, on 127.0.0.1: a small plain feed (the baseline: interpreter, imports, one fetch), a single-layer gzip
bomb (`Content-Encoding: gzip`) and a stacked one (`gzip, gzip`), each of --size-mib zero bytes once inflated.
Each case runs `bot.fetch.client.fetch` in a fresh child process with the source's `max_bytes` at --cap-mib and prints
the fetch's outcome, the wire size and the child's own peak RSS (wait4, so no other process counts). The
child's address space is limited to 6 GiB, so a run before the fix ends in MemoryError rather than the machine
swapping.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.servers.feeds import FeedServer  # noqa: E402 - the tests' loopback server, reused

CHILD = """
import sys
from bot.config.sources import Source
from bot.errors import FetchError
from bot.fetch.client import fetch, make_client
url, cap = sys.argv[1], int(sys.argv[2])
source = Source(name="bomb", type="rss", url=url, every=1800.0, timeout=120.0, max_bytes=cap, language="en",
                enabled=True, selectors=None, fields=None, allow_private=True)
try:
    result = fetch(make_client(), source)
    print(f"ok: {len(result.body)} bytes")
except FetchError as exc:
    print(f"FetchError {exc.kind}: {exc}")
except MemoryError:
    print("MemoryError")
"""


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (6 * 2**30, 6 * 2**30))


def run_child(url: str, cap: int) -> tuple[str, float, float]:
    """(the child's last line of output, its peak RSS in MiB, seconds)."""
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(cap)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=limit_memory,
    )
    out = child.stdout.read()
    child.stdout.close()
    _, _, usage = os.wait4(child.pid, 0)
    lines = out.strip().splitlines() or ["(no output)"]
    return lines[-1][:110], usage.ru_maxrss / 1024, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="inflated size of each bomb (MiB)")
    parser.add_argument("--cap-mib", type=int, default=10, help="the source's max_bytes (MiB)")
    args = parser.parse_args()
    size, cap = args.size_mib * 2**20, args.cap_mib * 2**20
    server = FeedServer().start()
    try:
        server.serve("/plain", b"<rss version='2.0'><channel><title>t</title></channel></rss>", etag=False)
        cases = {"plain feed (baseline)": "/plain"}
        for layers, name in ((1, "gzip"), (2, "gzip, gzip")):
            route = server.gzip_bomb(f"/bomb{layers}", size=size, layers=layers)
            cases[f"{name}: {len(route.body):,} B on the wire"] = f"/bomb{layers}"
        print(f"cap {args.cap_mib} MiB, bombs of {args.size_mib} MiB inflated, python {sys.version.split()[0]}")
        print(f"{'case':<36} {'peak RSS MiB':>12} {'seconds':>8}  outcome")
        for name, path in cases.items():
            outcome, peak, seconds = run_child(server.url(path), cap)
            print(f"{name:<36} {peak:>12.1f} {seconds:>8.2f}  {outcome}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
