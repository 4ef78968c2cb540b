"""Shared fixtures: the loopback servers live in tests/servers/, one module each."""

pytest_plugins = ["tests.servers.feeds", "tests.servers.slack", "tests.servers.webhook"]
