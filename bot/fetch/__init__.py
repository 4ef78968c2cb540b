"""Fetching: the HTTP client and its guards (addresses, politeness, inflation, headers), full text, discovery."""
