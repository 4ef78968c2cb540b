"""Shared fixtures: the loopback servers live in tests/servers/, one module each.

Every test runs under `loopback_only`: a connection from this process to anything but 127.0.0.1 (or ::1)
fails the test at once, so no test can reach the internet or a private address, even by accident.
"""

import socket

import pytest

pytest_plugins = ["tests.servers.feeds", "tests.servers.slack", "tests.servers.webhook"]

LOOPBACK = ("127.0.0.1", "::1")


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Refuse, in this process, any TCP connection to a host other than loopback."""
    real = socket.socket.connect

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            assert address[0] in LOOPBACK, f"non-loopback connection attempted: {address}"
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
