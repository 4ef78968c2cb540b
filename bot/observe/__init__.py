"""Observing the bot: logs, Prometheus metrics and the operators' HTTP endpoints."""
