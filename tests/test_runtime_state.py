"""State held as state, not in strings: a failure's kind is its error class's, and a hot reload swaps routing whole."""

import dataclasses
import io
from datetime import UTC, datetime

from bot.config.routes import DeliveryConfig
from bot.delivery.deliver import deliver_due
from bot.delivery.route import Target
from bot.errors import ExtractError, FetchError
from bot.notify.console import ConsoleNotifier
from bot.records import Evidence, Item, TaggedItem, Tags
from bot.run.assemble import apply_routing
from bot.run.refresh import failure_kind
from bot.run.runtime import Runtime, iso
from bot.run.store import store
from tests.conftest import Clock

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_a_failures_kind_is_its_error_class_not_words_in_its_message():
    assert failure_kind(ExtractError("the body is not a feed")) == "extract"  # no "extract:" prefix needed
    assert failure_kind(RuntimeError("extract: a bug that quotes the word")) == "internal"
    assert failure_kind(FetchError("fetch: 503 from x", kind="server_error")) == "server_error"


def alerts(rt, n):
    tags = Tags(dprk_cyber=True, dprk_related=True, score=0.9, actors=("Kimsuky",),
                evidence=(Evidence("actor", "Kimsuky", "Kimsuky", 0, 7),))  # fmt: skip
    items = [
        TaggedItem(
            Item(
                source="feed",
                id=f"item-{i}",
                url=f"https://news.example.org/{i}",
                published=NOW,
                title=f"Kimsuky campaign {i}",
                text="North Korean hackers.",
            ),
            tags,
        )  # fmt: skip
        for i in range(n)
    ]
    store(rt.db(), "feed", items, iso(NOW), routes=lambda t: [Target("console", "screen", "default")])


def test_a_reload_during_delivery_never_mixes_old_and_new_routing(tmp_path):
    old_screen, new_screen, clock = io.StringIO(), io.StringIO(), Clock(NOW)
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={"console": ConsoleNotifier(old_screen)},
                 now=lambda: clock.now, monotonic=lambda: clock.mono)  # fmt: skip
    new = dataclasses.replace(
        rt.routing, notifiers={"console": ConsoleNotifier(new_screen)}, delivery=DeliveryConfig(min_interval=5)
    )
    alerts(rt, 3)

    def reload_between_posts(seconds):  # the pacing wait between two posts: a hot reload lands here
        apply_routing(rt, new)
        clock.sleep(seconds)

    assert deliver_due(rt, sleep=reload_between_posts).sent == 3
    assert old_screen.getvalue().count("Kimsuky campaign") == 3  # the run kept the routing it started with
    assert new_screen.getvalue() == "" and clock.sleeps == [1.0, 1.0]  # and its pacing, not the new 5 s
    assert rt.routing is new  # and the next run uses the new one whole


def test_routing_is_read_from_rt_routing_only(tmp_path):
    rt = Runtime(db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={}, ops=None)
    for stale in ("routes", "notifiers", "delivery", "ops"):  # a reader of these would miss a reload
        assert not hasattr(rt, stale), stale
    assert rt.routing.notifiers == {} and rt.routing.delivery.burst_threshold > 0
