"""Network faults, end to end: one `run --once` cycle where each source fails its own way beside a healthy one.

Every fault becomes a named error kind on that source (status shows it), with the next check pushed out as the
fault asks (Retry-After, gone); the healthy source in the same cycle stores and alerts as usual. Redirect safety
end to end only ever redirects into a loopback canary: the first hop is declared public by a stand-in guard, the
real guard must then refuse the hop to 127.0.0.1 before any connection to it.
"""

from __future__ import annotations

import socket
import sqlite3
import time
from contextlib import closing
from datetime import datetime, timedelta

import pytest

from bot.config.sources import Source
from bot.errors import FetchError
from bot.fetch import address_guard as netguard
from bot.fetch import client as fetch_module
from bot.fetch.client import make_client
from storage import open_archive
from tests.conftest import make_source
from tests.test_hostile_cycle import CHANNEL, DPRK_TEXT, baseline, invoke, item, rss

FETCHING = "fetching: {workers: 8, per_host_concurrency: 16, per_host_interval: 0.001s}\n"
BODY = baseline("fault") * 20  # ~10 KB


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


FAULTS = {
    # name: (setup(server, path), expected kind, message fragment)
    "refused": (None, "network", "ConnectError"),
    "slow-first-byte": (lambda s, p: s.serve(p, BODY, delay=30), "timeout", "timed out after 2s"),
    "trickle": (lambda s, p: s.trickle(p, BODY, chunk=1, interval=0.05), "timeout", "timed out after 2s"),
    "stall-mid-body": (lambda s, p: s.trickle(p, BODY, chunk=500, interval=30), "timeout", "timed out after 2s"),
    "reset": (lambda s, p: s.reset(p, BODY, after=100), "network", "fetch: reset: ReadError"),
    "redirect-loop": (lambda s, p: (s.redirect(p, p + "/2"), s.redirect(p + "/2", p)), "redirects", "redirects"),
    "not-found": (lambda s, p: s.fail(p, 404), "gone", "404 from not-found: gone"),
    "gone": (lambda s, p: s.fail(p, 410), "gone", "410 from gone: gone"),
    "rate-limited": (lambda s, p: s.fail(p, 429, retry_after="7200"), "rate_limited", "429 from rate-limited"),
    "unavailable": (
        lambda s, p: s.fail(p, 503, retry_after="Fri, 01 Jan 2100 00:00:00 GMT"),
        "rate_limited",
        "503 from unavailable",
    ),
    "tls": (None, "network", "SSL"),
    "redirect-to-loopback": (lambda s, p: s.redirect(p, "/canary/internal"), "blocked", "non-public address 127.0.0.1"),
}


PUBLIC_STAND_IN = "public-feed.invalid"


