"""Hostile and malformed input, end to end: one `run --once` cycle where every source misbehaves its own way.

Run 1 serves a small valid baseline feed per source (the backlog, stored silently). Run 2 serves each
source's hostile variant in the same cycle, beside a `control` source that gains a new DPRK item. One test per
case then checks: a clear error or a clean skip, logged with the source's name; nothing stored in run 1 lost;
what was posted to Slack inert. The cycle-wide tests check the control source was unaffected, every alert was
posted once, and the archive is intact.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from storage import open_archive
from tests.servers.feeds import FeedServer
from tests.servers.slack import SlackAPI

DATA = Path(__file__).parent / "data" / "hostile"
CHANNEL = "C0HOSTILE"
DPRK_TEXT = "North Korean hackers of the Lazarus Group stole cryptocurrency from an exchange."
RAW_SLACK_SYNTAX = ("<!channel>", "<!here>", "<!everyone>", "<@U1>", "<https://evil", "|innocent>")


def rss(items: str, channel_extra: str = "", prolog: str = '<?xml version="1.0" encoding="utf-8"?>\n') -> bytes:
    return f'{prolog}<rss version="2.0"><channel><title>t</title>{channel_extra}{items}</channel></rss>\n'.encode()


def item(title: str, link: str, guid: str, text: str = "", date: str = "Mon, 13 May 2024 09:00:00 GMT") -> str:
    parts = [f"<title>{title}</title>" if title is not None else "", f"<link>{link}</link>" if link else ""]
    parts += [f'<guid isPermaLink="false">{guid}</guid>' if guid else "", f"<description>{text}</description>"]
    parts += [f"<pubDate>{date}</pubDate>" if date else ""]
    return "<item>" + "".join(parts) + "</item>"


def baseline(name: str) -> bytes:
    """Two ordinary, non-DPRK items per source: the backlog that run 2 must not lose."""
    return rss(
        "".join(
            item(
                f"Baseline {n} of {name}",
                f"https://hostile.example/{name}/base-{n}",
                f"{name}-base-{n}",
                "Patch notes.",
            )
            for n in (1, 2)
        )
    )


def board(rows: str) -> bytes:
    head = "<html><head><meta charset='utf-8'><title>Board</title></head><body><h1>Notices</h1>"
    return (
        f"{head}<table class='board'><tbody>{rows}</tbody></table><p>{'Footer text. ' * 40}</p></body></html>".encode()
    )


def row(name: str, n: int) -> str:
    return f"<tr><td class='title'><a href='/{name}/{n}'>Notice {n} of {name}</a></td><td class='date'>2024-05-13</td></tr>"


def big_feed(count: int) -> bytes:
    entry = (
        "<item><title>Bulk {0}</title><link>https://bulk.example/{0}</link>"
        "<guid isPermaLink='false'>bulk-{0}</guid><description>Routine update {0}.</description></item>"
    )
    return rss("".join(entry.format(n) for n in range(count)))


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + ']>\n<rss version="2.0"><channel><title>t</title>'
    + item("laughs &lol9;", "https://hostile.example/laughs/1", "laughs-1", "&lol9;")
    + "</channel></rss>"
).encode()
QUADRATIC = (
    f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "{"A" * 50_000}">]>\n<rss version="2.0"><channel><title>t</title>'
    + item("blowup", "https://hostile.example/quadratic/1", "quadratic-1", "&a;" * 20_000)
    + "</channel></rss>"
).encode()
XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    '<rss version="2.0"><channel><title>t</title>'
    + item("xxe &xxe;", "https://hostile.example/xxe/1", "xxe-1", "&xxe;")
    + "</channel></rss>"
).encode()


def dtd_fetch(server: FeedServer) -> bytes:
    # an external DTD plus an external parameter entity, both pointing at loopback canaries
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{server.url("/canary/external.dtd")}">\n'
        f'<?xml-stylesheet href="{server.url("/canary/style.xsl")}"?>\n<rss version="2.0"><channel><title>t</title>'
        + item("dtd", "https://hostile.example/dtd/1", "dtd-1", "Routine.")
        + "</channel></rss>"
    ).encode()


def dtd_param(server: FeedServer) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % ext SYSTEM "{server.url("/canary/param.dtd")}"> %ext;]>\n'
        '<rss version="2.0"><channel><title>t</title>'
        + item("param &pwned;", "https://hostile.example/param/1", "param-1", "Routine.")
        + "</channel></rss>"
    ).encode()


SCRIPT_PAGE = (
    b"<!doctype html><html><head><title>Security Notices</title><script src='/static/app.js'></script></head>"
    b"<body><noscript>You need to enable JavaScript to run this app.</noscript><div id='root'></div>"
    b"<script>window.__INITIAL_STATE__ = {};</script></body></html>"
)
MRKDWN = (
    "*URGENT* _official_ ~CISA~ `notice` ```code``` &gt; quoted [click here](https://evil.example/x) "
    "&lt;https://evil.example|innocent&gt; @channel @here evil.example"
)


@dataclass
class Case:
    """One hostile source: what run 2 serves, what outcome it must have, and the log reason that names it."""

    name: str
    serve: object  # callable(server, path) run before run 2
    outcome: str  # "ok" or the sources.last_error_kind expected
    reason: str = ""  # regex that a log line naming the source must match
    yaml: str = ""  # extra sources.yaml keys
    type: str = "rss"
    first: object = None  # callable(server, path) for run 1 (default: the RSS baseline)
    extra: dict = field(default_factory=dict)


def body(data: bytes | object, content_type: str = "application/rss+xml; charset=utf-8", **kw):
    def serve(server: FeedServer, path: str) -> None:
        payload = data(server) if callable(data) else data
        server.serve(path, payload, content_type=content_type, **kw)

    return serve


CASES = [
    # --- XML ---------------------------------------------------------------------------------------------
    Case("billion-laughs", body(BILLION_LAUGHS), "ok"),
    Case("quadratic-blowup", body(QUADRATIC), "ok"),
    Case("xxe-file", body(XXE), "ok"),
    Case("dtd-fetch", body(dtd_fetch), "ok"),
    Case("dtd-parameter-entity", body(dtd_param), "ok"),
    Case(
        "truncated",
        body(baseline("truncated")[:-60] + item("cut", "https://x.example/cut", "cut").encode()[:30]),
        "ok",
    ),
    Case("invalid-bytes", body(bytes(range(256)) * 8), "extract", r"not a feed"),
    Case(
        "wrong-declared-encoding",
        body((DATA / "wrong_encoding.xml").read_bytes(), "application/xml"),
        "ok",
        yaml="language: ko",
    ),
    Case("euc-kr", body((DATA / "euckr.xml").read_bytes(), "application/rss+xml; charset=euc-kr"), "ok"),
    Case("shift-jis", body((DATA / "shift_jis.xml").read_bytes(), "application/xml"), "ok"),
    Case("html-as-rss", body(b"<html><body><h1>Welcome</h1><p>Not a feed.</p></body></html>"), "extract", "not a feed"),
    Case("empty-body", body(b""), "extract", "empty body"),
    Case("body-200mb", lambda s, p: s.huge(p, size=200 * 2**20), "too_large", r"exceeds the \d+-byte cap"),
    Case("gzip-bomb", lambda s, p: s.gzip_bomb(p, size=2**28), "too_large", r"exceeds the \d+-byte cap"),
    # --- items -------------------------------------------------------------------------------------------
    Case(
        "missing-fields",
        body(
            rss(
                item(None, "", "", "no title, no link, no guid")
                + item("Title only, no link or date", "", "", DPRK_TEXT, date="")
                + item("", "https://hostile.example/missing-fields/link-only", "", "Routine.")
            )
        ),
        "ok",
        r"extract_skipped",
    ),
    Case(
        "odd-dates",
        body(
            rss(
                item("Dated 2999", "https://hostile.example/odd-dates/1", "od-1", "x", "Tue, 01 Jan 2999 00:00:00 GMT")
                + item("Dated year one", "https://hostile.example/odd-dates/2", "od-2", "x", "0001-01-01T00:00:00Z")
                + item("Dated nonsense", "https://hostile.example/odd-dates/3", "od-3", "x", "yesterday-ish")
            )
        ),
        "ok",
    ),
    Case(
        "duplicate-guids",
        body(
            rss(
                item("First with guid dup", "https://hostile.example/dup/1", "dup-guid", "x")
                + item("Second with guid dup", "https://hostile.example/dup/2", "dup-guid", "x")
            )
        ),
        "ok",
        r"extract_skipped.*duplicates",
    ),
    Case(
        "changing-guids",
        body(
            rss(
                item(
                    "Baseline 1 of changing-guids",
                    "https://hostile.example/changing-guids/base-1",
                    "guid-42",
                    "Patch notes.",
                )
                + item(
                    "Baseline 2 of changing-guids",
                    "https://hostile.example/changing-guids/base-2",
                    "guid-43",
                    "Patch notes.",
                )
            )
        ),
        "ok",
    ),
    Case(
        "bad-link-schemes",
        body(
            rss(
                item("Lazarus javascript link", "javascript:alert(document.cookie)", "bl-1", DPRK_TEXT)
                + item("Lazarus data link", "data:text/html;base64,PHNjcmlwdD4=", "bl-2", DPRK_TEXT)
                + item("Lazarus file link", "file:///etc/passwd", "bl-3", DPRK_TEXT)
            )
        ),
        "ok",
    ),
    Case(
        "long-title",
        body(rss(item("Lazarus " + "A" * 200_000, "https://hostile.example/long/1", "lt-1", DPRK_TEXT))),
        "ok",
    ),
    Case(
        "control-and-bidi",
        body(
            rss(
                item(
                    "Lazarus\u202e gnp.exe\u202c \x1b[31mred\x1b[0m\u200b hidden\u2066 iso\u2069 &#x7;bell",
                    "https://hostile.example/bidi/1",
                    "bidi-1",
                    DPRK_TEXT + " \u202eevil\u202c \x08",
                )
            )
        ),
        "ok",
    ),
    Case(
        "slack-injection",
        body(
            rss(
                item(
                    "Lazarus &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U1&gt; &lt;https://evil.example|innocent&gt;",
                    "https://hostile.example/inject/1",
                    "inject-1",
                    DPRK_TEXT + " &lt;!channel&gt; &lt;@U1&gt; &lt;https://evil.example|innocent&gt;",
                )
            )
        ),
        "ok",
    ),
    Case(
        "mrkdwn-tricks",
        body(rss(item("Lazarus " + MRKDWN, "https://hostile.example/md/1", "md-1", DPRK_TEXT + " " + MRKDWN))),
        "ok",
    ),
    # --- HTML pages --------------------------------------------------------------------------------------
    Case(
        "html-empty-board",
        body(board("<!-- rebuilt -->"), "text/html; charset=utf-8"),
        "ok",
        r"no items",
        type="html",
        first=body(board(""), "text/html; charset=utf-8"),
    ),
    Case(
        "html-markup-changed",
        body(
            b"<html><body><div class='cards'>"
            + b"<article><h2>New layout</h2></article>" * 3
            + b"</div></body></html>",
            "text/html",
        ),
        "ok",
        r"no items.*previous_items",
        type="html",
        first=body(board(row("html-markup-changed", 1) + row("html-markup-changed", 2)), "text/html; charset=utf-8"),
    ),
    Case(
        "html-script-generated",
        body(SCRIPT_PAGE, "text/html; charset=utf-8"),
        "extract",
        r"script-generated",
        type="html",
        first=body(board(row("html-script-generated", 1)), "text/html; charset=utf-8"),
    ),
]
BY_NAME = {c.name: c for c in CASES}
SELECTORS = '{item: "table.board tbody tr", title: "td.title a", link: "td.title a", date: "td.date"}'


def sources_yaml(server: FeedServer) -> str:
    # one loopback host serves every source: lift the per-host politeness a real fleet of hosts would not need
    out = ["fetching: {workers: 8, per_host_concurrency: 8, per_host_interval: 0.001s}", "sources:"]
    for name, kind, extra in [("control", "rss", "")] + [(c.name, c.type, c.yaml) for c in CASES]:
        out.append(f"  - name: {name}\n    type: {kind}\n    url: {server.url('/' + name)}\n    allow_private: true")
        if kind == "html":
            out.append(f"    selectors: {SELECTORS}")
        if extra:
            out.append(f"    {extra}")
    return "\n".join(out) + "\n"


@dataclass
class Run:
    output: str
    logs: list[dict]


@dataclass
class HostileCycle:
    server: FeedServer
    slack: SlackAPI
    db: Path
    first: Run
    second: Run
    third: Run
    baseline_ids: dict[str, set[str]]

    def archive(self):
        return open_archive(self.db)

    def state(self, name: str) -> dict:
        return next(self.archive().query("SELECT * FROM sources WHERE name = ?", [name]))

    def items(self, name: str) -> list[dict]:
        sql = "SELECT items.* FROM items JOIN item_sources s ON s.item_id = items.id WHERE s.source = ?"
        return list(self.archive().query(sql, [name]))

    def posts(self) -> list[str]:
        return [json.dumps(m["blocks"], ensure_ascii=False) + "\n" + m["text"] for m in self.slack.messages(CHANNEL)]

    def posts_for(self, marker: str) -> list[str]:
        return [p for p in self.posts() if marker in p]

    def log_lines(self, name: str) -> list[str]:
        return [json.dumps(r, ensure_ascii=False) for r in self.second.logs if r.get("source_id") == name]


def invoke(sources: Path, db: Path, slack: SlackAPI) -> Run:
    env = {"SLACK_BOT_TOKEN": slack.token, "SLACK_CHANNEL": CHANNEL, "SLACK_API_URL": slack.url}
    args = ["run", "--once", "--sources", str(sources), "--db", str(db), "--log-format", "json"]
    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output[-3000:]
    logs = []
    for line in result.output.splitlines():
        if line.startswith("{"):
            logs.append(json.loads(line))
    return Run(result.output, logs)


@pytest.fixture(scope="module")
def cycle(tmp_path_factory) -> HostileCycle:
    tmp = tmp_path_factory.mktemp("hostile")
    server, slack = FeedServer().start(), SlackAPI().start()
    try:
        (tmp / "sources.yaml").write_text(sources_yaml(server))
        db = tmp / "a.db"
        server.serve("/control", baseline("control"))
        for case in CASES:
            (case.first or body(baseline(case.name)))(server, "/" + case.name)
        first = invoke(tmp / "sources.yaml", db, slack)
        archive = open_archive(db)
        baseline_ids = {
            name: {r[0] for r in archive.execute("SELECT item_id FROM item_sources WHERE source = ?", [name])}
            for name in ["control", *BY_NAME]
        }
        new = item(
            "Lazarus Group hits another exchange", "https://hostile.example/control/new-1", "control-new-1", DPRK_TEXT
        )
        server.serve(
            "/control", rss(new + baseline("control").decode().split("<title>t</title>", 1)[1].split("</channel>")[0])
        )
        for case in CASES:
            case.serve(server, "/" + case.name)
        second = invoke(tmp / "sources.yaml", db, slack)
        third = invoke(tmp / "sources.yaml", db, slack)  # nothing changed; follow-ups go out once their parent did
        yield HostileCycle(server, slack, db, first, second, third, baseline_ids)
    finally:
        server.stop()
        slack.close()


# --- the matrix: one test per case -------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(BY_NAME))
def test_case_outcome_is_logged_and_nothing_stored_is_lost(cycle, name):
    case = BY_NAME[name]
    state = cycle.state(name)
    lines = cycle.log_lines(name)
    if case.outcome == "ok":
        assert state["error_count"] == 0 and state["last_error"] is None, state
        assert any('"msg": "source refreshed"' in line for line in lines), lines
    else:
        assert state["last_error_kind"] == case.outcome, state
        assert name in state["last_error"]  # the message names the source (status shows it)
        failed = [line for line in lines if '"msg": "source failed"' in line]
        assert failed and re.search(case.reason, failed[0]), lines
    if case.reason and case.outcome == "ok":
        assert any(re.search(case.reason, line) for line in lines), lines
    stored = {r["id"] for r in cycle.items(name)}
    assert cycle.baseline_ids[name] <= stored  # nothing from run 1 lost
    assert cycle.baseline_ids[name] or name == "html-empty-board"


def test_control_source_unaffected_and_alerted_once(cycle):
    assert cycle.state("control")["error_count"] == 0
    assert len(cycle.posts_for("Lazarus Group hits another exchange")) == 1


def test_every_alert_posted_once_and_archive_intact(cycle):
    archive = cycle.archive()
    assert archive.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    statuses = dict(archive.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())
    assert set(statuses) == {"sent"}, statuses
    keys = [m["metadata"]["event_payload"]["alert_id"] for m in cycle.slack.messages(CHANNEL)]
    assert len(keys) == len(set(keys))  # nothing posted twice
    alerts = {r[0] for r in archive.execute("SELECT batch_key FROM outbox WHERE kind = 'alert'")}
    assert alerts and alerts <= set(keys)  # every alert posted (follow-ups go into its thread)
    assert f"{len(CASES) + 1} sources" in cycle.second.output
    failing = sum(c.outcome != "ok" for c in CASES)
    # the third run comes right after the second: the failing sources are still backing off, not asked again
    third = f"{len(CASES) + 1} sources, {len(CASES) + 1 - failing} unchanged, 0 failed, {failing} backing off, 0 new"
    assert third in cycle.third.output


def test_no_post_carries_live_slack_syntax(cycle):
    for post in cycle.posts():
        for raw in RAW_SLACK_SYNTAX:
            assert raw not in post, (raw, post[:500])
        assert not re.search(r"(?<![<|])@(channel|here|everyone)\b", post), post[:500]  # broken by a zero-width space


# --- per-case detail ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "served"), [("billion-laughs", BILLION_LAUGHS), ("quadratic-blowup", QUADRATIC)])
def test_entities_not_expanded(cycle, name, served):
    (found,) = [i for i in cycle.items(name) if i["id"] not in cycle.baseline_ids[name]]
    assert len(found["text"]) <= len(served) and "lollol" not in found["text"] and "AAAAAAAAAA" not in found["text"]


@pytest.mark.parametrize("name", ["xxe-file", "dtd-fetch", "dtd-parameter-entity"])
def test_nothing_external_read_or_fetched(cycle, name):
    assert not [r for r in cycle.server.requests if r.path.startswith("/canary")]
    for found in cycle.items(name):
        assert "root:" not in found["title"] + found["text"]
    assert len(cycle.items(name)) == 3


def test_truncated_feed_keeps_complete_entries(cycle):
    titles = {i["title"] for i in cycle.items("truncated")}
    assert {"Baseline 1 of truncated", "Baseline 2 of truncated"} <= titles


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("euc-kr", "북한 해킹조직 라자루스, 가상자산 거래소 공격"),
        ("shift-jis", "北朝鮮のハッカー集団ラザルス、暗号資産交換業者を攻撃"),
        ("wrong-declared-encoding", "라자루스 그룹의 새로운 공격 (declared utf-8, sent as EUC-KR)"),
    ],
)
def test_legacy_encodings_decoded_and_alerted(cycle, name, title):
    assert title in {i["title"] for i in cycle.items(name)}
    assert len(cycle.posts_for(title)) == 1


def test_missing_fields(cycle):
    stored = {i["title"]: i for i in cycle.items("missing-fields")}
    assert (
        stored["Title only, no link or date"]["url"] == ""
        and stored["Title only, no link or date"]["published"] is None
    )
    assert any(i["url"].endswith("/missing-fields/link-only") for i in stored.values())
    skipped = [json.loads(line) for line in cycle.log_lines("missing-fields") if "extract_skipped" in line]
    assert skipped[0]["skipped"] == 1


def test_implausible_dates_stored_without_a_date(cycle):
    odd = [i for i in cycle.items("odd-dates") if i["title"].startswith("Dated")]
    assert len(odd) == 3 and all(i["published"] is None for i in odd)


def test_duplicate_guid_in_one_feed_stored_once(cycle):
    assert len([i for i in cycle.items("duplicate-guids") if "guid dup" in i["title"]]) == 1


def test_changing_guid_for_same_url_is_not_a_new_item(cycle):
    assert {i["id"] for i in cycle.items("changing-guids")} == cycle.baseline_ids["changing-guids"]
    assert cycle.posts_for("changing-guids") == []
    (report,) = [json.loads(x) for x in cycle.log_lines("changing-guids") if "source refreshed" in x]
    assert (report["items"], report["new_items"]) == (2, 0)


def test_non_http_links_dropped(cycle):
    found = [i for i in cycle.items("bad-link-schemes") if i["title"].startswith("Lazarus")]
    assert len(found) == 3 and all(i["url"] == "" for i in found)
    for post in cycle.posts_for("Lazarus"):
        assert not re.search(r"javascript:|data:text|file:///", post)


def test_long_title_capped(cycle):
    (found,) = [i for i in cycle.items("long-title") if i["title"].startswith("Lazarus")]
    assert len(found["title"]) <= 500
    (post,) = cycle.posts_for("Lazarus AAAA")
    assert len(post) < 20_000  # the stand-in already rejected anything over Slack's limits


def test_control_and_bidi_characters_never_reach_slack(cycle):
    (post,) = cycle.posts_for("gnp.exe")
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b\x00-\x08\x1b]", post.replace("@\u200b", "@"))


def test_mrkdwn_tricks_inert(cycle):
    (post,) = cycle.posts_for("URGENT")
    assert "https://evil.example" not in post and "evil[.]example" in post  # defanged: no live link
    assert "[click here](hxxps://evil[.]example/x)" in post or "click here" in post


def test_html_script_generated_page_is_an_error_not_silently_empty(cycle):
    state = cycle.state("html-script-generated")
    assert "script-generated" in state["last_error"] and state["items_last_fetch"] == 1
