"""Loopback HTTP server for feed and page fixtures (placeholder, being written)."""