@pytest.fixture(scope="module")
def faults(tmp_path_factory):
    from tests.servers.feeds import FeedServer
    from tests.servers.slack import SlackAPI

    tmp = tmp_path_factory.mktemp("faults")
    server, slack = FeedServer().start(), SlackAPI().start()
    urls = {name: server.url("/" + name) for name in FAULTS}
    # a name standing for a public feed host: only this test's resolver knows it, and it answers loopback
    urls["redirect-to-loopback"] = urls["redirect-to-loopback"].replace("127.0.0.1", PUBLIC_STAND_IN)
    urls["refused"] = f"http://127.0.0.1:{closed_port()}/feed"
    urls["tls"] = server.url("/tls").replace("http://", "https://")
    lines = [FETCHING + "sources:"]
    lines.append(f"  - {{name: control, type: rss, url: '{server.url('/control')}', allow_private: true}}")
    lines.append(f"  - {{name: redirect-chain, type: rss, url: '{server.url('/chain')}', allow_private: true}}")
    for name, url in urls.items():
        private = "false" if name == "redirect-to-loopback" else "true"
        lines.append(f"  - {{name: {name}, type: rss, url: '{url}', allow_private: {private}, timeout: 2s}}")
    (tmp / "sources.yaml").write_text("\n".join(lines) + "\n")
    db = tmp / "a.db"
    public_entry = urls["redirect-to-loopback"]
    real = netguard.refusal

    def guard(url, allow_private, resolve=netguard.resolve_host):
        # the entry URL stands for a public feed host; every other hop gets the real decision
        return None if url == public_entry else real(url, allow_private, resolve)

    def client():
        def resolve(host):
            return ["127.0.0.1"] if host == PUBLIC_STAND_IN else netguard.resolve_host(host)

        # the stand-in's loopback answer counts as public where connections open; every hop's URL check above
        # is the real one, and it is what must refuse the redirect into loopback
        return fetch_module.make_client(resolve=resolve, public=lambda address: True)

    mp = pytest.MonkeyPatch()
    mp.setattr(fetch_module, "refusal", guard)
    mp.setattr("bot.run.runtime.make_client", client)
    try:
        for name in [*FAULTS, "control", "chain"]:
            server.serve("/" + name, baseline(name))
        server.serve("/final", baseline("redirect-chain"))
        server.redirect("/chain", "/final", status=301)
        invoke(tmp / "sources.yaml", db, slack)  # backlog: every source that can answer, answers
        server.serve("/control", rss(item("Lazarus Group phishes a bank", "https://x.example/c/1", "c-1", DPRK_TEXT)))
        server.redirect("/chain", "/hop", status=301)
        server.redirect("/hop", "/final2", status=302)
        server.serve("/final2", rss(item("Chained", "https://x.example/chain/2", "chain-2", "Routine.")))
        for name, (setup, _, _) in FAULTS.items():
            if setup:
                setup(server, "/" + name)
        started = time.monotonic()
        run = invoke(tmp / "sources.yaml", db, slack)
        run.elapsed = time.monotonic() - started
        yield server, slack, db, run
    finally:
        mp.undo()
        server.stop()
        slack.close()


def state(db, name: str) -> dict:
    return next(open_archive(db).query("SELECT * FROM sources WHERE name = ?", [name]))


@pytest.mark.parametrize("name", list(FAULTS))
def test_fault_is_a_named_error_on_that_source_only(faults, name):
    _, _, db, run = faults
    _, kind, fragment = FAULTS[name]
    row = state(db, name)
    assert (row["last_error_kind"], row["error_count"]) == (kind, 1) or (
        name in ("refused", "tls") and row["last_error_kind"] == kind  # never answered, not even for the backlog
    ), row
    assert fragment in row["last_error"], row["last_error"]
    # a source that failed the backlog run already is backing off in this one: not fetched, and said so
    expected = ("source failed", "source backing off") if name in ("refused", "tls") else ("source failed",)
    assert any(r.get("source_id") == name and r["msg"] in expected for r in run.logs)
    items = open_archive(db).execute("SELECT count(*) FROM item_sources WHERE source = ?", [name]).fetchone()[0]
    assert items == (0 if name in ("refused", "tls") else 2)  # the backlog stored before the fault is kept


def test_healthy_sources_unaffected_and_cycle_bounded(faults):
    _, slack, db, run = faults
    assert state(db, "control")["error_count"] == 0
    assert [m for m in slack.messages(CHANNEL) if "phishes a bank" in m["text"]]
    chain = state(db, "redirect-chain")
    assert chain["error_count"] == 0 and chain["items_last_fetch"] == 1
    assert run.elapsed < 20  # 2 s deadlines, in parallel: no fault holds the cycle


def test_redirect_into_loopback_refused_before_connecting(faults):
    server, _, _, run = faults
    assert not [r for r in server.requests if r.path.startswith("/canary")]
    (line,) = [r for r in run.logs if r.get("source_id") == "redirect-to-loopback" and r["msg"] == "source failed"]
    assert line["error_kind"] == "blocked" and "/canary/internal" in line["error"]


