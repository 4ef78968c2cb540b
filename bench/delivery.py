"""Delivery numbers against the loopback Slack stand-in, with the real WebClient and real time.

Usage: python bench/delivery.py [--burst 200] [--outage-alerts 30]
Prints: messages posted for a burst of N matching items in one round, the smallest gap between two posts
to one channel (the pacing limit is 1 s), and alerts delivered vs expected after an outage of 3 rounds.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bot.delivery.deliver import deliver_due  # noqa: E402
from bot.delivery.route import Target  # noqa: E402
from bot.notify.slack import SlackNotifier  # noqa: E402
from bot.records import Evidence, Item, TaggedItem, Tags  # noqa: E402
from bot.run.runtime import Runtime, iso  # noqa: E402
from bot.run.store import store  # noqa: E402
from tests.servers.slack import SlackAPI  # noqa: E402 - the tests' loopback stand-in, reused

CHANNEL = "C0BENCH"


def items(n: int, prefix: str) -> list[TaggedItem]:
    now = datetime.now(UTC)
    return [
        TaggedItem(
            Item(
                source="bench",
                id=f"{prefix}-{i}",
                url=f"https://news.example.org/{prefix}/{i}",
                title=f"Lazarus Group campaign {prefix} {i}",
                published=now,
                text="North Korean hackers.",
            ),
            Tags(
                dprk_cyber=True,
                dprk_related=True,
                score=0.9,
                actors=("Lazarus Group",),
                evidence=(Evidence("actor", "Lazarus Group", "Lazarus Group", 0, 13),),
            ),
        )
        for i in range(n)
    ]


def runtime(db: Path, api: SlackAPI, now=None) -> Runtime:
    notifier = SlackNotifier(api.token, CHANNEL, base_url=api.url)
    kwargs = {"now": now} if now else {}
    return Runtime(db_path=db, tagger=None, routes=None, notifiers={"slack": notifier}, **kwargs)


def enqueue(rt: Runtime, batch: list[TaggedItem]) -> None:
    store(rt.db(), "bench", batch, iso(rt.now()), routes=lambda t: [Target("slack", CHANNEL, "default")])


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--outage-alerts", type=int, default=30)
    args = parser.parse_args()
    api = SlackAPI().start()
    arrivals: list[float] = []
    api.on("chat.postMessage", lambda params: arrivals.append(time.monotonic()))
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp) / "burst.db", api)
        enqueue(rt, items(args.burst, "burst"))
        started = time.monotonic()
        report = deliver_due(rt)
        wall = time.monotonic() - started
        gaps = [b - a for a, b in zip(arrivals, arrivals[1:], strict=False)]
        print(f"burst: {args.burst} items -> {report.posts} messages ({report.sent} items delivered) in {wall:.1f} s")
        print(
            f"pacing: smallest gap between posts to one channel {min(gaps):.3f} s, max rate {1 / min(gaps):.2f} msg/s"
        )

        clock = {"now": datetime.now(UTC)}
        rt = runtime(Path(tmp) / "outage.db", api, now=lambda: clock["now"])
        delivery = rt.routing.delivery.model_copy(update={"burst_threshold": args.outage_alerts + 1})
        rt.routing = dataclasses.replace(rt.routing, delivery=delivery)
        enqueue(rt, items(args.outage_alerts, "outage"))
        before = len(api.messages(CHANNEL))
        api.down("refuse")
        attempts = 0
        for _ in range(3):
            attempts += deliver_due(rt).failed
            clock["now"] += timedelta(hours=2)
        api.up()
        deliver_due(rt)
        posted = [m for m in api.messages(CHANNEL)[before:]]
        keys = Counter(m["metadata"]["event_payload"]["alert_id"] for m in posted)
        in_order = [int(k[1:]) for k in keys] == sorted(int(k[1:]) for k in keys)
        print(
            f"outage: {args.outage_alerts} alerts, Slack down for 3 rounds ({attempts} failed posts) -> "
            f"{len(posted)} delivered, {sum(n > 1 for n in keys.values())} duplicates, in order: {in_order}"
        )
    api.close()


if __name__ == "__main__":
    main()
