"""Routing: the match rules, one post per channel, digest windows, routes.yaml validation, the CLI."""

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.config.routes import Digest, RoutesFile, load_routes
from bot.delivery.route import Router, window_end
from bot.errors import ConfigError
from bot.records import Item, Tags

CONFIG = {
    "notifiers": [
        {"name": "intel", "type": "slack", "channel": "C1"},
        {"name": "ops", "type": "slack", "channel": "C2"},
        {"name": "soc", "type": "webhook", "url_env": "SOC_URL"},
    ],
    "routes": [
        {"name": "all", "to": ["intel"]},
        {
            "name": "crypto",
            "to": ["soc", "intel"],
            "match": {"actors": ["BlueNoroff", "TraderTraitor"], "sectors": ["cryptocurrency"], "min_score": 0.5},
        },
        {
            "name": "korean",
            "to": ["soc"],
            "match": {"languages": ["ko"]},
            "mode": "digest",
            "digest": {"every": "daily", "at": "08:30", "timezone": "Asia/Seoul"},
        },
        {"name": "related", "to": ["ops"], "match": {"dprk_cyber": None, "dprk_related": True, "sources": ["kr"]}},
    ],
}
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def resolve(name):
    return {"BlueNoroff": "APT38"}.get(name, name)


def item(source="news", language="en"):
    return Item(source=source, id="x", url="", title="t", published=None, text="", language=language)


def tags(**kw):
    return Tags(**{"dprk_cyber": True, "dprk_related": True, "score": 0.9, **kw})


ROUTER = Router(RoutesFile.model_validate(CONFIG), resolve)


@pytest.mark.parametrize(
    ("the_item", "the_tags", "expected"),
    [
        (item(), tags(), {("intel", "C1", "all", "immediate")}),
        (item(), tags(dprk_cyber=False), set()),
        (
            item(),
            tags(actors=("APT38",), sectors=("cryptocurrency",)),
            {("intel", "C1", "all", "immediate"), ("soc", "soc", "crypto", "immediate")},
        ),
        (
            item(),
            tags(actors=("APT38",), sectors=("cryptocurrency",), score=0.4),
            {("intel", "C1", "all", "immediate")},
        ),
        (item(), tags(actors=("Kimsuky",), sectors=("cryptocurrency",)), {("intel", "C1", "all", "immediate")}),
        (item(language="ko"), tags(), {("intel", "C1", "all", "immediate"), ("soc", "soc", "korean", "digest")}),
        # immediate wins over digest for the same notifier and channel
        (
            item(language="ko"),
            tags(actors=("TraderTraitor",), sectors=("cryptocurrency",)),
            {("intel", "C1", "all", "immediate"), ("soc", "soc", "crypto", "immediate")},
        ),
        (item(source="kr"), tags(dprk_cyber=False), {("ops", "C2", "related", "immediate")}),
        (item(source="kr"), tags(dprk_cyber=False, dprk_related=False), set()),
    ],
)
def test_routing_matrix(the_item, the_tags, expected):
    targets = ROUTER.targets(the_item, the_tags, NOW)
    assert {(t.notifier, t.channel, t.route, t.mode) for t in targets} == expected
    assert len(targets) == len(expected)  # one target per channel


def test_explain_gives_the_reason():
    reasons = dict(ROUTER.explain(item(), tags(actors=("Kimsuky",), score=0.3)))
    assert reasons["all"] is None
    assert reasons["crypto"] == "score 0.30 < 0.50"
    assert reasons["korean"] == "language en not in ['ko']"


