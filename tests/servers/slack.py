"""Loopback Slack Web API stand-in (placeholder, being written)."""