@pytest.mark.parametrize(("name", "at_least"), [("rate-limited", 7200), ("unavailable", 6 * 3600)])  # 2100: the 6 h cap
def test_retry_after_pushes_the_next_check(faults, name, at_least):
    row = state(faults[2], name)
    wait = datetime.fromisoformat(row["next_check_at"]) - datetime.fromisoformat(row["last_attempt_at"])
    assert wait >= timedelta(seconds=at_least)


@pytest.mark.parametrize("name", ["not-found", "gone"])
def test_gone_source_waits_the_longest_backoff_at_once(faults, name):
    row = state(faults[2], name)
    wait = datetime.fromisoformat(row["next_check_at"]) - datetime.fromisoformat(row["last_attempt_at"])
    assert wait >= timedelta(hours=6)


def test_gone_source_is_parked_after_three_answers(tmp_path, feed_server, slack_api):
    (tmp_path / "s.yaml").write_text(
        f"sources:\n  - {{name: dead, type: rss, url: '{feed_server.url('/dead')}', allow_private: true}}\n"
    )
    feed_server.fail("/dead", 410)
    for n in range(3):
        if n:  # as if the backoff had run out between the cron runs
            with closing(sqlite3.connect(tmp_path / "a.db")) as conn, conn:
                conn.execute("UPDATE sources SET next_check_at = NULL")
        invoke(tmp_path / "s.yaml", tmp_path / "a.db", slack_api)
    row = state(tmp_path / "a.db", "dead")
    wait = datetime.fromisoformat(row["next_check_at"]) - datetime.fromisoformat(row["last_attempt_at"])
    assert row["error_count"] == 3 and wait >= timedelta(days=29)
    asked = len(feed_server.requests)
    invoke(tmp_path / "s.yaml", tmp_path / "a.db", slack_api)
    assert len(feed_server.requests) == asked  # parked: the next cron run does not ask again


def source(url: str, timeout: float) -> Source:
    return make_source("drip", "rss", url=url, timeout=timeout, max_bytes=2**20, allow_private=True)


def test_deadline_is_total_even_when_each_read_is_just_in_time(feed_server):
    # a byte every 0.9 s with a 1 s deadline: each read alone is within time; the fetch as a whole is not
    feed_server.trickle("/drip", BODY, chunk=1, interval=0.9)
    started = time.monotonic()
    with make_client() as client, pytest.raises(FetchError) as info:
        fetch_module.fetch(client, source(feed_server.url("/drip"), 1.0))
    assert info.value.kind == "timeout"
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    "url",
    [
        "http://2852039166/latest/meta-data/",  # 169.254.169.254 as one decimal number
        "http://0xa9fea9fe/",  # ... in hex
        "http://0251.0376.0251.0376/",  # ... in octal
        "http://169.254.169.254./",  # trailing dot
        "http://127.1/",  # short form of 127.0.0.1
        "http://0/",  # 0.0.0.0
        "http://[::ffff:169.254.169.254]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[0:0:0:0:0:ffff:7f00:1]/",
        "http://[fe80::1%25eth0]/",
        "http://user:pass@10.0.0.1@example.org/",
    ],
)
def test_obfuscated_private_addresses_refused(url):
    def numeric_only(host: str) -> list[str]:  # resolve IP literals in every spelling, never ask DNS
        host = host.rstrip(".")
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
        return sorted({i[4][0] for i in infos})

    try:
        reason = netguard.refusal(url, False, resolve=numeric_only)
    except UnicodeError:
        reason = "unparseable"
    if "%25" in url:  # a zone id: not even an address to this guard, so refused as unresolvable
        assert reason is not None
        return
    if "example.org" in url:  # the host is example.org (userinfo is not the host): DNS, not numeric, decides
        assert reason is not None and "cannot resolve example.org" in reason
        return
    assert reason is not None and "non-public" in reason, reason
