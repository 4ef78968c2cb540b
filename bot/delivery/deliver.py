"""Delivery: post due outbox rows through their notifiers, oldest first; mark them sent only on success.

Rules: rows tried before (left 'sending' by a crash, or failed after the service may have stored the
post) are first looked up in the channel by their post's key, carried in message metadata, so nothing
is posted twice; a transient failure keeps the rows pending with backoff; a permanent one (bad token,
unknown channel) keeps them pending too, stops that notifier for this round and tells the ops route.
At most one post per `min_interval` per channel (Slack allows about one per second).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from bot.delivery.plan import Post, plan
from bot.errors import NotifyError
from bot.notify import card as cards
from bot.notify.card import build_alert, card
from bot.run.runtime import Runtime, iso
from storage import outbox
from storage.items import load_tagged, sources_of, story_sources
from storage.stories import lead_of

log = logging.getLogger(__name__)
LOOKBACK = timedelta(days=2)
PART_SIZE = cards.LIST_LIMIT
PERMANENT_RETRY = timedelta(minutes=30)
ROUNDS = 3  # delivery rounds per call: alerts, then the replies they unlocked


@dataclass
class DeliveryReport:
    sent: int = 0  # rows delivered
    posts: int = 0  # messages posted
    failed: int = 0  # rows left pending after a failure
    recovered: int = 0  # rows found already posted after a crash or a lost answer
    broken: set[str] = field(default_factory=set)


class Deliverer:
    def __init__(self, rt: Runtime, sleep: Callable[[float], None], should_stop: Callable[[], bool]):
        self.rt, self.sleep, self.should_stop = rt, sleep, should_stop
        self.routing = rt.routing  # one configuration for the whole run, even if a reload swaps rt.routing
        self.db = rt.db()
        self.report = DeliveryReport()
        self.last_post: dict[tuple[str, str], float] = {}
        self.held: set[tuple[str, str]] = set()  # channels that failed this round: nothing more goes there

    def run(self) -> DeliveryReport:
        """Rounds of posts: an alert sent in one round makes its thread's follow-ups due in the next, so a
        cycle's replies go out in the run that made them (at most ROUNDS, and only while rows were sent)."""
        for _ in range(ROUNDS):
            sent = self.report.sent
            self._round()
            if self.report.sent == sent or self.should_stop():
                break
        return self.report

    def _round(self) -> None:
        for post in plan(outbox.due(self.db, iso(self.rt.now())), self.routing.delivery.burst_threshold):
            if self.should_stop():
                break
            notifier = self.routing.notifiers.get(post.notifier)
            if notifier is None or post.notifier in self.report.broken or post.channel_key in self.held:
                continue
            if post.kind == "burst":
                self._burst(notifier, post)
                continue
            message = self._message(post)
            if message is None:  # a follow-up that would only repeat what the alert shows
                outbox.mark_sent(self.db, post.ids, post.rows[0].get("parent_ts") or "", iso(self.rt.now()))
                self.report.sent += len(post.ids)
                continue
            sent = self._post(notifier, post, post.key, post.rows, message, post.rows[0].get("parent_ts"))
            if sent and post.kind == "followup":
                self._refresh_parent(notifier, post)

    def _message(self, post: Post):
        if post.kind == "alert":
            tagged = load_tagged(self.db, post.rows[0]["item_id"])
            sources = sources_of(self.db, tagged.item.id)
            outbox.note_shown(self.db, post.ids, sources)  # what the alert names: its replies never repeat it
            return build_alert(tagged.item, tagged.tags, sources, alert_id=post.key)
        if post.kind == "ops":
            event = json.loads(post.rows[0]["payload"])
            return cards.ops_event(post.key, event["title"], event.get("lines", []))
        if post.kind == "digest":
            window = (post.rows[0]["due_at"] or "")[:16].replace("T", " ") + " UTC"
            return cards.Message(cards.DigestCard(post.key, post.rows[0]["route"], window, self._cards(post.rows)))
        return self._followup(post)

    def _followup(self, post: Post):
        """One reply for a story's news of this round: revisions, more sources, related reports; None when it
        would only repeat sources the alert already named. When an agency advisory now leads the story, the
        reply says so and keeps the first report in the thread (the alert is edited to show the advisory)."""
        parent = outbox.row(self.db, post.rows[0]["parent_id"])
        shown = outbox.shown(self.db, post.rows[0]["parent_id"])
        revisions = [r for r in post.rows if r["subject"].startswith("revision-")]
        sources = [r["subject"] for r in post.rows if r["subject"] and r not in revisions and r["subject"] not in shown]
        related = [r for r in post.rows if not r["subject"]]
        summaries = [json.loads(r["payload"])["summary"] for r in revisions]
        listed = self._cards(related)
        lead = lead_of(self.db.conn, parent["item_id"]) if parent else None
        lead_changed = bool(parent and lead != parent["item_id"] and any(r["item_id"] == lead for r in related))
        if lead_changed:
            listed += self._cards([{"item_id": parent["item_id"]}])
        if not (summaries or sources or related):
            return None
        return cards.followup(post.key, summaries, sources, listed, lead_changed)

    def _cards(self, rows: list[dict]) -> tuple[cards.Card, ...]:
        out = []
        for row in rows:
            tagged = load_tagged(self.db, row["item_id"])
            out.append(card(tagged.item, tagged.tags, sources_of(self.db, tagged.item.id)))
        return tuple(out)

    def _refresh_parent(self, notifier, post: Post) -> None:
        """Edit the story's alert to show every source that reported it (best effort: a failure is only logged)."""
        update = getattr(notifier, "update", None)
        parent = outbox.row(self.db, post.rows[0]["parent_id"])
        if update is None or parent is None or parent["batch_kind"] != "alert" or not parent["message_id"]:
            return  # only an alert posted on its own shows its story (not a burst's or a digest's line)
        lead = lead_of(self.db.conn, parent["item_id"])  # the story's best report: an advisory
        tagged = load_tagged(self.db, lead)
        sources = story_sources(self.db, parent["item_id"])
        message = build_alert(tagged.item, tagged.tags, sources, alert_id=parent["batch_key"])
        try:
            update(message.to(channel=post.channel), parent["message_id"])
        except NotifyError as exc:
            log.warning("cannot update the story's alert", extra={"post": parent["batch_key"], "error": str(exc)})

    def _burst(self, notifier, post: Post) -> None:
        """A summary message, then the items as replies in its thread, PART_SIZE per reply."""
        thread = next((r["thread_ts"] for r in post.rows if r["thread_ts"]), None)
        if thread is None:
            summary = cards.Message(cards.BurstCard(f"{post.key}-0", self._cards(post.rows)))
            thread = self._post(notifier, post, f"{post.key}-0", [], summary, None, mark=post.rows)
            if thread is None:
                return
            outbox.set_thread(self.db, post.ids, thread)
        for start in range(0, len(post.rows), PART_SIZE):
            part = post.rows[start : start + PART_SIZE]
            key = f"{post.key}-{part[0]['id']}"
            heading = f"Items {start + 1}-{start + len(part)} of this burst"
            message = cards.Message(cards.ListCard(key, heading, self._cards(part)), thread_ts=thread)
            if self._post(notifier, post, key, part, message, thread) is None or self.should_stop():
                return

    def _post(self, notifier, post: Post, key: str, rows, message, thread_ts, mark=None) -> str | None:
        """Send one message for `rows` (or, for a burst summary, only count an attempt on `mark`)."""
        rows_to_mark = rows or mark
        ids = [r["id"] for r in rows_to_mark]
        now = iso(self.rt.now())
        if any(r["attempts"] for r in rows_to_mark) and (found := self._find(notifier, post, key, thread_ts)):
            if rows:
                outbox.mark_sent(self.db, ids, found, now)
                self.report.recovered += len(ids)
                self.rt.metrics.alert(post.notifier, "recovered", len(ids))
            return found
        self._pace(post)
        if not outbox.mark_sending(self.db, ids, post.key, now, kind=post.kind):
            log.info("post skipped: its rows changed since they were read", extra={"post": key})
            return None  # an alert folded into another story's thread meanwhile: the next round posts the reply
        try:
            message_id = notifier.send(message.to(channel=post.channel, thread_ts=thread_ts))
        except NotifyError as exc:
            self._failed(post, ids, exc, max(r["attempts"] for r in rows_to_mark))
            return None
        finally:
            self.last_post[(post.notifier, post.channel)] = self.rt.monotonic()
        self.report.posts += 1
        if rows:
            outbox.mark_sent(self.db, ids, message_id, iso(self.rt.now()))
            self.report.sent += len(ids)
            self.rt.metrics.alert(post.notifier, "sent", len(ids))
        log.info("posted", extra={"post": key, "notifier": post.notifier, "rows": len(rows)})
        return message_id

    def _find(self, notifier, post: Post, key: str, thread_ts: str | None = None) -> str | None:
        find = getattr(notifier, "find_posted", None)
        if find is None:
            return None
        try:
            return find(key, (self.rt.now() - LOOKBACK).timestamp(), channel=post.channel, thread_ts=thread_ts)
        except NotifyError as exc:
            log.warning("cannot check for an earlier post", extra={"post": key, "error": str(exc)})
            return None

    def _pace(self, post: Post) -> None:
        last = self.last_post.get((post.notifier, post.channel))
        if last is not None:
            wait = self.routing.delivery.min_interval - (self.rt.monotonic() - last)
            if wait > 0:
                self.sleep(wait)

    def _failed(self, post: Post, ids: list[int], exc: NotifyError, attempts: int) -> None:
        self.report.failed += len(ids)
        self.rt.metrics.alert(post.notifier, "permanent_error" if exc.permanent else "error", len(ids))
        retry = timedelta(seconds=exc.retry_after or min(60 * 2**attempts, 3600))
        if exc.permanent:  # a token or channel problem needs a person: do not hammer the service meanwhile
            retry = max(retry, PERMANENT_RETRY)
        now = self.rt.now()
        outbox.mark_retry(self.db, ids, str(exc), iso(now), iso(now + retry))
        outbox.defer_channel(self.db, post.notifier, post.channel, iso(now + retry))
        self.held.add(post.channel_key)
        log.warning(
            "post failed",
            extra={
                "post": post.key,
                "notifier": post.notifier,
                "error": str(exc),
                "permanent": exc.permanent,
                "retry_in_s": int(retry.total_seconds()),
            },
        )
        if exc.permanent and post.notifier not in self.report.broken:
            self.report.broken.add(post.notifier)
            self.rt.ops_event(
                f"notifier-broken:{post.notifier}:{iso(now)[:13]}",
                f"Notifier {post.notifier} is failing",
                [str(exc), "Alerts are kept pending."],
                exclude=post.notifier,
            )


def deliver_due(rt: Runtime, sleep=time.sleep, should_stop=lambda: False) -> DeliveryReport:
    return Deliverer(rt, sleep, should_stop).run()