@pytest.mark.parametrize(
    ("digest", "now", "end"),
    [
        (Digest(every="hourly"), datetime(2026, 11, 26, 12, 10, tzinfo=UTC), datetime(2026, 11, 26, 13, 0, tzinfo=UTC)),
        # 08:30 in Seoul is 23:30 UTC the day before
        (
            Digest(at="08:30", timezone="Asia/Seoul"),
            datetime(2026, 11, 26, 12, 0, tzinfo=UTC),
            datetime(2026, 11, 26, 23, 30, tzinfo=UTC),
        ),
        (
            Digest(at="08:30", timezone="Asia/Seoul"),
            datetime(2026, 11, 26, 23, 30, tzinfo=UTC),
            datetime(2026, 11, 27, 23, 30, tzinfo=UTC),
        ),
        # New York: 09:00 is 14:00 UTC in winter and 13:00 UTC in summer
        (
            Digest(at="09:00", timezone="America/New_York"),
            datetime(2026, 1, 5, 15, 0, tzinfo=UTC),
            datetime(2026, 1, 6, 14, 0, tzinfo=UTC),
        ),
        (
            Digest(at="09:00", timezone="America/New_York"),
            datetime(2026, 7, 5, 12, 0, tzinfo=UTC),
            datetime(2026, 7, 5, 13, 0, tzinfo=UTC),
        ),
    ],
)
def test_digest_window_end(digest, now, end):
    assert window_end(digest, now) == end


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "notifiers:\n  - {name: a, type: slack}\nroutes:\n  - {name: r, to: [a]}\n",
            "routes.yaml:2 notifiers[0].channel: required for type slack",
        ),
        (
            "notifiers:\n  - {name: a, type: console}\nroutes:\n  - {name: r, to: [b]}\n",
            "route 'r': unknown notifier 'b'",
        ),
        (
            "notifiers:\n  - {name: a, type: webhook, url_env: https://hooks.example.org/T0/B0/secret}\n"
            "routes:\n  - {name: r, to: [a]}\n",
            "notifiers[0].url_env: must be the NAME of an environment variable",
        ),
        (
            "notifiers:\n  - {name: a, type: console}\nroutes:\n  - name: r\n    to: [a]\n    mode: digest\n"
            "    digest: {timezone: Mars/Olympus}\n",
            "routes.yaml:7 routes[0].digest.timezone: unknown time zone",
        ),
        (
            "notifiers:\n  - {name: a, type: console}\nroutes:\n  - {name: r, to: [a], match: {actor: [x]}}\n",
            "routes[0].match.actor: unknown key",
        ),
        (
            "notifiers:\n  - {name: a, type: pager}\nroutes:\n  - {name: r, to: [a]}\n",
            "notifiers[0].type: must be one of",
        ),
    ],
)
def test_invalid_routes_files(tmp_path, text, error):
    path = tmp_path / "routes.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_routes(path)
    assert error in str(info.value).replace(str(tmp_path) + "/", "")


def test_routes_test_command_explains(tmp_path):
    path = tmp_path / "routes.yaml"
    path.write_text(
        "notifiers:\n  - {name: intel, type: console}\n  - {name: soc, type: console}\nroutes:\n"
        "  - {name: all, to: [intel]}\n  - {name: kimsuky, to: [soc], match: {actors: [APT43]}}\n"
        "  - {name: crypto, to: [soc], match: {sectors: [cryptocurrency]}}\n"
    )
    text = "North Korean hackers of the Kimsuky group sent spear-phishing emails to think tank researchers."
    result = CliRunner().invoke(cli, ["routes", "test", "--routes", str(path), "--text", text])
    assert result.exit_code == 0, result.output
    assert "take  all" in result.output and "take  kimsuky" in result.output
    assert "skip  crypto: no sector of ['cryptocurrency']" in result.output
    assert "-> intel (intel) via all, immediate" in result.output
    assert "-> soc (soc) via kimsuky, immediate" in result.output
    check = CliRunner().invoke(cli, ["routes", "check", "--routes", str(path)])
    assert check.exit_code == 0 and "ok, 2 notifiers, 3 routes" in check.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("notifiers: []\nroutes: []\n")
    assert CliRunner().invoke(cli, ["routes", "check", "--routes", str(bad)]).exit_code == 2
