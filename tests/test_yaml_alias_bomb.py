"""YAML alias bombs in sources.yaml and routes.yaml: a config error (exit 2) at once, never minutes and gigabytes."""

import resource
import subprocess
import sys

from click.testing import CliRunner

from bot.cli import cli
from bot.config.routes import load_routes
from bot.config.sources import load_sources
from bot.config.yamlfile import ALIAS_BUDGET


def bomb(levels: int, top: str = "sources") -> str:
    """The 'billion laughs' of YAML: each line nine aliases of the one above (9**levels strings)."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]")
    lines.append(f"{top}: [*l{levels - 1}]")
    return "\n".join(lines) + "\n"


def _limit_memory():  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024**2, 1536 * 1024**2))


def test_nine_line_bomb_is_exit_2_in_a_real_process(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(bomb(8))
    assert len(path.read_text().splitlines()) == 9
    # before the fix: 50 s and 2 GB, then a MemoryError traceback (here: the memory limit or the timeout)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "sources", "check", str(path)],
        capture_output=True, text=True, timeout=120, preexec_fn=_limit_memory,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr[-500:]
    assert "Traceback" not in done.stderr
    assert f"{path}:1 invalid YAML: aliases would expand the file" in done.stderr


def test_sources_bomb_refused_before_expansion(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(bomb(5))  # 59,049 strings: small enough to expand, far over the budget
    result = CliRunner().invoke(cli, ["sources", "check", str(path)])
    assert result.exit_code == 2
    assert "aliases would expand the file to" in result.output


def test_routes_bomb_refused(tmp_path):
    path = tmp_path / "routes.yaml"
    path.write_text(bomb(5, top="notifiers"))
    check = CliRunner().invoke(cli, ["routes", "check", "--routes", str(path)])
    assert check.exit_code == 2
    assert "aliases would expand the file to" in check.output


def test_ordinary_aliases_and_merge_keys_still_work(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n"
        '  - &first {name: s0, type: rss, every: 30m, url: "https://s0.example.org/feed"}\n'
        + "".join(f'  - {{<<: *first, name: s{n}, url: "https://s{n}.example.org/feed"}}\n' for n in range(1, 200))
    )
    sources = load_sources(path)
    assert len(sources) == 200 and sources[199].every == 1800.0 and sources[199].url.startswith("https://s199.")


def test_alias_just_under_the_budget_is_fine(tmp_path):
    per = ALIAS_BUDGET // 10 - 1  # ten aliases of a list of `per` strings add fewer than ALIAS_BUDGET nodes
    path = tmp_path / "routes.yaml"
    path.write_text(
        "notifiers:\n  - {name: a, type: console}\nroutes:\n  - {name: r, to: [a], match: {sources: &many ["
        + ",".join(f"s{n}" for n in range(per))
        + "]}}\n"
        + "".join(f"  - {{name: r{n}, to: [a], match: {{sources: *many}}}}\n" for n in range(9))
    )
    assert len(load_routes(path).routes) == 10


def test_hot_reload_rejects_a_bomb_and_keeps_running(tmp_path, monkeypatch):
    from bot.run.daemon import Daemon
    from bot.run.health import Ops
    from bot.run.runtime import Runtime
    from tests.test_reload import BASE, NOW, jobs

    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources.yaml").write_text(BASE)
    rt = Runtime(
        db_path=tmp_path / "a.db", tagger=None, routes=None, notifiers={}, now=lambda: NOW,
        ops=Ops((("ops", "C0OPS"),), 3),
    )  # fmt: skip
    d = Daemon(rt, tmp_path / "sources.yaml", env={})
    d.scheduler.start(paused=True)
    try:
        d.start_jobs()
        (tmp_path / "sources.yaml").write_text(bomb(5))
        assert d.reload() == "invalid"
        assert set(jobs(d)) == {"agency", "news"}
        (payload,) = rt.db().execute("SELECT payload FROM outbox WHERE kind = 'ops'").fetchone()
        assert "aliases would expand the file" in payload
    finally:
        d.scheduler.shutdown(wait=False)
