"""Shared fixtures and helpers; the loopback servers live in tests/servers/, one module each.

Every test runs under `loopback_only`: a connection from this process to anything but 127.0.0.1 (or ::1)
fails the test at once, so no test can reach the internet or a private address, even by accident.

Helpers for tests to import (`from tests.conftest import Clock, make_source, serving`): `make_source` builds a
resolved Source with the loader's defaults, `Clock` is the injected clock (wall time, monotonic time, recorded
sleeps), `serving(db)` runs `advisory-bot serve` on an ephemeral loopback port.
Fixtures: `fresh_db` (an empty archive), `archive` (the analysts' archive of tests/analyst_archive.py, built once
per module and read-only), `writable_archive` (the same, built for one test that changes it), `clock`, `workdir`
(an empty working directory with a console-only routes.yaml and no Slack token).
Tests that take seconds (real processes crashed or timed, whole cycles end to end) are marked `slow`: the edit
loop runs `pytest -m "not slow"`, the full suite runs them all.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from bot.config.sources import Source
from storage import open_archive
from tests.analyst_archive import build

pytest_plugins = ["tests.servers.feeds", "tests.servers.slack", "tests.servers.webhook"]

LOOPBACK = ("127.0.0.1", "::1")
CONSOLE_ROUTES = (
    "notifiers:\n  - name: console\n    type: console\nroutes:\n  - name: dprk\n    to: [console]\n"
    "    match: {dprk_cyber: true}\n"
)
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Refuse, in this process, any TCP connection to a host other than loopback."""
    real = socket.socket.connect

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            assert address[0] in LOOPBACK, f"non-loopback connection attempted: {address}"
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def make_source(name: str, type: str, language: str = "en", **kwargs) -> Source:
    """A resolved Source as bot.config.sources.resolve would build it."""
    values = dict(
        url="https://example.org/",
        every=1800.0,
        timeout=20.0,
        max_bytes=10 * 2**20,
        enabled=True,
        selectors=None,
        fields=None,
        allow_private=False,
    )
    values.update(kwargs)
    return Source(name=name, type=type, language=language, **values)


class Clock:
    """An injected clock: `now` for wall time, `mono` for monotonic time; `sleep` records and advances both."""

    def __init__(self, now: datetime = NOW, mono: float = 0.0):
        self.now, self.mono, self.sleeps = now, mono, []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.mono += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def fresh_db(tmp_path):
    """An empty archive (the schema, no rows) in a fresh directory."""
    return open_archive(tmp_path / "data" / "advisories.db")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The analysts' archive, built once for a module whose tests only read it."""
    path = tmp_path_factory.mktemp("archive") / "advisories.db"
    build(path).close()
    return path


@pytest.fixture
def writable_archive(tmp_path):
    """The analysts' archive, built for one test that changes it."""
    path = tmp_path / "advisories.db"
    build(path).close()
    return path


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty working directory: a console-only routes.yaml, no archive, no Slack token."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    (tmp_path / "routes.yaml").write_text(CONSOLE_ROUTES)
    return tmp_path


@contextlib.contextmanager
def serving(db, **env):
    """`advisory-bot serve` over `db` on an ephemeral loopback port, with `env` added (ADVISORY_BOT_SERVE_* of this
    process left out): yields (process, base URL); the process is stopped on exit, its pipes still readable."""
    command = [sys.executable, "-m", "bot", "serve", "--port", "0", "--db", str(db)]
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ADVISORY_BOT_SERVE")} | env
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ)
    try:
        line = proc.stdout.readline()
        assert "read-only at http://127.0.0.1:" in line, (line, proc.stderr.read() if proc.poll() else "")
        yield proc, line.split(" at ")[1].strip().rstrip("/")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
